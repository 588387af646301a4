"""A new password lifts a login lock-out.

Whoever sets a password — the person through the forgot-password link, an officer's reset, a
password change — has just proved who may sign in, so the failed attempts counted against that
username no longer stand. django-simple-history and the accounts pages need not know.
"""

from axes.utils import reset
from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def lift_lockout_on_new_password(sender, instance, **kwargs):
    # `set_password` keeps the raw password on the instance until the save that stores it.
    if getattr(instance, "_password", None) is not None:
        reset(username=instance.get_username())
