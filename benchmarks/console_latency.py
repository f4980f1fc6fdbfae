"""Benchmark: does the console keep answering while a big DMARC report is being parsed?

    .venv/bin/python benchmarks/console_latency.py [--mb 100]

Starts `mailwarden serve` as its own process (uvicorn, SQLite in a temporary directory), signs
in, uploads one aggregate report of about ``--mb`` MB through `POST /api/dmarc/reports`, and
while that upload is parsed asks `GET /api/session` (a small page: session lookup, JSON)
again and again from another thread. Prints the small page's latency percentiles during the
parse, and before it for comparison. Target (issue 14): p99 ≤ 100 ms while the upload is
parsed. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def report(mb: int) -> bytes:
    head = (
        b'<?xml version="1.0"?><feedback><report_metadata><org_name>big.example</org_name>'
        b"<email>r@big.example</email><report_id>big-1</report_id><date_range><begin>1700000000</begin>"
        b"<end>1700086399</end></date_range></report_metadata><policy_published><domain>example.jp"
        b"</domain><p>none</p></policy_published>"
    )
    records = []
    size = len(head)
    i = 0
    while size < mb * 1000 * 1000:  # MB of 10**6 bytes: just under the console's 100 MiB limit
        rec = (
            f"<record><row><source_ip>10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}</source_ip>"
            "<count>3</count><policy_evaluated><disposition>none</disposition><dkim>pass</dkim>"
            "<spf>fail</spf></policy_evaluated></row><identifiers><header_from>example.jp</header_from>"
            "</identifiers><auth_results><spf><domain>example.jp</domain><result>fail</result></spf>"
            "</auth_results></record>"
        ).encode()
        records.append(rec)
        size += len(rec)
        i += 1
    return head + b"".join(records) + b"</feedback>"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return f"{len(values)} requests"
    q = statistics.quantiles(values, n=100)
    return (
        f"{len(values)} requests: p50 {q[49]:.1f} ms, p90 {q[89]:.1f} ms, "
        f"p99 {q[98]:.1f} ms, max {max(values):.1f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=100)
    args = ap.parse_args()
    data = report(args.mb)
    print(f"report: {len(data) / 1024 / 1024:.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {
            **os.environ,
            "MAILWARDEN_DATA_DIR": tmp,
            "MAILWARDEN_PORT": str(port),
            "MAILWARDEN_LANG": "en",
            "PYTHONPATH": str(ROOT / "src"),
        }
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mailwarden",
                "user",
                "add",
                "bench",
                "--role",
                "admin",
                "--password-stdin",
            ],
            input=b"a long benchmark password\n",
            env=env,
            check=True,
            capture_output=True,
        )
        server = subprocess.Popen(
            [sys.executable, "-m", "mailwarden", "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=600) as c:
                for _ in range(300):
                    try:
                        if c.get("/healthz").status_code == 200:
                            break
                    except httpx.TransportError:
                        time.sleep(0.1)
                page = c.get("/login").text
                csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
                c.post(
                    "/login",
                    data={"username": "bench", "password": "a long benchmark password", "csrf": csrf},
                )
                token = c.get("/api/session").json()["csrf_token"]
                idle: list[float] = []
                for _ in range(200):
                    t0 = time.perf_counter()
                    c.get("/api/session")
                    idle.append((time.perf_counter() - t0) * 1000)
                busy: list[float] = []
                done = threading.Event()

                def upload() -> None:
                    t0 = time.perf_counter()
                    r = c.post(
                        "/api/dmarc/reports",
                        headers={"x-csrf-token": token},
                        files={"files": ("big.xml", data, "text/xml")},
                    )
                    print(f"upload: {r.status_code} in {time.perf_counter() - t0:.1f} s: {r.text[:160]}")
                    done.set()

                thread = threading.Thread(target=upload)
                thread.start()
                with httpx.Client(base_url=base, timeout=600, cookies=c.cookies) as probe:
                    time.sleep(1.0)  # let the upload reach the parser
                    while not done.is_set():
                        t0 = time.perf_counter()
                        probe.get("/api/session")
                        busy.append((time.perf_counter() - t0) * 1000)
                        time.sleep(0.02)
                thread.join()
                print("small page, idle:            ", percentiles(idle))
                print("small page, while parsing:   ", percentiles(busy), "(target p99 ≤ 100 ms)")
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
