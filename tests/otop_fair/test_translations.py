"""Thai first: every string the pages show has a Thai translation."""

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
PO = polib.pofile(str(ROOT / "locale" / "th" / "LC_MESSAGES" / "django.po"))
TRANSLATE_TAG = re.compile(r"""{%\s*translate\s+"([^"]+)"|{%\s*translate\s+'([^']+)'""")


def test_the_thai_catalogue_has_no_untranslated_or_fuzzy_entries():
    missing = [e.msgid for e in PO.untranslated_entries() + PO.fuzzy_entries() if not e.obsolete]
    assert missing == []


def test_every_translate_tag_in_the_templates_has_thai():
    thai = {e.msgid for e in PO.translated_entries()}
    untranslated = set()
    for template in (ROOT / "templates").rglob("*.html"):
        for match in TRANSLATE_TAG.finditer(template.read_text(encoding="utf-8")):
            text = match.group(1) or match.group(2)
            if text not in thai:
                untranslated.add(f"{template.relative_to(ROOT)}: {text}")
    assert sorted(untranslated) == []
