"""Stored zone and booth codes, criterion names and fair names through the one text normaliser,
as new input now is. A code or name that would become another row's in the same fair keeps its
old spelling (nothing is merged or lost); the form asks for a distinct one at its next edit."""

from django.db import migrations

from otop_fair.thai_text import normalise_code, normalise_text

BATCH = 1000


def _normalise_unique_in_fair(model, field, normalise):
    """Normalise `field`, unique per fair, skipping a value another row of the fair holds."""
    rows = list(model.objects.order_by("pk").only("pk", "fair_id", field))
    taken = {(r.fair_id, getattr(r, field)) for r in rows}
    changed = []
    for row in rows:
        value = getattr(row, field)
        new = normalise(value) or value
        if new != value and (row.fair_id, new) not in taken:
            taken.discard((row.fair_id, value))
            taken.add((row.fair_id, new))
            setattr(row, field, new)
            changed.append(row)
    model.objects.bulk_update(changed, [field], batch_size=BATCH)


def _normalise_free_text(model, fields):
    changed = []
    for row in model.objects.order_by("pk").only("pk", *fields).iterator(BATCH):
        before = [getattr(row, f) for f in fields]
        for name, value in zip(fields, before, strict=True):
            setattr(row, name, normalise_text(value) or value)
        if [getattr(row, f) for f in fields] != before:
            changed.append(row)
    model.objects.bulk_update(changed, fields, batch_size=BATCH)


def normalise_codes(apps, schema_editor):
    _normalise_unique_in_fair(apps.get_model("booths", "Zone"), "code", normalise_code)
    _normalise_unique_in_fair(apps.get_model("booths", "Booth"), "code", normalise_code)
    _normalise_unique_in_fair(apps.get_model("booths", "Criterion"), "name", normalise_text)
    _normalise_free_text(apps.get_model("booths", "Zone"), ["name"])
    _normalise_free_text(apps.get_model("booths", "Fair"), ["name", "venue"])


class Migration(migrations.Migration):
    dependencies = [("booths", "0005_fair_dates_within_sane_window")]

    operations = [migrations.RunPython(normalise_codes, migrations.RunPython.noop)]
