"""The feedback outbox (issue 17, point 6): feedback mails are queued in the transaction that
calls for them — the thank-you when a report is stored, the outcome when it is resolved — and
sent later, off the request path. One row per report and kind: queuing twice queues once, so a
report read twice, or a cluster resolved twice, writes to its reporter once. Sending is
``feedback_send.py``; reading the outbox (the CLI's list, a report's page) is here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import literal, select
from sqlalchemy.orm import Session
from typing_extensions import TypedDict

from ..core.errors import InputError
from ..core.i18n import gettext
from ..core.store import Store
from ..core.store.models import utcnow
from .models import Report, ReportFeedback


def _insert(s: Session) -> Any:
    """INSERT … ON CONFLICT (report_id, kind) DO NOTHING, in the store's dialect."""
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(ReportFeedback).on_conflict_do_nothing(index_elements=["report_id", "kind"])
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(ReportFeedback).on_conflict_do_nothing(index_elements=["report_id", "kind"])


def queue_report(s: Session, row: Report) -> None:
    """Queue what a report just stored calls for: a thank-you (not for a simulation, whose
    outcome is the thank-you) and, when it is already resolved, its outcome."""
    kinds = [] if row.classification == "simulation" else ["thanks"]
    if row.status == "resolved":
        kinds.append("outcome")
    now = utcnow()
    values = [
        {
            "report_id": row.id,
            "kind": k,
            "created_at": now,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "last_error": "",
        }
        for k in kinds
    ]
    if values:
        s.execute(_insert(s), values)


def queue_outcomes(s: Session, cluster_id: int) -> None:
    """Queue the outcome for every report of a resolved cluster (one statement, however many)."""
    now = utcnow()
    chosen = select(
        Report.id,
        literal("outcome"),
        literal(now),
        literal("pending"),
        literal(0),
        literal(now),
        literal(""),
    ).where(Report.cluster_id == cluster_id)
    s.execute(
        _insert(s).from_select(
            ["report_id", "kind", "created_at", "status", "attempts", "next_attempt_at", "last_error"], chosen
        )
    )


# -- reading -----------------------------------------------------------------------------------
#: pending (queued, or waiting for a retry), sending (claimed by a sender: a lease), sent,
#: failed (refused for good, or given up after the last retry), skipped (no address to write to)
STATUSES = ("pending", "sending", "sent", "failed", "skipped")


class FeedbackRow(TypedDict):
    id: int
    report_id: int
    reporter: str
    kind: str
    status: str
    attempts: int
    created_at: str
    next_attempt_at: str | None
    sent_at: str | None
    last_error: str


def _row(f: ReportFeedback, reporter: str) -> FeedbackRow:
    waiting = f.status in ("pending", "sending")
    return {
        "id": f.id,
        "report_id": f.report_id,
        "reporter": reporter,
        "kind": f.kind,
        "status": f.status,
        "attempts": f.attempts,
        "created_at": f.created_at.isoformat(),
        "next_attempt_at": f.next_attempt_at.isoformat() if waiting else None,
        "sent_at": f.sent_at.isoformat() if f.sent_at is not None else None,
        "last_error": f.last_error,
    }


def list_feedback(
    store: Store, *, status: str | None = None, report_id: int | None = None, limit: int = 200
) -> list[FeedbackRow]:
    """Feedback mails, newest first: all, those of one ``status``, or one report's."""
    if status is not None and status not in STATUSES:
        raise InputError(gettext("unknown status {value}").format(value=status))
    q = (
        select(ReportFeedback, Report.reporter)
        .join(Report, Report.id == ReportFeedback.report_id)
        .order_by(ReportFeedback.id.desc())
        .limit(max(0, min(limit, 10_000)))
    )
    if status is not None:
        q = q.where(ReportFeedback.status == status)
    if report_id is not None:
        q = q.where(ReportFeedback.report_id == report_id)
    with store.session() as s:
        return [_row(f, reporter) for f, reporter in s.execute(q)]


def report_feedback(store: Store, report_id: int) -> list[FeedbackRow]:
    """One report's feedback mails (thank-you first), for its page."""
    return sorted(list_feedback(store, report_id=report_id), key=lambda r: r["id"])
