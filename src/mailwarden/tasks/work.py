"""The job bodies: a chunk of a survey, a chunk of another kind's items. The same functions run
in-process (embedded database) and on queue workers; each skips what is already stored and
stores each result once (:mod:`.runs`), so running a chunk twice changes nothing."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..core.dns import Resolver
from ..core.i18n import gettext as _
from ..core.store import DomainCheck, Store
from ..domain.audit import AuditOptions, check_domain
from ..domain.survey import run_survey
from . import runs
from .runs import ItemResult

log = logging.getLogger(__name__)

#: survey rows written per transaction, and the longest rows wait (progress shows, and a
#: killed worker loses at most this much of its chunk). A chunk of the default size (250
#: domains) is done in a few seconds: one write at its end, not one a second — with a worker's
#: four chunks each writing every second, a queued survey made three times the transactions
#: of the same survey run inline
WRITE_BATCH = 1000
WRITE_EVERY = 5.0
#: the largest message a scan job reads (as ``mailwarden scan`` limits a message)
MAX_MESSAGE = 64 * 1024 * 1024


#: resolvers kept for the next chunk (their caches and sockets), by the parameters naming them
_resolvers: dict[tuple[Any, ...], Resolver] = {}
KEPT_RESOLVERS = 8


def make_resolver(params: dict[str, Any]) -> Resolver:
    """The resolver a job's parameters name (nameservers as ``HOST[:PORT]``, timeout); the
    worker's system resolver when they name none. One per set of parameters and event loop,
    kept for the next chunk: a worker's chunks share its cache and sockets."""
    loop = asyncio.get_running_loop()
    key = (
        id(loop),
        tuple(params.get("nameservers") or ()),
        params.get("timeout"),
        params.get("retries"),
        params.get("dns_concurrency"),
    )
    found = _resolvers.get(key)
    if found is not None:
        return found
    while len(_resolvers) >= KEPT_RESOLVERS:
        _resolvers.pop(next(iter(_resolvers))).close()
    resolver = Resolver(
        list(params.get("nameservers") or []) or None,
        timeout=float(params.get("timeout") or 2.0),
        retries=int(params.get("retries", 2)),
        concurrency=int(params.get("dns_concurrency", 200)),
    )
    _resolvers[key] = resolver
    return resolver


async def survey_chunk(
    store: Store,
    *,
    run_id: int,
    survey_id: int,
    first: int,
    domains: list[str],
    params: dict[str, Any],
    fresh: bool = False,
) -> int:
    """Check ``domains`` (positions ``first``…) not stored yet; the rows stored now.
    ``fresh``: the chunk's first run, so nothing of it can be stored yet and the store is not
    asked (a retried job asks, and checks only what its last run did not store; rows are
    stored once either way, as the write skips positions already stored)."""
    last = first + len(domains) - 1
    have = set() if fresh else await asyncio.to_thread(runs.stored_positions, store, survey_id, first, last)
    todo = [(first + i, name) for i, name in enumerate(domains) if first + i not in have]
    if not todo:
        return await asyncio.to_thread(runs.write_survey_rows, store, run_id, survey_id, [])
    resolver = make_resolver(params)
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="survey-writer")
    loop = asyncio.get_running_loop()
    pending: list[asyncio.Future[int]] = []
    batch: list[dict[str, Any]] = []
    flushed = [time.monotonic()]

    def flush() -> None:
        flushed[0] = time.monotonic()
        if batch:
            pending.append(
                loop.run_in_executor(writer, runs.write_survey_rows, store, run_id, survey_id, list(batch))
            )
            batch.clear()

    def on_row(row: dict[str, Any]) -> None:
        batch.append(row)
        if len(batch) >= WRITE_BATCH or time.monotonic() - flushed[0] >= WRITE_EVERY:
            flush()

    try:
        await run_survey(
            [name for _, name in todo],
            resolver=resolver,
            options=AuditOptions(fetch_mta_sts=False, probe_common_selectors=True),
            concurrency=int(params.get("concurrency", 100)),
            on_row=on_row,
            positions=[pos for pos, _ in todo],
        )
        flush()
        return sum(await asyncio.gather(*pending))
    finally:
        await asyncio.gather(*pending, return_exceptions=True)
        writer.shutdown(wait=False)


# -- the other kinds: one function an item ------------------------------------------------------

Handler = Callable[[Store, int, dict[str, Any], str, str], Awaitable[ItemResult | None]]


async def _audit(store: Store, run_id: int, params: dict[str, Any], item: str, worker: str) -> None:
    """A domain's audit, kept in the console's history (once, however often the job runs)."""
    rep = await check_domain(item, resolver=make_resolver(params), options=AuditOptions(fetch_mta_sts=False))

    def write() -> None:
        with store.session() as s:
            result = ItemResult(
                item, rep.error is None, {"grade": rep.grade, "score": rep.score, "error": rep.error}
            )
            if runs.claim_item(s, run_id, result, worker):
                s.add(DomainCheck(domain=rep.domain, grade=rep.grade, score=rep.score, report=rep.to_dict()))

    await asyncio.to_thread(write)
    return None


