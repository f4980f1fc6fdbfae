"""Console pages for DMARC reports, each with a JSON twin under /api/dmarc."""

from __future__ import annotations

import asyncio
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from ...core.i18n import gettext
from ...dmarc import service
from ...dmarc.advise import advise
from ...dmarc.analysis import CLASS_LABELS, sources_csv, summarise
from ..console import Console, ConsoleDep
from ..params import Days
from ..security import check_csrf, current_user, require

User = Annotated[dict[str, Any], Depends(current_user)]
Ingester = Annotated[dict[str, Any], Depends(require("ingest"))]

router = APIRouter()


def safe_filename(text: str) -> str:
    """A file name part with nothing that could end or split a header: letters, digits, . _ -"""
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)[:100] or "report"


def chart_points(days: list[dict[str, Any]], width: int = 640, height: int = 160) -> dict[str, Any]:
    """Pass-rate polyline and volume bars for an inline SVG (no scripts)."""
    if not days:
        return {"line": "", "bars": [], "width": width, "height": height}
    n = len(days)
    step = width / max(n, 1)
    peak = max(d["messages"] for d in days) or 1
    line = " ".join(
        f"{i * step + step / 2:.1f},{height - d['dmarc_pass_rate'] * height:.1f}" for i, d in enumerate(days)
    )
    bars = [
        {
            "x": round(i * step + 1, 1),
            "w": round(max(step - 2, 1), 1),
            "h": round(d["messages"] / peak * height * 0.5, 1),
            "day": d["day"],
        }
        for i, d in enumerate(days)
    ]
    return {"line": line, "bars": bars, "width": width, "height": height}


async def domain_data(c: Console, domain: str, days: int) -> dict[str, Any]:
    # the advisor's summary (last ``days`` days) is the one the page shows
    resolver = await asyncio.to_thread(c.resolver)
    return await advise(c.store, domain, resolver=resolver, days=days, ca_file=c.settings.ca_bundle)


async def read_uploads(files: list[UploadFile]) -> list[tuple[str, bytes]]:
    out = []
    for f in files:
        data = await f.read(service.MAX_UPLOAD + 1)
        if len(data) > service.MAX_UPLOAD:
            raise HTTPException(413, gettext("file too large"))
        out.append((f.filename or "upload", data))
    return out


@router.get("/dmarc", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_page(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    domains = await asyncio.to_thread(service.domains, c.store)
    return c.page(request, "dmarc.html", domains=domains, result=None)


@router.get("/api/dmarc", tags=["dmarc"])
async def api_dmarc(c: ConsoleDep, user: User) -> list[dict[str, Any]]:
    """Domains with stored aggregate reports."""
    return await asyncio.to_thread(service.domains, c.store)


@router.post("/dmarc/upload", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_upload(
    request: Request,
    c: ConsoleDep,
    user: Ingester,
    csrf: Annotated[str, Form()],
    files: Annotated[list[UploadFile], File()],
) -> HTMLResponse:
    check_csrf(request, csrf)
    uploads = await read_uploads(files)
    # a report of 100 MB takes tens of seconds to parse: a worker thread, never the loop
    result = await asyncio.to_thread(service.ingest_upload, c.store, uploads)
    domains = await asyncio.to_thread(service.domains, c.store)
    return c.page(request, "dmarc.html", domains=domains, result=result)


@router.post("/api/dmarc/reports", tags=["dmarc"])
async def api_dmarc_upload(
    request: Request, c: ConsoleDep, user: Ingester, files: Annotated[list[UploadFile], File()]
) -> dict[str, Any]:
    """Upload report files (XML, gz, zip, JSON, mail); each ends stored, duplicate or rejected.
    Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    uploads = await read_uploads(files)
    return await asyncio.to_thread(service.ingest_upload, c.store, uploads)


@router.get("/dmarc/{domain}", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_domain_page(
    request: Request, c: ConsoleDep, user: User, domain: str, days: Days = 30
) -> HTMLResponse:
    data = await domain_data(c, domain, days)
    return c.page(
        request,
        "dmarc_domain.html",
        d=data,
        chart=chart_points(data["summary"]["over_time"]),
        class_labels=CLASS_LABELS,
    )


@router.get("/api/dmarc/{domain}", tags=["dmarc"])
async def api_dmarc_domain(c: ConsoleDep, user: User, domain: str, days: Days = 30) -> dict[str, Any]:
    """Pass rates by service, source and day; the advisor's readiness and plan."""
    return await domain_data(c, domain, days)


@router.get("/dmarc/{domain}/sources.csv", tags=["dmarc"])
async def dmarc_sources_csv(c: ConsoleDep, user: User, domain: str) -> Response:
    """The sources table as CSV."""
    data = await summarise(c.store, domain, resolver=await asyncio.to_thread(c.resolver))
    return Response(
        sources_csv(data),
        media_type="text/csv; charset=utf-8",
        # the name comes from the URL: only safe characters reach the header
        headers={"Content-Disposition": f'attachment; filename="{safe_filename(domain)}-sources.csv"'},
    )
