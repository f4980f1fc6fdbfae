"""Benchmark: the simulations' tracking server under load (issue 18, point 4).

    .venv/bin/python benchmarks/campaign_tracking.py [--seconds 20] [--connections 32]
        [--recipients 10000] [--postgres]

Makes a campaign of ``--recipients`` recipients in a store (SQLite in a temporary directory, or
with ``--postgres`` a throwaway PostgreSQL on loopback), starts ``mailwarden campaign
tracking-server`` as its own process (uvicorn, one process; the per-address limit off, as all
the load comes from 127.0.0.1), and loads it with Debian's ``wrk`` (one thread, ``--connections``
keep-alive connections, a Lua script walking the recipients' link ids) with this mix of valid
ids: pixel 40 %, click 20 %, landing page 15 %, beacon 15 %, submit 10 %. wrk is C: on two
cores it takes one and leaves the server the other.

Prints hits/s and wrk's latency percentiles, then stops the server (its shutdown stores what
is queued) and checks that every hit was stored: the campaign's rows equal what the server
says it stored, at least the requests wrk saw answered, and at most those plus the ones in
flight when wrk stopped (one per connection).

Targets (issue 18): >= 2,000 hits/s, p99 <= 20 ms. ``run()`` is what benchmarks/campaign.py
calls to load the tracking server while a campaign sends. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select

from mailwarden.core.store import open_store
from mailwarden.core.store.models import utcnow
from mailwarden.simulate import ids
from mailwarden.simulate.models import SimCampaign, SimHit, SimProfile, SimRecipient

ROOT = Path(__file__).resolve().parents[1]

SERVER = (sys.executable, "-m", "mailwarden", "campaign", "tracking-server")
#: (kind, share of the requests in twentieths): the load mix
MIX = (("o", 8), ("c", 4), ("l", 3), ("b", 3), ("s", 2))

LUA = r"""
local ids = {}
for line in io.lines(os.getenv("MW_BENCH_IDS")) do ids[#ids + 1] = line end
local kinds = {%(kinds)s}
local n = 0
local form = {["Content-Type"] = "application/x-www-form-urlencoded"}
local plain = {["Content-Type"] = "text/plain"}
request = function()
  n = n + 1
  local id = ids[(n * 7919) %% #ids + 1]
  local k = kinds[n %% #kinds + 1]
  if k == "o" then return wrk.format("GET", "/t/o/" .. id .. ".gif")
  elseif k == "c" then return wrk.format("GET", "/t/c/" .. id)
  elseif k == "l" then return wrk.format("GET", "/t/l/" .. id)
  elseif k == "b" then return wrk.format("POST", "/t/b/" .. id, plain, "")
  else return wrk.format("POST", "/t/s/" .. id, form, "user=someone%%40example.jp&password=never-stored")
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'MWJSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p90_us": %%d, "p99_us": %%d, ' ..
    '"max_us": %%d, "connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_campaign(store_url: str, key: str, recipients: int) -> tuple[int, list[str]]:
    """A running campaign of ``recipients`` recipients, sent a minute ago; its link ids."""
    store = open_store(url=store_url)
    tokens = [ids.new_token() for _ in range(recipients)]
    sent = utcnow() - timedelta(minutes=1)
    with store.session(write=True) as s:
        profile = SimProfile(
            name=f"bench-{secrets.token_hex(4)}", relay="127.0.0.1:25", mail_from="it@example.jp"
        )
        s.add(profile)
        s.flush()
        campaign = SimCampaign(
            name="tracking benchmark",
            template="m365-password-expiry",
            lang="ja",
            profile_id=profile.id,
            status="running",
            company="Example KK",
            training_after="submit",
        )
        s.add(campaign)
        s.flush()
        cid = campaign.id
        rows = [
            {
                "campaign_id": cid,
                "address": f"user{i}@example.jp",
                "name": f"User {i}",
                "department": "Sales",
                "token": t,
                "status": "sent",
                "sent_at": sent,
            }
            for i, t in enumerate(tokens)
        ]
        s.execute(insert(SimRecipient), rows)
    store.engine.dispose()
    return cid, [ids.link_id(key, t) for t in tokens]


def count_hits(store_url: str, campaign_id: int) -> int:
    store = open_store(url=store_url, migrate=False)
    try:
        with store.session() as s:
            q = select(func.count()).select_from(SimHit).where(SimHit.campaign_id == campaign_id)
            return int(s.scalar(q) or 0)
    finally:
        store.engine.dispose()


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) process ``pid`` has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_listening(port: int, proc: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the tracking server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the tracking server did not start")


def _wrk(
    wrk: str, port: int, script: Path, seconds: float, connections: int, env: dict[str, str]
) -> dict[str, Any]:
    out = subprocess.run(
        [
            wrk,
            "-t1",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"MWJSON (\{.*\})", out.stdout)
    if found is None:
        raise RuntimeError(f"no figures from wrk: {out.stdout[-500:]} {out.stderr[-500:]}")
    w: dict[str, Any] = json.loads(found.group(1))
    secs = w["duration_us"] / 1e6
    return {
        "seconds": secs,
        "requests": w["requests"],
        "hits_per_s": w["requests"] / secs,
        "p50_ms": w["p50_us"] / 1000,
        "p90_ms": w["p90_us"] / 1000,
        "p99_ms": w["p99_us"] / 1000,
        "max_ms": w["max_us"] / 1000,
        "errors": w["connect"] + w["read"] + w["write"] + w["status"] + w["timeout"],
    }


def run(
    store_url: str,
    seconds: int = 20,
    connections: int = 16,
    *,
    warmup: float = 3.0,
    recipients: int = 10_000,
    key: str | None = None,
    data_dir: str | None = None,
) -> dict[str, Any]:
    """Load a tracking server on ``store_url`` with a campaign of its own: ``warmup`` seconds
    from a cold start (the campaign's first hits: its recipients loaded into the cache), then
    ``seconds`` measured. Returns the measured figures (hits/s, latency percentiles in ms,
    requests, errors), the cold start's under ``cold``, the server's CPU per hit, the rows
    stored and whether every hit was stored (``all_stored``)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is missing: apt-get install wrk")
    key = key or secrets.token_urlsafe(32)
    load_before = os.getloadavg()[0]
    cid, link_ids = make_campaign(store_url, key, recipients)
    kinds = ", ".join(f'"{k}"' for k, share in MIX for _ in range(share))
    with tempfile.TemporaryDirectory(prefix="mw-bench-tracking-") as tmp:
        ids_file = Path(tmp) / "ids.txt"
        ids_file.write_text("\n".join(link_ids) + "\n")
        script = Path(tmp) / "mix.lua"
        script.write_text(LUA % {"kinds": kinds})
        port = free_port()
        env = {
            **os.environ,
            "MAILWARDEN_DATABASE_URL": store_url,
            "MAILWARDEN_SECRET_KEY": key,
            "MAILWARDEN_DATA_DIR": data_dir or tmp,
            "MAILWARDEN_LANG": "en",
            "COLUMNS": "300",
            "PYTHONPATH": str(ROOT / "src"),
            "MW_BENCH_IDS": str(ids_file),
        }
        server = subprocess.Popen(
            [*SERVER, "--host", "127.0.0.1", "--port", str(port), "--per-address-rate", "0"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_listening(port, server, time.monotonic() + 60)
            cold = _wrk(wrk, port, script, warmup, connections, env) if warmup > 0 else None
            cpu_before = cpu_seconds(server.pid)
            measured = _wrk(wrk, port, script, seconds, connections, env)
            cpu = cpu_seconds(server.pid) - cpu_before
        finally:
            server.send_signal(signal.SIGINT)  # uvicorn's graceful stop: the lifespan flushes
            _, stderr = server.communicate(timeout=120)
    said = re.search(r"Tracking hits: (\d+) stored", stderr.decode())
    stored_by_server = int(said.group(1)) if said else -1
    rows = count_hits(store_url, cid)
    answered = measured["requests"] + (cold["requests"] if cold else 0)
    in_flight = connections * (2 if cold else 1)  # wrk stops with a request out on each connection
    return {
        **measured,
        "cold": cold,
        "recipients": recipients,
        "connections": connections,
        "load_before": load_before,
        # what a hit costs the server, whatever else the machine is doing meanwhile
        "server_cpu_ms_per_hit": cpu * 1000 / max(measured["requests"], 1),
        "answered": answered,
        "rows": rows,
        "stored_by_server": stored_by_server,
        "all_stored": rows == stored_by_server and answered <= rows <= answered + in_flight,
    }


def show(label: str, r: dict[str, Any]) -> None:
    def line(f: dict[str, Any]) -> str:
        return (
            f"{f['hits_per_s']:,.0f} hits/s over {f['seconds']:.1f} s; latency p50 {f['p50_ms']:.1f} ms, "
            f"p90 {f['p90_ms']:.1f} ms, p99 {f['p99_ms']:.1f} ms, max {f['max_ms']:.1f} ms; "
            f"{f['errors']} errors"
        )

    print(f"{label}, {r['connections']} connections, load average before {r['load_before']:.2f}:")
    if r["cold"]:
        print(f"  cold start:  {line(r['cold'])}")
    print(f"  measured:    {line(r)}   (targets >= 2,000 hits/s, p99 <= 20 ms)")
    per_hit = r["server_cpu_ms_per_hit"]
    print(f"  server CPU:  {per_hit:.3f} ms per hit (one core's worth: {1000 / per_hit:,.0f} hits/s)")
    verdict = "every hit stored" if r["all_stored"] else "HITS MISSING"
    print(
        f"  stored:      {r['rows']:,} rows for {r['answered']:,} answered requests "
        f"(server says {r['stored_by_server']:,} stored): {verdict}"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--warmup", type=int, default=3, help="seconds of cold start before measuring")
    ap.add_argument("--recipients", type=int, default=10_000)
    ap.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL instead of SQLite")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; load: wrk, 1 thread")
    mix = ", ".join(f"{k} {share * 5}%" for k, share in MIX)
    print(f"mix (o pixel, c click, l landing, b beacon, s submit): {mix}; {args.recipients:,} recipients")
    with tempfile.TemporaryDirectory(prefix="mw-bench-store-") as tmp:
        if args.postgres:
            from tests.support.postgres import PostgresServer

            pg = PostgresServer().start()
            try:
                url = pg.create_database("mw_bench_tracking")
                figures = run(
                    url, args.seconds, args.connections, warmup=args.warmup, recipients=args.recipients
                )
                show("PostgreSQL", figures)
            finally:
                pg.stop()
        else:
            url = f"sqlite:///{Path(tmp) / 'mw.db'}"
            figures = run(
                url,
                args.seconds,
                args.connections,
                warmup=args.warmup,
                recipients=args.recipients,
                data_dir=tmp,
            )
            show("SQLite", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
