"""Text made comparable before detection, one character for one: full-width ASCII (digits,
letters, symbols) to ASCII, the ideographic space to a space, and every hyphen, dash and
minus — and the long vowel mark typed between digits — to "-". Because the mapping is one
to one, offsets in the normalised text are offsets in the original. Numbers are found even
when they touch kana or kanji: detectors look for digit boundaries, never for \\b."""

from __future__ import annotations

import re

# hyphens, dashes and minus signs (the long vowel mark ー is handled apart: it is a mark
# between kana, a hyphen only between digits)
HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe63\u207b\u208b\uff70"
_TABLE = {0xFF01 + i: 0x21 + i for i in range(0x5E)}  # full-width ! … ~ to ASCII
_TABLE[0x3000] = 0x20
_TABLE.update({ord(h): ord("-") for h in HYPHENS})
_TABLE[0xFF0D] = ord("-")
_MAPPED = re.compile("[\uff01-\uff5e\u3000" + HYPHENS + "]+")
_LONG_VOWEL_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])ー(?=[0-9])")


def normalise(text: str) -> str:
    """The normalised text; same length, same offsets."""
    if text.isascii():
        return text
    # translate only the stretches that need it: most of a message maps to itself
    folded = _MAPPED.sub(lambda m: m.group(0).translate(_TABLE), text)
    if "ー" in folded:
        folded = _LONG_VOWEL_BETWEEN_DIGITS.sub("-", folded)
    return folded
