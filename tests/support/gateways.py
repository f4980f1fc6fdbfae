"""Real ``mailwarden gateway run`` processes sharing one PostgreSQL, each on a loopback address of
its own (a host of its own in the deployment), and a burst of mail sent through them while one
is killed — used by the gateway tests and by the demonstration of the whole deployment."""

from __future__ import annotations

import json
import os
import re
import signal
import smtplib
import subprocess
import sys
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from tests.support.nsd import free_port
from tests.support.smtpsink import SinkServer, wait_until

POLICY = """
internal_domains: [example.co.jp]
keywords: [{id: hold, words: [HOLDME]}, {id: later, words: [DELAYME]}]
rules:
  - {id: hold-it, when: {keyword: hold}, action: hold, reason: needs approval}
  - {id: later, when: {keyword: later}, action: delay, minutes: 30}
  - {id: mark, when: {recipients: internal}, action: add_header, header: "X-DLP: v1"}
"""
HOSTS = {"a": "127.0.0.21", "b": "127.0.0.22"}


@dataclass
class Cluster:
    url: str
    root: Path
    sink: SinkServer
    ports: dict[str, int]
    procs: dict[str, subprocess.Popen[bytes]]

    def env(self, name: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAILWARDEN_")}
        env.update(
            MAILWARDEN_DATABASE_URL=self.url,
            MAILWARDEN_DATA_DIR=str(self.root / name),
            MAILWARDEN_SECRET_KEY="one key for every gateway and console",
            MAILWARDEN_LANG="en",
            MAILWARDEN_GATEWAY_SHARED="true",
        )
        return env

    def start(self, name: str) -> None:
        host = HOSTS[name]
        port = self.ports.setdefault(name, free_port())
        cmd = [sys.executable, "-m", "mailwarden", "gateway", "run", "--listen", f"{host}:{port}"]
        cmd += ["--relay", f"127.0.0.1:{self.sink.port}", "--spool", str(self.spool(name))]
        cmd += ["--instance", name, "--retry-base", "0.2"]
        (self.root / name).mkdir(exist_ok=True)
        with open(self.root / f"{name}.log", "ab") as log:
            self.procs[name] = subprocess.Popen(
                cmd, env=self.env(name), stdout=subprocess.DEVNULL, stderr=log
            )

        def up() -> bool:
            if self.procs[name].poll() is not None:
                raise AssertionError((self.root / f"{name}.log").read_text())
            try:
                with smtplib.SMTP(host, port, timeout=5) as s:
                    return s.noop()[0] == 250
            except OSError:
                return False

        wait_until(up, 60)

    def spool(self, name: str) -> Path:
        return self.root / name / "spool"

    def log(self, name: str) -> str:
        return (self.root / f"{name}.log").read_text(errors="replace")

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """The CLI from a host with no gateway: its own empty data directory, the database only."""
        return subprocess.run(
            [sys.executable, "-m", "mailwarden", *args],
            env=self.env("cli"),
            capture_output=True,
            text=True,
            timeout=60,
        )

    def listing(self, state: str = "held") -> list[dict[str, Any]]:
        done = self.cli("gateway", "queue", "list", "--state", state, "--format", "json")
        assert done.returncode == 0, done.stderr
        return list(json.loads(done.stdout))

    def push(self, policy: Path) -> None:
        pushed = self.cli("gateway", "policy", "push", str(policy))
        assert pushed.returncode == 0, pushed.stderr

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(30)


def message(mid: str, body: str = "hello") -> bytes:
    msg = EmailMessage()
    msg["From"] = "taro@example.co.jp"
    msg["To"] = "hanako@example.co.jp"
    msg["Subject"] = "report"
    msg["Message-ID"] = f"<{mid}@example.co.jp>"
    msg.set_content(body)
    return bytes(msg).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def deliver(host: str, port: int, data: bytes) -> str:
    with smtplib.SMTP(host, port, timeout=10) as s:
        s.ehlo()
        s.mail("taro@example.co.jp")
        s.rcpt("hanako@example.co.jp")
        code, text = s.data(data)
    assert code == 250, text
    return text.decode().rsplit(" ", 1)[-1]


def received(sink: SinkServer) -> list[tuple[str, str | None]]:
    """(Message-ID, spool id) of each copy of the test's messages the next hop took (the
    gateways' notices left out)."""
    found = []
    for m in list(sink.sink.messages):
        mid = re.search(rb"^Message-ID: <([^>@]+)@example\.co\.jp>", m.data, re.M | re.I)
        if mid:
            found.append((mid.group(1).decode(), m.spool_id))
    return found


def message_ids(sink: SinkServer) -> list[str]:
    return [mid for mid, _sid in received(sink)]


class Burst:
    """``total`` messages sent through every gateway of ``cluster``, one client thread a gateway
    (every fifth message held by the policy). Each attempt is its own message (its own
    Message-ID): one that got 250 must arrive exactly once; one cut off before 250 was never
    promised, and its client sends it again as a new attempt once the gateway is back."""

    def __init__(self, cluster: Cluster, total: int = 60) -> None:
        self.c = cluster
        self.total = total
        self.acked: dict[str, str] = {}  # Message-ID -> spool id
        self.held: set[str] = set()
        #: held attempts cut off before their 250: the gateway may have kept one (spooled, then
        #: killed before it answered), and lists it after its restart, though no client knows it
        self.cut_held = 0
        self.lock = threading.Lock()
        self.killed: str | None = None
        self.killed_at = 0
        self.restarted = threading.Event()
        names = sorted(cluster.ports)
        self.threads = [
            threading.Thread(target=self._send, args=(name, list(range(i, total, len(names)))))
            for i, name in enumerate(names)
        ]

    def start(self) -> Burst:
        for t in self.threads:
            t.start()
        return self

    def _send(self, name: str, numbers: list[int]) -> None:
        for i in numbers:
            attempt = 0
            while True:
                attempt += 1
                mid = f"m{i:03d}-{name}-{attempt}"
                hold = i % 5 == 0
                try:
                    data = message(mid, "HOLDME" if hold else "hello")
                    sid = deliver(HOSTS[name], self.c.ports[name], data)
                except (OSError, smtplib.SMTPException, AssertionError):
                    assert attempt < 200
                    if hold:
                        with self.lock:
                            self.cut_held += 1
                    wait_until(lambda: self.restarted.is_set() or name != self.killed, 60)
                    continue
                with self.lock:
                    self.acked[mid] = sid
                    if hold:
                        self.held.add(sid)
                break

    def acked_by(self, name: str) -> int:
        with self.lock:
            return sum(1 for m in self.acked if f"-{name}-" in m)

    def kill(self, name: str) -> None:
        """SIGKILL gateway ``name`` in the middle of the burst."""
        self.killed = name
        self.c.procs[name].send_signal(signal.SIGKILL)
        self.c.procs[name].wait(30)
        with self.lock:
            self.killed_at = len(self.acked)

    def restart(self) -> None:
        assert self.killed is not None
        self.c.start(self.killed)
        self.restarted.set()

    def check(self) -> None:
        """Wait for the clients, then: every acknowledged message delivered once, under the id it
        was accepted as; every held one listed once, by the gateway that holds it, and released
        from a host with no gateway; no spool left with work."""
        c = self.c
        for t in self.threads:
            t.join(120)
        acked, held = self.acked, self.held
        assert len({m.split("-")[0] for m in acked}) == self.total and self.killed_at < len(acked)

        sent = {mid for mid, sid in acked.items() if sid not in held}
        wait_until(lambda: sent <= set(message_ids(c.sink)), 60)
        rows = wait_until(lambda: (r := c.listing("held")) and len(r) >= len(held) and r, 30)
        listed = [r["id"] for r in rows]
        assert len(listed) == len(set(listed)) and held <= set(listed)  # each listed, once
        owner = {sid: mid.split("-")[1] for mid, sid in acked.items()}
        assert all(r["instance"] == owner[r["id"]] for r in rows if r["id"] in held)
        assert {r["instance"] for r in rows} == set(c.ports)
        # anything more is a held attempt the killed gateway kept without answering 250
        extra = [r for r in rows if r["id"] not in held]
        assert len(extra) <= self.cut_held and all(r["instance"] == self.killed for r in extra)

        released = c.cli("gateway", "queue", "release", *sorted(listed), "--as", "cli:approver")
        assert released.returncode == 0, released.stderr
        wait_until(lambda: set(acked) <= set(message_ids(c.sink)), 60)
        wait_until(lambda: not c.listing("held"), 30)
        for name in c.ports:
            wait_until(lambda name=name: not any((c.spool(name) / "queue").iterdir()), 30)

        copies: dict[str, set[str | None]] = defaultdict(set)
        raw = Counter(message_ids(c.sink))
        for mid, sid in received(c.sink):
            copies[mid].add(sid)
        for mid, sid in acked.items():
            assert copies[mid] == {sid}, mid  # delivered, under the one id it was accepted as
        # a second raw copy only for what was under way to the next hop at the kill: one a connection
        assert sum(n - 1 for mid, n in raw.items() if mid in acked) <= 4
        assert all(b"X-DLP: v1" in m.data for m in c.sink.sink.messages if b"@example.co.jp>" in m.data[:400])
