"""Console: the overview, the landing page after login — per domain a traffic-light posture
and the one next step, the DMARC pass rate over the last period with data, the gateway's
holds awaiting a decision and the latest serious findings. JSON twin: ``/api/overview``
(times ISO UTC); ``/api/`` keeps the latest checks and surveys."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import case, func, or_, select

from ...core.config import Settings
from ...core.findings import Finding
from ...core.i18n import N_, gettext
from ...core.render import severity_label
from ...core.store import DomainCheck, Store
from ...dmarc.models import AggregateRecord, AggregateReport
from ...domain import service
from ...gateway.spool import Spool
from ..console import ConsoleDep
from ..security import current_user

User = Annotated[dict[str, Any], Depends(current_user)]

router = APIRouter()

DAY = 86400
PERIOD_DAYS = 30  # the DMARC pass rate: the last 30 days that end with the newest report
MAX_DOMAINS = 100
#: (level, label): a word and a sign beside the colour, never the colour alone
POSTURES = {
    "red": ("✕", N_("Action needed")),
    "amber": ("!", N_("Needs attention")),
    "green": ("✓", N_("Good")),
}
ORDER = {"red": 0, "amber": 1, "green": 2}


def posture(grade: str | None, policy: str | None) -> str:
    """Red: a grade of D or F, or no DMARC policy. Green: a grade of A or B with a DMARC policy
    that acts on failing mail (quarantine or reject). Amber: anything between, and a domain
    not yet checked (no grade)."""
    if grade in ("D", "F") or not policy:
        return "red"
    if grade in ("A", "B") and policy in ("quarantine", "reject"):
        return "green"
    return "amber"


def _findings(report: dict[str, Any]) -> list[Finding]:
    raw = list(report.get("findings") or [])
    for check in (report.get("checks") or {}).values():
        raw.extend(check.get("findings") or [])
    out = []
    for f in raw:
        try:
            out.append(Finding.from_dict(f))
        except (KeyError, ValueError):  # a code no longer in the registry: not shown
            continue
    return out


def _next_step(findings: list[Finding], check_id: int) -> dict[str, Any] | None:
    """The highest-severity finding with a remediation (notice or worse), in the reader's language."""
    worth = [f for f in findings if f.severity.rank >= 2 and f.definition.remediation]
    if not worth:
        return None
    top = max(worth, key=lambda f: f.severity.rank)  # the first of the worst: the report's order
    return {
        "code": top.code,
        "severity": str(top.severity),
        "title": top.title,
        "remediation": top.remediation,
        "href": f"/domains/{check_id}",
    }


def _latest_checks(store: Store) -> list[DomainCheck]:
    with store.session() as s:
        newest = select(func.max(DomainCheck.id)).group_by(DomainCheck.domain).scalar_subquery()
        q = select(DomainCheck).where(DomainCheck.id.in_(newest)).order_by(DomainCheck.domain)
        return list(s.scalars(q.limit(MAX_DOMAINS)))


def _dmarc_policies(store: Store) -> dict[str, str]:
    """The policy (p=) each domain's newest aggregate report says was published."""
    with store.session() as s:
        newest = (
            select(func.max(AggregateReport.id)).group_by(AggregateReport.policy_domain).scalar_subquery()
        )
        rows = s.execute(
            select(AggregateReport.policy_domain, AggregateReport.policy).where(
                AggregateReport.id.in_(newest)
            )
        ).all()
    return {d: str((p or {}).get("p", "")).lower() for d, p in rows}


