"""Console: leak scans kept with ``mailwarden leaks scan --save`` — each scan's counts and its
findings, masked (the store never holds a secret). Pages and their JSON twins; store reads on
worker threads."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...core.i18n import gettext
from ...leaks import service
from ..console import ConsoleDep
from ..params import Limit, Offset, RowId
from ..security import current_user

User = Annotated[dict[str, Any], Depends(current_user)]

router = APIRouter()


@router.get("/leaks", response_class=HTMLResponse, include_in_schema=False)
async def leaks_page(request: Request, c: ConsoleDep, user: User, offset: Offset = 0) -> HTMLResponse:
    data = await asyncio.to_thread(service.scans, c.store, 100, offset)
    return c.page(request, "leaks.html", **data, offset=offset)


@router.get("/api/leaks/scans", tags=["leaks"])
async def api_scans(c: ConsoleDep, user: User, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Leak scans, newest first."""
    return await asyncio.to_thread(service.scans, c.store, limit, offset)


async def _detail(c: ConsoleDep, scan_id: int) -> dict[str, Any]:
    data = await asyncio.to_thread(service.scan_detail, c.store, scan_id)
    if data is None:
        raise HTTPException(404, gettext("no such scan"))
    return data


@router.get("/leaks/{scan_id}", response_class=HTMLResponse, include_in_schema=False)
async def leak_scan_page(request: Request, c: ConsoleDep, user: User, scan_id: RowId) -> HTMLResponse:
    return c.page(request, "leak_scan.html", scan=await _detail(c, scan_id))


@router.get("/api/leaks/scans/{scan_id}", tags=["leaks"])
async def api_scan(c: ConsoleDep, user: User, scan_id: RowId) -> dict[str, Any]:
    """One scan and its findings (masked values; texts in the reader's language)."""
    return await _detail(c, scan_id)
