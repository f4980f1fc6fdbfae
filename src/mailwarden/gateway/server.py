"""The DLP gateway: an SMTP server (aiosmtpd) after the organisation's MTA.

For each message: screen it against the policy (bounded in time; a failed screen holds the
message — it is neither lost nor let through unchecked), then either refuse it (``550`` with
the policy's reason) or write it durably to the spool and only then answer ``250``. Relay
workers hand queued messages to the next hop with kept-open connections; a refusal for now
or an unreachable next hop means trying again with exponential backoff, a refusal for good a
notice to the sender. Every relayed copy carries ``X-Mailwarden-Spool-Id``: should the
gateway die between the next hop's ``250`` and removing the file, the message is relayed
again on restart and the next hop can drop the duplicate by that id.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope

from ..core.errors import ConfigError, InputError
from ..core.store import Store
from ..dlp.policy import Policy
from . import incidents, instances
from .auth import SmtpAuth
from .config import GatewayConfig
from .metrics import GatewayMetrics
from .queue import Queues
from .relay import MessageFile, Relay, Result
from .screen import Outcome, screen_file, worker_init, worker_screen
from .smtpd import GatewaySMTP, Handler, Incoming
from .spool import NotQueued, Spool, SpoolFull, new_id, read_head

log = logging.getLogger("mailwarden.gateway")

SPOOL_HEADER = "X-Mailwarden-Spool-Id"
#: incidents are written in batches of up to this many, at least every INCIDENT_FLUSH seconds
INCIDENT_BATCH = 200
INCIDENT_FLUSH = 0.5
MAX_PENDING_INCIDENTS = 100_000


class Gateway:
    def __init__(self, config: GatewayConfig, store: Store | None = None) -> None:
        self.config = config
        self.store = store
        self._shared = config.shared and store is not None
        self._lock = instances.lock_spool(config.spool_dir, config.instance) if self._shared else None
        self.spool = Spool(config.spool_dir, max_bytes=config.max_spool, min_free=config.min_free)
        self._auth = SmtpAuth(config)
        notice = config.notice
        # approvers and administrators named by the policy follow it when it is reloaded
        self._approvers_from_policy = not notice.approvers
        self._admins_from_policy = not notice.admins
        self._notice_from(config.policy)
        self.queues = Queues(self.spool, store, notice)
        self._ready: asyncio.Queue[str] = asyncio.Queue()
        self._inflight: set[str] = set()
        self._backoff: dict[str, tuple[int, float]] = {}
        self._delayed: dict[str, float] = {}
        self._scan: Executor = self._scan_pool()
        self._db = ThreadPoolExecutor(1, thread_name_prefix="mw-store")
        self._tasks: list[asyncio.Task[None]] = []
        self._background: set[asyncio.Task[None]] = set()
        self._incidents: list[dict[str, Any]] = []
        self._incidents_due = asyncio.Event()
        self._server: asyncio.Server | None = None
        self.stats = {"accepted": 0, "blocked": 0, "delivered": 0, "deferred": 0, "refused": 0}
        self.metrics = GatewayMetrics(self.spool.root, lambda: len(self._incidents))
        #: several gateways: held and delayed messages whose index row is still to be written
        self._unindexed: dict[str, str] = {}
        #: the newest stored policy version looked at (one that failed to validate included)
        self._policy_seen = config.policy_version

    def _notice_from(self, policy: Policy) -> None:
        notice = self.config.notice
        if self._approvers_from_policy:
            notice.approvers = tuple(policy.approvers)
        if self._admins_from_policy:
            notice.admins = tuple(policy.admins)

    # -- life cycle ---------------------------------------------------------------------------
    async def start(self) -> None:
        restored = self.spool.recover()
        if restored:
            log.warning("recovered %d messages whose delivery was under way", restored)
        if self.store is not None:
            await self._in_db(self._reconcile)
        if self._shared and await self._in_db(self._resync) is None:
            # the store is down: the polls index the spool's held and delayed messages later
            self._unindexed.update(
                {sid: state for state in instances.INDEXED for sid in self.spool.ids(state)}
            )
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(self._protocol, self.config.host, self.config.port)
        self._tasks.append(asyncio.create_task(self._poller()))
        if self._shared or (self.store is not None and self.config.policy_version is not None):
            self._tasks.append(asyncio.create_task(self._shared_poller()))
        self._tasks.append(asyncio.create_task(self._incident_writer()))
        for _ in range(self.config.relay_workers):
            self._tasks.append(asyncio.create_task(self._worker(Relay(self.config.relay))))

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    def liveness(self) -> tuple[int, bytes]:
        """``/healthz`` on the metrics listener: the process answers."""
        return 200, b'{"status": "ok"}'

    def readiness(self) -> tuple[int, bytes]:
        """``/readyz`` on the metrics listener: the SMTP listener is open and the spool has room
        (a full spool answers 451 to every message: an MTA or balancer should try another
        gateway). The database is not asked: the gateway takes mail while it is down."""
        if self._server is None or not self._server.is_serving():
            return 503, b'{"status": "unavailable", "reason": "not listening"}'
        if not self.spool.has_room():
            return 503, b'{"status": "unavailable", "reason": "spool full"}'
        return 200, b'{"status": "ready"}'

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
        for t in self._tasks:
            t.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._write_incidents()
        self._db.shutdown(wait=True)
        self._scan.shutdown(wait=False, cancel_futures=True)
        if self._lock is not None:
            os.close(self._lock)  # the lock goes with it
            self._lock = None

    def _scan_pool(self) -> Executor:
        if self.config.scan_processes <= 0:
            return ThreadPoolExecutor(2, thread_name_prefix="mw-scan")
        return ProcessPoolExecutor(
            self.config.scan_processes,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=worker_init,
            initargs=(self.config.policy,),
        )

    def _reset_scan_pool(self) -> None:
        """A worker process hung or died: end them all and start afresh."""
        old = self._scan
        self._scan = self._scan_pool()
        for proc in list(getattr(old, "_processes", {}).values()):
            proc.kill()
        old.shutdown(wait=False, cancel_futures=True)

    def _has_room(self) -> bool:
        if self.spool.has_room():
            return True
        self.metrics.spool_full.inc()
        return False

    def _protocol(self) -> SMTP:
        c = self.config
        return GatewaySMTP(
            Handler(self.accept, self._has_room, c.max_recipients),
            hostname=c.hostname,
            data_size_limit=c.max_message,
            enable_SMTPUTF8=True,
            decode_data=False,
            tls_context=c.tls_context,
            require_starttls=c.require_tls,
            auth_required=c.auth is not None,
            # AUTH only once the session is encrypted — unless plaintext AUTH from loopback is
            # allowed (checked per client in _authenticate)
            auth_require_tls=not (c.auth_plain_loopback and c.tls_context is None),
            authenticator=self._auth if c.auth else None,
            offer_auth=c.auth is not None,
            incoming_dir=self.spool.root / "tmp",
            timeout=120,
        )

    async def _in_db(self, fn: Callable[..., Any], *args: Any) -> Any:
        if self.store is None:
            return None
        try:
            return await asyncio.get_running_loop().run_in_executor(self._db, fn, *args)
        except Exception:  # the store being down never loses mail: the spool has it
            log.exception("store write failed")
            return None

    def _reconcile(self) -> None:
        """Incidents for held and delayed messages the store does not know yet (a crash
        between the spool write and the store write)."""
        assert self.store is not None
        for state in ("held", "delayed"):
            for entry in self.spool.entries(state):
                if entry.meta.get("record", {}).get("rules"):
                    incidents.record(self.store, entry.meta)

    # -- several gateways: the shared index, decisions asked elsewhere, the shared policy -----
    def _resync(self) -> bool:
        """This gateway's index rows made to match its spool (a crash between a spool write
        and its row; rows of messages gone meanwhile)."""
        assert self.store is not None
        entries = [e for state in instances.INDEXED for e in self.spool.entries(state)]
        indexed, removed = instances.resync(self.store, self.config.instance, entries)
        log.info(
            "instance %s: %d queued messages indexed, %d stale rows removed",
            self.config.instance,
            indexed,
            removed,
        )
        return True

    def _write_index(self, pending: dict[str, str]) -> bool:
        assert self.store is not None
        entries = []
        for sid, state in pending.items():
            try:
                entries.append(self.spool.entry(sid, state))
            except (NotQueued, ValueError):
                continue  # decided or released meanwhile: no row wanted
        instances.index(self.store, self.config.instance, entries)
        return True

    async def _flush_index(self, pending: dict[str, str]) -> None:
        if await self._in_db(self._write_index, pending) is None:
            self._unindexed.update(pending)  # the store is down: the next poll tries again

    def _carry_out(self, request: instances.Request) -> None:
        """A decision asked in the store, carried out on this spool as a local one would be
        (the same notices and audit entries); the row goes once it is done — or once the
        message proves gone (decided before, by the timer or a local command)."""
        assert self.store is not None
        try:
            getattr(self.queues, request.action)(request.spool_id, request.actor, request.note)
            log.info("%s: %s asked by %s, done", request.spool_id, request.action, request.actor)
        except InputError as exc:
            log.warning(
                "%s: %s asked by %s not done: %s", request.spool_id, request.action, request.actor, exc
            )
        instances.unindex(self.store, request.spool_id)

    def _decide_asked(self) -> list[str]:
        assert self.store is not None
        released = []
        for request in instances.requests(self.store, self.config.instance):
            if request.actor == instances.TIMER:
                continue  # this gateway's own timer, under way in the poller
            self._carry_out(request)
            if request.action == "release":
                released.append(request.spool_id)
        return released

    def _stored_policy(self) -> tuple[Policy, int] | None:
        """The stored policy, when a newer version than the one in force validates."""
        assert self.store is not None
        version = instances.policy_version(self.store)
        if version is None or version == self._policy_seen:
            return None
        self._policy_seen = version  # a version that does not validate is not tried again
        try:
            return instances.load_shared_policy(self.store)
        except ConfigError as exc:
            log.error(
                "stored policy version %s refused, keeping version %s: %s",
                version,
                self.config.policy_version,
                exc,
            )
            return None

    def switch_policy(self, policy: Policy, version: int | None) -> None:
        """Screen with ``policy`` from now on; messages being screened finish with the old."""
        self.config.policy = policy
        self.config.policy_version = self._policy_seen = version
        self._notice_from(policy)
        if isinstance(self._scan, ProcessPoolExecutor):
            old, self._scan = self._scan, self._scan_pool()
            old.shutdown(wait=False)
        log.info("policy version %s in force", version)

    async def _shared_poller(self) -> None:
        loop = asyncio.get_running_loop()
        policy_due = loop.time() + self.config.policy_poll
        while True:
            await asyncio.sleep(self.config.shared_poll)
            if self._shared:
                if self._unindexed:
                    pending, self._unindexed = self._unindexed, {}
                    await self._flush_index(pending)
                for sid in await self._in_db(self._decide_asked) or []:
                    self._enqueue(sid)
            if self.config.policy_version is not None and loop.time() >= policy_due:
                policy_due = loop.time() + self.config.policy_poll
                found = await self._in_db(self._stored_policy)
                if found is not None:
                    self.switch_policy(*found)

    # -- receiving ----------------------------------------------------------------------------
    async def accept(self, envelope: Envelope, incoming: Incoming, client: str) -> str:
        """Screen a message received to disk and spool it (or refuse it); the reply."""
        mail_from = envelope.mail_from or ""
        rcpts = list(envelope.rcpt_tos)
        m = self.metrics
        m.received.inc()
        if incoming.bare_eol:
            m.messages.labels("malformed").inc()
            return "550 5.5.2 Message refused: bare CR or LF in the data (RFC 5321 2.3.8; SMTP smuggling?)"
        loop = asyncio.get_running_loop()
        now = time.time()
        path = str(incoming.path)
        try:
            if isinstance(self._scan, ProcessPoolExecutor):
                job = partial(worker_screen, path, mail_from, rcpts, now)
            else:
                job = partial(screen_file, path, mail_from, rcpts, self.config.policy, now=now)
            with m.screen_seconds.time():
                outcome = await asyncio.wait_for(
                    loop.run_in_executor(self._scan, job), self.config.scan_timeout
                )
        except Exception as exc:  # a failed screen holds the message: neither lost nor let through
            m.screen_failures.inc()
            if isinstance(exc, TimeoutError | BrokenProcessPool) and isinstance(
                self._scan, ProcessPoolExecutor
            ):
                self._reset_scan_pool()
            log.exception("screening failed; holding the message")
            outcome = Outcome(
                "hold",
                {
                    "action": "hold",
                    "disposition": "hold",
                    "test_mode": False,
                    "rules": [
                        {"rule": "gateway.screen-failed", "action": "hold", "reason": type(exc).__name__}
                    ],
                    "subject": "",
                    "counts": {},
                    "matches": [],
                    "unscannable": [
                        {"location": "message", "reason": type(exc).__name__, "text": type(exc).__name__}
                    ],
                },
                notify={"admin"},
            )
        meta: dict[str, Any] = {
            "mail_from": mail_from,
            "rcpt_tos": rcpts,
            "received": now,
            "size": incoming.size,
            "client": client,
            "record": outcome.record,
        }
        if outcome.disposition == "block":
            meta["id"] = new_id()
            self.stats["blocked"] += 1
            m.messages.labels("block").inc()
            log.info("%s: from=<%s> nrcpt=%d refused: %s", meta["id"], mail_from, len(rcpts), outcome.reason)
            self._spawn(self._after(meta, outcome))
            return f"550 5.7.1 {_one_line(outcome.reason)}"
        state = {"deliver": "queue", "hold": "held", "delay": "delayed"}[outcome.disposition]
        try:
            sid = await asyncio.to_thread(
                self.spool.put,
                state,
                meta,
                outcome.head or b"",
                src=incoming.path,
                src_offset=outcome.head_len if outcome.head is not None else 0,
            )
        except SpoolFull:
            m.messages.labels("tempfail").inc()
            return "451 4.3.1 Spool full, try again later"
        except OSError:
            m.messages.labels("tempfail").inc()
            log.exception("spool write failed")
            return "451 4.3.0 Could not store the message, try again later"
        meta["id"] = sid
        self.stats["accepted"] += 1
        m.messages.labels(outcome.disposition).inc()
        log.info(
            "%s: from=<%s> nrcpt=%d size=%d disposition=%s rules=%s",
            sid,
            mail_from,
            len(rcpts),
            incoming.size,
            outcome.disposition if state != "queue" else "queue",
            ",".join(r["rule"] for r in outcome.record.get("rules", [])) or "-",
        )
        if state == "queue":
            self._enqueue(sid)
        elif state == "delayed" and outcome.release_at:
            self._delayed[sid] = outcome.release_at
        if self._shared and state != "queue":
            self._spawn(self._index(sid, state))
        if outcome.incident or outcome.notify:
            self._spawn(self._after(meta, outcome))
        return f"250 2.0.0 Ok: queued as {sid}"

    async def _incident_writer(self) -> None:
        """Incidents go to the store in batches: one transaction for many messages."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._incidents_due.wait(), INCIDENT_FLUSH)
            self._incidents_due.clear()
            await self._write_incidents()

    async def _write_incidents(self) -> None:
        batch, self._incidents = self._incidents, []
        if batch and await self._in_db(incidents.record_many, self.store, batch) is None:
            self._incidents = (batch + self._incidents)[-MAX_PENDING_INCIDENTS:]  # store down: later

    async def _index(self, sid: str, state: str) -> None:
        """The held or delayed message's row in the shared index, right after the ``250``;
        should the store be down, the next polls write it, and a crash is mended at start."""
        await self._flush_index({sid: state})

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _after(self, meta: dict[str, Any], outcome: Outcome) -> None:
        """The store and the notices, after the reply: they never hold up or lose mail."""
        if outcome.incident and self.store is not None:
            self._incidents.append(meta)
            if len(self._incidents) >= INCIDENT_BATCH:
                self._incidents_due.set()
        n = self.queues.notice
        kind = {"block": "blocked", "hold": "held", "delay": "delayed"}.get(outcome.disposition, "incident")
        targets: list[str] = []
        if "sender" in outcome.notify and meta["mail_from"]:
            self._notice(kind, [meta["mail_from"]], meta)
        if "approver" in outcome.notify:
            targets += n.approvers
        if "admin" in outcome.notify:
            targets += n.admins
        if targets:
            self._notice("held" if kind == "held" else "incident", sorted(set(targets)), meta)

    def _notice(self, kind: str, to: list[str], meta: dict[str, Any], detail: str = "") -> None:
        """Queue a notice and hand it to the relay workers; a full spool costs the notice only."""
        try:
            sid = self.queues.notify(kind, to, meta, detail)
        except (SpoolFull, OSError):
            log.exception("could not queue a %s notice", kind)
            return
        if sid:
            self._enqueue(sid)

    # -- relaying -----------------------------------------------------------------------------
    def _enqueue(self, sid: str) -> None:
        if sid not in self._inflight:
            self._inflight.add(sid)
            self._ready.put_nowait(sid)

    async def _poller(self) -> None:
        """Picks up what others queued (releases from the CLI or console), retries that are
        due, and delayed messages whose time has come."""
        while True:
            now = time.time()
            for sid in self.spool.ids("queue"):
                if sid in self._inflight:
                    continue
                _attempts, due = self._backoff.get(sid, (0, 0.0))
                if due <= now:
                    self._enqueue(sid)
            await self._release_due(now)
            await asyncio.sleep(self.config.poll)

    async def _release_due(self, now: float) -> None:
        current = set(self.spool.ids("delayed"))
        for sid in list(self._delayed):
            if sid not in current:
                del self._delayed[sid]  # cancelled or released by hand
        for sid in current - set(self._delayed):
            try:
                self._delayed[sid] = float(self.spool.entry(sid, "delayed").meta["record"]["release_at"])
            except (NotQueued, ValueError, KeyError, TypeError):
                continue
        for sid, at in list(self._delayed.items()):
            if at > now:
                continue
            del self._delayed[sid]
            if self._shared and await self._in_db(instances.claim_for_timer, self.store, sid) is False:
                continue  # a cancel asked in the store first: it is carried out, not the timer
            try:
                meta = self.spool.entry(sid, "delayed").meta
                self.spool.move(sid, "delayed", "queue")
            except (NotQueued, ValueError):
                if self._shared:
                    await self._in_db(instances.unindex, self.store, sid)
                continue  # cancelled at the last moment: the cancel won
            await self._in_db(incidents.set_state, self.store, sid, "released", None, meta)
            if self._shared:
                await self._in_db(instances.unindex, self.store, sid)
            self._enqueue(sid)

    async def _worker(self, relay: Relay) -> None:
        try:
            while True:
                sid = await self._ready.get()
                try:
                    await self._deliver(relay, sid)
                except Exception:
                    log.exception("delivery of %s failed unexpectedly; will retry", sid)
                    # whatever failed, the message goes back into the retry cycle
                    await asyncio.to_thread(self.spool.unclaim, sid)
                    self._retry_later(sid)
                finally:
                    self._inflight.discard(sid)
        finally:
            await asyncio.to_thread(relay.close)

    def _retry_later(self, sid: str) -> None:
        attempts, _ = self._backoff.get(sid, (0, 0.0))
        delay = min(self.config.retry_base * 2**attempts, self.config.retry_max)
        self._backoff[sid] = (attempts + 1, time.time() + delay)

    def _attempt(self, relay: Relay, sid: str) -> tuple[dict[str, Any], Path, Result] | None:
        """One delivery attempt, on a worker thread: claim, relay (streamed from the spool
        file) and — when every recipient took it — drop the claim, in one hand-off from the
        event loop."""
        try:
            claimed = self.spool.take(sid, "queue")
        except NotQueued:
            return None
        meta, offset = read_head(claimed)
        message = MessageFile(claimed, offset, f"{SPOOL_HEADER}: {sid}\r\n".encode())
        result = relay.send(meta["mail_from"], list(meta["rcpt_tos"]), message)
        if not result.retry and not result.refused:
            self.spool.drop_claim(claimed)
        return meta, claimed, result

    async def _deliver(self, relay: Relay, sid: str) -> None:
        attempt = await asyncio.to_thread(self._attempt, relay, sid)
        if attempt is None:
            return
        meta, claimed, result = attempt
        self.stats["delivered"] += len(result.delivered)
        recipients = self.metrics.recipients
        recipients.labels("sent").inc(len(result.delivered))
        for rcpt in result.delivered:
            log.info("%s: to=<%s> status=sent", sid, rcpt)
        if not result.retry and not result.refused:
            self._backoff.pop(sid, None)
            return
        for rcpt, why in {**result.retry, **result.refused}.items():
            status = "deferred" if rcpt in result.retry else "bounced"
            log.info("%s: to=<%s> status=%s (%s)", sid, rcpt, status, why)
        expired = time.time() - float(meta.get("received", 0)) > self.config.max_age
        if result.retry and expired:
            result.refused.update({r: f"expired: {why}" for r, why in result.retry.items()})
            result.retry = {}
        recipients.labels("deferred").inc(len(result.retry))
        recipients.labels("bounced").inc(len(result.refused))
        if result.refused:
            self.stats["refused"] += len(result.refused)
            failed = {**meta, "refused": result.refused}
            failed["rcpt_tos"] = list(result.refused)
            if result.retry:  # some recipients are still to be tried: the claim stays for them
                try:
                    _, offset = await asyncio.to_thread(read_head, claimed)
                    await asyncio.to_thread(
                        self.spool.put, "failed", failed, src=claimed, src_offset=offset, spool_id=sid
                    )
                except (SpoolFull, OSError):
                    # the copy for the administrator is what a full spool costs; the sender's
                    # notice below still says who refused it
                    log.warning("%s: no room to keep the refused copy", sid)
            else:
                await asyncio.to_thread(self.spool.put_back, claimed, "failed", failed)
            if meta.get("mail_from") and not meta.get("notice"):
                detail = "; ".join(f"{r}: {why}" for r, why in result.refused.items())
                self._notice("refused", [meta["mail_from"]], meta, detail)
        if result.retry:
            self.stats["deferred"] += 1
            left = {**meta, "rcpt_tos": list(result.retry), "last_error": next(iter(result.retry.values()))}
            # back into the queue without asking for room: a full spool must not strand it
            await asyncio.to_thread(self.spool.put_back, claimed, "queue", left)
            self._retry_later(sid)
        else:
            self._backoff.pop(sid, None)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:400]
