"""What a Japanese reader must never see: English left untranslated, ``{placeholders}`` left
unfilled, exception text pasted into a sentence. Used by the tests that render every page and
every command in Japanese."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

PO = Path(__file__).parents[2] / "src/mailwarden/locale/ja/LC_MESSAGES/mailwarden.po"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%\([a-z_]+\)[sd]")
EXCEPTION = re.compile(
    r"Traceback \(most recent call last\)|\b[A-Z][A-Za-z]*(?:Error|Exception)\b(?::|\()"
    r"|validation errors? for |pydantic|Input should be"
)


@cache
def english_prose() -> tuple[str, ...]:
    """Every English message the Japanese catalogue translates that reads as prose (three words
    or more): seen verbatim on a Japanese page, it was not translated."""
    with PO.open("rb") as fh:
        cat = read_po(fh, locale="ja")
    out = []
    for m in cat:
        if not isinstance(m.id, str) or not m.string or not JAPANESE.search(str(m.string)):
            continue
        first = m.id.split("\n")[0]
        # the fixed text before the first placeholder: what shows whatever fills it
        fixed = re.split(r"\{|%\(", first)[0].strip()
        # an AWS CLI command (aws sesv2 …) reads the same in Japanese: not prose
        if len(fixed.split()) >= 3 and len(fixed) >= 15 and not fixed.startswith("aws "):
            out.append(fixed)
    return tuple(sorted(set(out), key=len, reverse=True))


def problems(text: str, *, templates: bool = False) -> list[str]:
    """What is wrong with ``text`` shown to a Japanese reader (empty: nothing). ``templates``:
    the text lists message templates (the finding registry), whose ``{…}`` are meant."""
    # a usage line names arguments as Typer writes them ({domains}...): not a placeholder
    text = "\n".join(line for line in text.splitlines() if "Usage:" not in line)
    found = [f"untranslated: {m!r}" for m in english_prose() if m in text]
    if not templates:
        found += [f"unfilled placeholder: {m.group(0)!r}" for m in PLACEHOLDER.finditer(text)]
    found += [f"exception text: {m.group(0)!r}" for m in EXCEPTION.finditer(text)]
    return found
