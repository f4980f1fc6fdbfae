"""The classification pass over a simulation campaign's stored hits (issue 18, point 4, with
the rules of ``tracking.py``) and the copying of its staff reports to its recipients.

``classify_campaign`` classifies all of a campaign's live hits together (a burst or a honeypot
address is seen across recipients), writes ``human`` and ``reasons`` only where they changed,
and is idempotent. The landing page's beacon is given ``BEACON_GRACE`` (2 minutes) to arrive: a
click, landing or submission younger than that whose beacon has not come yet stays undecided
(``human`` None) unless a rule the beacon cannot overturn (method, prefetch, honeypot, network,
user agent) already made it automated. Hits purged by the retention limit (address emptied,
classification kept) are frozen: left out of the pass and of the others' context. The pass
emits ``recipient.clicked`` and ``recipient.submitted`` webhooks the first time it finds a
recipient's human click or submission — never for a scanner's hit; ``sync_reports`` emits
``recipient.reported`` the first time a recipient's mail is reported. One pass over a
campaign runs at a time (``_serialise``). ``refresh`` does both, as the worker and the pages
call it."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session
from typing_extensions import TypedDict

from ..core.config import Settings
from ..core.store import Store
from ..core.store.models import utcnow
from ..core.timefmt import to_datetime as _utc
from ..reports.models import Report
from . import tracking, webhooks
from .metrics import GROUPS, chunks, opt_utc
from .models import SimCampaign, SimHit, SimRecipient

__all__ = [
    "BEACON_GRACE",
    "ClassifyCounts",
    "classify_campaign",
    "refresh",
    "rules_for",
    "sync_reports",
]

#: how long a landing page's beacon is waited for before a click without one is decided
BEACON_GRACE = timedelta(minutes=2)
#: the kinds a beacon may still confirm
_WAITS = ("click", "landing", "submit")
#: rules the beacon cannot overturn (tracking.py: rules 1–5)
_FINAL = frozenset({"method", "prefetch", "honeypot", "honeypot-ip", "network", "user-agent"})


class ClassifyCounts(TypedDict):
    #: live hits looked at (purged hits are frozen)
    hits: int
    changed: int
    human: int
    automated: int
    #: waiting for the beacon (BEACON_GRACE)
    pending: int
    #: webhook events emitted (first human click or submission of a recipient)
    events: int


def rules_for(settings: Settings) -> tracking.ScannerRules:
    """The shipped scanner rules with the installation's own file (``scanner_rules``) added."""
    return tracking.load(settings.scanner_rules) if settings.scanner_rules else tracking.shipped()


def _session_of(target: Store | Session) -> Any:
    return target.session(write=True) if isinstance(target, Store) else nullcontext(target)


def classify_campaign(
    target: Store | Session,
    campaign_id: int,
    *,
    rules: tracking.ScannerRules | None = None,
    now: datetime | None = None,
) -> ClassifyCounts:
    """Classify a campaign's live hits together and write what changed (see the module)."""
    with _session_of(target) as s:
        return _classify(s, campaign_id, rules or tracking.shipped(), _utc(now or utcnow()))