def dmarc_rates(store: Store, domain: str) -> dict[str, Any] | None:
    """DMARC pass rate over the last ``PERIOD_DAYS`` days that end with the newest record: one
    aggregate query (by day) on the (domain, begin) index."""
    with store.session() as s:
        last = s.scalar(
            select(func.max(AggregateRecord.begin)).where(AggregateRecord.policy_domain == domain)
        )
        if last is None:
            return None
        start = (last // DAY - (PERIOD_DAYS - 1)) * DAY
        day = (AggregateRecord.begin // DAY).label("day")
        rows = s.execute(
            select(
                day,
                func.sum(AggregateRecord.count),
                func.sum(
                    case(
                        (
                            or_(AggregateRecord.dkim_aligned, AggregateRecord.spf_aligned),
                            AggregateRecord.count,
                        ),
                        else_=0,
                    )
                ),
            )
            .where(AggregateRecord.policy_domain == domain, AggregateRecord.begin >= start)
            .group_by(day)
            .order_by(day)
        ).all()
    days = [(int(d) * DAY, int(m or 0), int(p or 0)) for d, m, p in rows]
    messages = sum(m for _, m, _ in days)
    passed = sum(p for _, _, p in days)
    return {
        "messages": messages,
        "dmarc_pass_rate": round(passed / messages, 4) if messages else 0.0,
        "from": datetime.fromtimestamp(start, UTC).isoformat(),
        "to": datetime.fromtimestamp(last // DAY * DAY + DAY - 1, UTC).isoformat(),
        "days": [
            {"day": datetime.fromtimestamp(d, UTC).date().isoformat(), "rate": round(p / m, 4) if m else 0.0}
            for d, m, p in days
        ],
    }


def sparkline(days: list[dict[str, Any]], width: int = 120, height: int = 28) -> str:
    """The points of an inline SVG polyline: each day's pass rate, 100 % at the top."""
    if not days:
        return ""
    if len(days) == 1:
        y = round(height - days[0]["rate"] * (height - 2) - 1, 1)
        return f"0,{y} {width},{y}"
    step = width / (len(days) - 1)
    return " ".join(f"{i * step:.1f},{height - d['rate'] * (height - 2) - 1:.1f}" for i, d in enumerate(days))


def gateway_holds(settings: Settings) -> dict[str, Any]:
    """Messages the gateway holds for a decision, from its spool (none when there is no spool
    yet: the overview never makes one)."""
    root = settings.spool_dir()
    if not (root / "held").is_dir():
        return {"held": 0, "delayed": 0, "href": "/gateway/queue"}
    spool = Spool(root)
    return {"held": len(spool.ids("held")), "delayed": len(spool.ids("delayed")), "href": "/gateway/queue"}


def overview_data(store: Store, settings: Settings) -> dict[str, Any]:
    """Store and spool reads: called on a worker thread (the language travels with it)."""
    checks = _latest_checks(store)
    policies = _dmarc_policies(store)
    domains: dict[str, dict[str, Any]] = {}
    serious: list[tuple[int, str, dict[str, Any]]] = []
    for c in checks:
        findings = _findings(c.report)
        dmarc = (c.report.get("checks") or {}).get("dmarc") or {}
        policy = (dmarc.get("data") or {}).get("policy") if dmarc.get("status") == "present" else None
        domains[c.domain] = {
            "domain": c.domain,
            "display_name": c.report.get("display_name", c.domain),
            "grade": c.grade,
            "score": c.score,
            "policy": policy,
            "checked_at": c.created_at.isoformat(),
            "check_id": c.id,
            "next_step": _next_step(findings, c.id),
        }
        for f in findings:
            if f.severity.rank >= 3:  # errors and warnings
                item = {
                    "domain": c.domain,
                    "code": f.code,
                    "severity": str(f.severity),
                    "severity_label": severity_label(f.severity),
                    "title": f.title,
                    "checked_at": c.created_at.isoformat(),
                    "href": f"/domains/{c.id}",
                }
                serious.append((f.severity.rank, c.created_at.isoformat(), item))
    for domain, policy in policies.items():
        if domain not in domains and len(domains) < MAX_DOMAINS:
            domains[domain] = {
                "domain": domain,
                "display_name": domain,
                "grade": None,
                "score": None,
                "policy": policy or None,
                "checked_at": None,
                "check_id": None,
                "next_step": {
                    "code": None,
                    "severity": "notice",
                    "title": gettext("Not checked yet"),
                    "remediation": gettext("Check the domain's records to grade it."),
                    "href": "/domains",
                },
            }
    rows = []
    for d in domains.values():
        level = posture(d["grade"], d["policy"])
        sign, label = POSTURES[level]
        rates = dmarc_rates(store, d["domain"]) if d["domain"] in policies else None
        rows.append(
            {
                **d,
                "posture": {"level": level, "sign": sign, "label": gettext(label)},
                "dmarc": rates,
                "sparkline": sparkline(rates["days"]) if rates else "",
            }
        )
    rows.sort(key=lambda r: (ORDER[r["posture"]["level"]], r["domain"]))
    serious.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return {
        "domains": rows,
        "gateway": gateway_holds(settings),
        "findings": [item for _, _, item in serious[:10]],
    }


def dashboard_data(store: Store) -> dict[str, Any]:
    """Store queries: called on a worker thread."""
    return {
        "recent_checks": service.recent_checks(store, 10),
        "surveys": service.list_surveys(store)[:10],
    }


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def home(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    data = await asyncio.to_thread(overview_data, c.store, c.settings)
    return c.page(request, "overview.html", data=data)


@router.get("/api/overview", tags=["dashboard"])
async def api_overview(c: ConsoleDep, user: User) -> dict[str, Any]:
    """Per domain: posture (green, amber, red, with its label), grade, DMARC policy, the next
    step, the DMARC pass rate over the last period with data; the gateway's holds awaiting a
    decision; the latest errors and warnings. Times are ISO 8601, UTC."""
    data = await asyncio.to_thread(overview_data, c.store, c.settings)
    for row in data["domains"]:
        row.pop("sparkline", None)
    return data


@router.get("/api/", tags=["dashboard"])
async def api_home(c: ConsoleDep, user: User) -> dict[str, Any]:
    """The latest domain checks and surveys."""
    return await asyncio.to_thread(dashboard_data, c.store)
