"""What a table's header or a row's label says of the values beside it.

The words live in ``columns.yaml`` beside this module; ``MAILWARDEN_DLP_COLUMNS_FILE`` adds
the user's own (same layout, lists added). A label *names* the detectors whose data it
announces (カード番号, Card number) and *refuses* the numeric identifiers it rules out: a
member, order or employee number column (会員番号, Order number) holds no My Numbers or
cards even where a value passes a check digit, and a column named for one identifier holds
no other.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from ..core.errors import ConfigError
from ..core.i18n import gettext
from .detectors import BY_ID, PRECEDENCE
from .normalize import normalise

COLUMNS_FILE = Path(__file__).with_name("columns.yaml")
# numeric identifiers a label can rule out (the detectors that read plain numbers)
NUMERIC_IDS = frozenset(
    {"jp.my-number", "jp.corporate-number", "credit-card", "jp.drivers-licence", "jp.pension-number",
     "jp.phone", "us.ssn", "jp.bank-account"}
)  # fmt: skip
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Words:
    named: dict[str, tuple[str, ...]]  # detector id -> words
    not_personal: tuple[str, ...]
    pattern: re.Pattern[str]
    owners: dict[str, tuple[str, ...]]  # word -> detector ids it names ("" for not personal)
    weak: frozenset[str]  # not-personal words that a column of valid check digits overrules


def _read(path: Path) -> tuple[dict[str, list[str]], list[str], list[str]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(gettext("cannot read {path}: {error}").format(path=path, error=exc)) from exc
    if not isinstance(data, dict):
        raise ConfigError(gettext("cannot read {path}: {error}").format(path=path, error="not a mapping"))
    named = data.get("named") or {}
    unknown = [d for d in named if d not in BY_ID]
    if unknown:
        raise ConfigError(
            gettext("cannot read {path}: {error}").format(path=path, error=f"unknown detector {unknown[0]}")
        )
    lists = [*named.values(), data.get("not_personal") or [], data.get("weak") or []]
    if any(not isinstance(w, str) for ws in lists for w in ws or []):  # YAML reads a bare no as false
        bad = next(w for ws in lists for w in ws or [] if not isinstance(w, str))
        error = f"{bad!r} is not a word: quote it"
        raise ConfigError(gettext("cannot read {path}: {error}").format(path=path, error=error))
    return (
        {d: [str(w) for w in ws or []] for d, ws in named.items()},
        [str(w) for w in data.get("not_personal") or []],
        [str(w) for w in data.get("weak") or []],
    )


_JA_NO = re.compile(r"(?<=[^\x00-\x7f])\s?no\.?(?![a-z])")


_JA_BREAK = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def fold(word: str) -> str:
    """Compatibility-folded (half-width ｶｰﾄﾞ, full-width ＮＯ．), case-folded, "_" a space,
    and "No." after Japanese read as 番号 (カードNo. is カード番号, 受付No 受付番号). A line
    break in a header cell (Alt+Enter in Excel, <br> in HTML, two paragraphs in Word) is no
    part of the word: between Japanese characters it is dropped (会員\n番号 is 会員番号),
    elsewhere it is a space (Card\nnumber)."""
    folded = normalise(unicodedata.normalize("NFKC", word)).casefold().replace("_", " ").strip()
    if not folded.isascii() and any(ch.isspace() for ch in folded):
        folded = _JA_BREAK.sub("", folded)
    if "\n" in folded or "\r" in folded or "\t" in folded:
        folded = " ".join(folded.split())
    return _JA_NO.sub("番号", folded) if "no" in folded else folded


def build(named: dict[str, list[str]], not_personal: list[str], weak: list[str] | None = None) -> Words:
    owners: dict[str, list[str]] = {}
    for det, words in named.items():
        for w in words:
            owners.setdefault(fold(w), []).append(det)
    weak = weak or []
    for w in [*not_personal, *weak]:
        owners.setdefault(fold(w), []).append("")
    alternatives = []
    for w in sorted(owners, key=len, reverse=True):  # the longest word first where two overlap
        body = re.escape(w)
        alternatives.append(rf"(?<![a-z0-9]){body}(?![a-z0-9])" if w.isascii() else body)
    pattern = re.compile("|".join(alternatives) or "(?!)")
    return Words(
        {d: tuple(ws) for d, ws in named.items()},
        tuple(not_personal),
        pattern,
        {w: tuple(ds) for w, ds in owners.items()},
        frozenset(fold(w) for w in weak),
    )


@cache
def words() -> Words:
    named, not_personal, weak = _read(COLUMNS_FILE)
    extra = os.environ.get("MAILWARDEN_DLP_COLUMNS_FILE")
    if extra:
        more_named, more_not, more_weak = _read(Path(extra))
        for det, ws in more_named.items():
            named.setdefault(det, []).extend(ws)
        not_personal.extend(more_not)
        weak.extend(more_weak)
    return build(named, not_personal, weak)


@dataclass(frozen=True)
class Label:
    named: frozenset[str] = _NONE  # detectors the label names
    refused: frozenset[str] = _NONE  # detectors it rules out
    weak: bool = False  # ruled out by weak words only ("ID", "コード")


NOTHING = Label()


@lru_cache(maxsize=8192)
def read_label(label: str) -> Label:
    """What a header or row label says of the values beside it."""
    if not label:
        return NOTHING
    w = words()
    hits = [m.group() for m in w.pattern.finditer(fold(label))]
    if not hits:
        return NOTHING
    found = [w.owners[h] for h in hits]
    named = frozenset(d for ds in found for d in ds if d)
    negative = [h for h, ds in zip(hits, found, strict=True) if "" in ds]
    if negative:
        refused = NUMERIC_IDS - named
    elif named & NUMERIC_IDS:  # a column of one identifier holds no other, nor phone numbers
        refused = (frozenset(PRECEDENCE) | {"jp.phone"}) - named
    else:
        refused = _NONE
    return Label(named, refused, bool(negative) and all(h in w.weak for h in negative))


def is_label(text: str) -> bool:
    """Short text with few digits ("控除対象扶養親族(1) 個人番号") and no address: a row's
    label, not one of its values."""
    text = text.strip()
    return 0 < len(text) <= 30 and "@" not in text and sum(ch.isdigit() for ch in text) <= 3


def knows(text: str) -> bool:
    """Does the text hold a header word at all?"""
    return bool(text) and words().pattern.search(fold(text)) is not None
