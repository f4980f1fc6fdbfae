"""Taking a staff report in: read (a report mail, or a message with the reporter's answers),
analysed (once per message, however many staff report it), clustered and stored.

Two steps, so that the costly one runs anywhere: :func:`prepare` reads, parses, analyses and
finds the cluster keys — it only reads the store, and runs in the intake processes
(reports/pool.py) — and :func:`keep` writes the report, its analysis and its cluster in one
short transaction. :func:`ingest_report` is both, in the caller's process."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from sqlalchemy import and_, case, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..analyze.engine import analyze_parsed
from ..analyze.rules import Rules
from ..core.errors import InputError
from ..core.i18n import gettext
from ..core.message import Limits, ParsedMessage, parse_message
from ..core.store import Store
from ..core.store.models import utcnow
from . import autoresolve, cluster, outbox, simulation
from .intake import MAX_REPORT_BYTES, MB, REASON_EMPTY, REASON_TOO_LARGE, read_report
from .models import Report, ReportAnalysis, ReportCluster, ReportClusterKey
from .priority import ORDER, priority

PATHS = ("imap", "api", "upload")
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


@dataclass
class Prepared:
    """A report read, parsed and analysed, ready to be kept (plain data: it crosses processes)."""

    path: str
    origin: str | None
    raw: bytes
    how: str
    degraded: bool
    said: str | None
    reporter: str
    answers: dict[str, Any]
    notes: list[str]
    message_id: str
    sender: str
    subject: str
    received_at: datetime | None
    key: str
    verdict: str
    score: float
    result: dict[str, Any]
    #: the analysis was made now (False: it was stored already, by an earlier report)
    new_analysis: bool
    #: the simulation (campaign, target) whose marker the message carries
    marked: tuple[str, str] | None
    features: cluster.Features | None
    #: the auto-resolve rule the message matches (applied if it starts a cluster)
    rule: autoresolve.Rule | None


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


def _seen(store: Store, origin: str) -> Ingested | None:
    with store.session() as s:
        seen = s.execute(
            select(Report.id, Report.cluster_id, Report.status, Report.classification, Report.degraded).where(
                Report.origin == origin
            )
        ).first()
    if seen is None:
        return None
    return Ingested(
        report_id=seen[0],
        cluster_id=seen[1],
        status=seen[2],
        classification=seen[3],
        degraded=seen[4],
        duplicate=True,
    )


def prepare(
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
) -> Prepared | Ingested:
    """Read, parse and analyse one report (the store is only read): the report ready to be
    kept, or what became of it (refused with a reason; a duplicate of ``origin``)."""
    if path not in PATHS:
        raise InputError(f"unknown intake path {path!r}")
    if origin is not None and (seen := _seen(store, origin)) is not None:
        return seen
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
    with store.session() as s:
        known = s.get(ReportAnalysis, key)
        stored = (known.verdict, known.score, dict(known.result)) if known is not None else None
    if stored is None:
        verdict = analyze_parsed(msg, rules)
        stored = (verdict.verdict, verdict.score, dict(verdict.to_dict()))
    feats, rule = None, None
    if marked is None:
        feats = cluster.features(msg, stored[2], key)
        auto = auto_rules if auto_rules is not None else autoresolve.configured()
        rule = auto.first_match(msg, stored[2])
    return Prepared(
        path=path,
        origin=origin,
        raw=raw,
        how=how,
        degraded=degraded,
        said=said,
        reporter=_text(reporter)[:320],
        answers=clean_answers,
        notes=notes,
        message_id=_text(msg.message_id)[:998],
        sender=_text(msg.sender.address if msg.sender else "")[:320],
        subject=_text(msg.subject),
        received_at=received_time(msg),
        key=key,
        verdict=stored[0],
        score=stored[1],
        result=stored[2],
        new_analysis=known is None,
        marked=(str(marked[0]), str(marked[1])) if marked is not None else None,
        features=feats,
        rule=rule,
    )


def keep(store: Store, p: Prepared) -> Ingested:
    """Store a prepared report with its analysis (if new) and its cluster, in one transaction,
    and queue its reporter's feedback."""
    if p.origin is not None and (seen := _seen(store, p.origin)) is not None:
        return seen  # read twice, by two intake processes at once
    # reads (the cluster keys), then writes: on SQLite the write lock comes first
    with store.session(write=True) as s:
        analysed = p.new_analysis and _keep_analysis(s, p)
        row = Report(
            reporter=p.reporter,
            path=p.path,
            origin=p.origin,
            intake=p.how,
            degraded=p.degraded,
            reporter_classification=p.said,
            answers=p.answers,
            raw=p.raw,
            size=len(p.raw),
            message_id=p.message_id,
            sender=p.sender,
            subject=p.subject,
            message_received_at=p.received_at,
            analysis_key=p.key,
            verdict=p.verdict,
            score=p.score,
            signals=list(p.result.get("signals", [])),
            status="received",
        )
        if p.marked is not None or p.features is None:
            # one of our own simulations: thanked at once, kept out of the queue
            row.status, row.classification = "resolved", "simulation"
            row.simulation = ".".join(p.marked) if p.marked else None
            s.add(row)
            s.flush()
        else:
            group, now_is = _assign(s, p.features, p.reporter, p.verdict, p.score)
            started = now_is.size == 1
            row.cluster_id = group.id
            if now_is.status == "resolved":
                row.status, row.classification = "resolved", now_is.classification
            s.add(row)
            s.flush()
            if started and p.rule is not None:
                autoresolve.apply(s, group, row, p.rule)
        outbox.queue_report(s, row)
        return Ingested(
            report_id=row.id,
            cluster_id=row.cluster_id,
            status=row.status,
            classification=row.classification,
            degraded=p.degraded,
            analysed=analysed,
            notes=p.notes,
        )


