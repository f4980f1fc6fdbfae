"""What a simulation campaign showed (issue 18, points 5 and 6): the classification pass over
its raw hits, the reports of its mail, its figures, per department and over campaigns, repeat
offenders and their training assignments, and the pseudonymised CSV export.

**Counting.** Every figure counts *recipients*, never hits: a recipient who clicked five times,
replayed a link or was scanned by three products counts once. A figure is *human* when the
classification (``tracking.py``) said a person did it; the *raw* figure beside it counts every
hit (``raw_hits``) and every recipient with any hit of the kind (``raw_recipients``) — what a
tool that trusts every hit would show. Rates divide by the recipients whose mail was sent.

- *opened*: a human open (the pixel) or a human click or submission (a person who clicked
  opened the mail, even with images blocked); its raw figures count every open, click and
  submission hit;
- *clicked*: a human ``click`` or ``landing`` hit; *submitted*: a human ``submit``;
- *failure*: a human click or submission; *resilience*: recipients who reported ÷ failures
  (None while nobody failed);
- *reported*: a staff report of the recipient's mail (``Report.simulation`` is
  ``"<campaign id>.<recipient token>"``); the earliest report is the recipient's
  ``reported_at``; time to report is ``reported_at − sent_at``, time to click the first human
  click − ``sent_at`` (negative times, a clock ahead, are left out); medians and 90th
  percentiles are nearest-rank.

**The classification pass** (``classify_campaign``) classifies all of a campaign's live hits
together (a burst or a honeypot address is seen across recipients), writes ``human`` and
``reasons`` only where they changed, and is idempotent. The landing page's beacon is given
``BEACON_GRACE`` (2 minutes) to arrive: a click, landing or submission younger than that whose
beacon has not come yet stays undecided (``human`` None) unless a rule the beacon cannot
overturn (method, prefetch, honeypot, network, user agent) already made it automated. Hits
purged by the retention limit (address emptied, classification kept) are frozen: left out of
the pass and of the others' context. The pass emits ``recipient.clicked`` and
``recipient.submitted`` webhooks the first time it finds a recipient's human click or
submission — never for a scanner's hit."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session
from typing_extensions import TypedDict

from ..core.config import Settings
from ..core.store import Store
from ..core.store.models import utcnow
from ..core.timefmt import to_datetime as _utc
from ..reports.metrics import Durations, durations
from ..reports.models import Report
from . import tracking, webhooks
from .models import SimAssignment, SimCampaign, SimGroup, SimHit, SimRecipient, SimTarget

__all__ = [
    "BEACON_GRACE",
    "CampaignMetrics",
    "CampaignSummary",
    "ClassifyCounts",
    "assign_repeat_offenders",
    "campaign_metrics",
    "classify_campaign",
    "context",
    "export_csv",
    "list_campaigns",
    "list_hits",
    "list_recipients",
    "pseudonym",
    "refresh",
    "repeat_offenders",
    "sync_reports",
    "trend",
]

#: how long a landing page's beacon is waited for before a click without one is decided
BEACON_GRACE = timedelta(minutes=2)
#: failures (campaigns with a human click or submission) that make a repeat offender
REPEAT_FAILURES = 2
#: the kinds a beacon may still confirm
_WAITS = ("click", "landing", "submit")
#: rules the beacon cannot overturn (tracking.py: rules 1–5)
_FINAL = frozenset({"method", "prefetch", "honeypot", "honeypot-ip", "network", "user-agent"})
#: the figure each hit kind counts toward
GROUPS = {"open": "open", "click": "click", "landing": "click", "submit": "submit"}
#: IN lists are sent in chunks of this many values
_CHUNK = 500


def _opt_utc(dt: datetime | None) -> datetime | None:
    return None if dt is None else _utc(dt)


def _iso(dt: datetime | None) -> str | None:
    return None if dt is None else _utc(dt).isoformat()


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def pseudonym(key: str, address: str) -> str:
    """A recipient's id in exports: an HMAC-SHA256 of the address under the installation's
    key, 16 hex digits. The same person has the same id in every campaign (repeat behaviour
    can be followed); without the key it names nobody."""
    mac = hmac.new(key.encode(), b"mailwarden-sim-person:" + address.strip().lower().encode(), hashlib.sha256)
    return mac.hexdigest()[:16]


# -- result types ------------------------------------------------------------------------------
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


class KindCount(TypedDict):
    #: recipients a person did it for
    human: int
    #: human ÷ sent
    rate: float | None
    #: every hit of the kind, scanners and replays included
    raw_hits: int
    #: recipients with any hit of the kind
    raw_recipients: int
    raw_rate: float | None


class Figures(TypedDict):
    recipients: int
    sent: int
    opened: KindCount
    clicked: KindCount
    submitted: KindCount
    reported: int
    report_rate: float | None
    failures: int
    failure_rate: float | None
    #: reported ÷ failures
    resilience: float | None
    trained: int
    completed: int
    time_to_click: Durations
    time_to_report: Durations


class DepartmentRow(TypedDict):
    department: str
    figures: Figures


class Automated(TypedDict):
    #: hits classified automated
    hits: int
    #: hits per reason code (a hit with two reasons counts under both)
    by_reason: dict[str, int]
    human_hits: int
    #: not decided yet (new, or waiting for the beacon)
    pending_hits: int


class CampaignInfo(TypedDict):
    id: int
    name: str
    template: str
    status: str
    start_at: str | None
    send_by: str | None
    finished_at: str | None
    created_at: str | None


class CampaignMetrics(TypedDict):
    campaign: CampaignInfo
    figures: Figures
    automated: Automated
    departments: list[DepartmentRow]


class CampaignSummary(TypedDict):
    campaign: CampaignInfo
    recipients: int
    sent: int
    opened: int
    clicked: int
    submitted: int
    reported: int
    failures: int
    open_rate: float | None
    click_rate: float | None
    submit_rate: float | None
    report_rate: float | None
    failure_rate: float | None
    resilience: float | None
    #: recipients with any click hit ÷ sent (what trusting every hit would say)
    raw_click_rate: float | None
    trained: int
    completed: int


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


def _info(c: SimCampaign) -> CampaignInfo:
    return {
        "id": c.id,
        "name": c.name,
        "template": c.template,
        "status": c.status,
        "start_at": _iso(c.start_at),
        "send_by": _iso(c.send_by),
        "finished_at": _iso(c.finished_at),
        "created_at": _iso(c.created_at),
    }


# -- the classification pass -------------------------------------------------------------------
def rules_for(settings: Settings) -> tracking.ScannerRules:
    """The shipped scanner rules with the installation's own file (``scanner_rules``) added."""
    return tracking.load(settings.scanner_rules) if settings.scanner_rules else tracking.shipped()


