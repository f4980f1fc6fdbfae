"""The gateway's SMTP server: aiosmtpd's, with a fast path for plain MAIL/RCPT paths and DATA
read in blocks, and the handler that hands each message to the gateway."""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, AnyStr, BinaryIO, NamedTuple

from aiosmtpd.smtp import MISSING, SMTP, Envelope, Session, syntax

from .spool import new_id

_PLAIN_PATH = re.compile(r"\s*<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>(.*)", re.S)

#: a CR or LF on its own (RFC 5321 2.3.8 forbids them): what SMTP smuggling hides "<LF>.<LF>"
#: in. End of data is only ever CRLF.CRLF here (aiosmtpd >= 1.4.5) and the relay writes CRLF,
#: so a smuggled message could not get through anyway; refusing says so to the sender.
BARE_EOL = re.compile(rb"\r(?!\n)|(?<!\r)\n")


def has_bare_eol(data: bytes) -> bool:
    """Whether ``BARE_EOL`` matches anywhere, by counting: every CRLF holds one CR and one LF,
    so a CR or LF more than there are CRLFs stands alone. Three byte counts cost a fraction
    of the regex scan, which had been a sixth of the gateway's own CPU time."""
    crlf = data.count(b"\r\n")
    return data.count(b"\r") != crlf or data.count(b"\n") != crlf


