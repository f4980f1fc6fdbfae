"""How the detectors run over a text: normalise it once, find where each detector can match
(anchors.py), skip the detectors the text cannot hold (no digit run long enough, no context
word anywhere, none of a secret's first letters), validate, weigh context, and settle
overlaps so that one number is one identifier. Every shortcut finds exactly what the
detector's pattern finds over the whole text; tests compare them on generated texts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Protocol

from . import phones
from .anchors import (
    _TOKEN_CHARS,
    Starts,
    _bank_candidates,
    _email_candidates,
    _postal_candidates,
    anchored_candidates,
    classes_of,
    digit_runs,
    key_run_candidates,
    upper_starts,
    url_spans,
)
from .detectors import (
    DETECTORS,
    NOT_PERSONAL,
    PRECEDENCE,
    WINDOW,
    Detector,
    Match,
    _only_digits,
)
from .normalize import normalise

_NUMBER_ONLY = re.compile(r"[0-9 \t\r\n-]+")
#: what stands between two cells of a table scanned as one text (cells.py): no pattern reads
#: across it, and no context word is looked for beyond it
CELL_SEP = "\n\x1f\n"


class CellContext(Protocol):
    """What a table says of its cells, beyond their own text: the detectors a cell's column
    header or row label names (their context is present) and those it rules out (a member
    number column holds no My Numbers)."""

    @property
    def named_anywhere(self) -> frozenset[str]: ...

    def named(self, pos: int) -> frozenset[str]: ...

    def refused(self, pos: int) -> frozenset[str]: ...


_FOLDED_NOT_PERSONAL = tuple(w.casefold() for w in NOT_PERSONAL)
#: numbers that a label just before them on their line ("注文番号 …") says are something
#: else, whatever context stands on that line (a bank's name by an order number is common)
LABEL_CHECKED = frozenset({"jp.bank-account"})
#: matches whose value is their digits alone, whatever words the match holds
DIGIT_VALUES = frozenset({"jp.bank-account"})
PHONE, POSTAL = "jp.phone", "jp.postal-address"


def _labelled_otherwise(text: str, start: int) -> bool:
    """Is the number labelled as something else just before it, on its own line?"""
    line_start = text.rfind("\n", 0, start) + 1
    label = text[max(line_start, start - 16) : start].casefold()
    return any(w in label for w in _FOLDED_NOT_PERSONAL)


#: each detector's context words, casefolded once
_FOLDED_CONTEXT = {d.id: tuple(w.casefold() for w in d.context) for d in DETECTORS}


def _context_near(
    text: str,
    start: int,
    end: int,
    words: tuple[str, ...],
    window: int = WINDOW,
    *,
    same_line: bool = False,
    unless: tuple[str, ...] = (),
) -> bool:
    """A context word within ``window`` characters of the match (and on its line, if asked)."""
    if not words:
        return False
    lo, hi = max(0, start - window), end + window
    cut = text.rfind("\x1f", lo, start)  # never beyond a cell of a table
    if cut != -1:
        lo = cut + 1
    cut = text.find("\x1f", end, hi)
    if cut != -1:
        hi = cut
    if same_line:
        lo = max(lo, text.rfind("\n", 0, start) + 1)
        line_end = text.find("\n", end)
        hi = min(hi, len(text) if line_end == -1 else line_end)
    around = text[lo:hi].casefold()
    for w in unless:  # words that hold a context word but say otherwise (ポイントカード番号)
        if w in around:
            around = around.replace(w, " ")
    return any(w in around for w in words)  # words come casefolded


# Detectors of plain numbers (digits, spaces, hyphens): they run only over the runs of such
# characters, found in one fast pass, instead of over the whole text each.
NUMERIC = frozenset(
    {"jp.my-number", "jp.corporate-number", "credit-card", "jp.drivers-licence", "jp.pension-number",
     "jp.phone", "us.ssn"}
)  # fmt: skip
_PREF_CHAR = re.compile("[都道府県]")
_AWS_PREFIX = re.compile("A(?:KIA|SIA|GPA|IDA|ROA|NPA|NVA|IPA)")
UPPER_ANCHORED = frozenset({"jp.passport", "jp.residence-card", "iban"})
# For a detector that needs context: shorter words, each inside one or more of its context
# words, so "none of these in the text" (few scans) proves "none of the context words" (many).
GATES: dict[str, tuple[str, ...]] = {
    "jp.bank-account": (
        "口座番号",
        "普通",
        "当座",
        "貯蓄",
        "支店",
        "出張所",
        "営業部",
        "店番",
        "振込先",
        "銀行",
        "金庫",
        "信金",
        "農協",
        "バンク",
        "ゆうちょ",
        "郵便",
        "japan post",
    ),
    "jp.passport": ("旅券", "パスポート", "passport"),
    "jp.drivers-licence": ("免許", "driver"),
    "jp.pension-number": ("年金", "pension"),
    "secret.aws-secret-key": ("secret",),
}
# cheap tests that say a detector cannot match at all in this text
# (the finders search for their anchors themselves, but short texts, the most of mail, are
# done sooner by these than by starting a finder)
_PREFILTER: dict[str, Callable[[str], bool]] = {
    "email-address": lambda t: "@" in t,
    "secret.aws-access-key": lambda t: _AWS_PREFIX.search(t) is not None,
    "secret.private-key": lambda t: "PRIVATE KEY" in t,
    "secret.api-token": lambda t: (
        ("_" in t and any(p in t for p in ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "sk_live_")))
        or "xox" in t
        or "AIza" in t
        or "glpat-" in t
    ),
    "jp.postal-address": lambda t: not t.isascii() and ("〒" in t or _PREF_CHAR.search(t) is not None),
}


# the fewest digits each numeric detector can match: shorter runs are not tried
MIN_DIGITS = {
    "jp.my-number": 12,
    "jp.corporate-number": 13,
    "credit-card": 13,
    "jp.drivers-licence": 12,
    "jp.pension-number": 10,
    "jp.phone": 10,
    "us.ssn": 9,
}


# the literals a secret's pattern starts with: it is tried only where one stands
_LITERAL_STARTS: dict[str, Starts] = {
    "secret.aws-access-key": (_AWS_PREFIX,),
    "secret.api-token": (re.compile("g(?:h[pousr]_|lpat-)"), "xox", "AIza", "sk_live_"),
    "secret.private-key": ("-----BEGIN ",),
}
# what each capital-anchored pattern needs at its start, in the text's classes
_UPPER_PREFIX = {"jp.passport": b"AA0000000", "jp.residence-card": b"AA00000000AA", "iban": b"AA00"}


def _iban_may_start(classes: bytes, p: int) -> bool:
    """The four characters after an IBAN's check digits (a space may come first) are
    capitals or digits."""
    q = p + 5 if classes[p + 4 : p + 5] == b" " else p + 4
    group = classes[q : q + 4]
    return len(group) == 4 and not group.strip(b"A0")


def _candidates(
    det: Detector,
    norm: str,
    runs: list[tuple[int, str, int]],
    upper: list[int],
    classes: bytes | None = None,
) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each place the detector's pattern matches."""
    if det.id == "email-address":
        yield from _email_candidates(norm)
        return
    if det.id == "jp.bank-account":
        yield from _bank_candidates(det.pattern, norm, runs)
        return
    if det.id in UPPER_ANCHORED:
        if classes is None:
            classes = classes_of(norm)
        prefix = _UPPER_PREFIX[det.id]
        iban = det.id == "iban"
        last = 0
        for p in upper:
            if p < last or not classes.startswith(prefix, p) or (iban and not _iban_may_start(classes, p)):
                continue  # a cheap test on the classes rules this start out
            m = det.pattern.match(norm, p)
            if m is not None:
                yield m.start(), m.end(), m.group(0)
                last = m.end()
        return
    if det.id == "jp.postal-address":
        yield from _postal_candidates(det.pattern, norm)
        return
    if det.id in _LITERAL_STARTS:
        yield from anchored_candidates(det.pattern, norm, _LITERAL_STARTS[det.id])
        return
    if det.id == "secret.aws-secret-key":
        keys = (classes if classes is not None else classes_of(norm)).translate(_TOKEN_CHARS)
        yield from key_run_candidates(det.pattern, norm, keys, 40)
        return
    if det.id in NUMERIC:
        need = MIN_DIGITS[det.id]
        for offset, run, digits in runs:
            if digits < need:
                continue
            for m in det.pattern.finditer(run):
                yield offset + m.start(), offset + m.end(), m.group(0)
        return
    for m in det.pattern.finditer(norm):
        yield m.start(), m.end(), m.group(0)