def _session_of(target: Store | Session) -> Any:
    from contextlib import nullcontext

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
            delivered_at=_opt_utc(r.sent_at),
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
    for r, hit, seen in zip(live, hits, context(hits, rules), strict=True):
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


def context(hits: Sequence[tracking.Hit], rules: tracking.ScannerRules) -> list[tracking.Seen]:
    """``tracking.context`` in linear time: the same answers (a test holds them equal), but each
    address's hits are walked once with a sliding window, where ``tracking.context`` builds the
    window's set of recipients anew for every hit — quadratic when one scanner walks a whole
    campaign of 10,000 within the burst window."""
    window = timedelta(seconds=rules.burst_seconds)
    honeypot_ips = {h.ip for h in hits if h.kind == "honeypot"}
    beacons = {(h.target, h.ip) for h in hits if h.kind == "beacon"}
    by_ip: dict[str, list[int]] = defaultdict(list)
    for i, h in enumerate(hits):
        by_ip[h.ip].append(i)
    near = [1] * len(hits)
    for idxs in by_ip.values():
        members = sorted((hits[i].at, hits[i].target) for i in idxs if hits[i].kind != "beacon")
        counts: Counter[str] = Counter()
        lo = hi = 0
        for i in sorted(idxs, key=lambda i: hits[i].at):
            at = hits[i].at
            while hi < len(members) and members[hi][0] <= at + window:
                counts[members[hi][1]] += 1
                hi += 1
            while lo < hi and members[lo][0] < at - window:
                who = members[lo][1]
                counts[who] -= 1
                if not counts[who]:
                    del counts[who]
                lo += 1
            near[i] = max(1, len(counts))
    return [
        tracking.Seen(
            recipients_from_ip=near[i],
            honeypot_from_ip=h.ip in honeypot_ips,
            beacon=(h.target, h.ip) in beacons,
        )
        for i, h in enumerate(hits)
    ]


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
    for chunk in _chunks(ids):
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
    for chunk in _chunks(keys):
        for marker, at in s.execute(
            select(Report.simulation, func.min(Report.reported_at))
            .where(Report.simulation.in_(chunk))
            .group_by(Report.simulation)
        ):
            earliest[str(marker)] = _utc(at)
    updates, first = [], []
    for marker, at in earliest.items():
        r = recips[marker]
        stored = _opt_utc(r.reported_at)
        if stored is None or at < stored:
            updates.append({"id": r.id, "reported_at": at})
        if stored is None:
            first.append((r.id, at))
    if updates:
        s.execute(update(SimRecipient), updates)
    if first:
        campaign = s.get(SimCampaign, campaign_id)
        rows: dict[int, SimRecipient] = {}
        for chunk in _chunks([i for i, _ in first]):
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


