"""Raw tracking hits (issue 18, point 4): whom a link id names, and keeping what came.

The tracking server (``web/tracking.py``) asks :class:`HitRecorder` two things per request:
*who is this?* (:meth:`HitRecorder.peek`, then :meth:`HitRecorder.resolve` on a miss — the
recipient with what the pages need of its campaign, kept in a bounded LRU; a campaign's first
hit loads its other sent recipients into it in the background) and *keep this*
(:meth:`HitRecorder.record`, which only queues the row). A background thread, started on the
first hit, inserts queued rows in batches (every ``interval`` seconds or ``batch_size`` hits),
so no request waits on the database. :meth:`HitRecorder.flush` returns once everything
recorded before it is committed; :meth:`HitRecorder.close` flushes and stops the thread (the
console and ``mailwarden campaign tracking-server`` call it on shutdown).

What a hit keeps, and what it never does:

- ``kind``, ``at``, ``method``, the socket peer's address (``X-Forwarded-For`` is not
  trusted), the user agent (at most :data:`UA_MAX` characters) and ``since_delivery``
  (seconds since the recipient's mail went to the relay; None when it was never sent — a hit
  of a draft, or of a recipient still queued, is kept all the same, for the classification
  pass to judge);
- the request headers with lower-case names, each value at most :data:`HEADER_VALUE_MAX`
  characters and all of them at most :data:`HEADERS_MAX`; ``Cookie`` and ``Authorization``
  are never kept (:data:`NEVER_KEPT`);
- for a landing-page submission, the submitted field *names* under :data:`FIELDS_HEADER`
  (comma-separated), never a value.

Replays (the same link fetched again, a page reloaded) are stored as raw hits like any other:
the campaign's metrics count unique recipients per kind, so nothing is counted twice, and the
classification pass needs every fetch to see scanners' bursts.

What one address can make us store is bounded by a token bucket per address (an IPv6 address
counts by its /64): over it, the request is answered as usual but nothing is stored, and the
dropped hits are counted (:attr:`HitStats.dropped_flood`) for the metrics. The queue itself is
bounded (:attr:`HitStats.dropped_backlog` counts what a stalled database made us drop)."""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..core.errors import StoreError
from ..core.store import Store
from ..core.store.models import utcnow
from .models import SimCampaign, SimHit, SimRecipient
from .templates import Template

__all__ = [
    "FIELDS_HEADER",
    "HEADERS_MAX",
    "HEADER_VALUE_MAX",
    "MISSING",
    "NEVER_KEPT",
    "UA_MAX",
    "AddressLimiter",
    "HitRecorder",
    "HitStats",
    "Missing",
    "Recipient",
    "bounded_headers",
]

log = logging.getLogger(__name__)

UA_MAX = 500
HEADER_VALUE_MAX = 300
#: all kept headers together, names and values (characters)
HEADERS_MAX = 4096
#: credentials are never kept; the user agent has its own column
NEVER_KEPT = frozenset({"cookie", "authorization", "proxy-authorization", "user-agent"})
#: where a submission's field names are kept (a name a client cannot send: see bounded_headers)
FIELDS_HEADER = "x-mw-fields"
_OWN_PREFIX = "x-mw-"
#: seconds between two preloads of one campaign's recipients (those sent since the last)
PRELOAD_EVERY = 30.0


@dataclass(frozen=True, slots=True)
class Recipient:
    """What the tracking server needs of one recipient and its campaign."""

    id: int
    campaign_id: int
    sent_at: datetime | None
    #: click or submit: what sends the person to the training page
    training_after: str
    template: str
    lang: str
    #: the template has a landing page in this language
    has_landing: bool
    name: str
    address: str
    department: str
    manager: str
    company: str

    def astuple(self) -> tuple[Any, ...]:
        """The fields in order (``Recipient(*r.astuple()) == r``), shallow."""
        return tuple(getattr(self, f) for f in _RECIPIENT_FIELDS)


_RECIPIENT_FIELDS = tuple(f.name for f in fields(Recipient))


class Missing:
    def __repr__(self) -> str:
        return "MISSING"


#: :meth:`HitRecorder.peek`'s answer when the cache does not know the token
MISSING: Final = Missing()


@dataclass
class HitStats:
    """Counters since the recorder was made (for metrics)."""

    #: hits queued to be stored
    recorded: int = 0
    #: hits committed to the database
    stored: int = 0
    #: hits not stored: their address was over its per-address limit
    dropped_flood: int = 0
    #: hits not stored: the queue was full (the database stalled)
    dropped_backlog: int = 0
    #: hits the database refused (their recipient was deleted meanwhile, or it failed)
    failed: int = 0
    #: requests whose id was forged, truncated or altered, or named no recipient
    unknown: int = 0


