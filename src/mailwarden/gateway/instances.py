"""Several gateways, one store: the shared index of held and delayed messages and the shared
policy.

Each gateway (``gateway run --instance NAME``) keeps its messages in its own spool; what the
queue listing shows of its held and delayed ones — masked, as the spool header — is one row a
message in ``gateway_queue``. A decision taken anywhere (the CLI on another host, the console)
is written into that row by one conditional ``UPDATE … WHERE action IS NULL``: the first
decision wins, a second is told the message is already decided. The owning gateway reads the
decisions asked of it (every second), carries each out on its own spool with the same
:class:`~mailwarden.gateway.queue.Queues` code as a local decision — the same notices, the same
audit entries — and removes the row. No gateway acts on another's rows: there is no leader.

The policy the gateways share is a versioned row in ``gateway_policies``; a version is pushed
only once it validated, and a gateway validates it again before it switches to it.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update

from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.store import Store
from ..dlp.policy import Policy, parse_policy
from .models import QueuedMessage, SharedPolicy
from .queue import SOURCES, only_one
from .spool import Entry

#: the states the index holds
INDEXED = ("held", "delayed")
#: the actor a gateway's own delay timer is audited as
TIMER = "timer"


def is_shared(store: Store | None, setting: bool = False) -> bool:
    """Do the gateways share their queues through the store? Only when asked
    (``MAILWARDEN_GATEWAY_SHARED``): a single gateway, on SQLite or PostgreSQL, keeps its
    queues in its spool, read there by the CLI and the console on its host."""
    return store is not None and setting


def lock_spool(root: Path, instance: str) -> int:
    """Hold the spool for this gateway alone (an advisory lock its process keeps until it
    exits, SIGKILL included): two gateways sharing a spool would act on each other's messages
    and remove each other's rows. Returns the descriptor; ``ConfigError`` if another holds it."""
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        held_by = os.pread(fd, 255, 0).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise ConfigError(
            _("the spool {path} is in use by gateway {instance}: each gateway needs its own").format(
                path=root, instance=held_by
            )
        ) from exc
    os.ftruncate(fd, 0)
    os.pwrite(fd, instance.encode(), 0)
    return fd


def _ts(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(value), UTC) if value else None
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _row(instance: str, entry: Entry) -> dict[str, Any]:
    meta = entry.meta
    rec = meta.get("record", {})
    return dict(
        spool_id=entry.id,
        instance=instance,
        state=entry.state,
        received_at=_ts(meta.get("received")) or datetime.now(UTC),
        due_at=_ts(rec.get("release_at")) if entry.state == "delayed" else None,
        sender=str(meta.get("mail_from", ""))[:320],
        recipients=[str(r) for r in meta.get("rcpt_tos", [])],
        subject=str(rec.get("subject", "")),
        record={
            k: rec.get(k) for k in ("action", "disposition", "rules", "counts", "matches", "unscannable")
        },
        size=int(meta.get("size", entry.size) or 0),
    )


# -- the owning gateway ------------------------------------------------------------------------
def index(store: Store, instance: str, entries: Iterable[Entry]) -> int:
    """Index held or delayed messages of ``instance`` (their rows written, or their state
    brought up to date; a decision already asked for is kept). Returns the rows written."""
    rows = [_row(instance, e) for e in entries if e.state in INDEXED]
    if not rows:
        return 0
    with store.session(write=True) as s:
        known = {
            r.spool_id: r
            for r in s.scalars(
                select(QueuedMessage).where(QueuedMessage.spool_id.in_([r["spool_id"] for r in rows]))
            )
        }
        for r in rows:
            old = known.get(r["spool_id"])
            if old is None:
                s.add(QueuedMessage(**r, note=""))
            else:
                old.instance, old.state, old.due_at = r["instance"], r["state"], r["due_at"]
    return len(rows)


