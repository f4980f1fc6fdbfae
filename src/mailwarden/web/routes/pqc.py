"""Console: post-quantum readiness — the inventories kept with ``mailwarden pqc inventory
--save``, each shown with its migration plan and every asset's exposure, classified when read
(texts in the reader's language); the CBOM of one inventory. Store reads on worker threads."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from ...core.i18n import gettext
from ...pqc import service
from ...pqc.cbom import cbom_json
from ..console import Console, ConsoleDep
from ..params import RowId
from ..security import current_user

User = Annotated[dict[str, Any], Depends(current_user)]

router = APIRouter()


def _overview(c: Console) -> dict[str, Any]:
    kept = service.recent_inventories(c.store, 50)
    latest = service.get_inventory(c.store, kept[0]["id"]) if kept else None
    return {"inventories": kept, "latest": latest.to_dict() | {"id": kept[0]["id"]} if latest else None}


@router.get("/pqc", response_class=HTMLResponse, include_in_schema=False)
async def pqc_page(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    data = await asyncio.to_thread(_overview, c)
    return c.page(request, "pqc.html", **data)


@router.get("/api/pqc", tags=["pqc"])
async def api_pqc(c: ConsoleDep, user: User) -> dict[str, Any]:
    """The inventories kept (newest first) and the latest in full: summary, migration plan and
    every asset with its exposure, NIST dates, findings and next step."""
    return await asyncio.to_thread(_overview, c)


async def _one(c: Console, inventory_id: int) -> dict[str, Any]:
    inv = await asyncio.to_thread(service.get_inventory, c.store, inventory_id)
    if inv is None:
        raise HTTPException(404, gettext("no such inventory"))
    return inv.to_dict() | {"id": inventory_id}


@router.get("/pqc/{inventory_id}", response_class=HTMLResponse, include_in_schema=False)
async def pqc_inventory_page(
    request: Request, c: ConsoleDep, user: User, inventory_id: RowId
) -> HTMLResponse:
    return c.page(request, "pqc_inventory.html", inv=await _one(c, inventory_id))


@router.get("/api/pqc/inventories/{inventory_id}", tags=["pqc"])
async def api_pqc_inventory(c: ConsoleDep, user: User, inventory_id: RowId) -> dict[str, Any]:
    """One kept inventory, classified now."""
    return await _one(c, inventory_id)


@router.get("/api/pqc/inventories/{inventory_id}/cbom", tags=["pqc"])
async def api_pqc_cbom(c: ConsoleDep, user: User, inventory_id: RowId) -> Response:
    """The inventory as a CycloneDX 1.6 CBOM (JSON)."""
    inv = await asyncio.to_thread(service.get_inventory, c.store, inventory_id)
    if inv is None:
        raise HTTPException(404, gettext("no such inventory"))
    text = await asyncio.to_thread(cbom_json, inv.classified, generated=inv.generated)
    return Response(
        text,
        media_type="application/vnd.cyclonedx+json",
        headers={"Content-Disposition": f'attachment; filename="mailwarden-cbom-{inventory_id}.json"'},
    )
