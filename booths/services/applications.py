"""A producer's application to a fair: apply, edit while the window is open, withdraw."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from booths.models import (
    Application,
    ApplicationStatus,
    AssignmentStatus,
    FairState,
    OfferStatus,
    ZonePreference,
)
from booths.services.waitlist import decline_offer, release_assignment
from otop_fair.audit import save_with_history
from otop_fair.thai import reader_date


def application_window_error(fair):
    """Why a producer cannot apply to (or edit an application for) this fair now, or None."""
    if fair.state != FairState.OPEN:
        return _("Applications for this fair are not open.")
    if timezone.localdate() > fair.applications_close_on:
        return _("The application window closed on %(date)s.") % {
            "date": reader_date(fair.applications_close_on)
        }
    return None


def competing_category(products, chosen=None):
    """The one category an application competes in, among those of the products it offers.

    With products of one category that category is taken whatever was chosen; with several, the
    producer's choice must be one of them.
    """
    offered = {p.category for p in products}
    if len(offered) == 1:
        return offered.pop()
    if chosen in offered:
        return chosen
    raise ValidationError(
        _("Choose the category you compete in: one of the categories of the products you offer.")
    )


def submit_application(
    *,
    fair,
    group,
    products,
    zones,
    needs_electricity,
    wants_corner,
    pitch,
    by,
    category=None,
):
    """Create the group's application to the fair, or update it while the window is open."""
    error = application_window_error(fair)
    if error:
        raise ValidationError(error)
    products = list(products)
    if not products:
        raise ValidationError(_("Choose at least one product."))
    category = competing_category(products, category)
    if any(p.group_id != group.pk or not p.is_active for p in products):
        raise ValidationError(_("Only your own group's active products can be entered."))
    zones = [z for z in zones if z is not None]
    if len({z.pk for z in zones}) != len(zones) or any(z.fair_id != fair.pk for z in zones):
        raise ValidationError(_("Each zone can be chosen once, and only from this fair."))
    with transaction.atomic():
        application = Application.objects.select_for_update().filter(
            fair=fair, group=group
        ).first() or Application(fair=fair, group=group)
        application.needs_electricity = needs_electricity
        application.wants_corner = wants_corner
        application.pitch = pitch
        application.category = category
        application.status = ApplicationStatus.SUBMITTED
        save_with_history(application, by=by)
        application.products.set(products)
        application.preferences.all().delete()
        ZonePreference.objects.bulk_create(
            ZonePreference(application=application, zone=zone, rank=rank)
            for rank, zone in enumerate(zones, start=1)
        )
    return application


# What a group can give up: an application still in the running, a booth or a place on the
# waiting list. A result that gave it nothing (not selected; not eligible once the result is out)
# leaves nothing to withdraw.
STILL_IN_THE_RUNNING = frozenset(
    {
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.ELIGIBLE,
        ApplicationStatus.SELECTED,
        ApplicationStatus.WAITLISTED,
    }
)


def withdrawal_error(application):
    """Why this application cannot be withdrawn now, or None: pages offer "withdraw" only then."""
    fair, status = application.fair, application.status
    if status == ApplicationStatus.WITHDRAWN:
        return _("This application is already withdrawn.")
    if fair.state == FairState.CLOSED:
        return _("The fair is over; nothing can be withdrawn.")
    ineligible_before_the_result = (
        status == ApplicationStatus.INELIGIBLE and not fair.is_scoring_closed
    )
    if status not in STILL_IN_THE_RUNNING and not ineligible_before_the_result:
        return _("This application was not given a booth, so there is nothing to withdraw.")
    return None


def withdraw_application(*, application, by, reason=""):
    """Withdraw; a booth the group already holds is released and offered to the waiting list."""
    error = withdrawal_error(application)
    if error:
        raise ValidationError(error)
    with transaction.atomic():
        holding = application.assignments.filter(status=AssignmentStatus.ACTIVE).first()
        if holding is not None:
            release_assignment(assignment=holding, by=by, reason=reason or _("The group withdrew."))
        application.status = ApplicationStatus.WITHDRAWN
        save_with_history(
            application,
            by=by,
            reason=reason or _("withdrawn"),
            update_fields=["status", "updated_at"],
        )
        for offer in application.offers.filter(status=OfferStatus.PENDING):
            decline_offer(offer=offer, by=by)
    return application
