"""Amazon SES through SNS: signature (versions 1 and 2) checked with a certificate really
fetched over HTTPS (test CA) from sns.ap-northeast-1.amazonaws.com, answered by NSD; pins on
the certificate URL, topic and subscribe URL proven by the server seeing no request; the
subscription handshake; SES messages into events."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest

from mailwarden.core.config import Settings
from mailwarden.deliverability.events import HookRequest, Kind, Parsed, Rejected
from mailwarden.deliverability.providers.ses_events import events_of
from mailwarden.deliverability.providers.sns import SnsVerifier, build
from tests.support.esp_sign import (
    SNS_HOST,
    SNS_TOPIC,
    SnsSigner,
    ses_bounce,
    ses_complaint,
    ses_delivery,
    ses_event,
    sns_notification,
    sns_signed,
    sns_subscription,
)
from tests.support.nsd import NsdServer, Zone
from tests.support.peers import RecordingHttps

SUBSCRIBE_PATH = f"/?Action=ConfirmSubscription&TopicArn={SNS_TOPIC}&Token=2336412f37fb687f5d51e6e2425"
net = [pytest.mark.dns, pytest.mark.https]


@pytest.fixture(scope="module")
def signer() -> SnsSigner:
    return SnsSigner.new()


@pytest.fixture(scope="module")
def expired() -> SnsSigner:
    now = dt.datetime.now(dt.UTC)
    return SnsSigner.new(
        path="/SimpleNotificationService-old.pem",
        not_before=now - dt.timedelta(days=60),
        not_after=now - dt.timedelta(days=1),
    )


@pytest.fixture(scope="module")
def sns_peers(test_ca, signer, expired) -> Iterator[tuple[NsdServer, RecordingHttps]]:
    cert = test_ca.issue_cert(SNS_HOST)
    chain = "".join(b.bytes().decode() for b in cert.cert_chain_pems)
    pages = dict([signer.page(), expired.page()])
    pages[(SNS_HOST, SUBSCRIBE_PATH)] = (200, "text/xml", b"<ConfirmSubscriptionResponse/>")
    pages[(SNS_HOST, "/SimpleNotificationService-junk.pem")] = (200, "text/plain", b"not a certificate")
    https = RecordingHttps(chain, cert.private_key_pem.bytes().decode(), pages).start()
    nsd = NsdServer([Zone("amazonaws.com").add(f"{SNS_HOST}.", "A", "127.0.0.1")]).start()
    yield nsd, https
    nsd.stop()
    https.stop()


@pytest.fixture
def verifier(sns_peers, ca_file) -> SnsVerifier:
    nsd, https = sns_peers
    settings = Settings(
        nameservers=nsd.address,
        ca_bundle=ca_file,
        sns_https_port=https.port,
        hook_sns_topics=f"arn:aws:sns:us-east-1:123456789012:other, {SNS_TOPIC}",
        dns_timeout=2.0,
    )
    v = build(settings)
    assert v is not None
    return v


def req(body: bytes, received: dt.datetime | None = None) -> HookRequest:
    return HookRequest("ses", body, {}, "127.0.0.1", {}, received or dt.datetime.now(dt.UTC))


def verify(v: SnsVerifier, r: HookRequest) -> None:
    asyncio.run(v.verify(r))


def rejected(v: SnsVerifier, r: HookRequest) -> Rejected:
    with pytest.raises(Rejected) as info:
        verify(v, r)
    return info.value


@pytest.mark.parametrize("version", [1, 2])
def test_signed_bounce_verifies_and_parses(verifier, signer, version):
    message = ses_bounce(["Nobody@Example.NET", "second@example.net"])
    body = sns_signed(signer, sns_notification(SNS_TOPIC, message, message_id="mid-1"), version)
    r = req(body)
    verify(verifier, r)
    parsed = verifier.parse(r)
    assert [e.event_id for e in parsed.events] == ["mid-1:0", "mid-1:1"]
    first = parsed.events[0]
    assert (first.kind, first.bounce, first.smtp_code, first.status) == (Kind.BOUNCED, "hard", "550", "5.1.1")
    assert (first.recipient, first.domain, first.provider) == ("nobody@example.net", "example.jp", "ses")
    assert first.reason == "smtp; 550 5.1.1 user unknown"
    assert first.at == dt.datetime(2026, 12, 5, 8, 0, 1, tzinfo=dt.UTC)
    assert first.message_id == message["mail"]["messageId"]
    assert not parsed.ignored


def test_subject_is_signed_and_certificate_fetched_once(verifier, signer, sns_peers):
    _nsd, https = sns_peers
    before = https.seen.count((SNS_HOST, signer.path))
    fields = sns_notification(SNS_TOPIC, ses_delivery(), subject="Amazon SES Email Event Notification")
    body = sns_signed(signer, fields)

    async def many() -> None:
        await asyncio.gather(*(verifier.verify(req(body)) for _ in range(5)))
        await verifier.verify(req(body))

    asyncio.run(many())
    assert verifier.fetches == 1
    assert https.seen.count((SNS_HOST, signer.path)) == before + 1
    doc = json.loads(body)
    doc["Subject"] = "changed"
    assert rejected(verifier, req(json.dumps(doc).encode())).status == 401


def test_forged_and_tampered_are_refused(verifier, signer):
    other = SnsSigner.new()  # another key, claiming the real certificate
    forged = sns_signed(
        other, {**sns_notification(SNS_TOPIC, ses_delivery()), "SigningCertURL": signer.cert_url}
    )
    assert rejected(verifier, req(forged)).status == 401
    doc = json.loads(sns_signed(signer, sns_notification(SNS_TOPIC, ses_delivery())))
    doc["Message"] = json.dumps(ses_bounce())
    assert rejected(verifier, req(json.dumps(doc).encode())).status == 401
    doc["Signature"] = "!!not base64!!"
    assert rejected(verifier, req(json.dumps(doc).encode())).status == 401
    v1 = json.loads(sns_signed(signer, sns_notification(SNS_TOPIC, ses_delivery()), 1))
    v1["SignatureVersion"] = "2"  # a SHA1 signature presented as SHA256
    assert rejected(verifier, req(json.dumps(v1).encode())).status == 401


@pytest.mark.parametrize(
    "url",
    [
        f"http://{SNS_HOST}/SimpleNotificationService-test.pem",
        "https://sns.evil.example/SimpleNotificationService-test.pem",
        f"https://{SNS_HOST}.evil.example/SimpleNotificationService-test.pem",
        "https://s3.amazonaws.com/SimpleNotificationService-test.pem",
        f"https://{SNS_HOST}/SimpleNotificationService-test.txt",
        f"https://{SNS_HOST}:8443/SimpleNotificationService-test.pem",
        f"https://user@{SNS_HOST}/SimpleNotificationService-test.pem",
        f"https://{SNS_HOST}/SimpleNotificationService-test.pem?x=1",
        f"https://{SNS_HOST}/a.pem#frag",
        "https://[::1/x.pem",
    ],
)
def test_certificate_url_not_pinned_is_refused_without_fetching(verifier, signer, sns_peers, url):
    _nsd, https = sns_peers
    before = len(https.seen)
    body = sns_signed(signer, {**sns_notification(SNS_TOPIC, ses_delivery()), "SigningCertURL": url})
    assert rejected(verifier, req(body)).status == 403
    assert len(https.seen) == before
    assert verifier.fetches == 0


def test_topic_not_allowed_is_refused_without_fetching(verifier, signer, sns_peers):
    _nsd, https = sns_peers
    before = len(https.seen)
    body = sns_signed(
        signer, sns_notification("arn:aws:sns:ap-northeast-1:999999999999:evil", ses_delivery())
    )
    assert rejected(verifier, req(body)).status == 403
    assert len(https.seen) == before


def test_timestamp_window_is_an_hour(verifier, signer):
    now = dt.datetime.now(dt.UTC)
    retried = sns_signed(
        signer, sns_notification(SNS_TOPIC, ses_delivery(), timestamp=now - dt.timedelta(minutes=50))
    )
    verify(verifier, req(retried, now))
    stale = sns_signed(
        signer, sns_notification(SNS_TOPIC, ses_delivery(), timestamp=now - dt.timedelta(hours=2))
    )
    assert rejected(verifier, req(stale, now)).status == 401
    future = sns_signed(
        signer, sns_notification(SNS_TOPIC, ses_delivery(), timestamp=now + dt.timedelta(hours=2))
    )
    assert rejected(verifier, req(future, now)).status == 401


def test_malformed_requests(verifier, signer):
    good = json.loads(sns_signed(signer, sns_notification(SNS_TOPIC, ses_delivery())))
    cases: list[tuple[bytes, int]] = [
        (b"not json", 400),
        (b"[1, 2]", 400),
        (json.dumps({**good, "Type": "Other"}).encode(), 400),
        (json.dumps({k: v for k, v in good.items() if k != "Signature"}).encode(), 400),
        (json.dumps({k: v for k, v in good.items() if k != "TopicArn"}).encode(), 400),
        (json.dumps({**good, "MessageId": 7}).encode(), 400),
        (json.dumps({**good, "SignatureVersion": "3"}).encode(), 400),
        (json.dumps({**good, "Timestamp": "yesterday"}).encode(), 400),
        (b" " * (256 * 1024 + 1), 413),
    ]
    for body, status in cases:
        assert rejected(verifier, req(body)).status == status, body[:80]
    assert verifier.fetches == 0


def test_expired_or_unreadable_certificate(verifier, expired, signer):
    assert (
        rejected(verifier, req(sns_signed(expired, sns_notification(SNS_TOPIC, ses_delivery())))).status
        == 401
    )
    junk = {
        **sns_notification(SNS_TOPIC, ses_delivery()),
        "SigningCertURL": f"https://{SNS_HOST}/SimpleNotificationService-junk.pem",
    }
    assert rejected(verifier, req(sns_signed(signer, junk))).status == 401
    missing = {
        **sns_notification(SNS_TOPIC, ses_delivery()),
        "SigningCertURL": f"https://{SNS_HOST}/absent.pem",
    }
    assert rejected(verifier, req(sns_signed(signer, missing))).status == 502


def test_subscription_is_confirmed_by_a_real_get(verifier, signer, sns_peers):
    _nsd, https = sns_peers
    url = f"https://{SNS_HOST}{SUBSCRIBE_PATH}"
    r = req(sns_signed(signer, sns_subscription(SNS_TOPIC, url, "2336412f37fb687f5d51e6e2425"), 2))
    verify(verifier, r)
    parsed = verifier.parse(r)
    assert parsed.confirm_url == url and not parsed.events
    asyncio.run(verifier.confirm(parsed.confirm_url))
    assert (SNS_HOST, SUBSCRIBE_PATH) in https.seen
    with pytest.raises(Rejected) as info:
        asyncio.run(verifier.confirm(f"https://{SNS_HOST}/?Action=ConfirmSubscription&Token=unknown"))
    assert info.value.status == 502
    with pytest.raises(Rejected) as info:
        asyncio.run(verifier.confirm("https://evil.example/?Action=ConfirmSubscription"))
    assert info.value.status == 403


def test_subscribe_url_elsewhere_is_refused(verifier, signer, sns_peers):
    _nsd, https = sns_peers
    before = len(https.seen)
    for url in ("https://evil.example/?Action=ConfirmSubscription", f"http://{SNS_HOST}/?Action=x"):
        body = sns_signed(signer, sns_subscription(SNS_TOPIC, url, "t"))
        assert rejected(verifier, req(body)).status == 403
    assert len(https.seen) == before


def test_unsubscribe_confirmation_is_counted(verifier, signer):
    fields = sns_subscription(
        SNS_TOPIC, f"https://{SNS_HOST}{SUBSCRIBE_PATH}", "t", kind="UnsubscribeConfirmation"
    )
    r = req(sns_signed(signer, fields))
    verify(verifier, r)
    parsed = verifier.parse(r)
    assert parsed.ignored["unsubscribe-confirmation"] == 1 and not parsed.events and not parsed.confirm_url


# every test above starts NSD and an HTTPS server: marked so the fast tier skips them
for _name in list(globals()):
    if _name.startswith("test_"):
        for _mark in net:
            globals()[_name] = _mark(globals()[_name])


# --- SES messages into events (no network) ------------------------------------------------------


def events(message: Any, mid: str = "m") -> Parsed:
    parsed = Parsed()
    events_of(message if isinstance(message, str) else json.dumps(message), mid, parsed)
    return parsed


def test_identity_notification_transient_bounce_is_soft():
    p = events(
        ses_bounce(
            bounce_type="Transient",
            sub_type="MailboxFull",
            event_publishing=False,
            diagnostic="smtp; 452 4.2.2 mailbox full",
            status="4.2.2",
        )
    )
    (e,) = p.events
    assert (e.kind, e.bounce, e.smtp_code, e.status, e.event_id) == (
        Kind.BOUNCED,
        "soft",
        "452",
        "4.2.2",
        "m",
    )
    assert e.detail == "Transient/MailboxFull"
    assert events(ses_bounce(bounce_type="Undetermined")).events[0].bounce == "soft"


def test_delivery_one_event_per_recipient():
    p = events(ses_delivery(["a@example.net", "b@example.net", "c@example.net"], event_publishing=False))
    assert [(e.kind, e.recipient, e.event_id) for e in p.events] == [
        (Kind.DELIVERED, "a@example.net", "m:0"),
        (Kind.DELIVERED, "b@example.net", "m:1"),
        (Kind.DELIVERED, "c@example.net", "m:2"),
    ]
    assert p.events[0].smtp_code == "250" and p.events[0].status == "2.0.0"


def test_complaint_reject_open_click_subscription_send_delay():
    c = events(ses_complaint(feedback_type="abuse")).events[0]
    assert (c.kind, c.detail, c.recipient, c.at.hour) == (Kind.COMPLAINED, "abuse", "hanako@example.net", 9)
    r = events(ses_event("Reject", {"reason": "Bad content"})).events[0]
    assert (r.kind, r.reason, r.at.minute) == (Kind.REJECTED, "Bad content", 0)
    o = events(ses_event("Open", {"timestamp": "2026-12-05T10:00:00Z", "ipAddress": "192.0.2.1"})).events[0]
    assert (o.kind, o.at.hour) == (Kind.OPENED, 10)
    k = events(
        ses_event("Click", {"timestamp": "2026-12-05T10:00:00Z", "link": "https://example.jp/x"})
    ).events[0]
    assert (k.kind, k.detail) == (Kind.CLICKED, "https://example.jp/x")
    u = events(
        ses_event("Subscription", {"timestamp": "2026-12-05T11:00:00Z", "contactList": "news"})
    ).events[0]
    assert (u.kind, u.detail) == (Kind.UNSUBSCRIBED, "news")
    s = events(ses_event("Send", {}, ["a@example.net", "b@example.net"])).events
    assert [e.kind for e in s] == [Kind.SENT, Kind.SENT]
    delayed = {
        "delayType": "MailboxFull",
        "timestamp": "2026-12-05T08:30:00Z",
        "delayedRecipients": [
            {"emailAddress": "d@example.net", "status": "4.2.2", "diagnosticCode": "smtp; 452 4.2.2 full"}
        ],
    }
    d = events(ses_event("DeliveryDelay", delayed)).events[0]
    assert (d.kind, d.smtp_code, d.status, d.detail) == (Kind.DEFERRED, "452", "4.2.2", "MailboxFull")


def test_domain_falls_back_to_from_header():
    msg = ses_delivery()
    del msg["mail"]["source"]
    msg["mail"]["commonHeaders"]["from"] = ["店舗 <Shop@News.Example.JP>"]
    assert events(msg).events[0].domain == "news.example.jp"


def test_unknown_ignored_and_bad_fields_counted():
    assert events(ses_event("Rendering Failure", {})).ignored == {"rendering-failure": 1}
    assert events(ses_event("Teleport", {})).ignored == {"unknown-type:Teleport": 1}
    assert events("not json").ignored == {"bad-field:Message": 1}
    assert events("[1]").ignored == {"bad-field:Message": 1}
    bad = ses_bounce()
    bad["bounce"]["bouncedRecipients"] = ["x@example.net"]
    assert events(bad).ignored == {"bad-field:bouncedRecipients": 1}
    bad = ses_bounce()
    bad["bounce"]["timestamp"] = "soon"
    assert events(bad).ignored == {"bad-field:timestamp": 1}
    bad = ses_delivery()
    bad["mail"] = "x"
    assert events(bad).ignored == {"bad-field:mail": 1}
    assert events({"eventType": 5}).ignored == {"bad-field:eventType": 1}
    no_time = ses_delivery()
    del no_time["delivery"]["timestamp"]
    del no_time["mail"]["timestamp"]
    assert events(no_time).ignored == {"bad-field:timestamp": 1}


def test_parse_of_unverifiable_shapes_never_raises():
    v = SnsVerifier(Settings(hook_sns_topics=SNS_TOPIC, nameservers="127.0.0.1:53"), frozenset({SNS_TOPIC}))
    r = req(json.dumps({"Type": "Notification", "MessageId": "x", "Message": 5}).encode())
    assert v.parse(r).ignored == {"bad-field:Message": 1}
    assert v.parse(req(b"[]")).ignored == {"unknown-type:sns": 1}
