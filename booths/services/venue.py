"""The venue's plan under the booths: set (replacing the one before) or removed by an officer."""

from django.db import transaction
from PIL import Image

from booths.models import VenuePlan
from otop_fair.audit import delete_with_history, save_with_history


def set_venue_plan(*, fair, image, width, by):
    """Draw `image` (a re-encoded JPEG from otop_fair.uploads) `width` plan units wide under the
    booths, as tall as its proportions say."""
    image.seek(0)
    with Image.open(image) as picture:
        pixels_wide, pixels_high = picture.size
    image.seek(0)
    height = max(1, round(width * pixels_high / pixels_wide))
    with transaction.atomic():
        plan = VenuePlan.objects.select_for_update().filter(fair=fair).first()
        old_file = plan.image.name if plan else None
        plan = plan or VenuePlan(fair=fair)
        plan.image.save(image.name, image, save=False)
        plan.width, plan.height, plan.uploaded_by = width, height, by
        save_with_history(plan, by=by)
        if old_file:
            storage = plan.image.storage
            transaction.on_commit(lambda: storage.delete(old_file))
    return plan


def remove_venue_plan(*, fair, by):
    """Take the venue's plan away; the booths stay where they are."""
    with transaction.atomic():
        plan = VenuePlan.objects.select_for_update().filter(fair=fair).first()
        if plan is None:
            return False
        name, storage = plan.image.name, plan.image.storage
        delete_with_history([plan], by=by)
        transaction.on_commit(lambda: storage.delete(name))
    return True
