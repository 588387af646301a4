"""Who may see and change what in the registry.

The head office keeps every group, provincial officers the groups of their provinces, district
officers those of their districts; producers keep their own groups. Predicates take
a ProducerGroup, a Product or a ProductPhoto and reach the group from it.
"""

import rules

from otop_fair.rules import (
    districts_kept_by,
    is_admin,
    is_committee_member,
    is_district_officer,
    is_national_officer,
    is_officer,
    is_producer,
    is_signed_in,
    is_staff_officer,
    provinces_kept_by,
)
from producers.models import Subdistrict


def group_of(obj):
    if obj is None:
        return None
    if hasattr(obj, "registration_no"):
        return obj
    if hasattr(obj, "group"):
        return obj.group
    return obj.product.group


@rules.predicate
def is_officer_of_group_province(user, obj):
    group = group_of(obj)
    if group is None:
        return False
    return provinces_kept_by(user).filter(pk=group.province_id).exists()


@rules.predicate
def is_officer_of_group_district(user, obj):
    group = group_of(obj)
    if group is None:
        return False
    district = Subdistrict.objects.filter(pk=group.subdistrict_id).values("district_id")
    return districts_kept_by(user).filter(pk__in=district).exists()


@rules.predicate
def is_member_of_group(user, obj):
    group = group_of(obj)
    if group is None:
        return False
    return group.members.filter(pk=user.pk).exists()


@rules.predicate
def reviews_an_application_with(user, photo):
    """The photo's product was entered in an application this committee member reviews."""
    from booths.models import ReviewAssignment  # booths builds on the registry, not the reverse

    if photo is None or not hasattr(photo, "product_id"):
        return False
    return ReviewAssignment.objects.filter(
        member__user=user, application__products=photo.product_id
    ).exists()


keeps_group_as_province = is_admin | (is_officer & is_officer_of_group_province)
keeps_group = keeps_group_as_province | (is_district_officer & is_officer_of_group_district)
owns_group = is_producer & is_member_of_group
# Officers of every office keep a registry: the head office and provinces theirs, districts theirs.
keeps_registry = is_staff_officer | is_district_officer

rules.add_perm("producers.list_groups", keeps_registry)
rules.add_perm("producers.add_group", keeps_registry)
rules.add_perm("producers.import_groups", is_staff_officer)
rules.add_perm("producers.view_group", keeps_group | owns_group)
rules.add_perm("producers.change_group", keeps_group | owns_group)
rules.add_perm("producers.change_registration", keeps_group)
rules.add_perm("producers.record_visit", keeps_group)
rules.add_perm("producers.record_rating", keeps_group)
rules.add_perm("producers.record_certification", keeps_group)
rules.add_perm("producers.change_product", keeps_group | owns_group)
rules.add_perm("producers.change_public_page", keeps_group | owns_group)
rules.add_perm("producers.hide_public_page", keeps_group)
rules.add_perm("producers.view_my_groups", is_producer)
# The standards table is national reference data: every office reads it, the head office keeps it.
rules.add_perm("producers.view_standards", keeps_registry)
rules.add_perm("producers.change_standards", is_national_officer | is_admin)
rules.add_perm("producers.view_geography", is_signed_in)
# A committee member opens the photos of the applications they review; an officer the photos
# of the groups they keep; a producer their own group's.
rules.add_perm(
    "producers.view_photo",
    keeps_group | owns_group | (is_committee_member & reviews_an_application_with),
)
