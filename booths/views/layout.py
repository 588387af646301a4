"""A zone as a whole: moved by a distance in metres, or its unused booths deleted at once."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from booths.plan_forms import ZoneMoveForm
from booths.services import floor
from booths.views.common import attempt, zone_from
from otop_fair.confirm import confirmation, needs_confirmation
from otop_fair.permissions import requires


@require_POST
@requires("booths.manage_fair", zone=zone_from)
def zone_clear(request, zone):
    back = reverse("booths:zones", args=[zone.fair_id])
    if needs_confirmation(request):
        unused = floor.unused_booths(zone).count()
        kept = zone.booths.count() - unused
        return confirmation(
            request,
            title=_("Delete the unused booths of zone %(code)s?") % {"code": zone.code},
            consequences=[
                ngettext(
                    "%(n)s booth of zone %(code)s is removed from the fair and its floor plan.",
                    "%(n)s booths of zone %(code)s are removed from the fair and its floor plan.",
                    unused,
                )
                % {"n": f"{unused:,}", "code": zone.code},
                *_kept_line(kept),
                _("The zone itself stays; delete it afterwards if you do not need it."),
            ],
            button=_("Yes, delete the unused booths"),
            cancel_url=back,
        )
    try:
        deleted = floor.delete_unused_booths(zone=zone, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext("%(n)s booth deleted.", "%(n)s booths deleted.", deleted)
            % {"n": f"{deleted:,}"},
        )
    return redirect(back)


def _kept_line(kept):
    if not kept:
        return []
    return [
        _("%(n)s booths that a group holds, was offered or was allocated stay.")
        % {"n": f"{kept:,}"}
    ]


@requires("booths.manage_fair", zone=zone_from)
def zone_move(request, zone):
    """Without dragging: the whole zone shifted by a typed distance, its layout kept."""
    form = ZoneMoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        right, down = form.shift()
        moved = attempt(
            request,
            floor.move_zone,
            _("Zone %(code)s moved.") % {"code": zone.code},
            zone=zone,
            right=right,
            down=down,
            by=request.user,
        )
        if moved:
            return redirect("booths:floor_plan", fair_id=zone.fair_id)
    return render(request, "booths/zone_move.html", {"zone": zone, "fair": zone.fair, "form": form})
