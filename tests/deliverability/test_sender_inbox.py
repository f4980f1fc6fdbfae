"""The test inbox: Postfix relays a signed campaign to it (STARTTLS), it grades the message after
answering and keeps the report; smtplib sessions for TLS, recipients and bad input."""

from __future__ import annotations

import smtplib
import ssl

import pytest

from mailwarden.core.config import Settings
from mailwarden.core.store import open_store
from mailwarden.deliverability.sender import latest_check, recent_checks
from mailwarden.deliverability.sender.inbox import SenderInbox
from tests.support.nsd import free_port
from tests.support.smtpsink import wait_until

from ._sender_support import DOMAIN, make_keys, message, postfix_with, sign, start_dns

pytestmark = [pytest.mark.dns, pytest.mark.smtp]


@pytest.fixture(scope="module")
def keys():
    return make_keys()


@pytest.fixture(scope="module")
def dns(keys):
    server = start_dns(keys)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def inbox_cert(test_ca, tmp_path_factory):
    d = tmp_path_factory.mktemp("inbox-tls")
    cert = test_ca.issue_cert("inbox.test", "127.0.0.1")
    cert.cert_chain_pems[0].write_to_path(str(d / "cert.pem"))
    for extra in cert.cert_chain_pems[1:]:
        with open(d / "cert.pem", "ab") as f:
            f.write(extra.bytes())
    cert.private_key_pem.write_to_path(str(d / "key.pem"))
    return d / "cert.pem", d / "key.pem"


@pytest.fixture
def store(tmp_path):
    return open_store(url=f"sqlite:///{tmp_path / 'mw.db'}")


@pytest.fixture
def inbox(store, dns, inbox_cert):
    cert, key = inbox_cert
    server = SenderInbox(
        "127.0.0.1",
        free_port(),
        store=store,
        resolver_settings=Settings(nameservers=dns.address, dns_timeout=2.0),
        tls_cert=cert,
        tls_key=key,
        domain="inbox.test",
    ).start()
    yield server
    server.stop()


def test_postfix_into_the_inbox(inbox, store, keys):
    postfix = postfix_with(inbox.port, {"smtp_tls_security_level": "may"})
    try:
        raw = sign(message(), keys.own)
        with smtplib.SMTP("127.0.0.1", postfix.port, timeout=10) as s:
            s.sendmail(f"bounce@{DOMAIN}", ["campaign-42@inbox.test"], raw)
        row = wait_until(lambda: latest_check(store, "campaign-42"), timeout=60)
    finally:
        log = postfix.log()
        postfix.stop()
    report = row["report"]
    checks = {c["name"]: c for c in report["checks"]}
    conn = report["connection"]
    assert conn["client_ip"] == "127.0.0.1", log
    assert conn["mail_from"] == f"bounce@{DOMAIN}"
    assert conn["helo"] == f"mta.{DOMAIN}"
    assert conn["tls"]["used"] is True and conn["tls"]["version"].startswith("TLSv1."), log
    assert checks["tls"]["status"] == "pass"
    auth = report["authentication"]
    assert auth["spf"] == {"result": "pass", "domain": DOMAIN, "aligned": True}
    assert auth["dkim"][0]["result"] == "pass" and auth["dkim"][0]["aligned"] is True
    assert auth["dmarc"]["result"] == "pass"
    for name in ("spf", "dkim", "dmarc", "unsubscribe-signed", "ptr", "fcrdns"):
        assert checks[name]["status"] == "pass", (name, checks[name])
    assert report["receivers"]["gmail"]["meets"] is True
    assert row["grade"] == report["grade"] == "A"
    assert row["sender"] == f"news@{DOMAIN}" and row["subject"] == "Our December news"
    assert recent_checks(store, 5)[0]["id"] == row["id"]


def test_starttls_from_smtplib_and_plain(inbox, store, test_ca, keys):
    raw = sign(message(subject="over TLS"), keys.own)
    ctx = ssl.create_default_context()
    test_ca.configure_trust(ctx)
    with smtplib.SMTP("127.0.0.1", inbox.port, timeout=10) as s:
        s.ehlo("sender.example.test")
        assert s.has_extn("starttls")
        s.starttls(context=ctx)
        s.ehlo("sender.example.test")
        s.sendmail(f"bounce@{DOMAIN}", ["tls-one@inbox.test"], raw)
    with smtplib.SMTP("127.0.0.1", inbox.port, timeout=10) as s:
        s.ehlo("plain.example.test")
        s.sendmail(f"bounce@{DOMAIN}", ["Plain-One@INBOX.test"], sign(message(subject="plain"), keys.own))
    inbox.drain()
    tls = latest_check(store, "tls-one")
    assert tls is not None and tls["report"]["connection"]["tls"]["used"] is True
    assert tls["report"]["connection"]["tls"]["cipher"]
    plain = latest_check(store, "plain-one")
    assert plain is not None
    assert plain["report"]["connection"]["tls"] == {"used": False}
    assert plain["report"]["connection"]["helo"] == "plain.example.test"
    checks = {c["name"]: c["status"] for c in plain["report"]["checks"]}
    assert checks["tls"] == "fail"
    assert plain["report"]["receivers"]["gmail"]["meets"] is False


def test_other_domains_refused_and_garbage_graded(inbox, store):
    with smtplib.SMTP("127.0.0.1", inbox.port, timeout=10) as s:
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            s.sendmail("x@example.test", ["someone@elsewhere.test"], b"Subject: x\r\n\r\nx\r\n")
        s.sendmail("", ["junk@inbox.test"], (bytes(range(14, 256)) + b"\r\n") * 20)
    inbox.drain()
    assert latest_check(store, "someone") is None
    junk = latest_check(store, "junk")
    assert junk is not None and junk["grade"] in ("C", "D", "F")
    assert {c["name"]: c["status"] for c in junk["report"]["checks"]}["from"] == "fail"


def test_oversize_refused(store, dns):
    server = SenderInbox(
        "127.0.0.1",
        free_port(),
        store=store,
        resolver_settings=Settings(nameservers=dns.address),
        max_size=10_000,
    ).start()
    try:
        # refused at MAIL FROM (SIZE=) or at the end of DATA, never taken
        refused = (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)
        with smtplib.SMTP("127.0.0.1", server.port, timeout=10) as s, pytest.raises(refused) as exc:
            s.sendmail(
                "a@example.test", ["big@any.test"], b"Subject: big\r\n\r\n" + (b"x" * 70 + b"\r\n") * 200
            )
        assert exc.value.smtp_code == 552
        assert recent_checks(store, 10) == []
    finally:
        server.stop()
