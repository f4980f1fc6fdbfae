"""Postmark's webhooks: basic auth compared in constant time, the source-network allow-list,
and Postmark's records into events."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
from typing import Any

import pytest

from mailwarden.core.config import Settings
from mailwarden.deliverability.events import HookRequest, Kind, Rejected
from mailwarden.deliverability.providers.postmark import PostmarkVerifier, build
from tests.support.esp_sign import postmark_auth, postmark_bounce, postmark_record

USER, PASSWORD = "hook", "s3cret-パス"
NOW = dt.datetime(2026, 12, 5, 13, 0, tzinfo=dt.UTC)


def request(
    doc: Any,
    headers: dict[str, str] | None = None,
    *,
    ip: str = "192.0.2.7",
    query: dict[str, str] | None = None,
) -> HookRequest:
    return HookRequest(
        provider="postmark",
        body=doc if isinstance(doc, bytes) else json.dumps(doc, ensure_ascii=False).encode(),
        headers={
            k.lower(): v for k, v in (postmark_auth(USER, PASSWORD) if headers is None else headers).items()
        },
        client_ip=ip,
        query=query or {},
        received=NOW,
    )


def verifier(networks: str = "") -> PostmarkVerifier:
    built = build(
        Settings(hook_postmark_user=USER, hook_postmark_password=PASSWORD, hook_postmark_networks=networks)
    )
    assert built is not None
    return built


def status_of(v: PostmarkVerifier, req: HookRequest) -> int:
    with pytest.raises(Rejected) as info:
        asyncio.run(v.verify(req))
    return info.value.status


def test_credentials_verify_and_a_hard_bounce_parses() -> None:
    v = verifier()
    req = request(postmark_bounce("Taro@Example.NET"))
    asyncio.run(v.verify(req))
    (event,) = v.parse(req).events
    assert event.kind is Kind.BOUNCED and event.bounce == "hard"
    assert (event.smtp_code, event.status) == ("550", "5.1.1")
    assert event.recipient == "taro@example.net" and event.domain == "example.jp"
    assert event.event_id == "Bounce:4323372036854775807"
    assert event.at == dt.datetime(2026, 12, 5, 13, 0, 5, tzinfo=dt.UTC)  # -05:00 into UTC


def test_wrong_user_wrong_password_and_missing_header_are_401() -> None:
    v = verifier()
    doc = postmark_bounce()
    assert status_of(v, request(doc, postmark_auth("other", PASSWORD))) == 401
    assert status_of(v, request(doc, postmark_auth(USER, "guess"))) == 401
    assert status_of(v, request(doc, {})) == 401
    assert status_of(v, request(doc, {"Authorization": "Bearer x"})) == 401
    assert status_of(v, request(doc, {"Authorization": "Basic ***"})) == 401
    no_colon = base64.b64encode(USER.encode() + PASSWORD.encode()).decode()
    assert status_of(v, request(doc, {"Authorization": f"Basic {no_colon}"})) == 401


def test_source_networks_allow_list() -> None:
    v = verifier("3.134.147.0/24, 2001:db8::/32")
    asyncio.run(v.verify(request(postmark_bounce(), ip="3.134.147.250")))
    asyncio.run(v.verify(request(postmark_bounce(), ip="2001:db8::5")))
    assert status_of(v, request(postmark_bounce(), ip="192.0.2.7")) == 403
    assert status_of(v, request(postmark_bounce(), ip="not an ip")) == 403


@pytest.mark.parametrize(
    ("doc", "kind", "bounce", "detail"),
    [
        (postmark_bounce(kind="SoftBounce"), Kind.BOUNCED, "soft", ""),
        (postmark_bounce(kind="BadEmailAddress"), Kind.BOUNCED, "hard", ""),
        (postmark_bounce(kind="SpamComplaint"), Kind.COMPLAINED, "", "SpamComplaint"),
        (postmark_record("SpamComplaint"), Kind.COMPLAINED, "", "SpamComplaint"),
        (postmark_record("Delivery"), Kind.DELIVERED, "", ""),
        (postmark_record("Open"), Kind.OPENED, "", ""),
        (postmark_record("Click"), Kind.CLICKED, "", "https://example.jp/sale"),
        (postmark_record("SubscriptionChange"), Kind.UNSUBSCRIBED, "", "ManualSuppression"),
    ],
)
def test_records_map_onto_the_event_model(doc: dict[str, Any], kind: Kind, bounce: str, detail: str) -> None:
    (event,) = verifier().parse(request(doc, query={"domain": "example.jp"})).events
    assert (event.kind, event.bounce, event.detail) == (kind, bounce, detail)
    assert event.recipient == "taro@example.net"
    assert event.domain == "example.jp"


def test_derived_ids_are_stable_and_distinct() -> None:
    v = verifier()
    one = v.parse(request(postmark_record("Open"))).events[0]
    again = v.parse(request(postmark_record("Open"))).events[0]
    later = v.parse(request(postmark_record("Open", ReceivedAt="2026-12-05T09:00:00Z"))).events[0]
    assert one.event_id == again.event_id != later.event_id


def test_ignored_records_are_counted() -> None:
    v = verifier()
    resub = postmark_record("SubscriptionChange", SuppressSending=False)
    assert v.parse(request(resub)).ignored == {"resubscribe": 1}
    assert v.parse(request(postmark_bounce(kind="AutoResponder"))).ignored == {"bounce-type:AutoResponder": 1}
    assert v.parse(request({"RecordType": "Inbound"})).ignored == {"unknown-type:Inbound": 1}
    assert v.parse(request(dict(postmark_record("Open"), ReceivedAt=12))).ignored == {
        "bad-field:ReceivedAt": 1
    }
    assert v.parse(request([1, 2])).ignored == {"bad-field:RecordType": 1}
    with pytest.raises(Rejected) as info:
        v.parse(request(b"RecordType=Bounce"))
    assert info.value.status == 400


def test_build_needs_both_secrets() -> None:
    assert build(Settings(hook_postmark_user=USER)) is None
    assert build(Settings(hook_postmark_password=PASSWORD)) is None
    with pytest.raises(ValueError):
        build(
            Settings(
                hook_postmark_user=USER, hook_postmark_password=PASSWORD, hook_postmark_networks="nonsense"
            )
        )
