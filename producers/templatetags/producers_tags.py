"""`{{ n|stars }}`: a star rating shown as ★★★★☆ with a spoken label."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def stars(value):
    if value in (None, ""):
        return format_html('<span class="text-muted small">{}</span>', _("not rated"))
    count = int(value)
    label = _("%(n)s of 5 stars") % {"n": count}
    return format_html(
        '<span class="stars" role="img" aria-label="{}" title="{}">{}<span class="text-body-tertiary">{}</span></span>',
        label,
        label,
        "★" * count,
        "☆" * (5 - count),
    )
