"""User accounts and the three roles of OTOP Fair."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Community development officer")
    COMMITTEE = "committee", _("Committee member")
    PRODUCER = "producer", _("Producer")
    # Offices (issue 17): `officer` above is the provincial office, as it always was.
    NATIONAL_OFFICER = "national_officer", _("Head office officer")
    DISTRICT_OFFICER = "district_officer", _("District community development officer")


# Officers who organise fairs and keep whole provinces: the head office keeps every province.
PROVINCE_OFFICER_ROLES = (Role.OFFICER, Role.NATIONAL_OFFICER)


class User(AbstractUser):
    """A person who signs in. What they may do follows from `role` and the objects they belong to.

    An officer's provinces and a producer's groups live with those models in `producers`,
    so that this app depends on nothing to its right.
    """

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    # Canonical (`0XXXXXXXXX`, see thai_text.canonical_phone): a producer signs in with it. Not
    # unique: one phone may serve a family or two groups, and sign-in then asks which account.
    phone = models.CharField(_("phone"), max_length=20, blank=True, db_index=True)
    # Only a verified address may receive a "forgot password" link.
    email_verified = models.BooleanField(_("e-mail verified"), default=False)
    # The office that keeps a committee member's account (producers are kept through their groups).
    province = models.ForeignKey(
        "producers.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )

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
        """A provincial or head-office officer (district officers keep only their groups)."""
        return self.role in PROVINCE_OFFICER_ROLES

    @property
    def is_national_officer(self):
        return self.role == Role.NATIONAL_OFFICER

    @property
    def is_district_officer(self):
        return self.role == Role.DISTRICT_OFFICER

    @property
    def is_committee(self):
        return self.role == Role.COMMITTEE

    @property
    def is_producer(self):
        return self.role == Role.PRODUCER


class InvitationPurpose(models.TextChoices):
    INVITE = "invite", _("New account")
    RESET = "reset", _("Password reset by an officer")
    FORGOT = "forgot", _("Forgotten password")


class Invitation(models.Model):
    """A one-time way to choose a password: a link (QR code) and a short code to type.

    Only hashes are stored, so a leaked database opens no account; a slip printed again issues a
    new invitation and retires the old one.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    purpose = models.CharField(max_length=10, choices=InvitationPurpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "used_at"])]

    def __str__(self):
        return f"{self.get_purpose_display()} #{self.pk}"


class AccountAction(models.TextChoices):
    CREATED = "created", _("Account created")
    INVITED = "invited", _("Login slip issued")
    RESET = "reset", _("Password reset")
    PASSWORD_CHOSEN = "password_chosen", _("Password chosen")
    UNLOCKED = "unlocked", _("Account unlocked")
    DEACTIVATED = "deactivated", _("Account deactivated")
    REACTIVATED = "reactivated", _("Account reactivated")
    ANONYMISED = "anonymised", _("Group anonymised")


class AccountEvent(models.Model):
    """Who did what to an account (or a group's personal data), and when. Holds no personal data
    itself, so anonymising a group leaves its events readable."""

    action = models.CharField(_("action"), max_length=20, choices=AccountAction.choices)
    target = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="account_events"
    )
    group = models.ForeignKey(
        "producers.ProducerGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="account_events",
    )
    by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target__isnull=False) | models.Q(group__isnull=False),
                name="account_event_has_subject",
            )
        ]

    def __str__(self):
        return self.get_action_display()


class PrivacyAcknowledgement(models.Model):
    """A person read and accepted a version of the privacy notice (PDPA)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="privacy_acknowledgements"
    )
    version = models.CharField(max_length=20)
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "version"], name="one_acknowledgement_per_version"
            )
        ]

    def __str__(self):
        return self.version
