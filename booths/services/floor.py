"""Setting up a fair: the fair itself, its zones, and its booths laid out on the floor plan."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from booths.models import Booth, BoothType, FairState, RunResult, ZonePreference
from otop_fair.audit import (
    bulk_create_with_history_by,
    bulk_update_with_history_by,
    delete_with_history,
    save_with_history,
)

LAYOUT_STATES = (FairState.DRAFT, FairState.OPEN, FairState.NOMINATING, FairState.SCORING)
BOOTH_SIZE = 30  # plan units (3 m)
AISLE = 4
UNITS_PER_METRE = 10  # a plan unit is 10 cm
ZONE_GAP = 3 * AISLE  # between a new grid and what is already on the plan


def check_layout_editable(fair):
    if fair.state not in LAYOUT_STATES:
        raise ValidationError(_("Booths cannot change once the allocation is published."))


def save_fair(*, form, by):
    """Create or update a fair from a valid FairForm."""
    fair = form.save(commit=False)
    if fair.pk is None:
        fair.created_by = by
    fair.full_clean()  # the date window and the lock on a running fair's dates (Fair.clean)
    save_with_history(fair, by=by)
    return fair


def create_booth_grid(
    *,
    fair,
    zone,
    prefix,
    first,
    last,
    digits,
    per_row,
    origin_x,
    origin_y,
    booth_type,
    allowed_categories,
    has_electricity,
    by,
):
    """Booths `prefix+first` … `prefix+last` in rows of `per_row`; the row ends are corners.

    Without an origin the grid goes below everything already on the plan; a grid placed over
    existing booths is refused."""
    check_layout_editable(fair)
    if zone.fair_id != fair.pk:
        raise ValidationError(_("That zone belongs to another fair."))
    codes = [f"{prefix}{n:0{digits}d}" for n in range(first, last + 1)]
    _check_codes_free(fair, codes)
    if origin_x is None or origin_y is None:
        origin_x, origin_y = free_origin(fair)
    _check_grid_free(fair, grid_extent(len(codes), per_row, origin_x, origin_y))
    booths = []
    for index, code in enumerate(codes):
        x, y, is_corner = _grid_position(index, per_row, origin_x, origin_y)
        booths.append(
            Booth(
                fair=fair,
                zone=zone,
                code=code,
                booth_type=BoothType.CORNER
                if is_corner and booth_type == BoothType.STANDARD
                else booth_type,
                allowed_categories=list(allowed_categories),
                has_electricity=has_electricity,
                is_corner=is_corner,
                x=x,
                y=y,
                w=BOOTH_SIZE,
                h=BOOTH_SIZE,
            )
        )
    with transaction.atomic():
        return bulk_create_with_history_by(booths, by=by)


def _check_codes_free(fair, codes):
    taken = set(fair.booths.filter(code__in=codes).values_list("code", flat=True))
    if taken:
        raise ValidationError(
            _("These booth codes already exist: %(codes)s") % {"codes": ", ".join(sorted(taken))}
        )


def free_origin(fair):
    """The top-left corner of a new grid: at the left, below every booth already placed."""
    bottom = max((b.y + b.h for b in fair.booths.only("y", "h")), default=None)
    return 0, 0 if bottom is None else bottom + ZONE_GAP


def grid_extent(count, per_row, origin_x, origin_y):
    """(left, top, right, bottom) of a grid of `count` booths in rows of `per_row`."""
    rows = -(-count // per_row)
    columns = min(count, per_row)
    step = BOOTH_SIZE + AISLE
    return origin_x, origin_y, origin_x + columns * step - AISLE, origin_y + rows * step - AISLE


def _check_grid_free(fair, extent):
    left, top, right, bottom = extent
    overlapped = sorted(
        b.code
        for b in fair.booths.only("code", "x", "y", "w", "h")
        if b.x < right and left < b.x + b.w and b.y < bottom and top < b.y + b.h
    )
    if overlapped:
        raise ValidationError(
            _("The new booths would lie over booths %(codes)s. Leave the position empty to place "
              "them below the plan.") % {"codes": ", ".join(overlapped[:10])}
        )  # fmt: skip


def _grid_position(index, per_row, origin_x, origin_y):
    """(x, y, is_corner) of the index-th booth laid out in rows of `per_row`."""
    row, col = divmod(index, per_row)
    step = BOOTH_SIZE + AISLE
    return origin_x + col * step, origin_y + row * step, col in (0, per_row - 1)


def save_zone(*, fair, form):
    check_layout_editable(fair)
    zone = form.save(commit=False)
    zone.fair = fair
    zone.save()
    return zone


def save_booth(*, form):
    check_layout_editable(form.instance.fair)
    return form.save()


def booth_use(booth):
    """Why the booth must stay (it is held, offered or in an allocation run), or None."""
    if booth.assignments.exists():
        return _("Booth %(code)s has been assigned to a group.") % {"code": booth.code}
    if booth.offers.exists():
        return _("Booth %(code)s has been offered from the waiting list.") % {"code": booth.code}
    if booth.fair.runs.filter(results__booth=booth).exists():
        return _("Booth %(code)s is in an allocation run.") % {"code": booth.code}
    return None


def delete_booth(*, booth, by):
    """Remove a booth no one holds, was offered, or was allocated: a typo's way back."""
    check_layout_editable(booth.fair)
    with transaction.atomic():
        reason = booth_use(booth)
        if reason:
            raise ValidationError(reason + " " + _("It cannot be deleted."))
        delete_with_history([booth], by=by)


