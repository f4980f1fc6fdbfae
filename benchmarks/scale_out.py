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
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
from tests.support.delayrelay import DelayRelay
from tests.support.nsd import NsdServer, free_port
from tests.support.postgres import PostgresServer

from benchmarks._zones import build


def cpu_times() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine."""
    fields = [float(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


TICK = os.sysconf("SC_CLK_TCK")
DNS_CONCURRENCY = 1000


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) a live process has used; 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def with_children(*parents: int) -> list[int]:
    """``parents`` and all their descendants (PostgreSQL's backends, NSD's serving process,
    which is a grandchild)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    pids, todo = [], list(parents)
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(children.get(pid, []))
    return pids


def postgres_pids(pg: PostgresServer) -> list[int]:
    """The postmaster of ``pg`` and its backends."""
    head = (pg.dir / "data" / "postmaster.pid").read_text().split("\n", 1)[0]
    return with_children(int(head))


EVERY = 0.5  # seconds between the samples of a busy timeline


class Cpu:
    """The machine's busy share over a run, and CPU seconds by component (``parts`` maps a
    name to a function giving the pids to sample; this process — the DNS relay's thread —
    is counted as the harness). Every process is sampled each tick and its last reading kept,
    so one that ends before the run does (the inline survey, a PostgreSQL backend serving
    it) still counts, up to its last tick."""

    def __init__(self, parts: dict[str, Any] | None = None, timeline: str | None = None) -> None:
        self.parts = parts or {}
        self.seconds: dict[str, float] = {}
        # the busy share of one part, tick by tick: where a run waits instead of working
        self.timeline_of, self.timeline = timeline, [] if timeline else None
        self._stop = threading.Event()
        self._first: dict[tuple[str, int], float] = {}
        self._last: dict[tuple[str, int], float] = {}

    def _tick(self) -> None:
        for name, pids in self.parts.items():
            for p in pids():
                cpu = proc_cpu(p)
                if cpu > 0:  # 0: gone already; its last reading stands
                    self._last[name, p] = cpu

    def _part(self, name: str) -> float:
        return sum(v - self._first.get(k, 0.0) for k, v in self._last.items() if k[0] == name)

    def _watch(self) -> None:
        self._tick()
        before, then = (self._part(self.timeline_of) if self.timeline_of else 0.0), time.monotonic()
        while not self._stop.wait(EVERY):
            self._tick()
            if self._stop.is_set() or self.timeline is None or self.timeline_of is None:
                continue
            busy, now = self._part(self.timeline_of), time.monotonic()
            # the tick as measured (the sampler shares its process with the DNS relay and can
            # wake late), never below zero
            self.timeline.append(max(0.0, busy - before) / max(now - then, 1e-3))
            before, then = busy, now

    def busy_line(self) -> str:
        """The part's busy share of one core, per tick, as a line of digits (0-9, ``*`` for a
        full core or more)."""
        return "".join("*" if x >= 0.95 else str(int(x * 10)) for x in self.timeline or [])

    def __enter__(self) -> Cpu:
        self.start = cpu_times()
        self._own = sum(os.times()[:2])
        self._tick()
        self._first = dict(self._last)
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def stop_sampling(self) -> None:
        """Sample the components now (before their processes end)."""
        self._stop.set()
        self._thread.join()
        self._tick()
        self.seconds = {"harness (DNS relay, SMTP clients, sink)": sum(os.times()[:2]) - self._own}
        self.seconds |= {name: self._part(name) for name in self.parts}

    def __exit__(self, *exc: object) -> None:
        end = cpu_times()
        busy, total = end[0] - self.start[0], end[1] - self.start[1]
        self.share = busy / total if total else 0.0
        if not self.seconds:
            self.stop_sampling()

    def breakdown(self) -> str:
        total = sum(self.seconds.values()) or 1.0
        return ", ".join(
            f"{k} {v:.1f} s ({v / total:.0%})" for k, v in sorted(self.seconds.items(), key=lambda kv: -kv[1])
        )


def env_for(url: str, work: Path) -> dict[str, str]:
    return {
        **os.environ,
        "MAILWARDEN_LANG": "en",
        "MAILWARDEN_DATABASE_URL": url,
        "MAILWARDEN_DATA_DIR": str(work / "data"),
        "MAILWARDEN_LOG_FORMAT": "text",
        # the same ceiling of DNS questions in flight for the in-process survey and the workers
        "MAILWARDEN_DNS_CONCURRENCY": str(DNS_CONCURRENCY),
    }


def start_workers(n: int, env: dict[str, str], concurrency: int, work: Path) -> list[subprocess.Popen[bytes]]:
    procs = []
    for i in range(n):
        log = (work / f"worker-{i}.log").open("wb")
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "mailwarden",
                    "worker",
                    "--name",
                    f"w{i}",
                    "--concurrency",
                    str(concurrency),
                    "--metrics-listen",
                    f"127.0.0.1:{free_port()}",
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    return procs


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        p.send_signal(signal.SIGTERM)
    for p in procs:
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()


