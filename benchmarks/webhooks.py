"""Benchmark: the providers' webhooks through the real HTTP server (issue 21).

    .venv/bin/python benchmarks/webhooks.py [--batches 60] [--singles 3000] [--concurrency 16]

Starts `mailwarden serve` as its own process (uvicorn, SQLite in a temporary directory) with a
SendGrid verification key and an SNS topic configured; NSD answers sns.ap-northeast-1.amazonaws.com
with 127.0.0.1 and a loopback HTTPS server (test CA) serves the SNS signing certificate, so the
server fetches and verifies it as it would Amazon's. Then, from a light asyncio client over
keep-alive connections:

1. SendGrid-style batches: ``--batches`` POSTs of 1,000 events each (every event id distinct,
   each batch signed with ECDSA P-256), 4 connections — events verified, parsed and stored per
   second;
2. SES events through SNS: ``--singles`` POSTs of one signed notification each (SignatureVersion
   2, every message distinct), ``--concurrency`` connections — requests per second and the
   latency percentiles.

Every answer is checked (200 and the events stored, counted from the server's own store after
the run). Also prints the component figure (verify + parse + store in process, no HTTP) for
comparison. Targets: ≥ 20,000 events/s for batches; ≥ 500 single-event requests/s with
p99 ≤ 50 ms. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from tests.support.esp_sign import (  # noqa: E402
    SNS_HOST,
    SNS_TOPIC,
    SnsSigner,
    sendgrid_events,
    sendgrid_keys,
    sendgrid_signed,
    ses_delivery,
    sns_notification,
    sns_signed,
)
from tests.support.nsd import NsdServer, Zone, free_port  # noqa: E402
from tests.support.peers import HttpsServer  # noqa: E402

from mailwarden.core.config import Settings  # noqa: E402
from mailwarden.core.store import open_store  # noqa: E402
from mailwarden.deliverability.events import HookRequest  # noqa: E402
from mailwarden.deliverability.models import DeliveryEvent  # noqa: E402
from mailwarden.deliverability.providers.sendgrid import build as build_sendgrid  # noqa: E402
from mailwarden.deliverability.store import store_events  # noqa: E402

BATCH = 1000


class Conn:
    """One keep-alive HTTP/1.1 connection: POST, read the status and the body."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Conn:
        return cls(*await asyncio.open_connection("127.0.0.1", port))

    async def post(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        head = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in headers.items() if k.lower() != "content-length"]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        status_line = await self.reader.readline()
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _sep, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        payload = await self.reader.readexactly(length)
        return int(status_line.split()[1]), payload

    def close(self) -> None:
        self.writer.close()


async def drive(
    port: int, requests: list[tuple[str, dict[str, str], bytes]], concurrency: int
) -> tuple[float, list[float], dict[int, int]]:
    """Post every request once over ``concurrency`` connections; (seconds, latencies, statuses)."""
    queue = list(reversed(requests))
    latencies: list[float] = []
    statuses: dict[int, int] = {}

    async def worker() -> None:
        conn = await Conn.open(port)
        try:
            while queue:
                path, headers, body = queue.pop()
                t = time.perf_counter()
                status, _payload = await conn.post(path, headers, body)
                latencies.append(time.perf_counter() - t)
                statuses[status] = statuses.get(status, 0) + 1
        finally:
            conn.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - start, latencies, statuses


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def stored(data: Path, provider: str) -> int:
    store = open_store(Settings(data_dir=data))
    try:
        with store.session() as s:
            q = select(func.count()).select_from(DeliveryEvent).where(DeliveryEvent.provider == provider)
            return int(s.scalar(q) or 0)
    finally:
        store.engine.dispose()


