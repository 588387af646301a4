"""Every message the app sends, in the translation catalogue (Thai first). The context of a
notification holds ready-made strings (dates in BE, baht with separators), so a message renders
the same on any worker."""

from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from otop_fair.notifications.models import Channel

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
    "nomination_declined": _(
        "%(fair)s: your district did not nominate %(group)s, because %(reason)s. You may appeal "
        "once the results are published. %(link)s"
    ),
    "decline_withdrawn": _(
        "%(fair)s: your district has now nominated %(group)s after all; the earlier message "
        "that it was not nominated no longer applies. %(link)s"
    ),
    "not_nominated": _(
        "%(fair)s: %(group)s was not nominated by its district by the deadline %(date)s. You "
        "may appeal once the results are published. %(link)s"
    ),
    "appeal_upheld": _(
        "Your appeal at %(fair)s is upheld: %(reason)s. Your result changes when the new "
        "allocation is published. %(link)s"
    ),
    "appeal_dismissed": _("Your appeal at %(fair)s is dismissed: %(reason)s. %(link)s"),
    "broadcast": _("%(fair)s: %(text)s"),
    "password_reset": _(
        "OTOP Fair: to choose a new password open %(link)s or type the code %(code)s at "
        "%(code_page)s. It works once, for %(days)s days. Did not ask? Ignore this message."
    ),
    # A reply in a LINE chat, already in Thai.
    "chat_reply": "%(text)s",
}


# A message that carries a secret (a password-reset link) may go only by a channel that reaches
# the person alone, never to an unconfirmed address (routing picks LINE or SMS; e-mail only where
# the caller names it for a verified address: `reset_messages.send_reset`); its secret is made by the worker from the
# row when sending (a function of the row, by dotted path) and never stored in the outbox.
CHANNELS_OF = {"password_reset": (Channel.LINE, Channel.SMS)}
SECRET_PARTS = {"password_reset": "otop_fair.accounts.reset_messages.secret_context"}
SECRET_KEYS = {"password_reset": ("link", "code")}
# Messages a person has just asked for are not held back by their quiet hours.
ASKED_FOR = {"password_reset"}


def render(template, context):
    """The message text in Thai; a missing placeholder leaves the template readable. A secret
    part reads as a placeholder: the delivery log and the person's page never show it."""
    with translation.override("th"):
        text = str(TEMPLATES[template])
        hidden = str(_("(sent to the person only)"))
    context = {**{key: hidden for key in SECRET_KEYS.get(template, ())}, **context}
    try:
        return text % context
    except (KeyError, TypeError, ValueError):
        return text


def render_for_sending(row):
    """The text a worker sends for an outbox row, with any secret part made now."""
    context = row.context
    if row.template in SECRET_PARTS:
        context = {**context, **import_string(SECRET_PARTS[row.template])(row)}
    return render(row.template, context)
