"""Home-page cards of the registry: follow-ups due for officers, the own groups for producers."""

from django import template
from django.utils import timezone

from producers import selectors

register = template.Library()


@register.inclusion_tag("producers/_follow_ups_card.html", takes_context=True)
def follow_ups_due_card(context):
    user = context["request"].user
    return {
        "visits": selectors.follow_ups_due(user),
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "today": timezone.localdate(),
    }


@register.inclusion_tag("producers/_my_groups_card.html", takes_context=True)
def my_groups_card(context):
    user = context["request"].user
    return {"groups": selectors.my_groups(user), "request": context["request"]}
