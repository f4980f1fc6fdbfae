"""What every simulation figure counts (issue 18, points 5 and 6), and what the modules that
compute them share: the result types of a campaign and of its recipients, and each recipient's
first human hits as last classified.

The modules: ``classify.py`` (the classification pass over a campaign's stored hits and the
reports of its mail), ``figures.py`` (per campaign, per department, over campaigns),
``listings.py`` (the hits and recipients pages, the pseudonymised CSV export) and
``offenders.py`` (repeat offenders and their training assignments).

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
  percentiles are nearest-rank."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from typing_extensions import TypedDict

from ..core.errors import InputError
from ..core.i18n import gettext
from ..core.timefmt import to_datetime as _utc
from .models import SimCampaign, SimHit, SimRecipient

__all__ = [
    "CHUNK",
    "GROUPS",
    "Automated",
    "CampaignInfo",
    "Person",
    "chunks",
    "get_campaign",
    "info",
    "iso",
    "load",
    "opt_utc",
    "person",
    "rate",
]

#: the figure each hit kind counts toward
GROUPS = {"open": "open", "click": "click", "landing": "click", "submit": "submit"}
#: IN lists are sent in chunks of this many values
CHUNK = 500


def opt_utc(dt: datetime | None) -> datetime | None:
    return None if dt is None else _utc(dt)


def iso(dt: datetime | None) -> str | None:
    return None if dt is None else _utc(dt).isoformat()


def rate(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


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


def info(c: SimCampaign) -> CampaignInfo:
    return {
        "id": c.id,
        "name": c.name,
        "template": c.template,
        "status": c.status,
        "start_at": iso(c.start_at),
        "send_by": iso(c.send_by),
        "finished_at": iso(c.finished_at),
        "created_at": iso(c.created_at),
    }


@dataclass
class Person:
    """A recipient and what they did: the first human hit of each group, the groups hit at all."""

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


def person(r: SimRecipient) -> Person:
    return Person(
        r.id,
        r.target_id,
        r.address,
        r.name,
        r.department,
        r.status,
        opt_utc(r.sent_at),
        opt_utc(r.reported_at),
        opt_utc(r.trained_at),
        r.quiz_score,
        opt_utc(r.completed_at),
    )


def load(s: Session, campaign_id: int) -> tuple[list[Person], Counter[str], Automated]:
    """A campaign's recipients with their hits as last classified, the raw hits of each kind,
    and the automated hits by reason."""
    people = {
        r.id: person(r)
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


def get_campaign(s: Session, campaign_id: int) -> SimCampaign:
    """The campaign; InputError when there is none."""
    campaign = s.get(SimCampaign, campaign_id)
    if campaign is None:
        raise InputError(gettext("no such campaign: {id}").format(id=campaign_id))
    return campaign
