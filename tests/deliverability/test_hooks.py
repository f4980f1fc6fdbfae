"""The webhooks end to end: `mailwarden serve` as a real process, providers' requests signed
with keys made here and posted over real HTTP; SNS's signing certificate and subscription URL
served over HTTPS (test CA) at sns.ap-northeast-1.amazonaws.com, answered by NSD. What a
request stores is read back from the server's own store."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from mailwarden.core.config import Settings
from mailwarden.core.store import open_store
from mailwarden.deliverability.models import DeliveryEvent
from tests.support.esp_sign import (
    SNS_HOST,
    SNS_TOPIC,
    SnsSigner,
    mailgun_event,
    mailgun_signed,
    postmark_auth,
    postmark_bounce,
    postmark_record,
    resend_event,
    resend_secret,
    resend_signed,
    sendgrid_event,
    sendgrid_events,
    sendgrid_keys,
    sendgrid_signed,
    ses_bounce,
    ses_delivery,
    sns_notification,
    sns_signed,
    sns_subscription,
)
from tests.support.nsd import NsdServer, Zone
from tests.support.peers import RecordingHttps
from tests.support.serve import Served, serve

pytestmark = [pytest.mark.dns, pytest.mark.https]

SUBSCRIBE = f"/?Action=ConfirmSubscription&TopicArn={SNS_TOPIC}&Token=abc123"
SG_KEY, SG_PUBLIC = sendgrid_keys()
PM_USER, PM_PASSWORD = "postmark-hook", "pm-secret"
RESEND_SECRET, MAILGUN_KEY = resend_secret(), "key-mailgun-hooks-test"


@pytest.fixture(scope="module")
def signer() -> SnsSigner:
    return SnsSigner.new()


@pytest.fixture(scope="module")
def server(test_ca, ca_file, signer, tmp_path_factory) -> Iterator[tuple[Served, Path, RecordingHttps]]:
    cert = test_ca.issue_cert(SNS_HOST)
    chain = "".join(b.bytes().decode() for b in cert.cert_chain_pems)
    pages = dict([signer.page()])
    pages[(SNS_HOST, SUBSCRIBE)] = (200, "text/xml", b"<ConfirmSubscriptionResponse/>")
    https = RecordingHttps(chain, cert.private_key_pem.bytes().decode(), pages).start()
    nsd = NsdServer([Zone("amazonaws.com").add(f"{SNS_HOST}.", "A", "127.0.0.1")]).start()
    data = tmp_path_factory.mktemp("hooks")
    env = {
        **os.environ,
        "MAILWARDEN_DATA_DIR": str(data),
        "MAILWARDEN_NAMESERVERS": nsd.address,
        "MAILWARDEN_DNS_TIMEOUT": "2",
        "MAILWARDEN_CA_BUNDLE": str(ca_file),
        "MAILWARDEN_SNS_HTTPS_PORT": str(https.port),
        "MAILWARDEN_HOOK_SNS_TOPICS": SNS_TOPIC,
        "MAILWARDEN_HOOK_SENDGRID_KEYS": SG_PUBLIC,
        "MAILWARDEN_HOOK_POSTMARK_USER": PM_USER,
        "MAILWARDEN_HOOK_POSTMARK_PASSWORD": PM_PASSWORD,
        "MAILWARDEN_HOOK_RESEND_SECRETS": RESEND_SECRET,
        "MAILWARDEN_HOOK_MAILGUN_KEYS": MAILGUN_KEY,
        "MAILWARDEN_SENDING_DOMAINS": "example.jp",
        "MAILWARDEN_LANG": "en",
    }
    try:
        with serve(env) as served:
            yield served, data, https
    finally:
        nsd.stop()
        https.stop()


def count(data: Path, provider: str | None = None) -> int:
    store = open_store(Settings(data_dir=data))
    try:
        with store.session() as s:
            q = select(func.count()).select_from(DeliveryEvent)
            if provider:
                q = q.where(DeliveryEvent.provider == provider)
            return int(s.scalar(q) or 0)
    finally:
        store.engine.dispose()


def post(served: Served, path: str, body: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.post(served.base + path, content=body, headers=headers or {}, timeout=30.0)


def test_sendgrid_batch_stored_once_replay_counted_as_duplicates(server) -> None:
    served, data, _https = server
    events = sendgrid_events(50, start=1000)
    headers, body = sendgrid_signed(SG_KEY, events, int(time.time()))
    first = post(served, "/hooks/sendgrid?domain=news.example.jp", body, headers)
    assert first.status_code == 200, first.text
    assert first.json() == {"stored": 50, "duplicates": 0, "ignored": {}}
    again = post(served, "/hooks/sendgrid?domain=news.example.jp", body, headers)
    assert again.json() == {"stored": 0, "duplicates": 50, "ignored": {}}
    assert count(data, "sendgrid") >= 50


def test_forged_and_unsigned_requests_store_nothing(server) -> None:
    served, data, _https = server
    before = count(data)
    other, _public = sendgrid_keys()
    headers, body = sendgrid_signed(other, sendgrid_events(5, start=2000), int(time.time()))
    forged = post(served, "/hooks/sendgrid?domain=example.jp", body, headers)
    assert forged.status_code == 401
    assert forged.json()["error"]["code"] == 401
    unsigned = post(served, "/hooks/sendgrid?domain=example.jp", body, {"content-type": "application/json"})
    assert unsigned.status_code == 400
    wrong = post(
        served, "/hooks/postmark", json.dumps(postmark_bounce()).encode(), postmark_auth(PM_USER, "guess")
    )
    assert wrong.status_code == 401
    assert count(data) == before


def test_other_domains_are_counted_not_stored(server) -> None:
    served, data, _https = server
    before = count(data)
    events = [sendgrid_event("delivered", n=3000), sendgrid_event("delivered", n=3001)]
    headers, body = sendgrid_signed(SG_KEY, events, int(time.time()))
    answer = post(served, "/hooks/sendgrid?domain=elsewhere.example", body, headers)
    assert answer.json() == {"stored": 0, "duplicates": 0, "ignored": {"unknown-domain": 2}}
    assert count(data) == before


def test_postmark_bounce_and_open(server) -> None:
    served, data, _https = server
    auth = postmark_auth(PM_USER, PM_PASSWORD)
    bounce = post(served, "/hooks/postmark", json.dumps(postmark_bounce(bounce_id=777)).encode(), auth)
    assert bounce.json() == {"stored": 1, "duplicates": 0, "ignored": {}}
    # Open records carry no From: the domain comes from the URL
    opened = post(
        served, "/hooks/postmark?domain=example.jp", json.dumps(postmark_record("Open")).encode(), auth
    )
    assert opened.json()["stored"] == 1
    assert count(data, "postmark") == 2


def test_bodies_over_the_limit_are_413_while_read(server) -> None:
    served, _data, _https = server
    auth = postmark_auth(PM_USER, PM_PASSWORD)
    big = b'{"RecordType": "Open", "pad": "' + b"x" * (300 * 1024) + b'"}'
    assert post(served, "/hooks/postmark", big, auth).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: cut off while read
        for _ in range(40):
            yield b"x" * 8192

    answer = httpx.post(served.base + "/hooks/postmark", content=chunks(), headers=auth, timeout=30.0)
    assert answer.status_code == 413


def test_resend_and_mailgun(server) -> None:
    served, data, _https = server
    now = int(time.time())
    headers, body = resend_signed(
        RESEND_SECRET, resend_event("email.bounced", ["a@example.net", "b@example.net"]), "msg_e2e", now
    )
    assert post(served, "/hooks/resend", body, headers).json() == {
        "stored": 2,
        "duplicates": 0,
        "ignored": {},
    }
    headers, body = mailgun_signed(MAILGUN_KEY, mailgun_event("failed", event_id="mg-e2e-1"), now, "tok-e2e")
    assert post(served, "/hooks/mailgun", body, headers).json()["stored"] == 1
    replay = post(served, "/hooks/mailgun", body, headers)  # the same token again
    assert replay.status_code == 401
    assert count(data, "resend") == 2 and count(data, "mailgun") == 1


def test_unconfigured_provider_and_wrong_method(server) -> None:
    served, _data, _https = server
    assert post(served, "/hooks/nonsense", b"{}").status_code == 404
    assert httpx.get(served.base + "/hooks/sendgrid", timeout=30.0).status_code == 405


def test_sns_subscription_confirmed_then_notifications_stored(server, signer) -> None:
    served, data, https = server
    assert (SNS_HOST, SUBSCRIBE) not in https.seen
    body = sns_signed(signer, sns_subscription(SNS_TOPIC, f"https://{SNS_HOST}{SUBSCRIBE}", "abc123"))
    confirmed = post(served, "/hooks/ses", body, {"x-amz-sns-message-type": "SubscriptionConfirmation"})
    assert confirmed.status_code == 200, confirmed.text
    assert (SNS_HOST, SUBSCRIBE) in https.seen  # the server really confirmed it
    notification = sns_notification(SNS_TOPIC, ses_bounce(["gone@example.net"]), message_id="hook-mid-1")
    stored = post(served, "/hooks/ses", sns_signed(signer, notification, 2))
    assert stored.json() == {"stored": 1, "duplicates": 0, "ignored": {}}
    delivered = sns_notification(
        SNS_TOPIC, ses_delivery(["a@example.net", "b@example.net"]), message_id="hook-mid-2"
    )
    assert post(served, "/hooks/ses", sns_signed(signer, delivered)).json()["stored"] == 2
    assert count(data, "ses") == 3
    # a certificate URL off the pin is refused before anything is fetched
    tampered = sns_notification(SNS_TOPIC, ses_delivery(), message_id="hook-mid-3")
    signed = json.loads(sns_signed(signer, tampered))
    signed["SigningCertURL"] = "https://sns.evil.example.com/cert.pem"
    assert post(served, "/hooks/ses", json.dumps(signed).encode()).status_code == 403
    assert count(data, "ses") == 3