class GatewaySMTP(SMTP):
    """aiosmtpd's server with a fast path for the usual ``<local@domain>`` in MAIL and RCPT:
    its general parser (the email package's header parser) cost more than screening a
    short message. Anything else goes to that parser as before."""

    def __init__(self, *args: Any, incoming_dir: Path, offer_auth: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._incoming_dir = incoming_dir
        self._offer_auth = offer_auth
        #: the message being handed to the handler (DATA), on disk
        self.incoming: Incoming | None = None

    async def push(self, status: AnyStr) -> None:
        # aiosmtpd names its built-in mechanisms in EHLO even without any account to check
        # them against: without users the gateway offers no AUTH at all
        if not self._offer_auth and isinstance(status, str) and status.startswith("250-AUTH"):
            return
        await super().push(status)

    @syntax("AUTH <mechanism>")
    async def smtp_AUTH(self, arg: str) -> None:
        if not self._offer_auth:
            await self.push("502 5.5.1 AUTH not available")
            return
        await super().smtp_AUTH(arg)

    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        m = _PLAIN_PATH.match(arg)
        if m is not None:
            return m.group(1), m.group(2).lstrip()
        return super()._getaddr(arg)

    @syntax("DATA")
    async def smtp_DATA(self, arg: str) -> None:
        """aiosmtpd's DATA, reading blocks instead of a line at a time (a Python step per
        line was a fifth of the gateway's time) and writing the message to a file in
        ``incoming_dir`` as it arrives, so a large message is never held in memory. Same
        rules as aiosmtpd: the end is CRLF.CRLF only; a line over ``line_length_limit``
        answers 500 and more than ``data_size_limit`` 552 (whichever came first), both after
        the whole message was read; leading dots are unstuffed; what the client sent after
        the end (pipelined commands) is left for the command loop. The handler finds the
        message in ``self.incoming``; the file is removed once it has answered."""
        if await self.check_helo_needed() or await self.check_auth_needed("DATA"):
            return
        assert self.envelope is not None
        if not self.envelope.rcpt_tos:
            await self.push("503 Error: need RCPT command")
            return
        if arg:
            await self.push("501 Syntax: DATA")
            return
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        fd, name = tempfile.mkstemp(dir=self._incoming_dir, prefix=new_id() + "-", suffix=".in")
        path = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                received = await self._receive(out)
            if received is None:
                return  # the client went away: nothing was accepted
            if isinstance(received, str):
                self._set_post_data_state()  # type: ignore[no-untyped-call]
                await self.push(received)
                return
            self.incoming = received._replace(path=path)
            self.envelope.content = self.envelope.original_content = None
            status = await self._call_handler_hook("DATA")
            self._set_post_data_state()  # type: ignore[no-untyped-call]
            await self.push("250 OK" if status is MISSING else status)
        finally:
            self.incoming = None
            path.unlink(missing_ok=True)

    async def _receive(self, out: BinaryIO) -> Incoming | str | None:
        """Read DATA up to its end into ``out``: the message (path not yet set), the error
        reply when over a limit, ``None`` when the client went away."""
        reader = self._reader
        data = _Data(out, self.data_size_limit or 0, self.line_length_limit)
        buf = bytearray()
        at_start = True  # buf begins a line
        scanned = 0
        try:
            while True:
                if at_start and buf[:3] == b".\r\n":
                    end, after = 0, 3
                    break
                i = buf.find(b"\r\n.\r\n", max(0, scanned - 4))
                if i >= 0:
                    end, after = i + 2, i + 5
                    break
                cut = buf.rfind(b"\r\n") + 2
                if cut >= 2:  # whole lines go to the file; the unfinished one waits
                    data.take(bytes(buf[:cut]))
                    del buf[:cut]
                    at_start = True
                if len(buf) > data.max_line + 4:  # a line already too long: keep only its end
                    data.overlong(len(buf) - 4)
                    del buf[:-4]
                    at_start = False
                scanned = len(buf)
                chunk = await reader.read(1 << 16)
                if not chunk:
                    return None
                buf += chunk
        except asyncio.CancelledError:
            self._writer.close()
            raise
        data.take(bytes(buf[:end]))
        rest = bytes(buf[after:])
        if rest:
            reader._buffer[0:0] = rest  # type: ignore[attr-defined]  # pipelined commands
        if data.error:
            return data.error
        return Incoming(Path(), data.written, data.bare_eol)


TOO_LONG = "500 Line too long (see RFC5321 4.5.3.1.6)"
TOO_MUCH = "552 Error: Too much mail data"


class Incoming(NamedTuple):
    """A message received to disk: its file, size (after unstuffing), and whether it holds
    a bare CR or LF."""

    path: Path
    size: int
    bare_eol: bool


class _Data:
    """The DATA stream's bookkeeping: lines counted against the limits as aiosmtpd counts
    them, unstuffed and written while the message is within them."""

    def __init__(self, out: BinaryIO, limit: int, max_line: int) -> None:
        self.out = out
        self.limit = limit
        self.max_line = max_line
        self.raw = 0  # bytes read, before unstuffing
        self.written = 0
        self.bare_eol = False
        self.error = ""

    def take(self, lines: bytes) -> None:
        """Whole lines, ending CRLF (after an over-long line, the first is its end: the
        message is refused by then and nothing more is written)."""
        if not lines:
            return
        if not self.error:
            self.error = self._check(lines)
        self.raw += len(lines)
        if self.error:
            return
        self.bare_eol = self.bare_eol or has_bare_eol(lines)
        if lines.startswith(b"."):
            lines = lines[1:]
        if b"\r\n." in lines:
            lines = lines.replace(b"\r\n.", b"\r\n")
        self.out.write(lines)
        self.written += len(lines)

    def _check(self, lines: bytes) -> str:
        over = self.limit and self.raw + len(lines) > self.limit
        if not over and len(lines) <= self.max_line:
            return ""
        # line by line, in aiosmtpd's order: a line longer than its reader's limit is too long
        # before it is counted; a line is counted, then checked against the size limit, then
        # against the line limit (which counts the CRLF)
        seen = self.raw
        for line in lines.split(b"\r\n")[:-1]:
            if len(line) > self.max_line:
                return TOO_LONG
            seen += len(line) + 2
            if self.limit and seen > self.limit:
                return TOO_MUCH
            if len(line) + 2 > self.max_line:
                return TOO_LONG
        return ""

    def overlong(self, n: int) -> None:
        """``n`` bytes of a line with no end in sight: too long (aiosmtpd's reader gives up on
        it before counting it), unless already over a limit."""
        if not self.error:
            self.error = TOO_LONG
        self.raw += n


class Handler:
    """aiosmtpd's hooks for the gateway: MAIL answers 451 while the spool has no room, RCPT
    caps the recipients, DATA hands the message received to disk to ``accept``."""

    def __init__(
        self,
        accept: Callable[[Envelope, Incoming, str], Awaitable[str]],
        has_room: Callable[[], bool],
        max_recipients: int,
    ) -> None:
        self._accept = accept
        self._has_room = has_room
        self._max_recipients = max_recipients

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, mail_options: list[str]
    ) -> str:
        if not self._has_room():
            return "451 4.3.1 Spool full, try again later"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if len(envelope.rcpt_tos) >= self._max_recipients:
            return "452 4.5.3 Too many recipients"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server: GatewaySMTP, session: Session, envelope: Envelope) -> str:
        peer = session.peer[0] if isinstance(session.peer, tuple) else str(session.peer)
        assert server.incoming is not None
        return await self._accept(envelope, server.incoming, peer)
