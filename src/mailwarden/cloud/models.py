"""What the cloud audit keeps when asked (``cloud audit --save``): each run's report and, for
comparing runs, one row per failing resource."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..core.store.models import Base, utcnow


class CloudAuditRun(Base):
    __tablename__ = "cloud_audits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    account_id: Mapped[str] = mapped_column(String(32), index=True)
    partition: Mapped[str] = mapped_column(String(16), default="aws")
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: checks passing, failing and undetermined
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    failing: Mapped[int] = mapped_column(Integer, default=0)
    #: the whole report (CloudAudit.to_dict() without the rendered texts: codes and params)
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    by: Mapped[str] = mapped_column(String(320), default="")


class CloudAuditFinding(Base):
    __tablename__ = "cloud_audit_findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("cloud_audits.id", ondelete="CASCADE"), index=True)
    check: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(Text)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
