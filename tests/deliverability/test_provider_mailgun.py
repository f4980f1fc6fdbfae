"""Mailgun's webhooks: HMAC signatures over timestamp + token with keys generated here, the
timestamp window, each token accepted once, key rotation, and Mailgun's events."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest

from mailwarden.core.config import Settings
from mailwarden.deliverability.events import HookRequest, Kind, Rejected
from mailwarden.deliverability.providers.mailgun import MailgunVerifier, build
from tests.support.esp_sign import mailgun_event, mailgun_signed

NOW = 1_796_457_600
KEY, OTHER = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0", "key-rotated-9f2c1e"


def request(body: bytes, *, now: int = NOW) -> HookRequest:
    return HookRequest("mailgun", body, {}, "192.0.2.7", {}, dt.datetime.fromtimestamp(now, dt.UTC))


def verifier(*keys: str) -> MailgunVerifier:
    built = build(Settings(hook_mailgun_keys=",".join(keys or (KEY,)), hook_tolerance=300))
    assert built is not None
    return built


def status(v: MailgunVerifier, req: HookRequest) -> int:
    with pytest.raises(Rejected) as info:
        asyncio.run(v.verify(req))
    return info.value.status


def test_permanent_failure_is_a_hard_bounce() -> None:
    v = verifier()
    _h, body = mailgun_signed(KEY, mailgun_event("failed", "Taro@Example.NET"), NOW, "tok-1")
    req = request(body)
    asyncio.run(v.verify(req))
    (event,) = v.parse(req).events
    assert (event.kind, event.bounce, event.smtp_code, event.status) == (Kind.BOUNCED, "hard", "550", "5.1.1")
    assert (event.recipient, event.domain, event.event_id) == (
        "taro@example.net",
        "mg.example.jp",
        "CPgfbmQMTCKtHW6uIWtuVe",
    )
    assert event.message_id == "20261205080000.1.ABCDEF@mg.example.jp"
    assert event.at == dt.datetime.fromtimestamp(1_796_457_605.908181, dt.UTC)


@pytest.mark.parametrize(
    ("data", "kind", "bounce"),
    [
        (mailgun_event("failed", severity="temporary"), Kind.DEFERRED, ""),
        (mailgun_event("failed", reason="suppress-bounce"), Kind.REJECTED, "hard"),
        (mailgun_event("delivered"), Kind.DELIVERED, ""),
        (mailgun_event("accepted"), Kind.SENT, ""),
        (mailgun_event("complained"), Kind.COMPLAINED, ""),
        (mailgun_event("opened"), Kind.OPENED, ""),
        (mailgun_event("clicked"), Kind.CLICKED, ""),
        (mailgun_event("unsubscribed"), Kind.UNSUBSCRIBED, ""),
    ],
)
def test_events_map_onto_the_model(data, kind, bounce) -> None:
    _h, body = mailgun_signed(KEY, data, NOW, "tok")
    (event,) = verifier().parse(request(body)).events
    assert (event.kind, event.bounce) == (kind, bounce)
    if kind is Kind.DEFERRED:
        assert (event.smtp_code, event.status) == ("452", "4.2.2")
    if kind is Kind.CLICKED:
        assert event.detail == "https://example.jp/sale"


def test_a_token_is_accepted_once() -> None:
    v = verifier()
    _h, body = mailgun_signed(KEY, mailgun_event(), NOW, "tok-replay")
    asyncio.run(v.verify(request(body)))
    assert status(v, request(body)) == 401  # the same request again: a replay
    _h, fresh = mailgun_signed(KEY, mailgun_event(), NOW, "tok-fresh")
    asyncio.run(v.verify(request(fresh)))
    # a forged request does not burn the token of a good one
    forged = json.loads(mailgun_signed(KEY, mailgun_event(), NOW, "tok-later")[1])
    forged["signature"]["signature"] = "0" * 64
    assert status(v, request(json.dumps(forged).encode())) == 401
    asyncio.run(v.verify(request(mailgun_signed(KEY, mailgun_event(), NOW, "tok-later")[1])))


def test_forged_wrong_key_stale_and_malformed() -> None:
    v = verifier()
    _h, other = mailgun_signed(OTHER, mailgun_event(), NOW, "tok-a")
    assert status(v, request(other)) == 401
    _h, body = mailgun_signed(KEY, mailgun_event(), NOW, "tok-b")
    assert status(v, request(body, now=NOW + 301)) == 401
    assert status(v, request(body, now=NOW - 301)) == 401
    doc = json.loads(body)
    doc["signature"]["timestamp"] = str(NOW + 1)  # the timestamp is signed
    assert status(v, request(json.dumps(doc).encode())) == 401
    assert status(v, request(b'{"event-data": {}}')) == 400
    assert status(v, request(b"not json")) == 400
    assert (
        status(
            v, request(json.dumps({"signature": {"timestamp": "x", "token": "t", "signature": "s"}}).encode())
        )
        == 400
    )


def test_rotation() -> None:
    v = verifier(OTHER, KEY)
    for key, token in ((KEY, "r1"), (OTHER, "r2")):
        asyncio.run(v.verify(request(mailgun_signed(key, mailgun_event(), NOW, token)[1])))


def test_unknown_and_bad_fields_are_counted() -> None:
    v = verifier()
    assert v.parse(request(mailgun_signed(KEY, mailgun_event("stored"), NOW, "t")[1])).ignored == {
        "unknown-type:stored": 1
    }
    bad = mailgun_event("delivered", timestamp="soon")
    assert v.parse(request(mailgun_signed(KEY, bad, NOW, "t")[1])).ignored == {"bad-field:timestamp": 1}
    no_id = mailgun_event("delivered")
    del no_id["id"]
    assert v.parse(request(mailgun_signed(KEY, no_id, NOW, "t")[1])).ignored == {"bad-field:id": 1}
    assert build(Settings(hook_mailgun_keys="")) is None


def test_codes_from_the_text_when_the_fields_say_nothing_usable() -> None:
    """Mailgun's own 6xx codes (suppressed recipients) are no SMTP reply codes; a null
    enhanced-code: both are read out of the message text then."""
    data = mailgun_event("failed")
    data["delivery-status"].update(
        {"code": 605, "enhanced-code": None, "message": "", "description": "smtp; 550 5.7.1 blocked"}
    )
    (event,) = verifier().parse(request(mailgun_signed(KEY, data, NOW, "t")[1])).events
    assert (event.smtp_code, event.status, event.reason) == ("550", "5.7.1", "smtp; 550 5.7.1 blocked")
    assert event.detail == "bounce"


def test_given_up_after_retries_is_a_soft_bounce() -> None:
    data = mailgun_event("failed", reason="old")
    (event,) = verifier().parse(request(mailgun_signed(KEY, data, NOW, "t")[1])).events
    assert (event.kind, event.bounce) == (Kind.BOUNCED, "soft")


def test_reason_and_domain_fallback() -> None:
    data = mailgun_event("failed")
    del data["envelope"]
    (event,) = verifier().parse(request(mailgun_signed(KEY, data, NOW, "t")[1])).events
    assert event.domain == "example.jp"  # From's domain when there is no envelope sender
    assert event.reason.startswith("5.1.1 The email account that you tried to reach does not exist.")


def test_wrong_field_types_are_counted() -> None:
    v = verifier()
    for name, value in (("recipient", ["a@example.net"]), ("message", "x"), ("event", 7), ("id", 12)):
        data = mailgun_event("delivered")
        data[name] = value
        parsed = v.parse(request(mailgun_signed(KEY, data, NOW, "t")[1]))
        assert not parsed.events and parsed.ignored == {f"bad-field:{name}": 1}
    parsed = v.parse(request(mailgun_signed(KEY, "not an object", NOW, "t")[1]))  # type: ignore[arg-type]
    assert not parsed.events and parsed.ignored == {"bad-field:event-data": 1}


@pytest.mark.parametrize(
    "signature",
    [
        {"timestamp": "\u00b2", "token": "t", "signature": "s"},  # a digit to str.isdigit, not to int()
        {"timestamp": str(NOW), "token": 7, "signature": "s"},
        {"timestamp": str(NOW), "token": "t", "signature": None},
        {"timestamp": True, "token": "t", "signature": "s"},
        {"timestamp": str(NOW), "token": "", "signature": "s"},
    ],
)
def test_unreadable_signature_fields_are_400(signature: dict[str, object]) -> None:
    body = json.dumps({"signature": signature, "event-data": mailgun_event()}).encode()
    assert status(verifier(), request(body)) == 400


def test_a_numeric_timestamp_verifies_too() -> None:
    doc = json.loads(mailgun_signed(KEY, mailgun_event(), NOW, "tok-num")[1])
    doc["signature"]["timestamp"] = NOW
    asyncio.run(verifier().verify(request(json.dumps(doc).encode())))
