"""Inventories kept for the console: saved as found, classified again when read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..core.store import Store
from .assets import Asset
from .inventory import Inventory, make_inventory
from .models import PqcInventory

__all__ = ["get_inventory", "recent_inventories", "save_inventory"]


def save_inventory(store: Store, inv: Inventory, by: str = "") -> int:
    with store.session(write=True) as s:
        row = PqcInventory(
            at=inv.generated,
            scope=inv.scope,
            summary=inv.summary(),
            assets=[a.to_dict() for a in inv.assets],
            by=by,
        )
        s.add(row)
        s.flush()
        return int(row.id)


def recent_inventories(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    with store.session() as s:
        rows = s.execute(
            select(
                PqcInventory.id, PqcInventory.at, PqcInventory.scope, PqcInventory.summary, PqcInventory.by
            )
            .order_by(PqcInventory.id.desc())
            .limit(limit)
        ).all()
    return [
        {"id": r.id, "at": r.at.isoformat(), "scope": r.scope, "summary": r.summary, "by": r.by} for r in rows
    ]


def get_inventory(store: Store, inventory_id: int, *, now: datetime | None = None) -> Inventory | None:
    """The kept inventory, classified now (texts in the current language)."""
    with store.session() as s:
        row = s.get(PqcInventory, inventory_id)
        if row is None:
            return None
        assets = [Asset.from_dict(d) for d in row.assets]
        at, scope = row.at, row.scope
    inv = make_inventory(assets, now=now, scope=scope)
    inv.generated = at
    return inv
