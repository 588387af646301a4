"""Import groups and products from an officer's spreadsheet (Excel or CSV).

`import_reading.read_rows(file)` turns the file into plain rows; `check_rows(rows, user)` validates every row and
says, in Thai, what is wrong with which row; `apply_rows(rows, user)` writes all of it or nothing.
A group is keyed by its OTOP registration number and a product by its name within the group, so
importing the same file again updates and never duplicates.
"""

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from otop_fair.audit import bulk_create_with_history_by, bulk_update_with_history_by
from otop_fair.rules import acts_on_every_province, provinces_kept_by
from otop_fair.thai import thai_sort_key
from otop_fair.thai_text import canonical_phone, plain_number
from producers.import_reading import HEADERS
from producers.models import Category, GroupType, ProducerGroup, Product, Subdistrict

AREA_PREFIXES = ("จังหวัด", "จ.", "อำเภอ", "อ.", "เขต", "ตำบล", "ต.", "แขวง")
REQUIRED = ["registration_no", "name", "contact_name"]
# (column key, model, field): the columns whose length the database limits.
LENGTH_LIMITED = [
    ("registration_no", ProducerGroup, "registration_no"),
    ("name", ProducerGroup, "name"),
    ("contact_name", ProducerGroup, "contact_name"),
    ("phone", ProducerGroup, "phone"),
    ("line_id", ProducerGroup, "line_id"),
    ("address", ProducerGroup, "address"),
    ("unit", Product, "unit"),
    ("product_name", Product, "name"),
]


@dataclass
class RowCheck:
    number: int
    values: dict
    errors: list = field(default_factory=list)
    subdistrict: Subdistrict | None = None


def _loose(text):
    """Spreadsheets vary in spacing, commas and "and" (และ) inside a category's name."""
    return re.sub(r"[\s,]+|และ|\band\b", "", str(text).lower())


def _choice_lookup(choices):
    """Accept the stored value, the Thai label or the English label, loosely written."""
    lookup = {}
    for value, label in choices:
        lookup[_loose(value)] = value
        for language in ("th", "en"):
            with translation.override(language):
                lookup[_loose(label)] = value
    return lookup


@functools.cache
def group_types():
    return _choice_lookup(GroupType.choices)


@functools.cache
def categories():
    return _choice_lookup(Category.choices)


def _area_name(text):
    text = text.strip()
    for prefix in AREA_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix) :].strip()
    return text


def _subdistrict_index(rows):
    codes = {r.get("subdistrict_code", "") for r in rows} - {""}
    provinces = {_area_name(r.get("province", "")) for r in rows} - {""}
    found = Subdistrict.objects.select_related("district__province").filter(
        code__in=codes
    ) | Subdistrict.objects.select_related("district__province").filter(
        district__province__name_th__in=provinces
    )
    by_code, by_names = {}, {}
    for sub in found:
        by_code[sub.code] = sub
        by_names[(sub.district.province.name_th, sub.district.name_th, sub.name_th)] = sub
    return by_code, by_names


def _price(text, check, label):
    if not text:
        return None
    try:
        # Only a thousands comma is dropped: a sheet's "12,50" is not 1,250 baht.
        value = Decimal(plain_number(text))
    except InvalidOperation:
        check.errors.append(
            _("%(column)s “%(value)s” is not a number.") % {"column": label, "value": text}
        )
        return None
    if value < 0:
        check.errors.append(_("%(column)s cannot be negative.") % {"column": label})
    return value


def _check_row(check, index, user_provinces, foreign_regnos):
    """Append to `check.errors` everything wrong with its row; set `check.subdistrict`."""
    _check_required(check)
    _check_phone(check)
    _check_lengths(check)
    group_type = check.values.get("group_type", "")
    if _loose(group_type) not in group_types():
        check.errors.append(_("Unknown group type “%(value)s”.") % {"value": group_type})
    _check_subdistrict(check, index, user_provinces)
    if check.values.get("registration_no") in foreign_regnos:
        check.errors.append(_("This registration number belongs to a group in another province."))
    if check.values.get("product_name"):
        _check_product(check)


def _check_required(check):
    for key in REQUIRED:
        if not check.values.get(key):
            check.errors.append(_("“%(column)s” is empty.") % {"column": HEADERS[key]})


def _check_phone(check):
    """Store the phone in its one form (0XXXXXXXXX); a cell that is no Thai phone is refused."""
    phone = check.values.get("phone", "")
    if not phone:
        return
    try:
        check.values["phone"] = canonical_phone(phone)
    except ValueError:
        check.errors.append(
            _("“%(column)s” “%(value)s” is not a Thai phone number (such as 081 234 5678).")
            % {"column": HEADERS["phone"], "value": phone}
        )


def _check_lengths(check):
    for key, model, field_name in LENGTH_LIMITED:
        limit = model._meta.get_field(field_name).max_length
        if len(check.values.get(key, "")) > limit:
            check.errors.append(
                _("“%(column)s” is longer than %(limit)s characters.")
                % {"column": HEADERS[key], "limit": limit}
            )


def _check_subdistrict(check, index, user_provinces):
    """Find the row's subdistrict by code or by names, within the user's provinces."""
    values = check.values
    by_code, by_names = index
    sub = by_code.get(values.get("subdistrict_code", "")) or by_names.get(
        tuple(_area_name(values.get(k, "")) for k in ("province", "district", "subdistrict"))
    )
    if sub is None:
        check.errors.append(
            _(
                "The subdistrict was not found: give its code or province, district and subdistrict names."
            )
        )
    elif user_provinces is not None and sub.district.province_id not in user_provinces:
        check.errors.append(
            _("The group is in %(province)s, which is not one of your provinces.")
            % {"province": sub.district.province.name_th}
        )
    check.subdistrict = sub