def _dmarc_ingest(store: Store, params: dict[str, Any], item: str) -> ItemResult:
    """One report file (or archive, or mail) on storage the workers share. Reports are keyed
    by their identity in the store: a file ingested twice stores its reports once."""
    from ..dmarc.ingest import Ingestor
    from ..dmarc.parsing import counts

    path = Path(item)
    if not path.is_file():
        return ItemResult(item, False, {"error": _("no such file: {path}").format(path=item)})
    outcomes = list(Ingestor(store, parallel=False).ingest_paths([path]))
    return ItemResult(item, True, {"counts": counts(outcomes)})


def _scan(store: Store, params: dict[str, Any], item: str) -> ItemResult:
    """One message file, analysed offline (nothing fetched from the message)."""
    from ..analyze.engine import analyze
    from ..analyze.rules import load_rules

    path = Path(item)
    try:
        size = path.stat().st_size
        if size > MAX_MESSAGE:
            return ItemResult(item, False, {"error": _("message too large: {size} bytes").format(size=size)})
        data = path.read_bytes()
    except OSError as exc:
        return ItemResult(item, False, {"error": f"{exc.strerror or exc}"})
    rules = load_rules(Path(params["rules"]) if params.get("rules") else None)
    try:
        verdict = analyze(data, rules).to_dict()
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError, AttributeError) as exc:
        return ItemResult(item, False, {"error": f"{type(exc).__name__}: {exc}"[:200]})
    return ItemResult(item, True, dict(verdict))


def poll_item(params: dict[str, Any], at: float | None = None) -> str:
    """A mailbox pass's item key: the mailbox and the time the pass is due."""
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if at is None else at))
    return f"{params['user']}@{params['host']}/{params.get('folder', 'INBOX')} {when}"


def poll_lock(params: dict[str, Any]) -> str:
    """Two passes over one mailbox never run at once, on any workers."""
    return f"imap:{params['user']}@{params['host']}/{params.get('folder', 'INBOX')}"


def _imap_settings(params: dict[str, Any], cls: Any) -> Any:
    """IMAP settings from a job's parameters; the password from the worker's environment (the
    variable the job names), never from the queue."""
    variable = str(params.get("password_env") or "MAILWARDEN_IMAP_PASSWORD")
    password = os.environ.get(variable)
    if not password:
        raise RuntimeError(_("Set the IMAP password in {variable}.").format(variable=variable))
    return cls(
        host=params["host"],
        user=params["user"],
        password=password,
        port=params.get("port"),
        security=params.get("security", "tls"),
        folder=params.get("folder", "INBOX"),
        processed_folder=params.get("processed", "Processed"),
        rejected_folder=params.get("rejected") or None,
        ca_file=Path(params["ca_file"]) if params.get("ca_file") else None,
    )


def _dmarc_poll(store: Store, params: dict[str, Any], item: str) -> ItemResult:
    """One pass over a DMARC report mailbox; messages move out of the folder once stored."""
    from ..dmarc.imap import ImapSettings, fetch_once
    from ..dmarc.ingest import Ingestor
    from ..dmarc.parsing import counts

    outcomes = fetch_once(Ingestor(store, parallel=False), _imap_settings(params, ImapSettings))
    return ItemResult(item, True, {"counts": counts(outcomes), "messages": len(outcomes)})


def _reports_poll(store: Store, params: dict[str, Any], item: str) -> ItemResult:
    """One pass over the staff's reporting mailbox."""
    from ..analyze.rules import load_rules
    from ..core.config import get_settings
    from ..core.secretkey import secret_key
    from ..dmarc.imap import ImapSettings
    from ..reports.imap import fetch_once

    settings = get_settings()
    fetched = fetch_once(
        store, load_rules(settings.analyze_rules), secret_key(settings), _imap_settings(params, ImapSettings)
    )
    stored = sum(1 for f in fetched if f.result.report_id is not None)
    return ItemResult(item, True, {"messages": len(fetched), "stored": stored})


_SYNC: dict[str, Callable[[Store, dict[str, Any], str], ItemResult]] = {
    "dmarc-ingest": _dmarc_ingest,
    "scan": _scan,
    "dmarc-poll": _dmarc_poll,
    "reports-poll": _reports_poll,
}


async def items_chunk(
    store: Store, *, run_id: int, kind: str, params: dict[str, Any], items: list[str], worker: str
) -> int:
    """Run ``items`` of a ``kind`` job not stored yet; the results stored now. An item that
    fails is stored as failed with its reason — one bad file never stops the others."""
    if await asyncio.to_thread(runs.cancelled, store, run_id):
        return 0
    have = await asyncio.to_thread(runs.stored_items, store, run_id, items)
    stored = 0
    for item in items:
        if item in have:
            continue
        if kind == "audit":
            await _audit(store, run_id, params, item, worker)
            stored += 1
            continue
        fn = _SYNC[kind]
        try:
            result = await asyncio.to_thread(fn, store, params, item)
        except Exception as exc:
            if kind.endswith("-poll"):
                raise  # a mailbox away or a refused login: the queue retries the poll later
            log.exception("%s of %s failed", kind, item)
            result = ItemResult(item, False, {"error": f"{type(exc).__name__}: {exc}"[:500]})
        stored += await asyncio.to_thread(runs.record_items, store, run_id, [result], worker)
    return stored
