"""Starting jobs: a run is created in the store, split into chunks, and either queued for the
workers (PostgreSQL) or run here, chunk after chunk (the embedded database)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.config import Settings
from ..core.errors import ConfigError
from ..core.i18n import gettext as _
from ..core.store import Store
from . import queue, runs, work
from .handlers import make_app

#: domains in one survey job: enough to keep a worker's resolver busy, few enough that a job
#: retried after a killed worker redoes seconds of work
SURVEY_CHUNK = 250
#: files or domains in one job of the other kinds
ITEMS_CHUNK = 20
#: jobs queued at once after which the queue's statistics are refreshed (see queue.ANALYZE)
ANALYZE_AFTER = 100


def chunks(seq: Sequence[str], size: int) -> list[tuple[int, list[str]]]:
    size = max(1, size)
    return [(start, list(seq[start : start + size])) for start in range(0, len(seq), size)]


def use_queue(settings: Settings) -> bool:
    """Whether jobs go on the queue (``MAILWARDEN_JOBS``; ``auto``: when the store is PostgreSQL)."""
    url = settings.resolved_database_url()
    if settings.jobs == "inline":
        return False
    if settings.jobs == "queue":
        if not queue.is_queue_url(url):
            raise ConfigError(_("MAILWARDEN_JOBS=queue needs PostgreSQL (MAILWARDEN_DATABASE_URL)"))
        return True
    return queue.is_queue_url(url)


def dns_params(
    settings: Settings, nameservers: list[str] | None = None, timeout: float | None = None
) -> dict[str, Any]:
    """The resolver a DNS job's workers build: the servers given or the settings' (empty: each
    worker's system resolver), with the settings' timeout, retries and questions in flight."""
    servers = list(nameservers or []) or [n.strip() for n in settings.nameservers.split(",") if n.strip()]
    return {
        "nameservers": servers,
        "timeout": timeout or settings.dns_timeout,
        "retries": settings.dns_retries,
        "dns_concurrency": settings.dns_concurrency,
    }


@dataclass
class Submitted:
    run_id: int
    queued: bool
    jobs: int
    #: the survey's id in the surveys tables (survey runs only)
    survey_id: int | None = None


async def _defer(url: str, task: str, args: list[dict[str, Any]]) -> None:
    await asyncio.to_thread(queue.ensure_schema, url)
    app = make_app(url, pool_size=1)
    async with app.open_async():
        deferrer = app.configure_task(task)
        for start in range(0, len(args), 1000):  # one statement a thousand jobs
            await deferrer.batch_defer_async(*args[start : start + 1000])
        if len(args) >= ANALYZE_AFTER:
            await app.connector.execute_query_async(query=queue.ANALYZE)


async def submit_survey(
    store: Store,
    settings: Settings,
    name: str,
    domains: list[str],
    params: dict[str, Any],
    *,
    chunk: int = SURVEY_CHUNK,
    on_chunk: Callable[[int], None] | None = None,
) -> Submitted:
    """Queue a survey (or run it here, without a queue): its rows land in the surveys tables,
    where ``jobs show`` and the console's survey page read them."""
    parts = chunks(domains, chunk)
    queued = use_queue(settings)
    # the store's writes block: a thread, so a console's event loop keeps answering
    run_id, survey_id = await asyncio.to_thread(
        runs.create_survey_run,
        store,
        name,
        domains,
        chunks=len(parts) if queued else 0,
        params={**params, "chunk": chunk},
    )
    args: list[dict[str, Any]] = [
        {"run_id": run_id, "survey_id": survey_id, "first": first, "domains": part, "params": params}
        for first, part in parts
    ]
    if queued:
        await _defer(settings.resolved_database_url(), queue.SURVEY_CHUNK, args)
    else:
        if not parts:  # nothing to check: done at once
            await asyncio.to_thread(runs.write_survey_rows, store, run_id, survey_id, [])
        for a in args:
            stored = await work.survey_chunk(store, **a, fresh=True)  # the survey was made just now
            if on_chunk is not None:
                on_chunk(stored)
    return Submitted(run_id, queued, len(parts), survey_id)


async def submit_items(
    store: Store,
    settings: Settings,
    kind: str,
    name: str,
    items: list[str],
    params: dict[str, Any],
    *,
    chunk: int = ITEMS_CHUNK,
    worker: str = "inline",
    lock: str | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> Submitted:
    """Queue ``items`` of a ``kind`` job (or run them here). ``lock``: jobs sharing it run one at
    a time (two polls of one mailbox must not overlap)."""
    if kind not in runs.KINDS or kind == "survey":
        raise ConfigError(_("unknown job kind: {kind}").format(kind=kind))
    items = list(dict.fromkeys(items))  # an item named twice is one item (its key is unique)
    parts = chunks(items, chunk)
    run_id = await asyncio.to_thread(runs.create_run, store, kind, name, params, len(items))
    queued = use_queue(settings)
    if queued:
        args: list[dict[str, Any]] = [
            {"run_id": run_id, "kind": kind, "params": params, "items": part} for _, part in parts
        ]
        url = settings.resolved_database_url()
        if lock is None:
            await _defer(url, queue.ITEMS, args)
        else:
            await asyncio.to_thread(queue.ensure_schema, url)
            app = make_app(url, pool_size=1)
            async with app.open_async():
                for a in args:
                    await app.configure_task(queue.ITEMS, lock=lock).defer_async(**a)
    else:
        for _start, part in parts:
            stored = await work.items_chunk(
                store, run_id=run_id, kind=kind, params=params, items=part, worker=worker
            )
            if on_chunk is not None:
                on_chunk(stored)
    return Submitted(run_id, queued, len(parts))
