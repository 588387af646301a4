"""Reads of the registry shared by pages, panels and exports: each a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

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
    stars_expression,
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
    sort: str = "name"


def current_ratings():
    """Ratings that are their product's latest: no rating of a later round exists."""
    newer = StarRating.objects.filter(
        product=OuterRef("product"), round__year__gt=OuterRef("round__year")
    )
    return StarRating.objects.filter(~Exists(newer))


def _certifications_in(status):
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    certs = Certification.objects.filter(group=OuterRef("pk"))
    if status == CertificationStatus.EXPIRED:
        return certs.filter(expires_on__lt=today)
    if status == CertificationStatus.EXPIRING:
        return certs.filter(expires_on__gte=today, expires_on__lte=soon)
    return certs.filter(Q(expires_on__isnull=True) | Q(expires_on__gt=soon))


def _best_stars():
    ratings = (
        current_ratings()
        .filter(product__group=OuterRef("pk"), product__is_active=True)
        .annotate(stars=stars_expression())
        .order_by("-stars")
        .values("stars")[:1]
    )
    return Subquery(ratings)


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
            .annotate(stars=stars_expression())
            .filter(stars__gte=filters.min_stars)
        )
        queryset = queryset.filter(Exists(rated))
    if filters.certification:
        queryset = queryset.filter(Exists(_certifications_in(filters.certification)))
    return queryset


def filtered_groups(user, filters):
    """The groups the user keeps that pass the filters, in the chosen order (no extra columns)."""
    queryset = _filtered(ProducerGroup.objects.visible_to(user), filters)
    return queryset.order_by(*SORTS.get(filters.sort, SORTS["name"]))


def with_list_columns(queryset):
    """Area, best current stars, certificate flags and product count for each group."""
    return queryset.select_related("province", "subdistrict__district").annotate(
        best_stars=_best_stars(),
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
            Prefetch("certifications", queryset=Certification.objects.select_related("product")),
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
