"""`{% if fair|allows:"layout" %}`: a page offers an action only when the fair's state allows it."""

from django import template

from booths import fair_actions

register = template.Library()


@register.filter
def allows(fair, action):
    return fair_actions.allows(fair, action)
