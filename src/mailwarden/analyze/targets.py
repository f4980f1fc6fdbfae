"""The domains lookalikes are measured against: the organisation's own and the brands'."""

from __future__ import annotations

import re

from .lookalike import target_table
from .rules import Brand, Rules

_CACHE: dict[int, dict[str, str]] = {}


def targets(rules: Rules) -> dict[str, str]:
    key = id(rules)
    table = _CACHE.get(key)
    if table is None:
        domains = list(rules.own_domains) + [d for b in rules.brands for d in b.domains]
        table = target_table(domains)
        _CACHE.clear()
        _CACHE[key] = table
    return table


_MATCHERS: dict[int, tuple[re.Pattern[str], dict[str, Brand]]] = {}


def brand_named(rules: Rules, folded_text: str) -> Brand | None:
    """The first brand named in casefolded text: Latin names on word boundaries (3+ letters),
    others anywhere. One compiled pattern for all brands."""
    key = id(rules)
    entry = _MATCHERS.get(key)
    if entry is None:
        words: dict[str, Brand] = {}
        for b in rules.brands:
            for w in (b.name, *b.aliases):
                f = w.casefold()
                if (len(f) >= 3 or not f.isascii()) and f not in words:
                    words[f] = b
        parts = []
        for f in sorted(words, key=len, reverse=True):
            esc = re.escape(f)
            parts.append(rf"(?<!\w){esc}(?!\w)" if f.isascii() else esc)
        entry = (re.compile("|".join(parts)), words)
        _MATCHERS.clear()
        _MATCHERS[key] = entry
    pattern, table = entry
    m = pattern.search(folded_text)
    return table.get(m.group(0)) if m else None
