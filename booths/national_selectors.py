"""Reads of the national fair (issue 18): the districts' nomination lists, every province's
progress for the head office, and the decision each producer is told, naming the level that
decided. Each in a fixed number of queries."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from booths.models import (
    Appeal,
    Application,
    ApplicationStatus,
    AssignmentStatus,
    Nomination,
    NominationDecision,
    ReviewStatus,
)
from otop_fair.areas import area_q
from otop_fair.thai import reader_date
from producers.models import Province

NOMINATED = Q(nomination__decision=NominationDecision.NOMINATED)
DECLINED = Q(nomination__decision=NominationDecision.DECLINED)


def nomination_rows(fair, user, *, show=""):
    """The fair's applications in the user's area, with their nomination, for the district page."""
    rows = (
        Application.objects.filter(fair=fair)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .filter(area_q(user, province="group__province", district="group__subdistrict__district"))
        .select_related("group__subdistrict__district", "nomination", "filed_by_officer")
        .order_by("group__subdistrict__district__name_th", "group__sort_name", "pk")
    )
    if show == "pending":
        rows = rows.filter(nomination__isnull=True)
    elif show in NominationDecision.values:
        rows = rows.filter(nomination__decision=show)
    return rows


@dataclass
class ProvinceProgress:
    code: str
    name: str
    applications: int = 0
    nominated: int = 0
    declined: int = 0
    scored: int = 0
    committee: int = 0
    quota: int | None = None
    seated: int = 0

    @property
    def undecided(self):
        return self.applications - self.nominated - self.declined


def national_progress(fair):
    """One row per province that applied or has a committee, in five queries at any size."""
    rows = {
        code: ProvinceProgress(code, name)
        for code, name in Province.objects.order_by("sort_name").values_list("code", "name_th")
    }
    counts = (
        fair.applications.exclude(status=ApplicationStatus.WITHDRAWN)
        .values("group__province")
        .annotate(
            applications=Count("pk", distinct=True),
            nominated=Count("pk", filter=NOMINATED, distinct=True),
            declined=Count("pk", filter=DECLINED, distinct=True),
            scored=Count(
                "pk", filter=NOMINATED & Q(reviews__status=ReviewStatus.SUBMITTED), distinct=True
            ),
        )
        .order_by()
    )
    for row in counts:
        progress = rows[row.pop("group__province")]
        for name, value in row.items():
            setattr(progress, name, value)
    for code, size in _committee_sizes(fair):
        rows[code].committee = size
    for code, booths in _quotas(fair):
        rows[code].quota = booths
    for code, seated in _seated(fair):
        rows[code].seated = seated
    return [r for r in rows.values() if r.applications or r.committee or r.quota]


def _committee_sizes(fair):
    return (
        fair.committee.filter(province__isnull=False)
        .values_list("province")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _quotas(fair):
    """Each province's booth quota when quotas exist (issue 18 point 1, another branch)."""
    try:
        quota = apps.get_model("booths", "ProvinceQuota")
    except LookupError:
        return []
    return (
        quota.objects.filter(fair=fair).values_list("province").annotate(n=Sum("booths")).order_by()
    )


def _seated(fair):
    return (
        fair.assignments.filter(status=AssignmentStatus.ACTIVE)
        .values_list("application__group__province")
        .annotate(n=Count("pk"))
        .order_by()
    )


def progress_totals(rows):
    fields = ("applications", "nominated", "declined", "scored", "committee", "seated")
    totals = {name: sum(getattr(r, name) for r in rows) for name in fields}
    quotas = [r.quota for r in rows if r.quota is not None]
    totals["quota"] = sum(quotas) if quotas else None
    totals["undecided"] = totals["applications"] - totals["nominated"] - totals["declined"]
    return totals


@dataclass
class Decision:
    level: str
    sentence: str


def _not_nominated_by_deadline(fair):
    deadline = fair.nomination_deadline
    return _("Not nominated by the district by the deadline %(date)s.") % {
        "date": reader_date(deadline) if deadline else "-"
    }


def decision_of(application, outcome=None):
    """What decided this application, naming the level (district, eligibility, committee and
    allocation), or None while nothing is decided. `outcome` is its published RunResult."""
    fair = application.fair
    nomination = getattr(application, "nomination", None) if fair.is_national else None
    if application.status == ApplicationStatus.INELIGIBLE:
        return Decision(
            _("the fair's eligibility rules"), _("The application did not meet the fair's rules.")
        )
    if fair.is_national and application.status == ApplicationStatus.NOT_SELECTED:
        if nomination is None:
            return Decision(_("district"), _not_nominated_by_deadline(fair))
        if not nomination.is_nominated:
            return Decision(
                _("district"),
                _("Not nominated by the district, because %(reason)s")
                % {"reason": nomination.reason},
            )
    if outcome is None:
        return None
    if fair.is_national:
        level = _("committee of %(province)s and the head office's allocation") % {
            "province": application.group.province.name_th
        }
    else:
        level = _("the fair's committee and allocation")
    return Decision(level, outcome.explanation)


@dataclass
class DistrictDecline:
    """The district's word on an application it did not nominate, for whoever decides or reads
    the appeal against it."""

    reason: str
    by: str = ""
    at: object = None


def district_decline(application):
    """Why the district did not nominate `application` (its officer's reason, who, when), kept
    after an upheld appeal put the nomination back (the history holds it); None otherwise."""
    fair = application.fair
    if not fair.is_national:
        return None
    nomination = Nomination.objects.filter(application=application).select_related("by").first()
    if nomination is None:
        if application.status != ApplicationStatus.NOT_SELECTED:
            return None
        return DistrictDecline(_not_nominated_by_deadline(fair))
    if nomination.is_nominated:
        if not Appeal.objects.filter(application=application, reinstated=True).exists():
            return None
        nomination = (
            nomination.history.filter(decision=NominationDecision.DECLINED)
            .select_related("by")
            .first()
        )
        if nomination is None:
            return DistrictDecline(_not_nominated_by_deadline(fair))
    name = nomination.by.get_full_name() or nomination.by.username
    return DistrictDecline(nomination.reason, name, nomination.at)


SCREENED_STATES = ("open", "nominating", "scoring", "allocated", "running")


def national_fairs_for(user):
    """The national fairs being applied to, nominated, scored or run (newest first), as a list."""
    from booths.models import Fair, FairLevel

    fairs = Fair.objects.filter(level=FairLevel.NATIONAL, state__in=SCREENED_STATES)
    return list(fairs.select_related("province").order_by("-start_date", "pk"))


def groups_to_apply_for(user, fairs, limit=200):
    """Per open national fair: the user's groups without an application yet (at most `limit`,
    by name), as [(fair, [group, …])]."""
    from booths.models import Application
    from producers.models import ProducerGroup

    open_fairs = [fair for fair in fairs if fair.state == "open"]
    applied = set(
        Application.objects.filter(fair__in=open_fairs).values_list("fair_id", "group_id")
    )
    groups = list(ProducerGroup.objects.visible_to(user).order_by("sort_name", "pk")[:limit])
    return [(fair, [g for g in groups if (fair.pk, g.pk) not in applied]) for fair in open_fairs]