def component(batches: int) -> float:
    """verify + parse + store of SendGrid batches in process (no HTTP): events/s."""
    key, public = sendgrid_keys()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), hook_sendgrid_keys=public)
        store = open_store(settings)
        verifier = build_sendgrid(settings)
        assert verifier is not None
        now = int(time.time())
        reqs = []
        for b in range(batches):
            headers, body = sendgrid_signed(key, sendgrid_events(BATCH, start=b * BATCH, timestamp=now), now)
            reqs.append(
                HookRequest(
                    "sendgrid",
                    body,
                    {k.lower(): v for k, v in headers.items()},
                    "127.0.0.1",
                    {"domain": "example.jp"},
                    dt.datetime.now(dt.UTC),
                )
            )
        start = time.perf_counter()
        for r in reqs:
            asyncio.run(verifier.verify(r))
            store_events(store, verifier.parse(r).events)
        took = time.perf_counter() - start
        store.engine.dispose()
    return batches * BATCH / took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches", type=int, default=60)
    ap.add_argument("--singles", type=int, default=3000)
    ap.add_argument("--concurrency", type=int, default=16)
    args = ap.parse_args()

    import trustme

    ca = trustme.CA()
    signer = SnsSigner.new()
    cert = ca.issue_cert(SNS_HOST)
    chain = "".join(b.bytes().decode() for b in cert.cert_chain_pems)
    https = HttpsServer(chain, cert.private_key_pem.bytes().decode(), dict([signer.page()])).start()
    nsd = NsdServer([Zone("amazonaws.com").add(f"{SNS_HOST}.", "A", "127.0.0.1")]).start()
    key, public = sendgrid_keys()
    tmp = tempfile.TemporaryDirectory()
    data = Path(tmp.name)
    ca_file = data / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    port = free_port()
    env = {
        **os.environ,
        "MAILWARDEN_DATA_DIR": str(data),
        "MAILWARDEN_NAMESERVERS": nsd.address,
        "MAILWARDEN_CA_BUNDLE": str(ca_file),
        "MAILWARDEN_SNS_HTTPS_PORT": str(https.port),
        "MAILWARDEN_HOOK_SNS_TOPICS": SNS_TOPIC,
        "MAILWARDEN_HOOK_SENDGRID_KEYS": public,
        "MAILWARDEN_SENDING_DOMAINS": "example.jp",
        "MAILWARDEN_LANG": "en",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "mailwarden", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import httpx

        for _ in range(600):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        now = int(time.time())
        print(f"preparing {args.batches} SendGrid batches of {BATCH} events and {args.singles} SNS messages…")
        batches = []
        for b in range(args.batches):
            headers, body = sendgrid_signed(key, sendgrid_events(BATCH, start=b * BATCH, timestamp=now), now)
            batches.append(("/hooks/sendgrid?domain=example.jp", headers, body))
        singles = []
        at = dt.datetime.now(dt.UTC)
        for i in range(args.singles):
            fields = sns_notification(
                SNS_TOPIC, ses_delivery([f"r{i}@example.net"]), message_id=f"bench-{i:07d}", timestamp=at
            )
            singles.append(
                ("/hooks/ses", {"Content-Type": "text/plain; charset=UTF-8"}, sns_signed(signer, fields, 2))
            )
        # warm up: the SNS certificate fetched once, the first connections made
        asyncio.run(drive(port, singles[:20], 2))

        took, lat, statuses = asyncio.run(drive(port, batches, 4))
        events_s = args.batches * BATCH / took
        sg_stored = stored(data, "sendgrid")
        print(
            f"SendGrid batches: {args.batches} × {BATCH} events in {took:.2f} s = {events_s:,.0f} events/s "
            f"(target ≥ 20,000); per batch p50 {pct(lat, 0.5):.0f} ms, p99 {pct(lat, 0.99):.0f} ms; "
            f"answers {statuses}; stored {sg_stored:,}"
        )
        took, lat, statuses = asyncio.run(drive(port, singles[20:], args.concurrency))
        n = len(singles) - 20
        print(
            f"SNS single events: {n} requests, {args.concurrency} connections, in {took:.2f} s = "
            f"{n / took:,.0f} requests/s (target ≥ 500); p50 {pct(lat, 0.5):.1f} ms, "
            f"p99 {pct(lat, 0.99):.1f} ms (target ≤ 50), max {max(lat) * 1000:.1f} ms; "
            f"mean {statistics.fmean(lat) * 1000:.1f} ms; answers {statuses}; stored {stored(data, 'ses'):,}"
        )
        proc.terminate()
        proc.wait(10)
        for cmd in (["rates", "--format", "json"], ["reasons"], ["suppressions", "--format", "csv"]):
            t = time.perf_counter()
            run = subprocess.run(
                [sys.executable, "-m", "mailwarden", "deliverability", *cmd], env=env, capture_output=True
            )
            print(
                f"mailwarden deliverability {' '.join(cmd)} over {sg_stored + n + 20:,} stored events: "
                f"{time.perf_counter() - t:.2f} s end to end (exit {run.returncode})"
            )
    finally:
        proc.terminate()
        proc.wait(10)
        nsd.stop()
        https.stop()
        tmp.cleanup()
    print(f"component (verify + parse + store, in process, no HTTP): {component(10):,.0f} events/s")


if __name__ == "__main__":
    main()
