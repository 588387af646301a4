"""Reads that pages, exports and services share, each in a fixed number of queries."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, FloatField, Max, Prefetch, Q, Sum
from django.db.models.functions import Cast

from booths import scoring
from booths.allocation.national import Standing
from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    CommitteeMember,
    Fair,
    OfferStatus,
    ReviewAssignment,
    ReviewStatus,
    RunResult,
    Score,
    VenuePlan,
    WaitlistOffer,
)
from booths.rubrics import rubrics_of
from otop_fair.shared_cache import computed_once
from otop_fair.thai_text import arabic_digits, normalise_text
from producers.models import StarRating

PLAN_MARGIN = 10
PLAN_SCALE = 2  # screen pixels per plan unit before the plan shrinks to fit
RANKING_CACHE_S = 3600
RANKED_STATUSES = [
    ApplicationStatus.ELIGIBLE,
    ApplicationStatus.SELECTED,
    ApplicationStatus.WAITLISTED,
    ApplicationStatus.NOT_SELECTED,
]


@dataclass
class RankedRow:
    application_id: int
    group_name: str
    province: str
    total: float
    criterion_means: list = field(default_factory=list)
    review_count: int = 0
    rank: int = 0
    is_tied: bool = False
    has_disagreement: bool = False
    # A province scored by its own rubric (national fairs): (criterion name, mean) of that rubric,
    # whose criteria are not the page's columns.
    own_rubric: list = field(default_factory=list)
    category: str = ""
    province_id: str | None = None  # the province's code
    # National fairs: rank in the list of the row's province and category, and that list's length
    # (booths.allocation.national.Standing); provinces' committees are never compared by score.
    standing: Standing | None = None


def ranking(fair, *, normalise=False):
    """Eligible applications ranked by the committee's submitted scores (unscored ones last).

    At a national fair a province with a rubric of its own is aggregated by it, the others by
    the shared rubric; ranks then run over every total (each on the same 0–100 scale). The
    criterion columns are the shared rubric's; a row scored by its province's own rubric carries
    that rubric's means in `own_rubric`."""
    rubrics = rubrics_of(fair)
    layout = _rubric_layout(rubrics)
    ranked = _aggregated(fair, layout, normalise) if any(specs for _p, specs in layout) else []
    ranked_apps = fair.applications.filter(status__in=RANKED_STATUSES)
    if fair.is_national:  # only what the districts nominated goes on to the committees
        ranked_apps = ranked_apps.filter(nomination__decision="nominated")
    apps = {
        a["pk"]: a
        for a in ranked_apps.values(
            "pk", "group__name", "group__province__name_th", "group__province_id", "category"
        )
    }
    result = [
        _ranked_row(r, apps[r.application_id], rubrics) for r in ranked if r.application_id in apps
    ]
    seen = {r.application_id for r in result}
    last = len(result) + 1
    result += [
        RankedRow(
            pk,
            a["group__name"],
            a["group__province__name_th"],
            0.0,
            rank=last,
            category=a["category"],
            province_id=a["group__province_id"],
        )
        for pk, a in apps.items()
        if pk not in seen
    ]
    return by_standing(result) if fair.is_national else result


def by_standing(rows):
    """National fairs: each row's standing in its province × category list (in rank order), and
    the rows in order of standing — the order in which applicants of several provinces meet
    (booth choice in a shared zone, released quota), since one province's committee's scores are
    never compared with another's (issue 18; booths/allocation/national.py). Equal standings
    keep their overall rank order."""
    lists = defaultdict(list)
    for row in rows:  # already in rank order
        lists[(row.province_id, row.category)].append(row)
    for members in lists.values():
        for rank, row in enumerate(members, start=1):
            row.standing = Standing(rank, len(members))
    return sorted(rows, key=lambda row: row.standing.share)


def own_rubric_provinces(fair):
    """The names of the provinces scored by a rubric of their own at a national fair."""
    if not fair.is_national:
        return []
    rows = fair.criteria.filter(province__isnull=False).values_list("province__name_th", flat=True)
    return sorted(set(rows))


def _rubric_layout(rubrics):
    """((None, the shared rubric's specs), (province id, its own rubric's specs), …)."""
    return tuple(
        (
            province,
            tuple(
                scoring.CriterionSpec(c.pk, float(c.weight), float(c.max_score)) for c in criteria
            ),
        )
        for province, criteria in sorted(rubrics.items(), key=lambda item: item[0] or "")
    )


