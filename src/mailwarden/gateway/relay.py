"""Handing a message to the next hop (smtplib, one kept-open connection per worker)."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field


@dataclass
class RelayTarget:
    host: str
    port: int
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    ca_file: str | None = None
    timeout: float = 30.0
    helo: str | None = None


@dataclass
class Result:
    """Per recipient: delivered, to try again later, or refused for good (with the reply)."""

    delivered: list[str] = field(default_factory=list)
    retry: dict[str, str] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)


def _reply(code: int, text: bytes | str) -> str:
    msg = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {msg}".strip()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply(exc.smtp_code, exc.smtp_error)
    return str(exc) or type(exc).__name__


def parse_hostport(value: str, default_port: int = 25) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep:
        return value, default_port
    return host.strip("[]"), int(port)


class _Client(smtplib.SMTP):
    """smtplib's client with DATA's dot-stuffing done by ``bytes.replace``: what the gateway
    relays has CRLF line ends only (bare CR or LF is refused on the way in), so this is the
    same as smtplib's regular expression, which cost more than the rest of sending."""

    def data(self, msg: bytes | str) -> tuple[int, bytes]:  # type: ignore[override]
        if isinstance(msg, str) or b"\n" in msg.replace(b"\r\n", b""):
            return super().data(msg)  # not plain CRLF text: smtplib's own way
        self.putcmd("data")
        code, repl = self.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, repl)
        q = msg.replace(b"\r\n.", b"\r\n..")
        if q.startswith(b"."):
            q = b"." + q
        if q[-2:] != b"\r\n":
            q += b"\r\n"
        self.send(q + b".\r\n")
        return self.getreply()


class Relay:
    def __init__(self, target: RelayTarget) -> None:
        self.target = target
        self._conn: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        t = self.target
        conn = _Client(t.host, t.port, local_hostname=t.helo, timeout=t.timeout)
        try:
            conn.ehlo()
            if t.starttls:
                ctx = ssl.create_default_context(cafile=t.ca_file)
                conn.starttls(context=ctx)
                conn.ehlo()
            if t.username and t.password:
                conn.login(t.username, t.password)
        except BaseException:
            conn.close()
            raise
        return conn

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                self._conn.close()
            self._conn = None

    def send(self, mail_from: str, rcpt_tos: list[str], data: bytes) -> Result:
        """One attempt. Never raises for what the next hop says; a failure to talk to it at all
        makes every recipient a retry."""
        result = Result()
        for attempt in (1, 2):  # a kept-open connection may have been closed by the peer
            try:
                if self._conn is None:
                    try:
                        self._conn = self._connect()
                    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
                        # greeting, STARTTLS or login refused: our set-up, not this message's
                        # fault — it waits for the next attempt, never bounces
                        result.retry.update(dict.fromkeys(rcpt_tos, _describe(exc)))
                        return result
                else:
                    self._conn.rset()
                opts = ["SMTPUTF8"] if not (mail_from + "".join(rcpt_tos)).isascii() else []
                refused = self._conn.sendmail(mail_from, rcpt_tos, data, mail_options=opts)
            except smtplib.SMTPRecipientsRefused as exc:
                refused = exc.recipients
            except smtplib.SMTPResponseException as exc:
                reply = _reply(exc.smtp_code, exc.smtp_error)
                self.close()
                bucket = result.refused if 500 <= exc.smtp_code < 600 else result.retry
                bucket.update(dict.fromkeys(rcpt_tos, reply))
                return result
            except (smtplib.SMTPServerDisconnected, ConnectionError) as exc:
                self.close()
                if attempt == 1:
                    continue
                result.retry.update(dict.fromkeys(rcpt_tos, str(exc) or type(exc).__name__))
                return result
            except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
                self.close()
                result.retry.update(dict.fromkeys(rcpt_tos, str(exc) or type(exc).__name__))
                return result
            for rcpt in rcpt_tos:
                if rcpt in refused:
                    code, text = refused[rcpt]
                    bucket = result.refused if 500 <= code < 600 else result.retry
                    bucket[rcpt] = _reply(code, text)
                else:
                    result.delivered.append(rcpt)
            return result
        return result
