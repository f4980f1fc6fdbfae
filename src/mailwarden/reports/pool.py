"""Intake on every core: reports read, parsed and analysed (pure Python, bound by the GIL) by a
pool of processes — each reads the store through its own connection, to reuse an analysis made
before —, then kept by the server process in short transactions one after the other (one
writer: on SQLite, concurrent writers from several processes wait in steps of many
milliseconds). The store keeps them consistent as for any concurrent intake: one analysis per
message, one cluster per attack.

A worker that dies (a report that exhausts memory, a killed process) breaks the pool: the
report it held is taken in again on a thread of the server process and a new pool is made for
the next one, so no report is lost and the server stays up."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..analyze.rules import Rules, load_rules
from ..core.store import Store, open_store
from . import autoresolve
from .ingest import Ingested, Prepared, ingest_report, keep, prepare

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PoolConfig:
    """What a worker needs to take reports in as the server would (plain, picklable)."""

    database_url: str
    analyze_rules: Path | None
    report_rules: Path | None
    secret: str


_worker: dict[str, Any] = {}


def _start(config: PoolConfig) -> None:
    _worker.update(
        store=open_store(url=config.database_url, migrate=False),
        rules=load_rules(config.analyze_rules),
        secret=config.secret,
        report_rules=config.report_rules,
    )


def _prepare(kwargs: dict[str, Any]) -> Prepared | Ingested:
    auto = autoresolve.from_file(_worker["report_rules"])
    return prepare(_worker["store"], _worker["rules"], _worker["secret"], auto_rules=auto, **kwargs)


class IntakePool:
    """``workers`` processes taking reports in; ``ingest`` awaits one report's result."""

    def __init__(self, config: PoolConfig, workers: int, *, store: Store, rules: Rules) -> None:
        self.config, self.workers = config, workers
        # for the report a broken pool held: taken in here, on a thread
        self._store, self._rules = store, rules
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn: the server process has threads and open connections a fork would copy
                self._pool = ProcessPoolExecutor(
                    self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(self.config,),
                )
            return self._pool

    def _discard(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)

    async def ingest(self, **kwargs: Any) -> Ingested:
        pool = self._executor()
        loop = asyncio.get_running_loop()
        try:
            got = await loop.run_in_executor(pool, _prepare, kwargs)
        except BrokenProcessPool:
            log.error("a report intake worker died; the report is taken in by the server process")
            self._discard(pool)
            auto = autoresolve.from_file(self.config.report_rules)
            return await asyncio.to_thread(
                ingest_report, self._store, self._rules, self.config.secret, auto_rules=auto, **kwargs
            )
        return got if isinstance(got, Ingested) else await asyncio.to_thread(keep, self._store, got)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
