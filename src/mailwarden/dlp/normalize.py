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
# one character at a time: a class with "+" after it scans ~2.5 times slower in CPython's re
_MAPPED = re.compile("[\uff01-\uff5e\u3000" + HYPHENS + "]")
_ONE = {chr(k): chr(v) for k, v in _TABLE.items()}
_LONG_VOWEL_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])ー(?=[0-9])")  # what _long_vowels does


def normalise(text: str) -> str:
    """The normalised text; same length, same offsets."""
    if text.isascii():
        return text
    # translate only the characters that need it: most of a message maps to itself
    folded = _MAPPED.sub(lambda m: _ONE[m.group()], text)
    if "ー" in folded:
        folded = _long_vowels(folded)
    return folded


def _long_vowels(text: str) -> str:
    """``_LONG_VOWEL_BETWEEN_DIGITS`` replaced by "-", found from each ー (a pattern that
    starts with a look-behind is tried at every position of the text)."""
    hits = []
    i = text.find("ー")
    last = len(text) - 1
    while i != -1:
        if 0 < i < last and "0" <= text[i - 1] <= "9" and "0" <= text[i + 1] <= "9":
            hits.append(i)
        i = text.find("ー", i + 1)
    if not hits:
        return text
    parts, start = [], 0
    for i in hits:
        parts.append(text[start:i])
        parts.append("-")
        start = i + 1
    parts.append(text[start:])
    return "".join(parts)
