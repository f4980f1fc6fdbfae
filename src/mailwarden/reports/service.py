"""Staff reports: listed, read and decided. Taking them in is reports/ingest.py (its names are
kept here for the callers that know them here).

Reporting sits above the features (beside the gateway): it uses the message analyser as a
library. Every function takes the store; none knows Typer or FastAPI."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from typing_extensions import TypedDict

from ..core.errors import InputError
from ..core.i18n import N_, gettext
from ..core.store import Store
from ..core.store.models import utcnow
from . import outbox
from .ingest import LIMITS, PATHS, Ingested, ingest_report
from .models import Report, ReportAudit, ReportCluster

__all__ = ["LIMITS", "PATHS", "Ingested", "ingest_report"]

STATUSES = ("received", "in_review", "resolved")
CLASSIFICATIONS = ("phishing", "spam", "clean", "simulation")
#: what a decision may set (simulation is only ever recognised by its marker)
DECISIONS = ("phishing", "spam", "clean")


class ReportRow(TypedDict):
    id: int
    reported_at: str
    reporter: str
    path: str
    intake: str
    degraded: bool
    reporter_classification: str | None
    sender: str
    subject: str
    message_id: str
    message_received_at: str | None
    verdict: str
    score: float
    status: str
    classification: str | None
    assignee: str | None
    cluster_id: int | None


class AuditRow(TypedDict):
    at: str
    actor: str
    action: str
    cluster_id: int | None
    report_id: int | None
    detail: str


class ReportDetail(ReportRow):
    answers: dict[str, Any]
    signals: list[dict[str, Any]]
    simulation: str | None
    size: int
    cluster_size: int
    audit: list[AuditRow]


# -- reading -----------------------------------------------------------------------------------
def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None


def _row(r: Report) -> ReportRow:
    return {
        "id": r.id,
        "reported_at": r.reported_at.isoformat(),
        "reporter": r.reporter,
        "path": r.path,
        "intake": r.intake,
        "degraded": r.degraded,
        "reporter_classification": r.reporter_classification,
        "sender": r.sender,
        "subject": r.subject,
        "message_id": r.message_id,
        "message_received_at": _iso(r.message_received_at),
        "verdict": r.verdict,
        "score": r.score,
        "status": r.status,
        "classification": r.classification,
        "assignee": r.assignee,
        "cluster_id": r.cluster_id,
    }


def list_reports(
    store: Store,
    *,
    status: str | None = None,
    classification: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[ReportRow]:
    if status is not None and status not in STATUSES:
        raise InputError(gettext("unknown status {value}").format(value=status))
    if classification is not None and classification not in CLASSIFICATIONS:
        raise InputError(gettext("unknown classification {value}").format(value=classification))
    q = select(Report).order_by(Report.id.desc()).limit(max(0, min(limit, 1000))).offset(max(0, offset))
    if status is not None:
        q = q.where(Report.status == status)
    if classification is not None:
        q = q.where(Report.classification == classification)
    with store.session() as s:
        return [_row(r) for r in s.scalars(q)]


def _audit(a: ReportAudit) -> AuditRow:
    return {
        "at": a.at.isoformat(),
        "actor": a.actor,
        "action": a.action,
        "cluster_id": a.cluster_id,
        "report_id": a.report_id,
        "detail": a.detail,
    }


def get_report(store: Store, report_id: int) -> ReportDetail | None:
    with store.session() as s:
        r = s.get(Report, report_id)
        if r is None:
            return None
        size = 0
        audit: list[AuditRow] = []
        if r.cluster_id is not None:
            group = s.get(ReportCluster, r.cluster_id)
            size = group.size if group is not None else 0
            audit = [
                _audit(a)
                for a in s.scalars(
                    select(ReportAudit).where(ReportAudit.cluster_id == r.cluster_id).order_by(ReportAudit.id)
                )
            ]
        return {
            **_row(r),
            "answers": dict(r.answers or {}),
            "signals": list(r.signals or []),
            "simulation": r.simulation,
            "size": r.size,
            "cluster_size": size,
            "audit": audit,
        }


def report_message(store: Store, report_id: int) -> bytes | None:
    """The reported message as received."""
    with store.session() as s:
        return s.scalar(select(Report.raw).where(Report.id == report_id))


CLUSTER_UNKNOWN = N_("no such cluster: {id}")


def resolve_cluster(store: Store, cluster_id: int, classification: str, actor: str, note: str = "") -> int:
    """Classify and resolve a cluster and every report in it; returns the reports resolved.
    Raises InputError for an unknown classification or cluster."""
    if classification not in DECISIONS:
        raise InputError(
            gettext("classification must be one of: {values}").format(values=", ".join(DECISIONS))
        )
    now = utcnow()
    with store.session(write=True) as s:
        group = s.get(ReportCluster, cluster_id, with_for_update=True)
        if group is None:
            raise InputError(gettext(CLUSTER_UNKNOWN).format(id=cluster_id))
        previous = group.classification
        group.status, group.classification = "resolved", classification
        group.decided_by, group.decided_at, group.updated_at = actor[:320], now, now
        done = s.execute(
            update(Report)
            .where(Report.cluster_id == cluster_id)
            .values(status="resolved", classification=classification)
        )
        count = int(getattr(done, "rowcount", 0) or 0)
        outbox.queue_outcomes(s, cluster_id)
        detail = f"{previous or '-'} -> {classification}; {count} reports"
        if note:
            detail += f"; {note[:1000]}"
        s.add(ReportAudit(at=now, actor=actor[:320], action="resolve", cluster_id=cluster_id, detail=detail))
        return count


def cluster_counts(store: Store) -> dict[str, int]:
    """Clusters by status."""
    with store.session() as s:
        rows = s.execute(select(ReportCluster.status, func.count()).group_by(ReportCluster.status))
        return {str(k): int(v) for k, v in rows}


def take_cluster(store: Store, cluster_id: int, assignee: str, actor: str) -> int:
    """Put a cluster in review with ``assignee``: its open reports follow; returns how many.
    A resolved cluster stays resolved (raises InputError)."""
    now = utcnow()
    with store.session(write=True) as s:
        group = s.get(ReportCluster, cluster_id, with_for_update=True)
        if group is None:
            raise InputError(gettext(CLUSTER_UNKNOWN).format(id=cluster_id))
        if group.status == "resolved":
            raise InputError(gettext("cluster {id} is already resolved").format(id=cluster_id))
        group.status, group.updated_at = "in_review", now
        done = s.execute(
            update(Report)
            .where(Report.cluster_id == cluster_id, Report.status != "resolved")
            .values(status="in_review", assignee=assignee[:320])
        )
        count = int(getattr(done, "rowcount", 0) or 0)
        s.add(
            ReportAudit(
                at=now, actor=actor[:320], action="assign", cluster_id=cluster_id, detail=f"{assignee[:320]}"
            )
        )
        return count
