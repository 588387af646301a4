"""Which history rows a person may read on the audit trail.

Every audited model names the way from its row to the province it belongs to (its `area`, or
below while it declares none). An officer reads the rows of their own provinces; the head office
and superusers read every row; nobody else reads any. A model without a way to a province is read by superusers only — an unknown scope
never means "everyone". Scores and their comments stay hidden from everyone until the fair's
scoring has closed, so neither an officer nor another member can read a draft.
"""

from django.apps import apps

from otop_fair.areas import acts_on_every_province, area_q

# Audited models that declare no `area` yet → the lookup from their (historical) row to a province.
PROVINCE_OF = {
    "booths.zonerule": "zone__fair__province",
    "booths.producergroupflag": "group__province",
    "sales.dailysales": "assignment__fair__province",
    "sales.fairsalespolicy": "fair__province",
    "sales.encouragementvisit": "assignment__fair__province",
    "sales.issuereport": "fair__province",
    "sales.networkmeeting": "province",
    "sales.actionitem": "meeting__province",
    "sales.channelsale": "group__province",
    "sales.fairdayvisitors": "fair__province",
    "sales.salestarget": "fair__province",
}

# Reference tables the department keeps for every province (edited in the admin, whose history
# view shows their changes): not part of the officers' audit trail.
REFERENCE_TABLES = frozenset({"producers.qualitystandard"})

# Rows whose content is secret until the fair's scoring has closed → the lookup to that fair.
SEALED_UNTIL_SCORING_CLOSES = {"booths.score": "review__application__fair"}
SCORING_CLOSED_STATES = ("allocated", "running", "closed")


def province_lookup(model):
    """The lookup from `model`'s row to its province, or None when it names none."""
    area = getattr(model, "area", None)
    return area.province if area else PROVINCE_OF.get(model._meta.label_lower)


def audited_province_lookups():
    """Every audited model with an area → its lookup to a province."""
    found = {m._meta.label_lower: province_lookup(m) for m in apps.get_models()}
    return {key: lookup for key, lookup in found.items() if key in _audited() and lookup}


def _audited():
    from otop_fair.audit import tracked_models  # audit reads this module's scope

    return {key for key, _label in tracked_models()}


def visible_history(records, model, user):
    """`records` (a historical queryset of `model`) narrowed to what `user` may read."""
    key = model._meta.label_lower
    fair = SEALED_UNTIL_SCORING_CLOSES.get(key)
    if fair:
        records = records.filter(**{f"{fair}__state__in": SCORING_CLOSED_STATES})
    if acts_on_every_province(user):
        return records
    province = province_lookup(model)
    if province is None:
        return records.none()
    # The trail is the offices': by province only, never a producer's own rows.
    return records.filter(area_q(user, province=province))