def wait_workers(conninfo: str, n: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with psycopg.connect(conninfo) as conn:
                row = conn.execute("SELECT count(*) FROM procrastinate_workers").fetchone()
                if row and row[0] >= n:
                    return
        except psycopg.Error:
            pass
        time.sleep(0.1)
    raise SystemExit("the workers did not start")


def scalar(conninfo: str, sql: str) -> int:
    with psycopg.connect(conninfo) as conn:
        row = conn.execute(sql).fetchone()
        return int(row[0]) if row else 0


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


def in_process(domains: Path, ns: str, concurrency: int, work: Path, n: int, nsd_pid: int) -> dict[str, Any]:
    out = work / f"inproc-{time.time_ns()}.jsonl"
    cmd = [sys.executable, "-m", "mailwarden", "domain", "survey", str(domains), "-n", ns, "-o", str(out)]
    cmd += ["-c", str(concurrency), "--workers", "1", "--timeout", "2", "-f", "json"]
    env = env_for(f"sqlite:///{work / 'inproc.db'}", work)
    before = os.times()
    running: list[int] = []
    parts = {"nsd": lambda: with_children(nsd_pid), "survey": lambda: running}
    with Cpu(parts, timeline="survey") as cpu:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        running.append(child.pid)
        stdout, stderr = child.communicate()
        cpu._stop.set()  # the timeline ends with the process
        running.clear()
        proc = subprocess.CompletedProcess(cmd, child.returncode, stdout, stderr)
        wall = time.perf_counter() - t0
    cpu.seconds.pop("survey", None)
    after = os.times()
    cpu.seconds["mailwarden"] = (after.children_user + after.children_system) - (
        before.children_user + before.children_system
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    rows = sum(1 for _ in out.open())
    return {
        "mode": "in-process",
        "timeline": cpu.busy_line(),
        "workers": 1,
        "domains": rows,
        "wall": wall,
        "rate": n / wall,
        "cpu": cpu.share,
        "cpu_seconds": cpu.seconds,
        "breakdown": cpu.breakdown(),
    }


def inline(
    pg: PostgresServer, domains: Path, ns: str, concurrency: int, work: Path, n: int, nsd_pid: int
) -> dict[str, Any]:
    """The same job as the queue's — the survey's rows written to PostgreSQL in the same
    batches by the same code — run by `jobs survey` itself (MAILWARDEN_JOBS=inline), one
    chunk at the workers' concurrency: the queue's own cost is the difference."""
    from mailwarden.core.store import open_store

    url = pg.create_database(f"bench_inline_{time.time_ns()}")
    open_store(url=url).engine.dispose()
    env = {**env_for(url, work), "MAILWARDEN_JOBS": "inline"}
    cmd = [sys.executable, "-m", "mailwarden", "jobs", "survey", str(domains), "-n", ns]
    cmd += ["-c", str(concurrency), "--chunk", str(n), "--timeout", "2", "-f", "json"]
    running: list[int] = []
    parts = {
        "postgresql": lambda: postgres_pids(pg),
        "nsd": lambda: with_children(nsd_pid),
        "survey": lambda: running,
    }
    with Cpu(parts, timeline="survey") as cpu:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        running.append(child.pid)
        _, stderr = child.communicate()
        wall = time.perf_counter() - t0
        cpu.stop_sampling()
        running.clear()
    if child.returncode != 0:
        raise SystemExit(stderr)
    conninfo = queue_conninfo(url)
    rows = scalar(conninfo, "SELECT count(*) FROM survey_results")
    positions = scalar(conninfo, "SELECT count(DISTINCT position) FROM survey_results")
    assert rows == positions == n, (rows, positions, n)
    return {
        "mode": "inline",
        "timeline": cpu.busy_line(),
        "domains": rows,
        "wall": wall,
        "rate": n / wall,
        "cpu_seconds": cpu.seconds,
        "breakdown": cpu.breakdown(),
    }


def queued(
    pg: PostgresServer,
    workers: int,
    domains: Path,
    ns: str,
    args: argparse.Namespace,
    work: Path,
    n: int,
    nsd_pid: int,
) -> dict[str, Any]:
    from mailwarden.core.store import open_store
    from mailwarden.tasks import queue

    url = pg.create_database(f"bench_survey_{workers}_{time.time_ns()}")
    open_store(url=url).engine.dispose()
    queue.ensure_schema(url)
    conninfo = queue.conninfo(url)
    env = env_for(url, work)
    procs = start_workers(workers, env, args.jobs_per_worker, work)
    try:
        wait_workers(conninfo, workers)
        cmd = [sys.executable, "-m", "mailwarden", "jobs", "survey", str(domains), "-n", ns]
        cmd += ["-c", str(args.chunk_concurrency), "--chunk", str(args.chunk), "--timeout", "2", "-f", "json"]
        parts = {
            "workers": lambda: [p.pid for p in procs],
            "postgresql": lambda: postgres_pids(pg),
            "nsd": lambda: with_children(nsd_pid),
        }
        with Cpu(parts, timeline="workers" if workers == 1 else None) as cpu:
            t0 = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if proc.returncode != 0:
                raise SystemExit(proc.stderr)
            enqueued = time.perf_counter() - t0
            while scalar(conninfo, "SELECT count(*) FROM surveys WHERE status = 'done'") < 1:
                time.sleep(0.1)
            wall = time.perf_counter() - t0
            cpu.stop_sampling()
        rows = scalar(conninfo, "SELECT count(*) FROM survey_results")
        positions = scalar(conninfo, "SELECT count(DISTINCT position) FROM survey_results")
    finally:
        stop(procs)
    assert rows == positions == n, (rows, positions, n)
    return {
        "mode": "queue",
        "timeline": cpu.busy_line(),
        "workers": workers,
        "domains": rows,
        "enqueue_s": enqueued,
        "wall": wall,
        "rate": n / wall,
        "cpu": cpu.share,
        "cpu_seconds": cpu.seconds,
        "breakdown": cpu.breakdown(),
    }


GATEWAY_HOSTS = ("127.0.0.21", "127.0.0.22")


def gateways(pg: PostgresServer, instances: int, count: int, threads: int, work: Path) -> dict[str, Any]:
    import smtplib
    import threading

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
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()
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


ORDERS = (
    ("in-process", "inline", "queue"),
    ("queue", "inline", "in-process"),
    ("inline", "queue", "in-process"),
    ("in-process", "queue", "inline"),
)


def overhead(
    pg: PostgresServer,
    names: list[str],
    ns: str,
    args: argparse.Namespace,
    work: Path,
    nsd_pid: int,
    results: dict[str, Any],
    relay: DelayRelay,
) -> None:
    """The queue's cost at equal concurrency, in rounds run back to back (this machine's
    speed drifts by ±15% over minutes: only runs next to each other are comparable; inline and
    queue always are), the order turned each round (``ORDERS``): `domain survey` (rows to a
    file), the same job run inline by `jobs survey` (rows to PostgreSQL, no queue) and the job
    on the queue with one worker. The queue's own cost is queue against inline; against
    `domain survey` it also counts the writes to PostgreSQL. Medians of the rounds' ratios."""
    import statistics

    n = min(args.overhead_domains, len(names))
    listing = work / "overhead.txt"
    listing.write_text("\n".join(names[:n]) + "\n")
    equal = args.jobs_per_worker * args.chunk_concurrency
    print(
        f"\n### Queue overhead: {n:,} domains at {equal} at once: domain survey, the job inline, "
        "the job on one worker; the order turned each round"
    )
    modes = tuple(m for m in ("in-process", "inline", "queue") if m in args.overhead_modes.split(","))
    # inline and queue always next to each other, each first as often; domain survey first or last
    pairs = ("queue/inline", "queue/in-process", "inline/in-process")
    ratios: dict[str, list[float]] = {k: [] for k in pairs if set(k.split("/")) <= set(modes)}
    for r in range(args.overhead_rounds):
        order = tuple(m for m in ORDERS[r % len(ORDERS)] if m in modes)
        walls: dict[str, float] = {}
        for mode in order:
            asked = relay.questions
            if mode == "in-process":
                got = in_process(listing, ns, equal, work, n, nsd_pid)
            elif mode == "inline":
                got = inline(pg, listing, ns, equal, work, n, nsd_pid)
            else:
                got = queued(pg, 1, listing, ns, args, work, n, nsd_pid)
            walls[mode] = got["wall"]
            print(f"    {mode:10} busy a {EVERY:g} s tick (tenths of a core): {got['timeline']}")
            print(
                f"    {mode:10} {got['wall']:.1f} s; DNS questions {relay.questions - asked:,}; "
                f"CPU: {got['breakdown']}"
            )
        for key in ratios:
            a, b = key.split("/")
            ratios[key].append(walls[a] / walls[b])
        print(
            f"round {r + 1} ({', '.join(order)}): "
            + ", ".join(f"{m} {walls[m]:.1f} s" for m in modes)
            + "".join(f"; {k} {v[-1] - 1:+.1%}" for k, v in ratios.items())
        )
    medians = {k: statistics.median(v) for k, v in ratios.items()}
    results["overhead"] = {"domains": n, "ratios": ratios, "medians": medians}
    for key, values in ratios.items():
        print(f"median {key}: {medians[key] - 1:+.1%} (rounds {', '.join(f'{x - 1:+.1%}' for x in values)})")


def queue_conninfo(url: str) -> str:
    from mailwarden.tasks import queue

    return queue.conninfo(url)


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
