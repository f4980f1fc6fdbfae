"""Console: the dashboard — the latest domain checks and surveys."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ...core.store import Store
from ...domain import service
from ..console import ConsoleDep
from ..security import current_user

User = Annotated[dict[str, Any], Depends(current_user)]

router = APIRouter()


def dashboard_data(store: Store) -> dict[str, Any]:
    """Store queries: called on a worker thread."""
    return {
        "recent_checks": service.recent_checks(store, 10),
        "surveys": service.list_surveys(store)[:10],
    }


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def home(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    return c.page(request, "home.html", **await asyncio.to_thread(dashboard_data, c.store))


@router.get("/api/", tags=["dashboard"])
async def api_home(c: ConsoleDep, user: User) -> dict[str, Any]:
    return await asyncio.to_thread(dashboard_data, c.store)
