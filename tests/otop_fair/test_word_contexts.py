"""Words that mean different things in different places carry a context, so each place gets its own
Thai: the producer applies to a fair with "สมัคร", not "ใช้" (use)."""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.utils import timezone

from booths.models import FairState
from tests.factories import FairFactory, ProducerGroupFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
PO = polib.pofile(str(ROOT / "locale" / "th" / "LC_MESSAGES" / "django.po"))
# English words that are a verb in one place and a noun or a state in another.
AMBIGUOUS = {
    "Apply", "Open", "Close", "Run", "Release", "Order", "Total", "Minutes", "Enter", "Accept",
    "Change", "Update", "Answer", "Declare", "Waiting", "Member", "Copy", "Book", "Present",
    "Record", "Issue", "Round", "Draw", "Set", "Free",
}  # fmt: skip
SOURCES = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/**/*.py")]


def test_ambiguous_words_are_translated_only_with_a_context():
    bare = sorted(e.msgid for e in PO if e.msgid in AMBIGUOUS and not e.msgctxt and not e.obsolete)
    assert bare == []


def test_the_code_asks_for_ambiguous_words_only_with_a_context():
    words = "|".join(sorted(AMBIGUOUS))
    bare_use = re.compile(
        rf"""{{%\s*translate\s+["']({words})["']\s*%}}|\b_\(\s*["']({words})["']\s*\)"""
    )
    found = [
        f"{path.relative_to(ROOT)}: {m.group(0)}"
        for path in SOURCES
        if ".venv" not in path.parts and "tests" not in path.parts
        for m in bare_use.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


@pytest.mark.django_db
def test_the_producers_button_to_apply_to_a_fair_reads_samak(client):
    producer = UserFactory(role="producer", username="producer_apply")
    ProducerGroupFactory(members=[producer])
    today = timezone.localdate()
    FairFactory(
        state=FairState.OPEN,
        applications_open_on=today - datetime.timedelta(days=1),
        applications_close_on=today + datetime.timedelta(days=5),
        start_date=today + datetime.timedelta(days=20),
        end_date=today + datetime.timedelta(days=22),
    )
    client.force_login(producer)
    page = client.get("/fairs/mine/", HTTP_ACCEPT_LANGUAGE="th").content.decode()
    button = re.search(r'href="/fairs/\d+/apply/">([^<]*)</a>', page)
    assert button, "no apply button on the producer's fairs page"
    assert button.group(1).strip() == "สมัคร"
