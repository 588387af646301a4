"""The standards table as a page: the head office extends it without a code change, and the new
standard is offered on certificates and in "any of" eligibility rules at once (issue 17 point 3)."""

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from producers.forms import CertificationForm
from producers.models import QualityStandard
from tests.factories import ProducerGroupFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_office(client):
    client.force_login(UserFactory(role="national_officer"))
    return client


def test_a_standard_added_by_the_head_office_is_offered_on_certificates(head_office):
    response = head_office.post(
        reverse("producers:standard_create"),
        {"code": "GI", "name": "สิ่งบ่งชี้ทางภูมิศาสตร์ (GI)", "default_for": ["food", "herbal"]},
    )
    assert response.status_code == 302
    standard = QualityStandard.objects.get(code="gi")
    assert standard.default_for == ["food", "herbal"]
    assert standard.history.first().history_user.role == "national_officer"
    form = CertificationForm(group=ProducerGroupFactory())
    assert "gi" in {str(choice[0]) for choice in form.fields["standard"].choices}
    listing = head_office.get(reverse("producers:standard_list")).content.decode()
    assert "สิ่งบ่งชี้ทางภูมิศาสตร์ (GI)" in listing and "อาหาร" in listing


def test_a_code_cannot_be_taken_twice_or_changed(head_office):
    response = head_office.post(
        reverse("producers:standard_create"), {"code": "mpc", "name": "ซ้ำ", "default_for": []}
    )
    assert response.status_code == 200
    assert "มีมาตรฐานรหัสนี้อยู่แล้ว" in response.content.decode()
    head_office.post(
        reverse("producers:standard_edit", kwargs={"code": "mpc"}),
        {"code": "other-code", "name": "มผช. (แก้ชื่อ)", "default_for": ["textile"]},
    )
    assert QualityStandard.objects.get(code="mpc").name == "มผช. (แก้ชื่อ)"
    assert not QualityStandard.objects.filter(code="other-code").exists()


def test_a_provincial_officer_reads_the_table_but_cannot_change_it(client):
    client.force_login(UserFactory(role="officer"))
    page = client.get(reverse("producers:standard_list"))
    assert (
        page.status_code == 200
        and reverse("producers:standard_create") not in page.content.decode()
    )
    assert client.get(reverse("producers:standard_create")).status_code == 403


@settings(max_examples=20, deadline=None)
@given(code=st.text(max_size=30), name=st.text(max_size=200))
def test_any_code_and_name_either_saves_or_says_why_in_thai(code, name):
    before = QualityStandard.objects.count()
    form_data = {"code": code, "name": name, "default_for": []}
    from producers.views.standards import StandardForm

    form = StandardForm(form_data)
    if form.is_valid():
        assert form.cleaned_data["code"] == form.cleaned_data["code"].lower()
    else:
        assert QualityStandard.objects.count() == before
        assert all(
            any("\u0e01" <= ch <= "\u0e5b" for ch in " ".join(errors))
            for errors in form.errors.values()
        )
