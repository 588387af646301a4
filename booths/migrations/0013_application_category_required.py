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
        ("booths", "0012_fill_application_category"),
    ]

    operations = [
        migrations.AlterField(
            model_name="application",
            name="category",
            field=models.CharField(
                choices=CATEGORIES, max_length=20, verbose_name="category you compete in"
            ),
        ),
        migrations.AlterField(
            model_name="historicalapplication",
            name="category",
            field=models.CharField(
                choices=CATEGORIES, max_length=20, verbose_name="category you compete in"
            ),
        ),
        migrations.AddConstraint(
            model_name="application",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("category__in", ["food", "beverage", "textile", "household", "herbal"])
                ),
                name="application_category_valid",
            ),
        ),
    ]
