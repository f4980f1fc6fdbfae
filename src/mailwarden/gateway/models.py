"""What the gateway keeps in the store: incidents (masked evidence only) and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..core.store.models import Base, utcnow


class Incident(Base):
    """A message some policy rule matched: who, what (masked), which rules, and what became of it."""

    __tablename__ = "dlp_incidents"
    __table_args__ = (
        Index("ix_dlp_incidents_received", "received_at"),
        Index("ix_dlp_incidents_state", "state"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spool_id: Mapped[str] = mapped_column(String(40), unique=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sender: Mapped[str] = mapped_column(String(320))
    recipients: Mapped[list[str]] = mapped_column(JSON)
    subject: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(20))
    #: delivered, blocked, held, delayed, released, rejected, cancelled, failed
    state: Mapped[str] = mapped_column(String(20))
    test_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    size: Mapped[int] = mapped_column(Integer, default=0)
    release_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: rules, counts, masked matches, unscannable parts
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON)
    decided_by: Mapped[str | None] = mapped_column(String(320), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AuditEntry(Base):
    """Who did what to which queued message, when."""

    __tablename__ = "dlp_audit"
    __table_args__ = (Index("ix_dlp_audit_spool", "spool_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(20))
    spool_id: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
