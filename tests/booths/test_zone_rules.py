"""Zones with their own rules: minimum stars, quadrant, OTOP mark, registered in the last N
years, an officer's flag with a reason, and categories. The applicant sees while applying which
zones they qualify for, and the allocation never seats anyone in a zone they do not qualify for."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from booths.eligibility import ApplicantFacts, ProductFacts, zone_rule
from booths.models import FairState, ProducerGroupFlag, ZoneRule
from booths.services import run_allocation
from booths.services.zone_rules import flag_group, qualifying_zones, set_zone_rule
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    ProducerGroupFactory,
    ProductFactory,
    StarRatingFactory,
    ZoneFactory,
)

FAIR_DAY = datetime.date(2027, 3, 1)


def facts(stars, quadrant, marks, registered_on, flags):
    products = tuple(
        ProductFacts(n, f"p{n}", "food", s, m)
        for n, (s, m) in enumerate(zip(stars, marks, strict=True))
    )
    return ApplicantFacts(
        "OTOP-1", True, "50", "เชียงใหม่", "north", products,
        quadrant=quadrant, registered_on=registered_on, flags=frozenset(flags),
    )  # fmt: skip


rules = st.builds(
    SimpleNamespace,
    categories=st.sets(st.sampled_from(["food", "textile"])).map(sorted),
    min_stars=st.none() | st.integers(1, 5),
    quadrants=st.sets(st.sampled_from("ABCD")).map(sorted),
    marks=st.sets(st.sampled_from(["premium", "standard"])).map(sorted),
    registered_within_years=st.none() | st.integers(1, 10),
    flag=st.sampled_from(["", "disaster", "border"]),
)


@settings(max_examples=150, deadline=None)
@given(
    rule=rules,
    stars=st.lists(st.none() | st.integers(1, 5), min_size=1, max_size=3),
    quadrant=st.sampled_from(["", "A", "B", "C", "D"]),
    mark=st.sampled_from(["", "premium", "standard"]),
    registered_on=st.none() | st.dates(datetime.date(2010, 1, 1), FAIR_DAY),
    flags=st.sets(st.sampled_from(["disaster", "border"])),
    category=st.sampled_from(["food", "textile"]),
)
def test_a_zone_takes_exactly_the_applicants_who_meet_every_part_of_its_rule(
    rule, stars, quadrant, mark, registered_on, flags, category
):
    applicant = facts(stars, quadrant, [mark] * len(stars), registered_on, flags)
    passed, reason = zone_rule(
        applicant, rule, category=category, on_date=FAIR_DAY, category_label="", flag_label="x"
    )
    years = rule.registered_within_years
    expected = (
        (not rule.categories or category in rule.categories)
        and (not rule.min_stars or all(s is not None and s >= rule.min_stars for s in stars))
        and (not rule.quadrants or quadrant in rule.quadrants)
        and (not rule.marks or mark in rule.marks)
        and (
            not years
            or (registered_on is not None and (FAIR_DAY - registered_on).days <= 365.25 * years)
        )
        and (not rule.flag or rule.flag in flags)
    )
    assert passed == expected and reason


def test_registered_exactly_n_years_before_the_fair_still_counts():
    rule = SimpleNamespace(
        categories=[], min_stars=None, quadrants=[], marks=[], registered_within_years=3, flag=""
    )
    on_the_day = facts([4], "", [""], datetime.date(2024, 3, 1), ())
    a_day_before = facts([4], "", [""], datetime.date(2024, 2, 29), ())
    kwargs = {"category": "food", "on_date": FAIR_DAY, "category_label": "", "flag_label": ""}
    assert zone_rule(on_the_day, rule, **kwargs)[0]
    assert not zone_rule(a_day_before, rule, **kwargs)[0]


pytestmark_db = pytest.mark.django_db


def _applicant(fair, zone, score, producer=None):
    group = ProducerGroupFactory(members=[producer] if producer else [])
    product = ProductFactory(group=group, category="textile")
    StarRatingFactory(product=product, score=Decimal(score))
    app = ApplicationFactory(fair=fair, group=group, status="eligible", zones=[zone])
    app.products.set([product])
    return app


@pytestmark_db
def test_the_allocation_seats_nobody_in_a_zone_they_do_not_qualify_for(fair, cm_officer):
    stars_zone = fair.zones.get()
    set_zone_rule(zone=stars_zone, by=cm_officer, min_stars=4)
    other = ZoneFactory(fair=fair, code="B")
    BoothFactory(zone=other)
    fair.state = FairState.SCORING
    fair.save()
    strong = _applicant(fair, stars_zone, "85")
    weak = _applicant(fair, stars_zone, "55")
    assert qualifying_zones(fair, [strong, weak]) == {
        strong.pk: frozenset({"A", "B"}),
        weak.pk: frozenset({"B"}),
    }
    run = run_allocation(fair=fair, by=cm_officer, seed=1)
    seats = dict(run.results.values_list("application_id", "booth__zone__code"))
    assert seats == {strong.pk: "A", weak.pk: "B"}


@pytestmark_db
def test_a_flag_needs_an_officers_reason_and_opens_the_zone_kept_for_it(fair, cm_officer):
    zone = fair.zones.get()
    set_zone_rule(zone=zone, by=cm_officer, flag="disaster")
    app = _applicant(fair, zone, "85")
    assert qualifying_zones(fair, [app])[app.pk] == frozenset()
    with pytest.raises(ValidationError):
        flag_group(group=app.group, flag="disaster", reason="", by=cm_officer)
    flag_group(group=app.group, flag="disaster", reason="น้ำท่วมปี 2569", by=cm_officer)
    assert qualifying_zones(fair, [app])[app.pk] == frozenset({"A"})
    record = ProducerGroupFlag.history.latest("history_date")
    assert record.history_user == cm_officer and record.history_change_reason == "น้ำท่วมปี 2569"


@pytestmark_db
def test_the_apply_page_says_which_zones_the_producer_qualifies_for(
    fair, cm_officer, producer_user, client_for
):
    zone = fair.zones.get()
    set_zone_rule(zone=zone, by=cm_officer, min_stars=5)
    open_zone = ZoneFactory(fair=fair, code="B")
    BoothFactory(zone=open_zone)
    _applicant(fair, zone, "85", producer=producer_user)
    page = client_for(producer_user).get(reverse("booths:apply", args=[fair.pk])).content.decode()
    fits = page[page.index('data-testid="zone-fits"') :]
    assert "ท่านไม่มีสิทธิ์ในโซนนี้" in fits and "5" in fits
    zone_b = fits[fits.index("B ") :].split("</li>")[0]
    assert "ไม่มีสิทธิ์" not in zone_b


@pytestmark_db
def test_an_officer_sets_and_clears_a_zone_rule_on_its_page(fair, cm_officer, client_for):
    zone = fair.zones.get()
    client = client_for(cm_officer)
    url = reverse("booths:zone_rule", args=[zone.pk])
    data = {"min_stars": "3", "quadrants": ["A", "B"], "categories": "food", "flag": ""}
    assert client.post(url, data).status_code == 302
    rule = ZoneRule.objects.get(zone=zone)
    assert rule.min_stars == 3 and rule.quadrants == ["A", "B"] and rule.categories == ["food"]
    assert client.post(url, {"min_stars": "9"}).status_code == 200
    assert client.post(url, {}).status_code == 302
    assert not ZoneRule.objects.filter(zone=zone).exists()


@pytestmark_db
def test_an_officer_records_a_flag_with_a_reason_on_the_groups_page(cm_officer, client_for):
    group = ProducerGroupFactory()
    client = client_for(cm_officer)
    url = reverse("booths:group_flags", args=[group.pk])
    assert client.post(url, {"flag": "disaster", "reason": "  "}).status_code == 200
    response = client.post(url, {"flag": "border", "reason": "ติดแนวชายแดน"})
    assert response.status_code == 302
    assert "ติดแนวชายแดน" in client.get(url).content.decode()
