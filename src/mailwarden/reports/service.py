"""Staff reports: taken in (a report mail, or a message with the reporter's answers), analysed
(once per message, however many staff report it), clustered, listed and decided.

Reporting sits above the features (beside the gateway): it uses the message analyser as a
library. Every function takes the store; none knows Typer or FastAPI."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from typing_extensions import TypedDict

from ..analyze.engine import analyze_parsed
from ..analyze.rules import Rules
from ..core.errors import InputError
from ..core.i18n import N_, gettext
from ..core.message import Limits, ParsedMessage, parse_message
from ..core.store import Store
from ..core.store.models import utcnow
from . import autoresolve, cluster, outbox, simulation
from .intake import MAX_REPORT_BYTES, MB, REASON_EMPTY, REASON_TOO_LARGE, read_report
from .models import Report, ReportAnalysis, ReportAudit, ReportCluster, ReportClusterKey

PATHS = ("imap", "api", "upload")
STATUSES = ("received", "in_review", "resolved")
CLASSIFICATIONS = ("phishing", "spam", "clean", "simulation")
#: what a decision may set (simulation is only ever recognised by its marker)
DECISIONS = ("phishing", "spam", "clean")
#: answers kept from a reporter: keys and values bounded
MAX_ANSWERS = 50
MAX_ANSWER_CHARS = 2000
LIMITS = Limits(max_bytes=MAX_REPORT_BYTES)


@dataclass
class Ingested:
    """What became of one report: stored (``report_id``) or refused with ``reason``."""

    report_id: int | None = None
    cluster_id: int | None = None
    status: str = ""
    classification: str | None = None
    degraded: bool = False
    #: the message was analysed now (False: an earlier analysis of the same message was used)
    analysed: bool = False
    reason: str | None = None
    reason_params: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: this origin was stored before: nothing was stored now
    duplicate: bool = False

    def reason_text(self) -> str:
        """The reason in the reader's language."""
        return gettext(self.reason).format(**self.reason_params) if self.reason else ""


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


def _answers(answers: dict[str, Any] | None) -> dict[str, Any]:
    if not answers:
        return {}
    if not isinstance(answers, dict):
        raise InputError(gettext("the reporter's answers must be a JSON object"))
    out: dict[str, Any] = {}
    for k, v in list(answers.items())[:MAX_ANSWERS]:
        if not isinstance(v, (str, int, float, bool)) and v is not None:
            v = str(v)
        out[str(k)[:100]] = v[:MAX_ANSWER_CHARS] if isinstance(v, str) else v
    return out


def _text(value: str) -> str:
    """Text a database takes: PostgreSQL refuses NUL characters."""
    return value.replace("\x00", "\ufffd")


def analysis_key(raw: bytes, msg: ParsedMessage) -> str:
    """The same message however many mailboxes it reached: its sender, subject and body (the
    header section, with each recipient's To and Received lines, is left out)."""
    split = raw.find(b"\r\n\r\n")
    split = raw.find(b"\n\n") if split == -1 else split
    body = raw[split:].replace(b"\r\n", b"\n").strip() if split != -1 else b""
    sender = msg.sender.address if msg.sender else ""
    h = hashlib.sha256()
    for piece in (sender.encode(), msg.subject.encode("utf-8", "surrogatepass"), body):
        h.update(len(piece).to_bytes(8, "big"))
        h.update(piece)
    return h.hexdigest()


def received_time(msg: ParsedMessage) -> datetime | None:
    """When the message reached us: the date of its newest Received line, else its Date."""
    for value in [*msg.header_all("received")[:1], msg.date]:
        stamp = value.rsplit(";", 1)[-1].strip() if value else ""
        if not stamp:
            continue
        try:
            dt = parsedate_to_datetime(stamp)
        except (TypeError, ValueError, IndexError):
            continue
        if dt.tzinfo is not None:
            return dt
    return None


