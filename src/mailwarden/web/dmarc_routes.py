"""Console pages for DMARC reports, each with a JSON twin under /api/dmarc."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from ..core.dns import Resolver
from ..core.i18n import gettext
from ..core.store import Store
from ..dmarc import service
from ..dmarc.advise import advise
from ..dmarc.analysis import CLASS_LABELS, sources_csv, summarise
from .params import Days
from .security import check_csrf, current_user, require

User = Annotated[dict[str, Any], Depends(current_user)]
Ingester = Annotated[dict[str, Any], Depends(require("ingest"))]


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


def build_router(
    store: Store,
    page: Callable[..., HTMLResponse],
    resolver: Callable[[], Resolver],
    https_port: int = 443,
    ca_file: Any = None,
) -> APIRouter:
    router = APIRouter()

    async def domain_data(domain: str, days: int) -> dict[str, Any]:
        # the advisor's summary (last ``days`` days) is the one the page shows
        return await advise(
            store, domain, resolver=resolver(), days=days, https_port=https_port, ca_file=ca_file
        )

    @router.get("/dmarc", response_class=HTMLResponse, include_in_schema=False)
    async def dmarc_page(request: Request, user: User) -> HTMLResponse:
        return page(request, "dmarc.html", domains=service.domains(store), result=None)

    @router.get("/api/dmarc", tags=["dmarc"])
    async def api_dmarc(user: User) -> list[dict[str, Any]]:
        """Domains with stored aggregate reports."""
        return service.domains(store)

    async def read_uploads(files: list[UploadFile]) -> list[tuple[str, bytes]]:
        out = []
        for f in files:
            data = await f.read(service.MAX_UPLOAD + 1)
            if len(data) > service.MAX_UPLOAD:
                raise HTTPException(413, gettext("file too large"))
            out.append((f.filename or "upload", data))
        return out

    @router.post("/dmarc/upload", response_class=HTMLResponse, include_in_schema=False)
    async def dmarc_upload(
        request: Request,
        user: Ingester,
        csrf: Annotated[str, Form()],
        files: Annotated[list[UploadFile], File()],
    ) -> HTMLResponse:
        check_csrf(request, csrf)
        uploads = await read_uploads(files)
        # a report of 100 MB takes tens of seconds to parse: a worker thread, never the loop
        result = await asyncio.to_thread(service.ingest_upload, store, uploads)
        return page(request, "dmarc.html", domains=service.domains(store), result=result)

    @router.post("/api/dmarc/reports", tags=["dmarc"])
    async def api_dmarc_upload(
        request: Request, user: Ingester, files: Annotated[list[UploadFile], File()]
    ) -> dict[str, Any]:
        """Upload report files (XML, gz, zip, JSON, mail); each ends stored, duplicate or rejected.
        Needs X-CSRF-Token."""
        check_csrf(request, request.headers.get("x-csrf-token"))
        uploads = await read_uploads(files)
        return await asyncio.to_thread(service.ingest_upload, store, uploads)

    @router.get("/dmarc/{domain}", response_class=HTMLResponse, include_in_schema=False)
    async def dmarc_domain_page(request: Request, user: User, domain: str, days: Days = 30) -> HTMLResponse:
        data = await domain_data(domain, days)
        return page(
            request,
            "dmarc_domain.html",
            d=data,
            chart=chart_points(data["summary"]["over_time"]),
            class_labels=CLASS_LABELS,
        )

    @router.get("/api/dmarc/{domain}", tags=["dmarc"])
    async def api_dmarc_domain(user: User, domain: str, days: Days = 30) -> dict[str, Any]:
        """Pass rates by service, source and day; the advisor's readiness and plan."""
        return await domain_data(domain, days)

    @router.get("/dmarc/{domain}/sources.csv", tags=["dmarc"])
    async def dmarc_sources_csv(user: User, domain: str) -> Response:
        """The sources table as CSV."""
        data = await summarise(store, domain, resolver=resolver())
        return Response(
            sources_csv(data),
            media_type="text/csv; charset=utf-8",
            # the name comes from the URL: only safe characters reach the header
            headers={"Content-Disposition": f'attachment; filename="{safe_filename(domain)}-sources.csv"'},
        )

    return router
