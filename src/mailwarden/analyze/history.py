"""Newly seen link domains: the store remembers the registrable domain of every link in the
messages analysed with history on; a link to a domain never seen before raises
``url.new-domain`` — once the memory is warm (``WARM`` domains known), so a fresh install
does not call everything new."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update

from ..core.i18n import gettext
from ..core.store import Store
from ..domain.orgdomain import registrable
from .engine import decide, explain
from .model import Hit
from .models import SeenDomain
from .rules import Rules

WARM = 50
CODE = "url.new-domain"


class History:
    def __init__(self, store: Store, *, warm: int = WARM) -> None:
        self.store = store
        self.warm = warm

    def domains_of(self, result: dict[str, Any]) -> list[str]:
        out = []
        for u in result.get("urls", []):
            reg = registrable(u.get("host", ""))
            if reg and reg not in out:
                out.append(reg)
        return out[:100]

    def apply(self, result: dict[str, Any], rules: Rules) -> dict[str, Any]:
        """Add ``url.new-domain`` for unseen domains (when warm), re-decide, then remember them."""
        if "error" in result:
            return result
        domains = self.domains_of(result)
        if not domains:
            return result
        now = datetime.now(UTC)
        with self.store.session() as s:
            known_total = s.scalar(select(func.count()).select_from(SeenDomain)) or 0
            known = set(s.scalars(select(SeenDomain.domain).where(SeenDomain.domain.in_(domains))))
            new = [d for d in domains if d not in known]
            for d in known:
                s.execute(
                    update(SeenDomain)
                    .where(SeenDomain.domain == d)
                    .values(last_seen=now, messages=SeenDomain.messages + 1)
                )
            for d in new:
                s.add(SeenDomain(domain=d, first_seen=now, last_seen=now, messages=1))
        if known_total < self.warm or not new:
            return result
        hits = [Hit(sig["code"], dict(sig["evidence"])) for sig in result["signals"]]
        for d in new[:5]:
            hit = Hit(CODE, {"host": d})
            hits.append(hit)
            result["signals"].append(
                {
                    "code": CODE,
                    "category": rules.signals[CODE].category,
                    "weight": rules.weight(CODE),
                    "title": gettext(rules.signals[CODE].title),
                    "explanation": explain(rules, hit),
                    "evidence": {"host": d},
                }
            )
        result["verdict"], result["score"] = decide(rules, hits)
        return result
