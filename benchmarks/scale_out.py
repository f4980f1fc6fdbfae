"""Benchmark: jobs on the distributed queue and several gateways (issue 24), as a user runs them.

1. The queue's own cost: empty jobs (``mailwarden.noop``) claimed and finished per second by
   1, 2 and 3 ``mailwarden worker`` processes.
2. A survey of N synthetic domains (NSD on loopback behind a relay adding a fixed delay to
   every answer) with ``mailwarden jobs survey`` and 1, 2 and 3 workers, beside the in-process
   ``mailwarden domain survey`` at the same concurrency; the machine's CPU use in each run
   shows where the limit is.
3. The gateways' combined throughput: 1 and 2 ``mailwarden gateway run`` processes sharing
   one PostgreSQL (``MAILWARDEN_GATEWAY_SHARED``), on 127.0.0.21 and .22, the clients' SMTP
   connections split between them, every message screened with the DLP benchmark's policy and
   relayed to one sink; messages/s from the first send to the last arrival.

Every worker is a real process, the queue and results are in a real PostgreSQL, and the figures
are wall-clock times from the command's start to the last row stored.

    .venv/bin/python benchmarks/scale_out.py --domains 100000 --delay 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.delayrelay import DelayRelay
from tests.support.nsd import NsdServer, free_port
from tests.support.postgres import PostgresServer

from benchmarks._overhead import overhead, side_by_side
from benchmarks._survey_runs import (
    Cpu,
    env_for,
    in_process,
    postgres_pids,
    queue_conninfo,
    queued,
    scalar,
    start_workers,
    stop,
    wait_workers,
    with_children,
)
from benchmarks._zones import build


def claims(pg: PostgresServer, workers: int, jobs: int, concurrency: int, work: Path) -> dict[str, Any]:
    from mailwarden.core.store import open_store
    from mailwarden.tasks import queue
    from mailwarden.tasks.handlers import make_app

    url = pg.create_database(f"bench_claims_{workers}_{time.time_ns()}")
    open_store(url=url).engine.dispose()
    queue.ensure_schema(url)
    conninfo = queue.conninfo(url)
    procs = start_workers(workers, env_for(url, work), concurrency, work)
    try:
        wait_workers(conninfo, workers)

        async def defer() -> None:
            app = make_app(url, pool_size=1)
            async with app.open_async():
                deferrer = app.configure_task(queue.NOOP)
                for start in range(0, jobs, 1000):
                    await deferrer.batch_defer_async(*({} for _ in range(min(1000, jobs - start))))
                await app.connector.execute_query_async(query=queue.ANALYZE)  # as jobs submit does

        parts = {"workers": lambda: [p.pid for p in procs], "postgresql": lambda: postgres_pids(pg)}
        with Cpu(parts) as cpu:
            t0 = time.perf_counter()
            asyncio.run(defer())
            deferred = time.perf_counter() - t0
            left = scalar(conninfo, "SELECT count(*) FROM procrastinate_jobs")
            t1 = time.perf_counter()
            # a worker deletes a job's row once it succeeded: the queue is empty when all are
            while scalar(conninfo, "SELECT count(*) FROM procrastinate_jobs") > 0:
                time.sleep(0.05)
            wall = time.perf_counter() - t0
            after = time.perf_counter() - t1
            cpu.stop_sampling()
    finally:
        stop(procs)
    return {
        "workers": workers,
        "jobs": jobs,
        "defer_s": deferred,
        "wall": wall,
        "rate": jobs / wall,
        # claims alone: the jobs still waiting once all were queued, over the time they took
        "claim_rate": left / after if after > 0 else None,
        "cpu": cpu.share,
        "breakdown": cpu.breakdown(),
    }


GATEWAY_HOSTS = ("127.0.0.21", "127.0.0.22")


def gateways(pg: PostgresServer, instances: int, count: int, threads: int, work: Path) -> dict[str, Any]:
    import smtplib

    from aiosmtpd.controller import Controller

    from benchmarks.dlp_speed import POLICY, RCPT, Timed, message
    from mailwarden.core.store import open_store

    url = pg.create_database(f"bench_gateways_{instances}_{time.time_ns()}")
    open_store(url=url).engine.dispose()
    sink = Timed()
    sink_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink_port, data_size_limit=64 << 20)
    controller.start()
    policy = work / "gateway-policy.yaml"
    policy.write_text(POLICY)
    procs: list[subprocess.Popen[bytes]] = []
    ports: list[tuple[str, int]] = []
    try:
        for k in range(instances):
            host, port = GATEWAY_HOSTS[k], free_port()
            root = work / f"gw{k}-{time.time_ns()}"
            root.mkdir()
            env = {
                **env_for(url, root),
                "MAILWARDEN_GATEWAY_SHARED": "true",
                "MAILWARDEN_SECRET_KEY": "bench",
            }
            cmd = [sys.executable, "-m", "mailwarden", "gateway", "run", "--listen", f"{host}:{port}"]
            cmd += [
                "--relay",
                f"127.0.0.1:{sink_port}",
                "--spool",
                str(root / "spool"),
                "--instance",
                f"gw{k}",
            ]
            cmd += ["--policy", str(policy)]
            with (root / "gateway.log").open("wb") as log:
                procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=log))
            deadline = time.monotonic() + 120
            while True:
                try:
                    with smtplib.SMTP(host, port, timeout=5) as smtp:
                        smtp.noop()
                    break
                except OSError:
                    if time.monotonic() > deadline or procs[-1].poll() is not None:
                        raise SystemExit((root / "gateway.log").read_text()[-800:]) from None
                    time.sleep(0.1)
            ports.append((host, port))
        msgs = [message(i, external=i % 5 == 0) for i in range(count)]
        accepted: list[str] = []
        lock = threading.Lock()

        def client(k: int) -> None:
            host, port = ports[k % len(ports)]  # connections spread evenly over the gateways
            with smtplib.SMTP(host, port, timeout=120) as smtp:
                for i in range(k, count, threads):
                    try:
                        smtp.sendmail("taro@example.co.jp", [RCPT[i % 5 == 0]], msgs[i])
                    except smtplib.SMTPDataError:
                        continue  # refused by the policy
                    with lock:
                        accepted.append(str(i))

        def gateway_pids() -> list[int]:
            return with_children(*(p.pid for p in procs))  # with their screening processes

        with Cpu({"gateways": gateway_pids, "postgresql": lambda: postgres_pids(pg)}) as cpu:
            t0 = time.perf_counter()
            pool = [threading.Thread(target=client, args=(k,)) for k in range(threads)]
            for t in pool:
                t.start()
            for t in pool:
                t.join()
            deadline = time.monotonic() + 600
            # every accepted message relayed, or kept back by the policy (held or delayed)
            held = 0
            while len(sink.arrived) + held < len(accepted):
                if time.monotonic() > deadline:
                    raise SystemExit(f"only {len(sink.arrived)} of {len(accepted)} arrived")
                time.sleep(0.05)
                held = scalar(queue_conninfo(url), "SELECT count(*) FROM gateway_queue")
            wall = max(sink.arrived.values(), default=t0) - t0
            cpu.stop_sampling()
    finally:
        stop(procs)
        controller.stop()
    return {
        "instances": instances,
        "sent": count,
        "accepted": len(accepted),
        "relayed": len(sink.arrived),
        "kept_back": held,
        "wall": wall,
        "rate": len(sink.arrived) / wall if wall else 0.0,
        "cpu": cpu.share,
        "cpu_seconds": cpu.seconds,
        "breakdown": cpu.breakdown(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--domains", type=int, default=100_000)
    ap.add_argument("--delay", type=float, default=20.0, help="milliseconds added to every DNS answer")
    ap.add_argument("--workers", default="1,2,3")
    ap.add_argument("--jobs-per-worker", type=int, default=4, help="jobs one worker runs at once")
    ap.add_argument("--chunk", type=int, default=250, help="domains in one job")
    ap.add_argument("--chunk-concurrency", type=int, default=100, help="domains checked at once in one job")
    ap.add_argument("--claims", type=int, default=20_000, help="empty jobs for the queue's own cost")
    ap.add_argument("--claim-concurrency", type=int, default=20)
    ap.add_argument("--skip-survey", action="store_true")
    ap.add_argument(
        "--overhead-rounds", type=int, default=4, help="rounds for the queue overhead (orders repeat every 4)"
    )
    ap.add_argument("--overhead-domains", type=int, default=20_000)
    ap.add_argument(
        "--overhead-modes",
        default="in-process,inline,queue",
        help="which of `domain survey` (in-process), the job inline and the job queued to run each round",
    )
    ap.add_argument(
        "--side-by-side-rounds",
        type=int,
        default=0,
        help="rounds of the job inline and queued run at the same time (--overhead-domains each)",
    )
    ap.add_argument(
        "--side-by-side-modes",
        default="inline,queue",
        help="pairs of runs (in-process, inline, queue) separated by /; inline,inline calibrates",
    )
    ap.add_argument("--messages", type=int, default=2000, help="messages of about 20 KB for the gateways")
    ap.add_argument(
        "--connections", type=int, default=8, help="client SMTP connections, split over the gateways"
    )
    ap.add_argument("--skip-gateways", action="store_true")
    ap.add_argument("--skip-claims", action="store_true")
    args = ap.parse_args()
    counts = [int(x) for x in args.workers.split(",")]
    work = Path(tempfile.mkdtemp(prefix="mw-scale-"))
    print(f"# scale_out: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    pg = PostgresServer().start()
    results: dict[str, Any] = {"claims": [], "survey": []}
    try:
        at_once = args.claim_concurrency
        print(f"\n## The queue's own cost: {args.claims:,} empty jobs, {at_once} at once a worker")
        for w in [] if args.skip_claims else counts:
            r = claims(pg, w, args.claims, args.claim_concurrency, work)
            results["claims"].append(r)
            print(
                f"workers {w}: {r['claim_rate']:,.0f} jobs claimed and finished/s once queued; "
                f"{r['rate']:,.0f}/s counting the enqueueing "
                f"(wall {r['wall']:.1f} s, enqueue {r['defer_s']:.1f} s, machine CPU {r['cpu']:.0%}); "
                f"CPU: {r['breakdown']}"
            )
        if not args.skip_survey:
            corpus = build(args.domains)
            names = corpus.inputs[: args.domains]
            listing = work / "domains.txt"
            listing.write_text("\n".join(names) + "\n")
            nsd = NsdServer(corpus.zones, workdir=work / "nsd").start(timeout=600)
            relay = DelayRelay(nsd.port, args.delay / 1000).start()
            ns = f"127.0.0.1:{relay.port}"
            try:
                equal = args.jobs_per_worker * args.chunk_concurrency
                print(
                    f"\n## Survey of {len(names):,} domains, {args.delay:g} ms a DNS answer; "
                    f"{args.jobs_per_worker} jobs of {args.chunk} domains a worker, {args.chunk_concurrency} "
                    f"domains at once a job ({equal} a worker)"
                )
                assert nsd.proc is not None
                nsd_pid = nsd.proc.pid
                if args.overhead_rounds:
                    overhead(pg, names, ns, args, work, nsd_pid, results, relay)
                if args.side_by_side_rounds:
                    side_by_side(pg, names, args, work, nsd.port, nsd_pid, results)
                base = in_process(listing, ns, equal, work, len(names), nsd_pid)
                results["survey"].append(base)
                print(
                    f"in-process (domain survey -c {equal}): {base['rate']:,.0f} domains/s "
                    f"(wall {base['wall']:.1f} s, machine CPU {base['cpu']:.0%}); CPU: {base['breakdown']}"
                )
                for w in counts:
                    r = queued(pg, w, listing, ns, args, work, len(names), nsd_pid)
                    results["survey"].append(r)
                    extra = ""
                    if w == 1:
                        extra = f", queue overhead {r['wall'] / base['wall'] - 1:+.1%} against in-process"
                    print(
                        f"queue, {w} worker(s): {r['rate']:,.0f} domains/s (wall {r['wall']:.1f} s, "
                        f"enqueue {r['enqueue_s']:.1f} s, machine CPU {r['cpu']:.0%}){extra}; "
                        f"CPU: {r['breakdown']}"
                    )
            finally:
                relay.stop()
                nsd.stop()
        if not args.skip_gateways:
            print(
                f"\n## Gateways: {args.messages:,} messages of about 20 KB, {args.connections} client "
                "connections split over the gateways, one PostgreSQL, one sink"
            )
            results["gateways"] = []
            for n in (1, 2):
                r = gateways(pg, n, args.messages, args.connections, work)
                results["gateways"].append(r)
                print(
                    f"{n} gateway(s): {r['rate']:,.0f} messages/s relayed ({r['relayed']:,} relayed, "
                    f"{r['kept_back']} held or delayed by the policy, wall {r['wall']:.1f} s, machine CPU "
                    f"{r['cpu']:.0%}); CPU: {r['breakdown']}"
                )
    finally:
        pg.stop()
    (work / "results.json").write_text(json.dumps(results, indent=2))
    print(f"\nresults: {work / 'results.json'}")


if __name__ == "__main__":
    main()
