"""What staff reporting keeps: reports, the analyses they share, clusters of reports of one
attack with the keys they are found by, the audit log of decisions, and the API tokens the
report buttons post with (stored hashed)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
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


class ReportAnalysis(Base):
    """One analysis of a reported message, shared by every report of the same message (its
    sender, subject and body hashed): 500 staff reporting one mail cost one analysis."""

    __tablename__ = "report_analyses"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    verdict: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)
    #: the analyser's VerdictJson
    result: Mapped[dict[str, Any]] = mapped_column(JSON)


class ReportCluster(Base):
    """Reports of the same attack: one decision classifies and resolves them all."""

    __tablename__ = "report_clusters"
    __table_args__ = (
        Index("ix_report_clusters_status", "status"),
        # the triage queue: open clusters, most urgent first, read a page at a time
        Index("ix_report_clusters_queue", "status", "priority", "newest_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: received, in_review, resolved
    status: Mapped[str] = mapped_column(String(20), default="received")
    #: phishing, spam, clean, simulation (None until decided)
    classification: Mapped[str | None] = mapped_column(String(20), nullable=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    sender_domain: Mapped[str] = mapped_column(String(255), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    #: the MinHash of the first report's subject and body (near-duplicates are measured against it)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(320), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: kept up to date as reports arrive (reports/ingest.py), so that the queue is read in
    #: order from an index: distinct reporters, the worst verdict's rank (priority.ORDER), the
    #: top score, the newest report and the priority they make (reports/priority.py)
    reporters: Mapped[int] = mapped_column(Integer, default=0)
    verdict_rank: Mapped[int] = mapped_column(Integer, default=0)
    top_score: Mapped[float] = mapped_column(Float, default=0.0)
    newest_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    priority: Mapped[float] = mapped_column(Float, default=0.0)


class ReportClusterKey(Base):
    """A value that puts a new report into a cluster: ``kind`` is body, attachment, url,
    band (a MinHash LSH band), sender (a domain) or envelope (a Return-Path address)."""

    __tablename__ = "report_cluster_keys"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_report_cluster_keys_kind_value"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64))
    cluster_id: Mapped[int] = mapped_column(ForeignKey("report_clusters.id", ondelete="CASCADE"), index=True)


class Report(Base):
    """One staff report: who, when, how it came, the reported message as received and what
    the analyser and the triage made of it."""

    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_status", "status"),
        Index("ix_reports_reported_at", "reported_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reporter: Mapped[str] = mapped_column(String(320), default="")
    #: imap, api, upload
    path: Mapped[str] = mapped_column(String(10))
    #: where the report mail came from (IMAP mailbox, UIDVALIDITY and UID): read twice, stored once
    origin: Mapped[str | None] = mapped_column(String(400), nullable=True, unique=True)
    #: how the message was found in the report: rfc822, eml, msg, tnef, inline, raw
    intake: Mapped[str] = mapped_column(String(10), default="raw")
    #: recovered from an inline forward: headers as the mail client kept them
    degraded: Mapped[bool] = mapped_column(Boolean, default=False)
    #: what the reporter said (Microsoft's format: phishing, spam, clean)
    reporter_classification: Mapped[str | None] = mapped_column(String(20), nullable=True)
    #: the reporter's answers to the button's questions
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: the reported message as received
    raw: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    message_id: Mapped[str] = mapped_column(Text, default="")
    sender: Mapped[str] = mapped_column(String(320), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    #: when the reported message reached the organisation (its newest Received line, else Date)
    message_received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    analysis_key: Mapped[str] = mapped_column(ForeignKey("report_analyses.key"), index=True)
    verdict: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)
    signals: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: received, in_review, resolved
    status: Mapped[str] = mapped_column(String(20), default="received")
    #: phishing, spam, clean, simulation
    classification: Mapped[str | None] = mapped_column(String(20), nullable=True)
    #: the simulation campaign and target the marker named
    simulation: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    assignee: Mapped[str | None] = mapped_column(String(320), nullable=True)
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("report_clusters.id", ondelete="SET NULL"), nullable=True, index=True
    )


class ReportAudit(Base):
    """Who decided what about which cluster or report, when."""

    __tablename__ = "report_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(20))
    cluster_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    report_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="")


class ApiToken(Base):
    """A per-installation token the report buttons post with; only its SHA-256 is kept."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ReportFeedback(Base):
    """A feedback mail to a reporter, queued in the transaction that calls for it and sent off
    the request path (retried while the relay is down). One per report and kind: ``thanks`` on
    intake, ``outcome`` once the report is resolved (a simulation's report gets only its outcome)."""

    __tablename__ = "report_feedback"
    __table_args__ = (
        UniqueConstraint("report_id", "kind", name="uq_report_feedback_report_kind"),
        Index("ix_report_feedback_due", "status", "next_attempt_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    #: thanks, outcome
    kind: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: pending, sent, failed (gave up after the last retry), skipped (no address to write to)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")


class ReportRemediation(Base):
    """One message moved (or found, on a dry run) in one mailbox by remediating a cluster:
    where it was (mailbox, folder, UIDVALIDITY, UID) and where it went, so that it can be put
    back. ``run`` groups the moves of one remediation."""

    __tablename__ = "report_remediations"
    __table_args__ = (Index("ix_report_remediations_cluster", "cluster_id", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run: Mapped[str] = mapped_column(String(32), index=True)
    cluster_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(320))
    mailbox: Mapped[str] = mapped_column(String(320))
    folder: Mapped[str] = mapped_column(String(255))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[str] = mapped_column(Text, default="")
    #: how it was matched: message_id, or hash (sender + subject + body)
    matched_by: Mapped[str] = mapped_column(String(12), default="message_id")
    quarantine: Mapped[str] = mapped_column(String(255), default="")
    new_uidvalidity: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    new_uid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    #: found (dry run), moved, restored, failed
    status: Mapped[str] = mapped_column(String(10))
    detail: Mapped[str] = mapped_column(Text, default="")
    restored_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