def _serialise(s: Session, campaign_id: int) -> None:
    """One pass over a campaign at a time: two at once (the worker and a page view) would both
    find a recipient's first click new and emit its webhook twice. SQLite: the write session's
    lock already does it; PostgreSQL: a transaction-level advisory lock per campaign."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(18005, :id)"), {"id": campaign_id})


def _classify(s: Session, campaign_id: int, rules: tracking.ScannerRules, now: datetime) -> ClassifyCounts:
    _serialise(s, campaign_id)
    rows = s.execute(
        select(
            SimHit.id,
            SimHit.recipient_id,
            SimHit.kind,
            SimHit.at,
            SimHit.ip,
            SimHit.method,
            SimHit.user_agent,
            SimHit.headers,
            SimHit.human,
            SimHit.reasons,
            SimRecipient.sent_at,
        )
        .join(SimRecipient, SimRecipient.id == SimHit.recipient_id)
        .where(SimHit.campaign_id == campaign_id)
        .order_by(SimHit.id)
    ).all()
    # purged by the retention limit: the classification is kept, the hit stays out of the context
    live = [r for r in rows if r.ip or r.human is None]
    hits = [
        tracking.Hit(
            kind=r.kind,
            target=str(r.recipient_id),
            at=_utc(r.at),
            ip=r.ip,
            method=r.method or "GET",
            user_agent=r.user_agent or "",
            headers=r.headers or {},
            delivered_at=opt_utc(r.sent_at),
        )
        for r in live
    ]
    before = _human_firsts(rows)
    updates: list[dict[str, Any]] = []
    counts: ClassifyCounts = {
        "hits": len(live),
        "changed": 0,
        "human": 0,
        "automated": 0,
        "pending": 0,
        "events": 0,
    }
    decided: dict[int, bool | None] = {}
    for r, hit, seen in zip(live, hits, tracking.context(hits, rules), strict=True):
        human: bool | None
        reasons: list[dict[str, str]]
        if seen.beacon is not True and hit.kind in _WAITS and now - hit.at < BEACON_GRACE:
            got = tracking.classify(hit, replace(seen, beacon=None), rules)
            if any(x.code in _FINAL for x in got.reasons):
                human, reasons = False, got.to_dict()["reasons"]
            else:
                human, reasons = None, []
        else:
            got = tracking.classify(hit, seen, rules)
            human, reasons = got.human, got.to_dict()["reasons"]
        counts["pending" if human is None else "human" if human else "automated"] += 1
        decided[r.id] = human
        if human != r.human or reasons != (r.reasons or []):
            updates.append({"id": r.id, "human": human, "reasons": reasons})
    if updates:
        s.execute(update(SimHit), updates)
        counts["changed"] = len(updates)
    after = _human_firsts(rows, decided)
    new = {k: at for k, at in after.items() if k not in before}
    if new:
        counts["events"] = _emit_firsts(s, campaign_id, new)
    return counts


def _human_firsts(
    rows: Sequence[Any], decided: dict[int, bool | None] | None = None
) -> dict[tuple[int, str], datetime]:
    """(recipient, click|submit) → the first human hit, from the stored or the new decisions."""
    firsts: dict[tuple[int, str], datetime] = {}
    for r in rows:
        group = GROUPS.get(r.kind)
        human = decided.get(r.id, r.human) if decided is not None else r.human
        if group in ("click", "submit") and human:
            key = (r.recipient_id, group)
            at = _utc(r.at)
            if key not in firsts or at < firsts[key]:
                firsts[key] = at
    return firsts


def _emit_firsts(s: Session, campaign_id: int, new: dict[tuple[int, str], datetime]) -> int:
    campaign = s.get(SimCampaign, campaign_id)
    if campaign is None:
        return 0
    ids = sorted({rid for rid, _ in new})
    recipients: dict[int, SimRecipient] = {}
    for chunk in chunks(ids):
        recipients.update(
            {r.id: r for r in s.scalars(select(SimRecipient).where(SimRecipient.id.in_(chunk)))}
        )
    events = []
    for (rid, group), at in sorted(new.items(), key=lambda kv: (kv[1], kv[0])):
        event = "recipient.clicked" if group == "click" else "recipient.submitted"
        if rid in recipients:
            events.append((event, webhooks.recipient_payload(campaign, recipients[rid], at=at)))
    return webhooks.emit_many(s, events)


# -- reports -----------------------------------------------------------------------------------
def sync_reports(target: Store | Session, campaign_id: int) -> int:
    """Copy the earliest staff report of each recipient's mail to ``reported_at``; the
    recipients reported for the first time (a ``recipient.reported`` webhook each)."""
    with _session_of(target) as s:
        return _sync_reports(s, campaign_id)


def _sync_reports(s: Session, campaign_id: int) -> int:
    _serialise(s, campaign_id)
    recips = {
        f"{campaign_id}.{r.token}": r
        for r in s.execute(
            select(SimRecipient.id, SimRecipient.token, SimRecipient.reported_at).where(
                SimRecipient.campaign_id == campaign_id
            )
        )
    }
    keys = list(recips)
    earliest: dict[str, datetime] = {}
    for chunk in chunks(keys):
        for marker, at in s.execute(
            select(Report.simulation, func.min(Report.reported_at))
            .where(Report.simulation.in_(chunk))
            .group_by(Report.simulation)
        ):
            earliest[str(marker)] = _utc(at)
    updates, first = [], []
    for marker, at in earliest.items():
        r = recips[marker]
        stored = opt_utc(r.reported_at)
        if stored is None or at < stored:
            updates.append({"id": r.id, "reported_at": at})
        if stored is None:
            first.append((r.id, at))
    if updates:
        s.execute(update(SimRecipient), updates)
    if first:
        campaign = s.get(SimCampaign, campaign_id)
        rows: dict[int, SimRecipient] = {}
        for chunk in chunks([i for i, _ in first]):
            rows.update({r.id: r for r in s.scalars(select(SimRecipient).where(SimRecipient.id.in_(chunk)))})
        if campaign is not None:
            webhooks.emit_many(
                s,
                [
                    ("recipient.reported", webhooks.recipient_payload(campaign, rows[i], at=at))
                    for i, at in first
                ],
            )
    return len(first)


def refresh(
    store: Store,
    campaign_id: int,
    *,
    rules: tracking.ScannerRules | None = None,
    now: datetime | None = None,
    force: bool = False,
) -> ClassifyCounts | None:
    """Bring a campaign's stored figures up to date: the classification pass when hits are
    undecided (``force``: always) and the reports. None when nothing needed classifying."""
    with store.session(write=True) as s:
        counts = None
        undecided = s.scalar(
            select(SimHit.id).where(SimHit.campaign_id == campaign_id, SimHit.human.is_(None)).limit(1)
        )
        if force or undecided is not None:
            counts = _classify(s, campaign_id, rules or tracking.shipped(), _utc(now or utcnow()))
        _sync_reports(s, campaign_id)
        return counts
