"""Writing many audited rows at once while still leaving an audit record per row, with who and
why: every bulk create, update and delete of an audited model in the booths app goes through here."""

from collections import defaultdict

from simple_history.utils import bulk_create_with_history

CHUNK = 5000


def update_with_history(model, objects, fields, *, by, reason):
    """Save `fields` of `objects` with a few UPDATEs (grouped by value) and one history row each.

    Much faster than `bulk_update`, whose CASE expressions grow with every row in a batch.
    """
    groups = defaultdict(list)
    for obj in objects:
        groups[tuple(getattr(obj, name) for name in fields)].append(obj.pk)
    for values, pks in groups.items():
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start : start + CHUNK]
            model.objects.filter(pk__in=chunk).update(**dict(zip(fields, values, strict=True)))
    model.history.bulk_history_create(
        objects, batch_size=CHUNK, update=True, default_user=by, default_change_reason=reason
    )


def create_with_history(model, objects, *, by, reason):
    """Insert `objects` in batches, each with its creation history row."""
    return bulk_create_with_history(
        objects, model, batch_size=CHUNK, default_user=by, default_change_reason=reason
    )


def delete_with_history(objects, *, by, reason):
    """Delete `objects` one by one, so each leaves its deletion history row with who and why.

    A queryset's delete() records no reason, and outside a web request no person either.
    """
    for obj in objects:
        obj._history_user = by
        obj._change_reason = reason
        obj.delete()
