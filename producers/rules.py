"""Who may see and change what in the registry.

The head office keeps every group, provincial officers the groups of their provinces, district
officers those of their districts; producers keep their own groups. Predicates take
a ProducerGroup, a Product, a ProductPhoto or a Visit, each of which declares its area.
"""

import rules

from otop_fair.predicates import predicate
from otop_fair.rules import (
    is_admin,
    is_committee_member,
    is_district_officer,
    is_national_officer,
    is_producer,
    is_signed_in,
    is_staff_officer,
    keeps_area_of,
    keeps_province_of,
    owns_row,
)


def reviews_an_application_with(user, photo):
    """The photo's product was entered in an application this committee member reviews."""
    from booths.models import ReviewAssignment  # booths builds on the registry, not the reverse

    if photo is None or not hasattr(photo, "product_id"):
        return False
    return ReviewAssignment.objects.filter(
        member__user=user, application__products=photo.product_id
    ).exists()


reviews_an_application_with = predicate(reviews_an_application_with)


# Each registry model (group, product, photo, visit…) declares where its area is: the office that
# keeps the group's province or district keeps it, the group's members own it.
keeps_group_as_province = keeps_province_of
keeps_group = keeps_area_of
owns_group = owns_row
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