@dataclass(frozen=True)
class _Step:
    """One detector with everything ``detect`` asks of it worked out once."""

    det: Detector
    context: tuple[str, ...]  # casefolded
    # needs context: one of these words must stand in the text. Words in Japanese are looked
    # for in the text itself (case folding leaves kana and kanji alone and makes none), words
    # in ASCII in the case-folded text, which is made only when one is asked for.
    cjk_gates: tuple[str, ...]
    ascii_gates: tuple[str, ...]
    min_digits: int  # numeric: the fewest digits of a match (0: not numeric)
    far: float  # the confidence of a match without context
    near: float  # and with
    prefilter: Callable[[str], bool] | None
    upper: bool


def _plan() -> tuple[_Step, ...]:
    steps = []
    for det in DETECTORS:
        context = _FOLDED_CONTEXT[det.id]
        gates = GATES.get(det.id, context) if det.needs_context else ()
        # every context word holds a gate: no gate in the text means no context word either
        assert all(any(g in w for g in gates) for w in context) or not det.needs_context, det.id
        steps.append(
            _Step(
                det,
                context,
                tuple(g for g in gates if not g.isascii()),
                tuple(g for g in gates if g.isascii()),
                MIN_DIGITS.get(det.id, 0),
                round(min(0.99, det.base), 2),
                round(min(0.99, det.base + 0.15), 2),
                _PREFILTER.get(det.id),
                det.id in UPPER_ANCHORED,
            )
        )
    return tuple(steps)


