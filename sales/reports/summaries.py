"""One short sentence per fair report section, written from the figures (Thai through gettext)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from otop_fair.thai import baht, thai_date


def _best(rows):
    return max(rows, key=lambda row: row.total) if rows else None


def _headline(report):
    top = report.headline
    if not top.total:
        return _("No sales have been recorded for this fair yet.")
    return _(
        "%(groups)s groups sold %(total)s in total from %(booths)s booths, "
        "%(average)s per booth per day on average."
    ) % {
        "groups": f"{top.groups:,}",
        "total": baht(top.total, decimals=0),
        "booths": f"{top.booths:,}",
        "average": baht(top.average_per_booth_day, decimals=0),
    }


def _days(report):
    best = _best(report.days)
    if best is None or not best.total:
        return ""
    today = timezone.localdate()
    # Days still to come are not days without sales.
    empty = sum(1 for row in report.days if not row.total and row.day <= today)
    sentence = _("The best day was %(day)s with %(total)s.") % {
        "day": thai_date(best.day),
        "total": baht(best.total, decimals=0),
    }
    if empty:
        sentence += " " + ngettext(
            "%(count)s fair day had no sales recorded.",
            "%(count)s fair days had no sales recorded.",
            empty,
        ) % {"count": empty}
    return sentence


def _largest(rows, message):
    best = _best(rows)
    if best is None or not best.total:
        return ""
    return message % {
        "label": best.label,
        "extra": best.extra,
        "total": baht(best.total, decimals=0),
        "share": f"{best.share:.0f}",
        "booths": best.booths,
    }


def _previous(report):
    if report.previous_fair is None:
        return _("There is no earlier fair of the same name to compare with.")
    change = report.sales_change.percent_change
    values = {
        "date": thai_date(report.previous_fair.start_date),
        "before": baht(report.previous_headline.total, decimals=0),
        "change": f"{abs(change or 0):.1f}",
    }
    if change is None:
        return _("The fair of %(date)s recorded no sales to compare with.") % values
    if change >= 0:
        return _("Sales rose %(change)s%% from %(before)s at the fair of %(date)s.") % values
    return _("Sales fell %(change)s%% from %(before)s at the fair of %(date)s.") % values


def _below(report):
    count = len(report.below)
    if not count:
        return _("Every group sold at least %(threshold)s.") % {
            "threshold": baht(report.threshold, decimals=0)
        }
    return ngettext(
        "%(count)s group sold less than %(threshold)s and should be followed up.",
        "%(count)s groups sold less than %(threshold)s and should be followed up.",
        count,
    ) % {"count": count, "threshold": baht(report.threshold, decimals=0)}


def _problems(report):
    reported = sum(row.reported for row in report.problems)
    if not reported:
        return _("No problems were reported during the fair.")
    resolved = sum(row.resolved for row in report.problems)
    busiest = max(report.problems, key=lambda row: row.reported)
    return _(
        "%(reported)s problems were reported and %(resolved)s resolved; "
        "the most common was %(category)s."
    ) % {"reported": reported, "resolved": resolved, "category": busiest.label}


def _selection(report):
    figures = report.selection
    return _(
        "%(applied)s groups applied, %(eligible)s were eligible, %(selected)s were selected "
        "and %(used)s booths went to groups on the waiting list."
    ) % {
        "applied": f"{figures.applied:,}",
        "eligible": f"{figures.eligible:,}",
        "selected": f"{figures.selected:,}",
        "used": f"{figures.waitlist_used:,}",
    }


def _top(report):
    if not report.top_groups or not report.top_groups[0].total:
        return ""
    first = report.top_groups[0]
    return _("%(name)s sold the most: %(total)s.") % {
        "name": first.name,
        "total": baht(first.total, decimals=0),
    }


def summarise(report):
    """Section name → one or two Thai sentences about it."""
    return {
        "headline": _headline(report),
        "days": _days(report),
        "categories": _largest(
            report.categories, _("%(label)s sold the most: %(total)s, %(share)s%% of all sales.")
        ),
        "areas": _largest(
            report.areas, _("Groups from %(extra)s, %(label)s sold the most: %(total)s.")
        ),
        "zones": _largest(
            report.zones, _("Zone %(label)s sold the most: %(total)s from %(booths)s booths.")
        ),
        "stars": _largest(
            report.stars, _("Groups with %(label)s stars sold %(share)s%% of all sales.")
        ),
        "quadrants": _largest(
            report.quadrants,
            _("Groups of %(label)s sold %(share)s%% of all sales."),
        ),
        "marks": _largest(
            report.marks, _("Groups entering %(label)s products sold %(share)s%% of all sales.")
        ),
        "top": _top(report),
        "below": _below(report),
        "previous": _previous(report),
        "problems": _problems(report),
        "selection": _selection(report),
    }