def unused_booths(zone):
    """The zone's booths no group holds or was offered and no allocation run placed anyone in."""
    placed = RunResult.objects.filter(run__fair_id=zone.fair_id, booth__isnull=False)
    return zone.booths.filter(assignments__isnull=True, offers__isnull=True).exclude(
        pk__in=placed.values("booth_id")
    )


def delete_unused_booths(*, zone, by):
    """Remove every unused booth of a zone at once: the way back from a grid made by a typo.
    Booths in use stay; returns how many were deleted."""
    check_layout_editable(zone.fair)
    with transaction.atomic():
        # Locked first: an assignment or offer made meanwhile waits, then finds its booth gone.
        list(zone.booths.select_for_update().values_list("pk", flat=True))
        unused = list(unused_booths(zone))
        # One by one, so each booth leaves its deletion row naming who removed it.
        delete_with_history(unused, by=by)
    return len(unused)


MOVE_LIMIT = 100_000  # plan units: a kilometre, far beyond any hall


def move_booths(*, fair, moves, by):
    """Put booths at new plan positions in one transaction: the floor plan editor's one save.

    `moves` maps a booth id to its new (x, y), or (x, y, turned) where a true `turned` means the
    booth is turned a quarter (its width and depth on the plan swap), or (x, y, turned, degrees)
    that also sets its free angle; a booth of another fair or a position off the plan refuses the
    whole save."""
    check_layout_editable(fair)
    if not all(_is_move(move) for move in moves.values()):
        raise ValidationError(_("A booth was moved off the plan. Nothing was saved."))
    with transaction.atomic():
        booths = list(fair.booths.select_for_update().filter(pk__in=list(moves)))
        if len(booths) != len(moves):
            raise ValidationError(_("Some booths are not of this fair. Nothing was saved."))
        for booth in booths:
            booth.x, booth.y = moves[booth.pk][:2]
            if moves[booth.pk][2:3] == [True]:
                booth.w, booth.h = booth.h, booth.w
            booth.rotation = next(iter(moves[booth.pk][3:]), booth.rotation)
        bulk_update_with_history_by(booths, ["x", "y", "w", "h", "rotation"], by=by)
    return len(booths)


def move_zone(*, zone, right, down, by):
    """Shift every booth of a zone by (right, down) plan units, keeping their layout; a shift
    that would put a booth off the plan moves nothing."""
    check_layout_editable(zone.fair)
    with transaction.atomic():
        booths = list(zone.booths.select_for_update())
        if not all(
            _is_whole(b.x + right, MOVE_LIMIT) and _is_whole(b.y + down, MOVE_LIMIT) for b in booths
        ):
            raise ValidationError(
                _("That would put booths of zone %(code)s off the plan. Nothing was moved.")
                % {"code": zone.code}
            )
        for booth in booths:
            booth.x, booth.y = booth.x + right, booth.y + down
        bulk_update_with_history_by(booths, ["x", "y"], by=by)
    return len(booths)


def _is_move(move):
    if not isinstance(move, list) or len(move) not in (2, 3, 4):
        return False
    position, turned, angle = move[:2], move[2:3], move[3:]
    return (
        turned in ([], [True], [False])
        and all(_is_whole(v, MOVE_LIMIT) for v in position)
        and all(_is_whole(v, 359) for v in angle)
    )


def _is_whole(value, most):
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= most


def delete_zone(*, zone, by):
    """Remove a zone without booths that no application chose: a typo's way back."""
    check_layout_editable(zone.fair)
    with transaction.atomic():
        if zone.booths.exists():
            raise ValidationError(
                _("Zone %(code)s still has booths: delete or move them first.")
                % {"code": zone.code}
            )
        if ZonePreference.objects.filter(zone=zone).exists():
            raise ValidationError(
                _("Applicants chose zone %(code)s; it cannot be deleted.") % {"code": zone.code}
            )
        delete_with_history([zone], by=by)
