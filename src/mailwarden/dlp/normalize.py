"""Text made comparable before detection: full-width digits and letters to ASCII (NFKC),
every hyphen and dash to "-", and a map back to the original offsets so a match can say
where it stood. Numbers are found even when they touch kana or kanji: detectors look for
digit boundaries, never for \\b."""

from __future__ import annotations

import unicodedata

# hyphens, dashes, minus signs and the long vowel mark typed between digits
HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\u2043\ufe63\u207b\u208b\u30fb"


def normalise(text: str) -> tuple[str, list[int]]:
    """(normalised text, offsets): ``offsets[i]`` is where character ``i`` came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in HYPHENS:
            # the long vowel mark stays a mark between kana; between digits it is a hyphen
            if ch == "\u30fc" and not (i and text[i - 1].isdigit()):
                out.append(ch)
            else:
                out.append("-")
            where.append(i)
            continue
        folded = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        for c in folded:
            out.append(c)
            where.append(i)
    return "".join(out), where