def bounded_headers(raw: Iterable[tuple[str, str]], extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The headers a hit keeps: ``extra`` first (the server's own, e.g. the field names),
    then the request's, names in lower case, credentials left out, each value cut to
    :data:`HEADER_VALUE_MAX`, skipping any that would take the total over :data:`HEADERS_MAX`.
    A header the client sent under the server's own prefix is dropped (it cannot pose as
    the server's)."""
    out: dict[str, str] = {}
    total = 0
    for name, value in extra.items() if extra else ():
        value = value[: HEADERS_MAX - len(name)]
        out[name] = value
        total += len(name) + len(value)
    for name, value in raw:
        name = name.lower()
        if name in NEVER_KEPT or name.startswith(_OWN_PREFIX):
            continue
        value = value[:HEADER_VALUE_MAX]
        size = len(name) + len(value)
        if total + size > HEADERS_MAX:
            continue
        # a repeated header keeps its values together, as one field line (RFC 9110, 5.3)
        if name in out:
            joined = f"{out[name]}, {value}"[:HEADER_VALUE_MAX]
            total += len(joined) - len(out[name])
            out[name] = joined
        else:
            out[name] = value
            total += size
    return out


class AddressLimiter:
    """A token bucket per address: ``burst`` hits at once, then ``rate`` a second. ``rate`` 0
    (or less) means no limit. At most ``max_addresses`` buckets are kept (least recently seen
    forgotten first); an IPv6 address counts by its /64, which one host can fill at will."""

    def __init__(
        self,
        rate: float,
        burst: float,
        *,
        max_addresses: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.burst = max(burst, 1.0)
        self.max_addresses = max_addresses
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(ip: str) -> str:
        if ":" not in ip:
            return ip
        try:
            addr = ipaddress.IPv6Address(ip.split("%", 1)[0])
        except ValueError:
            return ip
        if addr.ipv4_mapped is not None:
            return str(addr.ipv4_mapped)
        return str(ipaddress.IPv6Network((addr, 64), strict=False))

    def allow(self, ip: str) -> bool:
        """Take one token from ``ip``'s bucket; False when it is empty."""
        if self.rate <= 0:
            return True
        key = self.key(ip)
        now = self._clock()
        with self._lock:
            tokens, then = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > self.max_addresses:
                self._buckets.popitem(last=False)
        return allowed


def _aware(value: datetime | None) -> datetime | None:
    # SQLite gives naive datetimes back; they were stored in UTC
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


class HitRecorder:
    """Resolves link tokens to recipients (cached) and stores hits through a batching
    background writer. Thread-safe; made once per server."""

    def __init__(
        self,
        store: Store,
        *,
        templates: Mapping[str, Template] | None = None,
        cache_size: int = 50_000,
        cache_seconds: float = 600.0,
        rate: float = 20.0,
        burst: float = 600.0,
        batch_size: int = 500,
        interval: float = 0.2,
        backlog: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        if templates is None:
            from .templates import load_templates

            templates = load_templates()
        self.store = store
        self.templates = templates
        self.limiter = AddressLimiter(rate, burst, clock=clock)
        self.stats = HitStats()
        self._cache_size = cache_size
        self._cache_seconds = cache_seconds
        # entries are plain tuples of plain values: the cyclic GC stops tracking those, so a
        # cache of 50,000 recipients adds nothing to a full collection's pause
        self._cache: OrderedDict[str, tuple[tuple[Any, ...] | None, float]] = OrderedDict()
        self._cache_lock = threading.Lock()
        #: campaign id: (the newest sent_at preloaded, when)
        self._preloaded: dict[int, tuple[datetime | None, float]] = {}
        self._preloading: dict[int, threading.Thread] = {}
        self._batch_size = batch_size
        self._interval = interval
        self._backlog = backlog
        self._clock = clock
        self._now = now
        self._cv = threading.Condition()
        self._queue: list[dict[str, Any]] = []
        self._queued = 0  # rows ever queued
        self._done = 0  # rows ever committed or given up
        self._urgent = False  # a flush or close is waiting: write now
        self._closing = False
        self._thread: threading.Thread | None = None

    # -- who is this ---------------------------------------------------------------------

    def peek(self, token: str) -> Recipient | Missing | None:
        """The cached answer for ``token`` (None: no such recipient), or :data:`MISSING`.
        Never touches the database: safe on the event loop."""
        now = self._clock()
        with self._cache_lock:
            entry = self._cache.get(token)
            if entry is None:
                return MISSING
            if entry[1] < now:
                del self._cache[token]
                return MISSING
            self._cache.move_to_end(token)
        return None if entry[0] is None else Recipient(*entry[0])

    def resolve(self, token: str) -> Recipient | None:
        """The recipient ``token`` names, from the cache or the database (blocking). The
        first recipient of a campaign found in the database has the campaign's other sent
        recipients loaded into the cache in the background (:meth:`preload`): a campaign's
        people click within the same hours, and a lookup each would cost the server a worker
        thread per request."""
        found = self.peek(token)
        if not isinstance(found, Missing):
            return found
        recipient = next((r for _, r in self._rows(SimRecipient.token == token)), None)
        if recipient is None:
            self._remember([(token, None)], 30.0)  # a token we signed but nobody holds
            return None
        # not sent yet: its sent_at is coming
        self._remember([(token, recipient)], 5.0 if recipient.sent_at is None else self._cache_seconds)
        if recipient.sent_at is not None:
            self._preload_soon(recipient.campaign_id)
        return recipient

    def preload(self, campaign_id: int) -> int:
        """Cache the campaign's recipients sent since its last preload (all of them the first
        time; none when they would take more than half the cache). Returns how many."""
        with self._cache_lock:
            since = self._preloaded.get(campaign_id, (None, 0.0))[0]
        cond = [SimRecipient.campaign_id == campaign_id, SimRecipient.sent_at.is_not(None)]
        if since is not None:
            cond.append(SimRecipient.sent_at >= since)
        found = self._rows(*cond, limit=self._cache_size // 2 + 1)
        newest = max((r.sent_at for _, r in found if r.sent_at is not None), default=since)
        with self._cache_lock:
            self._preloaded[campaign_id] = (newest, self._clock())
        if len(found) > self._cache_size // 2:
            return 0
        self._remember(found, self._cache_seconds)
        return len(found)

    def wait_preloads(self) -> None:
        """Return once the preloads started so far are done (tests)."""
        with self._cache_lock:
            threads = list(self._preloading.values())
        for t in threads:
            t.join()

    def _preload_soon(self, campaign_id: int) -> None:
        now = self._clock()
        with self._cache_lock:
            last = self._preloaded.get(campaign_id)
            if campaign_id in self._preloading or (last is not None and now - last[1] < PRELOAD_EVERY):
                return
            thread = threading.Thread(
                target=self._preload_quietly, args=(campaign_id,), name="mailwarden-hits-preload", daemon=True
            )
            self._preloading[campaign_id] = thread
        thread.start()

    def _preload_quietly(self, campaign_id: int) -> None:
        try:
            self.preload(campaign_id)
        except (StoreError, SQLAlchemyError) as exc:
            log.warning("recipients of campaign %d not preloaded: %s", campaign_id, str(exc)[:200])
        finally:
            with self._cache_lock:
                self._preloading.pop(campaign_id, None)

    def _remember(self, entries: Iterable[tuple[str, Recipient | None]], ttl: float) -> None:
        expires = self._clock() + ttl
        with self._cache_lock:
            for token, recipient in entries:
                self._cache[token] = (None if recipient is None else recipient.astuple(), expires)
                self._cache.move_to_end(token)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def _rows(self, *where: Any, limit: int | None = None) -> list[tuple[str, Recipient]]:
        """The recipients matching ``where``, with their tokens."""
        q = (
            select(
                SimRecipient.token,
                SimRecipient.id,
                SimRecipient.campaign_id,
                SimRecipient.sent_at,
                SimRecipient.name,
                SimRecipient.address,
                SimRecipient.department,
                SimRecipient.manager,
                SimCampaign.training_after,
                SimCampaign.template,
                SimCampaign.lang,
                SimCampaign.company,
            )
            .join(SimCampaign, SimCampaign.id == SimRecipient.campaign_id)
            .where(*where)
        )
        if limit is not None:
            q = q.limit(limit)
        with self.store.session() as s:
            rows = s.execute(q).all()
        landing: dict[tuple[str, str], bool] = {}
        out: list[tuple[str, Recipient]] = []
        for row in rows:
            if (row.template, row.lang) not in landing:
                template = self.templates.get(row.template)
                has = bool(template is not None and template.part(row.lang).landing.strip())
                landing[(row.template, row.lang)] = has
            recipient = Recipient(
                id=row.id,
                campaign_id=row.campaign_id,
                sent_at=_aware(row.sent_at),
                training_after=row.training_after,
                template=row.template,
                lang=row.lang,
                has_landing=landing[(row.template, row.lang)],
                name=row.name,
                address=row.address,
                department=row.department,
                manager=row.manager,
                company=row.company,
            )
            out.append((row.token, recipient))
        return out

    # -- keep this -------------------------------------------------------------------------

    def record(
        self,
        recipient: Recipient,
        kind: str,
        *,
        ip: str,
        method: str = "GET",
        user_agent: str = "",
        headers: Mapping[str, str] | None = None,
        at: datetime | None = None,
    ) -> bool:
        """Queue one hit (never blocks on the database). False when it was not kept: its
        address is over its limit, or the queue is full."""
        if not self.limiter.allow(ip):
            with self._cv:
                self.stats.dropped_flood += 1
            return False
        at = at or self._now()
        since = (at - recipient.sent_at).total_seconds() if recipient.sent_at is not None else None
        row = {
            "campaign_id": recipient.campaign_id,
            "recipient_id": recipient.id,
            "kind": kind,
            "at": at,
            "since_delivery": since,
            "ip": ip[:45],
            "method": method[:8],
            "user_agent": user_agent[:UA_MAX],
            "headers": dict(headers or {}),
            "human": None,
            "reasons": [],
        }
        with self._cv:
            if len(self._queue) >= self._backlog:
                self.stats.dropped_backlog += 1
                return False
            self._queue.append(row)
            self._queued += 1
            self.stats.recorded += 1
            if self._thread is None:
                self._start()
            if len(self._queue) == 1 or len(self._queue) >= self._batch_size:
                self._cv.notify_all()
        return True

    def count_unknown(self) -> None:
        with self._cv:
            self.stats.unknown += 1

    def snapshot(self) -> HitStats:
        """A copy of the counters."""
        with self._cv:
            return HitStats(**vars(self.stats))

    def flush(self) -> None:
        """Return once every hit recorded before the call is committed (or given up)."""
        with self._cv:
            target = self._queued
            if self._done >= target:
                return
            self._urgent = True
            self._cv.notify_all()
            while self._done < target:
                self._cv.wait()

    def close(self) -> None:
        """Flush and stop the writer. A later :meth:`record` starts it again."""
        with self._cv:
            thread = self._thread
            if thread is None:
                return
            self._closing = True
            self._cv.notify_all()
        thread.join()
        with self._cv:
            self._thread = None
            self._closing = False

    # -- the writer ----------------------------------------------------------------------

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="mailwarden-hits", daemon=True)
        self._thread.start()

    def _take(self) -> list[dict[str, Any]] | None:
        """The next batch: waits for a first row, then up to ``interval`` for more (less when
        the batch fills or someone waits). None when closing with nothing left."""
        with self._cv:
            while not self._queue:
                if self._closing:
                    return None
                self._cv.wait()
            deadline = time.monotonic() + self._interval
            while len(self._queue) < self._batch_size and not (self._urgent or self._closing):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cv.wait(left)
            batch, self._queue = self._queue, []
            self._urgent = False
            return batch

    def _run(self) -> None:
        try:
            while (batch := self._take()) is not None:
                result = (0, len(batch))
                try:
                    result = self._write(batch)
                finally:
                    with self._cv:
                        self._done += len(batch)
                        self.stats.stored += result[0]
                        self.stats.failed += result[1]
                        self._cv.notify_all()
        finally:
            with self._cv:
                if self._thread is threading.current_thread() and not self._closing:
                    # the writer died of a bug: what it left is lost, nobody waits for it,
                    # and the next hit starts another writer
                    self.stats.failed += len(self._queue)
                    self._done += len(self._queue)
                    self._queue = []
                    self._thread = None
                self._cv.notify_all()

    def _write(self, batch: list[dict[str, Any]]) -> tuple[int, int]:
        try:
            self._insert(batch)
            return len(batch), 0
        except IntegrityError:
            # a recipient or campaign deleted while its hits waited: keep the others
            stored = 0
            for row in batch:
                try:
                    self._insert([row])
                    stored += 1
                except (IntegrityError, StoreError):
                    pass
                except SQLAlchemyError as exc:  # pragma: no cover - the database went away
                    log.warning("tracking hits not stored: %s", str(exc)[:200])
            return stored, len(batch) - stored
        except (StoreError, SQLAlchemyError) as exc:
            log.warning("%d tracking hits not stored: %s", len(batch), str(exc)[:200])
            return 0, len(batch)

    def _insert(self, rows: list[dict[str, Any]]) -> None:
        with self.store.session(write=True) as s:
            s.execute(insert(SimHit), rows)
