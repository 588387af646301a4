"""The shared cache's table (CACHE_URL unset or db://), made by migrate so a fresh clone, a test
database and every deployment have it; createcachetable skips a table that already exists."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
