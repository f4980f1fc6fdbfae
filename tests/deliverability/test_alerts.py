"""Alerts by mail (a real aiosmtpd sink) and signed webhook (a real HTTP server), once only."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, date, datetime
from email import message_from_bytes
from email.policy import default

from sqlalchemy import select

from mailwarden.core.config import Settings
from mailwarden.deliverability.alerts import check_alerts
from mailwarden.deliverability.events import Kind
from mailwarden.deliverability.models import DeliveryAlert
from mailwarden.deliverability.store import store_events
from tests.support.nsd import free_port
from tests.support.smtpsink import SinkServer

from ._rates_support import Recorder, events

D = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
SECRET = "s3cret-for-tests"


def _settings(relay: int, url: str) -> Settings:
    return Settings(
        feedback_relay=f"127.0.0.1:{relay}",
        feedback_relay_security="none",
        feedback_from="mailwarden@example.jp",
        alert_mail_to="ops@example.jp",
        alert_webhook_url=url,
        alert_webhook_secret=SECRET,
    )


def _bad_day(store) -> None:  # type: ignore[no-untyped-def]
    store_events(store, events(Kind.SENT, 1000, day=D))
    store_events(store, events(Kind.BOUNCED, 45, day=D, bounce="hard"))  # 4.5 %: warning ("near")


def _verify(headers: dict[str, str], body: bytes) -> bool:
    parts = dict(p.split("=", 1) for p in headers["x-mailwarden-signature"].split(","))
    mac = hmac.new(SECRET.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(mac, parts["v1"])


def test_alert_mailed_and_posted_once(store):  # type: ignore[no-untyped-def]
    _bad_day(store)
    sink = SinkServer().start()
    try:
        with Recorder() as hook:
            settings = _settings(sink.port, hook.url)
            sent = check_alerts(store, settings, now=NOW)
            # the day's and the 7-day window's hard bounce rate, both at warning
            assert sorted(a.metric for a in sent) == ["hard_bounce_rate", "hard_bounce_rate_7d"]
            assert all(a.channels == {"mail": "sent", "webhook": "sent"} for a in sent)
            assert check_alerts(store, settings, now=NOW) == []  # a second run sends nothing
            assert len(hook.posts) == 2
            headers, body = hook.posts[0]
            assert _verify(headers, body)
            assert not _verify(headers, body + b" ")
            payload = json.loads(body)
            assert payload["alert"]["level"] == "warning" and payload["alert"]["rate"] == 0.045
        mails = sink.sink.wait(2)
        assert len(mails) == 2 and mails[0].rcpt_tos == ["ops@example.jp"]
        msg = message_from_bytes(mails[0].data, policy=default)
        assert "example.co.jp" in msg["Subject"] and "4.50%" in msg["Subject"]
        text = msg.get_content()
        assert "4.50%" in text and "4.00%" in text
        assert "ハードバウンス" in text or "警告" in str(msg["Subject"])
    finally:
        sink.stop()


def test_dry_run_sends_and_stores_nothing(store):  # type: ignore[no-untyped-def]
    _bad_day(store)
    found = check_alerts(store, _settings(free_port(), "http://127.0.0.1:9/x"), now=NOW, dry_run=True)
    assert len(found) == 2
    with store.session() as s:
        assert s.scalars(select(DeliveryAlert)).all() == []


def test_failed_webhook_is_retried_next_run(store):  # type: ignore[no-untyped-def]
    _bad_day(store)
    sink = SinkServer().start()
    try:
        down = free_port()  # nothing listens there
        first = check_alerts(store, _settings(sink.port, f"http://127.0.0.1:{down}/hook"), now=NOW)
        assert all(a.channels["webhook"].startswith("failed") and a.channels["mail"] == "sent" for a in first)
        with store.session() as s:
            rows = s.scalars(select(DeliveryAlert)).all()
            assert all(r.channels["webhook"].startswith("failed") for r in rows)
        with Recorder() as hook:
            again = check_alerts(store, _settings(sink.port, hook.url), now=NOW)
            assert [a.new for a in again] == [False, False]
            assert len(hook.posts) == 2 and all(_verify(h, b) for h, b in hook.posts)
            assert check_alerts(store, _settings(sink.port, hook.url), now=NOW) == []
        assert len(sink.sink.wait(2)) == 2  # the mail was not sent again
        with store.session() as s:
            assert all(
                r.channels == {"mail": "sent", "webhook": "sent"} for r in s.scalars(select(DeliveryAlert))
            )
    finally:
        sink.stop()


def test_too_few_messages_never_alert(store):  # type: ignore[no-untyped-def]
    store_events(store, events(Kind.SENT, 10, day=D))
    store_events(store, events(Kind.BOUNCED, 9, day=D, bounce="hard"))
    assert check_alerts(store, _settings(free_port(), "http://127.0.0.1:9/x"), now=NOW, dry_run=True) == []


def test_postmaster_spam_rate_alerts_under_gmail_rule(store):  # type: ignore[no-untyped-def]
    from mailwarden.deliverability.models import PostmasterStat

    with store.session(write=True) as s:
        s.add(
            PostmasterStat(
                domain="example.co.jp", day=date(2026, 11, 30), spam_rate=0.0041, metrics={}, compliance={}
            )
        )
        s.add(
            PostmasterStat(
                domain="ok.example", day=date(2026, 11, 30), spam_rate=0.0002, metrics={}, compliance={}
            )
        )
    found = check_alerts(store, _settings(free_port(), "http://127.0.0.1:9/x"), now=NOW, dry_run=True)
    assert [(a.domain, a.provider, a.metric, a.level, a.day) for a in found] == [
        ("example.co.jp", "gmail", "postmaster_spam_rate", "critical", date(2026, 11, 30))
    ]
