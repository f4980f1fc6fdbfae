"""What the post-quantum inventory keeps when asked (``pqc inventory --save``): each run's
assets as found. They are classified again when shown, so the texts are in the reader's
language and the dates measured from the day they are read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.store.models import Base, utcnow


class PqcInventory(Base):
    __tablename__ = "pqc_inventories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    #: what was inventoried: {"domains": [...], "paths": [...], "listeners": [...]}
    scope: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: counts by exposure and kind, the share of hybrid TLS sessions (for the list)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    assets: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    by: Mapped[str] = mapped_column(String(320), default="")
