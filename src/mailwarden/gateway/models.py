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


class QueuedMessage(Base):
    """One held or delayed message of one gateway, in the index every gateway, the CLI and the
    console share (several gateways, one PostgreSQL). The message itself stays in its gateway's
    spool; the row carries what the queue listing shows — masked evidence only, as the spool
    header — and the decision someone asked for, which the owning gateway carries out."""

    __tablename__ = "gateway_queue"
    __table_args__ = (Index("ix_gateway_queue_instance", "instance"),)
    spool_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    #: the gateway whose spool holds the message (``--instance``)
    instance: Mapped[str] = mapped_column(String(255))
    #: held or delayed
    state: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: when a delayed message goes
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    sender: Mapped[str] = mapped_column(String(320))
    recipients: Mapped[list[str]] = mapped_column(JSON)
    subject: Mapped[str] = mapped_column(Text, default="")
    #: the decision record as the spool header has it: rules, counts, masked matches
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    size: Mapped[int] = mapped_column(Integer, default=0)
    #: release, reject or cancel, once asked for; the first decision wins
    action: Mapped[str | None] = mapped_column(String(20), nullable=True)
    requested_by: Mapped[str | None] = mapped_column(String(320), nullable=True)
    requested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class SharedPolicy(Base):
    """A version of the DLP policy the gateways share (``gateway policy push``): the newest
    is the one in force; pushed only once it validated."""

    __tablename__ = "gateway_policies"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    pushed_by: Mapped[str] = mapped_column(String(320))
    pushed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
