"""An event factory for the rates, reasons and alerts tests."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from mailwarden.deliverability.events import Event, Kind

_ids = itertools.count()


def events(
    kind: Kind,
    n: int,
    *,
    day: date,
    provider: str = "ses",
    domain: str = "example.co.jp",
    bounce: str = "",
    smtp_code: str = "",
    status: str = "",
    reason: str = "",
    recipient: str = "",
) -> list[Event]:
    start = datetime(day.year, day.month, day.day, 1, tzinfo=UTC)
    return [
        Event(
            provider,
            f"ev-{next(_ids)}",
            kind,
            start + timedelta(seconds=i),
            recipient=recipient or f"u{i}@example.jp",
            domain=domain,
            bounce=bounce,
            smtp_code=smtp_code,
            status=status,
            reason=reason,
        )
        for i in range(n)
    ]