def _aggregated(fair, layout, normalise):
    """The committees' aggregate, recomputed only when what it is made of changes.

    At a national fair it is 180,000 scores and seconds of work; the key holds every input the
    aggregate depends on: the rubrics (which provinces have their own), the method, and which
    submitted scores there are and when the latest was saved (a score is always saved, never
    bulk-updated; a reopened review drops its scores out of the count)."""
    mark = _counted_scores(fair).aggregate(
        rows=Count("pk"), reviews=Sum("review_id"), latest=Max("updated_at")
    )
    inputs = repr(
        (fair.pk, normalise, layout, mark["rows"], mark["reviews"], mark["latest"])
        + (scoring.TOTAL_DECIMALS,)  # an aggregate kept at another precision is not this one
    )
    key = "booths:ranking:" + hashlib.sha256(inputs.encode()).hexdigest()
    return computed_once(
        key, lambda: _aggregate_by_rubric(fair, layout, normalise), timeout=RANKING_CACHE_S
    )


def _aggregate_by_rubric(fair, layout, normalise):
    """Each rubric's reviews aggregated by it; one ranking over all of them. With the shared
    rubric alone (every provincial fair) this is the one aggregate it always was."""
    own = {province for province, _specs in layout if province is not None}
    reviews = defaultdict(list)
    for province, review in _submitted_reviews(fair):
        reviews[province if province in own else None].append(review)
    rankings = [
        scoring.aggregate(specs, reviews[province], normalise=normalise)
        for province, specs in layout
        if specs
    ]
    return rankings[0] if len(rankings) == 1 else scoring.combined(rankings)


def _counted_scores(fair):
    return Score.objects.filter(
        review__application__fair=fair,
        review__application__status__in=RANKED_STATUSES,
        review__status=ReviewStatus.SUBMITTED,
    )


def _submitted_reviews(fair):
    """Every submitted review of a ranked application, as the scoring module takes them, with
    the applicant's province (whose rubric it was scored by)."""
    by_review = defaultdict(dict)
    owners = {}
    # Floats straight from the database: converting 180,000 Decimals is the slow part otherwise.
    rows = (
        _counted_scores(fair)
        .annotate(points=Cast("value", FloatField()))
        .values_list(
            "review_id",
            "review__application_id",
            "review__member_id",
            "review__application__group__province_id",
            "criterion_id",
            "points",
        )
    )
    for review_id, app_id, member_id, province, criterion_id, points in rows:
        by_review[review_id][criterion_id] = points
        owners[review_id] = (app_id, member_id, province)
    return [
        (owners[r][2], scoring.ReviewScores(owners[r][0], owners[r][1], scores))
        for r, scores in by_review.items()
    ]


def _ranked_row(ranked, app, rubrics):
    """The row, its means under the shared columns, or under its province's own rubric."""
    own = rubrics.get(app["group__province_id"]) if app["group__province_id"] else None
    means = ranked.criterion_means
    return RankedRow(
        application_id=ranked.application_id,
        group_name=app["group__name"],
        province=app["group__province__name_th"],
        total=ranked.total,
        criterion_means=[] if own else [means.get(c.pk) for c in rubrics[None]],
        own_rubric=[(c.name, means.get(c.pk)) for c in own] if own else [],
        review_count=ranked.review_count,
        rank=ranked.rank,
        is_tied=ranked.is_tied,
        has_disagreement=ranked.has_disagreement,
        category=app["category"],
        province_id=app["group__province_id"],
    )


def fairs_for(user):
    return Fair.objects.visible_to(user).annotate(
        booth_total=Count("booths", distinct=True),
        application_total=Count(
            "applications", filter=~Q(applications__status="withdrawn"), distinct=True
        ),
    )


def scoring_progress(fair, *, seats=None):
    """Per member (of `seats`, by default the whole committee): assigned, drafts, submitted,
    and whether they are behind the others."""
    seats = fair.committee.all() if seats is None else seats
    members = seats.select_related("user", "province").annotate(
        assigned=Count("reviews", distinct=True),
        submitted=Count("reviews", filter=Q(reviews__status=ReviewStatus.SUBMITTED), distinct=True),
    )
    rows = [
        {
            "member": m,
            "assigned": m.assigned,
            "submitted": m.submitted,
            "share": round(100 * m.submitted / m.assigned) if m.assigned else 100,
        }
        for m in members
    ]
    average = sum(r["share"] for r in rows) / len(rows) if rows else 100
    for row in rows:
        row["is_behind"] = row["share"] < min(average, 100)
    return rows


def floor_plan(fair, *, highlight=None, names=False):
    """The booths as SVG rectangles in plan units, coloured by zone.

    With `highlight` (a booth), only that booth's zone is drawn, so that it is easy to find on a
    phone; with `names`, each booth carries its holder's name.
    """
    shapes = _booth_shapes(fair, highlight=highlight, names=names)
    venue = VenuePlan.objects.filter(fair=fair).first()
    # The whole hall is shown under a full plan; a highlighted zone stays the close-up it was.
    extent = list(shapes)
    if venue is not None and highlight is None:
        extent.append({"x": 0, "y": 0, "w": venue.width, "h": venue.height})
    left = max(min((s["x"] for s in extent), default=0) - PLAN_MARGIN, 0)
    top = max(min((s["y"] for s in extent), default=0) - PLAN_MARGIN, 0)
    width = max((s["x"] + s["w"] for s in extent), default=100) + PLAN_MARGIN - left
    height = max((s["y"] + s["h"] for s in extent), default=100) + PLAN_MARGIN - top
    zones = fair.zones.annotate(booth_total=Count("booths")).order_by("code")
    return {
        "venue": venue,
        "booths": shapes,
        "left": left,
        "top": top,
        "width": width,
        "height": height,
        "display_width": width * PLAN_SCALE,
        "zones": list(zones),
        "has_highlight": highlight is not None,
    }


