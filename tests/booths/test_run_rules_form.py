"""Allocation limits are chosen from Thai names in a table, errors sit on their cell, and the run
page reads the rules back as Thai sentences, never as a Python dict."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import FairState
from booths.run_forms import QUOTA_ROWS, RunForm
from booths.services import run_allocation
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(fair):
    fair.state = FairState.SCORING
    fair.save()
    zone = fair.zones.get()
    for _ in range(3):
        ApplicationFactory(fair=fair, status="eligible", zones=[zone])
    return fair


def test_officer_runs_with_a_province_quota_and_category_limit_chosen_by_name(
    scored, cm_officer, client_for
):
    response = client_for(cm_officer).post(
        f"/fairs/{scored.pk}/runs/",
        {"seed": "5", "quota_province_0": "50", "quota_booths_0": "2", "max_textile": "3"},
        follow=True,
    )
    run = scored.runs.get()
    assert run.rules == {
        "province_caps": {"50": 2},
        "category_min": {},
        "category_max": {"textile": 3},
    }
    page = response.content.decode()
    rules = page[page.index('data-testid="run-rules"') :].split("</div>")[0]
    assert "เชียงใหม่" in rules and "2" in rules
    assert "{" not in rules and "province_caps" not in page


def test_a_run_without_limits_says_so_in_thai(scored, cm_officer, client_for):
    run = run_allocation(fair=scored, by=cm_officer, seed=3)
    page = client_for(cm_officer).get(f"/fairs/runs/{run.pk}/").content.decode()
    assert "ไม่มีโควตาจังหวัดหรือข้อจำกัดประเภทสินค้า" in page


@pytest.mark.parametrize(
    ("data", "cell"),
    [
        ({"quota_province_0": "50"}, "quota_booths_0"),
        ({"quota_booths_1": "4"}, "quota_province_1"),
        ({"quota_province_0": "50", "quota_booths_0": "1", "quota_province_2": "50",
          "quota_booths_2": "1"}, "quota_province_2"),
        ({"min_food": "5", "max_food": "2"}, "max_food"),
    ],
)  # fmt: skip
def test_a_half_filled_or_contradictory_row_is_refused_on_its_cell(db, data, cell):
    form = RunForm(data)
    assert not form.is_valid()
    assert list(form.errors) == [cell]


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    data=st.dictionaries(
        st.sampled_from(
            [f"quota_province_{i}" for i in range(QUOTA_ROWS)]
            + [f"quota_booths_{i}" for i in range(QUOTA_ROWS)]
            + ["min_food", "max_food", "seed"]
        ),
        st.text(max_size=12),
    )
)
def test_any_typed_limits_give_rules_or_messages_on_cells(db, data):
    form = RunForm(data)
    if form.is_valid():
        rules = form.rules()
        assert set(rules) == {"province_caps", "category_min", "category_max"}
    else:
        assert all(name in form.fields for name in form.errors if name != "__all__")
