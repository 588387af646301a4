"""Template filters for Thai-first pages: Buddhist-era dates and baht.

Loaded as a template builtin, so every template can use `{{ day|thai_date }}` and `{{ total|baht }}`.
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from otop_fair import thai

register = template.Library()


def _as_local_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def _is_english():
    return (get_language() or "th").startswith("en")


@register.filter
def thai_date(value):
    """`24 พฤศจิกายน 2569` (English pages: `24 Nov 2026`)."""
    if value in (None, ""):
        return ""
    day = _as_local_date(value)
    return thai.english_date(day) if _is_english() else thai.thai_date(day)


@register.filter
def thai_date_short(value):
    """`24 พ.ย. 69` (English pages: `24 Nov 2026`)."""
    if value in (None, ""):
        return ""
    day = _as_local_date(value)
    return thai.english_date(day) if _is_english() else thai.thai_date_short(day)


@register.filter
def thai_datetime(value):
    """`24 พ.ย. 69 14:05` in Bangkok time."""
    if value in (None, ""):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{thai_date_short(local)} {local:%H:%M}"


@register.filter
def baht(value, decimals=2):
    """`฿12,345.50`; `{{ x|baht:0 }}` for whole baht."""
    if value in (None, ""):
        return ""
    return thai.baht(value, decimals=int(decimals))


@register.simple_tag(takes_context=True)
def active_nav(context, *prefixes):
    """'active' when the current URL starts with any of the prefixes, for navigation links."""
    path = context["request"].path
    return "active" if any(path.startswith(p) for p in prefixes) else ""
