"""A domain survey on every core: the domains are cut into chunks, dealt round-robin to forked
worker processes (``core.parallel.forked``), each running its own event loop and resolver over
its share, and the rows come back chunk by chunk in input order — the same rows, in the same
order, as one process makes. The parent only writes rows and counts them."""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

from ..core.dns import Resolver
from ..core.parallel import forked, share
from .audit import AuditOptions
from .survey import SurveyStats, run_survey

__all__ = ["CHUNK", "run_survey_forked"]

CHUNK = 200  # domains per unit dealt to a worker
_END = "__end__"


def _produce(
    chunks: list[list[tuple[int, str]]],
    resolver_factory: Callable[[], Resolver],
    options: AuditOptions,
    concurrency: int,
) -> Callable[[int, int], Iterator[tuple[int, dict[str, Any], bool, int]]]:
    def produce(worker: int, workers: int) -> Iterator[tuple[int, dict[str, Any], bool, int]]:
        mine = list(share(chunks, worker, workers))
        rows: queue.Queue[Any] = queue.Queue(maxsize=4096)
        counter: list[Resolver] = []

        def runner() -> None:
            try:
                resolver = resolver_factory()
                counter.append(resolver)
                flat = [pn for chunk in mine for pn in chunk]
                asyncio.run(
                    run_survey(
                        [n for _p, n in flat],
                        positions=[p for p, _n in flat],
                        resolver=resolver,
                        options=options,
                        concurrency=concurrency,
                        on_row=rows.put,
                    )
                )
                rows.put(_END)
            except BaseException as exc:  # surfaces in the parent as ProducerFailed
                rows.put(exc)

        threading.Thread(target=runner, daemon=True).start()
        for chunk in mine:
            for k in range(len(chunk)):
                row = rows.get()
                if isinstance(row, BaseException):
                    raise row
                sent = counter[0].queries_sent if counter else 0
                yield worker, row, k == len(chunk) - 1, sent
        end = rows.get()
        if isinstance(end, BaseException):
            raise end

    return produce


def run_survey_forked(
    domains: Sequence[str],
    *,
    resolver_factory: Callable[[], Resolver],
    options: AuditOptions | None = None,
    concurrency: int = 100,
    out: TextIO | None = None,
    done: dict[str, dict[str, Any]] | None = None,
    on_row: Callable[[dict[str, Any]], None] | None = None,
    workers: int = 2,
) -> SurveyStats:
    """:func:`run_survey` over ``workers`` processes (``concurrency`` each shares evenly)."""
    import json

    stats = SurveyStats()
    done = done or {}
    for name in domains:
        if name in done:
            stats.resumed += 1
            stats.add(done[name])
    todo = [(pos, name) for pos, name in enumerate(domains) if name not in done]
    chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
    opts = options or AuditOptions(fetch_mta_sts=False)
    per_worker = max(1, concurrency // workers)
    sent: dict[int, int] = {}
    items = forked(
        _produce(chunks, resolver_factory, opts, per_worker), workers=workers, last=lambda it: it[2], flush=64
    )
    for worker, row, _last, queries in items:
        sent[worker] = max(sent.get(worker, 0), queries)
        stats.add(row)
        if out is not None:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        if on_row is not None:
            on_row(row)
    if out is not None:
        out.flush()
    stats.dns_queries = sum(sent.values())
    return stats
