"""The test inbox: an SMTP listener (aiosmtpd) that takes mail for ``*@<domain>`` (any
recipient when no domain is set), asks nothing of the client, offers STARTTLS when given a
certificate, and grades each message with :func:`check_message` *after* answering 250 — a task
on the listener's loop, so a slow DNS answer never times out the sender — keeping the report in
``sender_checks`` under the recipient's local part (the token the console gives each user).

``start()``/``stop()`` run it on aiosmtpd's own thread (tests, ``sender inbox``)."""

from __future__ import annotations

import asyncio
import logging
import re
import ssl
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from ...core.dns import Resolver, nameservers_from
from ...core.store import Store
from .check import MAX_MESSAGE, check_message
from .report import SenderReport
from .saved import save_report

log = logging.getLogger(__name__)
_TOKEN = re.compile(r"[^a-z0-9._+-]")


def token_of(address: str) -> str:
    local = address.rsplit("@", 1)[0].lower()
    return _TOKEN.sub("", local)[:64]


def tls_info(session: Session) -> dict[str, Any]:
    extra = getattr(session, "ssl", None)
    if not extra:
        return {"used": False}
    obj = extra.get("ssl_object")
    cipher = extra.get("cipher") or (obj.cipher() if obj is not None else None)
    return {
        "used": True,
        "version": obj.version() if obj is not None else (cipher[1] if cipher else None),
        "cipher": cipher[0] if cipher else None,
    }


class _Handler:
    def __init__(self, inbox: SenderInbox) -> None:
        self.inbox = inbox

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        domain = self.inbox.domain
        if domain and address.rsplit("@", 1)[-1].lower().rstrip(".") != domain:
            return "550 5.1.1 Not a test address of this inbox"
        if not token_of(address):
            return "550 5.1.3 Bad recipient address"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        peer = session.peer[0] if isinstance(session.peer, tuple) else str(session.peer or "")
        facts = {
            "client_ip": peer or None,
            "helo": session.host_name or "",
            "mail_from": envelope.mail_from or "",
            "tls": tls_info(session),
        }
        token = token_of(envelope.rcpt_tos[0]) if envelope.rcpt_tos else ""
        task = asyncio.create_task(self.inbox.grade(raw, token, facts))
        self.inbox.pending.add(task)
        task.add_done_callback(self.inbox.pending.discard)
        return "250 OK: queued for grading"


class SenderInbox:
    def __init__(
        self,
        host: str,
        port: int,
        *,
        store: Store | None,
        resolver_settings: Any = None,
        tls_cert: Path | str | None = None,
        tls_key: Path | str | None = None,
        domain: str | None = None,
        max_size: int = MAX_MESSAGE,
        on_report: Callable[[str, SenderReport], None] | None = None,
        ca_file: Path | str | None = None,
    ) -> None:
        """``resolver_settings``: the Settings whose ``nameservers``/``dns_timeout`` the DNS
        seam uses (the machine's resolver when None). ``on_report(token, report)`` is called
        after each message is graded (the CLI prints a line)."""
        self.host, self.port = host, port
        self.store = store
        self.settings = resolver_settings
        self.domain = (domain or "").lower().rstrip(".")
        self.on_report = on_report
        self.ca_file = ca_file
        self.pending: set[asyncio.Task[None]] = set()
        self._resolver: Resolver | None = None
        tls_context = None
        if tls_cert and tls_key:
            tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            tls_context.load_cert_chain(str(tls_cert), str(tls_key))
        self.controller = Controller(
            _Handler(self),
            hostname=host,
            port=port,
            server_hostname=self.domain or None,
            data_size_limit=max_size,
            enable_SMTPUTF8=True,
            decode_data=False,
            tls_context=tls_context,
            require_starttls=False,
            ready_timeout=10.0,
        )

    def resolver(self) -> Resolver:
        if self._resolver is None:
            s = self.settings
            named = str(getattr(s, "nameservers", "") or "") if s is not None else ""
            specs = [named] if named else []
            self._resolver = Resolver(
                nameservers_from(specs) or None,
                timeout=float(getattr(s, "dns_timeout", 2.0) or 2.0),
                retries=int(getattr(s, "dns_retries", 2) or 2),
            )
        return self._resolver

    async def grade(self, raw: bytes, token: str, facts: dict[str, Any]) -> None:
        try:
            report = await check_message(
                raw, resolver=self.resolver(), settings=self.settings, ca_file=self.ca_file, **facts
            )
        except Exception:  # one message that cannot be graded must not stop the inbox
            log.exception("grading a message failed")
            return
        if self.store is not None:
            await asyncio.to_thread(save_report, self.store, report, token)
        if self.on_report is not None:
            self.on_report(token, report)

    def start(self) -> SenderInbox:
        self.controller.start()
        return self

    def drain(self, timeout: float = 60.0) -> None:
        """Wait (from another thread) until every message received has been graded."""
        loop = self.controller.loop

        async def wait() -> None:
            while self.pending:
                await asyncio.gather(*list(self.pending), return_exceptions=True)

        asyncio.run_coroutine_threadsafe(wait(), loop).result(timeout)

    def stop(self) -> None:
        if self.controller._thread is None:
            return
        try:
            self.drain()
        except TimeoutError:  # grading stuck past a minute: stop anyway, those are lost
            log.warning("stopping with %d message(s) not graded", len(self.pending))
        self.controller.stop()
