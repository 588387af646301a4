"""Writes and reads the audit trail that django-simple-history keeps for every tracked model.

Every write of a tracked model names who made it and why through one of the writers below
(`save_with_history`, `delete_with_history` and the bulk ones), never by setting
simple-history's private attributes by hand.

Each app marks its models with `history = HistoricalRecords()`; this module merges their recent
changes into one list of plain entries (who, when, what, before → after) for the officers' page,
limited to the rows the reader may see (`audit_scope`), and written as people read them: field
labels as the forms show them, people and objects by name, choices by their label, Buddhist-era
dates in local time.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from heapq import nlargest

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.dispatch import Signal, receiver
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import registered_models
from simple_history.signals import pre_create_historical_record
from simple_history.utils import bulk_create_with_history, get_history_model_for_model

from otop_fair.audit_scope import REFERENCE_TABLES, visible_history
from otop_fair.templatetags.thai import thai_date, thai_datetime

CHANGE_LABELS = {"+": "created", "~": "changed", "-": "deleted"}
# Fields whose model gives no label of its own (time stamps, technical keys), labelled here as
# people read them. A relation without a label takes its target's name ("fair", "booth"…).
STAMP_LABELS = {
    "created_at": gettext_lazy("recorded on"),
    # The day's sales and orders taken together (a generated column).
    "total": gettext_lazy("sales and orders (baht)"),
    "updated_at": gettext_lazy("last changed on"),
    "submitted_at": gettext_lazy("submitted on"),
    "released_at": gettext_lazy("released on"),
    "decided_at": gettext_lazy("decided on"),
    "declared_at": gettext_lazy("declared on"),
    "published_at": gettext_lazy("published on"),
    "offered_at": gettext_lazy("offered on"),
    "uploaded_at": gettext_lazy("uploaded on"),
    "responded_at": gettext_lazy("answered on"),
    "visited_at": gettext_lazy("visited on"),
    "reported_at": gettext_lazy("reported on"),
    "started_at": gettext_lazy("work started on"),
    "resolved_at": gettext_lazy("resolved on"),
    "done_at": gettext_lazy("done on"),
    "client_key": gettext_lazy("phone's sending key"),
    "photo_thumbnail": gettext_lazy("small photo"),
    "thumbnail": gettext_lazy("small photo"),
    # A booth's place and size on the floor plan (plan units of 10 cm).
    "x": gettext_lazy("place on the plan, across"),
    "y": gettext_lazy("place on the plan, down"),
    "w": gettext_lazy("width on the plan"),
    "h": gettext_lazy("depth on the plan"),
    "slug": gettext_lazy("public page address"),
    "public_slug": gettext_lazy("public page address"),
}
# Derived from another field (the Thai sort key of a name): a change to it says nothing new.
DERIVED_FIELDS = {"sort_name"}
# Sent once per bulk write, with the model as sender: bulk writes send no post_save, and what
# reacts to any write of a model (the cached public pages, booths/public_cache.py) listens here too.
rows_written = Signal()

REASON_LENGTH = 100  # simple-history's history_change_reason column


@receiver(pre_create_historical_record)
def fit_change_reason(sender, history_instance, **kwargs):
    """A reason typed by a user may be longer than the history column: keep its start rather
    than fail the save with a 500 (the full text stays on the record, e.g. a release reason)."""
    reason = history_instance.history_change_reason
    if reason and len(reason) > REASON_LENGTH:
        history_instance.history_change_reason = reason[: REASON_LENGTH - 1] + "…"


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditEntry:
    when: datetime.datetime
    user: str
    model: str
    model_key: str
    object_id: object
    object_repr: str
    change_type: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)


BULK_CHUNK = 5000  # rows per INSERT/UPDATE of the bulk writers


def _attribute(obj, by, reason):
    """Tell simple-history who makes the next change of `obj` and why (no reason: none kept)."""
    obj._history_user = by
    obj._change_reason = str(reason) if reason else None
    return obj


def save_with_history(obj, *, by, reason="", update_fields=None):
    """Save `obj`; its history row records `by` (a user, or None for the system) and `reason`."""
    _attribute(obj, by, reason).save(update_fields=update_fields)
    return obj


def delete_with_history(objects, *, by, reason=""):
    """Delete `objects` one by one, so each leaves its deletion history row with who and why.

    A queryset's delete() records no reason, and outside a web request no person either.
    """
    for obj in objects:
        _attribute(obj, by, reason).delete()


def bulk_create_with_history_by(objs, *, by, reason=""):
    """Insert `objs` (all of one model) in batches, each with its creation history row."""
    # Each object's own attributes, not the defaults, decide a bulk history row: set them all.
    objs = [_attribute(obj, by, reason) for obj in objs]
    if not objs:
        return []
    created = bulk_create_with_history(
        objs,
        type(objs[0]),
        batch_size=BULK_CHUNK,
        default_user=by,
        default_change_reason=str(reason) if reason else None,
    )
    rows_written.send(sender=type(objs[0]))
    return created


@transaction.atomic
def bulk_update_with_history_by(objs, fields, *, by, reason=""):
    """Save `fields` of `objs` (all of one model) with few UPDATEs and one history row each.

    Rows sharing their new values (statuses) take one UPDATE per value: much faster than
    `bulk_update`, whose CASE expressions grow with the square of a batch in PostgreSQL. Rows
    of their own values (an import's names) take `bulk_update` in small batches.
    """
    objs = [_attribute(obj, by, reason) for obj in objs]
    if not objs:
        return
    model = type(objs[0])
    groups = defaultdict(list)
    for obj in objs:
        groups[tuple(getattr(obj, name) for name in fields)].append(obj.pk)
    if len(groups) * 4 > len(objs):
        model.objects.bulk_update(objs, fields, batch_size=100)
    else:
        for values, pks in groups.items():
            for start in range(0, len(pks), BULK_CHUNK):
                chunk = pks[start : start + BULK_CHUNK]
                model.objects.filter(pk__in=chunk).update(**dict(zip(fields, values, strict=True)))
    model.history.bulk_history_create(
        objs,
        batch_size=BULK_CHUNK,
        update=True,
        default_user=by,
        default_change_reason=str(reason) if reason else None,
    )
    rows_written.send(sender=model)


def tracked_models():
    """The tracked models, as (key, verbose name), sorted by name."""
    models = {
        m._meta.label_lower: m
        for m in registered_models.values()
        if _is_primary(m) and m._meta.label_lower not in REFERENCE_TABLES
    }
    return sorted(((k, str(m._meta.verbose_name)) for k, m in models.items()), key=lambda x: x[1])


def _is_primary(model):
    return not model._meta.auto_created and hasattr(model, "_meta")


def field_label(model_field):
    """The label a person reads for a field, translated."""
    if model_field.name in STAMP_LABELS:
        return capfirst(str(STAMP_LABELS[model_field.name]))
    has_own = str(model_field.verbose_name) != model_field.name.replace("_", " ")
    if not has_own and model_field.is_relation:
        return capfirst(str(model_field.related_model._meta.verbose_name))
    return capfirst(str(model_field.verbose_name))


def recent_changes(*, user, limit=100, model_key=None, username=None):
    """The latest `limit` changes `user` may read across tracked models, newest first, with
    field-level diffs.

    Runs a fixed number of queries per tracked model, whatever the size of the history.
    """
    found = []
    for model in {m for m in registered_models.values() if _is_primary(m)}:
        if model_key and model._meta.label_lower != model_key:
            continue
        found.extend(_recent_for_model(model, user=user, limit=limit, username=username))
    chosen = nlargest(limit, found, key=lambda item: item[1].history_date)
    names = _names_of_related(chosen)
    return [
        _entry(model, record, before, fk_names, names) for model, record, before, fk_names in chosen
    ]


def _recent_for_model(model, *, user, limit, username):
    history_model = get_history_model_for_model(model)
    pk_name = model._meta.pk.attname
    fk_names = [f.name for f in model._meta.concrete_fields if f.is_relation]
    records = visible_history(history_model.objects.all(), model, user)
    records = records.select_related("history_user", *fk_names).order_by("-history_date")
    if username:
        records = records.filter(history_user__username=username)
    records = list(records[:limit])
    if not records:
        return []
    previous = _previous_records(history_model, records, pk_name)
    return [(model, r, previous.get(r.history_id), fk_names) for r in records]


def _previous_records(history_model, records, pk_name):
    """Map each record's history_id to the record just before it for the same object."""
    object_ids = {getattr(r, pk_name) for r in records}
    newest = max(r.history_date for r in records)
    by_object = {}
    related = history_model.objects.filter(
        **{f"{pk_name}__in": object_ids, "history_date__lte": newest}
    ).order_by(pk_name, "history_date", "history_id")
    for row in related:
        by_object.setdefault(getattr(row, pk_name), []).append(row)
    previous = {}
    for rows in by_object.values():
        for before, after in zip(rows, rows[1:], strict=False):
            previous[after.history_id] = before
    return previous


def _diff(model, record, before):
    """The changed fields as (model field, old value, new value), derived fields left out."""
    if before is None or record.history_type != "~":
        return []
    delta = record.diff_against(before)
    return [
        (model._meta.get_field(change.field), change.old, change.new)
        for change in delta.changes
        if change.field not in DERIVED_FIELDS
    ]


def _names_of_related(chosen):
    """{(related model, pk): name} for every object a shown change points at: one query per
    related model."""
    wanted = defaultdict(set)
    for model, record, before, _fk in chosen:
        for model_field, old, new in _diff(model, record, before):
            if model_field.is_relation:
                wanted[model_field.related_model].update(v for v in (old, new) if v is not None)
    names = {}
    for related, pks in wanted.items():
        for pk, obj in related._default_manager.in_bulk(pks).items():
            names[(related, pk)] = _name_of(obj)
    return names


def _name_of(obj):
    display = getattr(obj, "display_name", None)
    return str(display) if display else str(obj)


def _instance(model, record, fk_names):
    """The tracked object as it was, with its foreign keys taken from the joined history row."""
    instance = record.instance
    for name in fk_names:
        model_field = model._meta.get_field(name)
        history_field = record._meta.get_field(name)
        if history_field.is_cached(record):
            model_field.set_cached_value(instance, history_field.get_cached_value(record))
    return instance


def _describe(model, record, fk_names):
    """The object's own text; when something it names has since been deleted, its number."""
    try:
        return str(_instance(model, record, fk_names))
    except ObjectDoesNotExist:
        return f"{model._meta.verbose_name} #{getattr(record, model._meta.pk.attname)}"


def _entry(model, record, before, fk_names, names):
    changes = [
        FieldChange(
            field_label(model_field),
            show_value(old, model_field, names),
            show_value(new, model_field, names),
        )
        for model_field, old, new in _diff(model, record, before)
    ]
    user = record.history_user
    return AuditEntry(
        when=record.history_date,
        user=(user.get_full_name() or user.username) if user else "",
        model=str(model._meta.verbose_name),
        model_key=model._meta.label_lower,
        object_id=getattr(record, model._meta.pk.attname),
        object_repr=_describe(model, record, fk_names),
        change_type=record.history_type,
        reason=record.history_change_reason or "",
        changes=changes,
    )


def show_value(value, model_field, names=None):
    """A stored value as a person reads it."""
    if value is None or value == "" or value == []:
        return "—"
    if model_field.is_relation:
        related = model_field.related_model
        name = (names or {}).get((related, value))
        return name or f"{related._meta.verbose_name} #{value}"
    if isinstance(value, list | tuple):
        base = getattr(model_field, "base_field", model_field)
        return ", ".join(_choice(item, base) for item in value)
    return _choice(value, model_field)


def _choice(value, model_field):
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return thai_datetime(value)
    if isinstance(value, datetime.date):
        return thai_date(value)
    return str(value)
