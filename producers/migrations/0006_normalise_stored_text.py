"""Stored names, numbers and phones through the one text normaliser, as new input now is.

A registration number that becomes another group's number is left as it was, and the pair is
listed (GroupMergeCandidate) for an officer to merge: nothing is lost or merged blindly. A name
that would be empty keeps its old value, so the next edit asks for a real one.
"""

from django.db import migrations

from otop_fair.thai import thai_sort_key
from otop_fair.thai_text import canonical_phone, normalise_code, normalise_text

GROUP_TEXT = ["name", "contact_name", "address", "line_id"]
PRODUCT_TEXT = [
    "name",
    "unit",
    "description",
    "story_origin",
    "story_wisdom",
    "story_materials",
    "story_people",
]
BATCH = 1000


def _phone(value):
    try:
        return canonical_phone(value) if value else value
    except ValueError:
        return normalise_text(value)


def _normalise_fields(row, names):
    for name in names:
        value = getattr(row, name)
        setattr(row, name, normalise_text(value) or value)


def normalise_groups(apps, schema_editor):
    Group = apps.get_model("producers", "ProducerGroup")
    Candidate = apps.get_model("producers", "GroupMergeCandidate")
    fields = [*GROUP_TEXT, "registration_no", "phone", "sort_name"]
    groups = list(Group.objects.order_by("pk").only("pk", *fields))
    holders = {g.registration_no: g for g in groups}
    changed = []
    for group in groups:
        before = [getattr(group, f) for f in fields]
        _normalise_fields(group, GROUP_TEXT)
        group.phone = _phone(group.phone)
        number = normalise_code(group.registration_no) or group.registration_no
        holder = holders.get(number)
        if holder is not None and holder.pk != group.pk:
            Candidate.objects.get_or_create(
                group=holder, same_as=group, defaults={"normalised_registration_no": number}
            )
        elif number != group.registration_no:
            del holders[group.registration_no]
            holders[number] = group
            group.registration_no = number
        group.sort_name = thai_sort_key(group.name)
        if [getattr(group, f) for f in fields] != before:
            changed.append(group)
    Group.objects.bulk_update(changed, fields, batch_size=BATCH)


def normalise_products(apps, schema_editor):
    Product = apps.get_model("producers", "Product")
    Certification = apps.get_model("producers", "Certification")
    fields = [*PRODUCT_TEXT, "sort_name"]
    changed = []
    for product in Product.objects.order_by("pk").only("pk", *fields).iterator(BATCH):
        before = [getattr(product, f) for f in fields]
        _normalise_fields(product, PRODUCT_TEXT)
        product.sort_name = thai_sort_key(product.name)
        if [getattr(product, f) for f in fields] != before:
            changed.append(product)
    Product.objects.bulk_update(changed, fields, batch_size=BATCH)
    certificates = []
    for certificate in Certification.objects.only("pk", "number").iterator(BATCH):
        number = normalise_code(certificate.number)
        if number != certificate.number:
            certificate.number = number
            certificates.append(certificate)
    Certification.objects.bulk_update(certificates, ["number"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("producers", "0005_group_merge_candidates")]

    operations = [
        migrations.RunPython(normalise_groups, migrations.RunPython.noop),
        migrations.RunPython(normalise_products, migrations.RunPython.noop),
    ]
