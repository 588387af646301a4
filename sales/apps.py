from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalesConfig(AppConfig):
    name = "sales"
    verbose_name = _("Sales and reports")

    def ready(self):
        from otop_fair.notifications.line_inbox import line_text_received
        from sales.line_chat import answer_chat

        line_text_received.connect(answer_chat, dispatch_uid="sales.answer_chat")
