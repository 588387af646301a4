"""Every message the app sends, in the translation catalogue (Thai first). The context of a
notification holds ready-made strings (dates in BE, baht with separators), so a message renders
the same on any worker."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

TEMPLATES = {
    "results_published": _("Results of %(fair)s are out: %(first_line)s Details: %(link)s"),
    "offer_made": _(
        "A booth is free for you at %(fair)s: booth %(booth)s. Answer by %(deadline)s. "
        "Accept or decline: %(link)s"
    ),
    "offer_expiring": _(
        "Reminder: the offer of booth %(booth)s at %(fair)s ends at %(deadline)s. "
        "Answer here: %(link)s"
    ),
    "offer_lapsed": _(
        "The offer of booth %(booth)s at %(fair)s has lapsed; the booth went to the next group."
    ),
    "problem_status": _("Your problem report at %(fair)s is now: %(status)s. %(link)s"),
    "meeting_invitation": _("You are invited to %(meeting)s on %(when)s at %(place)s."),
    "meeting_minutes": _("The minutes of %(meeting)s are ready: %(link)s"),
    "action_item_due": _("Action item due %(due)s: %(item)s"),
    "scoring_deadline": _(
        "Scoring for %(fair)s closes at %(deadline)s; %(remaining)s applications are still "
        "to score. %(link)s"
    ),
    "sales_reminder": _(
        "Please report today's sales for booth %(booth)s at %(fair)s: reply with "
        '"ยอด 12500" or open %(link)s'
    ),
    "broadcast": _("%(fair)s: %(text)s"),
    # A reply in a LINE chat, already in Thai.
    "chat_reply": "%(text)s",
}


def render(template, context):
    """The message text in Thai; a missing placeholder leaves the template readable."""
    with translation.override("th"):
        text = str(TEMPLATES[template])
    try:
        return text % context
    except (KeyError, TypeError, ValueError):
        return text