_STEPS = _plan()
#: each detector's confidence without context and with it
CONFIDENCE = {s.det.id: (s.far, s.near) for s in _STEPS}
# without a run of at least this many digits no numeric detector can match: a short text with
# no long number skips all of them at once
_FEWEST_DIGITS = min(MIN_DIGITS.values())
_STEPS_NOT_NUMERIC = tuple(s for s in _STEPS if not s.min_digits)
# nor, without any run of digits, can a bank account (its finder starts from the runs)
_STEPS_NO_RUNS = tuple(s for s in _STEPS_NOT_NUMERIC if s.det.id != "jp.bank-account")


def detect(text: str, only: set[str] | None = None, cells: CellContext | None = None) -> list[Match]:
    """Every detector over ``text``; overlapping numbers keep the strongest identifier. With
    ``cells``, ``text`` is the cells of a table joined by ``CELL_SEP``, and what their headers
    and labels say counts as context."""
    norm = normalise(text)
    ascii_only = norm.isascii()
    classes = classes_of(norm)
    folded = ""  # the casefolded text, made when a detector first needs it
    # numbers inside links are paths and ids, not anyone's data
    in_urls = url_spans(norm)
    url_starts = [a for a, _ in in_urls]
    runs = digit_runs(norm, classes)
    found: list[Match] = []
    upper: list[int] | None = None  # where two capitals and two digits stand, found when first needed
    most_digits = max([r[2] for r in runs]) if runs else 0
    # phone numbers in brackets or with +81, which the runs do not hold whole (phones.py)
    phone_forms = (
        list(phones.candidates(norm)) if (only is None or PHONE in only) and phones.may_hold(norm) else []
    )
    steps = (
        _STEPS
        if most_digits >= _FEWEST_DIGITS or phone_forms
        else _STEPS_NOT_NUMERIC
        if runs
        else _STEPS_NO_RUNS
    )
    for step in steps:
        det = step.det
        if only is not None and det.id not in only:
            continue
        if step.min_digits > most_digits and not (phone_forms and det.id == PHONE):
            continue  # no run of digits long enough: a short text is done with at once
        if step.prefilter is not None and not step.prefilter(norm):
            continue
        if step.upper:  # where one can start, before looking for its context
            if upper is None:
                upper = upper_starts(classes)
            if not upper:
                continue
        if det.id == "secret.aws-secret-key" and b"x" * 40 not in classes.translate(_TOKEN_CHARS):
            continue  # no 40 key characters in a row (rare: the finder then reads them again)
        if (
            det.needs_context
            and (cells is None or det.id not in cells.named_anywhere)
            and (ascii_only or not any(w in norm for w in step.cjk_gates))
        ):
            if not step.ascii_gates:
                continue
            if not folded:
                folded = norm.casefold()
            for w in step.ascii_gates:
                if w in folded:
                    break
            else:
                continue  # its context is nowhere in the text: no match can stand
        context = step.context
        found_here = _candidates(det, norm, runs, upper or [], classes)
        if det.id == PHONE and phone_forms:
            found_here = chain(found_here, phone_forms)
        for start, end, raw in found_here:
            if det.id != "email-address" and in_urls:
                k = bisect.bisect_right(url_starts, start) - 1
                if k >= 0 and start < in_urls[k][1]:
                    continue
            if det.validate is not None and not det.validate(raw):
                continue
            # a match that is a whole cell of a table has no context words of its own
            whole = cells is not None and _whole_cell(norm, start, end)
            near = not whole and _context_near(norm, start, end, context)
            if cells is not None and not near:
                if det.id in cells.refused(start):
                    continue  # its column or row says it is something else
                near = det.id in cells.named(start)
            # 0335551234 alone may be any number; after "TEL:" or under 電話番号 it is a phone
            if (det.needs_context and not near) or (det.id == PHONE and not _phone(raw, norm, start, cells)):
                continue
            if det.requires is not None and not whole:
                needed = det.requires(raw)  # what this match's form needs near it
                if (
                    needed
                    and not _context_near(norm, start, end, needed)
                    and not (cells is not None and det.id in cells.named(start))
                ):
                    continue
            # labelled as something else on its own line ("注文番号 …"): a context word on
            # another line does not make it personal, one on the same line does
            if (
                det.id in PRECEDENCE
                and not whole
                and _labelled_otherwise(norm, start)
                and not (
                    near
                    and _context_near(norm, start, end, context, same_line=True, unless=_FOLDED_NOT_PERSONAL)
                )
            ):
                continue
            if det.id in LABEL_CHECKED and not whole and _labelled_otherwise(norm, start):
                continue  # "注文番号 123-4567890": an order, whatever else stands on its line
            found.append(Match(det.id, value_of(det.id, raw), start, end, step.near if near else step.far))
    return _resolve_overlaps(found)


