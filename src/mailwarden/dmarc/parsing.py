"""From inputs to events the store can take, with no database: this runs in the ingest
process, or in a parser process beside it on the other core (see core.parallel).

For each input the events are one of:

- ``ReportStart``, then lists of rows, then ``ReportEnd``: an aggregate report;
- ``Parsed``: a TLS or failure report, whole;
- ``Outcome``: the input ends here (rejected, or a duplicate known before parsing).

A report is stored only when its ``ReportEnd`` arrives: any other event arriving while it
is open voids it (a parse that failed half-way, before a repaired second attempt or a
rejection). So nothing is ever stored half.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import IO, Any

from ..core.errors import ForbiddenConstruct, ReportRejected
from ..core.i18n import gettext
from .aggregate import (
    REPAIRED_MARKUP,
    REPAIRED_UTF8,
    SMALL_ENOUGH_TO_REPAIR,
    AggregateParser,
    Header,
    Row,
    _Transcoder,
    repair_markup,
)
from .failure import FailureReport, parse_failure_report
from .tlsrpt import TlsReport, parse_tls_report
from .unpack import AGGREGATE, FAILURE, Found, Payload, Unreadable

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


def counts(outcomes: Iterable[Outcome]) -> dict[str, int]:
    c = Counter(o.status for o in outcomes)
    return {STORED: c[STORED], DUPLICATE: c[DUPLICATE], REJECTED: c[REJECTED]}


@dataclass
class ReportStart:
    origin: str
    header: Header
    notes: list[str]


@dataclass
class ReportEnd:
    records: int
    messages: int
    notes: list[str]
    #: the report as received, compressed for audit
    raw: bytes


@dataclass
class Parsed:
    kind: str
    origin: str
    report: TlsReport | FailureReport
    raw: bytes
    notes: list[str]


Event = ReportStart | list[Row] | ReportEnd | Parsed | Outcome
#: "is this aggregate report already stored?" — lets a duplicate stop after its header
Known = Callable[[Header], bool]


def event_size(event: Event) -> int:
    return len(event) if isinstance(event, list) else 1


def is_last(event: Event) -> bool:
    """Does this event end its input? Every input ends with exactly one such event."""
    return isinstance(event, ReportEnd | Parsed | Outcome)


def events(found: Iterable[Found], *, batch: int = 5000, known: Known | None = None) -> Iterator[Event]:
    """The events for every input in ``found``; raw reports are compressed on a thread
    (zlib releases the GIL) while the records are parsed."""
    with ThreadPoolExecutor(1, thread_name_prefix="mw-raw") as pool:
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
            yield from _payload(item, _Context(batch, known, pool))


@dataclass
class _Context:
    batch: int
    known: Known | None
    pool: ThreadPoolExecutor


def _payload(payload: Payload, ctx: _Context) -> Iterator[Event]:
    try:
        if payload.kind == AGGREGATE:
            yield from _aggregate(payload, ctx)
            return
        parse = parse_failure_report if payload.kind == FAILURE else parse_tls_report
        with payload.open() as fh:
            report = parse(fh)
        yield Parsed(payload.kind, payload.origin, report, payload.raw(), list(payload.notes))
    except ReportRejected as exc:
        yield Outcome(payload.origin, payload.kind, REJECTED, str(exc), notes=list(payload.notes))
    except (OSError, EOFError, ValueError) as exc:
        # Broken compression or I/O found mid-stream: the report is rejected, the batch goes on.
        reason = f"{type(exc).__name__}: {exc}"
        yield Outcome(payload.origin, payload.kind, REJECTED, reason, notes=list(payload.notes))


def _aggregate(payload: Payload, ctx: _Context) -> Iterator[Event]:
    try:
        with payload.open() as fh:
            yield from _aggregate_from(payload, fh, [], ctx)
    except ForbiddenConstruct:
        raise  # a DTD or entity declaration is refused as it is: nothing is repaired or stored
    except ReportRejected as first:
        if "XML" not in str(first):
            raise
        yield from _aggregate_repaired(payload, first, ctx)


def _aggregate_repaired(payload: Payload, first: ReportRejected, ctx: _Context) -> Iterator[Event]:
    """Second chance for a document that is not well-formed: invalid UTF-8, stray markup."""
    with payload.open() as fh:
        head = fh.read(SMALL_ENOUGH_TO_REPAIR + 1)
    if re.search(rb"<!(?:DOCTYPE|ENTITY)", head, flags=re.IGNORECASE):
        # one further down than the prolog check reads: refused all the same
        raise ForbiddenConstruct(
            gettext("forbidden XML construct (DTD or entity): {error}").format(error="DOCTYPE")
        ) from first
    if len(head) > SMALL_ENOUGH_TO_REPAIR:
        with payload.open() as fh:
            stream = io.BufferedReader(_Transcoder(fh))
            try:
                yield from _aggregate_from(payload, stream, [gettext(REPAIRED_UTF8)], ctx)
                return
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
        yield from _aggregate_from(payload, io.BytesIO(fixed), notes, ctx)
    except ReportRejected as exc:
        raise ReportRejected(
            gettext("{error} (repair failed: {repair})").format(error=first, repair=exc)
        ) from None


def _aggregate_from(payload: Payload, stream: IO[bytes], notes: list[str], ctx: _Context) -> Iterator[Event]:
    parser = AggregateParser(stream)
    hdr = parser.header()
    # not for a repaired second attempt: the first one may still be open in the store
    if ctx.known is not None and not notes and ctx.known(hdr):
        yield Outcome(payload.origin, AGGREGATE, DUPLICATE, domain=hdr.policy_domain, report_id=hdr.report_id)
        return
    # A big report's raw copy is compressed on the thread while its records are parsed; a
    # small one's here at the end, cheaper than the hand-over.
    raw: Future[bytes] | None = None
    try:
        yield ReportStart(payload.origin, hdr, [*payload.notes, *notes])
        records = messages = 0
        batch = ctx.batch
        for rows in parser.batches(batch):
            if raw is None and len(rows) >= batch:
                raw = ctx.pool.submit(payload.raw)
            records += len(rows)
            messages += sum([row[1] for row in rows])
            yield rows
        yield ReportEnd(records, messages, parser.notes, raw.result() if raw is not None else payload.raw())
    finally:
        if raw is not None:
            raw.cancel()
