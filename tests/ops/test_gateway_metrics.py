"""The gateway's metrics: counted by outcome as messages pass (with the screen in the parent and
in a worker process), served on the metrics listener with /healthz and /readyz, and never a
sender, recipient or subject in a label."""

from __future__ import annotations

import asyncio
import smtplib

import httpx
import pytest

from mailwarden.core.metrics import MetricsListener
from tests.gateway.mail import mail
from tests.support.smtpsink import wait_until

pytestmark = pytest.mark.smtp

CARD = "4111 1111 1111 1111"
MY_NUMBER = "123456789018"


def send(port: int, data: bytes, rcpts: list[str]) -> int:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
        s.ehlo()
        s.mail("taro@example.co.jp")
        for r in rcpts:
            s.rcpt(r)
        return s.data(data)[0]


def value(gw, name: str, **labels: str) -> float:
    got = gw.gateway.metrics.registry.get_sample_value(name, labels)
    return 0.0 if got is None else got


@pytest.mark.parametrize("scan_processes", [0, 1], ids=["in-process", "worker-process"])
def test_messages_are_counted_by_outcome(start_gateway, sink, scan_processes):
    gw = start_gateway(scan_processes=scan_processes)
    assert send(gw.port, mail("予定の件です。"), ["hanako@example.co.jp"]) == 250
    assert send(gw.port, mail(f"マイナンバー {MY_NUMBER} です"), ["hanako@example.co.jp"]) == 550
    assert send(gw.port, mail(f"カード {CARD} で決済"), ["buyer@partner.example"]) == 250
    assert send(gw.port, mail("ご挨拶"), ["someone@partner.example"]) == 250  # delayed
    assert value(gw, "mailwarden_gateway_messages_received_total") == 4
    assert value(gw, "mailwarden_gateway_messages_total", outcome="deliver") == 1
    assert value(gw, "mailwarden_gateway_messages_total", outcome="block") == 1
    assert value(gw, "mailwarden_gateway_messages_total", outcome="hold") == 1
    assert value(gw, "mailwarden_gateway_messages_total", outcome="delay") == 1
    assert value(gw, "mailwarden_gateway_messages_total", outcome="tempfail") == 0
    assert value(gw, "mailwarden_gateway_screen_duration_seconds_count") == 4
    assert value(gw, "mailwarden_gateway_screen_failures_total") == 0
    sink.sink.wait(1)
    # the message delivered, and the notices the hold and the block sent (they are relayed too)
    wait_until(lambda: value(gw, "mailwarden_gateway_relay_recipients_total", status="sent") >= 1)
    spool = {s: value(gw, "mailwarden_gateway_spool_messages", state=s) for s in ("held", "delayed")}
    assert spool == {"held": 1, "delayed": 1}


def test_a_refused_recipient_counts_as_bounced(start_gateway, sink):
    sink.sink.refuse_rcpt = {"nobody@example.co.jp": "550 5.1.1 no such user"}
    gw = start_gateway()
    assert send(gw.port, mail("予定"), ["hanako@example.co.jp", "nobody@example.co.jp"]) == 250
    # sent: the accepted recipient, then the notice that tells the sender who refused the
    # message (relayed too, a moment later — so both are waited for, not read at once)
    wait_until(
        lambda: (
            value(gw, "mailwarden_gateway_relay_recipients_total", status="bounced") == 1
            and value(gw, "mailwarden_gateway_relay_recipients_total", status="sent") == 2
        )
    )
    assert value(gw, "mailwarden_gateway_relay_recipients_total", status="deferred") == 0


def test_the_listener_serves_metrics_and_probes_and_no_address(start_gateway, sink):
    gw = start_gateway()
    send(gw.port, mail(f"カード {CARD} で決済", subject="極秘の件"), ["buyer@partner.example"])
    g = gw.gateway
    listener = MetricsListener(
        "127.0.0.1", 0, g.metrics.registry, probes={"/healthz": g.liveness, "/readyz": g.readiness}
    ).start()
    try:
        base = f"http://127.0.0.1:{listener.port}"
        r = httpx.get(base + "/metrics", timeout=10)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
        assert 'mailwarden_gateway_messages_total{outcome="hold"} 1.0' in r.text
        assert 'mailwarden_gateway_spool_messages{state="held"} 1.0' in r.text
        for private in ("partner.example", "example.co.jp", "極秘", CARD):
            assert private not in r.text
        assert httpx.get(base + "/healthz", timeout=10).json() == {"status": "ok"}
        assert httpx.get(base + "/readyz", timeout=10).json() == {"status": "ready"}
        assert httpx.get(base + "/other", timeout=10).status_code == 404
        assert httpx.post(base + "/metrics", timeout=10).status_code == 405
    finally:
        listener.stop()


def test_readyz_fails_when_the_spool_is_full_or_the_listener_closed(start_gateway, sink):
    gw = start_gateway()
    assert gw.gateway.readiness() == (200, b'{"status": "ready"}')
    gw.gateway.spool.min_free = 1 << 62  # no disk has that much free: the gateway answers 451
    status, body = gw.gateway.readiness()
    assert status == 503 and b"spool full" in body
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=10) as s:
        s.ehlo()
        assert s.mail("taro@example.co.jp")[0] == 451
    assert value(gw, "mailwarden_gateway_spool_full_refusals_total") == 1
    assert value(gw, "mailwarden_gateway_messages_received_total") == 0
    gw.gateway.spool.min_free = 0

    async def close() -> None:  # the SMTP listener closes (as at shutdown); the fixture stops the rest
        gw.gateway._server.close()
        await gw.gateway._server.wait_closed()

    asyncio.run_coroutine_threadsafe(close(), gw.loop).result(30)
    status, body = gw.gateway.readiness()
    assert status == 503 and b"not listening" in body


def test_a_token_guards_the_listener(start_gateway, sink):
    gw = start_gateway()
    listener = MetricsListener("127.0.0.1", 0, gw.gateway.metrics.registry, token="s3cret-token").start()
    try:
        url = f"http://127.0.0.1:{listener.port}/metrics"
        assert httpx.get(url, timeout=10).status_code == 401
        assert httpx.get(url, headers={"Authorization": "Bearer wrong"}, timeout=10).status_code == 401
        ok = httpx.get(url, headers={"Authorization": "Bearer s3cret-token"}, timeout=10)
        assert ok.status_code == 200 and "mailwarden_gateway_messages_received_total 0.0" in ok.text
    finally:
        listener.stop()
