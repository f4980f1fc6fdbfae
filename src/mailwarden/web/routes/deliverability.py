"""Console: deliverability — rates against the receivers' thresholds, Gmail's spam rate, top
bounce reasons, recipients to suppress, alerts and the providers' webhooks. A page and its JSON
twin; the store is read on a worker thread."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ...deliverability.overview import overview
from ..console import Console, ConsoleDep
from ..security import current_user

User = Annotated[dict[str, Any], Depends(current_user)]
Days = Annotated[int, Query(ge=1, le=90, description="the window, in days up to today (UTC)")]
DomainQ = Annotated[str | None, Query(max_length=253, description="one sending domain")]

router = APIRouter()


async def _data(c: Console, days: int, domain: str | None) -> dict[str, Any]:
    return await asyncio.to_thread(overview, c.store, c.settings, days=days, domain=domain or None)


@router.get("/deliverability", response_class=HTMLResponse, include_in_schema=False)
async def deliverability_page(
    request: Request, c: ConsoleDep, user: User, days: Days = 7, domain: DomainQ = None
) -> HTMLResponse:
    return c.page(request, "deliverability.html", **await _data(c, days, domain))


@router.get("/api/deliverability", tags=["deliverability"])
async def api_deliverability(
    c: ConsoleDep, user: User, days: Days = 7, domain: DomainQ = None
) -> dict[str, Any]:
    """Rates per sending domain and provider with each threshold's assessment and trend,
    Gmail's spam rate (Postmaster Tools), top bounce reasons by meaning, recipients to suppress
    (the last 90 days), recent alerts, and each provider's webhook URL and whether it is set up."""
    return await _data(c, days, domain)
