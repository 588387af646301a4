from django.db import migrations, models

CATEGORIES = [
    ("food", "Food"),
    ("beverage", "Beverages"),
    ("textile", "Textiles and garments"),
    ("household", "Household, decorative and souvenir goods"),
    ("herbal", "Non-food herbal products"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("booths", "0010_rules_on_quadrant_and_mark"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="category",
            field=models.CharField(
                choices=CATEGORIES,
                max_length=20,
                null=True,
                verbose_name="category you compete in",
            ),
        ),
        migrations.AddField(
            model_name="historicalapplication",
            name="category",
            field=models.CharField(
                choices=CATEGORIES,
                max_length=20,
                null=True,
                verbose_name="category you compete in",
            ),
        ),
    ]
