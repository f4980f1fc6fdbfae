"""Repeat offenders of the simulations — targets with a human click or submission in two
campaigns or more (as last classified) — and their training assignments."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from typing_extensions import TypedDict

from ..core.store import Store
from ..core.timefmt import to_datetime as _utc
from .metrics import chunks, iso
from .models import SimAssignment, SimGroup, SimHit, SimRecipient, SimTarget

__all__ = [
    "REPEAT_FAILURES",
    "AssignResult",
    "AssignmentRow",
    "OffenderRow",
    "assign_repeat_offenders",
    "list_assignments",
    "repeat_offenders",
]

#: failures (campaigns with a human click or submission) that make a repeat offender
#: failures (campaigns with a human click or submission) that make a repeat offender
REPEAT_FAILURES = 2


class OffenderRow(TypedDict):
    target_id: int
    name: str
    address: str
    department: str
    #: campaigns with a human click or submission
    failures: int
    campaigns: list[int]
    last_campaign_id: int
    last_failed_at: str
    #: a training assignment for the last failed campaign exists
    assigned: bool
    assignment_completed_at: str | None


class AssignResult(TypedDict):
    offenders: int
    created: int


class AssignmentRow(TypedDict):
    id: int
    target_id: int
    name: str
    address: str
    campaign_id: int | None
    reason: str
    created_at: str | None
    completed_at: str | None


def _failures(s: Session) -> dict[int, dict[int, datetime]]:
    """target → campaign → the first human click or submission there."""
    out: dict[int, dict[int, datetime]] = defaultdict(dict)
    for tid, cid, at in s.execute(
        select(SimRecipient.target_id, SimHit.campaign_id, func.min(SimHit.at))
        .join(SimRecipient, SimRecipient.id == SimHit.recipient_id)
        .where(
            SimHit.human.is_(True),
            SimHit.kind.in_(("click", "landing", "submit")),
            SimRecipient.target_id.is_not(None),
        )
        .group_by(SimRecipient.target_id, SimHit.campaign_id)
    ):
        if tid is not None:
            out[tid][cid] = _utc(at)
    return out


def _offenders(s: Session, min_failures: int) -> list[OffenderRow]:
    failed = {t: c for t, c in _failures(s).items() if len(c) >= max(1, min_failures)}
    if not failed:
        return []
    tids = sorted(failed)
    targets: dict[int, tuple[str, str, str]] = {}
    assignments: dict[tuple[int, int | None], datetime | None] = {}
    for chunk in chunks(tids):
        for t, group in s.execute(
            select(SimTarget, SimGroup.name)
            .outerjoin(SimGroup, SimGroup.id == SimTarget.group_id)
            .where(SimTarget.id.in_(chunk))
        ):
            targets[t.id] = (t.name, t.address, group or "")
        for a in s.scalars(select(SimAssignment).where(SimAssignment.target_id.in_(chunk))):
            assignments[(a.target_id, a.campaign_id)] = a.completed_at
    rows: list[OffenderRow] = []
    for tid in tids:
        campaigns = sorted(failed[tid].items(), key=lambda kv: (kv[1], kv[0]))
        last_cid, last_at = campaigns[-1]
        name, address, department = targets.get(tid, ("", "", ""))
        rows.append(
            {
                "target_id": tid,
                "name": name,
                "address": address,
                "department": department,
                "failures": len(campaigns),
                "campaigns": [c for c, _ in campaigns],
                "last_campaign_id": last_cid,
                "last_failed_at": last_at.isoformat(),
                "assigned": (tid, last_cid) in assignments,
                "assignment_completed_at": iso(assignments.get((tid, last_cid))),
            }
        )
    rows.sort(key=lambda r: (-r["failures"], r["last_failed_at"], r["target_id"]))
    return rows


def repeat_offenders(store: Store, *, min_failures: int = REPEAT_FAILURES) -> list[OffenderRow]:
    """Targets with a human click or submission in ``min_failures`` campaigns or more, most
    failures first (as last classified)."""
    with store.session() as s:
        return _offenders(s, min_failures)


def assign_repeat_offenders(store: Store, *, min_failures: int = REPEAT_FAILURES) -> AssignResult:
    """A training assignment (reason ``repeat``) for each repeat offender, tied to the last
    campaign they failed: made once per target and campaign, so running it again adds only the
    offenders (or the new failures) since."""
    with store.session(write=True) as s:
        if s.get_bind().dialect.name == "postgresql":
            # two runs at once must not both find a pair missing (the table has no unique key)
            s.execute(text("LOCK TABLE sim_assignments IN SHARE ROW EXCLUSIVE MODE"))
        rows = _offenders(s, min_failures)
        created = 0
        for r in rows:
            if not r["assigned"]:
                s.add(
                    SimAssignment(
                        target_id=r["target_id"], campaign_id=r["last_campaign_id"], reason="repeat"
                    )
                )
                created += 1
        return {"offenders": len(rows), "created": created}


def list_assignments(store: Store, *, limit: int = 500, offset: int = 0) -> list[AssignmentRow]:
    """Training assignments, newest first."""
    with store.session() as s:
        return [
            {
                "id": a.id,
                "target_id": a.target_id,
                "name": name,
                "address": address,
                "campaign_id": a.campaign_id,
                "reason": a.reason,
                "created_at": iso(a.created_at),
                "completed_at": iso(a.completed_at),
            }
            for a, name, address in s.execute(
                select(SimAssignment, SimTarget.name, SimTarget.address)
                .join(SimTarget, SimTarget.id == SimAssignment.target_id)
                .order_by(SimAssignment.id.desc())
                .limit(limit)
                .offset(offset)
            )
        ]
