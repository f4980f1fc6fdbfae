"""Resend's webhooks (Svix): signatures made with secrets generated here — and checked against
Svix's own library both ways — the timestamp window, secret rotation, events per recipient."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import hmac
from typing import Any

import pytest

from mailwarden.core.config import Settings
from mailwarden.deliverability.events import HookRequest, Kind, Rejected
from mailwarden.deliverability.providers.resend import ResendVerifier, build
from tests.support.esp_sign import resend_event, resend_secret, resend_signed

NOW = 1_796_457_600
SECRET, OTHER = resend_secret(), resend_secret()


def request(headers: dict[str, str], body: bytes, *, now: int = NOW) -> HookRequest:
    return HookRequest("resend", body, {k.lower(): v for k, v in headers.items()}, "192.0.2.7", {},
                       dt.datetime.fromtimestamp(now, dt.UTC))  # fmt: skip


def verifier(*secrets: str) -> ResendVerifier:
    built = build(Settings(hook_resend_secrets=",".join(secrets or (SECRET,)), hook_tolerance=300))
    assert built is not None
    return built


def status(v: ResendVerifier, req: HookRequest) -> int:
    with pytest.raises(Rejected) as info:
        asyncio.run(v.verify(req))
    return info.value.status


def test_signed_bounce_verifies_and_parses_per_recipient() -> None:
    payload = resend_event("email.bounced", ["A@Example.NET", "b@example.net"])
    headers, body = resend_signed(SECRET, payload, "msg_2Jk", NOW)
    v = verifier()
    req = request(headers, body)
    asyncio.run(v.verify(req))
    parsed = v.parse(req)
    assert [e.event_id for e in parsed.events] == ["msg_2Jk:0", "msg_2Jk:1"]
    first = parsed.events[0]
    assert (first.kind, first.bounce, first.smtp_code, first.status) == (Kind.BOUNCED, "hard", "550", "5.1.1")
    assert (first.recipient, first.domain, first.provider) == ("a@example.net", "example.jp", "resend")
    assert first.at == dt.datetime(2026, 12, 5, 8, 0, 5, tzinfo=dt.UTC)
    assert first.message_id == payload["data"]["email_id"]
    assert first.reason == payload["data"]["bounce"]["message"] and first.detail == "General"
    assert parsed.events[1].recipient == "b@example.net" and not parsed.ignored


@pytest.mark.parametrize(
    ("kind", "expected", "detail"),
    [
        ("email.sent", Kind.SENT, ""),
        ("email.delivered", Kind.DELIVERED, ""),
        ("email.delivery_delayed", Kind.DEFERRED, ""),
        ("email.complained", Kind.COMPLAINED, ""),
        ("email.opened", Kind.OPENED, ""),
        ("email.clicked", Kind.CLICKED, "https://example.jp/sale"),
        ("email.failed", Kind.REJECTED, ""),
    ],
)
def test_event_types(kind: str, expected: Kind, detail: str) -> None:
    headers, body = resend_signed(SECRET, resend_event(kind), "msg_1", NOW)
    (event,) = verifier().parse(request(headers, body)).events
    assert (event.kind, event.detail, event.event_id) == (expected, detail, "msg_1")
    if kind == "email.failed":
        assert event.reason == "reached_daily_quota"


def test_soft_bounce() -> None:
    payload = resend_event("email.bounced", bounce={"message": "452 4.2.2 mailbox full", "type": "Transient"})
    headers, body = resend_signed(SECRET, payload, "msg_s", NOW)
    (event,) = verifier().parse(request(headers, body)).events
    assert (event.bounce, event.smtp_code, event.status) == ("soft", "452", "4.2.2")


def test_forged_tampered_stale_and_missing() -> None:
    v = verifier()
    headers, body = resend_signed(SECRET, resend_event(), "msg_f", NOW)
    assert status(v, request(headers, body.replace(b"taro", b"jiro"))) == 401
    other_headers, other_body = resend_signed(OTHER, resend_event(), "msg_f", NOW)
    assert status(v, request(other_headers, other_body)) == 401
    assert status(v, request(dict(headers, **{"svix-id": "msg_g"}), body)) == 401  # the id is signed
    assert status(v, request(headers, body, now=NOW + 301)) == 401
    assert status(v, request(headers, body, now=NOW - 301)) == 401
    for name in ("svix-id", "svix-timestamp", "svix-signature"):
        assert status(v, request({k: x for k, x in headers.items() if k != name}, body)) == 400
    assert status(v, request(dict(headers, **{"svix-signature": "v1,%%% v2,abc"}), body)) == 401


def test_rotation_any_secret_and_any_signature() -> None:
    v = verifier(OTHER, SECRET)
    headers, body = resend_signed(SECRET, resend_event(), "msg_r", NOW)
    asyncio.run(v.verify(request(headers, body)))
    # during Resend's own rotation the header carries two signatures: one good one is enough
    _h, _b = resend_signed(resend_secret(), resend_event(), "msg_r", NOW)
    both = dict(headers, **{"svix-signature": f"{_h['svix-signature']} {headers['svix-signature']}"})
    asyncio.run(verifier().verify(request(both, body)))


def test_unknown_types_and_bad_fields_are_counted() -> None:
    v = verifier()
    T = "2026-12-05T08:00:00Z"
    cases: list[tuple[dict[str, Any], str]] = [
        ({"type": "contact.created", "created_at": T, "data": {}}, "unknown-type:contact.created"),
        ({"type": "email.sent", "created_at": T, "data": "x"}, "bad-field:data"),
        ({"type": "email.sent", "created_at": "soon", "data": {"to": ["a@b.jp"]}}, "bad-field:created_at"),
        ({"data": {}}, "bad-field:type"),
    ]  # fmt: skip
    for payload, key in cases:
        headers, body = resend_signed(SECRET, payload, "msg_u", NOW)
        parsed = v.parse(request(headers, body))
        assert not parsed.events and parsed.ignored == {key: 1}


def test_build_refuses_a_secret_it_cannot_use() -> None:
    assert build(Settings(hook_resend_secrets="")) is None
    for bad in ("not-whsec", "whsec_%%%", "whsec_c2hvcnQ="):
        with pytest.raises(ValueError):
            build(Settings(hook_resend_secrets=bad))


def test_agrees_with_svix_both_ways() -> None:
    """An outside check: Svix's own library verifies what we sign, and we verify what it signs."""
    webhooks = pytest.importorskip("svix.webhooks")
    now = int(dt.datetime.now(dt.UTC).timestamp())
    headers, body = resend_signed(SECRET, resend_event(), "msg_svix", now)
    webhooks.Webhook(SECRET).verify(body, headers)  # raises WebhookVerificationError if not
    payload = body.decode()
    signature = webhooks.Webhook(SECRET).sign("msg_svix2", dt.datetime.fromtimestamp(now, dt.UTC), payload)
    theirs = {"svix-id": "msg_svix2", "svix-timestamp": str(now), "svix-signature": signature}
    asyncio.run(verifier().verify(request(theirs, body, now=now)))
    with pytest.raises(webhooks.WebhookVerificationError):
        webhooks.Webhook(OTHER).verify(body, headers)


