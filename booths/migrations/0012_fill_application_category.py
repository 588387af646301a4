"""Existing applications compete in the category of their first product (lowest product id).

That is the answer the check-in page and the fair reports gave before the field existed; the
allocation counted the alphabetically first category instead. An application without any product
(none is made through the pages) and history rows of deleted applications get "food".
"""

from django.db import migrations

FILL_FROM_FIRST_PRODUCT = """
    UPDATE booths_application AS a SET category = COALESCE((
        SELECT p.category FROM booths_application_products AS ap
        JOIN producers_product AS p ON p.id = ap.product_id
        WHERE ap.application_id = a.id ORDER BY p.id LIMIT 1
    ), 'food')
    WHERE a.category IS NULL
"""

FILL_HISTORY = """
    UPDATE booths_historicalapplication AS h SET category = COALESCE(
        (SELECT a.category FROM booths_application AS a WHERE a.id = h.id), 'food'
    )
    WHERE h.category IS NULL
"""


class Migration(migrations.Migration):
    dependencies = [
        ("booths", "0011_application_category"),
    ]

    operations = [
        migrations.RunSQL(FILL_FROM_FIRST_PRODUCT, migrations.RunSQL.noop),
        migrations.RunSQL(FILL_HISTORY, migrations.RunSQL.noop),
    ]
