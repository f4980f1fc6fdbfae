"""Benchmark: sending a phishing-simulation campaign (issue 18, point 3).

    .venv/bin/python benchmarks/campaign_send.py [--recipients 10000] [--workers 4]
        [--template invoice-check] [--database-url URL] [--no-end-to-end]

A campaign of ``--recipients`` targets, all due at once, handed to a local relay: an aiosmtpd
server in a process of its own that accepts every message (so the relay's own speed, not the
sender's, is what a slow figure would show: it is reported beside). Two figures, each on a
fresh campaign:

- ``send_due``: messages/s of :func:`mailwarden.simulate.sender.send_due` in this process
  (claims, composing, SMTP, the outcomes written back);
- end to end: ``mailwarden campaign send`` as a user runs it, a subprocess, its wall time with
  interpreter start-up, imports and migrations check included.

Target: >= 200 messages/s handed to the relay. :func:`run` returns the figures as a dict
(``benchmarks/campaign.py`` calls it while the tracking server is under load).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select

from mailwarden.core.config import Settings
from mailwarden.core.store import Store, open_store
from mailwarden.simulate import campaigns as cmp
from mailwarden.simulate.models import SimDomain, SimGroup, SimRecipient, SimTarget
from mailwarden.simulate.sender import send_due

DOMAIN = "bench.example.co.jp"
_SINK = """
import asyncio, sys
from aiosmtpd.controller import Controller

class Accept:
    count = 0
    async def handle_DATA(self, server, session, envelope):
        Accept.count += 1
        return "250 OK"

c = Controller(Accept(), hostname="127.0.0.1", port=int(sys.argv[1]), data_size_limit=64 << 20)
c.start()
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.read()  # until the parent closes our stdin
c.stop()
sys.stdout.write(f"{Accept.count}\\n")
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SinkProcess:
    """An accept-everything aiosmtpd relay in a process of its own."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _SINK, str(self.port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError("the sink did not start")

    def stop(self) -> int:
        """Stop it; how many messages it took."""
        out, _ = self.proc.communicate(timeout=60)
        return int(out.strip() or 0)


def seed(store: Store, n: int, relay_port: int) -> None:
    with store.session(write=True) as s:
        if s.get(SimDomain, DOMAIN) is None:
            s.add(SimDomain(domain=DOMAIN, token="t", verified_at=datetime.now(UTC)))
            groups = [SimGroup(name=f"部署{i}") for i in range(20)]
            s.add_all(groups)
            s.flush()
            s.execute(
                insert(SimTarget),
                [
                    {
                        "name": f"社員 {i}",
                        "address": f"user{i}@{DOMAIN}",
                        "group_id": groups[i % 20].id,
                        "manager": f"boss{i % 20}@{DOMAIN}",
                        "created_at": datetime.now(UTC),
                    }
                    for i in range(n)
                ],
            )
    if not any(p.name == "bench" for p in cmp.list_profiles(store=store)):
        cmp.add_profile(
            "bench", f"127.0.0.1:{relay_port}", security="none", mail_from=f"it@{DOMAIN}", store=store
        )


def _campaign(store: Store, settings: Settings, name: str, template: str) -> int:
    c = cmp.create_campaign(
        name, template=template, profile="bench", contact=f"security@{DOMAIN}", store=store, settings=settings
    )
    cmp.schedule(c.id, store=store)
    return c.id


def _sent(store: Store, campaign_id: int) -> int:
    with store.session() as s:
        q = select(func.count()).where(SimRecipient.campaign_id == campaign_id, SimRecipient.status == "sent")
        return int(s.scalar(q) or 0)


def run(
    recipients: int = 10_000,
    *,
    workers: int = 4,
    template: str = "invoice-check",
    database_url: str | None = None,
    end_to_end: bool = True,
    relay_port: int | None = None,
) -> dict[str, Any]:
    """Send a campaign of ``recipients`` twice (``send_due``, then ``mailwarden campaign send``)
    and return the figures. ``relay_port``: an SMTP relay already listening on loopback (else an
    accept-everything sink is started); ``database_url``: a store (else SQLite in a temporary
    directory)."""
    tmp = Path(tempfile.mkdtemp(prefix="mw-bench-send-"))
    url = database_url or f"sqlite:///{tmp / 'mw.db'}"
    sink = SinkProcess() if relay_port is None else None
    port = relay_port or (sink.port if sink else 0)
    settings = Settings(data_dir=tmp / "data", secret_key="b" * 48, database_url=url)
    store = open_store(url=url)
    t = time.perf_counter()
    seed(store, recipients, port)
    tag = datetime.now(UTC).strftime("%H%M%S%f")
    first = _campaign(store, settings, f"bench-{tag}-a", template)
    setup = time.perf_counter() - t
    result: dict[str, Any] = {
        "recipients": recipients,
        "workers": workers,
        "template": template,
        "database": store.engine.dialect.name,
        "setup_seconds": round(setup, 2),
    }
    stats = send_due(store, settings, workers=workers)
    result["send_due"] = {
        "sent": stats.sent,
        "seconds": round(stats.seconds, 2),
        "messages_per_second": round(stats.handed / stats.seconds, 1),
        "all_sent": _sent(store, first) == recipients,
    }
    if end_to_end:
        second = _campaign(store, settings, f"bench-{tag}-b", template)
        env = {
            **os.environ,
            "MAILWARDEN_DATABASE_URL": url,
            "MAILWARDEN_DATA_DIR": str(tmp / "data"),
            "MAILWARDEN_SECRET_KEY": "b" * 48,
            "MAILWARDEN_LANG": "en",
        }
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "mailwarden", "campaign", "send", "--workers", str(workers), "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        wall = time.perf_counter() - t
        if proc.returncode != 0:
            raise RuntimeError(f"mailwarden campaign send failed: {proc.stderr}")
        result["end_to_end"] = {
            "sent": _sent(store, second),
            "wall_seconds": round(wall, 2),
            "messages_per_second": round(recipients / wall, 1),
            "all_sent": _sent(store, second) == recipients,
        }
    if sink is not None:
        result["relay_received"] = sink.stop()
    store.engine.dispose()
    return result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--recipients", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--template", default="invoice-check")
    ap.add_argument("--database-url", default=None)
    ap.add_argument("--no-end-to-end", action="store_true")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    r = run(
        args.recipients,
        workers=args.workers,
        template=args.template,
        database_url=args.database_url,
        end_to_end=not args.no_end_to_end,
    )
    print(
        f"{r['recipients']:,} recipients, template {r['template']}, {r['workers']} connections, "
        f"{r['database']} (set-up {r['setup_seconds']} s)"
    )
    d = r["send_due"]
    print(
        f"send_due: {d['sent']:,} sent in {d['seconds']} s = {d['messages_per_second']:,} messages/s "
        f"(target >= 200); all sent: {d['all_sent']}"
    )
    if "end_to_end" in r:
        e = r["end_to_end"]
        print(
            f"mailwarden campaign send (end to end, start-up included): {e['sent']:,} sent in "
            f"{e['wall_seconds']} s = {e['messages_per_second']:,} messages/s; all sent: {e['all_sent']}"
        )
    if "relay_received" in r:
        print(f"the relay received {r['relay_received']:,} messages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
