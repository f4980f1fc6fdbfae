"""SendGrid's Event Webhook: ECDSA P-256 signatures made with keys generated here, the
timestamp window, key rotation, and SendGrid's event array into events."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
from typing import Any

import pytest

from mailwarden.core.config import Settings
from mailwarden.deliverability.events import HookRequest, Kind, Rejected
from mailwarden.deliverability.providers.sendgrid import SendGridVerifier, build
from tests.support.esp_sign import sendgrid_event, sendgrid_events, sendgrid_keys, sendgrid_signed

NOW = 1_796_457_600
KEY, PUBLIC = sendgrid_keys()
OTHER, OTHER_PUBLIC = sendgrid_keys()


def request(
    headers: dict[str, str], body: bytes, *, now: int = NOW, query: dict[str, str] | None = None
) -> HookRequest:
    return HookRequest(
        provider="sendgrid",
        body=body,
        headers={k.lower(): v for k, v in headers.items()},
        client_ip="192.0.2.7",
        query=query or {"domain": "Example.JP"},
        received=dt.datetime.fromtimestamp(now, dt.UTC),
    )


def verifier(*keys: str, tolerance: int = 300) -> SendGridVerifier:
    built = build(Settings(hook_sendgrid_keys=",".join(keys or (PUBLIC,)), hook_tolerance=tolerance))
    assert built is not None
    return built


def verify(v: SendGridVerifier, req: HookRequest) -> None:
    asyncio.run(v.verify(req))


def rejected(v: SendGridVerifier, req: HookRequest) -> int:
    with pytest.raises(Rejected) as info:
        verify(v, req)
    return info.value.status


def test_signed_batch_verifies_and_parses_every_kind() -> None:
    events = sendgrid_events(8)
    events.append(sendgrid_event("unsubscribe", "quit@example.net", n=99))
    events.append(
        sendgrid_event(
            "bounce",
            "full@example.net",
            n=100,
            type="blocked",
            status="4.2.2",
            reason="452 4.2.2 mailbox full",
        )
    )
    headers, body = sendgrid_signed(KEY, events, NOW)
    v = verifier()
    req = request(headers, body)
    verify(v, req)
    parsed = v.parse(req)
    assert not parsed.ignored
    kinds = [e.kind for e in parsed.events]
    assert kinds == [
        Kind.SENT, Kind.DELIVERED, Kind.OPENED, Kind.CLICKED, Kind.BOUNCED,
        Kind.DEFERRED, Kind.COMPLAINED, Kind.REJECTED, Kind.UNSUBSCRIBED, Kind.BOUNCED,
    ]  # fmt: skip
    hard = parsed.events[4]
    assert (hard.bounce, hard.status, hard.smtp_code, hard.recipient) == (
        "hard",
        "5.1.1",
        "550",
        "user4@example.net",
    )
    assert "does not exist" in hard.reason
    soft = parsed.events[-1]
    assert (soft.bounce, soft.status, soft.smtp_code) == ("soft", "4.2.2", "452")
    deferred = parsed.events[5]
    assert (deferred.smtp_code, deferred.status) == ("421", "4.7.28")
    assert parsed.events[3].detail == "https://example.jp/sale"
    assert parsed.events[7].reason == "Bounced Address"
    assert {e.domain for e in parsed.events} == {"example.jp"}  # from ?domain=, lower-cased
    assert parsed.events[0].event_id == events[0]["sg_event_id"]
    assert parsed.events[0].message_id == events[0]["sg_message_id"]
    assert parsed.events[0].at == dt.datetime.fromtimestamp(NOW, dt.UTC)


def test_forged_tampered_and_wrong_key_are_refused() -> None:
    headers, body = sendgrid_signed(KEY, sendgrid_events(3), NOW)
    v = verifier()
    assert rejected(v, request(headers, body.replace(b"user1", b"user9"))) == 401
    other_headers, other_body = sendgrid_signed(OTHER, sendgrid_events(3), NOW)
    assert rejected(v, request(other_headers, other_body)) == 401
    forged = dict(
        headers,
        **{"X-Twilio-Email-Event-Webhook-Signature": base64.b64encode(b"\x30\x06" + b"\x00" * 6).decode()},
    )
    assert rejected(v, request(forged, body)) == 401
    garbage = dict(headers, **{"X-Twilio-Email-Event-Webhook-Signature": "%%%not base64"})
    assert rejected(v, request(garbage, body)) == 401
    # the signature covers the timestamp: the same signature under another timestamp fails
    moved = dict(headers, **{"X-Twilio-Email-Event-Webhook-Timestamp": str(NOW + 1)})
    assert rejected(v, request(moved, body)) == 401


def test_timestamp_window_both_directions() -> None:
    v = verifier(tolerance=300)
    headers, body = sendgrid_signed(KEY, sendgrid_events(1), NOW)
    verify(v, request(headers, body, now=NOW + 299))
    assert rejected(v, request(headers, body, now=NOW + 301)) == 401  # stale: a replay
    assert rejected(v, request(headers, body, now=NOW - 301)) == 401  # from the future


def test_missing_headers_are_400() -> None:
    headers, body = sendgrid_signed(KEY, sendgrid_events(1), NOW)
    v = verifier()
    for name in headers:
        if name.startswith("X-Twilio"):
            partial = {k: val for k, val in headers.items() if k != name}
            assert rejected(v, request(partial, body)) == 400
    assert (
        rejected(v, request(dict(headers, **{"X-Twilio-Email-Event-Webhook-Timestamp": "soon"}), body)) == 400
    )


def test_key_rotation_any_configured_key_verifies() -> None:
    v = verifier(OTHER_PUBLIC, PUBLIC)
    for key in (KEY, OTHER):
        headers, body = sendgrid_signed(key, sendgrid_events(2), NOW)
        verify(v, request(headers, body))
    third, _public = sendgrid_keys()
    headers, body = sendgrid_signed(third, sendgrid_events(2), NOW)
    assert rejected(v, request(headers, body)) == 401


def test_unknown_types_and_bad_fields_are_counted_the_rest_kept() -> None:
    events: list[Any] = sendgrid_events(2)
    events.append(sendgrid_event("group_resubscribe", n=50))
    events.append(dict(sendgrid_event("delivered", n=51), timestamp="yesterday"))
    events.append(dict(sendgrid_event("delivered", n=52), email=["not", "a", "string"]))
    events.append("not an object")
    headers, body = sendgrid_signed(KEY, events, NOW)
    v = verifier()
    req = request(headers, body)
    verify(v, req)
    parsed = v.parse(req)
    assert len(parsed.events) == 2
    assert parsed.ignored == {
        "unknown-type:group_resubscribe": 1,
        "bad-field:timestamp": 1,
        "bad-field:email": 1,
        "bad-field:event": 1,
    }


def test_event_without_id_gets_a_stable_derived_one() -> None:
    event = sendgrid_event("delivered", n=7)
    del event["sg_event_id"]
    headers, body = sendgrid_signed(KEY, [event, event], NOW)
    v = verifier()
    parsed = v.parse(request(headers, body))
    first, second = parsed.events
    assert first.event_id.startswith("sha256:") and first.event_id == second.event_id


def test_non_json_and_non_array_bodies() -> None:
    v = verifier()
    with pytest.raises(Rejected) as info:
        v.parse(request({}, b"<xml/>"))
    assert info.value.status == 400
    parsed = v.parse(request({}, b'{"event": "delivered"}'))
    assert not parsed.events and parsed.ignored == {"bad-field:body": 1}


def test_build_needs_keys_and_refuses_a_wrong_key() -> None:
    assert build(Settings(hook_sendgrid_keys="")) is None
    with pytest.raises(ValueError):
        build(Settings(hook_sendgrid_keys="bm90IGEga2V5"))