def resync(store: Store, instance: str, entries: list[Entry]) -> tuple[int, int]:
    """At a gateway's start: its rows made to match its spool — rows for held and delayed
    messages it lacks (a crash between the spool write and the row), and none for messages no
    longer there. Returns (indexed, removed)."""
    present = {e.id for e in entries if e.state in INDEXED}
    with store.session(write=True) as s:
        mine = set(s.scalars(select(QueuedMessage.spool_id).where(QueuedMessage.instance == instance)))
        gone = sorted(mine - present)
        if gone:
            s.execute(delete(QueuedMessage).where(QueuedMessage.spool_id.in_(gone)))
    return index(store, instance, [e for e in entries if e.id in present]), len(gone)


def unindex(store: Store, spool_id: str) -> None:
    with store.session() as s:
        s.execute(delete(QueuedMessage).where(QueuedMessage.spool_id == spool_id))


@dataclass(frozen=True)
class Request:
    """A decision asked of a gateway for one of its messages."""

    spool_id: str
    action: str
    actor: str
    note: str


def requests(store: Store, instance: str) -> list[Request]:
    """The decisions asked of ``instance``, oldest first."""
    with store.session() as s:
        rows = s.execute(
            select(
                QueuedMessage.spool_id, QueuedMessage.action, QueuedMessage.requested_by, QueuedMessage.note
            )
            .where(QueuedMessage.instance == instance, QueuedMessage.action.is_not(None))
            .order_by(QueuedMessage.requested_at)
        ).all()
    return [Request(sid, str(op), str(by or ""), note or "") for sid, op, by, note in rows]


def claim_for_timer(store: Store, spool_id: str) -> bool:
    """May the owning gateway's timer send this delayed message now? Yes unless someone asked
    for another decision first (a cancel): the timer's release is recorded as a decision too,
    so a cancel asked after it is told it came too late."""
    with store.session(write=True) as s:
        done = s.execute(
            update(QueuedMessage)
            .where(QueuedMessage.spool_id == spool_id, QueuedMessage.action.is_(None))
            .values(action="release", requested_by=TIMER, requested_at=datetime.now(UTC))
        )
        if getattr(done, "rowcount", 0) == 1:
            return True
        action = s.scalar(select(QueuedMessage.action).where(QueuedMessage.spool_id == spool_id))
    return action is None or action == "release"


# -- anyone: the CLI, the console --------------------------------------------------------------
def listing(store: Store, state: str | None = None) -> list[QueuedMessage]:
    """Held and delayed messages of every gateway, oldest first."""
    with store.session() as s:
        q = select(QueuedMessage).order_by(QueuedMessage.received_at, QueuedMessage.spool_id)
        if state:
            q = q.where(QueuedMessage.state == state)
        return list(s.scalars(q))


def get(store: Store, spool_id: str) -> QueuedMessage | None:
    with store.session() as s:
        return s.get(QueuedMessage, spool_id)


def resolve(store: Store, ref: str, op: str | None = None) -> str:
    """The full id ``ref`` names among the indexed messages: the id or a prefix no other
    shares (preferring those ``op`` may act on), as :meth:`Queues.resolve` does on a spool."""
    ref = ref.strip()
    if not ref or any(c in ref for c in "%_\\/"):
        raise InputError(_("no queued message {id}").format(id=ref))
    with store.session() as s:
        rows = s.execute(
            select(QueuedMessage.spool_id, QueuedMessage.state).where(QueuedMessage.spool_id.startswith(ref))
        ).all()
    exact = [sid for sid, _state in rows if sid == ref]
    found = exact or sorted(sid for sid, state in rows if op is None or state in SOURCES[op])
    found = found or sorted(sid for sid, _state in rows)
    return only_one(ref, found)


