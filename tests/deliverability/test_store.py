"""Provider events into the store: each (provider, event id) once, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from mailwarden.deliverability.events import Event, Kind
from mailwarden.deliverability.models import DeliveryEvent
from mailwarden.deliverability.store import store_events


def _events(n: int, provider: str = "sendgrid", start: int = 0) -> list[Event]:
    at = datetime(2026, 12, 4, 23, 59, tzinfo=UTC)
    return [
        Event(
            provider,
            f"ev-{i}",
            Kind.BOUNCED,
            at + timedelta(minutes=i),
            recipient=f"u{i}@example.jp",
            domain="example.co.jp",
            bounce="hard",
            smtp_code="550",
            status="5.1.1",
            reason="user unknown",
        )
        for i in range(start, start + n)
    ]


def test_each_provider_event_is_stored_once(store):  # type: ignore[no-untyped-def]
    first = store_events(store, _events(3))
    assert (first.stored, first.duplicates) == (3, 0)
    # a redelivered batch with one new event, and an event twice in one batch
    again = store_events(store, [*_events(4), _events(1, start=3)[0]])
    assert (again.stored, again.duplicates) == (1, 4)
    # the same id from another provider is another event
    other = store_events(store, _events(1, provider="mailgun"))
    assert other.stored == 1
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(DeliveryEvent)) == 5
        row = s.scalars(select(DeliveryEvent).where(DeliveryEvent.event_id == "ev-1")).first()
    assert row is not None and row.kind == "bounced" and row.status == "5.1.1"
    # the day is the UTC day of the event: 23:59 on the 4th, then 00:00 on the 5th
    assert row.day == date(2026, 12, 5)


def test_a_large_batch_goes_in_one_call(store):  # type: ignore[no-untyped-def]
    result = store_events(store, _events(2500))
    assert result.stored == 2500
    assert store_events(store, _events(2500)).duplicates == 2500
    assert store_events(store, []).stored == 0
