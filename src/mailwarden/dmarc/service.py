"""What the console does with DMARC reports: list domains, ingest uploads."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..core.store import Store
from .ingest import Ingestor, Outcome, counts
from .models import AggregateReport

MAX_UPLOAD = 100 * 1024 * 1024


def domains(store: Store) -> list[dict[str, Any]]:
    q = (
        select(
            AggregateReport.policy_domain,
            func.count(),
            func.sum(AggregateReport.message_count),
            func.min(AggregateReport.begin),
            func.max(AggregateReport.end),
        )
        .group_by(AggregateReport.policy_domain)
        .order_by(func.sum(AggregateReport.message_count).desc())
    )
    with store.session() as s:
        return [
            {"domain": d, "reports": n, "messages": int(m or 0), "first": b, "last": e}
            for d, n, m, b, e in s.execute(q)
        ]


def ingest_upload(store: Store, files: list[tuple[str, bytes]]) -> dict[str, Any]:
    ingestor = Ingestor(store)
    outcomes: list[Outcome] = []
    for name, data in files:
        outcomes.extend(ingestor.ingest_bytes(name, data))
    return {"counts": counts(outcomes), "outcomes": [o.to_dict() for o in outcomes]}
