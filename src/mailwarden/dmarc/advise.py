"""``dmarc advise``: when and how to move to p=reject, from the live policy and the reports.

The plan follows DMARCbis (RFC 9989): there is no pct ramp, so each stage is first
announced with t=y (receivers apply one step less), then enforced. Receivers still on
RFC 7489 ignore t=y, so testing steps also carry pct=0, which gives them the same
one-step-less policy (``domain.dmarc.TESTING_PCT``).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from ..core.dns import Resolver
from ..core.i18n import N_, gettext
from ..core.store import Store
from ..domain.dmarc import DmarcSyntaxError, audit_dmarc, parse_record, staged_plan, vet_dmarc
from ..domain.mtasts import audit_mta_sts
from .analysis import LEGITIMATE, summarise
from .models import AggregateReport, TlsPolicyResult
from .result import DmarcSummary

STAGE_DAYS = 14  # time at each stage before the next: two weekly report cycles
MIN_DAYS_OF_DATA = 14
MIN_PASS_SHARE = 0.98  # of the mail from known, legitimate sources
MAX_UNFIXED_SHARE = 0.001  # a legitimate source below 0.1 % of volume does not hold the plan up

CRITERIA = {
    "reports": N_("Aggregate reports cover at least {days} days"),
    "rua": N_("The policy asks for aggregate reports (rua=)"),
    "legitimate-pass": N_("At least 98% of mail from legitimate sources passes DMARC"),
    "no-unfixed-sources": N_("No legitimate source above 0.1% of the volume still fails"),
}
RFC7489_NOTE = N_(
    "Testing steps carry t=y and, for receivers still on RFC 7489, pct=0: both apply one step "
    "less than the stated policy. Read the reports before each step."
)
DROPPED_TEXT = N_(
    "Reports to {uri} are left out of the plan: {target} has not authorised reports for this "
    "domain. To keep them, ask the owner of {target} to publish a TXT record 'v=DMARC1' at {record}."
)
STAGE_TEXT = {
    "none": N_("Monitor only"),
    "quarantine-testing": N_("Announce quarantine in testing mode"),
    "quarantine": N_("Quarantine failing mail"),
    "reject-testing": N_("Announce reject in testing mode"),
    "reject": N_("Reject failing mail, subdomains and non-existent subdomains included"),
}


def _stored_policy(
    store: Store, domain: str, since: int, until: int | None = None
) -> tuple[dict[str, Any] | None, int | None]:
    """The policy the reporters saw most recently, and the start of the first report that
    began in [since, until)."""
    with store.session() as s:
        latest = s.scalar(
            select(AggregateReport.policy)
            .where(AggregateReport.policy_domain == domain)
            .order_by(AggregateReport.begin.desc())
            .limit(1)
        )
        first_begin = s.scalar(
            select(func.min(AggregateReport.begin)).where(
                AggregateReport.policy_domain == domain,
                AggregateReport.begin >= since,
                AggregateReport.begin < (until if until is not None else 2**62),
            )
        )
    return latest, first_begin


async def advise(
    store: Store,
    domain: str,
    *,
    resolver: Resolver | None,
    days: int = 30,
    report_to: str | None = None,
    https_port: int = 443,
    ca_file: Any = None,
    today: datetime | None = None,
    since: int | None = None,
    until: int | None = None,
    summary: DmarcSummary | None = None,
) -> dict[str, Any]:
    """The advice over the reports that began in [since, until) (default: the last ``days``
    days). A caller that shows a summary hands it in (``summary=``, made by ``summarise``
    over the same period), so the advice counts the very rows the summary shows."""
    domain = domain.lower().rstrip(".")
    now = today or datetime.now(UTC)
    if since is None:
        since = summary["since"] if summary is not None else int(now.timestamp()) - days * 86400
    live: dict[str, Any] = {}
    record_text = None
    if resolver is not None:
        check = await audit_dmarc(domain, resolver=resolver, report_to=report_to)
        live = {"status": check.status, "record": check.record, **check.data}
        record_text = check.record
    # store reads are blocking: a worker thread, not the event loop
    latest, first_begin = await asyncio.to_thread(_stored_policy, store, domain, since, until)
    if record_text is None and latest:
        # offline: the policy the reporters saw most recently
        record_text = "v=DMARC1; " + "; ".join(f"{k}={v}" for k, v in latest.items() if k != "domain" and v)
    try:
        rec = parse_record(record_text) if record_text else None
    except DmarcSyntaxError:
        rec = None
    if summary is None:
        summary = await summarise(store, domain, since=since, until=until, resolver=resolver)
    total = summary["totals"]["messages"]
    failing = total - round(summary["totals"]["dmarc_pass_rate"] * total)
    legit = [r for r in summary["sources"] if r["classification"] in ("aligned", LEGITIMATE)]
    legit_total = sum(r["messages"] for r in legit)
    legit_fail = [r for r in summary["sources"] if r["classification"] == LEGITIMATE]
    legit_fail_msgs = sum(r["messages"] - round(r["dmarc_pass_rate"] * r["messages"]) for r in legit_fail)
    # the data reaches to the period's end, or to now for a period that has not ended
    data_end = min(until, int(now.timestamp())) if until is not None else int(now.timestamp())
    data_days = (data_end - first_begin) / 86400 if first_begin else 0
    blocking = [r for r in legit_fail if total and r["messages"] / total > MAX_UNFIXED_SHARE]
    criteria = {
        "reports": data_days >= MIN_DAYS_OF_DATA,
        "rua": bool(rec and rec.uris("rua")),
        "legitimate-pass": bool(legit_total)
        and (legit_total - legit_fail_msgs) / legit_total >= MIN_PASS_SHARE,
        "no-unfixed-sources": not blocking,
    }
    ready = all(criteria.values())
    simulation = {
        policy: {
            "messages_affected": failing,
            "legitimate_messages_affected": legit_fail_msgs,
            "legitimate_sources_affected": [
                {
                    "source_ip": r["source_ip"],
                    "service": r["service"],
                    "messages": r["messages"],
                    "fixes": r["fixes"],
                }
                for r in legit_fail
            ],
        }
        for policy in ("quarantine", "reject")
    }
    # Each step keeps the record's other tags; report addresses in another organisation that
    # has not authorised them are left out (and listed with the record that would authorise
    # them); every step is audited itself before it is shown.
    plan_to = report_to or f"dmarc-reports@{domain}"
    stages, dropped = await staged_plan(rec, domain, plan_to, resolver)
    if resolver is not None:
        stages = [
            (stage, record)
            for stage, record in stages
            if not await vet_dmarc(domain, record, resolver, report_to=plan_to, policy=stage.split("-")[0])
        ]
    dropped_reports = [
        {
            "uri": d.uri,
            "target": d.target,
            "record": f'{d.record}. TXT "v=DMARC1"',
            "text": gettext(DROPPED_TEXT).format(uri=d.uri, target=d.target, record=d.record),
        }
        for d in dropped
    ]
    start = now.date() if ready else None
    plan = []
    for i, (stage, record) in enumerate(stages):
        when = (start + timedelta(days=STAGE_DAYS * i)).isoformat() if start else None
        plan.append(
            {
                "stage": stage,
                "action": gettext(STAGE_TEXT[stage]),
                "record": f'_dmarc.{domain}. TXT "{record}"',
                "date": when,
            }
        )
    tls = await _tls_advice(
        store, domain, since, until, resolver=resolver, https_port=https_port, ca_file=ca_file
    )
    return {
        "domain": domain,
        "days": days,
        "since": since,
        "until": until,
        "live_policy": live or None,
        "policy": rec.policy if rec else None,
        "testing": rec.testing if rec else None,
        "ready": ready,
        "criteria": [
            {"id": k, "text": gettext(CRITERIA[k]).format(days=MIN_DAYS_OF_DATA), "met": v}
            for k, v in criteria.items()
        ],
        "blocking_sources": [
            {"source_ip": r["source_ip"], "service": r["service"], "fixes": r["fixes"]} for r in blocking
        ],
        "simulation": simulation,
        "plan": plan,
        "dropped_reports": dropped_reports,
        "note": gettext(RFC7489_NOTE),
        "mta_sts": tls,
        "totals": summary["totals"],
        "summary": summary,
    }


def _tls_counts(store: Store, domain: str, since: int, until: int | None = None) -> tuple[int, int, int]:
    with store.session() as s:
        row = s.execute(
            select(
                func.coalesce(func.sum(TlsPolicyResult.successful), 0),
                func.coalesce(func.sum(TlsPolicyResult.failed), 0),
                func.count(),
            ).where(
                TlsPolicyResult.policy_domain == domain,
                TlsPolicyResult.begin >= since,
                TlsPolicyResult.begin < (until if until is not None else 2**62),
            )
        ).one()
    return int(row[0]), int(row[1]), int(row[2])


async def _tls_advice(
    store: Store,
    domain: str,
    since: int,
    until: int | None = None,
    *,
    resolver: Resolver | None,
    https_port: int,
    ca_file: Any,
) -> dict[str, Any]:
    ok, failed, reports = await asyncio.to_thread(_tls_counts, store, domain, since, until)
    mode = None
    if resolver is not None:
        check = await audit_mta_sts(domain, resolver=resolver, mx_hosts=[], port=https_port, ca_file=ca_file)
        mode = check.data.get("mode")
    if mode == "testing" and reports and failed == 0:
        advice = gettext("TLS reports show no failures: move the MTA-STS policy from testing to enforce.")
    elif mode == "testing" and failed:
        advice = gettext(
            "TLS reports show {failed} failed sessions: fix them before moving to enforce."
        ).format(failed=failed)
    elif mode == "testing":
        advice = gettext("No TLS reports yet: publish TLS-RPT and wait for reports before enforcing.")
    else:
        advice = ""
    return {
        "mode": mode,
        "tls_reports": reports,
        "successful_sessions": ok,
        "failed_sessions": failed,
        "advice": advice,
    }
