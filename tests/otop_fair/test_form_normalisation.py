"""Every form of the app reads typed text through the one normaliser (never a password), so a
pasted spelling saves the same value as the clean one, and a name of invisible characters is
refused."""

import importlib
import pkgutil

import pytest
from django import forms
from django.urls import resolve, reverse
from hypothesis import given
from hypothesis import strategies as st

from otop_fair.accounts.forms import SignInForm
from otop_fair.forms import ThaiInputMixin
from producers.forms import GroupContactForm, GroupForm
from producers.models import ProducerGroup
from tests.factories import ProducerGroupFactory, UserFactory, officer_of
from tests.test_bad_input import SETTINGS
from tests.thai_input import (
    canonical_phones,
    clean_codes,
    clean_names,
    invisible_only,
    phone_spellings,
    polluted,
)

APPS = ("booths", "producers", "sales", "otop_fair")


def _import_form_modules():
    """Every module of the apps whose name says it holds forms, wherever it sits."""
    for app in APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if "form" in module.name.rsplit(".", 1)[-1]:
                importlib.import_module(module.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_of_the_app_normalises_its_input():
    _import_form_modules()
    ours = {c for c in _subclasses(forms.BaseForm) if c.__module__.split(".")[0] in APPS}
    assert len(ours) > 25
    assert [c.__name__ for c in ours if not issubclass(c, ThaiInputMixin)] == []


def test_the_sign_in_form_normalises_the_username_but_not_the_password(db):
    assert resolve(reverse("login")).func.view_class.form_class is SignInForm
    form = SignInForm(data={"username": "\u200bofficer ", "password": " pass\u200b "})
    form.full_clean()
    assert form.data["username"] == "officer"
    assert form.data["password"] == " pass\u200b "


@pytest.fixture
def officer_50(db):
    return officer_of("50", username="officer_normalise")


def _group_data(group_for_address, **values):
    sub = group_for_address.subdistrict
    base = {
        "name": "กลุ่มทดสอบ",
        "group_type": "community",
        "registration_no": "OTOP-N-1",
        "contact_name": "สมศรี",
        "phone": "0812345678",
        "province": "50",
        "district": str(sub.district_id),
        "subdistrict": str(sub.pk),
        "is_active": "on",
    }
    return base | values


@pytest.fixture
def address_group(db):
    return ProducerGroupFactory(province_code="50")


@SETTINGS
@given(data=st.data(), name=clean_names, number=clean_codes, phone=canonical_phones)
def test_a_pasted_group_cleans_to_the_clean_values(
    officer_50, address_group, data, name, number, phone
):
    typed = _group_data(
        address_group,
        name=data.draw(polluted(name)),
        registration_no=data.draw(polluted(number, digits=True)),
        contact_name=data.draw(polluted("ป้าศรี")),
        phone=data.draw(phone_spellings(phone)),
    )
    form = GroupForm(data=typed, user=officer_50)
    assert form.is_valid(), form.errors
    cleaned = form.cleaned_data
    assert (cleaned["name"], cleaned["registration_no"]) == (name, number)
    assert (cleaned["contact_name"], cleaned["phone"]) == ("ป้าศรี", phone)


@SETTINGS
@given(name=invisible_only)
def test_a_group_name_of_invisible_characters_is_refused(officer_50, address_group, name):
    form = GroupForm(data=_group_data(address_group, name=name), user=officer_50)
    assert not form.is_valid()
    assert "name" in form.errors


def test_a_right_to_left_override_never_reaches_the_stored_name(client_for, officer_50):
    group = ProducerGroupFactory(province_code="50")
    data = _group_data(group, name="\u202eกลุ่มผ้า\u202c", registration_no="OTOP-RLO")
    response = client_for(officer_50).post(reverse("producers:group_create"), data)
    assert response.status_code == 302
    assert ProducerGroup.objects.get(registration_no="OTOP-RLO").name == "กลุ่มผ้า"


def test_a_registration_number_in_thai_digits_is_the_same_group(officer_50):
    group = ProducerGroupFactory(province_code="50", registration_no="OTOP-5012")
    form = GroupForm(data=_group_data(group, registration_no="OTOP-๕๐๑๒"), user=officer_50)
    assert not form.is_valid()
    assert form.errors["registration_no"]


@pytest.mark.parametrize("typed", ["โทรหาป้า", "12345", "+1 555 0100"])
def test_a_phone_that_is_not_thai_is_refused_next_to_the_field_in_thai(db, typed):
    group = ProducerGroupFactory(province_code="50")
    form = GroupContactForm(
        data={"contact_name": "ป้า", "phone": typed, "line_id": "", "address": ""},
        instance=group,
    )
    assert not form.is_valid()
    assert form.errors["phone"] == ["กรอกหมายเลขโทรศัพท์ของไทย เช่น 081 234 5678 หรือ 02 123 4567"]


def test_search_with_a_pasted_query_finds_the_group(client_for, officer_50):
    ProducerGroupFactory(province_code="50", name="กลุ่มน้ำพริกแม่ศรี")
    for query in ("น้ำพริก", "น\u0e4d\u0e49\u0e32พริก", "\u200bน้ำ\u00adพริก"):
        response = client_for(officer_50).get(reverse("producers:group_list"), {"q": query})
        assert "กลุ่มน้ำพริกแม่ศรี" in response.content.decode(), query


def test_passwords_are_never_normalised(db):
    user = UserFactory(username="pw_user")
    user.set_password(" secret\u200b ")
    user.save()
    form = SignInForm(data={"username": "pw_user", "password": " secret\u200b "})
    assert form.is_valid(), form.errors
