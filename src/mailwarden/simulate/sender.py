"""Sending a simulation's mail (issue 18, point 3): every recipient that is due, of campaigns
scheduled or running, through its campaign's sending profile.

Claims. A recipient is *claimed* before it is sent: one write transaction picks due rows
(queued, retry, or ``sending`` with a lease run out: a sender that died) and moves them to
``sending`` with a lease (``due_at`` = now + :data:`~.campaigns.LEASE`). On PostgreSQL the rows
are picked ``FOR UPDATE SKIP LOCKED``, so two senders (the console's background sender and
``mailwarden campaign send``) take different rows without waiting on each other; on SQLite the
transaction holds the write lock. Either way a recipient is claimed by one sender, so nobody is
mailed twice in normal operation (after a crash, a recipient whose mail was handed to the relay
just before may be mailed again when its lease runs out: the Message-ID is the same).

Composing happens in :mod:`.composer` (in this process, or in child processes for a large
pass); this module keeps the claims, leases, backoff and outcomes, and the pass and its threads.

Speed. :data:`WORKERS` threads each keep one connection per relay, claim :data:`CHUNK` rows at
a time and write their outcomes back in one statement; the template and the link key are read
once a pass. Composing (the ``email`` package, ~2.5 ms a message) is two thirds of the cost: a
pass with :data:`PROCESSES_FROM` or more due composes in child processes, so the sending
threads do not queue behind it for the interpreter lock.

Outcomes. ``sent`` (with ``sent_at``); a 4xx is ``retry`` after :data:`BACKOFF` (1, 5, 15, 60,
240 minutes), then ``failed``; a 5xx is ``failed`` at once; the reply is kept in
``last_error``. A relay that is *down* (unreachable, TLS or login failing, 421) is not the
recipients' fault: the profile is not tried again in this pass, and its due recipients wait
:data:`RELAY_BACKOFF` without an attempt counted.

Pause and stop. Each worker reads its campaigns' status at most :data:`RECHECK` seconds old
before every message: a pause hands the claimed rows back unsent (as they were), a stop
cancels them.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, exists, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..core.background import Background
from ..core.config import Settings
from ..core.errors import ConfigError, StoreError
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.mailout import Delivery, Mailer, RelayConfig
from ..core.secretkey import secret_key
from ..core.store import Store
from ..core.store.models import utcnow
from . import webhooks
from .campaigns import ACTIVE, LEASE, aware, relay_config, templates
from .composer import Composer, Spec, compose_chunk
from .models import SimCampaign, SimProfile, SimRecipient, SimWebhook
from .templates import Template

__all__ = [
    "BACKOFF",
    "CHUNK",
    "RECHECK",
    "RELAY_BACKOFF",
    "WORKERS",
    "CampaignSender",
    "SendStats",
    "backoff",
    "send_due",
    "watch",
]

log = logging.getLogger(__name__)

#: the wait after the 1st, 2nd … temporary failure; after the last, the recipient has failed
BACKOFF = tuple(timedelta(minutes=m) for m in (1, 5, 15, 60, 240))
MAX_ATTEMPTS = len(BACKOFF) + 1
#: how long a profile's recipients wait when its relay is down (no attempt counted)
RELAY_BACKOFF = timedelta(minutes=2)
#: sending threads, each with its own relay connection
WORKERS = 4
#: rows a worker claims at once (and writes back in one statement)
CHUNK = 50
#: a campaign's status is read again when older than this (seconds): pause and stop act
#: between two messages, within this delay
RECHECK = 0.5
#: from this many due recipients on, a pass composes in child processes (starting them costs
#: about a second; composing is two thirds of a message's cost)
PROCESSES_FROM = 300
#: the background sender looks for due recipients this often (seconds)
INTERVAL = 2.0

GAVE_UP = N_("gave up after {n} attempts: {error}")

_WAITING = ("queued", "retry")
_KEYS = ("rid", "st", "att", "due", "sent", "err")
_R = cast(Table, SimRecipient.__table__)


def backoff(attempts: int) -> timedelta | None:
    """The wait after the ``attempts``-th temporary failure; None: give up."""
    return BACKOFF[attempts - 1] if 1 <= attempts <= len(BACKOFF) else None


@dataclass
class SendStats:
    """What one pass did."""

    sent: int = 0
    retry: int = 0
    failed: int = 0
    #: claimed, then cancelled because the campaign was stopped
    cancelled: int = 0
    #: claimed, then handed back unsent (campaign paused, relay down, sender stopped)
    released: int = 0
    #: profiles whose relay was down, with what it said (their recipients wait)
    relay_down: dict[str, str] = field(default_factory=dict)
    #: campaigns not sent because their profile cannot be used, and why
    errors: dict[str, str] = field(default_factory=dict)
    #: campaigns finished in this pass
    done: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def handed(self) -> int:
        """Messages handed to a relay (whatever it answered)."""
        return self.sent + self.retry + self.failed

    @property
    def rate(self) -> float:
        return self.handed / self.seconds if self.seconds > 0 else 0.0

    def add(self, other: SendStats) -> None:
        self.sent += other.sent
        self.retry += other.retry
        self.failed += other.failed
        self.cancelled += other.cancelled
        self.released += other.released
        self.relay_down.update(other.relay_down)
        self.errors.update(other.errors)
        self.done.extend(other.done)
        self.seconds += other.seconds


@dataclass(frozen=True)
class _Campaign:
    row: SimCampaign
    profile: SimProfile
    template: Template
    config: RelayConfig


@dataclass(frozen=True)
class _Claim:
    id: int
    campaign_id: int
    #: as it was before the claim (queued or retry), and when it was due
    status: str
    due_at: datetime
    attempts: int
    last_error: str
    token: str
    address: str
    name: str
    department: str
    manager: str


def _outcome(
    c: _Claim, status: str, *, attempts: int, due: datetime, sent: datetime | None = None, error: str
) -> dict[str, Any]:
    return {"rid": c.id, "st": status, "att": attempts, "due": due, "sent": sent, "err": error[:500]}


class _Pass:
    """The shared state of one :func:`send_due`: campaigns, their status, the relays down."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        now: datetime | None,
        limit: int | None,
        stop: threading.Event | None,
        recheck: float,
    ) -> None:
        self.composer: Composer | None = None
        self.due = 0
        self.progress: Callable[[int, int], None] | None = None
        self.store = store
        self.fixed = aware(now) if now is not None else None
        self.stop = stop or threading.Event()
        self.recheck = recheck
        self.key = secret_key(settings)
        self.lock = threading.Lock()
        self.quota = limit if limit is not None else -1
        self.stats = SendStats()
        self.down: dict[int, str] = {}
        self.campaigns: dict[int, _Campaign] = {}
        self.specs: dict[int, Spec] = {}
        self.pg = store.engine.dialect.name == "postgresql"
        with store.session() as s:
            rows = s.execute(
                select(SimCampaign, SimProfile)
                .join(SimProfile, SimProfile.id == SimCampaign.profile_id)
                .where(SimCampaign.status.in_(ACTIVE))
            )
            for c, p in rows:
                tpl = templates().get(c.template)
                if tpl is None:
                    self.stats.errors[c.name] = _("no template {id}").format(id=c.template)
                    continue
                try:
                    config = relay_config(p, settings)
                except ConfigError as exc:
                    self.stats.errors[c.name] = str(exc)
                    continue
                self.campaigns[c.id] = _Campaign(c, p, tpl, config)
                self.specs[c.id] = Spec(
                    c.id, c.template, c.lang, c.company, c.contact, c.base_url, p.mail_from
                )
        self.status = {cid: c.row.status for cid, c in self.campaigns.items()}
        #: webhooks to tell (campaign.started, recipient.sent, campaign.finished), looked up once
        with store.session() as s:
            self.hooks = bool(s.scalar(select(exists().where(SimWebhook.enabled.is_(True)))))
        self.checked = time.monotonic()

    def clock(self) -> datetime:
        return self.fixed or utcnow()

    # -- what may be sent ----------------------------------------------------------------------
    def refresh(self) -> None:
        with self.lock:
            if time.monotonic() - self.checked < self.recheck:
                return
            self.checked = time.monotonic()
        with self.store.session() as s:
            q = select(SimCampaign.id, SimCampaign.status).where(SimCampaign.id.in_(self.campaigns))
            got = {int(i): str(st) for i, st in s.execute(q)}
        with self.lock:
            for cid in self.campaigns:
                self.status[cid] = str(got.get(cid, "stopped"))

    def sendable(self) -> list[int]:
        with self.lock:
            return [
                cid
                for cid, c in self.campaigns.items()
                if self.status[cid] in ACTIVE and c.profile.id not in self.down
            ]

    def take(self) -> int:
        with self.lock:
            if self.quota < 0:
                return CHUNK
            n = min(CHUNK, self.quota)
            self.quota -= n
            return n

    def give_back(self, n: int) -> None:
        with self.lock:
            if self.quota >= 0:
                self.quota += n

    # -- claims --------------------------------------------------------------------------------
    def due_count(self) -> int:
        r = SimRecipient
        q = (
            select(func.count())
            .select_from(r)
            .where(
                r.campaign_id.in_(self.campaigns),
                r.status.in_((*_WAITING, "sending")),
                r.due_at <= self.clock(),
            )
        )
        with self.store.session() as s:
            return int(s.scalar(q) or 0)

    def claim(self, campaign_ids: list[int], n: int) -> list[_Claim]:
        at = self.clock()
        lease = max(at, utcnow()) + LEASE
        r = SimRecipient
        q = (
            select(
                r.id,
                r.campaign_id,
                r.status,
                r.due_at,
                r.attempts,
                r.last_error,
                r.token,
                r.address,
                r.name,
                r.department,
                r.manager,
            )
            .where(
                r.campaign_id.in_(campaign_ids),
                r.status.in_((*_WAITING, "sending")),
                r.due_at <= at,
            )
            .order_by(r.due_at, r.id)
            .limit(n)
        )
        if self.pg:
            q = q.with_for_update(skip_locked=True)
        with self.store.session(write=True) as s:
            rows = s.execute(q).all()
            if not rows:
                return []
            ids = [int(x[0]) for x in rows]
            s.execute(
                update(r)
                .where(r.id.in_(ids))
                .values(status="sending", due_at=lease)
                .execution_options(synchronize_session=False)
            )
            starting = list(
                s.scalars(
                    select(SimCampaign.id).where(
                        SimCampaign.id.in_({int(x[1]) for x in rows}), SimCampaign.status == "scheduled"
                    )
                )
            )
            if starting:
                s.execute(
                    update(SimCampaign)
                    .where(SimCampaign.id.in_(starting), SimCampaign.status == "scheduled")
                    .values(status="running")
                    .execution_options(synchronize_session=False)
                )
                if self.hooks:
                    for cid in starting:
                        webhooks.emit_campaign(s, "campaign.started", cid)
        return [
            _Claim(
                id=int(x[0]),
                campaign_id=int(x[1]),
                # a claim taken over from a dead sender goes back to what it was
                status=str(x[2]) if x[2] != "sending" else ("retry" if x[4] else "queued"),
                due_at=aware(cast(datetime, x[3])),
                attempts=int(x[4]),
                last_error=str(x[5]),
                token=str(x[6]),
                address=str(x[7]),
                name=str(x[8]),
                department=str(x[9]),
                manager=str(x[10]),
            )
            for x in rows
        ]

    def write(self, outcomes: list[dict[str, Any]]) -> None:
        """The outcomes of a worker's claims, in one statement (rows still ``sending`` only)."""
        if not outcomes:
            return
        stmt = (
            update(_R)
            .where(_R.c.id == bindparam("rid"), _R.c.status == "sending")
            .values(
                status=bindparam("st"),
                attempts=bindparam("att"),
                due_at=bindparam("due"),
                sent_at=bindparam("sent"),
                last_error=bindparam("err"),
            )
        )
        params = [{k: o[k] for k in _KEYS} for o in outcomes]
        with self.store.session(write=True) as s:
            s.connection().execute(stmt, params)
            if self.hooks:
                webhooks.emit_many(
                    s,
                    [
                        (
                            "recipient.sent",
                            webhooks.recipient_payload(self.campaigns[o["cid"]].row, o["who"], at=o["sent"]),
                        )
                        for o in outcomes
                        if o["st"] == "sent"
                    ],
                )
        with self.lock:
            for o in outcomes:
                st = o["st"]
                if st == "sent":
                    self.stats.sent += 1
                elif st == "failed":
                    self.stats.failed += 1
                elif st == "cancelled":
                    self.stats.cancelled += 1
                elif o.get("tried"):
                    self.stats.retry += 1
                else:
                    self.stats.released += 1
            done = self.stats.handed + self.stats.cancelled
        if self.progress is not None:
            self.progress(done, self.due)

    # -- one worker ----------------------------------------------------------------------------
    def compose(self, claims: list[_Claim]) -> list[bytes | str]:
        when = self.clock()
        people = [(c.campaign_id, (c.token, c.address, c.name, c.department, c.manager)) for c in claims]
        if self.composer is None or self.composer.broken:
            return compose_chunk(self.specs, people, self.key, when)
        specs = {cid: self.specs[cid] for cid, _p in people}
        return self.composer.run(specs, people, self.key, when)

    def _hold(self, c: _Claim) -> dict[str, Any] | None:
        """What becomes of a claim that must not be sent now, or None to send it."""
        camp = self.campaigns[c.campaign_id]
        if self.stop.is_set():
            return _outcome(c, c.status, attempts=c.attempts, due=c.due_at, error=c.last_error)
        self.refresh()
        with self.lock:
            status = self.status[c.campaign_id]
            down = self.down.get(camp.profile.id)
        if status == "stopped":
            return _outcome(c, "cancelled", attempts=c.attempts, due=c.due_at, error=c.last_error)
        if status not in ACTIVE:  # paused
            return _outcome(c, c.status, attempts=c.attempts, due=c.due_at, error=c.last_error)
        if down is not None:
            return _outcome(c, c.status, attempts=c.attempts, due=self.clock() + RELAY_BACKOFF, error=down)
        return None

    def _send(self, c: _Claim, data: bytes | str, mailers: dict[int, Mailer]) -> dict[str, Any]:
        camp = self.campaigns[c.campaign_id]
        when = self.clock()
        if isinstance(data, str):
            return _outcome(c, "failed", attempts=c.attempts + 1, due=when, error=data)
        mailer = mailers.get(camp.profile.id)
        if mailer is None:
            mailer = mailers[camp.profile.id] = Mailer(camp.config)
        got: Delivery = mailer.send(data, mail_from=camp.profile.mail_from, to=c.address)
        when = self.clock()
        if got.sent:
            sent = _outcome(c, "sent", attempts=c.attempts + 1, due=c.due_at, sent=when, error="")
            if self.hooks:  # what the recipient.sent event names
                who = SimRecipient(id=c.id, address=c.address, department=c.department)
                sent.update(cid=c.campaign_id, who=who)
            return sent
        if got.relay_down:
            with self.lock:
                self.down.setdefault(camp.profile.id, got.reply)
                self.stats.relay_down[camp.profile.name] = got.reply
            return _outcome(c, c.status, attempts=c.attempts, due=when + RELAY_BACKOFF, error=got.reply)
        attempts = c.attempts + 1
        if got.status == "permanent":
            return _outcome(c, "failed", attempts=attempts, due=when, error=got.reply)
        wait = backoff(attempts)
        if wait is None:
            error = _(GAVE_UP).format(n=attempts, error=got.reply)
            return _outcome(c, "failed", attempts=attempts, due=when, error=error)
        return {**_outcome(c, "retry", attempts=attempts, due=when + wait, error=got.reply), "tried": True}

    def work(self) -> None:
        mailers: dict[int, Mailer] = {}
        try:
            while not self.stop.is_set():
                n = self.take()
                if n <= 0:
                    return
                self.refresh()
                ids = self.sendable()
                claims = self.claim(ids, n) if ids else []
                self.give_back(n - len(claims))
                if not claims:
                    return
                outcomes: list[dict[str, Any]] = []
                try:
                    mails = self.compose(claims)
                    for c, data in zip(claims, mails, strict=True):
                        outcomes.append(self._hold(c) or self._send(c, data, mailers))
                finally:
                    # whatever happened, the rows not dealt with go back as they were
                    done = {o["rid"] for o in outcomes}
                    outcomes += [
                        _outcome(c, c.status, attempts=c.attempts, due=c.due_at, error=c.last_error)
                        for c in claims
                        if c.id not in done
                    ]
                    self.write(outcomes)
        finally:
            for m in mailers.values():
                m.close()

    # -- after the workers ---------------------------------------------------------------------
    def finish(self) -> None:
        r = SimRecipient
        at = self.clock()
        with self.store.session(write=True) as s:
            for pid in self.down:
                # the profile's other due recipients wait too (not one connection attempt each)
                ids = [cid for cid, c in self.campaigns.items() if c.profile.id == pid]
                s.execute(
                    update(r)
                    .where(r.campaign_id.in_(ids), r.status.in_(_WAITING), r.due_at <= at)
                    .values(due_at=at + RELAY_BACKOFF)
                    .execution_options(synchronize_session=False)
                )
            left = exists().where(r.campaign_id == SimCampaign.id, r.status.in_((*_WAITING, "sending")))
            finished = list(
                s.execute(
                    select(SimCampaign.id, SimCampaign.name).where(
                        SimCampaign.id.in_(self.campaigns), SimCampaign.status.in_(ACTIVE), ~left
                    )
                )
            )
            if finished:
                s.execute(
                    update(SimCampaign)
                    .where(SimCampaign.id.in_([i for i, _n in finished]), SimCampaign.status.in_(ACTIVE))
                    .values(status="done", finished_at=at)
                    .execution_options(synchronize_session=False)
                )
                if self.hooks:
                    for cid, _n in finished:
                        webhooks.emit_campaign(s, "campaign.finished", cid)
            self.stats.done = [str(n) for _i, n in finished]


