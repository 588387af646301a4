"""Writes of the producers app that span models, each in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from otop_fair.audit import delete_with_history, save_with_history
from producers.models import (
    MAX_PHOTOS_PER_PRODUCT,
    FollowUpStatus,
    Product,
    ProductPhoto,
    PublicProfile,
)


@transaction.atomic
def save_group(*, group, by, members=None):
    """Create or update a group; `members` (a list of users) replaces the member accounts."""
    save_with_history(group, by=by)
    if members is not None:
        group.members.set(members)
    return group


@transaction.atomic
def save_product(*, product, group, by):
    product.group = group
    save_with_history(product, by=by)
    return product


@transaction.atomic
def add_photo(*, product, image, thumbnail, by, caption=""):
    """Store a re-encoded photo in the first free position; a product holds at most eight."""
    Product.objects.select_for_update().get(pk=product.pk)
    taken = set(product.photos.values_list("position", flat=True))
    free = [p for p in range(MAX_PHOTOS_PER_PRODUCT) if p not in taken]
    if not free:
        raise ValidationError(
            _("A product can have at most 8 photos. Remove one before adding another."),
            code="too_many_photos",
        )
    photo = ProductPhoto(product=product, position=free[0], caption=caption, uploaded_by=by)
    photo.image.save(image.name, image, save=False)
    photo.thumbnail.save(thumbnail.name, thumbnail, save=False)
    save_with_history(photo, by=by)
    return photo


@transaction.atomic
def delete_photo(*, photo, by):
    image, thumbnail = photo.image, photo.thumbnail
    delete_with_history([photo], by=by)
    transaction.on_commit(lambda: (image.delete(save=False), thumbnail.delete(save=False)))


@transaction.atomic
def record_visit(*, visit, group, by):
    """An officer's field visit; a follow-up text opens a follow-up to be done by its due date."""
    visit.group = group
    visit.officer = by
    visit.follow_up_status = FollowUpStatus.OPEN if visit.follow_up else FollowUpStatus.NONE
    save_with_history(visit, by=by)
    return visit


@transaction.atomic
def complete_follow_up(*, visit, by):
    if visit.follow_up_status != FollowUpStatus.OPEN:
        raise ValidationError(_("This follow-up is not open."), code="not_open")
    visit.follow_up_status = FollowUpStatus.DONE
    save_with_history(visit, by=by, update_fields=["follow_up_status"])
    return visit


@transaction.atomic
def record_rating(*, rating, by):
    save_with_history(rating, by=by)
    return rating


@transaction.atomic
def record_certification(*, certification, group, by):
    certification.group = group
    save_with_history(certification, by=by)
    return certification


def public_profile_of(group):
    """The group's public settings; a group that never chose has every switch off."""
    profile = PublicProfile.objects.filter(group=group).first()
    return profile or PublicProfile(group=group)


@transaction.atomic
def save_public_profile(*, profile, by):
    """The group's own choices of what is public (recorded in the history like any change)."""
    save_with_history(profile, by=by)
    return profile


@transaction.atomic
def ensure_public_address(*, group):
    """The group's public address, made (with every switch off) the first time a card needs it."""
    profile, _created = PublicProfile.objects.get_or_create(group=group)
    return profile


@transaction.atomic
def hide_public_page(*, group, by, reason):
    """An officer takes down a page that breaks the fair's rules; the reason is kept."""
    profile = PublicProfile.objects.select_for_update().filter(group=group).first()
    profile = profile or PublicProfile(group=group)
    profile.is_hidden, profile.hidden_reason = True, reason
    save_with_history(profile, by=by, reason=reason)
    return profile


@transaction.atomic
def show_public_page(*, group, by):
    profile = PublicProfile.objects.select_for_update().get(group=group)
    profile.is_hidden, profile.hidden_reason = False, ""
    save_with_history(profile, by=by)
    return profile


@transaction.atomic
def save_standard(*, standard, by):
    """Add or rename a standard of the table (its code never changes once made)."""
    save_with_history(standard, by=by)
    return standard
