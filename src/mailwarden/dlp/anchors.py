"""Where detectors look: finders that try a pattern only near the characters every match
must contain ("@", "://", "〒", 都道府県, runs of digits, a secret's first letters) instead of
at every position of the text, many of them by byte search in a copy of the text reduced to
character classes. Each gives exactly the matches of its pattern run over the whole text; tests check that
on texts built to stress the edges."""

from __future__ import annotations

import re
from collections.abc import Iterator

_URL = re.compile(r"(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\.)\S+")  # ASCII letters in any case
_NON_SPACE = re.compile(r"\S+")
_LOCAL_PART_REVERSED = re.compile(r"[\w.+-]{1,64}")
_DOMAIN_PART = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+")
_POSTAL_ANCHOR = re.compile("[〒都道府県]")
_POSTAL_BEFORE = 40  # a postal code, and spaces, before a prefecture's name
_POSTAL_AFTER = 64
# what a bank account's match holds before the account number's run (detectors.BANK_ACCOUNT):
# a branch number, separator and up to 12 other characters (16); an account type or a branch
# and up to five labels (4 + 15); a 記号 and its labels (15); one more to spare
_BANK_BEFORE = 20


# a run of digits and the separators a number may hold: numeric detectors look only there
_RUN = re.compile(r"[0-9][0-9 \t\r\n-]{6,60}")
_DIGITS = re.compile("[0-9]+")
_NOT_DIGIT = str.maketrans("", "", " \t\r\n-")  # what a run holds besides digits
# two capitals and two digits: where a passport, residence card or IBAN can start (one search
# for the three instead of one each)
_UPPER2_DIGIT = re.compile(r"[A-Z]{2}[0-9]{2}")
# The text looked at as bytes of classes, every character other than ASCII one "?" (so the
# offsets hold): each capital an "A", each digit a "0", a space, tab, line break or hyphen a
# " ". Byte searches in it find what character-class patterns find, several times faster.
_CLASSES = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\t\r\n-", b"A" * 26 + b"0" * 10 + b"    ")
_RUN_CLASSES = re.compile(rb"0[0 ]{6,60}")  # _RUN in the classes: a literal start is quick to find
# letters, digits, "/" and "+" (an AWS secret key's characters) as "x"
_TOKEN_CHARS = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+", b"x" * 64)


def classes_of(norm: str) -> bytes:
    return norm.encode("ascii", "replace").translate(_CLASSES)


def upper_starts(classes: bytes) -> list[int]:
    """Where ``_UPPER2_DIGIT`` matches, from the text's classes ("AA00" cannot overlap
    itself)."""
    out = []
    i = classes.find(b"AA00")
    while i != -1:
        out.append(i)
        i = classes.find(b"AA00", i + 4)
    return out


def digit_runs(norm: str, classes: bytes) -> list[tuple[int, str, int]]:
    """(offset, run, digits) where ``_RUN`` matches, trailing separators dropped."""
    runs = []
    for m in _RUN_CLASSES.finditer(classes):
        start = m.start()
        run = norm[start : m.end()].rstrip(" \t\r\n-")
        runs.append((start, run, len(run.translate(_NOT_DIGIT))))
    return runs


def url_spans(norm: str) -> list[tuple[int, int]]:
    """Where ``_URL`` matches, found from "://" and "www." with plain byte search in the text
    lower-cased as ASCII bytes (every other character one "?", so offsets hold): a regex scan
    of every position cost more than most detectors."""
    if ":" not in norm and "." not in norm:
        return []  # neither "://" nor "www." (most short Japanese text)
    low = norm.encode("ascii", "replace").lower()
    starts: list[tuple[int, int]] = []  # (start, length of the prefix)
    i = low.find(b"://")
    while i != -1:
        if i >= 5 and low.startswith(b"https", i - 5):
            starts.append((i - 5, 8))
        elif i >= 4 and low.startswith(b"http", i - 4):
            starts.append((i - 4, 7))
        i = low.find(b"://", i + 3)
    i = low.find(b"www.")
    while i != -1:
        starts.append((i, 4))
        i = low.find(b"www.", i + 4)
    return _spans_from(norm, starts)


