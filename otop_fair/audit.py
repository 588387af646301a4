"""Reads the audit trail that django-simple-history keeps for every tracked model.

Each app marks its models with `history = HistoricalRecords()`; this module merges their recent
changes into one list of plain entries (who, when, what, before → after) for the officers' page.
"""

from dataclasses import dataclass, field
from datetime import datetime
from heapq import nlargest

from django.core.exceptions import ObjectDoesNotExist
from django.dispatch import receiver
from simple_history.models import registered_models
from simple_history.signals import pre_create_historical_record
from simple_history.utils import get_history_model_for_model

CHANGE_LABELS = {"+": "created", "~": "changed", "-": "deleted"}
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
    when: datetime
    user: str
    model: str
    model_key: str
    object_repr: str
    change_type: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)


def tracked_models():
    """The tracked models, as (key, verbose name), sorted by name."""
    models = {m._meta.label_lower: m for m in registered_models.values() if _is_primary(m)}
    return sorted(((k, str(m._meta.verbose_name)) for k, m in models.items()), key=lambda x: x[1])


def _is_primary(model):
    return not model._meta.auto_created and hasattr(model, "_meta")


def recent_changes(*, limit=100, model_key=None, username=None):
    """The latest `limit` changes across tracked models, newest first, with field-level diffs.

    Runs two queries per tracked model, whatever the size of the history.
    """
    entries = []
    for model in {m for m in registered_models.values() if _is_primary(m)}:
        if model_key and model._meta.label_lower != model_key:
            continue
        entries.extend(_recent_for_model(model, limit=limit, username=username))
    return nlargest(limit, entries, key=lambda e: e.when)


def _recent_for_model(model, *, limit, username):
    history_model = get_history_model_for_model(model)
    pk_name = model._meta.pk.attname
    fk_names = [f.name for f in model._meta.concrete_fields if f.is_relation]
    records = history_model.objects.select_related("history_user", *fk_names).order_by(
        "-history_date"
    )
    if username:
        records = records.filter(history_user__username=username)
    records = list(records[:limit])
    if not records:
        return []
    previous = _previous_records(history_model, records, pk_name)
    return [_entry(model, record, previous.get(record.history_id), fk_names) for record in records]


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


def _instance(model, record, fk_names):
    """The tracked object as it was, with its foreign keys taken from the joined history row."""
    instance = record.instance
    for name in fk_names:
        field = model._meta.get_field(name)
        history_field = record._meta.get_field(name)
        if history_field.is_cached(record):
            field.set_cached_value(instance, history_field.get_cached_value(record))
    return instance


def _describe(model, record, fk_names):
    """The object's own text; when something it names has since been deleted, its number."""
    try:
        return str(_instance(model, record, fk_names))
    except ObjectDoesNotExist:
        return f"{model._meta.verbose_name} #{getattr(record, model._meta.pk.attname)}"


def _entry(model, record, before, fk_names):
    changes = []
    if before is not None and record.history_type == "~":
        delta = record.diff_against(before)
        for change in delta.changes:
            model_field = model._meta.get_field(change.field)
            changes.append(
                FieldChange(
                    str(model_field.verbose_name),
                    _show(change.old, model_field),
                    _show(change.new, model_field),
                )
            )
    user = record.history_user
    return AuditEntry(
        when=record.history_date,
        user=(user.get_full_name() or user.username) if user else "",
        model=str(model._meta.verbose_name),
        model_key=model._meta.label_lower,
        object_repr=_describe(model, record, fk_names),
        change_type=record.history_type,
        reason=record.history_change_reason or "",
        changes=changes,
    )


def _show(value, model_field):
    if value is None or value == "":
        return "—"
    labels = dict(model_field.flatchoices) if model_field.choices else {}
    return str(labels.get(value, value))
