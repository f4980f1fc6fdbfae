"""What deliverability keeps: the providers' events (one row per provider event id), Google
Postmaster Tools' daily figures, the alerts already sent (so one is not repeated), and the
sender test inbox's graded messages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..core.store.models import Base, utcnow


class DeliveryEvent(Base):
    __tablename__ = "delivery_events"
    __table_args__ = (
        UniqueConstraint("provider", "event_id", name="uq_delivery_events_provider_event"),
        Index("ix_delivery_events_domain_day", "domain", "day"),
        Index("ix_delivery_events_recipient", "recipient"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    provider: Mapped[str] = mapped_column(String(16))
    event_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: the UTC day of ``at``: what the rates are grouped by
    day: Mapped[date] = mapped_column(Date)
    domain: Mapped[str] = mapped_column(String(253), default="")
    recipient: Mapped[str] = mapped_column(String(320), default="")
    bounce: Mapped[str] = mapped_column(String(8), default="")
    smtp_code: Mapped[str] = mapped_column(String(8), default="")
    status: Mapped[str] = mapped_column(String(16), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    received: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PostmasterStat(Base):
    """One domain's day in Google Postmaster Tools (API v2)."""

    __tablename__ = "postmaster_stats"
    __table_args__ = (UniqueConstraint("domain", "day", name="uq_postmaster_stats_domain_day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    domain: Mapped[str] = mapped_column(String(253))
    day: Mapped[date] = mapped_column(Date)
    spam_rate: Mapped[float | None] = mapped_column(Float, nullable=True)
    reputation: Mapped[str] = mapped_column(String(16), default="")
    #: everything else the API gave for the day (metric name → value), kept as it came
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: the domain's compliance status when imported (requirement → state)
    compliance: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DeliveryAlert(Base):
    """An alert sent: one per domain, provider, metric, level and day."""

    __tablename__ = "delivery_alerts"
    __table_args__ = (
        UniqueConstraint("domain", "provider", "metric", "level", "day", name="uq_delivery_alerts_key"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    domain: Mapped[str] = mapped_column(String(253))
    provider: Mapped[str] = mapped_column(String(16))
    metric: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(16))
    day: Mapped[date] = mapped_column(Date)
    rate: Mapped[float] = mapped_column(Float)
    threshold: Mapped[float] = mapped_column(Float)
    channels: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SenderCheck(Base):
    """A message graded by the sender test inbox (or ``sender check --save``)."""

    __tablename__ = "sender_checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    #: the local part it was sent to (the console shows each user an address of their own)
    token: Mapped[str] = mapped_column(String(64), default="", index=True)
    sender: Mapped[str] = mapped_column(String(320), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    grade: Mapped[str] = mapped_column(String(2), default="")
    score: Mapped[int] = mapped_column(Integer, default=0)
    #: SenderReport.to_dict()
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
