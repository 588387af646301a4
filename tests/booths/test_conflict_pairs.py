"""Who may never score whom: a member's declared conflicts, every application from their home
district and their own group's application. The fair-wide pairs (reviewer assignment) and one
application's conflicted members (the appeal page, a late reviewer) follow the same rule, read
in a fixed number of queries however large the committee."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import ConflictOfInterest
from booths.services.review import conflict_pairs, conflicted_members
from tests.booths.national import national_fair
from tests.factories import CommitteeMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return national_fair(per_district=2)


def _applications(world):
    return [app for apps in world.applications.values() for app in apps]


SEATS = st.lists(
    st.tuples(
        st.none() | st.integers(0, 3),  # home district: index into the fair's four, or none
        st.none() | st.integers(0, 7),  # own group: index into the eight applications, or none
        st.sets(st.integers(0, 7), max_size=3),  # declared conflicts
    ),
    min_size=1,
    max_size=5,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seats=SEATS)
def test_the_pairs_and_one_applications_conflicted_members_follow_the_rule(world, seats):
    applications = _applications(world)
    districts = list(world.applications)
    with transaction.atomic():
        expected = set()
        for home, own, declared in seats:
            member = CommitteeMemberFactory(
                fair=world.fair,
                home_district_id=None if home is None else districts[home],
                own_group=None if own is None else applications[own].group,
            )
            for index in declared:
                ConflictOfInterest.objects.create(
                    member=member, application=applications[index], reason="ญาติ"
                )
            for index, app in enumerate(applications):
                # The oracle: the rule read from the choices above, not from the database.
                same_district = home is not None and districts[home] == districts[index // 2]
                if same_district or own == index or index in declared:
                    expected.add((member.pk, app.pk))
        assert conflict_pairs(world.fair) == expected
        for app in applications:
            assert conflicted_members(app) == {m for m, a in expected if a == app.pk}
        transaction.set_rollback(True)


@pytest.mark.parametrize("seats", [2, 12])
def test_the_fair_wide_pairs_take_three_queries_whatever_the_committee(
    world, seats, django_assert_num_queries
):
    districts = list(world.applications)
    applications = _applications(world)
    for n in range(seats):
        CommitteeMemberFactory(
            fair=world.fair,
            home_district_id=districts[n % 4],
            own_group=applications[n % 8].group,
        )
    with django_assert_num_queries(3):
        pairs = conflict_pairs(world.fair)
    assert len(pairs) == seats * 2 + sum(
        1 for n in range(seats) if n % 8 // 2 != n % 4
    )  # two from the home district, plus the own group's when it lies in another district