def _phone(raw: str, norm: str, start: int, cells: CellContext | None) -> bool:
    """Is this match of the phone pattern a phone number (phones.needs_label)?"""
    if not phones.needs_label(raw):
        return True
    if not phones.plausible(raw.replace(" ", "")):
        return False
    return phones.labelled(norm, start) or (cells is not None and PHONE in cells.named(start))


_POSTAL_VALUE = re.compile(r"〒?\s*([0-9]{3})-?([0-9]{4})\s*(.*)", re.DOTALL)


def value_of(detector: str, raw: str) -> str:
    """What a match counts as when distinct values are counted: one value however it was
    written."""
    if detector == PHONE:
        return phones.domestic(raw)  # (03)1234-5678 and +81 3-1234-5678: one number
    if detector in DIGIT_VALUES:
        return _only_digits(raw)  # 普通 1234567 and 普通預金 1234567: one account
    if detector == POSTAL:  # a postal code and its address, on two lines or one, 〒 or not
        text = " ".join(raw.split())
        m = _POSTAL_VALUE.fullmatch(text)
        return f"〒{m[1]}-{m[2]}" + (f" {m[3]}" if m[3] else "") if m else text
    if _NUMBER_ONLY.fullmatch(raw):
        return _only_digits(raw)
    return raw.strip()


def _whole_cell(norm: str, start: int, end: int) -> bool:
    """Does the match fill its cell (``CELL_SEP`` or the text's end on both sides)?"""
    if start and (start < 3 or norm[start - 1] != "\n" or norm[start - 2] != "\x1f"):
        return False
    return end == len(norm) or norm.startswith("\n\x1f", end)


#: which identifier a number is, where two claim the same digits: the first named; a phone
#: number is the weakest claim (the last twelve digits of a card can read as one)
OVERLAP_RANK = {d: i for i, d in enumerate((*PRECEDENCE, "jp.phone"))}


def _resolve_overlaps(found: list[Match]) -> list[Match]:
    if not found:
        return found
    numeric = sorted((m for m in found if m.detector in OVERLAP_RANK), key=lambda x: x.start)
    kept = [m for m in found if m.detector not in OVERLAP_RANK]
    # clusters of numbers whose digits overlap; most are of one number
    cluster: list[Match] = []
    end = -1
    for m in numeric:
        if cluster and m.start >= end:
            kept.extend(_strongest(cluster))
            cluster = []
        cluster.append(m)
        end = max(end, m.end) if len(cluster) > 1 else m.end
    if cluster:
        kept.extend(_strongest(cluster))
    return sorted(kept, key=lambda x: (x.start, x.detector))


def _strongest(cluster: list[Match]) -> list[Match]:
    """Of numbers that overlap, the strongest claims first, each keeping its digits."""
    if len(cluster) == 1:
        return cluster
    out: list[Match] = []
    taken: set[int] = set()  # characters already claimed by a stronger identifier
    for m in sorted(cluster, key=lambda x: (OVERLAP_RANK[x.detector], x.start)):
        span = range(m.start, m.end)
        if not any(i in taken for i in span):
            out.append(m)
            taken.update(span)
    return out