def test_one_recipient_as_a_string_keeps_the_plain_id() -> None:
    headers, body = resend_signed(
        SECRET, resend_event("email.delivered", to="Taro <taro@example.net>"), "m1", NOW
    )
    (event,) = verifier().parse(request(headers, body)).events
    assert (event.event_id, event.recipient) == ("m1", "taro@example.net")


def test_wrong_types_inside_data_are_counted() -> None:
    v = verifier()
    for name, value, key in (
        ("to", ["a@example.net", 7], "bad-field:to"),
        ("to", {"a": 1}, "bad-field:to"),
        ("from", ["x@example.jp"], "bad-field:from"),
        ("email_id", 12, "bad-field:email_id"),
        ("bounce", "Permanent", "bad-field:bounce"),
    ):
        headers, body = resend_signed(SECRET, resend_event("email.bounced", **{name: value}), "m2", NOW)
        parsed = v.parse(request(headers, body))
        assert not parsed.events and parsed.ignored == {key: 1}, name


def test_a_signed_body_that_is_not_json_is_400() -> None:
    v = verifier()
    body = b"<html>not json</html>"
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    mac = hmac.new(key, f"m3.{NOW}.".encode() + body, hashlib.sha256).digest()
    headers = {
        "svix-id": "m3",
        "svix-timestamp": str(NOW),
        "svix-signature": "v1," + base64.b64encode(mac).decode(),
    }
    req = request(headers, body)
    asyncio.run(v.verify(req))  # the signature is good: the body is what is wrong
    with pytest.raises(Rejected) as info:
        v.parse(req)
    assert info.value.status == 400


@pytest.mark.parametrize("stamp", ["\u00b2", "-5", "17964576.0", "", "1" * 13])
def test_unreadable_timestamp_header_is_400(stamp: str) -> None:
    headers, body = resend_signed(SECRET, resend_event(), "m4", NOW)
    assert status(verifier(), request(dict(headers, **{"svix-timestamp": stamp}), body)) == 400


def test_oversize_body_is_413_before_any_hmac() -> None:
    headers, _b = resend_signed(SECRET, resend_event(), "m5", NOW)
    assert status(verifier(), request(headers, b"{" + b" " * (256 * 1024))) == 413
