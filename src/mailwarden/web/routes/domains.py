"""Console: domain checks — check a domain now, the history of checks, one report."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ...core.findings import Finding
from ...core.i18n import gettext
from ...core.store import Store
from ...domain import service
from ..console import ConsoleDep
from ..params import RowId
from ..security import check_csrf, current_user

User = Annotated[dict[str, Any], Depends(current_user)]

router = APIRouter()


class CheckRequest(BaseModel):
    domain: str = Field(max_length=300)
    selectors: list[str] = Field(default_factory=list, max_length=50)
    report_to: str | None = Field(default=None, max_length=300)


def _check_or_404(store: Store, check_id: int) -> dict[str, Any]:
    """A store query: called on a worker thread."""
    data = service.get_check(store, check_id)
    if data is None:
        raise HTTPException(404, gettext("no such check"))
    return data


@router.get("/domains", response_class=HTMLResponse, include_in_schema=False)
async def domains_page(
    request: Request, c: ConsoleDep, user: User, domain: str | None = None
) -> HTMLResponse:
    checks = await asyncio.to_thread(service.recent_checks, c.store, 100, domain)
    return c.page(request, "domains.html", checks=checks, error=None)


@router.get("/api/domains", tags=["domains"])
async def api_domains(c: ConsoleDep, user: User, domain: str | None = None) -> list[dict[str, Any]]:
    """History of domain checks, newest first."""
    return await asyncio.to_thread(service.recent_checks, c.store, 100, domain)


@router.post("/domains", include_in_schema=False)
async def domains_check(
    request: Request,
    c: ConsoleDep,
    user: User,
    domain: Annotated[str, Form(max_length=300)],
    csrf: Annotated[str, Form()],
    selectors: Annotated[str, Form()] = "",
    report_to: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    check_id = await service.check_and_store(
        c.store,
        domain,
        resolver=await asyncio.to_thread(c.resolver),
        options=c.audit_options(selectors.replace(",", " ").split(), report_to),
        user_id=user["id"],
    )
    return RedirectResponse(f"/domains/{check_id}", status_code=303)


@router.post("/api/domains", tags=["domains"], status_code=201)
async def api_domains_check(
    request: Request, c: ConsoleDep, user: User, body: Annotated[CheckRequest, Body()]
) -> dict[str, Any]:
    """Check a domain now; the report is kept in the history. Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    check_id = await service.check_and_store(
        c.store,
        body.domain,
        resolver=await asyncio.to_thread(c.resolver),
        options=c.audit_options(body.selectors, body.report_to),
        user_id=user["id"],
    )
    data = await asyncio.to_thread(service.get_check, c.store, check_id)
    assert data is not None
    return data


@router.get("/domains/{check_id}", response_class=HTMLResponse, include_in_schema=False)
async def domain_report(request: Request, c: ConsoleDep, user: User, check_id: RowId) -> HTMLResponse:
    data = await asyncio.to_thread(_check_or_404, c.store, check_id)
    findings: list[Finding] = []
    for check in data.get("checks", {}).values():
        findings.extend(Finding.from_dict(f) for f in check["findings"])
    findings.extend(Finding.from_dict(f) for f in data.get("findings", []))
    findings.sort(key=lambda f: -f.severity.rank)
    return c.page(request, "report.html", report=data, findings=findings)


@router.get("/api/domains/{check_id}", tags=["domains"])
async def api_domain_report(c: ConsoleDep, user: User, check_id: RowId) -> dict[str, Any]:
    return await asyncio.to_thread(_check_or_404, c.store, check_id)
