"""Events into the store: each provider event id once (``INSERT … ON CONFLICT DO NOTHING`` on
the (provider, event_id) key, so a redelivered webhook or a replayed batch adds nothing), in
one statement per batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Insert
from sqlalchemy.dialects import postgresql, sqlite

from ..core.store import Store
from .events import Event
from .models import DeliveryEvent


@dataclass
class Stored:
    stored: int = 0
    duplicates: int = 0


def _insert(dialect: str) -> Insert:
    table = DeliveryEvent
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(constraint="uq_delivery_events_provider_event")
    return sqlite.insert(table).on_conflict_do_nothing(index_elements=["provider", "event_id"])


def row(event: Event, received: datetime) -> dict[str, Any]:
    at = event.at.astimezone(UTC)
    return {
        "provider": event.provider,
        "event_id": event.event_id,
        "kind": str(event.kind),
        "at": at,
        "day": at.date(),
        "domain": event.domain,
        "recipient": event.recipient,
        "bounce": event.bounce,
        "smtp_code": event.smtp_code,
        "status": event.status,
        "reason": event.reason,
        "message_id": event.message_id,
        "detail": event.detail,
        "received": received,
    }


def store_events(store: Store, events: Sequence[Event], *, received: datetime | None = None) -> Stored:
    """Store ``events`` in one transaction; those already stored (same provider and event id,
    also twice in ``events``) are counted as duplicates."""
    if not events:
        return Stored()
    received = received or datetime.now(UTC)
    unique: dict[tuple[str, str], Event] = {}
    for e in events:
        unique.setdefault((e.provider, e.event_id), e)
    rows = [row(e, received) for e in unique.values()]
    with store.session(write=True) as s:
        # RETURNING names the rows inserted: a conflicting one returns nothing (rowcount is not
        # summed over SQLAlchemy's multi-row VALUES batches)
        stmt = _insert(s.get_bind().dialect.name).returning(DeliveryEvent.id)
        inserted = len(s.execute(stmt, rows).all())
    return Stored(stored=inserted, duplicates=len(events) - inserted)
