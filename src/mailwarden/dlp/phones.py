"""Japanese phone numbers written the other ways: the area code in brackets
(``(03)1234-5678``, ``03(1234)5678``) and the international form (``+81 3-1234-5678``,
``+81(0)90-1234-5678``, ``+819012345678``). The number runs the numeric detectors read
(``anchors.digit_runs``) stop at brackets and at "+", so these forms are found here, over the
normalised text (full-width brackets and plus signs are ASCII by then).

A phone number's value is its domestic digits, however it was written: ``(03)1234-5678``,
``03-1234-5678`` and ``+81 3 1234 5678`` are one value when distinct values are counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NON_DIGIT = re.compile(r"[^0-9]")
# the area code in brackets; then the exchange and the subscriber's four digits (three after
# a toll-free 0120's three)
_AREA = re.compile(r"(?<![0-9+])\(0[0-9]{1,4}\)[ -]?[0-9]{1,4}[ -]?[0-9]{3,4}(?![0-9])")
# the exchange in brackets
_EXCHANGE = re.compile(r"(?<![0-9+])0[0-9]{1,4}[ -]?\([0-9]{1,4}\)[ -]?[0-9]{4}(?![0-9])")
# Japan's country code, the trunk 0 dropped (or written "(0)"), the number in groups or whole
_INTERNATIONAL = re.compile(
    r"(?<![0-9])\+81[ -]?(?:\(0\)[ -]?)?"
    r"(?:[1-9][0-9]{0,3}[ -](?:\([0-9]{1,4}\)|[0-9]{1,4})[ -][0-9]{4}|[1-9][0-9]{8,9})(?![0-9])"
)
# numbers of eleven digits: mobiles, IP phones (050) and the toll-free 0800
_ELEVEN = ("070", "080", "090", "050", "0800")


def may_hold(norm: str) -> bool:
    """Can ``norm`` hold one of these forms at all (a cheap test before the pattern)?"""
    return "+81" in norm or ("(" in norm and ")" in norm)


def domestic(raw: str) -> str:
    """The number as dialled in Japan: ``+81 (0)3-1234-5678`` is ``0312345678``."""
    digits = _NON_DIGIT.sub("", raw.replace("(0)", "") if raw.startswith("+") else raw)
    return "0" + digits[2:] if raw.startswith("+81") else digits


def plausible(number: str) -> bool:
    """Ten digits (a fixed line, 0120), or eleven where the prefix says so."""
    return len(number) == 10 or (len(number) == 11 and number.startswith(_ELEVEN))


def stands(raw: str, near: bool) -> bool:
    """Is a match of the phone pattern a phone number, with a phone word or header ``near``
    or without? Ten digits together or spaced apart (``0335551234``, ``03 5555 1234``) may be
    an order or account number: a phone only with the word, and only with a phone number's
    length. A mobile's eleven digits, 0120 and the written forms (hyphens, brackets, +81)
    stand on their own."""
    digits = raw.replace(" ", "")
    if not digits.isdigit() or digits.startswith("0120"):
        return True
    if len(digits) == 11 and digits.startswith(("070", "080", "090")):
        return True
    return near and plausible(digits)


def candidates(norm: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each phone number written in one of these forms, in the order
    they stand. Each form is tried only where it can start (at a "+81", at a bracket or up
    to six characters before one): a pattern that opens with a look-behind would otherwise
    be tried at every character of the text."""
    found: dict[int, re.Match[str]] = {}
    i = norm.find("+81")
    while i != -1:
        m = _INTERNATIONAL.match(norm, i)
        if m is not None:
            found[i] = m
        i = norm.find("+81", i + 3)
    i = norm.find("(")
    while i != -1:
        m = _AREA.match(norm, i)
        if m is not None:
            found.setdefault(i, m)
        for j in range(max(0, i - 6), i - 1):
            if norm[j] == "0" and j not in found:
                m = _EXCHANGE.match(norm, j)
                if m is not None:
                    found[j] = m
                    break
        i = norm.find("(", i + 1)
    last = -1
    for start in sorted(found):
        m = found[start]
        if start >= last and plausible(domestic(m.group(0))):
            yield start, m.end(), m.group(0)
            last = m.end()
