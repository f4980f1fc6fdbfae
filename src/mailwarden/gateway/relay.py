"""Handing a message to the next hop (smtplib, one kept-open connection per worker)."""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ..core.mailout import open_smtp
from .smtpd import has_bare_eol


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


@dataclass(frozen=True)
class MessageFile:
    """A message in a file from ``offset`` on, relayed with ``prefix`` (header lines the
    gateway adds) before it — streamed, never read into memory whole."""

    path: Path
    offset: int = 0
    prefix: bytes = b""

    def __len__(self) -> int:  # smtplib's SIZE= parameter
        return len(self.prefix) + self.path.stat().st_size - self.offset

    def blocks(self, size: int = 1 << 20) -> Iterator[bytes]:
        if self.prefix:
            yield self.prefix
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            while block := f.read(size):
                yield block


_EOL = re.compile(rb"\r\n|\r|\n")
#: a line this long with no end is sent on in pieces rather than waited for
_MAX_CARRY = 1 << 20


def _stuffed(piece: bytes, at_start: bool) -> bytes:
    if has_bare_eol(piece):
        piece = _EOL.sub(b"\r\n", piece)  # as smtplib does: a bare CR or LF becomes CRLF
    piece = piece.replace(b"\n.", b"\n..")  # every LF now ends a CRLF
    return b"." + piece if at_start and piece.startswith(b".") else piece


def dot_stuffed(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """DATA's transparency (RFC 5321 4.5.2) over a message given in blocks: a dot that starts
    a line doubled, line ends CRLF, and the end of data after a final CRLF. Blocks are cut at
    line ends, so a line end or a dot split between two blocks is treated as one."""
    carry = b""
    at_start = True
    ended = False  # what was sent so far ends a line (an empty message is one empty line)
    for block in blocks:
        buf = carry + block if carry else block
        cut = buf.rfind(b"\n") + 1
        if cut == 0 and len(buf) < _MAX_CARRY:
            carry = buf
            continue
        if cut == 0:  # a very long line: send what there is, but never split a CR from its LF
            cut = len(buf) - 1 if buf.endswith(b"\r") else len(buf)
        piece, carry = buf[:cut], buf[cut:]
        if piece:
            yield _stuffed(piece, at_start)
            at_start = ended = piece.endswith((b"\n", b"\r"))
    if carry:
        yield _stuffed(carry, at_start)
        ended = carry.endswith((b"\n", b"\r"))
    yield b".\r\n" if ended else b"\r\n.\r\n"


class _Client(smtplib.SMTP):
    """smtplib's client sending DATA from blocks (:func:`dot_stuffed`): a message streamed
    from the spool is never in memory whole, and dot-stuffing is ``bytes.replace``, not
    smtplib's regular expression, which cost more than the rest of sending."""

    def data(self, msg: bytes | str | MessageFile) -> tuple[int, bytes]:  # type: ignore[override]
        if isinstance(msg, str):
            return super().data(msg)
        self.putcmd("data")
        code, repl = self.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, repl)
        # pieces joined into writes of about a megabyte: a small last write (the end of data)
        # on its own would wait for the peer's delayed ACK (Nagle), 40 ms a message
        pending: list[bytes] = []
        size = 0
        for piece in dot_stuffed(msg.blocks() if isinstance(msg, MessageFile) else [msg]):
            pending.append(piece)
            size += len(piece)
            if size >= _MAX_CARRY:
                self.send(b"".join(pending))
                pending, size = [], 0
        self.send(b"".join(pending))
        return self.getreply()


class Relay:
    def __init__(self, target: RelayTarget) -> None:
        self.target = target
        self._conn: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        t = self.target
        return open_smtp(
            t.host,
            t.port,
            security="starttls" if t.starttls else "none",
            helo=t.helo,
            timeout=t.timeout,
            ca_file=t.ca_file,
            username=t.username,
            password=t.password,
            client=_Client,
        )

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                self._conn.close()
            self._conn = None

    def send(self, mail_from: str, rcpt_tos: list[str], data: bytes | MessageFile) -> Result:
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
                # smtplib hands ``data`` to _Client.data as it is: a MessageFile streams
                refused = self._conn.sendmail(mail_from, rcpt_tos, cast(Any, data), mail_options=opts)
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
