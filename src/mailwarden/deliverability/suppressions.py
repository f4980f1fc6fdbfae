"""Recipients to suppress: hard bounces, complaints and unsubscribes (each recipient once, the
latest reason), and soft bounces only when repeated — at least 3 over at least 3 different days
(one full mailbox on one day is not a dead address)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, distinct, func, or_, select

from ..core.store import Store
from .models import DeliveryEvent

__all__ = ["SOFT_DAYS", "SOFT_MIN", "Suppression", "suppressions"]

SOFT_MIN = 3
SOFT_DAYS = 3


@dataclass
class Suppression:
    recipient: str
    why: str  # hard_bounce, complaint, unsubscribe, repeated_soft_bounce
    at: datetime  # the latest such event
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"recipient": self.recipient, "why": self.why, "at": self.at.isoformat(), "count": self.count}


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)  # SQLite gives naive UTC


def suppressions(store: Store, *, domain: str | None = None, since: date | None = None) -> list[Suppression]:
    """Latest first; a recipient with several reasons is listed once, under its latest."""
    t = DeliveryEvent
    base = [t.recipient != ""]
    if domain is not None:
        base.append(t.domain == domain.lower())
    if since is not None:
        base.append(t.day >= since)
    hard = and_(t.kind == "bounced", t.bounce == "hard")
    firm = (
        select(t.recipient, t.kind, func.max(t.at), func.count())
        .where(and_(*base, or_(hard, t.kind.in_(("complained", "unsubscribed")))))
        .group_by(t.recipient, t.kind)
    )
    soft = (
        select(t.recipient, func.max(t.at), func.count())
        .where(and_(*base, t.kind == "bounced", t.bounce != "hard"))
        .group_by(t.recipient)
        .having(and_(func.count() >= SOFT_MIN, func.count(distinct(t.day)) >= SOFT_DAYS))
    )
    why = {"bounced": "hard_bounce", "complained": "complaint", "unsubscribed": "unsubscribe"}
    best: dict[str, Suppression] = {}
    with store.session() as s:
        rows = [(r, why[k], _utc(at), int(n)) for r, k, at, n in s.execute(firm)]
        rows += [(r, "repeated_soft_bounce", _utc(at), int(n)) for r, at, n in s.execute(soft)]
    for recipient, reason, at, n in rows:
        old = best.get(recipient)
        if old is None or at > old.at:
            best[recipient] = Suppression(recipient, reason, at, n)
    return sorted(best.values(), key=lambda x: (x.at, x.recipient), reverse=True)
