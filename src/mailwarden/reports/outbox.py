"""The feedback outbox (issue 17, point 6): feedback mails are queued in the transaction that
calls for them — the thank-you when a report is stored, the outcome when it is resolved — and
sent later, off the request path. One row per report and kind: queuing twice queues once, so a
report read twice, or a cluster resolved twice, writes to its reporter once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

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
