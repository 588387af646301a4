"""Who came to a meeting and who is invited are two lists of one kind (sales.models.MeetingPerson):
each row names a group or an officer, never both or neither, and each at most once a list — the
database says so for both lists, under the constraint names their tables had before they shared
a base."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from sales.models import MeetingAttendance, MeetingInvitee, NetworkMeeting
from tests.factories import ProducerGroupFactory, UserFactory

pytestmark = pytest.mark.django_db
CONSTRAINTS = {
    MeetingAttendance: {
        "attendee_is_group_or_officer",
        "group_attends_once",
        "officer_attends_once",
    },
    MeetingInvitee: {"invitee_is_group_or_officer", "group_invited_once", "officer_invited_once"},
}
LISTS = pytest.mark.parametrize("model", CONSTRAINTS, ids=lambda model: model.__name__)


@pytest.fixture
def meeting():
    officer = UserFactory(role="officer")
    return NetworkMeeting.objects.create(
        province_id="50", held_on=datetime.date(2026, 12, 1), place="ศาลากลาง", created_by=officer
    )


def _refused(model, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**fields)


@LISTS
def test_a_row_names_a_group_or_an_officer_never_both_nor_neither(model, meeting):
    group, officer = ProducerGroupFactory(), UserFactory(role="officer")
    _refused(model, meeting=meeting)
    _refused(model, meeting=meeting, group=group, officer=officer)
    assert model.objects.create(meeting=meeting, group=group)
    assert model.objects.create(meeting=meeting, officer=officer)


@LISTS
def test_a_group_or_an_officer_stands_once_on_a_list(model, meeting):
    group, officer = ProducerGroupFactory(), UserFactory(role="officer")
    model.objects.create(meeting=meeting, group=group)
    model.objects.create(meeting=meeting, officer=officer)
    _refused(model, meeting=meeting, group=group)
    _refused(model, meeting=meeting, officer=officer)


@LISTS
def test_the_constraints_keep_the_names_their_table_has(model):
    with connection.cursor() as cursor:
        names = set(connection.introspection.get_constraints(cursor, model._meta.db_table))
    assert CONSTRAINTS[model] <= names
    assert {c.name for c in model._meta.constraints} == CONSTRAINTS[model]
