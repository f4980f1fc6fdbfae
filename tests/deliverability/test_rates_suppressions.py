"""Recipients to suppress."""

from __future__ import annotations

from datetime import date, timedelta

from mailwarden.deliverability.events import Kind
from mailwarden.deliverability.store import store_events
from mailwarden.deliverability.suppressions import suppressions

from ._rates_support import events

D = date(2026, 12, 1)


def test_suppressions(store):  # type: ignore[no-untyped-def]
    store_events(store, events(Kind.BOUNCED, 1, day=D, bounce="hard", recipient="gone@example.jp"))
    store_events(store, events(Kind.BOUNCED, 1, day=D, bounce="hard", recipient="twice@example.jp"))
    store_events(store, events(Kind.COMPLAINED, 1, day=D + timedelta(days=2), recipient="twice@example.jp"))
    store_events(store, events(Kind.UNSUBSCRIBED, 1, day=D + timedelta(days=1), recipient="bye@example.jp"))
    # soft: three times over three days → suppressed; three times on one day → not
    for i in range(3):
        store_events(
            store,
            events(Kind.BOUNCED, 1, day=D + timedelta(days=i), bounce="soft", recipient="full@example.jp"),
        )
    store_events(store, events(Kind.BOUNCED, 3, day=D, bounce="soft", recipient="busy@example.jp"))
    store_events(
        store, events(Kind.BOUNCED, 1, day=D, bounce="hard", recipient="x@example.jp", domain="other.example")
    )
    got = suppressions(store, domain="example.co.jp")
    assert [(s.recipient, s.why) for s in got] == [
        ("twice@example.jp", "complaint"),
        ("full@example.jp", "repeated_soft_bounce"),
        ("bye@example.jp", "unsubscribe"),
        ("gone@example.jp", "hard_bounce"),
    ]
    assert got[1].count == 3 and got[0].to_dict()["at"].startswith("2026-12-03")
    assert [s.recipient for s in suppressions(store, since=D + timedelta(days=2))] == ["twice@example.jp"]
    assert {s.recipient for s in suppressions(store)} >= {"x@example.jp", "gone@example.jp"}
