"""What the booths app tells people, as notifications written in the event's own transaction."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from booths.models import (
    AppealStatus,
    Fair,
    FairState,
    OfferStatus,
    ReviewAssignment,
    ReviewStatus,
    RunResult,
    WaitlistOffer,
)
from booths.selectors import reviews_without_conflicts
from otop_fair.notifications.services import Message, forecast, notify
from otop_fair.templatetags.thai import thai_datetime
from otop_fair.thai import thai_date

User = get_user_model()
OFFER_LINK_SALT = "booths.offer-answer"


def offer_link_path(offer, user):
    """A link that answers this offer as this member without signing in (see offer_link.py)."""
    token = signing.dumps([offer.pk, user.pk], salt=OFFER_LINK_SALT, compress=True)
    return reverse("booths:offer_by_link", args=[token])


def link(name, *args):
    return settings.SITE_URL + reverse(name, args=args)


def members_of(group_ids):
    """Each group's member accounts, by group id, in one query."""
    through = User.producer_groups.through.objects.filter(
        producergroup_id__in=group_ids, user__is_active=True
    )
    by_group = {}
    for row in through.select_related("user"):
        by_group.setdefault(row.producergroup_id, []).append(row.user)
    return by_group


def _offer_messages(offers, template, key):
    """Each member gets their own one-tap link (signed for the offer and for them)."""
    offers = list(offers)
    people = members_of({o.application.group_id for o in offers})
    messages = []
    for offer in offers:
        context = {
            "fair": offer.fair.name,
            "booth": offer.booth.code,
            "deadline": thai_datetime(offer.deadline),
        }
        for user in people.get(offer.application.group_id, []):
            personal = {**context, "link": settings.SITE_URL + offer_link_path(offer, user)}
            messages.append(
                Message(user, template, personal, f"{key}:{offer.pk}", offer.fair.province_id)
            )
    return messages


def offer_made(offer):
    notify(_offer_messages([offer], "offer_made", "offer_made"))


def offers_lapsed(offers):
    notify(_offer_messages(offers, "offer_lapsed", "offer_lapsed"))


def offers_expiring(now=None):
    """Pending offers whose deadline falls within 24 hours: remind once."""
    now = now or timezone.now()
    soon = WaitlistOffer.objects.filter(
        status=OfferStatus.PENDING, deadline__gt=now, deadline__lte=now + datetime.timedelta(1)
    ).select_related("fair", "booth", "application")
    return len(notify(_offer_messages(soon, "offer_expiring", "offer_expiring")))


def results_published(run):
    """Every applicant of the run: the first line of their explanation and a link."""
    results = RunResult.objects.filter(run=run).select_related("application", "run__fair")
    results = list(results)
    people = members_of({r.application.group_id for r in results})
    fair = run.fair
    messages = []
    for result in results:
        context = {
            "fair": fair.name,
            "first_line": result.explanation.strip().split("\n")[0][:200],
            "link": link("booths:result", result.application_id),
        }
        key = f"results:{run.pk}"
        for user in people.get(result.application.group_id, []):
            messages.append(Message(user, "results_published", context, key, fair.province_id))
    notify(messages)


def results_forecast(run):
    """How the results of `run` would go out (by channel), and whether LINE's quota suffices."""
    groups = set(run.results.values_list("application__group_id", flat=True))
    people = members_of(groups)
    return forecast([u for members in people.values() for u in members])


def scoring_deadline_near(now=None):
    """48 hours before a fair's scoring closes (at the end of its deadline day, Bangkok time,
    so from the start of the day before): each member with reviews still to submit is told
    once per deadline how many remain. A moved deadline is a new deadline, told again."""
    today = timezone.localdate(now or timezone.now())
    fairs = Fair.objects.filter(
        state=FairState.SCORING,
        scoring_deadline__gte=today,
        scoring_deadline__lte=today + datetime.timedelta(days=1),
    )
    pending = reviews_without_conflicts(
        ReviewAssignment.objects.filter(member__fair__in=fairs).exclude(
            status=ReviewStatus.SUBMITTED
        )
    )
    left = pending.values("member__user_id", "member__fair_id").annotate(remaining=Count("pk"))
    users = User.objects.in_bulk({row["member__user_id"] for row in left})
    by_pk = {fair.pk: fair for fair in fairs}
    messages = []
    for row in left:
        fair = by_pk[row["member__fair_id"]]
        context = {
            "fair": fair.name,
            "deadline": thai_date(fair.scoring_deadline),
            "remaining": row["remaining"],
            "link": link("booths:my_reviews"),
        }
        key = f"scoring_deadline:{fair.pk}:{fair.scoring_deadline.isoformat()}"
        user = users[row["member__user_id"]]
        messages.append(Message(user, "scoring_deadline", context, key, fair.province_id))
    return len(notify(messages))


def _tell_group(application, template, context, key):
    """Every active member of the application's group, once per `key` (a replayed event finds
    its key already told), by the channel each prefers."""
    members = members_of({application.group_id}).get(application.group_id, [])
    context = {"fair": application.fair.name, **context}
    notify(
        [Message(user, template, context, key, application.fair.province_id) for user in members]
    )


def _decision_key(nomination, kind):
    """One key per recorded decision (its history row), so a decline taken back and made again
    is told again, while a replay of the same event is not."""
    return f"{kind}:{nomination.pk}:{nomination.history.latest().history_id}"


def nomination_declined(nomination):
    """The group is told its district's decline and why."""
    application = nomination.application
    context = {
        "group": application.group.name,
        "reason": nomination.reason,
        "link": link("booths:result", application.pk),
    }
    key = _decision_key(nomination, "declined")
    _tell_group(application, "nomination_declined", context, key)


def decline_withdrawn(nomination):
    """The group that was told of a decline is told that its district has nominated it after
    all, so the decline message is not the last word."""
    application = nomination.application
    context = {"group": application.group.name, "link": link("booths:result", application.pk)}
    _tell_group(application, "decline_withdrawn", context, _decision_key(nomination, "renominated"))


def appeal_decided(appeal):
    """The group is told the decision on its appeal and the reason, once."""
    upheld = appeal.status == AppealStatus.UPHELD
    template = "appeal_upheld" if upheld else "appeal_dismissed"
    context = {
        "reason": appeal.decision_reason,
        "link": link("booths:result", appeal.application_id),
    }
    _tell_group(appeal.application, template, context, f"appeal_decided:{appeal.pk}")


def not_nominated_by_deadline(fair, applications):
    """Groups no district decided by the deadline are told so (a declined group was told its
    reason already), once each."""
    people = members_of({a.group_id for a in applications})
    deadline = thai_date(fair.nomination_deadline) if fair.nomination_deadline else "-"
    messages = []
    for application in applications:
        context = {
            "fair": fair.name,
            "group": application.group.name,
            "date": deadline,
            "link": link("booths:result", application.pk),
        }
        key = f"not_nominated:{application.pk}"
        for user in people.get(application.group_id, []):
            messages.append(Message(user, "not_nominated", context, key, fair.province_id))
    notify(messages)
