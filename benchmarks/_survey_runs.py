"""The survey's runs for ``scale_out.py``, each a real process as a user starts it: ``domain
survey`` in-process, ``jobs survey`` with the job inline, and the job on the queue with real
``mailwarden worker`` processes; with each, the CPU of its parts sampled from ``/proc``."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
from tests.support.nsd import free_port
from tests.support.postgres import PostgresServer


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


SETUP = threading.Lock()  # a store's schema is made one at a time (two runs may start together)
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


def _timed(
    cmd: list[str], env: dict[str, str], running: list[int], ready: threading.Barrier | None
) -> tuple[subprocess.CompletedProcess[str], float]:
    """The command run to its end (its pid in ``running`` meanwhile) and its wall clock; with
    ``ready``, started together with another run (``side_by_side``)."""
    if ready is not None:
        ready.wait()
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    running.append(child.pid)
    stdout, stderr = child.communicate()
    wall = time.perf_counter() - t0
    return subprocess.CompletedProcess(cmd, child.returncode, stdout, stderr), wall


def in_process(
    domains: Path,
    ns: str,
    concurrency: int,
    work: Path,
    n: int,
    nsd_pid: int,
    ready: threading.Barrier | None = None,
) -> dict[str, Any]:
    out = work / f"inproc-{time.time_ns()}.jsonl"
    cmd = [sys.executable, "-m", "mailwarden", "domain", "survey", str(domains), "-n", ns, "-o", str(out)]
    cmd += ["-c", str(concurrency), "--workers", "1", "--timeout", "2", "-f", "json"]
    env = env_for(f"sqlite:///{out.with_suffix('.db')}", work)
    before = os.times()
    running: list[int] = []
    parts = {"nsd": lambda: with_children(nsd_pid), "survey": lambda: running}
    with Cpu(parts, timeline="survey") as cpu:
        proc, wall = _timed(cmd, env, running, ready)
        cpu._stop.set()  # the timeline ends with the process
        running.clear()
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
    pg: PostgresServer,
    domains: Path,
    ns: str,
    concurrency: int,
    work: Path,
    n: int,
    nsd_pid: int,
    ready: threading.Barrier | None = None,
) -> dict[str, Any]:
    """The same job as the queue's — the survey's rows written to PostgreSQL in the same
    batches by the same code — run by `jobs survey` itself (MAILWARDEN_JOBS=inline), one
    chunk at the workers' concurrency: the queue's own cost is the difference."""
    from mailwarden.core.store import open_store

    url = pg.create_database(f"bench_inline_{time.time_ns()}")
    with SETUP:
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
        proc, wall = _timed(cmd, env, running, ready)
        cpu.stop_sampling()
        running.clear()
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
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
    ready: threading.Barrier | None = None,
) -> dict[str, Any]:
    from mailwarden.core.store import open_store
    from mailwarden.tasks import queue

    url = pg.create_database(f"bench_survey_{workers}_{time.time_ns()}")
    with SETUP:
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
            if ready is not None:
                ready.wait()  # the workers are up: started together with another run
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


def queue_conninfo(url: str) -> str:
    from mailwarden.tasks import queue

    return queue.conninfo(url)
