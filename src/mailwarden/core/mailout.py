"""Sending mail we write ourselves (feedback to reporters, later simulation campaigns) through
the installation's SMTP relay, with smtplib.

How the relay is reached is a setting: ``starttls`` (the default: STARTTLS is required, never
skipped when the relay does not offer it), ``tls`` (implicit TLS, RFC 8314) or ``none`` (plain,
allowed only to a loopback relay such as a local Postfix). The certificate is verified against
the system's store plus ``ca_bundle``. AUTH is used when a login is set.

A send never raises for what the relay says or for failing to reach it: it returns a
:class:`Delivery` whose ``status`` is ``sent``, ``temporary`` (try again later: refused
connection, timeout, TLS or login failure, a 4xx reply, a dropped connection) or ``permanent``
(a 5xx reply to this message or its recipient). ``relay_down`` marks a temporary failure that
is about the relay, not the message: the next message would fare no better."""

from __future__ import annotations

import ipaddress
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from types import TracebackType
from typing import Literal

from .config import Settings
from .errors import ConfigError
from .https import tls_context
from .i18n import gettext
from .net import split_hostport

__all__ = ["SECURITIES", "Delivery", "Mailer", "RelayConfig", "is_loopback", "send_one"]

SECURITIES = ("starttls", "tls", "none")
#: below this a slow but healthy relay is taken for a dead one
MIN_TIMEOUT = 2.0


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class RelayConfig:
    host: str
    port: int
    security: str = "starttls"
    username: str | None = None
    password: str | None = None
    ca_file: Path | str | None = None
    timeout: float = 30.0
    #: the name we greet with (EHLO); None: the local host's name
    helo: str | None = None

    def __post_init__(self) -> None:
        if self.security not in SECURITIES:
            raise ConfigError(
                gettext("relay security must be one of: {values}").format(values=", ".join(SECURITIES))
            )
        if self.security == "none" and not is_loopback(self.host):
            raise ConfigError(
                gettext("a plain (unencrypted) relay is allowed only on loopback, not {host}").format(
                    host=self.host
                )
            )
        if self.timeout < MIN_TIMEOUT:
            raise ConfigError(gettext("the relay timeout must be at least {n} s").format(n=MIN_TIMEOUT))

    @classmethod
    def from_settings(cls, settings: Settings, relay: str | None = None) -> RelayConfig:
        """The feedback relay (``feedback_relay``, or ``relay`` given here) as configured.
        Raises ConfigError when none is set or it cannot be used."""
        spec = (relay if relay is not None else settings.feedback_relay).strip()
        if not spec:
            raise ConfigError(gettext("no relay is configured (MAILWARDEN_FEEDBACK_RELAY)"))
        security = settings.feedback_relay_security.strip().lower()
        default_port = 465 if security == "tls" else 587 if security == "starttls" else 25
        try:
            host, port = split_hostport(spec, default_port)
        except ValueError as exc:
            raise ConfigError(gettext("bad relay address {value}").format(value=spec)) from exc
        return cls(
            host=host,
            port=port,
            security=security,
            username=settings.relay_user or None,
            password=settings.relay_password or None,
            ca_file=settings.ca_bundle,
        )


@dataclass(frozen=True)
class Delivery:
    status: Literal["sent", "temporary", "permanent"]
    reply: str = ""
    #: temporary, and about the relay (unreachable, TLS, login, our sender refused)
    relay_down: bool = False

    @property
    def sent(self) -> bool:
        return self.status == "sent"


def _reply(code: int, text: bytes | str) -> str:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {said}".strip()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return gettext("certificate not valid: {value}").format(value=exc.verify_message)
    if isinstance(exc, TimeoutError):
        return gettext("no answer from the relay (timeout)")
    return str(exc) or type(exc).__name__


