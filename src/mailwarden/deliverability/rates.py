"""Bounce, complaint, deferral and unsubscribe rates per sending domain, provider and day,
assessed against the receivers' and providers' thresholds (``thresholds.yaml``).

Denominator: a provider's SENT events when it emitted any for that domain and day (SES "Send",
SendGrid "processed"); otherwise delivered + bounced (Postmark, for one, has no "sent" event).
Counting is done by the database (GROUP BY domain, provider, day, kind, bounce): only the groups
come back, never the rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import and_, func, select

from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.store import Store
from .models import DeliveryEvent, PostmasterStat

__all__ = [
    "LEVELS",
    "MIN_VOLUME",
    "Assessment",
    "DayRates",
    "PairRates",
    "PostmasterRate",
    "RateFigures",
    "RatesReport",
    "Rule",
    "assess",
    "load_rules",
    "rates",
]

#: below this many messages a rate is shown but not judged (no alert)
MIN_VOLUME = 100
LEVELS = ("ok", "watch", "warning", "critical")
METRICS = ("bounce_rate", "hard_bounce_rate", "complaint_rate", "deferral_rate", "unsubscribe_rate")

_EXPLAIN = {
    "hard_bounce_rate": N_("Hard bounce rate {rate} (threshold {threshold}, {level})."),
    "bounce_rate": N_("Bounce rate {rate} (threshold {threshold}, {level})."),
    "complaint_rate": N_("Complaint (spam) rate {rate} (threshold {threshold}, {level})."),
}
_ACTION = {
    "hard_bounce_rate": N_(
        "Stop sending to addresses that bounced, clean the list, and check how addresses are collected."
    ),
    "bounce_rate": N_("Stop sending to addresses that bounced and clean the list."),
    "complaint_rate": N_(
        "Send only to people who asked for mail, make unsubscribing one click, and reduce frequency."
    ),
}
_LEVEL_NAMES = {"ok": N_("ok"), "watch": N_("watch"), "warning": N_("warning"), "critical": N_("critical")}


@dataclass(frozen=True)
class Rule:
    id: str
    metric: str
    providers: tuple[str, ...]
    levels: dict[str, float]  # watch/warning/critical → rate
    source: str

    def applies(self, provider: str) -> bool:
        return "*" in self.providers or provider in self.providers


@cache
def load_rules() -> tuple[Rule, ...]:
    text = resources.files("mailwarden.deliverability").joinpath("thresholds.yaml").read_text("utf-8")
    out = []
    for r in yaml.safe_load(text)["rules"]:
        levels = {k: float(r[k]) for k in ("watch", "warning", "critical") if k in r}
        out.append(Rule(r["id"], r["metric"], tuple(r["providers"]), levels, r["source"]))
    return tuple(out)


@dataclass
class RateFigures:
    counts: dict[str, int] = field(default_factory=dict)  # kind → count
    hard: int = 0
    soft: int = 0
    basis: str = "sent"  # "sent" or "delivered+bounced"
    denominator: int = 0
    bounce_rate: float = 0.0
    hard_bounce_rate: float = 0.0
    soft_bounce_rate: float = 0.0
    complaint_rate: float = 0.0
    deferral_rate: float = 0.0
    unsubscribe_rate: float = 0.0
    too_few: bool = True

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.too_few:
            d["note"] = _("too few messages to judge")
        return d


@dataclass
class Assessment:
    rule: str
    metric: str
    rate: float
    threshold: float  # the level's threshold reached, or the lowest one when ok
    level: str
    source: str
    explanation: str
    action: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DayRates:
    domain: str
    provider: str
    day: date
    figures: RateFigures
    moving7: RateFigures  # the 7 days ending on this day

    def to_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "provider": self.provider,
            "day": self.day.isoformat(),
            "figures": self.figures.to_dict(),
            "moving7": self.moving7.to_dict(),
        }


@dataclass
class PairRates:
    domain: str
    provider: str
    figures: RateFigures
    previous: RateFigures
    trends: dict[str, str]  # metric → up/down/flat against the previous window
    assessments: list[Assessment]
    days: list[DayRates] = field(default_factory=list)

    @property
    def level(self) -> str:
        return max((a.level for a in self.assessments), key=LEVELS.index, default="ok")

    def to_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "provider": self.provider,
            "level": self.level,
            "figures": self.figures.to_dict(),
            "previous": self.previous.to_dict(),
            "trends": self.trends,
            "assessments": [a.to_dict() for a in self.assessments],
            "days": [d.to_dict() for d in self.days],
        }


@dataclass
class PostmasterRate:
    """Gmail's own spam rate for a domain (Postmaster Tools), its latest day in the window."""

    domain: str
    day: date
    spam_rate: float
    assessment: Assessment

    def to_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "day": self.day.isoformat(),
            "spam_rate": self.spam_rate,
            "assessment": self.assessment.to_dict(),
        }


