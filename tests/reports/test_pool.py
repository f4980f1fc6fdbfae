"""Reports taken in by the intake processes (reports/pool.py): the same result as in the
server's own process, and a worker killed mid-way loses no report."""

from __future__ import annotations

import asyncio
import os
import signal

from sqlalchemy import func, select

from mailwarden.analyze.rules import load_rules
from mailwarden.reports import service
from mailwarden.reports.models import Report, ReportAnalysis
from mailwarden.reports.pool import IntakePool, PoolConfig

from . import corpus

KEY = "test-secret-key"


def _other() -> bytes:
    return corpus.phish(
        "e@example.co.jp",
        subject="請求書の送付（12月分）",
        sender="経理部 <keiri@torihikisaki.example>",
        body="いつもお世話になっております。12月分の請求書を送付いたします。ご確認ください。",
    )


def _pool(store) -> IntakePool:  # type: ignore[no-untyped-def]
    config = PoolConfig(store.engine.url.render_as_string(hide_password=False), None, None, KEY)
    return IntakePool(config, 1, store=store, rules=load_rules())


def _count(store, what) -> int:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(what)) or 0)


def test_pool_clusters_and_analyses_as_the_server_would(store):
    pool = _pool(store)

    async def run() -> list[service.Ingested]:
        first = await pool.ingest(
            path="api", message=corpus.phish("a@example.co.jp"), reporter="a@example.co.jp"
        )
        rest = await asyncio.gather(
            *(
                pool.ingest(
                    path="api", message=corpus.phish(f"{n}@example.co.jp"), reporter=f"{n}@example.co.jp"
                )
                for n in ("b", "c", "d")
            ),
            pool.ingest(path="api", message=_other(), reporter="e@example.co.jp"),
            pool.ingest(path="api", message=b"   "),
        )
        return [first, *rest]

    try:
        got = asyncio.run(run())
    finally:
        pool.close()
    phish, empty = got[:4], got[5]
    assert all(g.report_id is not None for g in phish)
    assert len({g.cluster_id for g in phish}) == 1, "four copies of one attack: one cluster"
    assert phish[0].analysed and not any(g.analysed for g in phish[1:])
    assert got[4].cluster_id != phish[0].cluster_id
    assert empty.report_id is None and empty.reason_text()
    assert _count(store, Report) == 5
    assert _count(store, ReportAnalysis) == 2


def test_a_killed_worker_loses_no_report(store):
    pool = _pool(store)

    async def run() -> tuple[service.Ingested, service.Ingested, service.Ingested]:
        before = await pool.ingest(
            path="api", message=corpus.phish("a@example.co.jp"), reporter="a@example.co.jp"
        )
        executor = pool._executor()
        for pid in list(executor._processes):  # type: ignore[attr-defined]
            os.kill(pid, signal.SIGKILL)
        during = await pool.ingest(
            path="api", message=corpus.phish("b@example.co.jp"), reporter="b@example.co.jp"
        )
        after = await pool.ingest(path="api", message=_other(), reporter="c@example.co.jp")
        return before, during, after

    try:
        before, during, after = asyncio.run(run())
    finally:
        pool.close()
    assert before.report_id and during.report_id and after.report_id
    assert during.cluster_id == before.cluster_id
    assert _count(store, Report) == 3
