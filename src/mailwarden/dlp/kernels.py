"""Whole cells settled in bulk: a column of a table is mostly one kind of value — a card
number, a phone number, an address, a member number — and most of its cells are that value
and nothing else. Such a cell's matches follow from its shape alone, so a column's cells are
settled here a list at a time (check digits over a whole column in one numpy pass, ``bulkchecks``) instead of
one match at a time through ``scan.detect``.

A cell is settled here only where what ``detect`` would find in it is certain:

- **one number**: ASCII digits, alone or in groups of at most six joined by single spaces or
  by single hyphens (``4111 1111 1111 1111``, ``090-1234-5678``, ``123456789012``). Such a
  number is one run of digits, so the identifiers that read separators (card, My Number,
  Corporate Number) can match it only whole; the strongest whose check passes and whose
  column does not rule it out wins, as ``detect`` settles overlaps. Without one, a phone
  number that fills the cell is one (ten digits together only under a phone header; spaced
  groups under one go to ``detect``); a phone number inside it (``…-0681-2415-8686``) or a
  ``123-45-6789`` group, which ``detect`` reads on its own, sends the cell to ``detect``;
- **one address**: lower-case ASCII ``local@domain`` of fewer than 40 characters, fewer than
  nine digits, none of the secrets' prefixes: nothing but the address can match in it;
- **text with 〒 or a prefecture's name in which nothing else can match** (no "@", link,
  nine digits in a run, seven together, two capitals, token prefix or forty key
  characters): its postal addresses, found by ``detect``'s own finder on the cell alone (no
  pattern reads past a cell, nor looks for context beyond it).

Everything else — and every cell of a column that holds row labels or whose header names an
identifier that needs context (a bank account, a licence) — goes to ``detect``. Tests compare
the two on generated columns built to stress each rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from .anchors import _POSTAL_ANCHOR, _postal_candidates, classes_of
from .checks import card_ok, corporate_number_ok, my_number_ok
from .detectors import BY_ID, DETECTORS, WINDOW
from .normalize import normalise
from .scan import _FOLDED_CONTEXT, CONFIDENCE, MIN_DIGITS, PHONE, POSTAL, _context_near, value_of

MAX_NUMBER = 61  # ``anchors._RUN`` reads a run of at most this many characters
_SPACED = re.compile(r"[0-9]{1,6}(?: [0-9]{1,6})+")
_HYPHENED = re.compile(r"[0-9]{1,6}(?:-[0-9]{1,6})+")
_PHONE_ANYWHERE = re.compile(r"(?<![0-9])0")  # where a phone number could start at all
_SSN_GROUPS = re.compile(r"(?:^|-)[0-9]{3}-[0-9]{2}-[0-9]{4}(?:-|$)")
# lower case, fewer than 40 characters, fewer than nine digits, none of the tokens' prefixes
_EMAIL = re.compile(
    r"(?=.{0,39}$)(?!(?:[^0-9]*[0-9]){9})(?!.*(?:gh|xox|glpat|sk_live))"
    r"[a-z0-9._+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+"
)
# the common mobile number: what detectors.jp.phone finds in it, and nothing else
_MOBILE = re.compile(r"0[789]0-[0-9]{4}-[0-9]{4}")

CARD, MY_NUMBER, CORPORATE = "credit-card", "jp.my-number", "jp.corporate-number"
EMAIL = "email-address"
#: what a header may name for its column to be settled here: not an identifier that needs
#: context (a bank account is seven digits beside a word; under 口座番号, seven digits alone)
NEED_CONTEXT = frozenset(d.id for d in DETECTORS if d.needs_context)
# In any other text, what could start a match of a detector other than the postal address's:
# an address's or a link's mark, nine digits with separators between (the fewest a numeric
# identifier has), seven together (a bank account's number), two capitals (passports,
# residence cards, IBANs, keys), the prefixes of tokens, forty key characters.
_NINE_DIGITS = re.compile(rb"0(?: *0){8}")  # in the text's classes (anchors.classes_of)
_PREFIXES = re.compile("@|://|gh|xox|glpat|sk_live")
_KEY_RUN = re.compile(r"[A-Za-z0-9/+]{40}")


def _only_postal(norm: str) -> bool:
    """Can nothing but a postal address match in ``norm``?"""
    if _PREFIXES.search(norm) is not None or ("." in norm and "www." in norm.casefold()):
        return False
    classes = classes_of(norm)
    return (
        b"AA" not in classes
        and b"0000000" not in classes
        and _NINE_DIGITS.search(classes) is None
        and (len(norm) < 40 or _KEY_RUN.search(norm) is None)
    )


_POSTAL = BY_ID[POSTAL]
_PHONE = BY_ID[PHONE].pattern


@dataclass
class Settled:
    """Matches of the cells settled, in the cells' order (a number or an address gives one at
    most, a postal text may give several); and the cells left for ``detect``."""

    cells: list[int] = field(default_factory=list)  # index of the cell in its column
    detectors: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)
    left: list[int] = field(default_factory=list)


SMALL = 8  # fewer numbers than this are checked one by one (numpy's set-up costs more)


def _passing(numbers: list[str], kind: str, one: Callable[[str], bool]) -> list[bool]:
    """``one`` for each of ``numbers``; many at once through ``bulkchecks`` (imported here, so
    that numpy is loaded only when a column has that many numbers)."""
    if len(numbers) < SMALL:
        return [one(x) for x in numbers]
    from . import bulkchecks

    passed: list[bool] = bulkchecks.MANY[kind](numbers).tolist()
    return passed


# --- the kinds of cell ---------------------------------------------------------------------------


def _number_shape(cell: str, digits: str) -> str | None:
    """ "d" for digits alone, "s" or "h" for groups joined by spaces or hyphens; None if the
    cell is not one number this module settles."""
    if len(cell) > MAX_NUMBER:
        return None
    if cell == digits:
        return "d"
    if _SPACED.fullmatch(cell):
        return "s"
    if _HYPHENED.fullmatch(cell):
        return "h"
    return None


def likely(cells: Sequence[str]) -> bool:
    """Will most of these cells (a sample of a column) be settled here? A column of names or
    notes is not worth the look at each cell: ``detect`` passes over such text quickly."""
    hits = sum(
        1 for c in cells if "@" in c or _POSTAL_ANCHOR.search(c) is not None or _separated(c).isdigit()
    )
    return hits * 2 >= len(cells) > 0


def _separated(cell: str) -> str:
    """The cell without its spaces and hyphens."""
    return cell.replace(" ", "").replace("-", "") if " " in cell or "-" in cell else cell


def settle(cells: Sequence[str], named: frozenset[str], refused: frozenset[str]) -> Settled:
    """The cells of one column settled where certain, the others left (see the module's
    docstring). ``named`` and ``refused``: the detectors the column's header names (their
    context is present) and rules out."""
    out = Settled()
    hits: list[tuple[int, str, str, float]] = []  # (cell, detector, value, confidence)
    numbers: dict[int, list[tuple[int, str, str, str]]] = {}  # digits' count -> (cell, text, digits, shape)
    email = CONFIDENCE[EMAIL][EMAIL in named] if EMAIL not in refused else None
    phone = CONFIDENCE[PHONE][PHONE in named] if PHONE not in refused else None
    for i, cell in enumerate(cells):
        if not cell:
            continue
        if "@" in cell:
            if _EMAIL.fullmatch(cell) is None:
                out.left.append(i)
            elif email is not None:
                hits.append((i, EMAIL, cell, email))
            continue
        if phone is not None and len(cell) == 13 and _MOBILE.fullmatch(cell):
            hits.append((i, PHONE, cell.replace("-", ""), phone))  # no other match: 11 digits
            continue
        digits = _separated(cell)
        if digits.isdigit() and digits.isascii():
            shape = _number_shape(cell, digits)
            if shape is None:
                out.left.append(i)
            else:
                numbers.setdefault(len(digits), []).append((i, cell, digits, shape))
            continue
        if _POSTAL_ANCHOR.search(cell) is None or "\x1f" in cell:
            out.left.append(i)  # nothing, or not for here: detect is quick on such text
            continue
        norm = normalise(cell)
        if _only_postal(norm):
            _settle_postal(i, norm, named, refused, hits)
        else:
            out.left.append(i)
    if numbers:
        _settle_numbers(numbers, named, refused, hits, out.left)
        out.left.sort()
    if hits:
        hits.sort(key=itemgetter(0))  # stable: a cell's matches keep their order
        out.cells, out.detectors, out.values, out.confidences = (list(x) for x in zip(*hits, strict=True))
    return out


def _settle_postal(
    i: int, norm: str, named: frozenset[str], refused: frozenset[str], hits: list[tuple[int, str, str, float]]
) -> None:
    """A text in which only postal addresses can match: ``detect``'s steps for them, on the
    cell alone (no pattern reads past a cell, nor looks for context beyond it)."""
    far, near = CONFIDENCE[POSTAL]
    # a short cell is within every match's window: its context is looked for once
    short = len(norm) <= WINDOW + 1
    everywhere = short and any(w in norm.casefold() for w in _POSTAL_CONTEXT)  # 〒 is one
    if len(norm) <= POSTAL_WHOLE:
        found = [(m.start(), m.end(), m.group()) for m in _POSTAL.pattern.finditer(norm)]
    else:
        found = list(_postal_candidates(_POSTAL.pattern, norm))
    for start, end, raw in found:
        whole = start == 0 and end == len(norm)
        close = not whole and (everywhere if short else _context_near(norm, start, end, _POSTAL_CONTEXT))
        if not close:
            if POSTAL in refused:
                continue
            close = POSTAL in named
        hits.append((i, POSTAL, value_of(POSTAL, raw), near if close else far))


_POSTAL_CONTEXT = _FOLDED_CONTEXT[POSTAL]
# In a text this short, every window the postal finder searches (from 40 characters before an
# anchor to 64 after it) is the whole text, and every match has an anchor at or after its
# start: the finder finds what a scan of the whole text finds, which is quicker here.
POSTAL_WHOLE = 40


def _settle_numbers(
    numbers: dict[int, list[tuple[int, str, str, str]]],
    named: frozenset[str],
    refused: frozenset[str],
    hits: list[tuple[int, str, str, float]],
    left: list[int],
) -> None:
    confidence = {d: CONFIDENCE[d][d in named] for d in (CARD, MY_NUMBER, CORPORATE, PHONE)}
    for length, group in numbers.items():
        digits = [g[2] for g in group]
        whole: list[str | None] = [None] * len(group)
        if 13 <= length <= 19 and CARD not in refused:
            for k, ok in enumerate(_passing(digits, "card", card_ok)):
                if ok:
                    whole[k] = CARD
        if length == 12 and MY_NUMBER not in refused:
            for k, ok in enumerate(_passing(digits, "my_number", my_number_ok)):
                if ok:
                    whole[k] = MY_NUMBER
        if length == 13 and CORPORATE not in refused:
            for k, ok in enumerate(_passing(digits, "corporate_number", corporate_number_ok)):
                if ok and whole[k] is None:
                    whole[k] = CORPORATE
        phones = PHONE not in refused and length >= MIN_DIGITS[PHONE]  # a shorter run is not tried
        for k, (i, cell, number, shape) in enumerate(group):
            if shape == "h" and _SSN_GROUPS.search(cell):
                left.append(i)  # read on its own by detect, beside any other match
                continue
            found = whole[k]
            if found is None and phones and shape == "s":
                if PHONE in named and _PHONE_ANYWHERE.search(cell) is not None:
                    left.append(i)  # spaced groups under 電話番号: detect reads them
                    continue
            elif found is None and phones:
                if shape == "d":
                    if (
                        (length == 11 and number[0] == "0" and number[1] in "789" and number[2] == "0")
                        or (length == 10 and number.startswith("0120"))
                        or (length == 10 and PHONE in named and number[0] == "0" and number[1] != "0")
                    ):
                        found = PHONE  # ten digits together: a phone where the header says so
                else:
                    m = _PHONE.match(cell)  # at a cell's start: no digit stands before it
                    if m is not None and m.end() == len(cell):
                        found = PHONE
                    elif _PHONE_ANYWHERE.search(cell) is not None:
                        left.append(i)  # a phone number may stand inside it: detect decides
                        continue
            if found is not None:
                hits.append((i, found, number, confidence[found]))
