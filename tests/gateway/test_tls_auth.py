"""The optional settings: STARTTLS and AUTH toward the MTA (the gateway as server), and
STARTTLS plus AUTH toward the relay (the gateway as client), with a test CA."""

from __future__ import annotations

import smtplib
import ssl

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from mailwarden.gateway.relay import Relay, RelayTarget
from tests.gateway.mail import mail
from tests.support.nsd import free_port
from tests.support.smtpsink import Sink

pytestmark = pytest.mark.smtp


@pytest.fixture
def server_tls(test_ca, tmp_path):
    cert = test_ca.issue_cert("127.0.0.1", "localhost")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    ca_file = tmp_path / "ca.pem"
    test_ca.cert_pem.write_to_path(str(ca_file))
    return ctx, str(ca_file)


def test_mta_must_starttls_and_authenticate(start_gateway, sink, server_tls):
    ctx, ca_file = server_tls
    gw = start_gateway(
        "rules: [{id: all, action: allow}]\n", tls_context=ctx, require_tls=True, auth=("mta", "s3cret-pass")
    )
    client_ctx = ssl.create_default_context(cafile=ca_file)
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=10) as s:
        s.ehlo()
        assert s.mail("taro@example.co.jp")[0] == 530  # STARTTLS first
        s.starttls(context=client_ctx)
        s.ehlo()
        assert s.mail("taro@example.co.jp")[0] == 530  # then AUTH
        with pytest.raises(smtplib.SMTPAuthenticationError):
            s.login("mta", "wrong-password")
        s.login("mta", "s3cret-pass")
        s.sendmail("taro@example.co.jp", ["hanako@example.co.jp"], mail("暗号化経路"))
    assert len(sink.sink.wait(1)) == 1


def test_relay_with_starttls_and_auth(server_tls):
    ctx, ca_file = server_tls
    sink = Sink()

    def check(server, session, envelope, mechanism, data):  # type: ignore[no-untyped-def]
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"gw", b"relay-pass")
        return AuthResult(success=ok, handled=False)

    port = free_port()
    controller = Controller(
        sink,
        hostname="127.0.0.1",
        port=port,
        tls_context=ctx,
        require_starttls=True,
        authenticator=check,
        auth_required=True,
    )
    controller.start()
    try:
        good = Relay(
            RelayTarget(
                "127.0.0.1", port, starttls=True, ca_file=ca_file, username="gw", password="relay-pass"
            )
        )
        assert good.send("taro@example.co.jp", ["a@partner.example"], mail()).delivered == [
            "a@partner.example"
        ]
        good.close()
        bad = Relay(
            RelayTarget("127.0.0.1", port, starttls=True, ca_file=ca_file, username="gw", password="nope")
        )
        result = bad.send("taro@example.co.jp", ["a@partner.example"], mail())
        assert result.retry and not result.delivered  # a login refused is kept for a retry, not dropped
        untrusted = Relay(RelayTarget("127.0.0.1", port, starttls=True, username="gw", password="relay-pass"))
        assert untrusted.send("taro@example.co.jp", ["a@partner.example"], mail()).retry  # unknown CA
        assert len(sink.messages) == 1
    finally:
        controller.stop()


def test_relay_dot_stuffing_matches_smtplib(sink):
    """The relay stuffs dots with bytes.replace; what arrives is what smtplib would send."""
    body = b"Subject: dots\r\n\r\n.\r\n..two\r\n.three\r\nend.\r\n."
    relay = Relay(RelayTarget("127.0.0.1", sink.port))
    assert relay.send("a@example.jp", ["b@example.jp"], body).delivered == ["b@example.jp"]
    with smtplib.SMTP("127.0.0.1", sink.port) as s:
        s.sendmail("a@example.jp", ["b@example.jp"], body)
    relay.close()
    got = sink.sink.wait(2)
    assert got[0].data == got[1].data == body + b"\r\n"


def test_no_auth_offered_without_an_account(start_gateway, sink):
    gw = start_gateway("rules: [{id: all, action: allow}]\n")
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=10) as s:
        _, ehlo = s.ehlo()
        assert b"AUTH" not in ehlo
        assert s.docmd("AUTH PLAIN AG10YQBzM2NyZXQtcGFzcw==")[0] == 502


def test_auth_never_in_plaintext_unless_loopback_is_allowed(start_gateway, sink, server_tls):
    from mailwarden.core.errors import ConfigError

    with pytest.raises(ConfigError):  # an account without TLS and without the loopback exception
        start_gateway("rules: [{id: all, action: allow}]\n", auth=("mta", "s3cret-pass"))
    ctx, ca_file = server_tls
    gw = start_gateway("rules: [{id: all, action: allow}]\n", tls_context=ctx, auth=("mta", "s3cret-pass"))
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=10) as s:
        _, ehlo = s.ehlo()
        assert b"AUTH" not in ehlo  # before STARTTLS: not offered
        assert s.docmd("AUTH PLAIN AG10YQBzM2NyZXQtcGFzcw==")[0] == 538
        s.starttls(context=ssl.create_default_context(cafile=ca_file))
        _, ehlo = s.ehlo()
        assert b"AUTH" in ehlo
    loop = start_gateway(
        "rules: [{id: all, action: allow}]\n", auth=("mta", "s3cret-pass"), auth_plain_loopback=True
    )
    with smtplib.SMTP("127.0.0.1", loop.port, timeout=10) as s:
        s.login("mta", "s3cret-pass")  # the configured exception: an MTA on this host


def test_auth_attempts_are_limited_per_user(start_gateway, sink, server_tls):
    ctx, ca_file = server_tls
    gw = start_gateway(
        "rules: [{id: all, action: allow}]\n",
        tls_context=ctx,
        auth=("mta", "s3cret-pass"),
        auth_failures_per_user=3,
    )
    import base64

    def plain(password: str) -> str:
        return "AUTH PLAIN " + base64.b64encode(f"\0mta\0{password}".encode()).decode()

    client_ctx = ssl.create_default_context(cafile=ca_file)
    for _ in range(3):  # one attempt each, each on a new connection
        with smtplib.SMTP("127.0.0.1", gw.port, timeout=10) as s:
            s.starttls(context=client_ctx)
            s.ehlo()
            assert s.docmd(plain("guess"))[0] == 535
    with smtplib.SMTP("127.0.0.1", gw.port, timeout=10) as s:
        s.starttls(context=client_ctx)
        s.ehlo()
        assert s.docmd(plain("s3cret-pass"))[0] == 454  # right, but the account is being guessed at
