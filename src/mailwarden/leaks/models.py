"""What the leak scanner keeps when asked (``leaks scan --save``): each scan's counts and its
findings, masked — never a secret."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..core.store.models import Base, utcnow


class LeakScan(Base):
    __tablename__ = "leak_scans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    #: the paths scanned, as given
    target: Mapped[str] = mapped_column(Text, default="")
    git: Mapped[bool] = mapped_column(Boolean, default=False)
    files: Mapped[int] = mapped_column(Integer, default=0)
    commits: Mapped[int] = mapped_column(Integer, default=0)
    bytes: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: findings reported (not in the baseline) and those the baseline held back
    found: Mapped[int] = mapped_column(Integer, default=0)
    known: Mapped[int] = mapped_column(Integer, default=0)
    by: Mapped[str] = mapped_column(String(320), default="")


class LeakFinding(Base):
    __tablename__ = "leak_findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("leak_scans.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(Text)
    line: Mapped[int] = mapped_column(Integer)
    column: Mapped[int] = mapped_column(Integer, default=1)
    #: the value masked (``AKIA…``), never the value
    masked: Mapped[str] = mapped_column(String(80))
    fingerprint: Mapped[str] = mapped_column(String(40), index=True)
    commit: Mapped[str] = mapped_column(String(64), default="")
    author: Mapped[str] = mapped_column(String(320), default="")
    date: Mapped[str] = mapped_column(String(40), default="")
    #: the finding's parameters (masked values only) and its source line, the value masked
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    evidence: Mapped[str] = mapped_column(Text, default="")
