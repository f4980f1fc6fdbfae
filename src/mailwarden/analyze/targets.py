"""The domains lookalikes are measured against: the organisation's own and the brands'."""

from __future__ import annotations

from .lookalike import target_table
from .rules import Rules

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
