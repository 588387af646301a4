"""Reads of the registry shared by pages, panels and exports: each a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from otop_fair.thai import BUDDHIST_ERA_OFFSET
from otop_fair.thai_text import arabic_digits, normalise_text
from producers.models import (
    EXPIRY_WARNING_DAYS,
    Certification,
    CertificationStatus,
    FollowUpStatus,
    GroupMergeCandidate,
    ProducerGroup,
    Product,
    StarRating,
    Visit,
    current_ratings,
)

SORTS = {
    "name": ("sort_name", "id"),
    "-name": ("-sort_name", "-id"),
    "registration": ("registration_no",),
    "province": ("province__sort_name", "sort_name", "id"),
    "-updated": ("-updated_at", "-id"),
}
FOLLOW_UP_HORIZON_DAYS = 7


@dataclass(frozen=True)
class GroupFilters:
    q: str = ""
    province: str = ""
    district: str = ""
    category: str = ""
    min_stars: int | None = None
    certification: str = ""
    quadrant: str = ""
    mark: str = ""
    round_id: int | None = None
    registration_year: int | None = None  # Buddhist era
    fiscal_year: int | None = None  # Buddhist era: ต.ค. of the year before to ก.ย.
    sort: str = "name"


def fiscal_year_span(fiscal_year_be):
    """First and last day of a Thai government fiscal year given in the Buddhist era: fiscal
    year 2568 runs from 1 October 2567 (2024-10-01) to 30 September 2568 (2025-09-30)."""
    year = fiscal_year_be - BUDDHIST_ERA_OFFSET
    return datetime.date(year - 1, 10, 1), datetime.date(year, 9, 30)


def _certifications_in(status):
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    certs = Certification.objects.filter(group=OuterRef("pk"))
    if status == CertificationStatus.EXPIRED:
        return certs.filter(expires_on__lt=today)
    if status == CertificationStatus.EXPIRING:
        return certs.filter(expires_on__gte=today, expires_on__lte=soon)
    return certs.filter(Q(expires_on__isnull=True) | Q(expires_on__gt=soon))


def _best_current_rating(day=None):
    """The group's one star figure, defined once (registry, reports, quadrant): the highest current
    stars (on `day`) among its active products; ties go to the product named first."""
    return (
        current_ratings(day)
        .filter(product__group=OuterRef("pk"), product__is_active=True)
        .order_by("-stars", "product__sort_name", "product_id")
    )


def group_stars(day=None):
    """Subquery over ProducerGroup rows: the group's star figure (see `_best_current_rating`)."""
    return Subquery(_best_current_rating(day).values("stars")[:1])


def group_stars_product(day=None):
    """Subquery: the id of the product the group's star figure comes from."""
    return Subquery(_best_current_rating(day).values("product_id")[:1])


def _filtered(queryset, filters):
    # Stored names and numbers are normalised on the way in (forms, import, data migration).
    query = normalise_text(filters.q)
    if query:
        queryset = queryset.filter(
            Q(name__icontains=query) | Q(registration_no__icontains=arabic_digits(query))
        )
    if filters.province:
        queryset = queryset.filter(province_id=filters.province)
    if filters.district:
        queryset = queryset.filter(subdistrict__district_id=filters.district)
    if filters.category:
        queryset = queryset.filter(
            Exists(Product.objects.filter(group=OuterRef("pk"), category=filters.category))
        )
    if filters.min_stars:
        rated = (
            current_ratings()
            .filter(product__group=OuterRef("pk"))
            .filter(stars__gte=filters.min_stars)
        )
        queryset = queryset.filter(Exists(rated))
    if filters.certification:
        queryset = queryset.filter(Exists(_certifications_in(filters.certification)))
    return _filtered_by_standing(queryset, filters)


def _filtered_by_standing(queryset, filters):
    """Quadrant, OTOP mark, rating round and registration dates."""
    if filters.quadrant:
        queryset = queryset.filter(quadrant=filters.quadrant)
    if filters.mark:
        marked = Product.objects.filter(group=OuterRef("pk"), otop_mark=filters.mark)
        queryset = queryset.filter(Exists(marked))
    if filters.round_id:
        rated = StarRating.objects.filter(product__group=OuterRef("pk"), round_id=filters.round_id)
        queryset = queryset.filter(Exists(rated))
    if filters.registration_year:
        year = filters.registration_year - BUDDHIST_ERA_OFFSET
        queryset = queryset.filter(
            registered_on__gte=datetime.date(year, 1, 1),
            registered_on__lte=datetime.date(year, 12, 31),
        )
    if filters.fiscal_year:
        first, last = fiscal_year_span(filters.fiscal_year)
        queryset = queryset.filter(registered_on__gte=first, registered_on__lte=last)
    return queryset