def send_due(
    store: Store,
    settings: Settings,
    *,
    now: datetime | None = None,
    limit: int | None = None,
    workers: int = WORKERS,
    stop: threading.Event | None = None,
    recheck: float = RECHECK,
    processes: int | None = None,
    processes_from: int = PROCESSES_FROM,
    progress: Callable[[int, int], None] | None = None,
) -> SendStats:
    """Send every recipient due at ``now`` (default: the clock, read as the pass goes on) of the
    campaigns scheduled or running, at most ``limit`` of them, over ``workers`` parallel relay
    connections; ``stop`` ends the pass between two messages. A campaign whose profile cannot
    be used (its password variable unset) is left out and named in ``errors``.

    When ``processes_from`` or more are due, the mail is composed in ``processes`` child
    processes (default: one per core but one, at most 4; 0: never), so the sending threads are
    not kept waiting for the interpreter lock by the composing. ``progress(done, due)`` is
    called from the sending threads after each batch (messages handed or cancelled so far, and
    how many were due when the pass began)."""
    started = time.perf_counter()
    p = _Pass(store, settings, now=now, limit=limit, stop=stop, recheck=recheck)
    if p.campaigns:
        if processes is None:
            processes = min(4, max(1, (os.cpu_count() or 1) - 1))
        due = p.due_count()
        if limit is not None:
            due = min(due, limit)
        p.due, p.progress = due, progress
        if processes > 0 and due >= max(1, processes_from):
            p.composer = Composer(processes)
        try:
            with ThreadPoolExecutor(max(1, workers), thread_name_prefix="mailwarden-campaign-send") as pool:
                for f in [pool.submit(p.work) for _ in range(max(1, workers))]:
                    f.result()
        finally:
            if p.composer is not None:
                p.composer.close()
        p.finish()
    p.stats.seconds = time.perf_counter() - started
    return p.stats


