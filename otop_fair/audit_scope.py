"""Which history rows a person may read on the audit trail.

Every audited model names the way from its row to the province it belongs to. An officer reads
the rows of their own provinces; the head office and superusers read every row; nobody else
reads any. A model without a way to a province is read by superusers only — an unknown scope
never means "everyone". Scores and their comments stay hidden from everyone until the fair's
scoring has closed, so neither an officer nor another member can read a draft.
"""

from otop_fair.rules import acts_on_every_province, is_officer, provinces_kept_by

# Audited model → the lookup from its (historical) row to a province.
PROVINCE_OF = {
    "producers.producergroup": "province",
    "producers.product": "group__province",
    "producers.starrating": "product__group__province",
    "producers.certification": "group__province",
    "producers.visit": "group__province",
    "producers.publicprofile": "group__province",
    "booths.fair": "province",
    "booths.application": "fair__province",
    "booths.assignment": "fair__province",
    "booths.eligibilityrule": "fair__province",
    "booths.eligibilityoverride": "application__fair__province",
    "booths.criterion": "fair__province",
    "booths.committeemember": "fair__province",
    "booths.conflictofinterest": "application__fair__province",
    "booths.reviewassignment": "application__fair__province",
    "booths.score": "review__application__fair__province",
    "booths.allocationrun": "fair__province",
    "booths.waitlistoffer": "fair__province",
    "booths.provincequota": "fair__province",
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


def visible_history(records, model, user):
    """`records` (a historical queryset of `model`) narrowed to what `user` may read."""
    key = model._meta.label_lower
    fair = SEALED_UNTIL_SCORING_CLOSES.get(key)
    if fair:
        records = records.filter(**{f"{fair}__state__in": SCORING_CLOSED_STATES})
    if acts_on_every_province(user):
        return records
    province = PROVINCE_OF.get(key)
    if province is None or not is_officer(user):
        return records.none()
    return records.filter(**{f"{province}__in": provinces_kept_by(user).values("pk")})
