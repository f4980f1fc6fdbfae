"""The domains lookalikes are measured against: the organisation's own and the brands'."""

from __future__ import annotations

import re

from .lookalike import place_named, target_table
from .rules import Brand, Rules

_CACHE: dict[int, dict[str, str]] = {}


def targets(rules: Rules) -> dict[str, str]:
    key = id(rules)
    table = _CACHE.get(key)
    if table is None:
        # a brand's domain named after its place (a local government's) is no name to imitate:
        # a newspaper named after the same city is no lookalike; the organisation's own and its
        # correspondents' domains are targets whatever they are called
        brands = (d for b in rules.brands for d in b.domains if not place_named(d))
        domains = [*rules.own_domains, *rules.correspondents, *brands]
        table = target_table(domains)
        _CACHE.clear()
        _CACHE[key] = table
    return table


_INDEXES: dict[int, BrandIndex] = {}
_WORD = re.compile(r"[A-Za-z0-9]+(?:['&!+-][A-Za-z0-9]+)*")


class BrandIndex:
    """Every brand name and alias, looked up without one giant alternation (which costs
    milliseconds on a long body): Latin names token by token through a dict keyed by their
    first word, other names (Japanese) only where a character that starts one of them stands.
    Names that are everyday words ("LINE", "Chase") match only as written; the rest case-folded."""

    def __init__(self, brands: tuple[Brand, ...]) -> None:
        self.latin: dict[str, list[tuple[tuple[str, ...], Brand, bool]]] = {}
        #: first non-ASCII character → (name, its offset in the name, brand)
        self.other: dict[str, list[tuple[str, int, Brand]]] = {}
        for b in brands:
            for w in (b.name, *b.aliases):
                if w.isascii():
                    exact = b.generic
                    words = tuple(_WORD.findall(w if exact else w.casefold()))
                    if words and (len(w) >= 3):
                        key = words[0]
                        self.latin.setdefault(key, []).append((words, b, exact))
                else:
                    name = w.casefold()
                    at = next(i for i, ch in enumerate(name) if not ch.isascii())
                    self.other.setdefault(name[at], []).append((name, at, b))
        for entries in self.latin.values():
            entries.sort(key=lambda e: -len(e[0]))
        for names in self.other.values():
            names.sort(key=lambda e: -len(e[0]))
        self.folded_keys = frozenset(k for k, es in self.latin.items() if any(not e[2] for e in es))
        self.exact_keys = frozenset(k for k, es in self.latin.items() if any(e[2] for e in es))
        starts = "".join(sorted(self.other))
        self.other_start = re.compile("[" + re.escape(starts) + "]") if starts else None

    def first(self, text: str) -> Brand | None:
        folded = text.casefold()
        found = self._latin(text, folded)
        if self.other_start is not None:
            for m in self.other_start.finditer(folded):
                at = m.start()
                if found and at >= found[0]:
                    break
                hit = next(
                    (
                        b
                        for n, off, b in self.other[m.group(0)]
                        if at >= off and folded.startswith(n, at - off)
                    ),
                    None,
                )
                if hit is not None:
                    return hit
        return found[1] if found else None

    def _latin(self, text: str, folded: str) -> tuple[int, Brand] | None:
        # the common case, no brand at all, costs two findall calls and two set tests in C
        best: tuple[int, Brand] | None = None
        for source, exact, keys in ((folded, False, self.folded_keys), (text, True, self.exact_keys)):
            seq = _WORD.findall(source)
            if keys.isdisjoint(seq):
                continue
            for i, word in enumerate(seq):
                if word not in keys:
                    continue
                entries = self.latin[word]
                hit = next(
                    (b for name, b, ex in entries if ex == exact and tuple(seq[i : i + len(name)]) == name),
                    None,
                )
                if hit is not None:
                    at = next(m.start() for j, m in enumerate(_WORD.finditer(source)) if j == i)
                    if best is None or at < best[0]:
                        best = (at, hit)
                    break
        return best


def brand_named(rules: Rules, text: str) -> Brand | None:
    """The first brand named in ``text``: Latin names as whole words (3+ letters) and
    case-folded, others anywhere; names that are everyday words ("LINE", "Chase") only as
    written."""
    index = _INDEXES.get(id(rules))
    if index is None:
        index = BrandIndex(rules.brands)
        _INDEXES.clear()
        _INDEXES[id(rules)] = index
    return index.first(text)


_OWNERS: dict[int, tuple[Rules, dict[str, Brand]]] = {}


def brand_domain(rules: Rules, domain: str) -> tuple[Brand, str] | None:
    """The brand whose real domains hold ``domain`` (the domain itself or one it is under), and
    the listed domain that holds it, the most specific first — through an index by domain, not
    a walk over every brand's list. A domain listed by two brands is the one's that lists it
    first among its domains (bestbuy.com is Best Buy's, though Geek Squad lists it too)."""
    entry = _OWNERS.get(id(rules))
    if entry is None or entry[0] is not rules:
        index: dict[str, Brand] = {}
        for b in rules.brands:
            if b.domains:
                index.setdefault(b.domains[0], b)
        for b in rules.brands:
            for d in b.domains:
                index.setdefault(d, b)
        _OWNERS.clear()
        _OWNERS[id(rules)] = entry = (rules, index)
    labels = domain.lower().rstrip(".").split(".")
    for i in range(len(labels)):
        listed = ".".join(labels[i:])
        brand = entry[1].get(listed)
        if brand is not None:
            return brand, listed
    return None


def brand_owning(rules: Rules, domain: str) -> Brand | None:
    found = brand_domain(rules, domain)
    return found[0] if found else None


# a name's letters spaced out, one separator each: "C o i n b a s e", "N.e.t.f.l.i.x"
_SPACED = re.compile(r"(?<![A-Za-z])[A-Za-z](?:[ .\-_*·][A-Za-z]){3,}(?![A-Za-z])")
_SEPARATOR = re.compile(r"[ .\-_*·]")
_CAMEL_WORD = re.compile(r"[A-Za-z]{5,40}")
_HUMP = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")


def brand_disguised(rules: Rules, text: str) -> Brand | None:
    """A brand's name written so that a filter reading words misses it and a reader does not:
    its letters spaced out ("C o i n b a s e"), or run together with a role word in one word
    ("MetaMaskTeam", "PayPalSupport"). Only in short texts (a display name, a subject)."""
    text = text[:300]
    for m in _SPACED.finditer(text):
        brand = brand_named(rules, _SEPARATOR.sub("", m.group(0)))
        if brand is not None:
            return brand
    for m in _CAMEL_WORD.finditer(text):
        humps = _HUMP.findall(m.group(0))
        if len(humps) < 2 or "".join(humps) != m.group(0):
            continue
        for cut in range(1, len(humps)):
            head, tail = humps[:cut], humps[cut:]
            for name, rest in (("".join(head), tail), ("".join(tail), head)):
                if all(h.casefold() in rules.brand_role_words for h in rest):
                    brand = brand_named(rules, name)
                    # an everyday word run into another ("ChaseCenter", "OrangeHelp") is a name
                    if brand is not None and not brand.generic:
                        return brand
    return None
