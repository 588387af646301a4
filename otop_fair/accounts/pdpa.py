"""Personal data as the PDPA (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562) asks: the notice and its
acknowledgement, a group's own data to take away, and erasing a group's personal data on request
while its sales stay in the reports.
"""

import csv
import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from otop_fair.accounts.models import AccountAction, AccountEvent, PrivacyAcknowledgement
from otop_fair.audit import delete_with_history, save_with_history
from producers.models import ProducerGroup, Product, ProductPhoto, Visit

# Raise when the notice's text changes in substance: everyone is asked to read it again.
PRIVACY_NOTICE_VERSION = "2569-1"
SESSION_PENDING = "privacy_notice_pending"

GROUP_FIELDS = ["registration_no", "name", "group_type", "contact_name", "phone", "line_id"]
GROUP_FIELDS += ["address", "is_active", "created_at"]
PRODUCT_FIELDS = ["id", "name", "category", "description", "price_min", "price_max", "unit"]
PRODUCT_FIELDS += ["story_origin", "story_wisdom", "story_materials", "story_people"]
MEMBER_FIELDS = ["username", "first_name", "last_name", "phone", "email", "date_joined"]


def has_acknowledged(user):
    return PrivacyAcknowledgement.objects.filter(user=user, version=PRIVACY_NOTICE_VERSION).exists()


def acknowledge(*, user):
    PrivacyAcknowledgement.objects.get_or_create(user=user, version=PRIVACY_NOTICE_VERSION)


def _csv(rows, fields):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(fields)
    for row in rows:
        writer.writerow([row[f] for f in fields])
    return "\ufeff" + out.getvalue()


def group_data(group):
    """Everything the app keeps about one group, as plain data (no other group's rows)."""
    from sales.models import DailySales

    products = list(Product.objects.filter(group=group).values(*PRODUCT_FIELDS))
    sales = list(
        DailySales.objects.filter(assignment__application__group=group)
        .order_by("day")
        .values("assignment__fair__name", "day", "amount", "units", "note")
    )
    return {
        "group": ProducerGroup.objects.filter(pk=group.pk).values(*GROUP_FIELDS).get(),
        "members": list(group.members.values(*MEMBER_FIELDS)),
        "products": products,
        "visits": list(
            Visit.objects.filter(group=group).values(
                "visited_on", "met_with", "problems_heard", "advice", "follow_up"
            )
        ),
        "applications": list(
            group.applications.values("fair__name", "status", "pitch", "submitted_at")
        ),
        "daily_sales": sales,
    }


def group_zip(group):
    """A zip of the group's data: data.json, CSV files and the product photos."""
    data = group_data(group)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False))
        archive.writestr("products.csv", _csv(data["products"], PRODUCT_FIELDS))
        sales_fields = ["assignment__fair__name", "day", "amount", "units", "note"]
        archive.writestr("daily_sales.csv", _csv(data["daily_sales"], sales_fields))
        photos = ProductPhoto.objects.filter(product__group=group).select_related("product")
        for photo in photos:
            with photo.image.open("rb") as image:
                name = f"photos/product-{photo.product_id}-{photo.position + 1}.jpg"
                archive.writestr(name, image.read())
    return buffer.getvalue()


def anonymous_name(group):
    return f"กลุ่มที่ขอลบข้อมูล #{group.pk}"


ERASED_GROUP = {"contact_name": "", "phone": "", "line_id": "", "address": ""}
ERASED_PRODUCT = {"description": "", "story_people": "", "story_origin": ""}
ERASED_VISIT = {"met_with": "", "problems_heard": "", "advice": "", "follow_up": ""}
ERASED_MEMBER = {"first_name": "", "last_name": "", "email": "", "phone": ""}


def _erase_history(group, name, regno):
    ProducerGroup.history.filter(id=group.pk).update(
        name=name, sort_name=name, registration_no=regno, **ERASED_GROUP
    )
    Product.history.filter(group_id=group.pk).update(**ERASED_PRODUCT)
    Visit.history.filter(group_id=group.pk).update(**ERASED_VISIT)
    # The photos' captions and file names (the files themselves are deleted).
    products = Product.objects.filter(group=group).values("pk")
    ProductPhoto.history.filter(product_id__in=products).update(caption="", image="", thumbnail="")


def _erase_members(group, by):
    """Accounts that serve only this group are emptied and closed; others just leave it."""
    members = list(group.members.all())
    for member in members:
        if member.producer_groups.exclude(pk=group.pk).exists():
            continue
        member.username = f"erased-{member.pk}"
        for field, value in ERASED_MEMBER.items():
            setattr(member, field, value)
        member.is_active = False
        member.set_unusable_password()
        member.save()
        member.invitations.all().delete()
    group.members.remove(*[m for m in members if m.is_active])


def anonymise_group(*, group, by):
    """Remove the group's names, contacts, free text and photos, in its history rows too.

    Applications, booth assignments and daily sales stay, so fair reports keep their totals.
    """
    with transaction.atomic():
        group = ProducerGroup.objects.select_for_update().get(pk=group.pk)
        name, regno = anonymous_name(group), f"ERASED-{group.pk}"
        photos = list(ProductPhoto.objects.filter(product__group=group))
        group.name, group.registration_no, group.is_active = name, regno, False
        for field, value in ERASED_GROUP.items():
            setattr(group, field, value)
        save_with_history(group, by=by, reason="PDPA erasure")
        Product.objects.filter(group=group).update(**ERASED_PRODUCT, updated_at=timezone.now())
        Visit.objects.filter(group=group).update(**ERASED_VISIT)
        delete_with_history(photos, by=by, reason="PDPA erasure")
        files = [(p.image, p.thumbnail) for p in photos] + _erase_issue_photos(group)
        _erase_sales_notes(group)
        _erase_members(group, by)
        _erase_history(group, name, regno)
        AccountEvent.objects.create(action=AccountAction.ANONYMISED, group=group, by=by)
        transaction.on_commit(lambda: _delete_files(files))
    return group


def _erase_sales_notes(group):
    """Daily sales keep their amounts (the reports' totals), not their free-text notes."""
    from sales.models import DailySales

    days = DailySales.objects.filter(assignment__application__group=group)
    DailySales.history.filter(id__in=days.values("pk")).update(note="")
    days.update(note="")


def _erase_issue_photos(group):
    """Problem reports keep their category and times (they count in reports), not their photos."""
    from sales.models import IssueReport

    issues = list(
        IssueReport.objects.filter(assignment__application__group=group).exclude(photo="")
    )
    files = [(issue.photo, issue.photo_thumbnail) for issue in issues]
    IssueReport.objects.filter(pk__in=[i.pk for i in issues]).update(photo="", photo_thumbnail="")
    every_issue = IssueReport.objects.filter(assignment__application__group=group).values("pk")
    IssueReport.history.filter(id__in=every_issue).update(photo="", photo_thumbnail="")
    return files


def _delete_files(files):
    for pair in files:
        for stored in pair:
            if stored:
                stored.delete(save=False)