# -- figures -----------------------------------------------------------------------------------
@dataclass
class _Person:
    id: int
    target_id: int | None
    address: str
    name: str
    department: str
    status: str
    sent_at: datetime | None
    reported_at: datetime | None
    trained_at: datetime | None
    quiz_score: int | None
    completed_at: datetime | None
    #: group → the first human hit
    first: dict[str, datetime] = field(default_factory=dict)
    #: groups with any hit
    raw: set[str] = field(default_factory=set)

    @property
    def opened_at(self) -> datetime | None:
        times = [t for g, t in self.first.items() if g in ("open", "click", "submit")]
        return min(times) if times else None

    @property
    def failed(self) -> bool:
        return "click" in self.first or "submit" in self.first


def _person(r: SimRecipient) -> _Person:
    return _Person(
        r.id,
        r.target_id,
        r.address,
        r.name,
        r.department,
        r.status,
        _opt_utc(r.sent_at),
        _opt_utc(r.reported_at),
        _opt_utc(r.trained_at),
        r.quiz_score,
        _opt_utc(r.completed_at),
    )


def _load(s: Session, campaign_id: int) -> tuple[list[_Person], Counter[str], Automated]:
    people = {
        r.id: _person(r)
        for r in s.scalars(
            select(SimRecipient).where(SimRecipient.campaign_id == campaign_id).order_by(SimRecipient.id)
        )
    }
    raw_hits: Counter[str] = Counter()
    auto: Automated = {"hits": 0, "by_reason": {}, "human_hits": 0, "pending_hits": 0}
    reasons: Counter[str] = Counter()
    for rid, kind, at, human, why in s.execute(
        select(SimHit.recipient_id, SimHit.kind, SimHit.at, SimHit.human, SimHit.reasons).where(
            SimHit.campaign_id == campaign_id
        )
    ):
        if human is None:
            auto["pending_hits"] += 1
        elif human:
            auto["human_hits"] += 1
        else:
            auto["hits"] += 1
            reasons.update({str(x.get("code", "")) for x in why or []})
        p = people.get(rid)
        group = GROUPS.get(kind)
        if p is None or group is None:
            continue
        raw_hits[kind] += 1
        p.raw.add(group)
        if human:
            at = _utc(at)
            if group not in p.first or at < p.first[group]:
                p.first[group] = at
    auto["by_reason"] = dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
    return list(people.values()), raw_hits, auto


def _kind(people: list[_Person], sent: int, group: str, raw_hits: int) -> KindCount:
    if group == "open":
        human = sum(1 for p in people if p.opened_at is not None)
        raw = sum(1 for p in people if p.raw)
    else:
        human = sum(1 for p in people if group in p.first)
        raw = sum(1 for p in people if group in p.raw)
    return {
        "human": human,
        "rate": _rate(human, sent),
        "raw_hits": raw_hits,
        "raw_recipients": raw,
        "raw_rate": _rate(raw, sent),
    }


