"""Matching open-data rows to the registry, and writing what they add (see open_data.py).

Memory grows with the groups of the provinces a file names, never with its rows: rows are read
one at a time, and the index of names is loaded one province at a time.
"""

import hashlib

from django.db import transaction
from django.utils.translation import gettext as _

from otop_fair.audit import save_with_history
from otop_fair.public_pages import one_invalidation_for_many_writes
from otop_fair.rules import provinces_kept_by
from producers.models import GroupType, ProducerGroup, Product, StarRating, Subdistrict
from producers.open_data import (
    AMBIGUOUS,
    CATEGORIES,
    INVALID,
    MATCHED,
    NEW,
    OPC,
    UNKNOWN,
    Summary,
    area_key,
    name_key,
    rows,
)

CHANGE_REASON = "นำเข้าข้อมูลเปิดของกรมการพัฒนาชุมชน"


def _key(name):
    """A group name's 8-byte digest: the index keeps 100,000 names in a few MB, not the names."""
    return hashlib.blake2b(name_key(name).encode(), digest_size=8).digest()


def _add(index, key, pk):
    """One id as a bare int (most names), several as a tuple: about 100 bytes a name."""
    found = index.get(key)
    index[key] = pk if found is None else (*(found if isinstance(found, tuple) else (found,)), pk)


class Registry:
    """Groups by province and normalised name (as a digest), and subdistricts by their names."""

    def __init__(self, user):
        self.provinces = {area_key(p.name_th): p.pk for p in provinces_kept_by(user)}
        self._groups, self._areas = {}, {}

    def province(self, text):
        return self.provinces.get(area_key(text))

    def groups(self, code, name):
        """The ids of the province's groups of this name (a new one from this file counts too)."""
        if code not in self._groups:
            index = {}
            for pk, group_name in ProducerGroup.objects.filter(province_id=code).values_list(
                "pk", "name"
            ):
                _add(index, _key(group_name), pk)
            self._groups[code] = index
        found = self._groups[code].get(_key(name), ())
        return list(found) if isinstance(found, tuple) else [found]

    def remember(self, code, name, pk):
        _add(self._groups[code], _key(name), pk)

    def subdistrict(self, code, district, subdistrict):
        if code not in self._areas:
            subs = Subdistrict.objects.filter(district__province_id=code)
            self._areas[code] = {
                (area_key(d), area_key(s)): pk
                for pk, d, s in subs.values_list("pk", "district__name_th", "name_th")
            }
        return self._areas[code].get((area_key(district), area_key(subdistrict)))


def _with_history(obj, user):
    return save_with_history(obj, by=user, reason=CHANGE_REASON)


class OpenDataImport:
    """One file of one kind (REGISTER or OPC; an OPC file needs the rating round it publishes)."""

    def __init__(self, kind, user, rating_round=None):
        self.kind, self.user, self.round = kind, user, rating_round

    def preview(self, binary):
        """What `apply` would do, writing nothing."""
        return self._run(binary, write=False)

    def apply(self, binary):
        with transaction.atomic(), one_invalidation_for_many_writes():
            return self._run(binary, write=True)

    def _run(self, binary, *, write):
        summary, registry = Summary(), Registry(self.user)
        handle = self._opc_row if self.kind == OPC else self._register_row
        for number, row in rows(binary, self.kind):
            handle(summary, registry, number, row, write)
        return summary

    def _group(self, summary, registry, number, row):
        """(province code, matching group ids), or None after noting why the row is skipped."""
        code = registry.province(row["province"])
        if code is None or not row["producer"]:
            summary.note(UNKNOWN, number, row["province"] or "-")
            return None
        ids = registry.groups(code, row["producer"])
        if len(ids) > 1:
            summary.note(AMBIGUOUS, number, row["producer"])
            return None
        return code, ids

    def _register_row(self, summary, registry, number, row, write):
        found = self._group(summary, registry, number, row)
        if found is None:
            return
        code, ids = found
        if ids:
            summary.note(MATCHED, number, row["producer"])
            return
        sub = registry.subdistrict(code, row["district"], row["subdistrict"])
        if sub is None:
            summary.note(UNKNOWN, number, f"{row['district']} / {row['subdistrict']}")
            return
        summary.note(NEW, number, row["producer"])
        summary.changes += 1
        pk = -number
        if write:
            group = ProducerGroup(
                name=row["producer"][:200],
                group_type=GroupType.COMMUNITY,
                registration_no="",
                contact_name="",
                subdistrict_id=sub,
            )
            pk = _with_history(group, self.user).pk
        registry.remember(code, row["producer"], pk)

    def _opc_row(self, summary, registry, number, row, write):
        found = self._group(summary, registry, number, row)
        if found is None:
            return
        _code, ids = found
        category = CATEGORIES.get(name_key(row["category"]).replace(" ", "").replace(",", ""))
        stars = row["stars"].strip()
        if not (stars in {"1", "2", "3", "4", "5"} and category and row["product"]):
            summary.note(INVALID, number, _("stars, category or product name"))
            return
        if not ids:
            # The OPC list names no district: a group it does not know waits for the register.
            summary.note(NEW, number, row["producer"])
            return
        summary.note(MATCHED, number, row["producer"])
        product = self._product(summary, ids[0], row, category, write)
        self._rating(summary, product, int(stars), write)

    def _product(self, summary, group_id, row, category, write):
        wanted = name_key(row["product"])
        for pk, name in Product.objects.filter(group_id=group_id).values_list("pk", "name"):
            if name_key(name) == wanted:
                return pk
        summary.changes += 1
        if not write:
            return None
        product = Product(group_id=group_id, name=row["product"][:200], category=category)
        return _with_history(product, self.user).pk

    def _rating(self, summary, product_id, stars, write):
        rating = None
        if product_id is not None:
            rating = StarRating.objects.filter(product_id=product_id, round=self.round).first()
        if rating is not None and rating.stars == stars:
            return
        summary.changes += 1
        if not write:
            return
        if rating is None:
            rating = StarRating(product_id=product_id, round=self.round)
        rating.stars, rating.score = stars, None
        _with_history(rating, self.user)
