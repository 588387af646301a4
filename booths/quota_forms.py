"""The quota grid (province × category) and the sheet it can be imported from. Both end in the
same grid form, so a sheet's numbers are checked exactly as typed ones are."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from booths.models.quotas import MAX_QUOTA
from booths.services.quotas import total_errors
from otop_fair.forms import ThaiForm
from otop_fair.thai_text import arabic_digits, normalise_text
from producers.import_reading import ImportFileError, read_table
from producers.models import Category


def cell_name(province_code, category):
    return f"q_{province_code}_{category}"


class QuotaGridForm(ThaiForm):
    """One number field per province × category; the totals are checked against the booths."""

    reason = forms.CharField(
        label=gettext_lazy("reason for the change"), max_length=300, required=False
    )

    def __init__(self, *args, provinces, booths_total, takes, **kwargs):
        super().__init__(*args, **kwargs)
        self.provinces, self.booths_total, self.takes = provinces, booths_total, takes
        self.total_errors = {}
        for province in provinces:
            for code, label in Category.choices:
                self.fields[cell_name(province.code, code)] = forms.IntegerField(
                    label=f"{province.name_th} · {label}",
                    required=False,
                    min_value=0,
                    max_value=MAX_QUOTA,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "quota"}),
                )

    def table(self):
        data = self.cleaned_data
        return {
            (p.code, code): data.get(cell_name(p.code, code)) or 0
            for p in self.provinces
            for code in Category.values
        }

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        self.total_errors = total_errors(self.table(), self.booths_total, self.takes)
        for message in self.total_errors.values():
            self.add_error(None, message)
        return data

    def rows(self):
        """(province, [bound field per category], row total) in the grid's order."""
        rows = []
        for province in self.provinces:
            fields = [self[cell_name(province.code, code)] for code in Category.values]
            rows.append((province, fields, sum(_number(f.value()) for f in fields)))
        return rows

    def columns(self):
        """(label, column total, booths that take the category, error) per category."""
        return [
            (
                label,
                sum(_number(self[cell_name(p.code, code)].value()) for p in self.provinces),
                self.takes.get(code, 0),
                self.total_errors.get(code, ""),
            )
            for code, label in Category.choices
        ]

    def grand_total(self):
        return sum(total for _label, total, _takes, _error in self.columns())


def _number(value):
    try:
        return max(0, int(str(value or 0)))
    except ValueError:
        return 0


class QuotaSheetForm(ThaiForm):
    """A sheet laid out like the grid: provinces down, categories across (Thai names or codes)."""

    sheet = forms.FileField(
        label=gettext_lazy("quota sheet (Excel or CSV)"),
        help_text=gettext_lazy(
            "First row: จังหวัด, then the product categories; one row per province."
        ),
    )

    reason = forms.CharField(
        label=gettext_lazy("reason for the change"), max_length=300, required=False
    )

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.provinces = provinces

    def clean_sheet(self):
        try:
            rows = read_table(self.cleaned_data["sheet"])
        except ImportFileError as error:
            raise ValidationError(str(error)) from None
        rows = [r for r in rows if any(r)]
        if not rows:
            raise ValidationError(_("The file is empty."))
        return grid_data(rows, self.provinces)


def _keys(pairs):
    return {normalise_text(str(name)).casefold(): key for key, name in pairs}


def grid_data(rows, provinces) -> dict[str, str]:
    """The grid form's data from the sheet's rows; raises a ValidationError naming the first
    header or row it cannot read."""
    categories = _keys([*Category.choices, *((c, c) for c in Category.values)])
    columns = [categories.get(cell.casefold()) for cell in rows[0][1:]]
    if not any(columns):
        raise ValidationError(
            _("The first row must name the product categories, e.g. “%(example)s”.")
            % {"example": Category.TEXTILE.label}
        )
    by_name = _keys(
        [(p.code, p.name_th) for p in provinces] + [(p.code, p.code) for p in provinces]
    )
    data, seen = {}, set()
    for number, cells in enumerate(rows[1:], start=2):
        code = by_name.get(cells[0].casefold().removeprefix("จังหวัด")) if cells else None
        if code is None or code in seen:
            raise ValidationError(
                _("Row %(row)s: “%(name)s” is not a province, or is named twice.")
                % {"row": number, "name": cells[0] if cells else ""}
            )
        seen.add(code)
        for category, value in zip(columns, cells[1:], strict=False):
            value = normalise_text(arabic_digits(value)).replace(" ", "")
            if category and value:
                data[cell_name(code, category)] = _booth_count(value, number)
    return data


# A comma only as thousands separator ("1,200"): "1,5" is a decimal comma, not fifteen booths.
THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")


def _booth_count(value, row):
    """The cell's whole number of booths as digits, or a ValidationError saying booths are
    counted whole (a sheet's "1.5" or "1,5" is refused, never rounded or read as 15)."""
    digits = value.replace(",", "") if THOUSANDS.fullmatch(value) else value
    if not (digits.isascii() and digits.isdecimal()):
        raise ValidationError(
            _("Row %(row)s: “%(value)s” is not a whole number of booths; type e.g. 2.")
            % {"row": row, "value": value}
        )
    return digits
