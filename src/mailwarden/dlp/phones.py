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

from .detectors import _only_digits

# the area code in brackets; then the exchange and the subscriber's four digits (three after
# a toll-free 0120's three)
_AREA = re.compile(r"(?<![0-9+])\(0[0-9]{1,4}\)[ -]?[0-9]{1,4}[ -]?[0-9]{3,4}(?![0-9])")
# the exchange in brackets
_EXCHANGE = re.compile(r"(?<![0-9+])0[0-9]{1,4}[ -]?\([0-9]{1,4}\)[ -]?[0-9]{4}(?![0-9])")
# Japan's country code, the trunk 0 dropped (or written "(0)", or kept), the number in groups
# or whole
_INTERNATIONAL = re.compile(
    r"(?<![0-9])\+81[ -]?(?:\(0\)[ -]?|0)?"
    r"(?:[1-9][0-9]{0,3}[ -](?:\([0-9]{1,4}\)|[0-9]{1,4})[ -][0-9]{3,4}|[1-9][0-9]{8,9})(?![0-9])"
)
# a label that says a number is a phone's: "TEL", "Telephone No.", "FAX番号", "電話番号", "携帯",
# "Cell"; the Latin words as words ("tel" is not in "hotel" or "Intel")
_LABEL = re.compile(
    r"(?:電話(?:番号)?|携帯(?:電話)?(?:番号)?|連絡先(?:電話)?(?:番号)?"
    r"|(?<![a-z])(?:tel(?:ephone)?|phone|mobile|cell(?:phone)?|fax)(?![a-z])(?:番号|\s*(?:no\.?|number|#))?)",
    re.IGNORECASE,
)
# what may stand between a label and its number, once bracketed notes ("（直通・平日9:00〜18:00）",
# "（代表番号）"), other phone numbers of one list ("TEL 03-1234-5678 / 03 1234 5679") and other
# labels ("TEL・FAX") are taken out: separators only — never words ("Phone: … Invoice 0312…")
_NOTE = re.compile(r"[(（\[【][^)）\]】\n]{0,24}[)）\]】]")
_OTHER_NUMBER = re.compile(r"(?<![0-9])0[0-9 -]{8,12}[0-9](?![0-9])")
_SEPARATORS = re.compile(r"[\s:：.．・/／|｜\-–—=＝、,，#＃]*")
# a label alone on the line above (a form): marks and "お"/"ご" before it, a note, "※必須" or
# "*" after it, no sentence ("携帯からもご覧いただけます" is not a label)
_LABEL_LINE = re.compile(
    rf"[\s【＜<\[■◆◇●○・*※]*[おご]?{_LABEL.pattern}[^0-9\nぁ-ゖ。]{{0,16}}", re.IGNORECASE
)
# numbers of eleven digits: mobiles, IP phones (050) and the toll-free 0800
_ELEVEN = ("070", "080", "090", "050", "0800")


def may_hold(norm: str) -> bool:
    """Can ``norm`` hold one of these forms at all (a cheap test before the pattern)?"""
    return "+81" in norm or ("(" in norm and ")" in norm)


def domestic(raw: str) -> str:
    """The number as dialled in Japan: ``+81 (0)3-1234-5678`` is ``0312345678``."""
    if not raw.startswith("+81"):
        return _only_digits(raw)
    rest = _only_digits(raw.replace("(0)", ""))[2:]
    return rest if rest.startswith("0") else "0" + rest


def plausible(number: str) -> bool:
    """Ten digits (a fixed line, 0120), or eleven where the prefix says so."""
    return len(number) == 10 or (len(number) == 11 and number.startswith(_ELEVEN))


def area_code_ok(code: str) -> bool:
    """An area code as it can be: 0 and one to four digits, the one-digit ones being 03, 04
    and 06: "(01)" heads a numbered list, not a number."""
    return code in ("03", "04", "06") if len(code) == 2 else len(code) > 2 and code[1] != "0"


def labelled(norm: str, start: int) -> bool:
    """Does a phone label stand before ``start``: on its line, with only separators, bracketed
    notes, other labels or other phone numbers between (``TEL（代表）: 03 1234 5678``, the second
    number of ``TEL 0312345678 / 0312345679``); or alone on the line above when nothing stands
    before the number on its own (a form: ``電話番号⏎0312345678``)? Only the 80 characters before
    ``start`` and the line above are read: the cost of a number does not grow with its line."""
    window = max(0, start - 80)
    newline = norm.rfind("\n", window, start)
    before = norm[newline + 1 if newline != -1 else window : start]
    for label in _LABEL.finditer(before):
        between = _LABEL.sub(" ", _OTHER_NUMBER.sub(" ", _NOTE.sub(" ", before[label.end() :])))
        if _SEPARATORS.fullmatch(between):
            return True
    if before.strip() or newline == -1:
        return False
    above = norm[max(0, newline - 200) : newline].rstrip()  # blank lines between allowed
    above = above[above.rfind("\n") + 1 :]
    return len(above) <= 40 and _LABEL_LINE.fullmatch(above) is not None


def needs_label(raw: str) -> bool:
    """Does a match of the phone pattern need a label to be a phone number? A written form
    (hyphens, brackets, +81), a mobile's eleven digits together and 0120's ten stand on their
    own; ten digits together or any number spaced apart (``0335551234``, ``03 5555 1234``) may
    be an order or account number: a phone only after a label (``labelled``) or under a phone
    header, and only of a phone number's length (``plausible``)."""
    if not raw.replace(" ", "").isdigit():
        return False  # written as a phone number is
    if " " in raw:
        return True
    return not (raw.startswith("0120") or (len(raw) == 11 and raw.startswith(("070", "080", "090"))))


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
        raw = m.group(0)
        if raw.startswith("(") and not area_code_ok(raw[1 : raw.index(")")]):
            continue
        if raw[0] == "0" and not area_code_ok(_only_digits(raw[: raw.index("(")])):
            continue
        if start >= last and plausible(domestic(raw)):
            yield start, m.end(), raw
            last = m.end()
