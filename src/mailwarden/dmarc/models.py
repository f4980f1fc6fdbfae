"""Tables for DMARC aggregate, failure and SMTP TLS reports."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..core.store.models import Base, utcnow


class AggregateReport(Base):
    __tablename__ = "dmarc_reports"
    __table_args__ = (
        # a reporter may reuse a report id for another period: the period is part of the identity
        UniqueConstraint(
            "org_name", "report_id", "policy_domain", "begin", "end", name="uq_dmarc_reports_identity"
        ),
        Index("ix_dmarc_reports_domain_begin", "policy_domain", "begin"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_name: Mapped[str] = mapped_column(String(255))
    email: Mapped[str] = mapped_column(String(255))
    report_id: Mapped[str] = mapped_column(String(255))
    policy_domain: Mapped[str] = mapped_column(String(255))
    begin: Mapped[int] = mapped_column(BigInteger)
    end: Mapped[int] = mapped_column(BigInteger)
    policy: Mapped[dict[str, Any]] = mapped_column(JSON)
    namespace: Mapped[str] = mapped_column(String(100))
    generator: Mapped[str] = mapped_column(String(255))
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    message_count: Mapped[int] = mapped_column(BigInteger, default=0)
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    origin: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AggregateRecord(Base):
    __tablename__ = "dmarc_records"
    __table_args__ = (
        Index("ix_dmarc_records_domain_begin", "policy_domain", "begin"),
        Index("ix_dmarc_records_report", "report_pk"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_pk: Mapped[int] = mapped_column(ForeignKey("dmarc_reports.id", ondelete="CASCADE"))
    policy_domain: Mapped[str] = mapped_column(String(255))
    begin: Mapped[int] = mapped_column(BigInteger)
    source_ip: Mapped[str] = mapped_column(String(45))
    count: Mapped[int] = mapped_column(BigInteger)
    disposition: Mapped[str] = mapped_column(String(20))
    dkim_aligned: Mapped[bool] = mapped_column(Boolean)
    spf_aligned: Mapped[bool] = mapped_column(Boolean)
    header_from: Mapped[str] = mapped_column(String(255))
    envelope_from: Mapped[str] = mapped_column(String(255))
    envelope_to: Mapped[str] = mapped_column(String(255))
    dkim: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    spf: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    reasons: Mapped[list[dict[str, str]]] = mapped_column(JSON)


class TlsReport(Base):
    __tablename__ = "tls_reports"
    __table_args__ = (UniqueConstraint("org_name", "report_id", name="uq_tls_reports_identity"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_name: Mapped[str] = mapped_column(String(255))
    report_id: Mapped[str] = mapped_column(String(255))
    begin: Mapped[int] = mapped_column(BigInteger)
    end: Mapped[int] = mapped_column(BigInteger)
    contact: Mapped[str] = mapped_column(String(255))
    origin: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TlsPolicyResult(Base):
    __tablename__ = "tls_results"
    __table_args__ = (Index("ix_tls_results_domain_begin", "policy_domain", "begin"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_pk: Mapped[int] = mapped_column(ForeignKey("tls_reports.id", ondelete="CASCADE"))
    policy_domain: Mapped[str] = mapped_column(String(255))
    begin: Mapped[int] = mapped_column(BigInteger)
    policy_type: Mapped[str] = mapped_column(String(20))
    policy_strings: Mapped[list[str]] = mapped_column(JSON)
    mx_hosts: Mapped[list[str]] = mapped_column(JSON)
    successful: Mapped[int] = mapped_column(BigInteger)
    failed: Mapped[int] = mapped_column(BigInteger)
    failure_details: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class FailureReport(Base):
    __tablename__ = "dmarc_failures"
    __table_args__ = (
        UniqueConstraint("digest", name="uq_dmarc_failures_digest"),
        Index("ix_dmarc_failures_domain", "reported_domain", "created_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    feedback_type: Mapped[str] = mapped_column(String(40))
    reported_domain: Mapped[str] = mapped_column(String(255))
    source_ip: Mapped[str] = mapped_column(String(45))
    arrival_date: Mapped[str] = mapped_column(String(100))
    auth_failure: Mapped[str] = mapped_column(String(100))
    identity_alignment: Mapped[str] = mapped_column(String(100))
    original_mail_from: Mapped[str] = mapped_column(String(255))
    dkim_domain: Mapped[str] = mapped_column(String(255))
    dkim_selector: Mapped[str] = mapped_column(String(255))
    delivery_result: Mapped[str] = mapped_column(String(40))
    reporter: Mapped[str] = mapped_column(String(300))
    original_headers: Mapped[dict[str, str]] = mapped_column(JSON)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    origin: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