def open_smtp(
    host: str,
    port: int,
    *,
    security: str,
    helo: str | None = None,
    timeout: float = 30.0,
    ca_file: Path | str | None = None,
    username: str | None = None,
    password: str | None = None,
    client: type[smtplib.SMTP] = smtplib.SMTP,
) -> smtplib.SMTP:
    """A connection to an SMTP relay, greeted and logged in: ``security`` tls (implicit TLS),
    starttls (required: a relay, or someone in between, that hides STARTTLS gets nothing) or
    none; the certificate checked against the system's store plus ``ca_file``. ``client`` is
    the smtplib class to connect with (plain and STARTTLS)."""
    ctx = tls_context(ca_file)
    conn: smtplib.SMTP
    if security == "tls":
        conn = smtplib.SMTP_SSL(host, port, local_hostname=helo, timeout=timeout, context=ctx)
    else:
        conn = client(host, port, local_hostname=helo, timeout=timeout)
    try:
        conn.ehlo()
        if security == "starttls":
            if not conn.has_extn("starttls"):
                raise smtplib.SMTPNotSupportedError(gettext("the relay does not offer STARTTLS"))
            conn.starttls(context=ctx)
            conn.ehlo()
        if username and password:
            conn.login(username, password)
    except BaseException:
        conn.close()
        raise
    return conn


class Mailer:
    """One relay connection, opened at the first send and kept for the next ones (a batch);
    closed by :meth:`close` or at the end of a ``with`` block."""

    def __init__(self, config: RelayConfig) -> None:
        self.config = config
        self._conn: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        return open_smtp(
            c.host,
            c.port,
            security=c.security,
            helo=c.helo,
            timeout=c.timeout,
            ca_file=c.ca_file,
            username=c.username,
            password=c.password,
        )

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                self._conn.close()
            self._conn = None

    def send(self, message: EmailMessage | bytes, *, mail_from: str, to: str) -> Delivery:
        """One message to one recipient, one attempt (a kept connection the relay has closed
        while idle is opened again once)."""
        # on the wire, lines end in CRLF (RFC 5321): smtplib sends bytes as they are
        data = (
            message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
            if isinstance(message, EmailMessage)
            else message
        )
        opts = [] if (mail_from + to).isascii() else ["SMTPUTF8"]
        for attempt in (1, 2):
            reused = self._conn is not None
            try:
                if self._conn is None:
                    self._conn = self._connect()
                else:
                    self._conn.rset()
            except smtplib.SMTPServerDisconnected as exc:
                self.close()
                if reused and attempt == 1:
                    continue  # an idle connection closed by the relay: open a new one
                return Delivery("temporary", _describe(exc), relay_down=True)
            except (smtplib.SMTPException, OSError) as exc:
                # refused, timeout, greeting, STARTTLS missing or refused, certificate, login:
                # our set-up or the relay's state, never this message's fault
                self.close()
                return Delivery("temporary", _describe(exc), relay_down=True)
            try:
                refused = self._conn.sendmail(mail_from, [to], data, mail_options=opts)
            except smtplib.SMTPRecipientsRefused as exc:
                code, text = exc.recipients.get(to, (550, b""))
                return self._refused(code, text)
            except smtplib.SMTPSenderRefused as exc:
                # our own From refused: every message would be, so it is the relay's set-up
                self.close()
                return Delivery("temporary", _describe(exc), relay_down=True)
            except smtplib.SMTPServerDisconnected as exc:
                # not sent again at once: the relay may have taken the message before it hung up
                self.close()
                return Delivery("temporary", _describe(exc), relay_down=True)
            except smtplib.SMTPNotSupportedError as exc:  # SMTPUTF8 needed, not offered
                return Delivery("permanent", _describe(exc))
            except smtplib.SMTPResponseException as exc:  # DATA refused
                self.close()
                if exc.smtp_code >= 500:
                    return Delivery("permanent", _describe(exc))
                return Delivery("temporary", _describe(exc), relay_down=exc.smtp_code == 421)
            except (smtplib.SMTPException, OSError) as exc:  # dropped mid-message, timeout
                self.close()
                return Delivery("temporary", _describe(exc), relay_down=True)
            if to in refused:
                code, text = refused[to]
                return self._refused(code, text)
            return Delivery("sent")
        return Delivery("temporary", gettext("the relay closed the connection"), relay_down=True)

    @staticmethod
    def _refused(code: int, text: bytes) -> Delivery:
        """A recipient refused: for good on 5xx; 4xx (mailbox busy, greylisting) later."""
        if 500 <= code < 600:
            return Delivery("permanent", _reply(code, text))
        return Delivery("temporary", _reply(code, text), relay_down=code == 421)


def send_one(config: RelayConfig, message: EmailMessage | bytes, *, mail_from: str, to: str) -> Delivery:
    """One message over a connection of its own."""
    with Mailer(config) as mailer:
        return mailer.send(message, mail_from=mail_from, to=to)
