"""Writing one field on thousands of rows at once while still leaving an audit record per row."""

from collections import defaultdict

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