def filtered_groups(user, filters):
    """The groups the user keeps that pass the filters, in the chosen order (no extra columns)."""
    queryset = _filtered(ProducerGroup.objects.visible_to(user), filters)
    return queryset.order_by(*SORTS.get(filters.sort, SORTS["name"]))


def with_list_columns(queryset):
    """Area, best current stars, certificate flags and product count for each group."""
    return queryset.select_related("province", "subdistrict__district").annotate(
        best_stars=group_stars(),
        best_stars_product=group_stars_product(),
        has_expired=Exists(_certifications_in(CertificationStatus.EXPIRED)),
        has_expiring=Exists(_certifications_in(CertificationStatus.EXPIRING)),
        product_count=Subquery(
            Product.objects.filter(group=OuterRef("pk"))
            .values("group")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
    )


def group_list(user, filters):
    """Every matching group with its list columns, for exports."""
    return with_list_columns(filtered_groups(user, filters))


def group_page(user, filters, page_number, per_page=25):
    """One page of the officer's list in three queries: count, the page's ids, their rows.

    Paging over bare ids lets PostgreSQL sort narrow rows; the columns that cost a subquery
    each are then computed for the page's rows only, whatever the size of the registry.
    """
    ids = filtered_groups(user, filters).values_list("pk", flat=True)
    page = Paginator(ids, per_page).get_page(page_number)
    page_ids = list(page.object_list)
    rows = with_list_columns(ProducerGroup.objects.filter(pk__in=page_ids)).in_bulk()
    page.object_list = [rows[pk] for pk in page_ids]
    return page


def products_with_ratings(queryset):
    """Products with their ratings (and rounds) and photos, for showing current stars."""
    return queryset.prefetch_related(
        Prefetch("ratings", queryset=StarRating.objects.select_related("round")), "photos"
    )


def active_members():
    """Active member accounts of the group in OuterRef("pk")."""
    return ProducerGroup.members.through.objects.filter(
        producergroup=OuterRef("pk"), user__is_active=True
    )


def group_detail(group_id):
    """One group with everything its page shows, in a handful of queries."""
    return (
        ProducerGroup.objects.select_related("province", "subdistrict__district")
        .prefetch_related(
            Prefetch("products", queryset=products_with_ratings(Product.objects.all())),
            Prefetch(
                "certifications",
                queryset=Certification.objects.select_related("product", "standard"),
            ),
            Prefetch("visits", queryset=Visit.objects.select_related("officer")),
            "members",
        )
        .annotate(has_active_member=Exists(active_members()))
        .get(pk=group_id)
    )


def follow_ups_due(user, *, limit=10):
    """Open follow-ups due within a week (or overdue) on groups the user keeps."""
    horizon = timezone.localdate() + datetime.timedelta(days=FOLLOW_UP_HORIZON_DAYS)
    visits = Visit.objects.filter(
        follow_up_status=FollowUpStatus.OPEN,
        follow_up_due__lte=horizon,
        group__in=ProducerGroup.objects.visible_to(user),
    ).select_related("group", "officer")
    return list(visits.order_by("follow_up_due", "id")[:limit])


def my_groups(user):
    """A producer's groups with products (current stars) and certifications."""
    return list(
        ProducerGroup.objects.visible_to(user)
        .select_related("province", "subdistrict__district")
        .prefetch_related(
            Prefetch("products", queryset=products_with_ratings(Product.objects.all())),
            "certifications",
        )
    )


MERGE_LIST_LIMIT = 50


def merge_candidates(user):
    """Pairs of groups that may be one group entered twice, for an officer to merge (one query)."""
    return list(
        GroupMergeCandidate.objects.visible_to(user).select_related("group", "same_as")[
            :MERGE_LIST_LIMIT
        ]
    )
