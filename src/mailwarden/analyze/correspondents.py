"""Correspondent lookalikes: a domain registered to pass for one the organisation really deals
with — its own, a configured correspondent's, or (with history on) one learned from the mail
already seen. Beyond the one-edit and confusable forms of ``lookalike.py`` it knows the ways a
Japanese name is spelt in Latin letters, which attackers use because the victim reads both as
the same company: Hepburn and Kunrei romanisation (shi/si, sho/syo, tsu/tu, chi/ti, ji/zi,
fu/hu), long vowels written ou/oo/oh/o or dropped, n/m before b/p; and the same name under
another suffix (.co.jp → .jp, .com) or with a word added (-group, -jp, -inc).

The attack family: business email compromise by a supplier, customer, adviser or the
company itself (IPA's ビジネスメール詐欺 reports, types 1 and 2)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..core.i18n import N_, gettext
from ..domain.orgdomain import registrable
from .lookalike import skeleton, within_one_edit

# Hepburn → Kunrei, longest first; then long vowels folded, and n before b/p/m
_ROMAJI = (
    ("shi", "si"), ("sha", "sya"), ("shu", "syu"), ("sho", "syo"),
    ("chi", "ti"), ("cha", "tya"), ("chu", "tyu"), ("cho", "tyo"),
    ("tsu", "tu"), ("ji", "zi"), ("ja", "zya"), ("ju", "zyu"), ("jo", "zyo"),
    ("fu", "hu"), ("dzu", "zu"), ("du", "zu"),
)  # fmt: skip
_LONG = re.compile(r"ou|oo|oh(?![aeiouy])|uu|aa|ii|ee")
_NASAL = re.compile(r"m(?=[bpm])")
# words added to a name to make a new domain look like the company's own
_ADDED_WORDS = (
    "group", "grp", "jp", "japan", "inc", "corp", "co", "ltd", "kk", "hd", "hldgs", "holdings",
    "official", "info", "mail", "web", "net", "online", "support", "service", "pay", "bank",
    "secure", "account", "portal",
)  # fmt: skip
_ADDED = re.compile("(?:" + "|".join(_ADDED_WORDS) + r")\Z")


@lru_cache(maxsize=8192)  # bounded: a long-running gateway meets unbounded names
def romaji_key(label: str) -> str:
    """One spelling for every romanisation of a Japanese name: 'daiwa-shoji', 'daiwa-syoji'
    and 'daiwashouji' all become 'daiwasyozi'."""
    text = label.lower()
    for hepburn, kunrei in _ROMAJI:
        text = text.replace(hepburn, kunrei)
    text = _LONG.sub(lambda m: m.group(0)[0], _NASAL.sub("n", text))
    return skeleton(text.replace("-", ""))


def _added(name: str, known: str) -> bool:
    """``name`` is ``known`` with one of the usual words before or after it."""
    if name == known or not (name.startswith(known) or name.endswith(known)):
        return False
    rest = name[len(known) :] if name.startswith(known) else name[: -len(known)]
    return bool(_ADDED.match(rest))


def _label(domain: str) -> tuple[str, str]:
    """(registrable label, suffix): ('daiwa-shoji', 'co.jp')."""
    reg = registrable(domain)
    label, _, suffix = reg.partition(".")
    return label, suffix


HOW = {
    "suffix": N_("the same name under another suffix"),
    "confusable": N_("letters swapped for look-alikes"),
    "romanisation": N_("the same Japanese name romanised another way"),
    "added word": N_("the name with a word added"),
    "one edit": N_("one letter changed"),
}


@dataclass(frozen=True)
class Resemblance:
    known: str  # the real registrable domain
    how: str  # a key of HOW

    def evidence(self, domain: str) -> dict[str, str]:
        return {"domain": domain, "target": self.known, "technique": self.how, "how": gettext(HOW[self.how])}


#: above this many known domains, candidates come from an index instead of a pass over all
INDEXED_FROM = 64
#: a subdomain part longer than this is searched the slow way (its substrings are too many)
_SUB_INDEXED = 64


def resembles(domain: str, known: tuple[str, ...], index: KnownIndex | None = None) -> Resemblance | None:
    """How ``domain`` imitates one of the ``known`` domains, or None when it is one of them
    (or under one) or does not look like any. The known domains are tried in sorted order and
    the first that ``domain`` imitates is the answer; with many known (the correspondents
    history learns: thousands), only those an index says could match are tried — the same
    answer, without the pass over every one (15 ms a message at 5,000). A caller that keeps its
    known domains over many calls (the history) passes its own ``index`` of them, kept up to date
    with ``KnownIndex.add``; ``known`` is then not read."""
    domain = domain.lower().rstrip(".")
    reg = registrable(domain)
    if not reg or "." not in reg:
        return None
    if index is None and len(known) > INDEXED_FROM:
        index = _index(known)
    real = index.real if index is not None else {registrable(k) for k in known}
    if reg in real:
        return None
    label, _suffix = _label(domain)
    flat = label.replace("-", "")
    key = romaji_key(label)
    sub = re.sub(r"[-.]", "", domain[: -len(reg)])
    tried = real if index is None else index.candidates(flat, key, sub)
    for k in sorted(tried):
        found = _imitates(k, flat, key, sub)
        if found is not None:
            return found
    return None


def _imitates(k: str, flat: str, key: str, sub: str) -> Resemblance | None:
    """How a name (its label without hyphens ``flat``, its romanisation key, the letters of its
    subdomains ``sub``) imitates the known registrable domain ``k``, if it does."""
    k_label, _ = _label(k)
    k_flat = k_label.replace("-", "")
    if len(k_flat) < 4:
        return None
    if flat == k_flat:
        return Resemblance(k, "suffix")
    if skeleton(flat) == skeleton(k_flat):
        return Resemblance(k, "confusable")
    k_key = romaji_key(k_label)
    if key == k_key:
        return Resemblance(k, "romanisation")
    if len(k_flat) >= 5 and (_added(flat, k_flat) or _added(flat, romaji_key(k_flat))):
        return Resemblance(k, "added word")
    if len(k_flat) >= 5 and k_flat in sub:
        return Resemblance(k, "added word")  # daiwashoji.secure-mail.com
    if len(k_key) >= 6 and within_one_edit(key, k_key):
        return Resemblance(k, "one edit")
    return None


def _deletions(text: str) -> set[str]:
    return {text[:i] + text[i + 1 :] for i in range(len(text))}


class KnownIndex:
    """The known domains by every feature ``_imitates`` compares, so that a name's candidates
    are a few lookups: its label (suffix), skeleton (confusable), romanisation key, the name
    less an added word, the substrings of its subdomains, and — for one edit — the key and its
    one-letter deletions (two strings within one edit share one of those, an adjacent swap
    included). A superset of the domains ``_imitates`` accepts; each is then checked by it."""

    def __init__(self, known: Iterable[str] = ()) -> None:
        self.real: set[str] = set()
        self.by: dict[str, set[str]] = {}
        self.longest = 0  # of the keys indexed for one edit: a longer name is no edit of one
        for k in known:
            self.add(k)

    def add(self, known: str) -> None:
        k = registrable(known)
        if k in self.real:
            return
        self.real.add(k)
        k_label, _ = _label(k)
        k_flat = k_label.replace("-", "")
        if len(k_flat) < 4:
            return
        k_key = romaji_key(k_label)
        keys = ["f:" + k_flat, "s:" + skeleton(k_flat), "r:" + k_key]
        if len(k_flat) >= 5:
            keys += ["a:" + k_flat, "a:" + romaji_key(k_flat)]
        if len(k_key) >= 6:
            keys += ["e:" + v for v in _deletions(k_key) | {k_key}]
            self.longest = max(self.longest, len(k_key))
        for f in keys:
            self.by.setdefault(f, set()).add(k)

    def candidates(self, flat: str, key: str, sub: str) -> set[str]:
        by = self.by
        wanted = {"f:" + flat, "s:" + skeleton(flat), "r:" + key}
        for w in _ADDED_WORDS:
            if flat.endswith(w):
                wanted.add("a:" + flat[: -len(w)])
            if flat.startswith(w):
                wanted.add("a:" + flat[len(w) :])
        if len(key) <= self.longest + 1:  # a name longer than that is no one edit from any
            wanted |= {"e:" + v for v in _deletions(key) | {key}}
        out: set[str] = set()
        if len(sub) > _SUB_INDEXED:  # rare: every known name looked for in it
            out = {k for k in self.real if len(_label(k)[0].replace("-", "")) >= 5}
        else:
            for i in range(len(sub)):
                for j in range(i + 5, len(sub) + 1):
                    wanted.add("a:" + sub[i:j])
        for f in wanted:
            found = by.get(f)
            if found:
                out |= found
        return out


@lru_cache(maxsize=2)
def _index(known: tuple[str, ...]) -> KnownIndex:
    return KnownIndex(known)
