"""The form renderer: Django's own, except that a plain `<input>` is written in Python.

Each text box of a form is a template of its own in Django (`input.html` including `attrs.html`),
and rendering those two small templates costs more than the rest of a field. On the producer's
daily sales form (eight inputs, opened by every producer every fair evening) that was the largest
single part of the page. The inputs' templates cannot be overridden in this project (the
renderer's engine reads Django's own widget templates first), so writing their one line here gives
the same HTML, byte for byte (tests/otop_fair/test_form_renderer.py compares the two).
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe

# Django's widget templates that are exactly `{% include "django/forms/widgets/input.html" %}`.
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "date",
        "datetime",
        "time",
        "search",
        "tel",
        "color",
        "checkbox",
        "file",
    )
)


def _var(value):
    """`{{ value }}` (a string) in an autoescaping template."""
    return conditional_escape(value if isinstance(value, str) else str(value))


def _text(value):
    """`{{ value|stringformat:'s' }}` in an autoescaping template."""
    text = "%s" % (str(value) if isinstance(value, tuple) else value)  # noqa: UP031 (the filter's own)
    return text if isinstance(value, SafeData) else escape(text)


def render_input(widget):
    """`django/forms/widgets/input.html` for a widget's context (its `widget` dict)."""
    parts = [f'<input type="{_var(widget["type"])}" name="{_var(widget["name"])}"']
    if widget["value"] is not None:
        parts.append(f' value="{_text(widget["value"])}"')
    for name, value in widget["attrs"].items():
        if value is False:
            continue
        parts.append(f" {_var(name)}" if value is True else f' {_var(name)}="{_text(value)}"')
    parts.append(">")
    return mark_safe("".join(parts))


class FastInputRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            return render_input(context["widget"])
        return super().render(template_name, context, request=request)
