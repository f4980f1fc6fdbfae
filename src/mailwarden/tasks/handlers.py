"""mailwarden's tasks on the queue: thin wrappers that take the worker's store from its context,
run the job body (:mod:`.work`) and count it for ``/metrics``."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import procrastinate
from procrastinate import JobContext
from procrastinate.exceptions import AlreadyEnqueued

from . import runs
from .queue import ITEMS, MAX_ATTEMPTS, NOOP, QUEUE, RETRY, SURVEY_CHUNK, conninfo, pool
from .work import items_chunk, poll_item, poll_lock, survey_chunk

log = logging.getLogger(__name__)


def _context(context: JobContext) -> tuple[Any, str, Any]:
    extra = context.additional_context or {}
    return extra["store"], str(extra.get("worker", "")), extra.get("metrics")


async def _measured(context: JobContext, kind: str, body: Any, run_id: int) -> int:
    store, _, metrics = _context(context)
    started = time.perf_counter()
    try:
        stored = int(await body)
    except Exception as exc:
        if metrics is not None:
            metrics.finished(kind, "error", time.perf_counter() - started, 0)
        # Procrastinate gives up once a job has been retried MAX_ATTEMPTS times
        if context.job.attempts >= MAX_ATTEMPTS:
            await asyncio.to_thread(runs.fail, store, run_id, f"{type(exc).__name__}: {exc}")
        raise
    if metrics is not None:
        metrics.finished(kind, "ok", time.perf_counter() - started, stored)
    return stored


def make_app(url: str, *, pool_size: int = 4) -> procrastinate.App:
    """The queue on the store ``url`` names, with mailwarden's tasks registered (the worker
    runs them; the CLI and console defer them)."""
    connector = procrastinate.PsycopgConnector(
        conninfo=conninfo(url), min_size=1, max_size=pool_size, pool_factory=pool
    )
    app = procrastinate.App(connector=connector)
    register(app)
    return app


def register(app: procrastinate.App) -> None:
    @app.task(name=SURVEY_CHUNK, queue=QUEUE, retry=RETRY, pass_context=True)
    async def run_survey_chunk(
        context: JobContext,
        run_id: int,
        survey_id: int,
        first: int,
        domains: list[str],
        params: dict[str, Any],
    ) -> int:
        store, _, _ = _context(context)
        body = survey_chunk(
            store,
            run_id=run_id,
            survey_id=survey_id,
            first=first,
            domains=domains,
            params=params,
            fresh=context.job.attempts == 0,  # a retried job's earlier run may have stored rows
        )
        return await _measured(context, "survey", body, run_id)

    @app.task(name=ITEMS, queue=QUEUE, retry=RETRY, pass_context=True)
    async def run_items(
        context: JobContext, run_id: int, kind: str, params: dict[str, Any], items: list[str]
    ) -> int:
        store, worker, _ = _context(context)
        body = items_chunk(store, run_id=run_id, kind=kind, params=params, items=items, worker=worker)
        stored = await _measured(context, kind, body, run_id)
        if kind.endswith("-poll") and params.get("every"):
            await _next_pass(app, store, run_id, kind, params)
        return stored

    @app.task(name=NOOP, queue=QUEUE)
    async def noop() -> None:
        """Does nothing: the queue's own cost per job is measured with it (benchmarks/scale_out.py)."""


async def _next_pass(
    app: procrastinate.App, store: Any, run_id: int, kind: str, params: dict[str, Any]
) -> None:
    """Queue a repeating poll's next pass, ``every`` seconds from now — once: a pass retried
    after its worker died finds the next one queued already (its queueing lock) and adds none."""
    if await asyncio.to_thread(runs.cancelled, store, run_id):
        return
    every = float(params["every"])
    item = poll_item(params, time.time() + every)
    deferrer = app.configure_task(
        ITEMS,
        lock=poll_lock(params),
        queueing_lock=f"mailwarden-poll-{run_id}",
        schedule_in={"seconds": every},
    )
    try:
        await deferrer.defer_async(run_id=run_id, kind=kind, params=params, items=[item])
    except AlreadyEnqueued:
        log.info("the next pass of job %s is queued already", run_id)
        return
    await asyncio.to_thread(runs.add_item, store, run_id)
