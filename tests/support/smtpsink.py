"""A downstream SMTP peer (aiosmtpd) that keeps what it receives, can refuse for a while, and
the DLP gateway run in a thread of the test process."""

from __future__ import annotations

import asyncio
import re
import smtplib
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from .nsd import free_port


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def spool_id(self) -> str | None:
        m = re.search(rb"^X-Mailwarden-Spool-Id: (\S+)", self.data, re.M)
        return m.group(1).decode() if m else None


@dataclass
class Sink:
    """Set ``refuse`` to an SMTP reply ("451 4.3.0 try later") to refuse every message."""

    messages: list[Received] = field(default_factory=list)
    refuse: str | None = None
    refuse_rcpt: dict[str, str] = field(default_factory=dict)
    refused_count: int = 0

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refuse_rcpt:
            return self.refuse_rcpt[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.refuse:
            self.refused_count += 1
            return self.refuse
        self.messages.append(
            Received(envelope.mail_from or "", list(envelope.rcpt_tos), envelope.original_content or b"")
        )
        return "250 OK"

    def wait(self, n: int, timeout: float = 20.0) -> list[Received]:
        end = time.monotonic() + timeout
        while len(self.messages) < n and time.monotonic() < end:
            time.sleep(0.02)
        return self.messages


class SinkServer:
    def __init__(self, port: int | None = None) -> None:
        self.sink = Sink()
        self.port = port or free_port()
        self.controller = Controller(
            self.sink, hostname="127.0.0.1", port=self.port, enable_SMTPUTF8=True, data_size_limit=128 << 20
        )

    def start(self) -> SinkServer:
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller._thread is None:
            return  # stopped already
        self.controller.stop()


def wait_until(predicate: Callable[[], Any], timeout: float = 20.0) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


class GatewayThread:
    """A :class:`mailwarden.gateway.server.Gateway` on its own event loop in a thread."""

    def __init__(self, gateway: Any) -> None:
        self.gateway = gateway
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self) -> GatewayThread:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.gateway.start(), self.loop).result(30)
        return self

    @property
    def port(self) -> int:
        return int(self.gateway.port)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.gateway.stop(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def gateway_process(port: int, relay: int, policy: Path, spool: Path, *extra: str) -> subprocess.Popen[bytes]:
    """``mailwarden gateway run`` as its own process (its log beside the spool), once it answers."""
    cmd = [sys.executable, "-m", "mailwarden", "gateway", "run", "--listen", f"127.0.0.1:{port}"]
    cmd += ["--relay", f"127.0.0.1:{relay}", "--policy", str(policy), "--spool", str(spool), *extra]
    with open(spool.parent / "gateway.log", "ab") as log:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)

    def up() -> bool:
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=2) as s:
                return s.noop()[0] == 250
        except OSError:
            return False

    wait_until(up, 60)
    return proc
