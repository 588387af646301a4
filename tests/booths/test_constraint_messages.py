"""Every database rule a fair's set-up form can break comes back as a Thai message next to the
field (or the rubric's cell), never a server error — however the duplicate is spelled."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from booths.models import Booth, Criterion, FairState, Zone
from tests.factories import BoothFactory
from tests.test_bad_input import SETTINGS
from tests.thai_input import polluted


@pytest.fixture
def draft(fair):
    fair.state = FairState.DRAFT
    fair.save()
    return fair


@pytest.fixture
def officer_client(client_for, cm_officer):
    return client_for(cm_officer)


@SETTINGS
@given(data=st.data())
def test_a_zone_code_already_in_the_fair_is_refused_next_to_the_code(draft, officer_client, data):
    typed = data.draw(polluted("A"))
    response = officer_client.post(
        reverse("booths:zones", args=[draft.pk]),
        {"code": typed, "name": "โซนซ้ำ", "color": "#ff0000"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"code": ["งานนี้มีโซนที่ใช้รหัสนี้อยู่แล้ว"]}
    assert Zone.objects.filter(fair=draft).count() == 1


def test_the_same_zone_code_in_another_fair_is_fine(draft, officer_client):
    BoothFactory()  # another fair with its own zone
    response = officer_client.post(
        reverse("booths:zones", args=[draft.pk]), {"code": "B", "name": "โซนบี", "color": "#00ff00"}
    )
    assert response.status_code == 302


@SETTINGS
@given(data=st.data())
def test_a_booth_edited_to_an_existing_code_is_refused_next_to_the_code(
    draft, officer_client, data
):
    first, second = draft.booths.order_by("pk")[:2]
    typed = data.draw(polluted(first.code, digits=True))
    response = officer_client.post(
        reverse("booths:booth_edit", args=[second.pk]),
        {"code": typed, "zone": second.zone_id, "booth_type": "standard"}
        | {"x_m": "0", "y_m": "0", "w_m": "3", "h_m": "3", "rotation": "0"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"code": ["งานนี้มีบูธที่ใช้รหัสนี้อยู่แล้ว"]}
    assert Booth.objects.get(pk=second.pk).code == second.code


def _rubric_post(criteria, changes=None, new_rows=()):
    """The rubric form as the page posts it, with `changes` per existing row and extra rows."""
    changes = changes or {}
    data = {"save": "1", "c-INITIAL_FORMS": str(len(criteria)), "c-MAX_NUM_FORMS": "1000"}
    rows = [
        {"id": str(c.pk), "name": c.name, "description": "", "weight": str(c.weight)}
        | {"max_score": str(c.max_score), "order": str(c.order)}
        | changes.get(c.pk, {})
        for c in criteria
    ] + [
        {"name": "", "description": "", "weight": "1", "max_score": "10", "order": "9"} | r
        for r in new_rows
    ]
    for index, row in enumerate(rows):
        data |= {f"c-{index}-{key}": value for key, value in row.items()}
    data["c-TOTAL_FORMS"] = str(len(rows))
    return data


def _rubric_errors(response):
    """Each row's errors; a rule's message belongs on its cell, never above the table."""
    formset = response.context["formset"]
    assert [list(f.non_field_errors()) for f in formset.forms] == [[]] * len(formset.forms)
    assert list(formset.non_form_errors()) == []
    return [form.errors for form in formset.forms]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("weight", "-5", "น้ำหนักต้องมากกว่าศูนย์"),
        ("weight", "0", "น้ำหนักต้องมากกว่าศูนย์"),
        ("max_score", "0", "คะแนนเต็มต้องมากกว่าศูนย์"),
    ],
)
def test_a_rubric_value_out_of_range_shows_on_its_cell(
    draft, officer_client, field, value, message
):
    criteria = list(draft.criteria.order_by("order", "pk"))
    before = list(Criterion.objects.values_list("weight", "max_score"))
    response = officer_client.post(
        reverse("booths:criteria", args=[draft.pk]),
        _rubric_post(criteria, {criteria[0].pk: {field: value}}),
    )
    assert response.status_code == 200
    assert _rubric_errors(response)[0][field] == [message]
    assert message in response.content.decode()
    assert list(Criterion.objects.values_list("weight", "max_score")) == before


def test_a_criterion_renamed_to_anothers_name_is_refused_on_its_cell(draft, officer_client):
    criteria = list(draft.criteria.order_by("order", "pk"))
    renamed = {criteria[1].pk: {"name": "\u200b" + criteria[0].name}}
    response = officer_client.post(
        reverse("booths:criteria", args=[draft.pk]), _rubric_post(criteria, renamed)
    )
    assert response.status_code == 200
    assert _rubric_errors(response)[1]["name"] == ["เกณฑ์การให้คะแนนมีหัวข้อชื่อนี้อยู่แล้ว"]


def test_two_new_criteria_of_one_name_are_refused_on_the_cell(draft, officer_client):
    criteria = list(draft.criteria.order_by("order", "pk"))
    response = officer_client.post(
        reverse("booths:criteria", args=[draft.pk]),
        _rubric_post(criteria, new_rows=[{"name": "ความสะอาด"}, {"name": "ความสะอาด "}]),
    )
    assert response.status_code == 200
    assert _rubric_errors(response)[3]["name"] == ["เกณฑ์การให้คะแนนมีหัวข้อชื่อนี้อยู่แล้ว"]
    assert draft.criteria.count() == 2
