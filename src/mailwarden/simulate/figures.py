"""A simulation campaign's figures (what they count: ``metrics.py``), its automated hits by
reason and its per-department figures; the headline rates of many campaigns, newest first or
over time."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typing_extensions import TypedDict

from ..core.store import Store
from ..core.timefmt import to_datetime as _utc
from ..reports.metrics import Durations, durations
from . import tracking
from .classify import refresh
from .metrics import GROUPS, Automated, CampaignInfo, Person, get_campaign, info, load, rate
from .models import SimCampaign, SimHit, SimRecipient

__all__ = [
    "CampaignMetrics",
    "CampaignSummary",
    "DepartmentRow",
    "Figures",
    "KindCount",
    "campaign_metrics",
    "list_campaigns",
    "trend",
]


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


def _kind(people: list[Person], sent: int, group: str, raw_hits: int) -> KindCount:
    if group == "open":
        human = sum(1 for p in people if p.opened_at is not None)
        raw = sum(1 for p in people if p.raw)
    else:
        human = sum(1 for p in people if group in p.first)
        raw = sum(1 for p in people if group in p.raw)
    return {
        "human": human,
        "rate": rate(human, sent),
        "raw_hits": raw_hits,
        "raw_recipients": raw,
        "raw_rate": rate(raw, sent),
    }


def _figures(people: list[Person], raw_hits: Counter[str] | None = None) -> Figures:
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
        "report_rate": rate(reported, sent),
        "failures": failures,
        "failure_rate": rate(failures, sent),
        "resilience": rate(reported, failures),
        "trained": sum(1 for p in people if p.trained_at is not None),
        "completed": sum(1 for p in people if p.completed_at is not None),
        "time_to_click": durations(to_click),
        "time_to_report": durations(to_report),
    }


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
        get_campaign(s, campaign_id)
    if update_first:
        refresh(store, campaign_id, rules=rules, now=now)
    with store.session() as s:
        campaign = get_campaign(s, campaign_id)
        people, raw_hits, auto = load(s, campaign_id)
    by_dept: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        by_dept[p.department].append(p)
    return {
        "campaign": info(campaign),
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
                "campaign": info(c),
                "recipients": n.get("recipients", 0),
                "sent": sent,
                "opened": opened,
                "clicked": clicked,
                "submitted": submitted,
                "reported": reported,
                "failures": failures,
                "open_rate": rate(opened, sent),
                "click_rate": rate(clicked, sent),
                "submit_rate": rate(submitted, sent),
                "report_rate": rate(reported, sent),
                "failure_rate": rate(failures, sent),
                "resilience": rate(reported, failures),
                "raw_click_rate": rate(len(raw_click[c.id]), sent),
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
