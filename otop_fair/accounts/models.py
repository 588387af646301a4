"""User accounts and the three roles of OTOP Fair."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Community development officer")
    COMMITTEE = "committee", _("Committee member")
    PRODUCER = "producer", _("Producer")


class User(AbstractUser):
    """A person who signs in. What they may do follows from `role` and the objects they belong to.

    An officer's provinces and a producer's groups live with those models in `producers`,
    so that this app depends on nothing to its right.
    """

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=[*Role.values, ""]), name="user_role_valid"
            )
        ]

    @property
    def display_name(self):
        return self.get_full_name() or self.username

    @property
    def is_officer(self):
        return self.role == Role.OFFICER

    @property
    def is_committee(self):
        return self.role == Role.COMMITTEE

    @property
    def is_producer(self):
        return self.role == Role.PRODUCER