def ingest_report(store: Store, rules: Rules, secret: str, **kwargs: Any) -> Ingested:
    """Store one report (see :func:`prepare` for the arguments). Give ``report_mail`` (the
    staff member's mail: the message is found inside it) or ``message`` (the reported message
    itself, as a report button posts it). ``origin`` names where the report mail came from: one
    already stored is not stored again (``duplicate``). A report that starts a cluster is
    resolved by the first auto-resolve rule it matches (``auto_rules``, else the configured ones)."""
    got = prepare(store, rules, secret, **kwargs)
    return got if isinstance(got, Ingested) else keep(store, got)


def _keep_analysis(s: Session, p: Prepared) -> bool:
    """Store a new analysis; True unless a concurrent report of the same message stored its
    own just now (that one stands: both were made from the same message by the same rules)."""
    try:
        with s.begin_nested():
            s.add(ReportAnalysis(key=p.key, verdict=p.verdict, score=p.score, result=p.result))
    except IntegrityError:
        if s.get(ReportAnalysis, p.key) is not None:
            return False
        raise
    return True


def _assign(
    s: Session, feats: cluster.Features, reporter: str = "", verdict: str = "clean", score: float = 0.0
) -> tuple[ReportCluster, Any]:
    """The cluster this report belongs to (found by its keys, or made), its keys recorded and
    its queue order brought up to date with this report (by ``reporter``, ``verdict`` and
    ``score``); with its size (this report counted), status and classification as they are now."""
    wanted = set(feats.keys)
    hits: dict[tuple[str, str], int] = {}
    by_kind: dict[str, list[str]] = {}
    for kind, value in sorted(wanted):
        by_kind.setdefault(kind, []).append(value)
    # one statement: (kind = k AND value IN …) OR …, each term an index search on (kind, value)
    terms = [
        and_(ReportClusterKey.kind == kind, ReportClusterKey.value.in_(values[i : i + 500]))
        for kind, values in by_kind.items()
        for i in range(0, len(values), 500)
    ]
    if terms:
        rows = s.execute(
            select(ReportClusterKey.kind, ReportClusterKey.value, ReportClusterKey.cluster_id).where(
                or_(*terms)
            )
        )
        for kind, value, cid in rows:
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
    # counted in SQL: concurrent reports of one attack must not lose an increment; and the
    # status as it is once the row is ours (a decision committed meanwhile is seen)
    known = s.execute(
        select(Report.id).where(Report.cluster_id == chosen.id, Report.reporter == reporter).limit(1)
    ).first()
    rank = ORDER.index(verdict) if verdict in ORDER else 0
    now_is = s.execute(
        update(ReportCluster)
        .where(ReportCluster.id == chosen.id)
        .values(
            size=ReportCluster.size + 1,
            updated_at=now,
            newest_at=now,
            reporters=ReportCluster.reporters + (0 if known else 1),
            verdict_rank=case((ReportCluster.verdict_rank < rank, rank), else_=ReportCluster.verdict_rank),
            top_score=case((ReportCluster.top_score < score, score), else_=ReportCluster.top_score),
        )
        .returning(
            ReportCluster.size,
            ReportCluster.status,
            ReportCluster.classification,
            ReportCluster.reporters,
            ReportCluster.verdict_rank,
        )
        .execution_options(synchronize_session=False)
    ).one()
    s.execute(
        update(ReportCluster)
        .where(ReportCluster.id == chosen.id)
        .values(priority=priority(ORDER[now_is.verdict_rank], now_is.size, now_is.reporters))
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
    return chosen, now_is


def _insert_new_keys(s: Session) -> Any:
    """INSERT … ON CONFLICT (kind, value) DO NOTHING, in the store's dialect."""
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(ReportClusterKey).on_conflict_do_nothing(index_elements=["kind", "value"])
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(ReportClusterKey).on_conflict_do_nothing(index_elements=["kind", "value"])
