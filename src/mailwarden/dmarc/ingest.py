"""Ingest reports into the store: every input ends as stored, duplicate or rejected (with a reason).

One report is one transaction: records are inserted in batches inside it, and any
failure rolls the whole report back, so nothing is stored half. Identity (dedupe):
reporter + report id + policy domain for aggregate reports (a multi-day report sent
twice is one report), reporter + report id for TLS reports, the message digest for
failure reports.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ..core.errors import ReportRejected
from ..core.i18n import gettext
from ..core.store import Store
from .aggregate import (
    REPAIRED_MARKUP,
    REPAIRED_UTF8,
    SMALL_ENOUGH_TO_REPAIR,
    AggregateParser,
    _Transcoder,
    repair_markup,
)
from .failure import parse_failure_report
from .models import FailureReport, TlsPolicyResult, TlsReport
from .sql import statements
from .tlsrpt import parse_tls_report
from .unpack import AGGREGATE, DEFAULT_LIMITS, FAILURE, Limits, Payload, Unpacker, Unreadable

BATCH = 5000
STORED, DUPLICATE, REJECTED = "stored", "duplicate", "rejected"


@dataclass
class Outcome:
    origin: str
    kind: str
    status: str
    reason: str | None = None
    records: int = 0
    messages: int = 0
    domain: str = ""
    report_id: str = ""
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class _Duplicate(Exception):
    pass


class Ingestor:
    """Ingests a batch of inputs on one connection: each report in its own SAVEPOINT (so a
    failing report rolls back alone), committed every ``commit_every`` reports and when the
    batch ends — many small reports do not each pay for a synced commit."""

    def __init__(
        self, store: Store, *, limits: Limits = DEFAULT_LIMITS, batch: int = BATCH, commit_every: int = 500
    ) -> None:
        self.store = store
        self.unpacker = Unpacker(limits)
        self.batch = batch
        self.commit_every = commit_every
        self._conn: Connection | None = None
        self._pending = 0
        # What means "already stored": our pre-check, or a unique constraint hit by a concurrent
        # ingest — through SQLAlchemy, or from the raw DBAPI cursor of the hot path.
        dbapi = store.engine.dialect.dbapi
        self._duplicate_errors: tuple[type[BaseException], ...] = (
            _Duplicate,
            IntegrityError,
            *((dbapi.IntegrityError,) if dbapi is not None else ()),
        )

    def ingest_paths(self, paths: Iterable[Path]) -> Iterator[Outcome]:
        with self._session():
            for path in paths:
                yield from self._all(self.unpacker.from_path(path))

    def ingest_bytes(self, origin: str, data: bytes) -> Iterator[Outcome]:
        with self._session():
            yield from self._all(self.unpacker.from_bytes(origin, data))

    @contextmanager
    def _session(self) -> Iterator[None]:
        if self._conn is not None:
            yield
            return
        with self.store.engine.connect() as conn:
            self._conn = conn
            try:
                yield
            finally:
                # Only whole reports are in the transaction (each one's SAVEPOINT was released
                # or rolled back), so they are committed even when the caller stops early.
                self._conn = None
                self._pending = 0
                if conn.in_transaction():
                    conn.commit()

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        if self._conn is None:
            with self.store.engine.begin() as conn:
                yield conn
            return
        conn = self._conn
        with conn.begin_nested():
            yield conn
        self._pending += 1
        if self._pending >= self.commit_every:
            conn.commit()
            self._pending = 0

    def _all(self, found: Iterable[Payload | Unreadable]) -> Iterator[Outcome]:
        it = iter(found)
        while True:
            try:
                item = next(it)
            except StopIteration:
                return
            except ReportRejected as exc:  # a container that failed while being listed
                yield Outcome("?", "unknown", REJECTED, str(exc))
                continue
            if isinstance(item, Unreadable):
                yield Outcome(item.origin, "unknown", REJECTED, item.reason)
                continue
            yield self.ingest_payload(item)

    def ingest_payload(self, payload: Payload) -> Outcome:
        try:
            if payload.kind == AGGREGATE:
                return self._aggregate(payload)
            if payload.kind == FAILURE:
                return self._failure(payload)
            return self._tls(payload)
        except ReportRejected as exc:
            return Outcome(payload.origin, payload.kind, REJECTED, str(exc), notes=list(payload.notes))
        except (OSError, EOFError, ValueError) as exc:
            # Broken compression or I/O found mid-stream: the report is rejected, the batch goes on.
            return Outcome(
                payload.origin,
                payload.kind,
                REJECTED,
                f"{type(exc).__name__}: {exc}",
                notes=list(payload.notes),
            )

    # -- aggregate ------------------------------------------------------------------
    def _aggregate(self, payload: Payload) -> Outcome:
        try:
            with payload.open() as fh:
                return self._aggregate_from(payload, fh, [])
        except ReportRejected as first:
            if "XML" not in str(first):
                raise
            return self._aggregate_repaired(payload, first)

    def _aggregate_repaired(self, payload: Payload, first: ReportRejected) -> Outcome:
        """Second chance for a document that is not well-formed: invalid UTF-8, stray markup."""
        with payload.open() as fh:
            head = fh.read(SMALL_ENOUGH_TO_REPAIR + 1)
        if len(head) > SMALL_ENOUGH_TO_REPAIR:
            with payload.open() as fh:
                stream = io.BufferedReader(_Transcoder(fh))
                try:
                    return self._aggregate_from(payload, stream, [gettext(REPAIRED_UTF8)])
                except ReportRejected:
                    raise first from None
        notes = []
        text = head.decode("utf-8", errors="replace").encode("utf-8")
        if text != head:
            notes.append(gettext(REPAIRED_UTF8))
        fixed = repair_markup(text)
        if fixed != text:
            notes.append(gettext(REPAIRED_MARKUP))
        if not notes:
            raise first
        try:
            return self._aggregate_from(payload, io.BytesIO(fixed), notes)
        except ReportRejected as exc:
            raise ReportRejected(
                gettext("{error} (repair failed: {repair})").format(error=first, repair=exc)
            ) from None

    def _aggregate_from(self, payload: Payload, stream: IO[bytes], notes: list[str]) -> Outcome:
        parser = AggregateParser(stream)
        hdr = parser.header()
        out = Outcome(payload.origin, AGGREGATE, STORED, domain=hdr.policy_domain, report_id=hdr.report_id)
        try:
            with self._tx() as conn, contextlib.ExitStack() as closing_cursor:
                sql_for = statements(conn.dialect.paramstyle)
                # the DBAPI cursor of this very connection, inside its SAVEPOINT: the per-report
                # statements skip SQLAlchemy's execution context (~80 µs each)
                cur = closing_cursor.enter_context(
                    contextlib.closing(conn.connection.dbapi_connection.cursor())  # type: ignore[union-attr]
                )
                org, rid, dom = hdr.org_name[:255], hdr.report_id[:255], hdr.policy_domain[:255]
                cur.execute(sql_for.exists, (org, rid, dom))
                if cur.fetchone() is not None:
                    raise _Duplicate
                cur.execute(
                    sql_for.report,
                    (
                        org,
                        hdr.email[:255],
                        rid,
                        dom,
                        hdr.begin,
                        hdr.end,
                        json.dumps(hdr.policy),
                        hdr.namespace[:100],
                        hdr.generator[:255],
                        0,
                        0,
                        "[]",
                        payload.origin,
                        payload.raw(),
                        datetime.now(UTC),
                    ),
                )
                report_pk = cur.fetchone()[0]  # type: ignore[index]
                sql = sql_for.records
                rows: list[tuple[Any, ...]] = []
                dumps = json.dumps
                for rec in parser.records():
                    rows.append(
                        (
                            report_pk,
                            hdr.policy_domain,
                            hdr.begin,
                            rec["source_ip"],
                            rec["count"],
                            rec["disposition"][:20],
                            rec["dkim_aligned"],
                            rec["spf_aligned"],
                            rec["header_from"][:255],
                            rec["envelope_from"][:255],
                            rec["envelope_to"][:255],
                            dumps(rec["dkim"]) if rec["dkim"] else "[]",
                            dumps(rec["spf"]) if rec["spf"] else "[]",
                            dumps(rec["reasons"]) if rec["reasons"] else "[]",
                        )
                    )
                    out.records += 1
                    out.messages += rec["count"]
                    if len(rows) >= self.batch:
                        cur.executemany(sql, rows)
                        rows = []
                if rows:
                    cur.executemany(sql, rows)
                out.notes = [*payload.notes, *notes, *parser.notes]
                cur.execute(sql_for.finish, (out.records, out.messages, json.dumps(out.notes), report_pk))
        except self._duplicate_errors:
            return Outcome(
                payload.origin, AGGREGATE, DUPLICATE, domain=hdr.policy_domain, report_id=hdr.report_id
            )
        return out

    # -- TLS ------------------------------------------------------------------------------
    def _tls(self, payload: Payload) -> Outcome:
        with payload.open() as fh:
            rep = parse_tls_report(fh)
        domains = sorted({p["policy_domain"] for p in rep.policies})
        out = Outcome(
            payload.origin,
            "tls",
            STORED,
            domain=",".join(domains)[:255],
            report_id=rep.report_id,
            records=len(rep.policies),
            notes=list(payload.notes),
        )
        try:
            with self._tx() as conn:
                dup = conn.execute(
                    select(TlsReport.id).where(
                        TlsReport.org_name == rep.org_name[:255], TlsReport.report_id == rep.report_id[:255]
                    )
                ).first()
                if dup:
                    raise _Duplicate
                pk = conn.execute(
                    insert(TlsReport)
                    .values(
                        org_name=rep.org_name[:255],
                        report_id=rep.report_id[:255],
                        begin=rep.begin,
                        end=rep.end,
                        contact=rep.contact[:255],
                        origin=payload.origin,
                        raw=payload.raw(),
                    )
                    .returning(TlsReport.id)
                ).scalar_one()
                if rep.policies:
                    conn.execute(
                        insert(TlsPolicyResult),
                        [
                            {
                                **p,
                                "report_pk": pk,
                                "begin": rep.begin,
                                "policy_type": p["policy_type"][:20],
                                "policy_domain": p["policy_domain"][:255],
                            }
                            for p in rep.policies
                        ],
                    )
                out.messages = sum(p["successful"] + p["failed"] for p in rep.policies)
        except self._duplicate_errors:
            return Outcome(payload.origin, "tls", DUPLICATE, domain=out.domain, report_id=rep.report_id)
        return out

    # -- failure ----------------------------------------------------------------------------
    def _failure(self, payload: Payload) -> Outcome:
        with payload.open() as fh:
            rep = parse_failure_report(fh)
        out = Outcome(
            payload.origin, FAILURE, STORED, domain=rep.reported_domain, records=1, notes=list(payload.notes)
        )
        try:
            with self._tx() as conn:
                if conn.execute(select(FailureReport.id).where(FailureReport.digest == rep.digest)).first():
                    raise _Duplicate
                values = {k: v for k, v in rep.__dict__.items() if k != "original_rcpt_to"}
                for key, col in FailureReport.__table__.columns.items():
                    length = getattr(col.type, "length", None)
                    if isinstance(values.get(key), str) and length:
                        values[key] = values[key][:length]
                conn.execute(insert(FailureReport).values(**values, origin=payload.origin, raw=payload.raw()))
        except self._duplicate_errors:
            return Outcome(payload.origin, FAILURE, DUPLICATE, domain=rep.reported_domain)
        return out


def counts(outcomes: Iterable[Outcome]) -> dict[str, int]:
    c = Counter(o.status for o in outcomes)
    return {STORED: c[STORED], DUPLICATE: c[DUPLICATE], REJECTED: c[REJECTED]}
