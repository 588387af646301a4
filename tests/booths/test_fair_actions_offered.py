"""A fair's pages offer only what its state allows: for every state, each lifecycle step the
overview offers is accepted by its service and every step it does not offer is refused; each
action form a page offers is one its service accepts in that state, and none it refuses."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from booths.fair_actions import ACTION_STATES, STEP_TARGETS, allows
from booths.models import Fair, FairState
from booths.services import eligibility, floor, review, runs
from tests.booths.national import national_fair
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    CriterionFactory,
    FairFactory,
    ZoneFactory,
)

pytestmark = pytest.mark.django_db
STEP_URL = re.compile(r'action="/fairs/\d+/step/(\w+)/"')
OFFERED = re.compile(r'data-fair-action="(\w+)"')
PROVINCIAL_STATES = [s for s in FairState.values if s != FairState.NOMINATING]
# Each page with action forms (of the fair or one of its objects), and the actions it can offer.
PAGES = {
    "booths:fair_detail": {"allocate", "appeals"},
    "booths:zones": {"layout"},
    "booths:booths": {"layout"},
    "booths:eligibility_rules": {"eligibility_rules", "evaluate_eligibility"},
    "booths:criteria": {"rubric"},
    "booths:run_list": {"allocate"},
    "booths:committee": {"assign_reviewers"},
    "booths:booth_edit": {"layout"},
    "booths:zone_move": {"layout"},
    "booths:application_detail": {"evaluate_eligibility"},
}


def page_object(name, fair):
    """The object a page's URL names: the fair, or its booth, zone or application."""
    if name == "booths:booth_edit":
        return fair.booths.first()
    if name == "booths:zone_move":
        return fair.zones.first()
    if name == "booths:application_detail":
        return ApplicationFactory(fair=fair)
    return fair


def provincial_fair(state, officer):
    fair = FairFactory(created_by=officer)
    zone = ZoneFactory(fair=fair)
    BoothFactory(zone=zone)
    CriterionFactory(fair=fair)
    Fair.objects.filter(pk=fair.pk).update(state=state)
    fair.refresh_from_db()
    return fair


def step_refusal(fair, target):
    """The Thai message a step the state does not allow is refused with."""
    with translation.override("th"):
        return str(fair.transition_error(target) or "")


def refused_by_state(client, fair, step):
    """POST the confirmed step in a rolled-back savepoint: was it refused for the fair's state?
    (Ticked too: scoring before the nomination deadline must also be ticked.)"""
    target = STEP_TARGETS[step]
    refusal = step_refusal(fair, target)
    with transaction.atomic():
        response = client.post(
            reverse("booths:fair_step", args=[fair.pk, step]),
            {"confirmed": "1", "ticked": "1"},
            follow=True,
        )
        said = [str(m) for m in response.context["messages"]]
        moved = Fair.objects.get(pk=fair.pk).state != fair.state
        transaction.set_rollback(True)
    assert moved or said, f"step {step} neither moved the fair nor said why"
    return not moved and bool(refusal) and refusal in said


def assert_steps_agree(client, fair):
    page = client.get(reverse("booths:fair_detail", args=[fair.pk])).content.decode()
    offered = set(STEP_URL.findall(page))
    accepted = {step for step in STEP_TARGETS if not refused_by_state(client, fair, step)}
    assert offered == accepted, f"{fair.state}: offered {offered}, accepted {accepted}"


@pytest.mark.parametrize("state", PROVINCIAL_STATES)
def test_every_step_offered_is_accepted_and_no_refused_one_offered(client_for, cm_officer, state):
    assert_steps_agree(client_for(cm_officer), provincial_fair(state, cm_officer))


@pytest.mark.parametrize("state", [FairState.OPEN, FairState.NOMINATING, FairState.SCORING])
def test_a_national_fair_offers_its_nomination_step_only_when_allowed(client_for, state):
    world = national_fair(state=state)
    assert_steps_agree(client_for(world.head_office), world.fair)


def test_a_draft_fair_offers_no_step_that_needs_it_open(client_for, cm_officer):
    fair = provincial_fair(FairState.DRAFT, cm_officer)
    page = client_for(cm_officer).get(reverse("booths:fair_detail", args=[fair.pk]))
    html = page.content.decode()
    assert set(STEP_URL.findall(html)) == {"open"}
    assert reverse("booths:run_list", args=[fair.pk]) + '"' not in html.split("fair-actions")[1]
    assert not {"allocate", "appeals"} & set(OFFERED.findall(html))


def service_accepts(action, fair, officer):
    """Whether the service behind `action` accepts it for `fair` now (rolled back)."""
    calls = {
        "layout": lambda: floor.check_layout_editable(fair),
        "eligibility_rules": lambda: eligibility.set_rule(
            fair=fair, kind="min_stars", min_stars=3, by=officer
        ),
        "evaluate_eligibility": lambda: eligibility.evaluate_eligibility(fair=fair, by=officer),
        "rubric": lambda: review.copy_criteria(fair=fair, by=officer),
        "assign_reviewers": lambda: review.auto_assign(fair=fair, by=officer, k=1),
        "allocate": lambda: runs.run_allocation(fair=fair, by=officer, seed=1),
        "appeals": lambda: fair.state in ACTION_STATES["appeals"] and fair.is_scoring_closed,
    }
    with transaction.atomic():
        try:
            answer = calls[action]()
        except ValidationError:
            answer = False
        else:
            answer = answer is not False
        transaction.set_rollback(True)
    return answer


@pytest.mark.parametrize("state", PROVINCIAL_STATES)
def test_each_page_offers_exactly_the_actions_its_services_accept(client_for, cm_officer, state):
    fair = provincial_fair(state, cm_officer)
    client = client_for(cm_officer)
    for name, actions in PAGES.items():
        page = client.get(reverse(name, args=[page_object(name, fair).pk]))
        assert page.status_code == 200, name
        offered = set(OFFERED.findall(page.content.decode()))
        accepted = {a for a in actions if service_accepts(a, fair, cm_officer)}
        assert offered == accepted, f"{state} {name}: offered {offered}, accepted {accepted}"
        assert offered == {a for a in actions if allows(fair, a)}
