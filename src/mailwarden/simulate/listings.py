"""What a simulation campaign's console pages and exports list: its raw hits with every
classification reason in the reader's language, its recipients with their first human times,
and the pseudonymised CSV export (one row per recipient, no names, no addresses)."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from datetime import datetime

from sqlalchemy import func, select
from typing_extensions import TypedDict

from ..core.store import Store
from ..core.timefmt import to_datetime as _utc
from ..reports.metrics import cell
from . import tracking
from .classify import refresh
from .metrics import GROUPS, Person, get_campaign, iso, load, person
from .models import SimHit, SimRecipient

__all__ = [
    "CSV_COLUMNS",
    "HitPage",
    "HitRow",
    "ReasonRow",
    "RecipientPage",
    "RecipientRow",
    "export_csv",
    "list_hits",
    "list_recipients",
    "pseudonym",
]


def pseudonym(key: str, address: str) -> str:
    """A recipient's id in exports: an HMAC-SHA256 of the address under the installation's
    key, 16 hex digits. The same person has the same id in every campaign (repeat behaviour
    can be followed); without the key it names nobody."""
    mac = hmac.new(key.encode(), b"mailwarden-sim-person:" + address.strip().lower().encode(), hashlib.sha256)
    return mac.hexdigest()[:16]


class ReasonRow(TypedDict):
    code: str
    params: dict[str, str]
    #: the reason in the reader's language
    text: str


class HitRow(TypedDict):
    id: int
    recipient_id: int
    address: str
    department: str
    kind: str
    at: str
    since_delivery: float | None
    ip: str
    method: str
    user_agent: str
    #: None: not decided yet
    human: bool | None
    reasons: list[ReasonRow]


class HitPage(TypedDict):
    total: int
    offset: int
    limit: int
    hits: list[HitRow]


class RecipientRow(TypedDict):
    id: int
    address: str
    name: str
    department: str
    status: str
    sent_at: str | None
    opened_at: str | None
    clicked_at: str | None
    submitted_at: str | None
    reported_at: str | None
    trained_at: str | None
    quiz_score: int | None
    completed_at: str | None
    failed: bool


class RecipientPage(TypedDict):
    total: int
    offset: int
    limit: int
    recipients: list[RecipientRow]


def _reason_rows(reasons: list[dict[str, str]] | None) -> list[ReasonRow]:
    out: list[ReasonRow] = []
    for r in reasons or []:
        code = str(r.get("code", ""))
        params = {k: str(v) for k, v in r.items() if k != "code"}
        try:
            said = tracking.Reason(code, params).text()
        except (KeyError, IndexError, ValueError):  # a code or a parameter of another version
            said = code
        out.append({"code": code, "params": params, "text": said})
    return out


def list_hits(
    store: Store, campaign_id: int, *, human: bool | None = None, limit: int = 100, offset: int = 0
) -> HitPage:
    """A campaign's raw hits, oldest first, with the classification and every reason in the
    reader's language; ``human`` True/False keeps only the human/automated ones."""
    with store.session() as s:
        get_campaign(s, campaign_id)
        where = [SimHit.campaign_id == campaign_id]
        if human is not None:
            where.append(SimHit.human.is_(human))
        total = s.scalar(select(func.count()).select_from(SimHit).where(*where)) or 0
        rows = s.execute(
            select(SimHit, SimRecipient.address, SimRecipient.department)
            .join(SimRecipient, SimRecipient.id == SimHit.recipient_id)
            .where(*where)
            .order_by(SimHit.at, SimHit.id)
            .limit(limit)
            .offset(offset)
        ).all()
        hits: list[HitRow] = [
            {
                "id": h.id,
                "recipient_id": h.recipient_id,
                "address": address,
                "department": department,
                "kind": h.kind,
                "at": _utc(h.at).isoformat(),
                "since_delivery": h.since_delivery,
                "ip": h.ip,
                "method": h.method,
                "user_agent": h.user_agent,
                "human": h.human,
                "reasons": _reason_rows(h.reasons),
            }
            for h, address, department in rows
        ]
    return {"total": total, "offset": offset, "limit": limit, "hits": hits}


