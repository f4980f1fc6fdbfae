"""What the console and API do with the domain audit: check and keep history, run surveys."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import func, select

from ..core.dns import Resolver
from ..core.store import DomainCheck, Store, Survey, SurveyResult
from .audit import AuditOptions, check_domain
from .survey import SurveyStats, read_domains, run_survey


async def check_and_store(
    store: Store, domain: str, *, resolver: Resolver, options: AuditOptions, user_id: int | None
) -> int:
    rep = await check_domain(domain, resolver=resolver, options=options)

    def write() -> int:
        with store.session() as s:
            row = DomainCheck(
                domain=rep.domain, grade=rep.grade, score=rep.score, report=rep.to_dict(), created_by=user_id
            )
            s.add(row)
            s.flush()
            return row.id

    # a store write blocks: a worker thread, not the event loop
    return await asyncio.to_thread(write)


def recent_checks(store: Store, limit: int = 50, domain: str | None = None) -> list[dict[str, Any]]:
    with store.session() as s:
        q = select(DomainCheck).order_by(DomainCheck.created_at.desc(), DomainCheck.id.desc()).limit(limit)
        if domain:
            q = q.where(DomainCheck.domain == domain)
        return [
            {
                "id": c.id,
                "domain": c.domain,
                "display_name": c.report.get("display_name", c.domain),
                "grade": c.grade,
                "score": c.score,
                "created_at": c.created_at.isoformat(),
            }
            for c in s.scalars(q)
        ]


def get_check(store: Store, check_id: int) -> dict[str, Any] | None:
    with store.session() as s:
        c = s.get(DomainCheck, check_id)
        if c is None:
            return None
        return {"id": c.id, "created_at": c.created_at.isoformat(), **c.report}


def create_survey(store: Store, name: str, text: str) -> tuple[int, list[str]]:
    domains = list(read_domains(text.splitlines()))
    with store.session() as s:
        sv = Survey(name=name[:255] or "survey", status="queued", total=len(domains), done=0, summary={})
        s.add(sv)
        s.flush()
        return sv.id, domains


async def run_stored_survey(
    store: Store, survey_id: int, domains: list[str], *, resolver: Resolver, concurrency: int = 50
) -> None:
    """Run a survey, its rows written in batches of 100. The writes block, so they go to one
    writer thread, in order, and the event loop keeps answering while they run."""
    batch: list[dict[str, Any]] = []
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="survey-writer")
    loop = asyncio.get_running_loop()
    pending: list[asyncio.Future[None]] = []

    def write(rows: list[dict[str, Any]]) -> None:
        with store.session() as s:
            for row in rows:
                s.add(
                    SurveyResult(
                        survey_id=survey_id,
                        position=row["position"],
                        domain=row["domain"][:255],
                        grade=row["grade"],
                        row=row,
                    )
                )
            sv = s.get(Survey, survey_id)
            if sv is not None:
                sv.done += len(rows)
                # "done" only with its summary, in one transaction (set_status below): a reader
                # that sees "done" finds the summary
                sv.status = "running"

    def flush() -> None:
        pending.append(loop.run_in_executor(writer, write, list(batch)))
        batch.clear()

    def on_row(row: dict[str, Any]) -> None:
        batch.append(row)
        if len(batch) >= 100:
            flush()

    def set_status(status: str, error: str | None = None, summary: dict[str, Any] | None = None) -> None:
        with store.session() as s:
            sv = s.get(Survey, survey_id)
            if sv is not None:
                sv.status = status
                if error is not None:
                    sv.error = error
                if summary is not None:
                    sv.summary = summary

    try:
        await loop.run_in_executor(writer, set_status, "running")
        try:
            stats: SurveyStats = await run_survey(
                domains,
                resolver=resolver,
                options=AuditOptions(fetch_mta_sts=False),
                concurrency=concurrency,
                on_row=on_row,
            )
        except Exception as exc:
            await asyncio.gather(*pending, return_exceptions=True)
            await loop.run_in_executor(writer, set_status, "failed", f"{type(exc).__name__}: {exc}")
            raise
        flush()
        await asyncio.gather(*pending)
        await loop.run_in_executor(writer, lambda: set_status("done", summary=stats.to_dict()))
    finally:
        writer.shutdown(wait=False)


def list_surveys(store: Store) -> list[dict[str, Any]]:
    with store.session() as s:
        return [
            {
                "id": v.id,
                "name": v.name,
                "status": v.status,
                "total": v.total,
                "done": v.done,
                "created_at": v.created_at.isoformat(),
            }
            for v in s.scalars(select(Survey).order_by(Survey.id.desc()).limit(200))
        ]


def get_survey(store: Store, survey_id: int, *, offset: int = 0, limit: int = 200) -> dict[str, Any] | None:
    with store.session() as s:
        v = s.get(Survey, survey_id)
        if v is None:
            return None
        rows = s.scalars(
            select(SurveyResult)
            .where(SurveyResult.survey_id == survey_id)
            .order_by(SurveyResult.position)
            .offset(offset)
            .limit(limit)
        )
        count = s.scalar(
            select(func.count()).select_from(SurveyResult).where(SurveyResult.survey_id == survey_id)
        )
        return {
            "id": v.id,
            "name": v.name,
            "status": v.status,
            "total": v.total,
            "done": v.done,
            "error": v.error,
            "summary": v.summary,
            "created_at": v.created_at.isoformat(),
            "results_total": count,
            "results": [r.row for r in rows],
        }
