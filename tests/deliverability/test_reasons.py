"""Bounce reasons grouped by meaning."""

from __future__ import annotations

from datetime import date

import pytest

from mailwarden.core.i18n import language
from mailwarden.deliverability.events import Kind
from mailwarden.deliverability.reasons import classify, load_groups, top_reasons
from mailwarden.deliverability.store import store_events

from ._rates_support import events

D = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("code", "status", "reason", "group"),
    [
        ("550", "5.7.26", "Unauthenticated email from example.jp is not accepted", "authentication"),
        ("550", "5.7.1", "rejected due to DMARC policy", "authentication"),
        (
            "550",
            "5.7.515",
            "Access denied, sending domain does not meet the required authentication level",
            "authentication",
        ),
        ("550", "5.7.25", "The IP address sending this message does not have a PTR record", "authentication"),
        (
            "554",
            "5.7.1",
            "Service unavailable; Client host [1.2.3.4] blocked using zen.spamhaus.org",
            "blocklist",
        ),
        ("550", "5.7.1", "Message rejected as spam", "content"),
        ("552", "5.2.2", "The email account that you tried to reach is over quota", "mailbox_full"),
        ("452", "4.2.2", "mailbox full", "mailbox_full"),
        ("550", "5.1.1", "The email account that you tried to reach does not exist", "unknown_user"),
        ("550", "", "No such user here", "unknown_user"),
        ("550", "5.1.2", "", "bad_domain"),
        ("550", "5.4.4", "Host not found", "bad_domain"),
        ("421", "4.7.28", "unusual rate of unsolicited mail", "rate_limited"),
        ("421", "4.7.0", "Try again later", "rate_limited"),
        ("552", "5.3.4", "Message size exceeds fixed limit", "too_big"),
        ("550", "", "go away", "other"),
        ("", "", "", "other"),
    ],
)
def test_classify(code: str, status: str, reason: str, group: str) -> None:
    assert classify(code, status, reason) == group


def test_a_huge_reason_is_classified_in_bounded_time() -> None:
    assert classify("550", "", "x" * 1_000_000) == "other"


def test_an_extra_file_adds_groups_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "extra.yaml"
    extra.write_text("groups:\n  - id: ours\n    title: Ours\n    advice: Do it\n    patterns: ['go away']\n")
    assert classify("550", "", "go away", groups=load_groups(extra)) == "ours"


def test_top_reasons_counts_groups_with_examples(store):  # type: ignore[no-untyped-def]
    store_events(
        store,
        events(Kind.BOUNCED, 5, day=D, bounce="hard", smtp_code="550", status="5.1.1", reason="user unknown"),
    )
    store_events(
        store,
        events(Kind.BOUNCED, 3, day=D, bounce="hard", smtp_code="550", status="5.7.26", reason="DMARC fail"),
    )
    store_events(
        store, events(Kind.DEFERRED, 2, day=D, smtp_code="421", status="4.7.0", reason="try again later")
    )
    store_events(store, events(Kind.DELIVERED, 50, day=D))
    with language("en"):
        groups = top_reasons(store, domain="example.co.jp", since=D, until=D)
    assert [(g.id, g.count) for g in groups] == [
        ("unknown_user", 5),
        ("authentication", 3),
        ("rate_limited", 2),
    ]
    auth = groups[1]
    assert "mailwarden domain check example.co.jp" in auth.advice
    assert "mailwarden dmarc advise example.co.jp" in auth.advice
    assert "/domains?domain=example.co.jp" in auth.advice
    assert auth.examples == ["550 5.7.26 DMARC fail"]
    assert top_reasons(store, since=D, until=D, limit=1)[0].id == "unknown_user"
