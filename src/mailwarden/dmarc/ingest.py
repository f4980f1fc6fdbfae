"""Ingest reports into the store: every input ends as stored, duplicate or rejected (with a reason).

Parsing (dmarc.parsing) turns inputs into events; this module stores them. Given paths,
the parsing runs in parser processes (dmarc.workers) while this one stores. One report
is one SAVEPOINT: its rows are inserted in batches inside it (executemany; COPY on
PostgreSQL), and a report that fails or is voided rolls back alone, so nothing is stored
half. Identity (dedupe): reporter +
report id + policy domain for aggregate reports (a multi-day report sent twice is one
report), reporter + report id for TLS reports, the message digest for failure reports.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ..core.parallel import can_fork
from ..core.store import Store
from ..core.store.db import make_engine
from .aggregate import Header
from .failure import FailureReport as ParsedFailure
from .models import FailureReport, TlsPolicyResult, TlsReport
from .parsing import (
    DUPLICATE,
    REJECTED,
    STORED,
    Event,
    Known,
    Outcome,
    Parsed,
    ReportEnd,
    ReportStart,
    counts,
    event_size,
    events,
)
from .sql import Statements, statements
from .tlsrpt import TlsReport as ParsedTls
from .unpack import AGGREGATE, DEFAULT_LIMITS, FAILURE, Limits, Unpacker
from .workers import Claim, Mark, claimed, forked_claiming

__all__ = ["AHEAD", "DUPLICATE", "REJECTED", "STORED", "Ingestor", "Outcome", "counts"]

BATCH = 5000
PIPE_BATCH = 500
#: rows the store holds that were parsed ahead of their turn (~0.7 KB each once unpickled)
AHEAD = 20_000
SAVEPOINT = "mw_report"


class _Duplicate(Exception):
    pass


@dataclass
class _Open:
    """The aggregate report being stored."""

    start: ReportStart
    pk: int
    prefix: tuple[Any, ...]
    status: str = STORED


def identity(hdr: Header) -> tuple[str, str, str, int, int]:
    """What makes a report the same report: reporter, report id, domain and period."""
    return hdr.org_name[:255], hdr.report_id[:255], hdr.policy_domain[:255], hdr.begin, hdr.end


def _known_in(cursor: Any, sql: Statements) -> Known:
    def known(hdr: Header) -> bool:
        cursor.execute(sql.exists, identity(hdr))
        return cursor.fetchone() is not None

    return known


class Ingestor:
    """Ingests a batch of inputs on one connection: each report in its own SAVEPOINT (so a
    failing report rolls back alone), committed every ``commit_every`` reports and when the
    batch ends — many small reports do not each pay for a synced commit.

    ``parallel``: parse paths in child processes (the default where fork is available),
    ``workers`` of them, each taking the next input when it is free; rows parsed ahead of
    their turn are held up to ``ahead`` in all.

    ``copy``: rows go through COPY instead of INSERT (the default on PostgreSQL)."""

    def __init__(
        self,
        store: Store,
        *,
        limits: Limits = DEFAULT_LIMITS,
        batch: int = BATCH,
        commit_every: int = 500,
        parallel: bool | None = None,
        workers: int = 2,
        ahead: int = AHEAD,
        copy: bool | None = None,
    ) -> None:
        self.store = store
        self.limits = limits
        self.unpacker = Unpacker(limits)
        self.batch = batch
        self.commit_every = commit_every
        self.parallel = can_fork() if parallel is None else parallel
        self.workers = max(1, workers)
        self.ahead = ahead
        # PostgreSQL (psycopg 3) takes a batch of rows through COPY: one statement, no per-row bind
        self.copy = copy if copy is not None else store.engine.dialect.name == "postgresql"
        self._conn: Connection | None = None
        self._cur: Any = None
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
        paths = list(paths)
        if self.parallel:
            url = self.store.engine.url.render_as_string(hide_password=False)
            # groups small enough to fit a pipe's buffer (64 KiB): a parser never waits for
            # the store to finish an insert before it can hand over its next rows
            limits, batch = self.limits, min(self.batch, PIPE_BATCH)
            files = [f for path in paths for f in Unpacker.files(path)]

            def produce(claim: Claim, mark: Mark) -> Iterator[Event]:
                # in the child: its own connection for the duplicate pre-check, never the parent's
                engine = make_engine(url)
                with contextlib.closing(engine.raw_connection()) as dbapi_conn:
                    cur = dbapi_conn.cursor()
                    known = _known_in(cur, statements(engine.dialect.paramstyle))
                    unpacker = Unpacker(limits)
                    # a unit is a file: one that another process took is skipped unread
                    found = (f for path in claimed(files, claim, mark) for f in unpacker.from_path(path))
                    yield from events(found, batch=batch, known=known)

            # each parser process takes the next input when it is free: a big report on one
            # core does not hold back the small ones behind it (see dmarc.workers)
            source: Iterable[Event] = forked_claiming(
                produce, workers=self.workers, size=event_size, flush=batch, ahead=self.ahead
            )
            with self._session():
                yield from self._store(source)
            return
        with self._session():
            found = (f for path in paths for f in self.unpacker.from_path(path))
            yield from self._store(events(found, batch=self.batch, known=self._known()))

    def ingest_bytes(self, origin: str, data: bytes) -> Iterator[Outcome]:
        with self._session():
            found = self.unpacker.from_bytes(origin, data)
            yield from self._store(events(found, batch=self.batch, known=self._known()))

    def _known(self) -> Known:
        assert self._conn is not None
        return _known_in(self._cur, statements(self._conn.dialect.paramstyle))

    @contextmanager
    def _session(self) -> Iterator[None]:
        if self._conn is not None:
            yield
            return
        with self.store.engine.connect().execution_options(immediate=True) as conn:
            self._conn = conn
            self._cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                yield
            finally:
                # Only whole reports are in the transaction (each one's SAVEPOINT was released
                # or rolled back), so they are committed even when the caller stops early.
                self._cur.close()
                self._conn = self._cur = None
                self._pending = 0
                if conn.in_transaction():
                    conn.commit()

    # -- one report, one SAVEPOINT (on the DBAPI cursor: SQLAlchemy's costs ~70 µs each) --
    def _savepoint(self) -> None:
        assert self._conn is not None
        if not self._conn.in_transaction():
            self._conn.begin()
        self._cur.execute(f"SAVEPOINT {SAVEPOINT}")

    def _release(self) -> None:
        assert self._conn is not None
        self._cur.execute(f"RELEASE SAVEPOINT {SAVEPOINT}")
        self._pending += 1
        if self._pending >= self.commit_every:
            self._conn.commit()
            self._pending = 0

    def _rollback(self) -> None:
        self._cur.execute(f"ROLLBACK TO SAVEPOINT {SAVEPOINT}")
        self._cur.execute(f"RELEASE SAVEPOINT {SAVEPOINT}")

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        assert self._conn is not None
        self._savepoint()
        try:
            yield self._conn
        except BaseException:
            self._rollback()
            raise
        self._release()

    # -- the store side of the events ---------------------------------------------------
    def _store(self, source: Iterable[Event]) -> Iterator[Outcome]:
        assert self._conn is not None
        sql = statements(self._conn.dialect.paramstyle)
        cur = self._cur
        copy = self.copy and hasattr(cur, "copy")
        current: _Open | None = None
        try:
            for ev in source:
                if isinstance(ev, list):
                    if current is not None and current.status == STORED:
                        prefix = current.prefix
                        try:
                            if copy:
                                with cur.copy(sql.copy) as rows:
                                    for row in ev:
                                        rows.write_row(prefix + row)
                            else:
                                cur.executemany(sql.records, [prefix + row for row in ev])
                        except self._duplicate_errors:
                            self._rollback()
                            current.status = DUPLICATE
                    continue
                if current is not None and not isinstance(ev, ReportEnd):
                    self._void(current)  # abandoned half-way: voided, its last word follows
                    current = None
                if isinstance(ev, ReportStart):
                    current = self._start(ev, sql)
                elif isinstance(ev, ReportEnd):
                    if current is not None:
                        done, current = current, None  # closed before the caller sees it
                        yield self._end(done, ev, sql)
                elif isinstance(ev, Parsed):
                    yield self._tls(ev) if isinstance(ev.report, ParsedTls) else self._failure(ev)
                else:
                    yield ev
        finally:
            if current is not None:
                self._void(current)

    def _void(self, current: _Open) -> None:
        if current.status == STORED:
            self._rollback()

    def _start(self, ev: ReportStart, sql: Statements) -> _Open:
        hdr = ev.header
        org, rid, dom = hdr.org_name[:255], hdr.report_id[:255], hdr.policy_domain[:255]
        cur = self._cur
        self._savepoint()
        try:
            cur.execute(sql.exists, identity(hdr))
            if cur.fetchone() is not None:
                raise _Duplicate
            cur.execute(
                sql.report,
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
                    ev.origin,
                    b"",
                    datetime.now(UTC),
                ),
            )
            pk = cur.fetchone()[0]
        except self._duplicate_errors:
            self._rollback()
            return _Open(ev, 0, (), DUPLICATE)
        return _Open(ev, pk, (pk, dom, hdr.begin))

    def _end(self, current: _Open, end: ReportEnd, sql: Statements) -> Outcome:
        hdr = current.start.header
        out = Outcome(
            current.start.origin,
            AGGREGATE,
            current.status,
            domain=hdr.policy_domain,
            report_id=hdr.report_id,
        )
        if current.status != STORED:
            return out
        out.records, out.messages = end.records, end.messages
        out.notes = [*current.start.notes, *end.notes]
        try:
            self._cur.execute(
                sql.finish, (out.records, out.messages, json.dumps(out.notes), end.raw, current.pk)
            )
        except self._duplicate_errors:
            self._rollback()
            out.status, out.records, out.messages, out.notes = DUPLICATE, 0, 0, []
            return out
        self._release()
        return out

    # -- TLS ------------------------------------------------------------------------------
    def _tls(self, parsed: Parsed) -> Outcome:
        rep = parsed.report
        assert isinstance(rep, ParsedTls)
        domains = sorted({p["policy_domain"] for p in rep.policies})
        out = Outcome(
            parsed.origin,
            "tls",
            STORED,
            domain=",".join(domains)[:255],
            report_id=rep.report_id,
            records=len(rep.policies),
            notes=parsed.notes,
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
                        origin=parsed.origin,
                        raw=parsed.raw,
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
            return Outcome(parsed.origin, "tls", DUPLICATE, domain=out.domain, report_id=rep.report_id)
        return out

    # -- failure ----------------------------------------------------------------------------
    def _failure(self, parsed: Parsed) -> Outcome:
        rep = parsed.report
        assert isinstance(rep, ParsedFailure)
        out = Outcome(
            parsed.origin, FAILURE, STORED, domain=rep.reported_domain, records=1, notes=parsed.notes
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
                conn.execute(insert(FailureReport).values(**values, origin=parsed.origin, raw=parsed.raw))
        except self._duplicate_errors:
            return Outcome(parsed.origin, FAILURE, DUPLICATE, domain=rep.reported_domain)
        return out
