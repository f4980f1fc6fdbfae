"""The retention limit of raw tracking hits (issue 18, point 5): a hit older than
``MAILWARDEN_SIM_RETENTION_DAYS`` (180 by default) loses what identifies a machine or a person
— its address, user agent and request headers — and keeps its kind, time, classification and
reasons, so that every figure stays as it was. Webhook deliveries past the limit that are done with
(sent, or given up) are deleted: their payloads name people too.

Hits still undecided when they reach the limit are classified first (their campaign's pass
runs before anything is emptied). Once emptied, a hit is frozen: later classification passes
leave it as it is (``classify.py``). ``purge`` is what the background worker runs (daily is
enough) and what ``mailwarden campaign purge`` and ``POST /api/campaigns/purge`` call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import String, cast, delete, or_, select, update
from typing_extensions import TypedDict

from ..core.config import Settings
from ..core.store import Store
from ..core.store.models import utcnow
from . import classify, tracking
from .models import SimHit, SimWebhookDelivery

__all__ = ["PurgeCounts", "purge", "run"]


class PurgeCounts(TypedDict):
    #: the limit: hits before this lost their address, user agent and headers
    before: str
    days: int
    #: hits emptied by this run
    hits: int
    #: webhook deliveries (sent or given up) deleted by this run
    deliveries: int
    #: campaigns classified first (they had undecided hits past the limit)
    classified_campaigns: int


def purge(
    store: Store,
    *,
    days: int,
    now: datetime | None = None,
    rules: tracking.ScannerRules | None = None,
) -> PurgeCounts:
    """Empty the address, user agent and headers of the hits older than ``days`` days."""
    if days < 0:
        raise ValueError("days must not be negative")
    moment = now or utcnow()
    moment = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    before = moment - timedelta(days=days)
    with store.session() as s:
        undecided = list(
            s.scalars(select(SimHit.campaign_id).where(SimHit.at < before, SimHit.human.is_(None)).distinct())
        )
    for campaign_id in undecided:
        classify.classify_campaign(store, campaign_id, rules=rules, now=moment)
    with store.session(write=True) as s:
        result = s.execute(
            update(SimHit)
            .where(
                SimHit.at < before,
                or_(SimHit.ip != "", SimHit.user_agent != "", cast(SimHit.headers, String) != "{}"),
            )
            .values(ip="", user_agent="", headers={})
            .execution_options(synchronize_session=False)
        )
        emptied = int(getattr(result, "rowcount", 0) or 0)
        # webhook deliveries done with: their payloads name people too
        gone = s.execute(
            delete(SimWebhookDelivery)
            .where(SimWebhookDelivery.created_at < before, SimWebhookDelivery.status.in_(("sent", "failed")))
            .execution_options(synchronize_session=False)
        )
        deliveries = int(getattr(gone, "rowcount", 0) or 0)
    return {
        "before": before.isoformat(),
        "days": days,
        "hits": emptied,
        "deliveries": deliveries,
        "classified_campaigns": len(undecided),
    }


def run(store: Store, settings: Settings, now: datetime | None = None) -> PurgeCounts:
    """The background worker's call: the configured limit."""
    return purge(store, days=settings.sim_retention_days, now=now, rules=classify.rules_for(settings))
