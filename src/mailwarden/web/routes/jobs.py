"""Console: jobs — every run (surveys, audits, DMARC ingestion and polls, scans), its progress,
and on a deployment the queue's depth and the workers alive."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from ...core.i18n import gettext
from ...core.store import Store
from ...tasks import runs
from ...tasks.submit import dns_params, submit_items
from ..console import Console, ConsoleDep
from ..params import Limit, Offset, RowId
from ..security import check_csrf, current_user, require

User = Annotated[dict[str, Any], Depends(current_user)]
Surveyor = Annotated[dict[str, Any], Depends(require("survey"))]
MAX_AUDIT_DOMAINS = 10_000

router = APIRouter()


class AuditRequest(BaseModel):
    name: str = Field(default="audits", max_length=255)
    domains: list[Annotated[str, Field(max_length=253)]] = Field(min_length=1, max_length=MAX_AUDIT_DOMAINS)


def _overview(c: Console) -> dict[str, Any]:
    """A store query: called on a worker thread."""
    from ...tasks.submit import use_queue

    queued = use_queue(c.settings)
    return {"runs": runs.list_runs(c.store), "queue": runs.queue_overview(c.store) if queued else None}


def _run_or_404(store: Store, run_id: int, offset: int = 0, limit: int = 200) -> dict[str, Any]:
    info = runs.run_info(store, run_id)
    if info is None:
        raise HTTPException(404, gettext("no such job"))
    info["items"] = (
        [] if info["kind"] == "survey" else runs.item_results(store, run_id, offset=offset, limit=limit)
    )
    return info


@router.get("/jobs", response_class=HTMLResponse, include_in_schema=False)
async def jobs_page(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    return c.page(request, "jobs.html", **await asyncio.to_thread(_overview, c))


@router.get("/api/jobs", tags=["jobs"])
async def api_jobs(c: ConsoleDep, user: User) -> dict[str, Any]:
    """The latest runs with their progress; ``queue``: jobs by status and the workers alive
    (null with the embedded database, where jobs run in the console's process)."""
    return await asyncio.to_thread(_overview, c)


@router.post("/api/jobs/audits", tags=["jobs"], status_code=202)
async def api_jobs_audit(
    request: Request, c: ConsoleDep, user: Surveyor, body: Annotated[AuditRequest, Body()]
) -> dict[str, Any]:
    """Audit the given domains as a job (on the workers with PostgreSQL); each audit joins
    the domain's history. Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    domains = list(dict.fromkeys(d.strip().rstrip(".").lower() for d in body.domains if d.strip()))
    if not domains:
        raise HTTPException(422, gettext("no domains given"))
    params = dns_params(c.settings)
    submitted = await _submit(c, "audit", body.name, domains, params)
    return await asyncio.to_thread(_run_or_404, c.store, submitted)


async def _submit(c: Console, kind: str, name: str, items: list[str], params: dict[str, Any]) -> int:
    from ...tasks.submit import use_queue

    if use_queue(c.settings):
        return (await submit_items(c.store, c.settings, kind, name, items, params)).run_id
    # in-process: the run is created now and carried out in the background, as surveys are
    run_id = await asyncio.to_thread(runs.create_run, c.store, kind, name, params, len(items))

    async def run() -> None:
        from ...tasks.work import items_chunk

        await items_chunk(c.store, run_id=run_id, kind=kind, params=params, items=items, worker="console")

    c.jobs.submit(run(), name=f"{kind}-{run_id}")
    return run_id


@router.get("/jobs/{run_id}", response_class=HTMLResponse, include_in_schema=False)
async def job_page(
    request: Request, c: ConsoleDep, user: User, run_id: RowId, offset: Offset = 0
) -> HTMLResponse:
    return c.page(request, "job.html", job=await asyncio.to_thread(_run_or_404, c.store, run_id, offset))


@router.get("/api/jobs/{run_id}", tags=["jobs"])
async def api_job(
    c: ConsoleDep, user: User, run_id: RowId, offset: Offset = 0, limit: Limit = 200
) -> dict[str, Any]:
    """One run: its progress and (other than surveys, whose rows are under /api/surveys) its
    items' results."""
    return await asyncio.to_thread(_run_or_404, c.store, run_id, offset, limit)