def _check_product(check):
    values = check.values
    if _loose(values.get("category", "")) not in categories():
        check.errors.append(
            _("Unknown product category “%(value)s”.") % {"value": values.get("category", "")}
        )
    low = _price(values.get("price_min", ""), check, "ราคาต่ำสุด")
    high = _price(values.get("price_max", ""), check, "ราคาสูงสุด")
    if low is not None and high is not None and high < low:
        check.errors.append(_("The highest price is below the lowest price."))


def check_rows(rows, user):
    """One RowCheck per row (numbered as in the spreadsheet, header = row 1)."""
    user_provinces = (
        None
        if acts_on_every_province(user)
        else set(provinces_kept_by(user).values_list("pk", flat=True))
    )
    regnos = {r.get("registration_no", "") for r in rows} - {""}
    existing = ProducerGroup.objects.filter(registration_no__in=regnos)
    foreign = (
        set()
        if user_provinces is None
        else set(
            existing.exclude(province_id__in=user_provinces).values_list(
                "registration_no", flat=True
            )
        )
    )
    index = _subdistrict_index(rows)
    checks = []
    for number, values in enumerate(rows, start=2):
        check = RowCheck(number=number, values=values)
        _check_row(check, index, user_provinces, foreign)
        checks.append(check)
    return checks


@dataclass
class ImportSummary:
    groups_created: int = 0
    groups_updated: int = 0
    products_created: int = 0
    products_updated: int = 0


GROUP_FIELDS = [
    "name",
    "sort_name",
    "group_type",
    "contact_name",
    "phone",
    "line_id",
    "address",
    "subdistrict",
    "province",
    "updated_at",
]
PRODUCT_FIELDS = ["category", "price_min", "price_max", "unit", "updated_at"]


def _group_from(check, group, now):
    values = check.values
    group.name = values["name"]
    group.sort_name = thai_sort_key(group.name)
    group.group_type = group_types()[_loose(values["group_type"])]
    group.contact_name = values["contact_name"]
    group.phone = values.get("phone", "")
    group.line_id = values.get("line_id", "")
    group.address = values.get("address", "")
    group.subdistrict = check.subdistrict
    group.province_id = check.subdistrict.district.province_id
    group.updated_at = now
    return group


def _product_from(check, product, now):
    values = check.values
    product.category = categories()[_loose(values["category"])]
    product.price_min = _price(values.get("price_min", ""), check, "")
    product.price_max = _price(values.get("price_max", ""), check, "")
    product.unit = values.get("unit", "") or product.unit
    product.updated_at = now
    return product


def _snapshot(obj, fields):
    """The values an import may change, less the timestamp: to write only what really changed."""
    return tuple(
        getattr(obj, f + "_id" if f in ("subdistrict", "province") else f)
        for f in fields
        if f != "updated_at"
    )


def _write(model, new, changed, fields, by):
    """Bulk writes that still leave one audit-trail row per object, attributed to `by`."""
    bulk_create_with_history_by(new, by=by)
    bulk_update_with_history_by(changed, fields, by=by)


def _write_groups(checks, by, summary, now):
    regnos = {c.values["registration_no"] for c in checks}
    # Numbers are unique when given (a partial constraint), so one group per number.
    locked = ProducerGroup.objects.select_for_update().filter(registration_no__in=regnos - {""})
    existing = {group.registration_no: group for group in locked}
    groups, new, changed = {}, [], []
    for check in checks:
        regno = check.values["registration_no"]
        if regno in groups:
            continue
        group = existing.get(regno) or ProducerGroup(registration_no=regno, created_at=now)
        before = _snapshot(group, GROUP_FIELDS)
        groups[regno] = _group_from(check, group, now)
        if group.pk is None:
            new.append(group)
        elif _snapshot(group, GROUP_FIELDS) != before:
            changed.append(group)
    _write(ProducerGroup, new, changed, GROUP_FIELDS, by)
    summary.groups_created, summary.groups_updated = len(new), len(changed)
    return groups


def _write_products(checks, groups, by, summary, now):
    existing = {
        (p.group_id, p.name): p for p in Product.objects.filter(group__in=list(groups.values()))
    }
    products, new, before = {}, [], {}
    for check in checks:
        name = check.values.get("product_name")
        if not name:
            continue
        group = groups[check.values["registration_no"]]
        key = (group.pk, name)
        product = products.get(key) or existing.get(key)
        if product is None:
            product = Product(group=group, name=name, sort_name=thai_sort_key(name), created_at=now)
            new.append(product)
        before.setdefault(key, _snapshot(product, PRODUCT_FIELDS))
        products[key] = _product_from(check, product, now)
    changed = [
        p
        for key, p in products.items()
        if key in existing and _snapshot(p, PRODUCT_FIELDS) != before[key]
    ]
    _write(Product, new, changed, PRODUCT_FIELDS, by)
    summary.products_created, summary.products_updated = len(new), len(changed)


def apply_rows(rows, *, by):
    """Write every row or none: returns (summary, checks); nothing is saved if any row fails."""
    checks = check_rows(rows, by)
    if any(c.errors for c in checks):
        return None, checks
    summary = ImportSummary()
    now = timezone.now()
    with transaction.atomic():
        groups = _write_groups(checks, by, summary, now)
        _write_products(checks, groups, by, summary, now)
    return summary, checks