def _spans_from(norm: str, starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, prefix in sorted(starts):
        if spans and start < spans[-1][1]:
            continue
        m = _NON_SPACE.match(norm, start + prefix)  # the regex wants something after the prefix
        if m is not None and m.start() == start + prefix:
            spans.append((start, m.end()))
    return spans


def _postal_candidates(pattern: re.Pattern[str], norm: str) -> Iterator[tuple[int, int, str]]:
    """The postal-address pattern tried only near "〒" and the last character of a
    prefecture's name (都, 道, 府 or 県): the same matches as a scan of the whole text, which
    tries every prefecture at every position and was the slowest detector by far."""
    last = 0
    for a in _POSTAL_ANCHOR.finditer(norm):
        anchor = a.start()
        if anchor < last:
            continue
        pos = max(last, anchor - _POSTAL_BEFORE)
        hi = anchor + _POSTAL_AFTER
        while True:
            m = pattern.search(norm, pos, hi)
            while m is not None and m.end() == hi and hi < len(norm):  # may run on: widen
                hi += _POSTAL_AFTER
                m = pattern.search(norm, pos, hi)
            if m is None or m.start() > anchor:
                break  # what starts later belongs to a later anchor
            yield m.start(), m.end(), m.group(0)
            last = pos = m.end()


def _bank_candidates(
    pattern: re.Pattern[str], norm: str, runs: list[tuple[int, str, int]]
) -> Iterator[tuple[int, int, str]]:
    """The bank-account pattern tried only around runs of seven or more digits (the account
    number is seven digits together): the same matches as a scan of the whole text."""
    last = 0
    for offset, run, digits in runs:
        if digits < 7 and len(run) < 50:  # a long run may be the tail of a longer one: try it
            continue
        pos = max(last, offset - _BANK_BEFORE)
        # never back into the cell before (a table's cells are joined by "\x1f"): a cell's
        # accounts are found from its own runs, whatever its neighbours hold
        pos = max(pos, norm.rfind("\x1f", pos, offset) + 1)
        end = offset + len(run)
        if len(run) >= 50:  # cut at its longest, a run's last number goes on past the cut
            more = _DIGITS.match(norm, end)
            end = more.end() if more is not None else end
        hi = end + 1  # the character after it, for the pattern's look-ahead
        while True:
            m = pattern.search(norm, pos, hi)
            if m is None:
                break
            yield m.start(), m.end(), m.group(0)
            last = pos = m.end()


def _email_candidates(norm: str) -> Iterator[tuple[int, int, str]]:
    """From each "@" outwards — the longest local part just before it (at most 64
    characters), then a dotted domain — never walking the whole text: the same matches as
    the email pattern searched from 64 characters before each "@"."""
    at = norm.find("@")
    last = 0
    while at != -1:
        # the local part is the longest stretch of its characters ending at the "@": read
        # backwards from it (a search for where it starts would try every start in the window)
        local = _LOCAL_PART_REVERSED.match(norm[max(last, at - 64) : at][::-1])
        domain = _DOMAIN_PART.match(norm, at + 1, at + 256) if local is not None else None
        if local is not None and domain is not None:
            start = at - local.end()
            yield start, domain.end(), norm[start : domain.end()]
            last = domain.end()
            at = norm.find("@", last)
        else:
            at = norm.find("@", at + 1)


Starts = tuple[str | re.Pattern[str], ...]


def _starts(norm: str, literals: Starts) -> list[int]:
    """Every offset where one of the literals begins, or one of the patterns matches, in
    order."""
    found: list[int] = []
    for lit in literals:
        if isinstance(lit, re.Pattern):
            found.extend(m.start() for m in lit.finditer(norm))
            continue
        i = norm.find(lit)
        while i != -1:
            found.append(i)
            i = norm.find(lit, i + 1)
    return sorted(set(found))


def anchored_candidates(
    pattern: re.Pattern[str], norm: str, literals: Starts
) -> Iterator[tuple[int, int, str]]:
    """The matches of a pattern that starts with one of ``literals`` (after look-behinds),
    tried only where one stands: the same matches as a scan of the whole text. Literals that
    share a first letter come as one pattern starting with it (the regex engine's quick
    search for one letter beats a search for each literal)."""
    last = 0
    for p in _starts(norm, literals):
        if p < last:
            continue
        m = pattern.match(norm, p)
        if m is not None:
            yield m.start(), m.end(), m.group(0)
            last = m.end()


_KEY_RUN = re.compile(rb"x+")


def key_run_candidates(
    pattern: re.Pattern[str], norm: str, keys: bytes, length: int
) -> Iterator[tuple[int, int, str]]:
    """The matches of a pattern for exactly ``length`` key characters standing alone, tried
    only at the runs of that length in ``keys`` (the text with every key character an "x"):
    the same matches as a scan of the whole text."""
    i = keys.find(b"x" * length)
    while i != -1:
        run = _KEY_RUN.match(keys, i)
        end = run.end() if run is not None else i + length
        if end - i == length:
            m = pattern.match(norm, i)
            if m is not None:
                yield m.start(), m.end(), m.group(0)
        i = keys.find(b"x" * length, end)
