"""Benchmark: the post-quantum survey's STARTTLS handshakes against many local MX hosts (issue 22).

    .venv/bin/python benchmarks/pqc_survey.py [--domains 2000] [--concurrency 100] [--slow 0.05]

One SMTP server bound to 0.0.0.0 answers on 2,000 loopback addresses (127.1.x.y), each the MX of
its own domain in an NSD zone: a third negotiate the hybrid group X25519MLKEM768 (pyOpenSSL on the
bundled OpenSSL), the rest classical groups (Python's ssl on the system OpenSSL 3.0), and
``--slow`` of them greet after half a second. Timed on the same list, in the same run:

1. ``mailwarden pqc survey`` end to end (a subprocess, as a user runs it: start-up, DNS through
   NSD, DKIM selector probes, handshakes, JSON Lines written);
2. the handshakes alone through ``probe_starttls`` (in process, addresses known);
3. ``openssl s_client -starttls smtp`` once per host (the system's OpenSSL 3.0 CLI), run by a
   pool of the same concurrency.

Prints hosts/s of each and the ratios; the target is ≥ 200 hosts/s on two cores. Nothing is
asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.support.nsd import NsdServer, Zone  # noqa: E402
from tests.support.tlsmx import TlsMx, make_cert  # noqa: E402

from mailwarden.pqc.tls_probe import probe_starttls, set_workers  # noqa: E402


def address(i: int) -> str:
    return f"127.1.{i // 250}.{i % 250 + 1}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--domains", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=100)
    ap.add_argument("--slow", type=float, default=0.05, help="share of hosts greeting after 0.5 s")
    args = ap.parse_args()
    n = args.domains
    slow_every = int(1 / args.slow) if args.slow > 0 else 0
    modes = {}
    for i in range(n):
        mode = "hybrid" if i % 3 == 0 else "classical"
        if slow_every and i % slow_every == 1:
            mode = "slow"
        modes[address(i)] = mode
    server = TlsMx(
        make_cert("mx.bench.test"),
        delay=0.5,
        addresses=["0.0.0.0"],
        mode_for=lambda a: modes.get(a, "classical"),
    ).start()
    zone = Zone("bench.test")
    for i in range(n):
        zone.add(f"d{i}.bench.test.", "MX", f"10 mx{i}.bench.test.").add(
            f"mx{i}.bench.test.", "A", address(i)
        )
    nsd = NsdServer([zone]).start()
    tmp = Path(tempfile.mkdtemp())
    (tmp / "domains.txt").write_text("".join(f"d{i}.bench.test\n" for i in range(n)))
    counts = {m: sum(1 for v in modes.values() if v == m) for m in ("hybrid", "classical", "slow")}
    print(f"{n} MX hosts on loopback: {counts}; concurrency {args.concurrency}")
    try:
        # 1. the CLI end to end
        out = tmp / "rows.jsonl"
        t = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "mailwarden", "pqc", "survey", str(tmp / "domains.txt"), "-o", str(out),
             "-n", nsd.address, "--port", str(server.port), "-c", str(args.concurrency), "--timeout", "10",
             "-f", "json"],
            capture_output=True, text=True, env={**os.environ, "MAILWARDEN_LANG": "en"},
        )  # fmt: skip
        cli = time.perf_counter() - t
        summary = json.loads(run.stdout) if run.returncode == 0 else {"error": run.stderr[-500:]}
        print(f"mailwarden pqc survey (CLI, end to end): {n / cli:,.0f} domains/s ({cli:.1f} s); {summary}")

        # 2. the handshakes alone
        set_workers(args.concurrency)

        async def handshakes() -> list:
            sem = asyncio.Semaphore(args.concurrency)

            async def one(i: int):
                async with sem:
                    return await probe_starttls(
                        f"mx{i}.bench.test", server.port, address=address(i), timeout=10
                    )

            return await asyncio.gather(*(one(i) for i in range(n)))

        t = time.perf_counter()
        results = asyncio.run(handshakes())
        probe = time.perf_counter() - t
        hybrid = sum(1 for r in results if r[0].group == "X25519MLKEM768")
        failed = sum(1 for r in results if r[0].error)
        print(
            f"probe_starttls alone: {n / probe:,.0f} hosts/s ({probe:.1f} s); "
            f"hybrid {hybrid}, failed {failed}"
        )

        # 3. openssl s_client per host
        def s_client(i: int) -> bool:
            r = subprocess.run(
                ["openssl", "s_client", "-starttls", "smtp", "-connect", f"{address(i)}:{server.port}",
                 "-servername", f"mx{i}.bench.test", "-brief"],
                input=b"", capture_output=True, timeout=30,
            )  # fmt: skip
            return b"Protocol version" in r.stderr or b"CONNECTION ESTABLISHED" in r.stderr

        t = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            ok = sum(pool.map(s_client, range(n)))
        peer = time.perf_counter() - t
        print(f"openssl s_client per host: {n / peer:,.0f} hosts/s ({peer:.1f} s); handshakes made {ok}")
        print(
            f"ratio: CLI end to end {peer / cli:.1f}× openssl s_client; handshakes alone {peer / probe:.1f}×"
        )
    finally:
        nsd.stop()
        server.stop()


if __name__ == "__main__":
    main()
