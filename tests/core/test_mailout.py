"""core/mailout: one message through an SMTP relay (aiosmtpd on loopback): STARTTLS required
and verified against the CA bundle, implicit TLS, plain only on loopback, AUTH, and each way a
relay can fail sorted into try-later or refused-for-good."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from mailwarden.core.config import Settings
from mailwarden.core.errors import ConfigError
from mailwarden.core.mailout import Mailer, RelayConfig, is_loopback, send_one
from tests.support.nsd import free_port
from tests.support.smtpsink import Sink

pytestmark = pytest.mark.smtp


class CountingSink(Sink):
    """Counts the EHLOs it is greeted with (one a connection when no TLS is started)."""

    def __init__(self) -> None:
        super().__init__()
        self.ehlos = 0
        self.refuse_mail: str | None = None

    async def handle_EHLO(
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        self.ehlos += 1
        session.host_name = hostname  # aiosmtpd leaves this to a hook that takes the responses
        return responses

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.refuse_mail:
            return self.refuse_mail
        envelope.mail_from = address
        return "250 OK"


def mail(subject: str = "テスト") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "security@example.co.jp"
    msg["To"] = "tanaka@example.co.jp"
    msg["Subject"] = subject
    msg.set_content("本文です。\n")
    return msg


@pytest.fixture
def server_tls(test_ca: Any) -> ssl.SSLContext:
    cert = test_ca.issue_cert("127.0.0.1", "localhost")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    return ctx


def _check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"mw", b"relay-pass")
    return AuthResult(success=ok, handled=False)


def start(sink: Sink, **kwargs: Any) -> Controller:
    controller = Controller(sink, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller


@pytest.fixture
def plain() -> Iterator[tuple[CountingSink, int]]:
    sink = CountingSink()
    controller = start(sink)
    yield sink, controller.port
    controller.stop()


@pytest.fixture
def starttls_relay(server_tls: ssl.SSLContext) -> Iterator[tuple[Sink, int]]:
    sink = Sink()
    controller = start(
        sink, tls_context=server_tls, require_starttls=True, authenticator=_check, auth_required=True
    )
    yield sink, controller.port
    controller.stop()


def test_starttls_verified_and_authenticated(starttls_relay: tuple[Sink, int], ca_file: Path) -> None:
    sink, port = starttls_relay
    config = RelayConfig("127.0.0.1", port, "starttls", "mw", "relay-pass", ca_file=ca_file)
    got = send_one(config, mail(), mail_from="security@example.co.jp", to="tanaka@example.co.jp")
    assert got.sent, got.reply
    [received] = sink.messages
    assert received.rcpt_tos == ["tanaka@example.co.jp"] and b"Subject: =?utf-8?" in received.data


def test_unknown_ca_and_wrong_password_are_kept_for_later(
    starttls_relay: tuple[Sink, int], ca_file: Path
) -> None:
    sink, port = starttls_relay
    untrusted = RelayConfig("127.0.0.1", port, "starttls", "mw", "relay-pass")  # system store only
    got = send_one(untrusted, mail(), mail_from="security@example.co.jp", to="tanaka@example.co.jp")
    assert (got.status, got.relay_down) == ("temporary", True)
    assert "certificate" in got.reply.lower()
    wrong = RelayConfig("127.0.0.1", port, "starttls", "mw", "nope", ca_file=ca_file)
    got = send_one(wrong, mail(), mail_from="security@example.co.jp", to="tanaka@example.co.jp")
    assert (got.status, got.relay_down) == ("temporary", True) and got.reply.startswith("535")
    assert sink.messages == []


def test_starttls_required_never_skipped(plain: tuple[CountingSink, int]) -> None:
    sink, port = plain  # offers no STARTTLS
    got = send_one(
        RelayConfig("127.0.0.1", port, "starttls"), mail(), mail_from="s@example.co.jp", to="t@example.co.jp"
    )
    assert (got.status, got.relay_down) == ("temporary", True)
    assert "STARTTLS" in got.reply and sink.messages == []


def test_implicit_tls(server_tls: ssl.SSLContext, ca_file: Path) -> None:
    sink = Sink()
    controller = start(sink, ssl_context=server_tls)
    try:
        config = RelayConfig("127.0.0.1", controller.port, "tls", ca_file=ca_file)
        got = send_one(config, mail(), mail_from="s@example.co.jp", to="t@example.co.jp")
        assert got.sent, got.reply
        assert len(sink.messages) == 1
    finally:
        controller.stop()


def test_settings_checked() -> None:
    with pytest.raises(ConfigError, match="loopback"):
        RelayConfig("relay.example.co.jp", 25, "none")
    with pytest.raises(ConfigError):
        RelayConfig("127.0.0.1", 25, "ssl")
    with pytest.raises(ConfigError):
        RelayConfig("127.0.0.1", 25, "none", timeout=1.0)
    with pytest.raises(ConfigError):
        RelayConfig.from_settings(Settings(feedback_relay=""))
    with pytest.raises(ConfigError):
        RelayConfig.from_settings(Settings(feedback_relay="[::1"))
    c = RelayConfig.from_settings(
        Settings(
            feedback_relay="relay.example.co.jp", relay_user="u", relay_password="p", ca_bundle=Path("/x.pem")
        )
    )
    assert (c.host, c.port, c.security, c.username, c.password, c.ca_file) == (
        "relay.example.co.jp", 587, "starttls", "u", "p", Path("/x.pem"),
    )  # fmt: skip
    assert (
        RelayConfig.from_settings(Settings(feedback_relay="r.example", feedback_relay_security="tls")).port
        == 465
    )
    local = RelayConfig.from_settings(Settings(feedback_relay="[::1]:2525", feedback_relay_security="none"))
    assert (local.host, local.port) == ("::1", 2525)
    assert is_loopback("localhost") and is_loopback("127.0.0.2") and is_loopback("::1")
    assert not is_loopback("relay.example.co.jp") and not is_loopback("10.0.0.1")


def test_relay_down_is_temporary() -> None:
    got = send_one(
        RelayConfig("127.0.0.1", free_port(), "none"),
        mail(),
        mail_from="s@example.co.jp",
        to="t@example.co.jp",
    )
    assert (got.status, got.relay_down) == ("temporary", True) and got.reply


def test_replies_sorted_and_one_connection_for_a_batch(plain: tuple[CountingSink, int]) -> None:
    sink, port = plain
    sink.refuse_rcpt = {
        "gone@example.co.jp": "550 5.1.1 no such user",
        "full@example.co.jp": "452 4.2.2 full",
    }
    with Mailer(RelayConfig("127.0.0.1", port, "none")) as m:
        results = [
            m.send(mail(), mail_from="s@example.co.jp", to=to)
            for to in ("a@example.co.jp", "gone@example.co.jp", "full@example.co.jp", "b@example.co.jp")
        ]
    assert [(r.status, r.relay_down) for r in results] == [
        ("sent", False), ("permanent", False), ("temporary", False), ("sent", False),
    ]  # fmt: skip
    assert results[1].reply.startswith("550") and results[2].reply.startswith("452")
    assert sink.ehlos == 1  # a refused recipient does not cost the connection
    assert [r.rcpt_tos for r in sink.messages] == [["a@example.co.jp"], ["b@example.co.jp"]]


def test_data_refused_for_good_or_for_now(plain: tuple[CountingSink, int]) -> None:
    sink, port = plain
    config = RelayConfig("127.0.0.1", port, "none")
    sink.refuse = "554 5.6.0 content refused"
    got = send_one(config, mail(), mail_from="s@example.co.jp", to="t@example.co.jp")
    assert (got.status, got.reply[:3]) == ("permanent", "554")
    sink.refuse = "451 4.3.0 try later"
    got = send_one(config, mail(), mail_from="s@example.co.jp", to="t@example.co.jp")
    assert (got.status, got.relay_down, got.reply[:3]) == ("temporary", False, "451")
    sink.refuse = None
    sink.refuse_mail = "550 5.7.1 sender not allowed"  # our From: every message would fail
    got = send_one(config, mail(), mail_from="s@example.co.jp", to="t@example.co.jp")
    assert (got.status, got.relay_down) == ("temporary", True)
    assert sink.messages == []


def test_bytes_are_sent_as_they_are(plain: tuple[CountingSink, int]) -> None:
    sink, port = plain
    data = b"Subject: x\r\n\r\n.dot line\r\nend\r\n"
    got = send_one(
        RelayConfig("127.0.0.1", port, "none"), data, mail_from="s@example.co.jp", to="t@example.co.jp"
    )
    assert got.sent
    assert sink.messages[0].data == data


class RawSink(Sink):
    """Keeps the DATA exactly as it came over the wire."""

    def __init__(self) -> None:
        super().__init__()
        self.raw: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.raw.append(bytes(envelope.original_content or b""))
        return "250 OK"


def test_a_message_goes_on_the_wire_with_crlf_line_ends() -> None:
    sink = RawSink()
    controller = start(sink)
    try:
        long = mail("長い本文")
        long.set_content(
            "一行です。\n" * 400
        )  # 400 short lines: sent as one LF-joined line, 500 Line too long
        config = RelayConfig("127.0.0.1", controller.port, "none")
        got = send_one(config, long, mail_from="security@example.co.jp", to="tanaka@example.co.jp")
    finally:
        controller.stop()
    assert got.sent, got.reply
    (raw,) = sink.raw
    assert raw.count(b"\r\n") > 400 and b"\n" not in raw.replace(b"\r\n", b"")