def watch(
    store: Store,
    settings: Settings,
    stop: threading.Event,
    *,
    interval: float = INTERVAL,
    workers: int = WORKERS,
    report: Callable[[SendStats], None] | None = None,
) -> None:
    """Send what is due every ``interval`` seconds until ``stop`` is set. A database that fails
    is logged and tried again at the next turn."""
    said: set[tuple[str, str]] = set()  # an unusable profile is logged once, not every turn
    while not stop.is_set():
        try:
            stats = send_due(store, settings, stop=stop, workers=workers)
        except (StoreError, SQLAlchemyError) as exc:
            log.warning("campaigns: the database failed: %s", exc)
        else:
            for name, why in stats.errors.items():
                if (name, why) not in said:
                    said.add((name, why))
                    log.error("campaign %s is not sent: %s", name, why)
            if report is not None and (stats.handed or stats.cancelled or stats.done or stats.relay_down):
                report(stats)
            elif report is None:
                for name, reply in stats.relay_down.items():
                    log.warning("campaigns: the relay of profile %s is down: %s", name, reply)
        stop.wait(interval)


class CampaignSender(Background):
    """:func:`watch` in a thread of the console's process: the event loop never waits for it;
    :meth:`stop` ends it between two messages (claimed rows go back unsent)."""

    name = "mailwarden-campaigns"

    def __init__(
        self, store: Store, settings: Settings, *, interval: float = INTERVAL, workers: int = WORKERS
    ) -> None:
        self.store, self.settings, self.interval, self.workers = store, settings, interval, workers
        super().__init__()

    def run(self) -> None:
        watch(self.store, self.settings, self.stopping, interval=self.interval, workers=self.workers)
