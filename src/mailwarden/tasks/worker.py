"""``mailwarden worker``: one Procrastinate worker on this host, with a watchdog that puts back
the jobs of workers that died (:func:`.queue.retry_stalled`) and, when asked, ``/metrics``,
``/healthz`` and ``/readyz`` over HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
from dataclasses import dataclass
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from ..core.gc import tune_for_long_run
from ..core.metrics import LATENCY_BUCKETS, MetricsListener, ProbeResult, metrics_token
from ..core.store import Store
from . import queue
from .handlers import make_app

log = logging.getLogger(__name__)

JOB_BUCKETS = (*LATENCY_BUCKETS, 120.0, 300.0, 900.0)


class WorkerMetrics:
    """Counts by job kind and outcome only — never a domain, a path or a mailbox."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.jobs = Counter(
            "mailwarden_worker_jobs",
            "Jobs this worker ran, by kind and outcome (ok, error).",
            ["kind", "outcome"],
            registry=self.registry,
        )
        self.items = Counter(
            "mailwarden_worker_items_stored",
            "Items (survey rows, files, messages, domains) whose results this worker stored.",
            ["kind"],
            registry=self.registry,
        )
        self.seconds = Histogram(
            "mailwarden_worker_job_duration_seconds",
            "Time to run one job, by kind.",
            ["kind"],
            buckets=JOB_BUCKETS,
            registry=self.registry,
        )
        self.depth = Gauge(
            "mailwarden_queue_jobs",
            "Jobs of mailwarden's queue by status (todo, doing, succeeded, failed…), read every few seconds.",
            ["status"],
            registry=self.registry,
        )
        self.retried = Counter(
            "mailwarden_worker_stalled_jobs_retried",
            "Jobs of dead workers this worker put back on the queue.",
            registry=self.registry,
        )
        for status in ("todo", "doing", "succeeded", "failed"):
            self.depth.labels(status)

    def finished(self, kind: str, outcome: str, seconds: float, stored: int) -> None:
        self.jobs.labels(kind, outcome).inc()
        self.seconds.labels(kind).observe(seconds)
        if stored:
            self.items.labels(kind).inc(stored)


@dataclass
class WorkerOptions:
    name: str = ""
    concurrency: int = 4
    #: a worker silent this long is dead: its jobs go back on the queue
    stalled_after: float = 30.0
    metrics_host: str | None = None
    metrics_port: int = 9109


def default_name() -> str:
    return f"{socket.gethostname()}-{__import__('os').getpid()}"


async def run_worker(url: str, store: Store, options: WorkerOptions) -> None:
    """Run until SIGTERM or SIGINT (the running jobs finish first)."""
    queue.ensure_schema(url)
    name = options.name or default_name()
    metrics = WorkerMetrics()
    app = make_app(url, pool_size=max(2, options.concurrency + 2))
    state: dict[str, Any] = {"ready": False, "reason": "starting"}

    def readiness() -> ProbeResult:
        ok = bool(state["ready"])
        body = {"status": "ok" if ok else "unavailable"} | ({} if ok else {"reason": state["reason"]})
        return (200 if ok else 503), json.dumps(body).encode()

    listener = None
    if options.metrics_host is not None:
        listener = MetricsListener(
            options.metrics_host,
            options.metrics_port,
            metrics.registry,
            probes={"/healthz": lambda: (200, b'{"status": "ok"}'), "/readyz": readiness},
            token=metrics_token(),
        ).start()
        log.info("metrics on http://%s:%s/metrics", options.metrics_host, listener.port)

    async def watchdog() -> None:
        every = max(1.0, options.stalled_after / 3)
        while True:
            try:
                retried = await queue.retry_stalled(app, options.stalled_after)
                metrics.retried.inc(len(retried))
                counts = await queue.depth(app)
                for status in set(counts) | {"todo", "doing", "succeeded", "failed"}:
                    metrics.depth.labels(status).set(counts.get(status, 0))
                state.update(ready=True, reason="")
            except Exception as exc:  # the database away for a moment: report, try again
                state.update(ready=False, reason=f"{type(exc).__name__}: {exc}"[:200])
                log.warning("the queue cannot be read: %s", exc)
            await asyncio.sleep(every)

    log.info(
        "worker %s: %d jobs at once, stalled after %.0f s", name, options.concurrency, options.stalled_after
    )
    try:
        async with app.open_async():
            tune_for_long_run()
            watch = asyncio.create_task(watchdog(), name="mailwarden-watchdog")
            try:
                await app.run_worker_async(
                    name=name,
                    queues=[queue.QUEUE],
                    concurrency=options.concurrency,
                    additional_context={"store": store, "worker": name, "metrics": metrics},
                    update_heartbeat_interval=max(0.5, options.stalled_after / 6),
                    stalled_worker_timeout=options.stalled_after,
                    fetch_job_polling_interval=2.0,
                    # a finished job's results are in mailwarden's tables: its queue row goes,
                    # so the queue stays small and claims stay fast (failed jobs are kept)
                    delete_jobs="successful",
                    install_signal_handlers=True,
                )
            finally:
                watch.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watch
    finally:
        if listener is not None:
            listener.stop()
