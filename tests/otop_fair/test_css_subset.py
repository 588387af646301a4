"""The pages load a subset of Bootstrap (scripts/css/, PurgeCSS). A Bootstrap class written in a
template but cut from the subset would silently lose its style: `make css` rebuilds the subset."""

import re
from pathlib import Path

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
