"""Each sales model's `visible_to(user)` (what list pages, exports and detail getters read) lets a
person see exactly the rows the permission on the matching detail page allows: for every role of
the permission matrix, the head office and district officers included."""

import pytest

from producers.models import ProducerGroup
from sales.models import (
    ActionItem,
    ChannelSale,
    DailySales,
    EncouragementVisit,
    FairDayVisitors,
    FairSalesPolicy,
    IssueReport,
    MeetingAttendance,
    NetworkMeeting,
    SalesTarget,
)
from tests.matrix_world import world_fixture


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("visible_media"))


def _group_report(user, row):
    return user.has_perm("sales.view_group_report", row.assignment.application)


def _fair_report(user, row):
    return user.has_perm("sales.view_fair_report", row.fair)


def _channel_ledger(user, sale):
    may_read = user.has_perm("sales.view_channel_sales")
    return may_read and ProducerGroup.objects.visible_to(user).filter(pk=sale.group_id).exists()


def _action_item(user, item):
    """Officers read the items of the meetings they may open; a producer their own group's items
    (on their home page), not every item of a meeting they attended."""
    if user.is_active and user.is_producer and not user.is_superuser:
        return item.owner_group is not None and item.owner_group.members.filter(pk=user.pk).exists()
    return user.has_perm("sales.view_meeting", item.meeting)


# Each model, and whether a user may open the page that shows one of its rows.
SHOWN_ON = {
    DailySales: _group_report,
    EncouragementVisit: _group_report,
    IssueReport: lambda user, issue: user.has_perm("sales.view_issue", issue),
    NetworkMeeting: lambda user, meeting: user.has_perm("sales.view_meeting", meeting),
    MeetingAttendance: lambda user, row: user.has_perm("sales.view_meeting", row.meeting),
    ActionItem: _action_item,
    FairSalesPolicy: _fair_report,
    FairDayVisitors: _fair_report,
    SalesTarget: _fair_report,
    ChannelSale: _channel_ledger,
}


@pytest.mark.parametrize("model", SHOWN_ON, ids=lambda model: model.__name__)
def test_list_and_detail_agree_for_every_role(db, world, model):
    rows = list(model.objects.all())
    assert rows, f"the matrix world has no {model.__name__}"
    disagreements = []
    for role, user in world.users.items():
        listed = set(model.objects.visible_to(user).values_list("pk", flat=True))
        for row in rows:
            opens = SHOWN_ON[model](user, row)
            if (row.pk in listed) != opens:
                disagreements.append(
                    f"{role}: row {row.pk} listed {row.pk in listed}, opens {opens}"
                )
    assert not disagreements, "\n".join(disagreements)


@pytest.mark.parametrize("model", SHOWN_ON, ids=lambda model: model.__name__)
def test_every_role_sees_some_rows_and_someone_sees_none(db, world, model):
    """The agreement above is not the agreement of two empty answers."""
    seen = {role: model.objects.visible_to(user).exists() for role, user in world.users.items()}
    assert seen["superuser"] and seen["national"]
    assert not seen["inactive"] and not seen["committee_other"]
