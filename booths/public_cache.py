"""Cached public pages go stale the moment anything they show is written.

This only drops cached copies (no business rule), which is why a signal is the right tool: every
write path — forms, imports, the admin, services — is covered without each remembering to call it.
"""

from django.db.models.signals import post_delete, post_save

from otop_fair.audit import rows_written
from otop_fair.public_pages import invalidate_public_pages


def _drop_cached_pages(**kwargs):
    invalidate_public_pages()


def connect():
    from producers.models import (
        Certification,
        ProducerGroup,
        Product,
        ProductPhoto,
        PublicProfile,
        StarRating,
    )

    from .models import Assignment, Booth, Fair, Zone

    shown = (Certification, ProducerGroup, Product, ProductPhoto, PublicProfile, StarRating)
    for model in (*shown, Assignment, Booth, Fair, Zone):
        uid = f"public-pages-{model._meta.label}"
        post_save.connect(_drop_cached_pages, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_drop_cached_pages, sender=model, dispatch_uid=f"{uid}-delete")
        rows_written.connect(_drop_cached_pages, sender=model, dispatch_uid=f"{uid}-bulk")