def _recipient_row(p: Person) -> RecipientRow:
    return {
        "id": p.id,
        "address": p.address,
        "name": p.name,
        "department": p.department,
        "status": p.status,
        "sent_at": iso(p.sent_at),
        "opened_at": iso(p.opened_at),
        "clicked_at": iso(p.first.get("click")),
        "submitted_at": iso(p.first.get("submit")),
        "reported_at": iso(p.reported_at),
        "trained_at": iso(p.trained_at),
        "quiz_score": p.quiz_score,
        "completed_at": iso(p.completed_at),
        "failed": p.failed,
    }


def list_recipients(store: Store, campaign_id: int, *, limit: int = 100, offset: int = 0) -> RecipientPage:
    """A page of a campaign's recipients with what each did (first human times)."""
    with store.session() as s:
        get_campaign(s, campaign_id)
        total = (
            s.scalar(
                select(func.count()).select_from(SimRecipient).where(SimRecipient.campaign_id == campaign_id)
            )
            or 0
        )
        people = [
            person(r)
            for r in s.scalars(
                select(SimRecipient)
                .where(SimRecipient.campaign_id == campaign_id)
                .order_by(SimRecipient.id)
                .limit(limit)
                .offset(offset)
            )
        ]
        by_id = {p.id: p for p in people}
        if by_id:
            for rid, kind, at in s.execute(
                select(SimHit.recipient_id, SimHit.kind, func.min(SimHit.at))
                .where(SimHit.recipient_id.in_(list(by_id)), SimHit.human.is_(True))
                .group_by(SimHit.recipient_id, SimHit.kind)
            ):
                group = GROUPS.get(kind)
                if group is None:
                    continue
                p, at = by_id[rid], _utc(at)
                if group not in p.first or at < p.first[group]:
                    p.first[group] = at
    return {
        "total": total,
        "offset": offset,
        "limit": limit,
        "recipients": [_recipient_row(p) for p in people],
    }


# -- the export --------------------------------------------------------------------------------
CSV_COLUMNS = (
    "person",
    "department",
    "sent",
    "sent_at_utc",
    "opened",
    "opened_at_utc",
    "clicked",
    "clicked_at_utc",
    "submitted",
    "submitted_at_utc",
    "reported",
    "reported_at_utc",
    "seconds_to_click",
    "seconds_to_report",
    "trained",
    "completed",
)


def _when(dt: datetime | None) -> str:
    return "" if dt is None else _utc(dt).strftime("%Y-%m-%d %H:%M:%S")


def _seconds(end: datetime | None, start: datetime | None) -> str:
    if end is None or start is None or end < start:
        return ""
    return f"{(end - start).total_seconds():.0f}"


def export_csv(store: Store, campaign_id: int, key: str, *, update_first: bool = True) -> str:
    """One row per recipient (CSV_COLUMNS): a pseudonymous id (``pseudonym``), the department,
    what they did (1/0) and when (UTC). No names, no addresses. UTF-8 with a BOM and CRLF line
    ends, as Excel opens it."""
    if update_first:
        with store.session() as s:
            get_campaign(s, campaign_id)
        refresh(store, campaign_id)
    with store.session() as s:
        get_campaign(s, campaign_id)
        people, _, _ = load(s, campaign_id)
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for p in people:
        opened = p.opened_at
        w.writerow(
            [
                pseudonym(key, p.address),
                cell(p.department),
                int(p.sent_at is not None),
                _when(p.sent_at),
                int(opened is not None),
                _when(opened),
                int("click" in p.first),
                _when(p.first.get("click")),
                int("submit" in p.first),
                _when(p.first.get("submit")),
                int(p.reported_at is not None),
                _when(p.reported_at),
                _seconds(p.first.get("click"), p.sent_at),
                _seconds(p.reported_at, p.sent_at),
                int(p.trained_at is not None),
                int(p.completed_at is not None),
            ]
        )
    return buf.getvalue()
