"""How staff report, measured over a period: reports per day, time-to-report (the reported
message's arrival — its newest Received line, else its Date — to the report), time-to-triage
(report to the decision on its cluster), clusters and their sizes, each reporter's accuracy
(the share of their resolved reports that were phishing), and the lures (subjects) and senders
reported most.

Reports of our own simulations are counted apart (``simulations``) and left out of the rest.
Medians and 90th percentiles are nearest-rank (the value at rank ⌈p·n⌉ of the sorted values),
in seconds; a negative time-to-report (a sender's clock ahead) is left out."""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from typing_extensions import TypedDict

from ..core.store import Store
from ..core.store.models import utcnow
from .models import Report, ReportCluster

TOP = 10
TOP_REPORTERS = 50
#: cluster size buckets: (label, smallest, largest)
SIZE_BUCKETS = (("1", 1, 1), ("2-4", 2, 4), ("5-9", 5, 9), ("10-49", 10, 49), ("50+", 50, None))


class DayRow(TypedDict):
    #: the day's start, seconds since the epoch (UTC)
    day: int
    date: str
    reports: int
    phishing: int
    #: share of the day's reports resolved phishing (0 when none)
    phishing_rate: float


class Durations(TypedDict):
    count: int
    median_seconds: float | None
    p90_seconds: float | None


class SizeRow(TypedDict):
    size: str
    clusters: int


class ClusterStats(TypedDict):
    count: int
    open: int
    largest: int
    sizes: list[SizeRow]


class ReporterRow(TypedDict):
    reporter: str
    reports: int
    resolved: int
    phishing: int
    #: phishing / resolved (None until one of their reports is resolved)
    accuracy: float | None


class CountRow(TypedDict):
    value: str
    reports: int


