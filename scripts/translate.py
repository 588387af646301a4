"""Refresh locale/th from the source and fill in Thai translations, under one lock.

    python scripts/translate.py                 # makemessages only; lists what is untranslated
    python scripts/translate.py pairs.json      # ... then fills {"English msgid": "ข้อความไทย"}

Several people may run this at once: the lock keeps their edits of django.po from clobbering
each other. Plural entries take a list of two strings ([singular, plural]; Thai uses one form).
"""

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "th" / "LC_MESSAGES" / "django.po"
LOCK = ROOT / "locale" / ".lock"
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def makemessages():
    subprocess.run(
        [
            *MANAGE,
            "makemessages",
            "-l",
            "th",
            "--no-location",
            "--ignore=.venv/*",
            "--ignore=staticfiles/*",
            "--ignore=tests/*",
            "--ignore=benchmarks/*",
            "-v",
            "0",
        ],
        check=True,
        cwd=ROOT,
    )


def fill(pairs):
    po = polib.pofile(str(PO))
    filled = 0
    for entry in po:
        if entry.msgid not in pairs:
            continue
        value = pairs[entry.msgid]
        if entry.msgid_plural:
            values = value if isinstance(value, list) else [value]
            entry.msgstr_plural = {0: values[0]}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
        filled += 1
    po.save()
    return filled


def untranslated():
    po = polib.pofile(str(PO))
    return [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries() if not e.obsolete]


def main():
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        makemessages()
        if len(sys.argv) > 1:
            pairs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
            print(f"translate: filled {fill(pairs)} entries")
        missing = untranslated()
        subprocess.run(
            [*MANAGE, "compilemessages", "--ignore=.venv", "-v", "0"], check=True, cwd=ROOT
        )
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    print(f"translate: {len(missing)} untranslated")


if __name__ == "__main__":
    main()
