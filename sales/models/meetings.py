"""Network meetings of producer groups and officers, who attended, and the action items agreed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from booths.models import Fair
from otop_fair.areas import area_q
from otop_fair.free_text import DESCRIPTION_LENGTH, MINUTES_LENGTH, REASON_LENGTH, FreeTextField
from otop_fair.query_expressions import any_of
from otop_fair.thai import thai_date
from producers.models import ProducerGroup, Province


def _attended_by(user):
    """The meetings a producer's group attended or was invited to (invited and missed included:
    the invitation links to the meeting)."""
    if not (user.is_authenticated and user.is_active and user.is_producer):
        return Q(pk__in=[])
    attended = MeetingAttendance.objects.filter(attended=True, group__members=user)
    invited = MeetingInvitee.objects.filter(group__members=user)
    return Q(pk__in=attended.values("meeting")) | Q(pk__in=invited.values("meeting"))


class NetworkMeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Officers see the meetings of their provinces (with or without a fair; a meeting without
        a province, none); producers the meetings their group attended or was invited to."""
        return self.filter(any_of(area_q(user, province="province"), _attended_by(user)))


class MeetingAttendanceQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Who came to a meeting is seen by whoever sees the meeting."""
        return self.filter(meeting__in=NetworkMeeting.objects.visible_to(user).values("pk"))


class ActionItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Officers see the action items of their provinces' meetings; a producer their own
        group's."""
        return self.filter(area_q(user, province="meeting__province", own="owner_group__members"))


class NetworkMeeting(models.Model):
    fair = models.ForeignKey(
        Fair,
        on_delete=models.SET_NULL,
        related_name="meetings",
        null=True,
        blank=True,
        verbose_name=_("fair"),
    )
    # Whose meeting it is: the fair's province, or the one chosen for a meeting without a fair.
    # Empty only on rows older than this field that no province could be found for; those are
    # seen by superusers alone — an empty province never means every province.
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        verbose_name=_("province"),
    )
    held_on = models.DateField(_("meeting date"))
    place = models.CharField(_("place"), max_length=200)
    agenda = FreeTextField(_("agenda"), max_length=DESCRIPTION_LENGTH, blank=True)
    minutes = FreeTextField(_("minutes"), max_length=MINUTES_LENGTH, blank=True)
    decisions = FreeTextField(_("decisions"), max_length=MINUTES_LENGTH, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    objects = NetworkMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")

    def __str__(self):
        return f"{self.place} {thai_date(self.held_on)}"

    def save(self, *args, **kwargs):
        if self.fair_id is not None:
            self.province_id = self.fair.province_id
        super().save(*args, **kwargs)


class MeetingPerson(models.Model):
    """A group or an officer named on a meeting's list (who came, who is invited): one of the
    two, never both, and each at most once a list."""

    group = models.ForeignKey(
        ProducerGroup, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.meeting}: {self.group or self.officer}"


def one_group_or_officer_once(*, either, group_once, officer_once):
    """The constraints of a MeetingPerson list, under the names each list's table already has."""
    return [
        models.CheckConstraint(
            condition=Q(group__isnull=True, officer__isnull=False)
            | Q(group__isnull=False, officer__isnull=True),
            name=either,
        ),
        models.UniqueConstraint(fields=["meeting", "group"], name=group_once),
        models.UniqueConstraint(fields=["meeting", "officer"], name=officer_once),
    ]


class MeetingAttendance(MeetingPerson):
    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="attendance")
    attended = models.BooleanField(_("attended"), default=True)

    objects = MeetingAttendanceQuerySet.as_manager()

    class Meta:
        constraints = one_group_or_officer_once(
            either="attendee_is_group_or_officer",
            group_once="group_attends_once",
            officer_once="officer_attends_once",
        )


class MeetingInvitee(MeetingPerson):
    """A group or an officer invited to a meeting: chosen by the officers, apart from who came
    (the attendance list). The invitation goes to invitees only."""

    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="invitees")

    class Meta:
        constraints = one_group_or_officer_once(
            either="invitee_is_group_or_officer",
            group_once="group_invited_once",
            officer_once="officer_invited_once",
        )


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action item status", "Open")
    DONE = "done", _("Done")


class ActionItem(models.Model):
    meeting = models.ForeignKey(
        NetworkMeeting, on_delete=models.CASCADE, related_name="action_items"
    )
    description = FreeTextField(_("action"), max_length=REASON_LENGTH)
    owner_group = models.ForeignKey(
        ProducerGroup,
        on_delete=models.SET_NULL,
        related_name="action_items",
        null=True,
        blank=True,
        verbose_name=_("responsible group"),
    )
    owner_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="action_items",
        null=True,
        blank=True,
        verbose_name=_("responsible officer"),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self):
        return self.description[:60]
