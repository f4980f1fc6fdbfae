"""Refresh the catalogues: extract message ids, update ja/en, fill English with the ids.

Run as ``make i18n``; then translate the empty ``msgstr`` entries of the Japanese catalogue.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "mailwarden" / "locale"
POT = LOCALE / "mailwarden.pot"


def run(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "-q", *args], check=True, cwd=ROOT)


def main() -> int:
    run(
        "extract",
        "-F",
        "babel.cfg",
        "-k",
        "_",
        "-k",
        "N_",
        "-k",
        "gettext",
        "--no-location",
        "--sort-output",
        "-o",
        str(POT),
        ".",
    )
    for lang in ("ja", "en"):
        run(
            "update",
            "-i",
            str(POT),
            "-d",
            str(LOCALE),
            "-D",
            "mailwarden",
            "-l",
            lang,
            "--no-fuzzy-matching",
            "--omit-header",
        )
    en_path = LOCALE / "en" / "LC_MESSAGES" / "mailwarden.po"
    with en_path.open("rb") as fh:
        en = read_po(fh)
    for msg in en:
        if msg.id and not msg.string:
            msg.string = msg.id
    with en_path.open("wb") as fh:
        write_po(fh, en, sort_output=True, omit_header=True)
    with (LOCALE / "ja" / "LC_MESSAGES" / "mailwarden.po").open("rb") as fh:
        ja = read_po(fh)
    todo = [m.id for m in ja if m.id and not m.string]
    for msgid in todo:
        print(f"untranslated (ja): {msgid}")
    return 1 if todo else 0


if __name__ == "__main__":
    raise SystemExit(main())
