"""Bounce reasons grouped by meaning (``reasons.yaml``): authentication, blocklist, rate
limited, content, mailbox full, unknown user, bad domain, too big, other.

The database counts each distinct (status, smtp_code, reason) of the window's bounces and
deferrals; only those distinct values are classified in Python."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import and_, func, select

from ..core.i18n import gettext as _
from ..core.store import Store
from .events import clip
from .models import DeliveryEvent

__all__ = ["Group", "ReasonGroup", "classify", "load_groups", "top_reasons"]

EXAMPLES = 3
EXAMPLE_LEN = 200


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    advice: str
    statuses: frozenset[str]
    smtp_codes: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, smtp_code: str, status: str, reason: str) -> bool:
        if status in self.statuses or smtp_code in self.smtp_codes:
            return True
        return any(p.search(reason) for p in self.patterns)


def _groups(data: dict[str, Any]) -> list[Group]:
    return [
        Group(
            g["id"],
            g["title"],
            g["advice"],
            frozenset(g.get("statuses", [])),
            frozenset(g.get("smtp_codes", [])),
            tuple(re.compile(p, re.IGNORECASE) for p in g.get("patterns", [])),
        )
        for g in data["groups"]
    ]


@cache
def load_groups(extra: Path | None = None) -> tuple[Group, ...]:
    """The built-in groups; ``extra`` (a YAML file of the same shape) adds groups or replaces
    those of the same id, tried before the built-in ones."""
    text = resources.files("mailwarden.deliverability").joinpath("reasons.yaml").read_text("utf-8")
    groups = _groups(yaml.safe_load(text))
    if extra is not None:
        added = _groups(yaml.safe_load(extra.read_text("utf-8")))
        ids = {g.id for g in added}
        groups = added + [g for g in groups if g.id not in ids]
    return tuple(groups)


def classify(smtp_code: str, status: str, reason: str, *, groups: Iterable[Group] | None = None) -> str:
    """The id of the first group matching; "other" when none does."""
    text = reason[:2000]  # bounded: the patterns run on a clipped text
    for g in groups if groups is not None else load_groups():
        if g.id != "other" and g.matches(smtp_code, status, text):
            return g.id
    return "other"


@dataclass
class ReasonGroup:
    id: str
    title: str
    advice: str
    count: int = 0
    examples: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "advice": self.advice,
            "count": self.count,
            "examples": self.examples,
        }


def top_reasons(
    store: Store,
    *,
    domain: str | None = None,
    since: date,
    until: date,
    limit: int = 10,
    groups: Iterable[Group] | None = None,
) -> list[ReasonGroup]:
    """Bounce and deferral reasons of the window, grouped by meaning, most frequent first."""
    t = DeliveryEvent
    conds = [t.day >= since, t.day <= until, t.kind.in_(("bounced", "deferred", "rejected"))]
    if domain is not None:
        conds.append(t.domain == domain.lower())
    stmt = (
        select(t.status, t.smtp_code, t.reason, func.count().label("n"))
        .where(and_(*conds))
        .group_by(t.status, t.smtp_code, t.reason)
        .order_by(func.count().desc())
    )
    gs = tuple(groups) if groups is not None else load_groups()
    by_id = {g.id: g for g in gs}
    out: dict[str, ReasonGroup] = {}
    shown = domain or "example.com"
    with store.session() as s:
        for status, code, reason, n in s.execute(stmt):
            gid = classify(code or "", status or "", reason or "", groups=gs)
            g = by_id[gid]
            rg = out.get(gid)
            if rg is None:
                rg = out[gid] = ReasonGroup(gid, _(g.title), _(g.advice).format(domain=shown))
            rg.count += int(n)
            if len(rg.examples) < EXAMPLES:
                rg.examples.append(clip(" ".join(x for x in (code, status, reason) if x), EXAMPLE_LEN))
    return sorted(out.values(), key=lambda r: -r.count)[:limit]
