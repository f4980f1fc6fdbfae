"""The gateway's SMTP server: aiosmtpd's, with a fast path for plain MAIL/RCPT paths and DATA
read in blocks, and the handler that hands each message to the gateway."""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING, Any, AnyStr

from aiosmtpd.smtp import MISSING, SMTP, Envelope, Session, syntax

if TYPE_CHECKING:
    from .server import Gateway

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

    def __init__(self, *args: Any, offer_auth: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._offer_auth = offer_auth

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
        line was a fifth of the gateway's time). Same rules: the end is CRLF.CRLF only, a
        line over ``line_length_limit`` answers 500 and more than ``data_size_limit`` 552,
        both after the whole message was read; leading dots are unstuffed; what the client
        sent after the end (pipelined commands) is left for the command loop."""
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
        reader = self._reader
        limit = self.data_size_limit
        buf = bytearray()
        kept = 0  # bytes dropped from the front of buf once over the size limit
        scanned = 0
        try:
            while True:
                if kept == 0 and buf[:3] == b".\r\n":
                    end, after = 0, 3
                    break
                i = buf.find(b"\r\n.\r\n", max(0, scanned - 4))
                if i >= 0:
                    end, after = i + 2, i + 5
                    break
                if limit and kept + len(buf) > limit + 5:
                    kept += len(buf) - 4  # over the limit: keep reading, keep nothing
                    del buf[:-4]
                scanned = len(buf)
                chunk = await reader.read(1 << 16)
                if not chunk:
                    return  # the client went away: nothing was accepted
                buf += chunk
        except asyncio.CancelledError:
            self._writer.close()
            raise
        rest = bytes(buf[after:])
        if rest:
            reader._buffer[0:0] = rest  # type: ignore[attr-defined]  # pipelined commands
        if kept or (limit and end > limit):
            self._set_post_data_state()  # type: ignore[no-untyped-call]
            await self.push("552 Error: Too much mail data")
            return
        content = bytes(buf[:end])
        if (
            len(content) >= self.line_length_limit
            and max(map(len, content.split(b"\r\n"))) + 2 > self.line_length_limit
        ):
            self._set_post_data_state()  # type: ignore[no-untyped-call]
            await self.push("500 Line too long (see RFC5321 4.5.3.1.6)")
            return
        if b"\r\n." in content:
            content = content.replace(b"\r\n.", b"\r\n")
        if content.startswith(b"."):
            content = content[1:]
        self.envelope.content = content
        self.envelope.original_content = content
        status = await self._call_handler_hook("DATA")
        self._set_post_data_state()  # type: ignore[no-untyped-call]
        await self.push("250 OK" if status is MISSING else status)


class Handler:
    def __init__(self, gateway: Gateway) -> None:
        self.gateway = gateway

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, mail_options: list[str]
    ) -> str:
        if not self.gateway.spool.has_room():
            return "451 4.3.1 Spool full, try again later"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if len(envelope.rcpt_tos) >= self.gateway.config.max_recipients:
            return "452 4.5.3 Too many recipients"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        peer = session.peer[0] if isinstance(session.peer, tuple) else str(session.peer)
        return await self.gateway.accept(envelope, peer)
