from django.db import migrations


def load(apps, schema_editor):
    from producers.geography import load_geography

    load_geography(
        apps.get_model("producers", "Province"),
        apps.get_model("producers", "District"),
        apps.get_model("producers", "Subdistrict"),
    )


class Migration(migrations.Migration):
    dependencies = [("producers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