def request(store: Store, ref: str, op: str, actor: str, note: str = "") -> QueuedMessage:
    """Ask the owning gateway to release, reject or cancel a message (``ref``: its id or a
    unique prefix). One conditional update: the first decision wins; a later one raises
    ``InputError`` saying who decided what. Returns the row as decided."""
    if op not in SOURCES:
        raise InputError(_("there is no such decision"))
    sid = resolve(store, ref, op)
    allowed = SOURCES[op]
    with store.session(write=True) as s:
        done = s.execute(
            update(QueuedMessage)
            .where(
                QueuedMessage.spool_id == sid,
                QueuedMessage.action.is_(None),
                QueuedMessage.state.in_(allowed),
            )
            .values(action=op, requested_by=actor[:320], requested_at=datetime.now(UTC), note=note)
        )
        row = s.get(QueuedMessage, sid)
        won = getattr(done, "rowcount", 0) == 1
    if row is None:
        raise InputError(_("no queued message {id}").format(id=sid))
    if won:
        return row
    if row.action is not None:
        raise InputError(
            _("message {id} is already decided: {action} by {actor}").format(
                id=sid, action=row.action, actor=row.requested_by or "-"
            )
        )
    raise InputError(
        _("message {id} is {state}; {op} needs it {allowed}").format(
            id=sid, state=row.state, op=op, allowed=" / ".join(allowed)
        )
    )


def entry(row: QueuedMessage) -> Entry:
    """A row as the spool entry it indexes (header fields only), for code that shows entries."""
    record = {**(row.record or {}), "subject": row.subject}
    if row.due_at is not None:
        record["release_at"] = row.due_at.timestamp()
    meta = {
        "id": row.spool_id,
        "mail_from": row.sender,
        "rcpt_tos": list(row.recipients),
        "received": row.received_at.timestamp() if row.received_at else None,
        "size": row.size,
        "record": record,
    }
    return Entry(row.spool_id, row.state, meta, row.size)


def wait_carried_out(store: Store, spool_ids: list[str], timeout: float, poll: float = 0.2) -> list[str]:
    """Wait up to ``timeout`` seconds for the owning gateways to carry out the decisions on
    ``spool_ids`` (their rows gone); the ids still waiting."""
    deadline = time.monotonic() + timeout
    waiting = list(spool_ids)
    while waiting:
        with store.session() as s:
            left = set(s.scalars(select(QueuedMessage.spool_id).where(QueuedMessage.spool_id.in_(waiting))))
        waiting = [sid for sid in waiting if sid in left]
        if not waiting or time.monotonic() >= deadline:
            break
        time.sleep(poll)
    return waiting


def as_dict(row: QueuedMessage) -> dict[str, Any]:
    """A row as the CLI's JSON and the console's API show it."""
    rec = row.record or {}
    return {
        "id": row.spool_id,
        "instance": row.instance,
        "state": row.state,
        "received": row.received_at.timestamp() if row.received_at else None,
        "release_at": row.due_at.timestamp() if row.due_at else None,
        "sender": row.sender,
        "recipients": list(row.recipients),
        "subject": row.subject,
        "rules": rec.get("rules") or [],
        "counts": rec.get("counts") or {},
        "matches": rec.get("matches") or [],
        "unscannable": rec.get("unscannable") or [],
        "size": row.size,
        "requested": row.action,
        "requested_by": row.requested_by,
        "requested_at": row.requested_at.isoformat() if row.requested_at else None,
    }


# -- the shared policy -------------------------------------------------------------------------
def push_policy(store: Store, text: str, source: str, actor: str) -> SharedPolicy:
    """Store a new version of the shared policy once it validated (``ConfigError`` otherwise:
    a bad policy never reaches a gateway)."""
    parse_policy(text, source)
    with store.session(write=True) as s:
        row = SharedPolicy(text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), pushed_by=actor[:320])
        s.add(row)
        s.flush()
    return row


def current_policy(store: Store) -> SharedPolicy | None:
    with store.session() as s:
        return s.scalar(select(SharedPolicy).order_by(SharedPolicy.version.desc()).limit(1))


def policy_version(store: Store) -> int | None:
    with store.session() as s:
        return s.scalar(select(SharedPolicy.version).order_by(SharedPolicy.version.desc()).limit(1))


def load_shared_policy(store: Store) -> tuple[Policy, int]:
    """The policy in force and its version; ``ConfigError`` when none was pushed or the newest
    does not validate (pushed by another version of mailwarden, say)."""
    row = current_policy(store)
    if row is None:
        raise ConfigError(_("no policy in the store: push one with `mailwarden gateway policy push FILE`"))
    return parse_policy(
        row.text, _("stored policy version {version}").format(version=row.version)
    ), row.version
