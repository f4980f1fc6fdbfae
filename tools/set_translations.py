"""Set Japanese translations from a JSON file {msgid: msgstr}: only where still empty, or,
with --replace, over what is there (a reviewed rewrite).

.venv/bin/python tools/set_translations.py [--replace] FILE.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "src/mailwarden/locale/ja/LC_MESSAGES/mailwarden.po"


def main() -> None:
    replace = "--replace" in sys.argv[1:]
    (source,) = (a for a in sys.argv[1:] if a != "--replace")
    wanted = json.loads(Path(source).read_text(encoding="utf-8"))
    with PO.open("rb") as fh:
        cat = read_po(fh, locale="ja")
    n = 0
    for m in cat:
        if isinstance(m.id, str) and m.id in wanted and (replace or not m.string):
            m.string = wanted[m.id]
            n += 1
    with PO.open("wb") as fh:
        write_po(fh, cat, width=0)
    print(f"{n} translations set")


if __name__ == "__main__":
    main()
