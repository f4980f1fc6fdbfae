"""Webhooks: URLs refused, events filtered, deliveries signed and checked by a real receiver on
the loopback (plain HTTP and HTTPS with a test CA), retried with backoff after a 500, given up
after MAX_ATTEMPTS, redirects never followed — on SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import json
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from mailwarden.core.config import Settings
from mailwarden.core.errors import InputError
from mailwarden.simulate import webhooks
from mailwarden.simulate.models import SimCampaign, SimRecipient, SimWebhookDelivery

from .test_metrics import make_campaign

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


class Receiver:
    """A webhook receiver on the loopback: answers each POST with the next status of
    ``statuses`` (the last one repeats) and keeps what it got, checking the signature."""

    def __init__(self, statuses: list[int], tls: ssl.SSLContext | None = None, body: bytes = b"") -> None:
        self.statuses = list(statuses)
        self.answer = body
        self.got: list[dict[str, object]] = []
        self.secret = ""
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                stamp = self.headers.get("X-Mailwarden-Timestamp")
                signature = self.headers.get("X-Mailwarden-Signature")
                receiver.got.append(
                    {
                        "path": self.path,
                        "body": json.loads(body),
                        "valid": webhooks.verify_signature(
                            receiver.secret, body, stamp, signature, now=float(stamp or 0)
                        ),
                        "stamp": stamp,
                        "signature": signature,
                        "raw": body,
                    }
                )
                status = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                self.send_response(status)
                if status in (301, 302, 307, 308):
                    self.send_header("Location", "/elsewhere")
                answer = receiver.answer or (b"no" if status >= 300 else b"ok")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                # the sender may read what it wants of a large answer and hang up
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, scheme: str = "http", host: str = "127.0.0.1") -> str:
        return f"{scheme}://{host}:{self.server.server_address[1]}/hook"

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def settings(tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    return Settings(data_dir=tmp_path, secret_key="k" * 40)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver([500, 200]) as r:
        yield r


def _emit(store, event: str = "recipient.clicked") -> None:  # type: ignore[no-untyped-def]
    cid, recips = make_campaign(store, 1)
    with store.session() as s:
        c = s.get(SimCampaign, cid)
        r = s.get(SimRecipient, recips[0][0])
        webhooks.emit(s, event, webhooks.recipient_payload(c, r, at=T0))


def _due(store) -> datetime:  # type: ignore[no-untyped-def]
    """When the first delivery became due (its creation: the clock's now)."""
    return _deliveries(store)[0].next_at.replace(tzinfo=UTC)


def _deliveries(store) -> list[SimWebhookDelivery]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return list(s.scalars(select(SimWebhookDelivery).order_by(SimWebhookDelivery.id)))


@pytest.mark.parametrize(
    "url",
    [
        "ftp://127.0.0.1/x",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "gopher://127.0.0.1:70/",
        "http://hooks.example.com/x",  # plain http leaves the machine: refused
        "http://10.0.0.1/x",
        "https://user:pw@hooks.example.com/x",
        "https:///nohost",
        "https://hooks.example.com:99999/x",
        "",
        "https://" + "a" * 600 + ".example/",
    ],
)
def test_urls_refused(url: str) -> None:
    with pytest.raises(InputError):
        webhooks.check_url(url)


def test_urls_allowed() -> None:
    assert webhooks.check_url(" https://hooks.example.com/x#frag ") == "https://hooks.example.com/x"
    for url in ("http://127.0.0.1:8080/x", "http://[::1]/x", "http://localhost/x", "HTTPS://h.example/a?b=1"):
        assert webhooks.check_url(url)


def test_unknown_events_refused(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError):
        webhooks.add_webhook(store, "https://hooks.example.com/x", ["recipient.opened"])


def test_signed_delivery_retried_after_a_500(store, settings, receiver) -> None:  # type: ignore[no-untyped-def]
    made = webhooks.add_webhook(store, receiver.url(), ["recipient.clicked"])
    receiver.secret = made["secret"]
    webhooks.add_webhook(store, receiver.url().replace("/hook", "/other"), ["campaign.finished"])
    assert all("secret" not in w for w in webhooks.list_webhooks(store))
    _emit(store)
    [d] = _deliveries(store)  # only the webhook that takes recipient.clicked
    assert (d.event, d.status) == ("recipient.clicked", "pending")
    t0 = _due(store)

    first = webhooks.deliver_due(store, settings, t0)
    assert first == {"attempted": 1, "sent": 0, "retrying": 1, "failed": 0}
    [d] = _deliveries(store)
    assert d.attempts == 1 and d.status == "pending" and d.last_error.startswith("HTTP 500")
    assert d.next_at.replace(tzinfo=UTC) == t0 + timedelta(seconds=30)
    # not due yet: nothing is posted
    assert webhooks.deliver_due(store, settings, t0 + timedelta(seconds=29))["attempted"] == 0
    second = webhooks.deliver_due(store, settings, t0 + timedelta(seconds=30))
    assert second == {"attempted": 1, "sent": 1, "retrying": 0, "failed": 0}
    [d] = _deliveries(store)
    assert d.status == "sent" and d.attempts == 2 and d.last_error == ""

    assert len(receiver.got) == 2 and all(g["valid"] for g in receiver.got)
    body = receiver.got[1]["body"]
    assert isinstance(body, dict)
    assert body["event"] == "recipient.clicked" and body["id"] == d.id
    assert body["recipient"]["address"] == "user0@example.co.jp"
    assert body["campaign"]["name"] == "請求書の確認"
    assert receiver.got[0]["body"]["id"] == receiver.got[1]["body"]["id"]  # the same id on a retry
    # the signature covers the timestamp and the exact body
    got = receiver.got[1]
    raw, stamp, sig = got["raw"], str(got["stamp"]), str(got["signature"])
    assert isinstance(raw, bytes)
    assert sig == webhooks.sign(made["secret"], stamp, raw)
    assert not webhooks.verify_signature(made["secret"], raw + b" ", stamp, sig, now=float(stamp))
    assert not webhooks.verify_signature("other", raw, stamp, sig, now=float(stamp))
    assert not webhooks.verify_signature(made["secret"], raw, stamp, sig, now=float(stamp) + 301)
    assert not webhooks.verify_signature(made["secret"], raw, None, sig)
    listed = {w["id"]: w for w in webhooks.list_webhooks(store)}
    assert listed[made["webhook"]["id"]]["sent"] == 1


def test_given_up_after_max_attempts(store, settings) -> None:  # type: ignore[no-untyped-def]
    with Receiver([503]) as r:
        webhooks.add_webhook(store, r.url())
        _emit(store, "recipient.reported")
        now = _due(store)
        for attempt in range(1, webhooks.MAX_ATTEMPTS + 1):
            got = webhooks.deliver_due(store, settings, now)
            assert got["attempted"] == 1
            now += webhooks.backoff(attempt)
        assert got["failed"] == 1
        [d] = _deliveries(store)
        assert d.status == "failed" and d.attempts == webhooks.MAX_ATTEMPTS and "HTTP 503" in d.last_error
        assert webhooks.deliver_due(store, settings, now + timedelta(days=1))["attempted"] == 0
        assert len(r.got) == webhooks.MAX_ATTEMPTS
    assert [webhooks.backoff(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert webhooks.backoff(40) == timedelta(hours=6)


def test_redirects_are_not_followed(store, settings) -> None:  # type: ignore[no-untyped-def]
    with Receiver([302]) as r:
        webhooks.add_webhook(store, r.url())
        _emit(store)
        got = webhooks.deliver_due(store, settings, _due(store))
        assert got["retrying"] == 1
        assert [g["path"] for g in r.got] == ["/hook"]  # /elsewhere never asked
        assert "redirect" in _deliveries(store)[0].last_error


def test_disabled_and_removed_webhooks(store, settings) -> None:  # type: ignore[no-untyped-def]
    made = webhooks.add_webhook(store, "http://127.0.0.1:9/x")
    wid = made["webhook"]["id"]
    webhooks.set_enabled(store, wid, False)
    _emit(store)
    assert _deliveries(store) == []
    webhooks.set_enabled(store, wid, True)
    _emit(store)
    assert len(_deliveries(store)) == 1
    webhooks.remove_webhook(store, wid)
    assert _deliveries(store) == [] and webhooks.list_webhooks(store) == []
    with pytest.raises(InputError):
        webhooks.remove_webhook(store, wid)


def test_https_verified_with_the_ca_bundle(store, tmp_path, test_ca, ca_file) -> None:  # type: ignore[no-untyped-def]
    cert = test_ca.issue_cert("localhost", "127.0.0.1")
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(ctx)
    with Receiver([200], tls=ctx) as r:
        made = webhooks.add_webhook(store, r.url("https", "localhost"))
        r.secret = made["secret"]
        _emit(store)
        untrusted = Settings(data_dir=tmp_path, secret_key="k" * 40)
        t0 = _due(store)
        got = webhooks.deliver_due(store, untrusted, t0)
        assert got["retrying"] == 1 and r.got == []
        assert "certificate" in _deliveries(store)[0].last_error.lower()
        trusted = Settings(data_dir=tmp_path, secret_key="k" * 40, ca_bundle=ca_file)
        got = webhooks.deliver_due(store, trusted, t0 + timedelta(minutes=1))
        assert got["sent"] == 1 and r.got[0]["valid"]


def test_a_huge_error_answer_is_not_read_whole(store, settings) -> None:  # type: ignore[no-untyped-def]
    with Receiver([500], body=b"x" * 5_000_000) as r:
        webhooks.add_webhook(store, r.url())
        _emit(store)
        assert webhooks.deliver_due(store, settings, _due(store))["retrying"] == 1
        error = _deliveries(store)[0].last_error
        assert error.startswith("HTTP 500: xxx") and len(error) <= 300


def test_emit_by_id_for_the_sender_and_the_training_pages(store) -> None:  # type: ignore[no-untyped-def]
    webhooks.add_webhook(store, "http://127.0.0.1:9/x", ["recipient.trained", "campaign.finished"])
    cid, recips = make_campaign(store, 1)
    with store.session() as s:
        assert webhooks.emit_recipient(s, "recipient.trained", recips[0][0], at=T0) == 1
        assert webhooks.emit_recipient(s, "recipient.sent", recips[0][0]) == 0  # not taken by the webhook
        assert webhooks.emit_campaign(s, "campaign.finished", cid) == 1
        assert webhooks.emit_recipient(s, "recipient.trained", 424242) == 0
        with pytest.raises(ValueError):
            webhooks.emit(s, "recipient.opened", {})
    rows = _deliveries(store)
    assert [d.event for d in rows] == ["recipient.trained", "campaign.finished"]
    assert rows[0].payload["at"] == T0.isoformat() and rows[1].payload["campaign"]["id"] == cid
