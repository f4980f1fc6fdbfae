"""Incidents and the audit log in the store: written by the gateway, read by the CLI and console."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from ..core.store import Store
from .models import AuditEntry, Incident

#: what the disposition chosen at the gateway makes the incident's first state
FIRST_STATE = {"deliver": "delivered", "block": "blocked", "hold": "held", "delay": "delayed"}


def _ts(value: float | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value else None


def _incident(meta: dict[str, Any]) -> Incident:
    return Incident(**_row(meta))


def _row(meta: dict[str, Any]) -> dict[str, Any]:
    rec = meta["record"]
    return dict(
        spool_id=meta["id"],
        received_at=_ts(meta.get("received")) or datetime.now(UTC),
        sender=meta.get("mail_from", "")[:320],
        recipients=list(meta.get("rcpt_tos", [])),
        subject=rec.get("subject", ""),
        action=rec["action"],
        state=FIRST_STATE[rec["disposition"]],
        test_mode=bool(rec.get("test_mode")),
        size=int(meta.get("size", 0)),
        release_at=_ts(rec.get("release_at")),
        evidence={k: rec.get(k) for k in ("rules", "counts", "matches", "unscannable")},
    )


def record(store: Store, meta: dict[str, Any]) -> bool:
    """Store the incident a spooled message's header describes, once (by spool id). Returns
    False when it was stored already (a restart reconciling the spool)."""
    return record_many(store, [meta]) == 1


def record_many(store: Store, metas: list[dict[str, Any]]) -> int:
    """Several incidents in one transaction (the gateway batches them); those already stored
    are skipped. Returns how many were added."""
    if not metas:
        return 0
    # reads, then writes: on SQLite the write lock first (a writer committing between the two
    # would otherwise fail this at once with "database is locked")
    with store.session(write=True) as s:
        ids = [m["id"] for m in metas]
        known = set(s.scalars(select(Incident.spool_id).where(Incident.spool_id.in_(ids))))
        fresh = {m["id"]: m for m in metas if m["id"] not in known}
        if fresh:  # one executemany, not an ORM object a row
            s.execute(insert(Incident), [_row(m) for m in fresh.values()])
    return len(fresh)


def set_state(
    store: Store, spool_id: str, state: str, actor: str | None = None, meta: dict[str, Any] | None = None
) -> None:
    """A new state for an incident. Given the spooled message's header, an incident the
    gateway has not written yet (it writes in batches) is written now, so the change is kept."""
    with store.session(write=True) as s:
        inc = s.scalar(select(Incident).where(Incident.spool_id == spool_id))
        if inc is None and meta is not None and meta.get("record", {}).get("rules"):
            inc = _incident({**meta, "id": spool_id})
            s.add(inc)
        if inc is not None:
            inc.state = state
            if actor:
                inc.decided_by = actor
                inc.decided_at = datetime.now(UTC)


def audit(store: Store, actor: str, action: str, spool_id: str, detail: str = "") -> None:
    with store.session() as s:
        s.add(AuditEntry(actor=actor, action=action, spool_id=spool_id, detail=detail))


def listing(store: Store, *, state: str | None = None, limit: int = 200) -> list[Incident]:
    with store.session() as s:
        q = select(Incident).order_by(Incident.received_at.desc(), Incident.id.desc()).limit(limit)
        if state:
            q = q.where(Incident.state == state)
        return list(s.scalars(q))


def get(store: Store, incident_id: int) -> tuple[Incident, list[AuditEntry]] | None:
    with store.session() as s:
        inc = s.get(Incident, incident_id)
        if inc is None:
            return None
        log = s.scalars(select(AuditEntry).where(AuditEntry.spool_id == inc.spool_id).order_by(AuditEntry.id))
        return inc, list(log)


def audit_log(store: Store, *, limit: int = 200) -> list[AuditEntry]:
    with store.session() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))


def counts_by_day(store: Store, *, days: int = 30, now: datetime | None = None) -> list[dict[str, Any]]:
    """Incidents a day for the last ``days`` days, by action (oldest first, empty days kept)."""
    now = now or datetime.now(UTC)
    start = (now - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    with store.session() as s:
        rows = s.execute(
            select(Incident.received_at, Incident.action, func.count())
            .where(Incident.received_at >= start)
            .group_by(Incident.received_at, Incident.action)
        ).all()
    per: dict[str, Counter[str]] = {}
    for at, action, n in rows:
        at = at if at.tzinfo else at.replace(tzinfo=UTC)
        per.setdefault(at.astimezone(UTC).date().isoformat(), Counter())[action] += n
    out = []
    for i in range(days):
        day = (start + timedelta(days=i)).date().isoformat()
        c = per.get(day, Counter())
        out.append({"day": day, "total": sum(c.values()), "by_action": dict(c)})
    return out
