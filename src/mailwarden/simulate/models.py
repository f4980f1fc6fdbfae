"""What simulations keep: the organisation's domains (verified by a DNS TXT token), groups
(departments), targets imported from CSV, sending profiles, campaigns and their recipients, the
raw tracking hits, training assignments, survey answers and webhooks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..core.store.models import Base, utcnow


class SimDomain(Base):
    """A domain of the organisation; only addresses in verified domains can be targets."""

    __tablename__ = "sim_domains"
    domain: Mapped[str] = mapped_column(String(253), primary_key=True)
    token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SimGroup(Base):
    """A group of targets: one per department."""

    __tablename__ = "sim_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class SimTarget(Base):
    __tablename__ = "sim_targets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(320), unique=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("sim_groups.id", ondelete="SET NULL"), nullable=True, index=True
    )
    manager: Mapped[str] = mapped_column(String(320), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SimProfile(Base):
    """A sending profile: the SMTP relay a campaign's mail goes through and who it comes from.
    The relay's password is never stored: ``password_env`` names the environment variable that
    holds it."""

    __tablename__ = "sim_profiles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: HOST[:PORT]
    relay: Mapped[str] = mapped_column(String(300))
    #: starttls, tls, none (core/mailout.py)
    security: Mapped[str] = mapped_column(String(10), default="starttls")
    username: Mapped[str] = mapped_column(String(320), default="")
    password_env: Mapped[str] = mapped_column(String(100), default="")
    #: envelope sender and From address of the campaign's mail
    mail_from: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SimCampaign(Base):
    """A campaign: one template sent to groups of targets through a sending profile, spread
    evenly from ``start_at`` to ``send_by``."""

    __tablename__ = "sim_campaigns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    template: Mapped[str] = mapped_column(String(64))
    #: ja, en
    lang: Mapped[str] = mapped_column(String(5), default="ja")
    profile_id: Mapped[int] = mapped_column(ForeignKey("sim_profiles.id", ondelete="RESTRICT"), index=True)
    #: draft, scheduled, running, paused, stopped, done
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    start_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: the end of the send-by window (None: send everything at start_at)
    send_by: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: who runs the exercise: named in every mail's contact header
    contact: Mapped[str] = mapped_column(String(320), default="")
    #: the company name the templates' {company} is
    company: Mapped[str] = mapped_column(String(200), default="")
    #: where the mail's links point: the public base URL of the tracking endpoints
    base_url: Mapped[str] = mapped_column(String(300), default="")
    #: what sends a person to the training page: click or submit
    training_after: Mapped[str] = mapped_column(String(8), default="submit")
    #: ask for the survey at the end of the training page
    survey: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(320), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SimRecipient(Base):
    """One target of one campaign: its unguessable token, its send state and what it did
    that is not a tracking hit (reported, trained)."""

    __tablename__ = "sim_recipients"
    __table_args__ = (
        UniqueConstraint("campaign_id", "target_id", name="uq_sim_recipients_campaign_target"),
        Index("ix_sim_recipients_due", "status", "due_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("sim_campaigns.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int | None] = mapped_column(
        ForeignKey("sim_targets.id", ondelete="SET NULL"), nullable=True, index=True
    )
    #: the target as it was when the campaign was made (metrics keep their departments)
    address: Mapped[str] = mapped_column(String(320))
    name: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    manager: Mapped[str] = mapped_column(String(320), default="")
    #: the random part of the recipient's link ids (simulate/ids.py)
    token: Mapped[str] = mapped_column(String(22), unique=True)
    #: queued, retry, sent, failed, cancelled
    status: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: training page shown, quiz passed
    trained_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    quiz_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SimHit(Base):
    """One raw tracking hit, kept as it came, with its classification and the reasons."""

    __tablename__ = "sim_hits"
    __table_args__ = (Index("ix_sim_hits_campaign_at", "campaign_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("sim_campaigns.id", ondelete="CASCADE"))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("sim_recipients.id", ondelete="CASCADE"), index=True)
    #: open, click, landing, submit, beacon, honeypot (simulate/tracking.py)
    kind: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: seconds since the recipient's mail was handed to the relay
    since_delivery: Mapped[float | None] = mapped_column(Float, nullable=True)
    ip: Mapped[str] = mapped_column(String(45), default="")
    method: Mapped[str] = mapped_column(String(8), default="GET")
    user_agent: Mapped[str] = mapped_column(String(500), default="")
    #: request headers (names in lower case), bounded; emptied by the retention limit
    headers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    #: None until classified
    human: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    reasons: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)


class SimAssignment(Base):
    """Training assigned to a target (a repeat offender), and when it was completed."""

    __tablename__ = "sim_assignments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("sim_targets.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("sim_campaigns.id", ondelete="SET NULL"), nullable=True
    )
    #: repeat (failed in several campaigns), manual
    reason: Mapped[str] = mapped_column(String(20), default="repeat")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SimSurvey(Base):
    """A recipient's answers to the optional survey after a campaign."""

    __tablename__ = "sim_surveys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient_id: Mapped[int] = mapped_column(
        ForeignKey("sim_recipients.id", ondelete="CASCADE"), unique=True
    )
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SimWebhook(Base):
    """Where campaign events are posted, signed with HMAC-SHA256 under ``secret``."""

    __tablename__ = "sim_webhooks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(500))
    secret: Mapped[str] = mapped_column(String(100))
    #: event names (empty: all)
    events: Mapped[list[str]] = mapped_column(JSON, default=list)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SimWebhookDelivery(Base):
    """One event waiting for (or done with) one webhook: retried with backoff."""

    __tablename__ = "sim_webhook_deliveries"
    __table_args__ = (Index("ix_sim_webhook_deliveries_due", "status", "next_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("sim_webhooks.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: pending, sent, failed
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
