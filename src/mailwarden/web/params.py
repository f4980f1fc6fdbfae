"""Bounded request parameters: an id, offset, limit or number of days out of range is a 422
with the reason, never a database overflow (500)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

MAX_ID = 2**31 - 1  # the largest INTEGER key, on PostgreSQL as on SQLite

RowId = Annotated[int, Path(ge=1, le=MAX_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_ID)]
Limit = Annotated[int, Query(ge=0, le=1000)]
Days = Annotated[int, Query(ge=1, le=100_000)]