class ReportMetrics(TypedDict):
    since: str
    until: str
    days: int
    reports: int
    simulations: int
    per_day: list[DayRow]
    time_to_report: Durations
    time_to_triage: Durations
    clusters: ClusterStats
    reporters: list[ReporterRow]
    top_subjects: list[CountRow]
    top_senders: list[CountRow]


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def nearest_rank(values: list[float], p: float) -> float | None:
    """The value at rank ⌈p·n⌉ of the sorted values (None for none)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p * len(ordered))) - 1]


def durations(values: list[float]) -> Durations:
    return {
        "count": len(values),
        "median_seconds": nearest_rank(values, 0.5),
        "p90_seconds": nearest_rank(values, 0.9),
    }


def _top(counter: Counter[str]) -> list[CountRow]:
    return [
        {"value": v, "reports": n} for v, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    ]


def compute(store: Store, days: int = 30, now: datetime | None = None) -> ReportMetrics:
    """The metrics of the reports made in the last ``days`` days (to ``now``)."""
    days = max(1, min(days, 3660))
    until = _utc(now) or utcnow()
    start = (until - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    with store.session() as s:
        rows = s.execute(
            select(
                Report.reported_at,
                Report.message_received_at,
                Report.reporter,
                Report.sender,
                Report.subject,
                Report.classification,
                Report.cluster_id,
                ReportCluster.decided_at,
            )
            .outerjoin(ReportCluster, ReportCluster.id == Report.cluster_id)
            .where(Report.reported_at >= start, Report.reported_at <= until)
        ).all()
        groups = s.execute(
            select(ReportCluster.size, ReportCluster.status).where(
                ReportCluster.id.in_(
                    select(Report.cluster_id).where(
                        Report.reported_at >= start,
                        Report.reported_at <= until,
                        Report.cluster_id.is_not(None),
                    )
                )
            )
        ).all()
        total_clusters = len(groups)
    per_day: dict[int, list[int]] = {}
    first_day = int(start.timestamp()) // 86400
    last_day = int(until.timestamp()) // 86400
    for d in range(first_day, last_day + 1):
        per_day[d] = [0, 0]
    to_report: list[float] = []
    to_triage: list[float] = []
    people: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    subjects: Counter[str] = Counter()
    senders: Counter[str] = Counter()
    simulations = 0
    for reported_at, received_at, reporter, sender, subject, classification, _cid, decided_at in rows:
        if classification == "simulation":
            simulations += 1
            continue
        at = _utc(reported_at) or until
        day = per_day.setdefault(int(at.timestamp()) // 86400, [0, 0])
        day[0] += 1
        if classification == "phishing":
            day[1] += 1
        received = _utc(received_at)
        if received is not None and received <= at:
            to_report.append((at - received).total_seconds())
        decided = _utc(decided_at)
        if classification is not None and decided is not None and decided >= at:
            to_triage.append((decided - at).total_seconds())
        if reporter:
            mine = people[reporter]
            mine[0] += 1
            if classification is not None:
                mine[1] += 1
                mine[2] += classification == "phishing"
        if subject:
            subjects[subject[:200]] += 1
        if sender:
            senders[sender] += 1
    sizes = [int(size) for size, _ in groups]
    reporters: list[ReporterRow] = [
        {
            "reporter": who,
            "reports": n,
            "resolved": done,
            "phishing": hits,
            "accuracy": round(hits / done, 4) if done else None,
        }
        for who, (n, done, hits) in sorted(people.items(), key=lambda kv: (-kv[1][0], kv[0]))[:TOP_REPORTERS]
    ]
    return {
        "since": start.isoformat(),
        "until": until.isoformat(),
        "days": days,
        "reports": sum(v[0] for v in per_day.values()),
        "simulations": simulations,
        "per_day": [
            {
                "day": d * 86400,
                "date": datetime.fromtimestamp(d * 86400, UTC).date().isoformat(),
                "reports": n,
                "phishing": p,
                "phishing_rate": round(p / n, 4) if n else 0.0,
            }
            for d, (n, p) in sorted(per_day.items())
        ],
        "time_to_report": durations(to_report),
        "time_to_triage": durations(to_triage),
        "clusters": {
            "count": total_clusters,
            "open": sum(1 for _, status in groups if status != "resolved"),
            "largest": max(sizes, default=0),
            "sizes": [
                {
                    "size": label,
                    "clusters": sum(1 for n in sizes if n >= low and (high is None or n <= high)),
                }
                for label, low, high in SIZE_BUCKETS
            ],
        },
        "reporters": reporters,
        "top_subjects": _top(subjects),
        "top_senders": _top(senders),
    }


def to_csv(m: ReportMetrics) -> str:
    """The metrics as one long table: metric, key, value."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["metric", "key", "value"])
    rows: list[tuple[str, str, Any]] = [("period", m["since"], m["until"]), ("reports", "", m["reports"])]
    rows.append(("simulations", "", m["simulations"]))
    for d in m["per_day"]:
        rows.append(("reports_per_day", d["date"], d["reports"]))
        rows.append(("phishing_per_day", d["date"], d["phishing"]))
    for name in ("time_to_report", "time_to_triage"):
        dur: Durations = m[name]
        rows.append((f"{name}_count", "", dur["count"]))
        rows.append(
            (f"{name}_median_seconds", "", "" if dur["median_seconds"] is None else dur["median_seconds"])
        )
        rows.append((f"{name}_p90_seconds", "", "" if dur["p90_seconds"] is None else dur["p90_seconds"]))
    c = m["clusters"]
    rows += [
        ("clusters", "", c["count"]),
        ("clusters_open", "", c["open"]),
        ("cluster_largest", "", c["largest"]),
    ]
    rows += [("cluster_sizes", b["size"], b["clusters"]) for b in c["sizes"]]
    for r in m["reporters"]:
        rows.append(("reporter_reports", r["reporter"], r["reports"]))
        rows.append(("reporter_accuracy", r["reporter"], "" if r["accuracy"] is None else r["accuracy"]))
    rows += [("top_subject", t["value"], t["reports"]) for t in m["top_subjects"]]
    rows += [("top_sender", t["value"], t["reports"]) for t in m["top_senders"]]
    for metric, key, value in rows:
        w.writerow([metric, cell(key), value])
    return buf.getvalue()


def cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet will not read as a formula (a leading =, +, -, @,
    tab or carriage return is quoted away): subjects, departments, anything people typed."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