def _figures(people: list[_Person], raw_hits: Counter[str] | None = None) -> Figures:
    raw_hits = raw_hits if raw_hits is not None else Counter()
    sent = sum(1 for p in people if p.sent_at is not None)
    reported = sum(1 for p in people if p.reported_at is not None)
    failures = sum(1 for p in people if p.failed)
    to_click, to_report = [], []
    for p in people:
        if p.sent_at is None:
            continue
        if "click" in p.first and (d := (p.first["click"] - p.sent_at).total_seconds()) >= 0:
            to_click.append(d)
        if p.reported_at is not None and (d := (p.reported_at - p.sent_at).total_seconds()) >= 0:
            to_report.append(d)
    return {
        "recipients": len(people),
        "sent": sent,
        # a click proves an open: the raw side of "opened" is every hit, as its people side is
        "opened": _kind(people, sent, "open", sum(raw_hits.values())),
        "clicked": _kind(people, sent, "click", raw_hits["click"] + raw_hits["landing"]),
        "submitted": _kind(people, sent, "submit", raw_hits["submit"]),
        "reported": reported,
        "report_rate": _rate(reported, sent),
        "failures": failures,
        "failure_rate": _rate(failures, sent),
        "resilience": _rate(reported, failures),
        "trained": sum(1 for p in people if p.trained_at is not None),
        "completed": sum(1 for p in people if p.completed_at is not None),
        "time_to_click": durations(to_click),
        "time_to_report": durations(to_report),
    }


def _campaign(s: Session, campaign_id: int) -> SimCampaign:
    from ..core.errors import InputError
    from ..core.i18n import gettext

    campaign = s.get(SimCampaign, campaign_id)
    if campaign is None:
        raise InputError(gettext("no such campaign: {id}").format(id=campaign_id))
    return campaign


def campaign_metrics(
    store: Store,
    campaign_id: int,
    *,
    update_first: bool = True,
    rules: tracking.ScannerRules | None = None,
    now: datetime | None = None,
) -> CampaignMetrics:
    """A campaign's figures, automated hits by reason and per-department figures; first
    (``update_first``) the classification of new hits and the reports. InputError: no such
    campaign."""
    with store.session() as s:
        _campaign(s, campaign_id)
    if update_first:
        refresh(store, campaign_id, rules=rules, now=now)
    with store.session() as s:
        campaign = _campaign(s, campaign_id)
        people, raw_hits, auto = _load(s, campaign_id)
    by_dept: dict[str, list[_Person]] = defaultdict(list)
    for p in people:
        by_dept[p.department].append(p)
    return {
        "campaign": _info(campaign),
        "figures": _figures(people, raw_hits),
        "automated": auto,
        "departments": [{"department": d, "figures": _figures(by_dept[d])} for d in sorted(by_dept)],
    }


def _summaries(s: Session, campaigns: list[SimCampaign]) -> list[CampaignSummary]:
    ids = [c.id for c in campaigns]
    if not ids:
        return []
    per: dict[int, Counter[str]] = defaultdict(Counter)
    for cid, count, sent, reported, trained, completed in s.execute(
        select(
            SimRecipient.campaign_id,
            func.count(),
            func.count(SimRecipient.sent_at),
            func.count(SimRecipient.reported_at),
            func.count(SimRecipient.trained_at),
            func.count(SimRecipient.completed_at),
        )
        .where(SimRecipient.campaign_id.in_(ids))
        .group_by(SimRecipient.campaign_id)
    ):
        per[cid].update(recipients=count, sent=sent, reported=reported, trained=trained, completed=completed)
    # recipients with human hits of each group, and with any click hit (raw)
    groups: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    raw_click: dict[int, set[int]] = defaultdict(set)
    for cid, rid, kind, human in s.execute(
        select(SimHit.campaign_id, SimHit.recipient_id, SimHit.kind, SimHit.human)
        .where(SimHit.campaign_id.in_(ids), SimHit.kind.in_(tuple(GROUPS)))
        .distinct()
    ):
        if GROUPS[kind] == "click":
            raw_click[cid].add(rid)
        if human:
            groups[cid][rid].add(GROUPS[kind])
    out: list[CampaignSummary] = []
    for c in campaigns:
        n = per[c.id]
        sent = n.get("sent", 0)
        who = groups[c.id].values()
        opened = sum(1 for g in who if g)
        clicked = sum(1 for g in who if "click" in g)
        submitted = sum(1 for g in who if "submit" in g)
        failures = sum(1 for g in who if g & {"click", "submit"})
        reported = n.get("reported", 0)
        out.append(
            {
                "campaign": _info(c),
                "recipients": n.get("recipients", 0),
                "sent": sent,
                "opened": opened,
                "clicked": clicked,
                "submitted": submitted,
                "reported": reported,
                "failures": failures,
                "open_rate": _rate(opened, sent),
                "click_rate": _rate(clicked, sent),
                "submit_rate": _rate(submitted, sent),
                "report_rate": _rate(reported, sent),
                "failure_rate": _rate(failures, sent),
                "resilience": _rate(reported, failures),
                "raw_click_rate": _rate(len(raw_click[c.id]), sent),
                "trained": n.get("trained", 0),
                "completed": n.get("completed", 0),
            }
        )
    return out


