"""Dates as Thai people type them: day/month/Buddhist-era year, in every date input of the app.

`parse_buddhist_date` is the one parser; `BuddhistDateField` and `BuddhistDateInput` put it in every
form, and `buddhist_date_text` writes a date back the way it is typed (31/12/2569).
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from otop_fair.thai import BUDDHIST_ERA_OFFSET, MONTHS_TH, MONTHS_TH_SHORT, buddhist_year

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# 1 ธ.ค. 2569, 1 ธันวาคม 69, 1ธค.2569, 1 ธ.ค. พ.ศ. 2569: as dates are written on Thai letters.
MONTH_WORD = re.compile(r"^(\d{1,2})\s*([\u0e01-\u0e4e.\s]+?)\s*(?:พ\.\s*ศ\.\s*)?(\d{2}|\d{4})$")
_MONTH_NUMBERS = {
    name.replace(".", ""): number
    for names in (MONTHS_TH, MONTHS_TH_SHORT)
    for number, name in enumerate(names, start=1)
}
# A four-digit year in this range was typed in the Christian era: no one types a BE year of 1900–2399
# into this app (that is 1357–1856 CE), while 2026 is exactly what a browser or a habit produces.
CE_LOOKING_YEARS = range(1800, 2400)
TWO_DIGIT_CENTURY = 2500  # "69" is 2569, as on Thai forms and receipts
# ...but "1/12/26" is as likely a Christian-era habit (2026) as BE 2526: a two-digit year whose
# Christian-era reading (20yy) lies this near today is asked for in four digits.
AMBIGUOUS_CE_BACK, AMBIGUOUS_CE_AHEAD = 5, 10
YEARS_BACK, YEARS_AHEAD = 70, 10


def buddhist_date_text(day: datetime.date) -> str:
    """31/12/2569 — how the date is typed, and how a date input shows it."""
    return f"{day.day:02d}/{day.month:02d}/{buddhist_year(day)}"


def _month_number(word):
    """The month a Thai month name or its abbreviation (ธ.ค., ธค) names, or None."""
    return _MONTH_NUMBERS.get(re.sub(r"[.\s]", "", word))


def _written_day_first(text):
    """(day, month, year as typed) of 31/12/2569 or 31 ธ.ค. 2569, else None."""
    match = DAY_FIRST.match(text)
    if match:
        return int(match.group(1)), int(match.group(2)), match.group(3)
    match = MONTH_WORD.match(text)
    if match and _month_number(match.group(2)):
        return int(match.group(1)), _month_number(match.group(2)), match.group(3)
    return None


def _parts(text, today):
    written = _written_day_first(text)
    if written:
        day, month, typed_year = written
        year = int(typed_year)
        if len(typed_year) == 2:
            _refuse_ambiguous(typed_year, today)
            year += TWO_DIGIT_CENTURY
        return day, month, year
    match = YEAR_FIRST.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return day, month, year
    raise ValidationError(
        _("Type the date as day/month/Buddhist-era year, for example 31/12/2569."),
        code="invalid",
    )


def _refuse_ambiguous(typed: str, today: datetime.date) -> None:
    ce_year = 2000 + int(typed)
    if today.year - AMBIGUOUS_CE_BACK <= ce_year <= today.year + AMBIGUOUS_CE_AHEAD:
        raise ValidationError(
            _(
                "The year %(typed)s could be %(be_year)s or the Christian-era %(ce_year)s "
                "(%(ce_be_year)s). Type the Buddhist-era year in four digits."
            ),
            code="ambiguous_year",
            params={
                "typed": typed,
                "be_year": TWO_DIGIT_CENTURY + int(typed),
                "ce_year": ce_year,
                "ce_be_year": ce_year + BUDDHIST_ERA_OFFSET,
            },
        )


def parse_buddhist_date(value: str, *, today: datetime.date | None = None) -> datetime.date:
    """The date a Thai person means by `value` (dd/mm/yyyy or yyyy-mm-dd, BE year; Thai digits
    welcome; a two-digit year is 25yy). Raises ValidationError with a Thai message for a CE year,
    a two-digit year that reads as a Christian-era year near `today` (default: today in
    Bangkok), or an impossible day."""
    text = str(value).translate(THAI_DIGITS).strip()
    day, month, year = _parts(text, today or timezone.localdate())
    if year in CE_LOOKING_YEARS:
        raise ValidationError(
            _(
                "%(year)s looks like a Christian-era year. Type the Buddhist-era year "
                "(%(year)s is %(be_year)s)."
            ),
            code="christian_era",
            params={"year": year, "be_year": year + BUDDHIST_ERA_OFFSET},
        )
    try:
        return datetime.date(year - BUDDHIST_ERA_OFFSET, month, day)
    except ValueError:
        raise ValidationError(_("There is no such day in the calendar."), code="invalid") from None


def check_sane_window(day, *, years_back=YEARS_BACK, years_ahead=YEARS_AHEAD, today=None):
    """Refuse a date far from today: a typo, not a real visit, certificate or fair."""
    today = today or timezone.localdate()
    earliest = datetime.date(today.year - years_back, 1, 1)
    latest = datetime.date(today.year + years_ahead, 12, 31)
    if not earliest <= day <= latest:
        raise ValidationError(
            _("The date must be between %(earliest)s and %(latest)s."),
            code="out_of_window",
            params={
                "earliest": buddhist_date_text(earliest),
                "latest": buddhist_date_text(latest),
            },
        )


class BuddhistDateInput(forms.TextInput):
    """A text input that shows and takes 31/12/2569; never type=date, whose picker is CE only."""

    def __init__(self, attrs=None):
        defaults = {
            "inputmode": "numeric",
            "placeholder": _("dd/mm/yyyy (B.E.)"),
            "autocomplete": "off",
            "class": "form-control buddhist-date",
            "data-buddhist-date": "",
            # Read by static/js/buddhist-date.js, which says under the box which day was typed.
            "data-christian-era": _(
                "{year} is a Christian-era year; in the Buddhist era it is {be_year}."
            ),
            "data-no-such-day": _("There is no such day in the calendar."),
            "data-ambiguous-year": _(
                "{typed} could be {be_year} or the Christian-era {ce_year} ({ce_be_year}): type "
                "the Buddhist-era year in four digits."
            ),
            "data-ambiguous-back": AMBIGUOUS_CE_BACK,
            "data-ambiguous-ahead": AMBIGUOUS_CE_AHEAD,
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return buddhist_date_text(value)
        return super().format_value(value)


class BuddhistDateField(forms.DateField):
    """A date typed as day/month/Buddhist-era year, refused with a Thai message when it looks
    Christian-era or lies far outside `years_back` … `years_ahead` of today."""

    widget = BuddhistDateInput
    default_help_text = _("Day/month/Buddhist-era year, for example 31/12/2569.")

    def __init__(self, *, years_back=YEARS_BACK, years_ahead=YEARS_AHEAD, **kwargs):
        super().__init__(**kwargs)
        self.years_back, self.years_ahead = years_back, years_ahead
        if not self.help_text:
            self.help_text = self.default_help_text

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        return parse_buddhist_date(value)

    def validate(self, value):
        super().validate(value)
        if value is not None:
            check_sane_window(value, years_back=self.years_back, years_ahead=self.years_ahead)
