"""Console pages for a domain's failure (RUF) reports and SMTP TLS reports (RFC 8460), each
list and each report with a JSON twin under /api/dmarc.

Failure reports are mail anyone can send: the pages show their fields as escaped text only."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...core.i18n import N_, gettext
from ...core.store import Store
from ...dmarc import service
from ..console import Console, ConsoleDep
from ..params import RowId
from .dmarc import PeriodDep, PeriodQuery, User, period_of

router = APIRouter()


@dataclass(frozen=True)
class Kind:
    """One kind of report: how its list and one report are read, and what a missing one says."""

    listed: Callable[[Store, str, int | None, int | None], list[dict[str, Any]]]
    limit: int
    one: Callable[[Store, str, int], dict[str, Any] | None]
    missing: str


FAILURES = Kind(
    service.failure_reports, service.FAILURE_LIST_LIMIT, service.failure_report, N_("no such failure report")
)
TLS = Kind(service.tls_reports, service.TLS_LIST_LIMIT, service.tls_report, N_("no such TLS report"))


async def _list(c: Console, kind: Kind, domain: str, q: PeriodQuery | None) -> dict[str, Any]:
    """The domain's reports of ``kind``, newest first: all of them, or those of the period asked for."""
    domain = domain.lower().rstrip(".")
    since, until = None, None
    if q is not None and q.query():
        period = await period_of(c, domain, q)
        since, until = period["since"], period["until"]
    rows = await asyncio.to_thread(kind.listed, c.store, domain, since, until)
    return {"domain": domain, "reports": rows, "limit": kind.limit, "since": since, "until": until}


async def _one(c: Console, kind: Kind, domain: str, report_id: int) -> dict[str, Any]:
    found = await asyncio.to_thread(kind.one, c.store, domain, report_id)
    if found is None:
        raise HTTPException(404, gettext(kind.missing))
    return found


async def failures_data(c: Console, domain: str, q: PeriodQuery | None = None) -> dict[str, Any]:
    return await _list(c, FAILURES, domain, q)


async def tls_list_data(c: Console, domain: str, q: PeriodQuery | None = None) -> dict[str, Any]:
    return await _list(c, TLS, domain, q)


@router.get("/dmarc/{domain}/failures", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_failures_page(
    request: Request, c: ConsoleDep, user: User, domain: str, q: PeriodDep
) -> HTMLResponse:
    return c.page(request, "dmarc_failures.html", f=await failures_data(c, domain, q))


@router.get("/api/dmarc/{domain}/failures", tags=["dmarc"])
async def api_dmarc_failures(c: ConsoleDep, user: User, domain: str, q: PeriodDep) -> dict[str, Any]:
    """The domain's failure (RUF) reports, newest first; with ?days= or ?since=&until= those
    received in that period."""
    return await failures_data(c, domain, q)


@router.get("/dmarc/{domain}/failures/{report_id}", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_failure_page(
    request: Request, c: ConsoleDep, user: User, domain: str, report_id: RowId
) -> HTMLResponse:
    r = await _one(c, FAILURES, domain, report_id)
    return c.page(request, "dmarc_failure.html", r=r, domain=domain.lower().rstrip("."))


@router.get("/api/dmarc/{domain}/failures/{report_id}", tags=["dmarc"])
async def api_dmarc_failure(c: ConsoleDep, user: User, domain: str, report_id: RowId) -> dict[str, Any]:
    """One failure report: every field the reporter sent and the original's headers."""
    return await _one(c, FAILURES, domain, report_id)


@router.get("/dmarc/{domain}/tls", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_tls_page(
    request: Request, c: ConsoleDep, user: User, domain: str, q: PeriodDep
) -> HTMLResponse:
    return c.page(request, "dmarc_tls.html", t=await tls_list_data(c, domain, q))


@router.get("/api/dmarc/{domain}/tls", tags=["dmarc"])
async def api_dmarc_tls(c: ConsoleDep, user: User, domain: str, q: PeriodDep) -> dict[str, Any]:
    """SMTP TLS reports (RFC 8460) about the domain's policies, newest first; with ?days= or
    ?since=&until= those that began in that period."""
    return await tls_list_data(c, domain, q)


@router.get("/dmarc/{domain}/tls/{report_id}", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_tls_report_page(
    request: Request, c: ConsoleDep, user: User, domain: str, report_id: RowId
) -> HTMLResponse:
    r = await _one(c, TLS, domain, report_id)
    return c.page(request, "dmarc_tls_report.html", r=r, domain=domain.lower().rstrip("."))


@router.get("/api/dmarc/{domain}/tls/{report_id}", tags=["dmarc"])
async def api_dmarc_tls_report(c: ConsoleDep, user: User, domain: str, report_id: RowId) -> dict[str, Any]:
    """One TLS report: the domain's policies with sessions and failure details."""
    return await _one(c, TLS, domain, report_id)