def ingest_report(
    store: Store,
    rules: Rules,
    secret: str,
    *,
    path: str,
    report_mail: bytes | None = None,
    message: bytes | None = None,
    answers: dict[str, Any] | None = None,
    reporter: str = "",
    origin: str | None = None,
    auto_rules: autoresolve.AutoRules | None = None,
) -> Ingested:
    """Store one report. Give ``report_mail`` (the staff member's mail: the message is found
    inside it) or ``message`` (the reported message itself, as a report button posts it).
    ``origin`` names where the report mail came from: one already stored is not stored again
    (``duplicate``). A report that starts a cluster is resolved by the first auto-resolve rule
    it matches (``auto_rules``, else the configured ones)."""
    if path not in PATHS:
        raise InputError(f"unknown intake path {path!r}")
    if origin is not None:
        with store.session() as s:
            seen = s.execute(
                select(
                    Report.id, Report.cluster_id, Report.status, Report.classification, Report.degraded
                ).where(Report.origin == origin)
            ).first()
        if seen is not None:
            return Ingested(
                report_id=seen[0],
                cluster_id=seen[1],
                status=seen[2],
                classification=seen[3],
                degraded=seen[4],
                duplicate=True,
            )
    clean_answers = _answers(answers)
    how, degraded, said, notes = "raw", False, None, []
    if report_mail is not None:
        intake = read_report(report_mail)
        if intake.message is None:
            return Ingested(reason=intake.reason, reason_params=intake.reason_params, notes=intake.notes)
        raw, how, degraded, said = intake.message, intake.how, intake.degraded, intake.reporter_classification
        reporter = reporter or intake.reporter
        notes = intake.notes
    elif message is not None:
        raw = message
        if len(raw) > MAX_REPORT_BYTES:
            return Ingested(reason=REASON_TOO_LARGE, reason_params={"limit": str(MAX_REPORT_BYTES // MB)})
        if not raw.strip():
            return Ingested(reason=REASON_EMPTY)
    else:
        raise InputError("give a report mail or a message")
    msg = parse_message(raw, LIMITS)
    key = analysis_key(raw, msg)
    marked = next(
        (found for v in msg.header_all(simulation.HEADER) if (found := simulation.check(secret, v))), None
    )
    auto = auto_rules if auto_rules is not None else autoresolve.configured()
    # reads (the analysis, the cluster keys), then writes: on SQLite the write lock comes first
    with store.session(write=True) as s:
        analysis, analysed = _analysis(s, key, msg, rules)
        row = Report(
            reporter=_text(reporter)[:320],
            path=path,
            origin=origin,
            intake=how,
            degraded=degraded,
            reporter_classification=said,
            answers=clean_answers,
            raw=raw,
            size=len(raw),
            message_id=_text(msg.message_id)[:998],
            sender=_text(msg.sender.address if msg.sender else "")[:320],
            subject=_text(msg.subject),
            message_received_at=received_time(msg),
            analysis_key=key,
            verdict=analysis.verdict,
            score=analysis.score,
            signals=list(analysis.result.get("signals", [])),
            status="received",
        )
        if marked is not None:
            # one of our own simulations: thanked at once, kept out of the queue
            row.status, row.classification = "resolved", "simulation"
            row.simulation = f"{marked[0]}.{marked[1]}"
            s.add(row)
            s.flush()
        else:
            feats = cluster.features(msg, analysis.result, key)
            group = _assign(s, feats)
            started = group.size == 0  # the count read before this report was added in SQL
            row.cluster_id = group.id
            if group.status == "resolved":
                row.status, row.classification = "resolved", group.classification
            s.add(row)
            s.flush()
            if started and (rule := auto.first_match(msg, analysis.result)) is not None:
                autoresolve.apply(s, group, row, rule)
        outbox.queue_report(s, row)
        return Ingested(
            report_id=row.id,
            cluster_id=row.cluster_id,
            status=row.status,
            classification=row.classification,
            degraded=degraded,
            analysed=analysed,
            notes=notes,
        )


def _analysis(s: Session, key: str, msg: ParsedMessage, rules: Rules) -> tuple[ReportAnalysis, bool]:
    found = s.get(ReportAnalysis, key)
    if found is not None:
        return found, False
    verdict = analyze_parsed(msg, rules)
    row = ReportAnalysis(
        key=key, verdict=verdict.verdict, score=verdict.score, result=dict(verdict.to_dict())
    )
    try:
        with s.begin_nested():
            s.add(row)
    except IntegrityError:  # another process analysed the same message just now
        again = s.get(ReportAnalysis, key)
        if again is not None:
            return again, False
        raise
    return row, True


def _assign(s: Session, feats: cluster.Features) -> ReportCluster:
    """The cluster this report belongs to (found by its keys, or made), its keys recorded."""
    wanted = set(feats.keys)
    hits: dict[tuple[str, str], int] = {}
    by_kind: dict[str, list[str]] = {}
    for kind, value in sorted(wanted):
        by_kind.setdefault(kind, []).append(value)
    # one lookup a kind: (kind, value) is the unique index, so each is an index search
    for kind, values in by_kind.items():
        for i in range(0, len(values), 500):
            rows = s.execute(
                select(ReportClusterKey.value, ReportClusterKey.cluster_id).where(
                    ReportClusterKey.kind == kind, ReportClusterKey.value.in_(values[i : i + 500])
                )
            )
            for value, cid in rows:
                hits[(kind, value)] = cid
    chosen: ReportCluster | None = None
    for kinds in (("body",), ("attachment",), ("url",), ("band",), cluster.WEAK):
        for cid in dict.fromkeys(cid for (k, _), cid in hits.items() if k in kinds):
            candidate = s.get(ReportCluster, cid)
            if candidate is None:
                continue
            if kinds == ("band",) and not (
                feats.minhash is not None and cluster.near(feats.minhash, candidate.signature)
            ):
                continue
            if kinds == cluster.WEAK and candidate.status == "resolved":
                continue
            chosen = candidate
            break
        if chosen is not None:
            break
    now = utcnow()
    if chosen is None:
        chosen = ReportCluster(
            status="received",
            size=0,
            signature=feats.signature(),
            created_at=now,
            sender_domain=feats.sender_domain[:255],
            subject=_text(feats.subject)[:1000],
        )
        s.add(chosen)
        s.flush()
    # counted in SQL: concurrent reports of one attack must not lose an increment
    s.execute(
        update(ReportCluster)
        .where(ReportCluster.id == chosen.id)
        .values(size=ReportCluster.size + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    fresh = [
        {"kind": kind, "value": value, "cluster_id": chosen.id}
        for kind, value in dict.fromkeys(feats.keys)
        if (kind, value) not in hits
    ]
    if fresh:
        # one statement; a key recorded by a report stored concurrently stays with its cluster
        s.execute(_insert_new_keys(s), fresh)
    return chosen


def _insert_new_keys(s: Session) -> Any:
    """INSERT … ON CONFLICT (kind, value) DO NOTHING, in the store's dialect."""
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(ReportClusterKey).on_conflict_do_nothing(index_elements=["kind", "value"])
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(ReportClusterKey).on_conflict_do_nothing(index_elements=["kind", "value"])


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
    with store.session() as s:
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
    with store.session() as s:
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