def _booth_shapes(fair, *, highlight, names):
    booths = fair.booths.select_related("zone").order_by("code")
    if highlight is not None:
        booths = booths.filter(zone__booths=highlight)
    holders = {}
    if names:
        holders = dict(
            Assignment.objects.filter(fair=fair, status=AssignmentStatus.ACTIVE).values_list(
                "booth_id", "application__group__name"
            )
        )
    return [
        {
            "id": b.pk,
            "code": b.code,
            "x": b.x,
            "y": b.y,
            "w": b.w,
            "h": b.h,
            "rotation": b.rotation,
            "cx": b.x + b.w / 2,
            "cy": b.y + b.h / 2,
            "color": b.zone.color,
            "zone": b.zone.code,
            "zone_id": b.zone_id,
            "holder": holders.get(b.pk, ""),
            "is_highlighted": b.pk == highlight,
        }
        for b in booths
    ]


def assignment_rows(fair, *, status=AssignmentStatus.ACTIVE):
    """The booths held at a fair (or, with `status`, given up), for the officers' lists and
    exports; given-up booths latest first."""
    order = (
        ["booth__code"] if status == AssignmentStatus.ACTIVE else ["-released_at", "booth__code"]
    )
    return list(
        Assignment.objects.filter(fair=fair, status=status)
        .select_related("booth__zone", "application__group__province")
        .order_by(*order)
    )


def applications_for_producer(user):
    return (
        Application.objects.visible_to(user)
        .select_related("fair", "group", "filed_by_officer")
        .prefetch_related("assignments__booth")
        .order_by("-fair__start_date")
    )


def pending_offers_for(user):
    return (
        WaitlistOffer.objects.filter(application__group__members=user, status=OfferStatus.PENDING)
        .select_related("booth__zone", "fair", "application")
        .order_by("deadline")
    )


def published_result(application):
    """The application's line in the published version in force, or None."""
    return (
        RunResult.objects.filter(application=application, run__is_published=True)
        .select_related("booth__zone", "run")
        .order_by("-run__version")
        .first()
    )


def booth_card(application):
    """What the printable booth card shows: group, booth, products with stars and story."""
    holding = (
        application.assignments.filter(status=AssignmentStatus.ACTIVE)
        .select_related("booth__zone")
        .first()
    )
    if holding is None:
        return None
    products = list(
        application.products.prefetch_related(
            Prefetch("ratings", queryset=StarRating.objects.select_related("round"))
        )
    )
    for product in products:
        rating = product.rating_on(application.fair.start_date)
        product.best_stars = rating.stars if rating else None
    return {
        "title": application.fair.name,
        "fair": application.fair,
        "group": application.group,
        "booth": holding.booth,
        "products": products,
    }


def application_rows(fair, *, status=None, query=""):
    rows = fair.applications.select_related("group__province", "eligibility_override")
    if status:
        rows = rows.filter(status=status)
    query = normalise_text(query)
    if query:
        rows = rows.filter(
            Q(group__name__icontains=query) | Q(group__registration_no=arabic_digits(query))
        )
    return rows.annotate(
        failed_rules=Count("eligibility_checks", filter=Q(eligibility_checks__passed=False))
    ).order_by("group__sort_name", "pk")


def reviews_without_conflicts(reviews):
    """Drop reviews of applications the member is conflicted with (declared, district, group)."""
    return (
        reviews.exclude(application__conflicts__member=F("member"))
        .exclude(application__group=F("member__own_group"))
        .exclude(application__group__subdistrict__district=F("member__home_district"))
    )


def seats_for(user):
    """The committee seats of a member, each with the reviews they may see and their progress."""
    seats = list(CommitteeMember.objects.filter(user=user).select_related("fair"))
    reviews = reviews_without_conflicts(
        ReviewAssignment.objects.filter(member__in=seats)
    ).select_related("application__group__province")
    by_seat = defaultdict(list)
    for item in reviews.order_by("status", "application__group__sort_name"):
        by_seat[item.member_id].append(item)
    for seat in seats:
        seat.visible_reviews = by_seat[seat.pk]
        seat.submitted_total = sum(
            1 for r in seat.visible_reviews if r.status == ReviewStatus.SUBMITTED
        )
    return seats


def fairs_of_member(user):
    """The fairs whose committee the person sits on, for the queue's fair filter."""
    return Fair.objects.filter(committee__user=user).order_by("start_date", "pk")