@dataclass
class RatesReport:
    since: date
    until: date
    pairs: list[PairRates]
    postmaster: list[PostmasterRate] = field(default_factory=list)

    @property
    def level(self) -> str:
        levels = [p.level for p in self.pairs] + [g.assessment.level for g in self.postmaster]
        return max(levels, key=LEVELS.index, default="ok")

    def to_dict(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "level": self.level,
            "pairs": [p.to_dict() for p in self.pairs],
            "postmaster": [g.to_dict() for g in self.postmaster],
        }


# (kind, bounce) → count, per day
_Cell = dict[tuple[str, str], int]


def figures(cells: list[_Cell], *, sent_days: int | None = None) -> RateFigures:
    """Rates of the summed ``cells`` (one per day). The denominator is summed day by day: a
    day's SENT when the provider emitted any, otherwise its delivered + bounced."""
    counts: dict[str, int] = defaultdict(int)
    hard = soft = denominator = 0
    used_sent = used_other = False
    for cell in cells:
        day_counts: dict[str, int] = defaultdict(int)
        for (kind, bounce), n in cell.items():
            day_counts[kind] += n
            if kind == "bounced":
                if bounce == "hard":
                    hard += n
                else:
                    soft += n
        for k, n in day_counts.items():
            counts[k] += n
        if day_counts.get("sent", 0) > 0:
            denominator += day_counts["sent"]
            used_sent = True
        elif day_counts.get("delivered", 0) or day_counts.get("bounced", 0):
            denominator += day_counts.get("delivered", 0) + day_counts.get("bounced", 0)
            used_other = True
    f = RateFigures(counts=dict(counts), hard=hard, soft=soft, denominator=denominator)
    f.basis = (
        "sent"
        if used_sent and not used_other
        else "delivered+bounced"
        if used_other and not used_sent
        else "mixed"
        if used_sent
        else "sent"
    )
    if denominator:
        f.bounce_rate = counts.get("bounced", 0) / denominator
        f.hard_bounce_rate = hard / denominator
        f.soft_bounce_rate = soft / denominator
        f.complaint_rate = counts.get("complained", 0) / denominator
        f.deferral_rate = counts.get("deferred", 0) / denominator
        f.unsubscribe_rate = counts.get("unsubscribed", 0) / denominator
    f.too_few = denominator < MIN_VOLUME
    return f


def _pct(rate: float) -> str:
    return f"{rate * 100:.2f}%"


