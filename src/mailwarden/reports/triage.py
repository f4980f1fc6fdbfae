"""The triage queue: clusters of reports with their priority, one cluster with everything a
decision needs (its reports, the shared analysis, the reported message, the reporters and
their answers, notes and the audit log), and notes on a cluster.

Notes are entries of the audit log (action ``note``), so they sit in the same trail as the
decisions they explain. Every function takes the store; none knows FastAPI or Typer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, func, select
from typing_extensions import TypedDict

from ..core.errors import InputError
from ..core.i18n import gettext
from ..core.message import parse_message
from ..core.store import Store
from ..core.store.models import utcnow
from .models import Report, ReportAnalysis, ReportAudit, ReportCluster
from .priority import ORDER, priority
from .service import (
    CLASSIFICATIONS,
    CLUSTER_UNKNOWN,
    LIMITS,
    STATUSES,
    AuditRow,
    ReportRow,
    _audit,
    _row,
)

MAX_NOTE = 2000
#: reports listed on a cluster's page (the cluster's size says how many there are)
MAX_CLUSTER_REPORTS = 500
#: characters of the reported message's text shown
MAX_TEXT = 20_000
MAX_HEADERS = 200


class ClusterRow(TypedDict):
    id: int
    status: str
    classification: str | None
    size: int
    reporters: int
    verdict: str
    score: float
    priority: float
    assignee: str | None
    newest: str | None
    subject: str
    sender_domain: str
    decided_by: str | None
    decided_at: str | None


class Reporter(TypedDict):
    reporter: str
    report_id: int
    reported_at: str
    reporter_classification: str | None
    answers: dict[str, Any]


class ReportedMessage(TypedDict):
    report_id: int
    headers: list[tuple[str, str]]
    text: str


class ClusterDetail(ClusterRow):
    signals: list[dict[str, Any]]
    message: ReportedMessage | None
    reports: list[ReportRow]
    reporters_answers: list[Reporter]
    notes: list[AuditRow]
    audit: list[AuditRow]


def _iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    return (dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)).isoformat()


_RANK = case(*((Report.verdict == v, i) for i, v in enumerate(ORDER)), else_=0)


def _aggregates(s: Any, ids: list[int]) -> dict[int, tuple[int, int, int, float, str | None, datetime]]:
    """Per cluster: reports, distinct reporters, worst verdict rank, top score, an assignee, newest."""
    out: dict[int, tuple[int, int, int, float, str | None, datetime]] = {}
    for i in range(0, len(ids), 500):
        rows = s.execute(
            select(
                Report.cluster_id,
                func.count(),
                func.count(func.distinct(Report.reporter)),
                func.max(_RANK),
                func.max(Report.score),
                func.max(Report.assignee),
                func.max(Report.reported_at),
            )
            .where(Report.cluster_id.in_(ids[i : i + 500]))
            .group_by(Report.cluster_id)
        )
        for cid, n, people, rank, score, assignee, newest in rows:
            out[int(cid)] = (int(n), int(people), int(rank or 0), float(score or 0), assignee, newest)
    return out


def _cluster_row(
    g: ReportCluster, agg: tuple[int, int, int, float, str | None, datetime] | None
) -> ClusterRow:
    n, people, rank, score, assignee, newest = agg or (0, 0, 0, 0.0, None, None)
    verdict = ORDER[rank] if 0 <= rank < len(ORDER) else "clean"
    size = max(g.size, n)
    return {
        "id": g.id,
        "status": g.status,
        "classification": g.classification,
        "size": size,
        "reporters": people,
        "verdict": verdict,
        "score": score,
        "priority": priority(verdict, size, people),
        "assignee": assignee,
        "newest": _iso(newest),
        "subject": g.subject,
        "sender_domain": g.sender_domain,
        "decided_by": g.decided_by,
        "decided_at": _iso(g.decided_at),
    }


def list_clusters(
    store: Store,
    *,
    resolved: bool = False,
    status: str | None = None,
    classification: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[ClusterRow]:
    """Open clusters (received, in review) by priority, highest first; with ``resolved`` the
    resolved ones, latest decision first. ``status`` and ``classification`` narrow either."""
    if status is not None and status not in STATUSES:
        raise InputError(gettext("unknown status {value}").format(value=status))
    if classification is not None and classification not in CLASSIFICATIONS:
        raise InputError(gettext("unknown classification {value}").format(value=classification))
    q = select(ReportCluster)
    q = (
        q.where(ReportCluster.status == "resolved")
        if resolved
        else q.where(ReportCluster.status != "resolved")
    )
    if status is not None:
        q = q.where(ReportCluster.status == status)
    if classification is not None:
        q = q.where(ReportCluster.classification == classification)
    limit, offset = max(0, min(limit, 1000)), max(0, offset)
    with store.session() as s:
        if resolved:
            groups = list(
                s.scalars(
                    q.order_by(ReportCluster.decided_at.desc(), ReportCluster.id.desc())
                    .limit(limit)
                    .offset(offset)
                )
            )
            aggs = _aggregates(s, [g.id for g in groups])
            return [_cluster_row(g, aggs.get(g.id)) for g in groups]
        # the order kept on each cluster as its reports arrived (reports/ingest.py), read from
        # the queue's index a page at a time
        groups = list(
            s.scalars(
                q.order_by(
                    ReportCluster.priority.desc(), ReportCluster.newest_at.desc(), ReportCluster.id.desc()
                )
                .limit(limit)
                .offset(offset)
            )
        )
        aggs = _aggregates(s, [g.id for g in groups])
    return [_cluster_row(g, aggs.get(g.id)) for g in groups]


def message_of(raw: bytes, report_id: int) -> ReportedMessage:
    msg = parse_message(raw, LIMITS)
    return {
        "report_id": report_id,
        "headers": [(k, v) for k, v in msg.headers[:MAX_HEADERS]],
        "text": "\n\n".join(msg.texts)[:MAX_TEXT],
    }


def get_cluster(store: Store, cluster_id: int) -> ClusterDetail | None:
    with store.session() as s:
        g = s.get(ReportCluster, cluster_id)
        if g is None:
            return None
        agg = _aggregates(s, [cluster_id]).get(cluster_id)
        reports = list(
            s.scalars(
                select(Report)
                .where(Report.cluster_id == cluster_id)
                .order_by(Report.id)
                .limit(MAX_CLUSTER_REPORTS)
            )
        )
        first = reports[0] if reports else None
        analysis = s.get(ReportAnalysis, first.analysis_key) if first is not None else None
        raw = s.scalar(select(Report.raw).where(Report.id == first.id)) if first is not None else None
        audit = [
            _audit(a)
            for a in s.scalars(
                select(ReportAudit).where(ReportAudit.cluster_id == cluster_id).order_by(ReportAudit.id)
            )
        ]
        return {
            **_cluster_row(g, agg),
            "signals": list((analysis.result if analysis else {}).get("signals", [])),
            "message": message_of(raw, first.id) if raw is not None and first is not None else None,
            "reports": [_row(r) for r in reports],
            "reporters_answers": [
                {
                    "reporter": r.reporter,
                    "report_id": r.id,
                    "reported_at": _iso(r.reported_at) or "",
                    "reporter_classification": r.reporter_classification,
                    "answers": dict(r.answers or {}),
                }
                for r in reports
            ],
            "notes": [a for a in audit if a["action"] == "note"],
            "audit": audit,
        }


def add_note(store: Store, cluster_id: int, actor: str, text: str) -> AuditRow:
    """A note on a cluster, kept in its audit log. Raises InputError for an empty note or an
    unknown cluster."""
    text = text.replace("\x00", "\ufffd").strip()[:MAX_NOTE]
    if not text:
        raise InputError(gettext("the note is empty"))
    with store.session() as s:
        if s.get(ReportCluster, cluster_id) is None:
            raise InputError(gettext(CLUSTER_UNKNOWN).format(id=cluster_id))
        row = ReportAudit(at=utcnow(), actor=actor[:320], action="note", cluster_id=cluster_id, detail=text)
        s.add(row)
        s.flush()
        return _audit(row)
