"""Detectors of personal data and secrets, Japanese first.

Each detector has an id, a description, a pattern run over normalised text (normalize.py),
an optional validator (check digits, issuer ranges), context words that raise its confidence
when they stand within ``WINDOW`` characters, and whether it needs context at all (a bank
account is just digits without 口座 nearby). Numbers may carry spaces, hyphens of any width
and line breaks between digits; they are found next to kana or kanji because the patterns
look for digit boundaries, not word boundaries. A digit is 0-9 once full-width digits are
folded (normalize.py); digits of other scripts do not make numbers here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..core.i18n import N_
from . import checks
from .anchors import (
    Starts,
    _bank_candidates,
    _email_candidates,
    _postal_candidates,
    anchored_candidates,
    key_run_candidates,
    url_spans,
)
from .normalize import normalise

WINDOW = 60
_NUMBER_ONLY = re.compile(r"[0-9 \t\r\n-]+")


SEP = r"[ \t\r\n-]?"  # what may stand between two digits of one number


def _digits(n: int) -> str:
    """n digits with optional separators, not part of a longer number."""
    return rf"(?<![0-9])(?<![0-9][ -])([0-9](?:{SEP}[0-9]){{{n - 1}}})(?!{SEP}[0-9])"


_NON_DIGIT = re.compile(r"[^0-9]")


def _only_digits(s: str) -> str:
    return _NON_DIGIT.sub("", s)


@dataclass(frozen=True)
class Detector:
    id: str
    description: str
    pattern: re.Pattern[str]
    validate: Callable[[str], bool] | None = None
    context: tuple[str, ...] = ()
    needs_context: bool = False
    base: float = 0.8
    secret: bool = False


PREFECTURES = (
    "北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|新潟県|富山県|"
    "石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|奈良県|和歌山県|鳥取県|島根県|"
    "岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県"
)

DETECTORS: tuple[Detector, ...] = (
    Detector(
        "jp.my-number",
        N_("My Number (individual number, check digit verified)"),
        re.compile(_digits(12)),
        lambda m: checks.my_number_ok(_only_digits(m)),
        ("マイナンバー", "個人番号", "my number", "通知カード"),
    ),
    Detector(
        "jp.corporate-number",
        N_("Corporate Number (check digit verified)"),
        re.compile(_digits(13)),
        lambda m: checks.corporate_number_ok(_only_digits(m)),
        ("法人番号", "corporate number"),
        base=0.6,  # published openly: personal data it is not, but a policy may count it
    ),
    Detector(
        "credit-card",
        N_("Payment card number (Luhn and issuer range verified)"),
        re.compile(rf"(?<![0-9])(?<![0-9][ -])([0-9](?:{SEP}[0-9]){{12,18}})(?!{SEP}[0-9])"),
        lambda m: checks.luhn_ok(_only_digits(m)) and checks.card_issuer(_only_digits(m)) is not None,
        ("カード番号", "クレジットカード", "card number", "有効期限", "expiry", "cvv", "セキュリティコード"),
    ),
    Detector(
        "jp.bank-account",
        N_("Japanese bank account (branch and account number near banking words)"),
        re.compile(r"(?<![0-9])([0-9]{3})[ -]?(?:[^0-9]{0,12}?)([0-9]{7})(?![0-9])"),
        None,
        ("口座番号", "普通預金", "当座預金", "普通", "当座", "支店", "店番", "振込先"),
        needs_context=True,
        base=0.7,
    ),
    Detector(
        "jp.passport",
        N_("Japanese passport number"),
        re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}[0-9]{7})(?![A-Za-z0-9])"),
        None,
        ("旅券", "パスポート", "passport"),
        needs_context=True,
    ),
    Detector(
        "jp.drivers-licence",
        N_("Japanese driver's licence number"),
        re.compile(_digits(12)),
        None,
        ("運転免許", "免許証", "driver"),
        needs_context=True,
    ),
    Detector(
        "jp.residence-card",
        N_("Residence card number"),
        re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}[0-9]{8}[A-Z]{2})(?![A-Za-z0-9])"),
        None,
        ("在留カード", "residence card", "特別永住者"),
        base=0.75,
    ),
    Detector(
        "jp.pension-number",
        N_("Basic pension number"),
        re.compile(r"(?<![0-9])([0-9]{4}-?[0-9]{6})(?![0-9])"),
        None,
        ("基礎年金番号", "年金手帳", "pension"),
        needs_context=True,
    ),
    Detector(
        "jp.phone",
        N_("Japanese phone number"),
        re.compile(
            r"(?<![0-9])(0(?:[789]0-?[0-9]{4}-?[0-9]{4}|[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}|120-?[0-9]{3}-?[0-9]{3}))(?![0-9])"
        ),
        None,
        ("電話", "tel", "携帯", "連絡先"),
        base=0.6,
    ),
    Detector(
        "jp.postal-address",
        N_("Japanese postal address (postal code or prefecture)"),
        re.compile(
            rf"(〒\s?\d{{3}}-?\d{{4}}|(?<![0-9])\d{{3}}-\d{{4}}(?![0-9])(?=\s*(?:{PREFECTURES}))|(?:{PREFECTURES})[^\s、。]{{2,20}}[0-9０-９一二三四五六七八九十]+)"
        ),
        None,
        ("住所", "address", "〒"),
        base=0.7,
    ),
    Detector(
        "email-address",
        N_("Email address"),
        re.compile(r"([\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+)"),
        None,
        (),
        base=0.9,
    ),
    Detector(
        "iban",
        N_("IBAN (mod-97 verified)"),
        re.compile(
            r"(?<![A-Za-z0-9])([A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)(?![A-Za-z0-9])"
        ),
        checks.iban_ok,
        ("iban",),
    ),
    Detector(
        "us.ssn",
        N_("US Social Security number"),
        re.compile(r"(?<![0-9])([0-9]{3})-([0-9]{2})-([0-9]{4})(?![0-9])"),
        lambda m: checks.ssn_ok(*m.split("-")),
        ("ssn", "social security"),
        base=0.6,
    ),
    Detector(
        "secret.aws-access-key",
        N_("AWS access key ID"),
        re.compile(r"(?<![A-Z0-9])((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16})(?![A-Z0-9])"),
        None,
        ("aws", "access key"),
        base=0.95,
        secret=True,
    ),
    Detector(
        "secret.aws-secret-key",
        N_("AWS secret access key"),
        re.compile(r"(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
        None,
        ("aws_secret_access_key", "secret access key", "secretaccesskey", "aws secret"),
        needs_context=True,
        base=0.9,
        secret=True,
    ),
    Detector(
        "secret.private-key",
        N_("Private key"),
        re.compile(r"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)"),
        None,
        (),
        base=0.99,
        secret=True,
    ),
    Detector(
        "secret.api-token",
        N_("API token (GitHub, Slack, Google, Stripe and the like)"),
        re.compile(
            r"(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36}|xox[abposr]-[A-Za-z0-9-]{10,72}|AIza[0-9A-Za-z_-]{35}"
            r"|sk_live_[0-9A-Za-z]{24,99}|glpat-[0-9A-Za-z_-]{20})(?![A-Za-z0-9_])"
        ),
        None,
        (),
        base=0.95,
        secret=True,
    ),
)
BY_ID = {d.id: d for d in DETECTORS}
# Words that say a number is something else: an order, a slip, a phone. Near them a number
# counts only when its own context words stand near it too.
NOT_PERSONAL = (
    "注文番号",
    "伝票",
    "問い合わせ番号",
    "受付番号",
    "order",
    "invoice",
    "tracking",
    "電話",
    "tel",
    "fax",
)
_FOLDED_NOT_PERSONAL = tuple(w.casefold() for w in NOT_PERSONAL)
# A number that is one identifier is not also another: the stronger claim wins on overlap.
PRECEDENCE = ("credit-card", "jp.my-number", "jp.corporate-number", "jp.drivers-licence", "jp.pension-number")


@dataclass(frozen=True)
class Match:
    detector: str
    value: str  # normalised, separators removed for numbers; never shown unmasked
    start: int  # offsets in the original text
    end: int
    confidence: float

    @property
    def masked(self) -> str:
        if self.detector == "jp.postal-address":
            return self.value[:4] + "…"
        return mask(self.value, secret=BY_ID[self.detector].secret)


def mask(value: str, *, secret: bool = False) -> str:
    """Enough to recognise, not enough to use: 4111 **** **** 1111, t***@example.jp, AKIA…"""
    if secret:
        return value[:4] + "…" if len(value) > 8 else "…"
    if "@" in value:
        local, domain = value.rsplit("@", 1)
        return f"{local[:1]}***@{domain}"
    digits = value.replace("-", "").replace(" ", "")
    if len(digits) >= 12:
        groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
        return " ".join([groups[0], *(["****"] * (len(groups) - 2)), groups[-1]])
    if len(value) > 4:
        return "*" * (len(value) - 4) + value[-4:]
    return "*" * len(value)


def _labelled_otherwise(text: str, start: int) -> bool:
    """Is the number labelled as something else just before it, on its own line?"""
    line_start = text.rfind("\n", 0, start) + 1
    label = text[max(line_start, start - 16) : start].casefold()
    return any(w in label for w in _FOLDED_NOT_PERSONAL)


#: each detector's context words, casefolded once
_FOLDED_CONTEXT = {d.id: tuple(w.casefold() for w in d.context) for d in DETECTORS}


def _context_near(
    text: str, start: int, end: int, words: tuple[str, ...], window: int = WINDOW, *, same_line: bool = False
) -> bool:
    """A context word within ``window`` characters of the match (and on its line, if asked)."""
    if not words:
        return False
    lo, hi = max(0, start - window), end + window
    if same_line:
        lo = max(lo, text.rfind("\n", 0, start) + 1)
        line_end = text.find("\n", end)
        hi = min(hi, len(text) if line_end == -1 else line_end)
    around = text[lo:hi].casefold()
    return any(w in around for w in words)  # words come casefolded


# Detectors of plain numbers (digits, spaces, hyphens): they run only over the runs of such
# characters, found in one fast pass, instead of over the whole text each.
NUMERIC = frozenset(
    {"jp.my-number", "jp.corporate-number", "credit-card", "jp.drivers-licence", "jp.pension-number",
     "jp.phone", "us.ssn"}
)  # fmt: skip
_RUN = re.compile(r"[0-9][0-9 \t\r\n-]{6,60}")
_NOT_DIGIT = str.maketrans("", "", " \t\r\n-")  # what a run holds besides digits
_PREF_CHAR = re.compile("[都道府県]")
_AWS_PREFIX = re.compile("A(?:KIA|SIA|GPA|IDA|ROA|NPA|NVA|IPA)")
# two capitals and two digits: where a passport, residence card or IBAN can start (one scan
# for the three instead of one each)
_UPPER2_DIGIT = re.compile(r"[A-Z]{2}[0-9]{2}")
UPPER_ANCHORED = frozenset({"jp.passport", "jp.residence-card", "iban"})
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


# For a detector that needs context: shorter words, each inside one or more of its context
# words, so "none of these in the text" (few scans) proves "none of the context words" (many).
GATES: dict[str, tuple[str, ...]] = {
    "jp.bank-account": ("口座番号", "普通", "当座", "支店", "店番", "振込先"),
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
                _PREFILTER.get(det.id),
                det.id in UPPER_ANCHORED,
            )
        )
    return tuple(steps)


_STEPS = _plan()
# without a run of at least this many digits no numeric detector can match: a short text with
# no long number skips all of them at once
_FEWEST_DIGITS = min(MIN_DIGITS.values())
_STEPS_NOT_NUMERIC = tuple(s for s in _STEPS if not s.min_digits)
# nor, without any run of digits, can a bank account (its finder starts from the runs)
_STEPS_NO_RUNS = tuple(s for s in _STEPS_NOT_NUMERIC if s.det.id != "jp.bank-account")


def detect(text: str, only: set[str] | None = None) -> list[Match]:
    """Every detector over ``text``; overlapping numbers keep the strongest identifier."""
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
    steps = _STEPS if most_digits >= _FEWEST_DIGITS else _STEPS_NOT_NUMERIC if runs else _STEPS_NO_RUNS
    for step in steps:
        det = step.det
        if only is not None and det.id not in only:
            continue
        if step.min_digits > most_digits:
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
        if det.needs_context and (ascii_only or not any(w in norm for w in step.cjk_gates)):
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
        for start, end, raw in _candidates(det, norm, runs, upper or [], classes):
            if det.id != "email-address" and in_urls:
                k = bisect.bisect_right(url_starts, start) - 1
                if k >= 0 and start < in_urls[k][1]:
                    continue
            if det.validate is not None and not det.validate(raw):
                continue
            near = _context_near(norm, start, end, context)
            if det.needs_context and not near:
                continue
            # labelled as something else on its own line ("注文番号 …"): a context word on
            # another line does not make it personal, one on the same line does
            if (
                det.id in PRECEDENCE
                and _labelled_otherwise(norm, start)
                and not (near and _context_near(norm, start, end, context, same_line=True))
            ):
                continue
            value = _only_digits(raw) if _NUMBER_ONLY.fullmatch(raw) else raw.strip()
            confidence = min(0.99, det.base + (0.15 if near else 0.0))
            found.append(Match(det.id, value, start, end, round(confidence, 2)))
    return _resolve_overlaps(found)


def _rank(detector: str) -> int:
    return PRECEDENCE.index(detector) if detector in PRECEDENCE else len(PRECEDENCE)


def _resolve_overlaps(found: list[Match]) -> list[Match]:
    if not found:
        return found
    numeric = [m for m in found if m.detector in PRECEDENCE]
    kept = [m for m in found if m.detector not in PRECEDENCE]
    taken: set[int] = set()  # characters already claimed by a stronger identifier
    for m in sorted(numeric, key=lambda x: (_rank(x.detector), x.start)):
        span = range(m.start, m.end)
        if not any(i in taken for i in span):
            kept.append(m)
            taken.update(span)
    return sorted(kept, key=lambda x: (x.start, x.detector))


def unique_counts(matches: list[Match]) -> dict[str, int]:
    """Unique instances per detector: the same card twice is one card."""
    seen: dict[str, set[str]] = {}
    for m in matches:
        seen.setdefault(m.detector, set()).add(m.value)
    return {k: len(v) for k, v in sorted(seen.items())}