def assess(provider: str, f: RateFigures, *, extra: dict[str, float] | None = None) -> list[Assessment]:
    """Every rule that applies to ``provider``, on ``f``'s rates (``extra`` overrides a metric,
    e.g. Postmaster Tools' spam rate for ``complaint_rate``). Too few messages: no assessment."""
    out: list[Assessment] = []
    if f.too_few and not extra:
        return out
    for rule in load_rules():
        if not rule.applies(provider):
            continue
        if extra and rule.metric in extra:
            rate = extra[rule.metric]
        elif f.too_few:
            continue
        else:
            rate = float(getattr(f, rule.metric))
        level, threshold = "ok", min(rule.levels.values())
        for name in ("watch", "warning", "critical"):
            if name in rule.levels and rate >= rule.levels[name]:
                level, threshold = name, rule.levels[name]
        explanation = _(_EXPLAIN.get(rule.metric, _EXPLAIN["bounce_rate"])).format(
            rate=_pct(rate), threshold=_pct(threshold), level=_(_LEVEL_NAMES[level])
        )
        action = _(_ACTION[rule.metric]) if level != "ok" else ""
        out.append(Assessment(rule.id, rule.metric, rate, threshold, level, rule.source, explanation, action))
    return out


def _trend(now: float, before: float) -> str:
    # a change under a tenth of the earlier figure (or 0.01 points) is noise
    if abs(now - before) <= max(before * 0.1, 0.0001):
        return "flat"
    return "up" if now > before else "down"


def rates(
    store: Store,
    *,
    domain: str | None = None,
    provider: str | None = None,
    since: date,
    until: date,
    with_days: bool = True,
) -> RatesReport:
    """Rates per (domain, provider) over ``since``..``until`` (inclusive), each day's with a
    7-day moving figure, and the trend against the previous window of the same length."""
    length = (until - since).days + 1
    prev_since = since - timedelta(days=length)
    first = min(prev_since, since - timedelta(days=6))
    t = DeliveryEvent
    conds = [t.day >= first, t.day <= until]
    if domain is not None:
        conds.append(t.domain == domain.lower())
    if provider is not None:
        conds.append(t.provider == provider)
    stmt = (
        select(t.domain, t.provider, t.day, t.kind, t.bounce, func.count())
        .where(and_(*conds))
        .group_by(t.domain, t.provider, t.day, t.kind, t.bounce)
    )
    grid: dict[tuple[str, str], dict[date, _Cell]] = defaultdict(lambda: defaultdict(dict))
    with store.session() as s:
        for d, p, day, kind, bounce, n in s.execute(stmt):
            grid[(d, p)][day][(kind, bounce or "")] = int(n)
    pairs = []
    for (d, p), by_day in sorted(grid.items()):
        in_window = [c for day, c in by_day.items() if since <= day <= until]
        if not in_window:
            continue
        now = figures(in_window)
        prev = figures([c for day, c in by_day.items() if prev_since <= day < since])
        trends = {m: _trend(getattr(now, m), getattr(prev, m)) for m in METRICS}
        pair = PairRates(d, p, now, prev, trends, assess(p, now))
        if with_days:
            for i in range(length):
                day = since + timedelta(days=i)
                if day not in by_day:
                    continue
                week = [by_day[x] for x in (day - timedelta(days=k) for k in range(7)) if x in by_day]
                pair.days.append(DayRates(d, p, day, figures([by_day[day]]), figures(week)))
        pairs.append(pair)
    report = RatesReport(since, until, pairs)
    if provider in (None, "gmail"):
        report.postmaster = _postmaster(store, domain, since, until)
    return report


def _postmaster(store: Store, domain: str | None, since: date, until: date) -> list[PostmasterRate]:
    t = PostmasterStat
    conds = [t.day >= since, t.day <= until, t.spam_rate.is_not(None)]
    if domain is not None:
        conds.append(t.domain == domain.lower())
    latest = select(t.domain, func.max(t.day).label("day")).where(and_(*conds)).group_by(t.domain).subquery()
    stmt = (
        select(t.domain, t.day, t.spam_rate)
        .join(latest, and_(t.domain == latest.c.domain, t.day == latest.c.day))
        .order_by(t.domain)
    )
    out = []
    with store.session() as s:
        for d, day, value in s.execute(stmt):
            rate = float(value or 0.0)  # NULLs are filtered out above
            found = [
                a
                for a in assess("gmail", RateFigures(), extra={"complaint_rate": rate})
                if a.rule == "gmail-spam"
            ]
            out.append(PostmasterRate(d, day, rate, found[0]))
    return out
