from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OtopFairConfig(AppConfig):
    name = "otop_fair"
    verbose_name = _("OTOP Fair")

    def ready(self):
        from otop_fair import (
            audit,  # noqa: F401  (connects the change-reason guard)
            lockouts,  # noqa: F401  (a new password lifts a lock-out)
        )