def list_campaigns(store: Store, *, limit: int = 200, offset: int = 0) -> list[CampaignSummary]:
    """Campaigns, newest first, with their headline rates (as last classified)."""
    with store.session() as s:
        campaigns = list(
            s.scalars(select(SimCampaign).order_by(SimCampaign.id.desc()).limit(limit).offset(offset))
        )
        return _summaries(s, campaigns)


def trend(store: Store, *, limit: int = 100) -> list[CampaignSummary]:
    """One row per campaign, oldest first (by start, else creation): the figures over time."""
    with store.session() as s:
        campaigns = list(s.scalars(select(SimCampaign).order_by(SimCampaign.id.desc()).limit(limit)))
        campaigns.sort(key=lambda c: (_utc(c.start_at or c.created_at), c.id))
        return _summaries(s, campaigns)


# -- listings ----------------------------------------------------------------------------------
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
        _campaign(s, campaign_id)
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


def _recipient_row(p: _Person) -> RecipientRow:
    return {
        "id": p.id,
        "address": p.address,
        "name": p.name,
        "department": p.department,
        "status": p.status,
        "sent_at": _iso(p.sent_at),
        "opened_at": _iso(p.opened_at),
        "clicked_at": _iso(p.first.get("click")),
        "submitted_at": _iso(p.first.get("submit")),
        "reported_at": _iso(p.reported_at),
        "trained_at": _iso(p.trained_at),
        "quiz_score": p.quiz_score,
        "completed_at": _iso(p.completed_at),
        "failed": p.failed,
    }


def list_recipients(store: Store, campaign_id: int, *, limit: int = 100, offset: int = 0) -> RecipientPage:
    """A page of a campaign's recipients with what each did (first human times)."""
    with store.session() as s:
        _campaign(s, campaign_id)
        total = (
            s.scalar(
                select(func.count()).select_from(SimRecipient).where(SimRecipient.campaign_id == campaign_id)
            )
            or 0
        )
        people = [
            _person(r)
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


def _cell(text: str) -> str:
    """A spreadsheet must not read a department as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


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
            _campaign(s, campaign_id)
        refresh(store, campaign_id)
    with store.session() as s:
        _campaign(s, campaign_id)
        people, _, _ = _load(s, campaign_id)
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for p in people:
        opened = p.opened_at
        w.writerow(
            [
                pseudonym(key, p.address),
                _cell(p.department),
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


# -- repeat offenders --------------------------------------------------------------------------
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
    for chunk in _chunks(tids):
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
                "assignment_completed_at": _iso(assignments.get((tid, last_cid))),
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
                "created_at": _iso(a.created_at),
                "completed_at": _iso(a.completed_at),
            }
            for a, name, address in s.execute(
                select(SimAssignment, SimTarget.name, SimTarget.address)
                .join(SimTarget, SimTarget.id == SimAssignment.target_id)
                .order_by(SimAssignment.id.desc())
                .limit(limit)
                .offset(offset)
            )
        ]
