"""The pages load a subset of Bootstrap (scripts/css/, PurgeCSS). A Bootstrap class written in a
template but cut from the subset would silently lose its style: `make css` rebuilds the subset."""

import re
from pathlib import Path

from django.forms import widgets as django_widgets

ROOT = Path(__file__).resolve().parents[2]
BOOTSTRAP = ROOT / "static" / "vendor" / "bootstrap"
CLASS_ATTR = re.compile(r'class="([^"]*)"')
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")


def classes_in_css(path):
    css = re.sub(r"\{[^{}]*\}", "{}", path.read_text())
    return set(SELECTOR_CLASS.findall(css))


def classes_in_templates():
    found = {}
    for path in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        for attr in CLASS_ATTR.findall(path.read_text()):
            text = re.sub(r"\{[%{].*?[%}]\}", " ", attr)
            for name in text.split():
                found.setdefault(name, path.relative_to(ROOT))
    return found


def test_every_bootstrap_class_a_template_uses_is_in_the_subset():
    full = classes_in_css(BOOTSTRAP / "bootstrap.min.css")
    subset = classes_in_css(BOOTSTRAP / "bootstrap.subset.min.css")
    missing = {
        name: str(where)
        for name, where in classes_in_templates().items()
        if name in full and name not in subset
    }
    assert not missing, f"run `make css`; cut from the subset: {missing}"


def rules_in_css(path):
    """Every selector of the file, one per comma-separated part, without its declarations."""
    css = re.sub(r"\{[^{}]*\}", "\n", path.read_text())
    return {part.strip() for line in css.splitlines() for part in line.split(",") if part.strip()}


def widget_input_types():
    """The `type` of every input a Django widget renders (`type="{{ widget.type }}"`): written
    in Python, in no template, so PurgeCSS cannot see them there."""
    found, widgets = set(), list(django_widgets.Widget.__subclasses__())
    while widgets:
        widget = widgets.pop()
        widgets.extend(widget.__subclasses__())
        if getattr(widget, "input_type", None):
            found.add(widget.input_type)
    return found


def test_every_bootstrap_rule_for_a_widgets_input_type_is_in_the_subset():
    full = rules_in_css(BOOTSTRAP / "bootstrap.min.css")
    subset = rules_in_css(BOOTSTRAP / "bootstrap.subset.min.css")
    types = widget_input_types()
    assert {"radio", "checkbox", "file"} <= types
    missing = {rule for rule in full - subset if any(f"[type={kind}]" in rule for kind in types)}
    assert not missing, f"run `make css`; cut from the subset: {sorted(missing)}"
