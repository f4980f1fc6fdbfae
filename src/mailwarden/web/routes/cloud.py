"""Console: Amazon SES account audits kept with ``mailwarden cloud audit --save`` — each run's
checks (failing, undetermined, passing) and what changed since the run before. Pages and their
JSON twins; store reads on worker threads."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...cloud import service
from ...core.i18n import gettext
from ..console import ConsoleDep
from ..params import Limit, Offset, RowId
from ..security import current_user

User = Annotated[dict[str, Any], Depends(current_user)]

router = APIRouter()


@router.get("/cloud", response_class=HTMLResponse, include_in_schema=False)
async def cloud_page(request: Request, c: ConsoleDep, user: User, offset: Offset = 0) -> HTMLResponse:
    data = await asyncio.to_thread(service.audits, c.store, 100, offset)
    return c.page(request, "cloud.html", **data, offset=offset)


@router.get("/api/cloud/audits", tags=["cloud"])
async def api_audits(c: ConsoleDep, user: User, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Cloud audits, newest first."""
    return await asyncio.to_thread(service.audits, c.store, limit, offset)


async def _detail(c: ConsoleDep, audit_id: int) -> dict[str, Any]:
    data = await asyncio.to_thread(service.audit_detail, c.store, audit_id)
    if data is None:
        raise HTTPException(404, gettext("no such audit"))
    return data


@router.get("/cloud/{audit_id}", response_class=HTMLResponse, include_in_schema=False)
async def cloud_audit_page(request: Request, c: ConsoleDep, user: User, audit_id: RowId) -> HTMLResponse:
    return c.page(request, "cloud_audit.html", audit=await _detail(c, audit_id))


@router.get("/api/cloud/audits/{audit_id}", tags=["cloud"])
async def api_audit(c: ConsoleDep, user: User, audit_id: RowId) -> dict[str, Any]:
    """One audit: its checks with findings (texts in the reader's language), the SES domains,
    and what was fixed, what is new and what could not be checked again since the run before."""
    return await _detail(c, audit_id)
