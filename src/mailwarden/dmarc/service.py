"""What the console does with DMARC reports: list domains, ingest uploads, read failure and
SMTP TLS reports."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from ..core.store import Store
from .ingest import Ingestor, Outcome, counts
from .models import AggregateReport, FailureReport, TlsPolicyResult, TlsReport

MAX_UPLOAD = 100 * 1024 * 1024


def domains(store: Store) -> list[dict[str, Any]]:
    """Every domain with stored reports of any kind: its aggregate reports (count, messages,
    first and last day), failure reports and TLS reports; most messages first."""
    aggregate = select(
        AggregateReport.policy_domain,
        func.count(),
        func.sum(AggregateReport.message_count),
        func.min(AggregateReport.begin),
        func.max(AggregateReport.end),
    ).group_by(AggregateReport.policy_domain)
    failures = select(FailureReport.reported_domain, func.count()).group_by(FailureReport.reported_domain)
    tls = select(
        TlsPolicyResult.policy_domain, func.count(func.distinct(TlsPolicyResult.report_pk))
    ).group_by(TlsPolicyResult.policy_domain)
    out: dict[str, dict[str, Any]] = {}

    def entry(domain: str) -> dict[str, Any]:
        return out.setdefault(
            domain,
            {
                "domain": domain,
                "reports": 0,
                "messages": 0,
                "first": None,
                "last": None,
                "failures": 0,
                "tls": 0,
            },
        )

    with store.session() as s:
        for d, n, m, b, e in s.execute(aggregate):
            entry(d).update(reports=n, messages=int(m or 0), first=b, last=e)
        for d, n in s.execute(failures):
            entry(d)["failures"] = int(n)
        for d, n in s.execute(tls):
            entry(d)["tls"] = int(n)
    return sorted(out.values(), key=lambda r: (-r["messages"], -r["reports"], r["domain"]))


def ingest_upload(store: Store, files: list[tuple[str, bytes]]) -> dict[str, Any]:
    ingestor = Ingestor(store)
    outcomes: list[Outcome] = []
    for name, data in files:
        outcomes.extend(ingestor.ingest_bytes(name, data))
    return {"counts": counts(outcomes), "outcomes": [o.to_dict() for o in outcomes]}


# -- failure (RUF) reports -------------------------------------------------------------------
# Every field below comes from mail anyone can send: shown as text (escaped), never as markup.

FAILURE_LIST_LIMIT = 500


def _failure_row(r: FailureReport) -> dict[str, Any]:
    return {
        "id": r.id,
        "received": r.created_at.isoformat() if r.created_at else None,
        "feedback_type": r.feedback_type,
        "reported_domain": r.reported_domain,
        "source_ip": r.source_ip,
        "arrival_date": r.arrival_date,
        "auth_failure": r.auth_failure,
        "identity_alignment": r.identity_alignment,
        "original_mail_from": r.original_mail_from,
        "dkim_domain": r.dkim_domain,
        "dkim_selector": r.dkim_selector,
        "delivery_result": r.delivery_result,
        "reporter": r.reporter,
        "subject": str((r.original_headers or {}).get("subject", "")),
    }


def failure_reports(
    store: Store,
    domain: str,
    since: int | None = None,
    until: int | None = None,
    limit: int = FAILURE_LIST_LIMIT,
    source_ip: str | None = None,
) -> list[dict[str, Any]]:
    """The domain's failure reports, newest first (received in [since, until), about mail
    from ``source_ip``, when given)."""
    domain = domain.lower().rstrip(".")
    q = select(FailureReport).where(FailureReport.reported_domain == domain)
    if source_ip is not None:
        q = q.where(FailureReport.source_ip == source_ip)
    if since is not None:
        q = q.where(FailureReport.created_at >= datetime.fromtimestamp(since, UTC))
    if until is not None:
        q = q.where(FailureReport.created_at < datetime.fromtimestamp(until, UTC))
    q = q.order_by(FailureReport.created_at.desc(), FailureReport.id.desc()).limit(limit)
    with store.session() as s:
        return [_failure_row(r) for r in s.scalars(q)]


def failure_report(store: Store, domain: str, report_id: int) -> dict[str, Any] | None:
    """One failure report with every field the reporter sent and the original's headers."""
    domain = domain.lower().rstrip(".")
    with store.session() as s:
        r = s.get(FailureReport, report_id)
        if r is None or r.reported_domain != domain:
            return None
        return {
            **_failure_row(r),
            "original_headers": {str(k): str(v) for k, v in (r.original_headers or {}).items()},
            "fields": {str(k): str(v) for k, v in (r.fields or {}).items()},
            "origin": r.origin,
        }


# -- SMTP TLS reports (RFC 8460) -------------------------------------------------------------

TLS_LIST_LIMIT = 500


def tls_reports(
    store: Store, domain: str, since: int | None = None, until: int | None = None, limit: int = TLS_LIST_LIMIT
) -> list[dict[str, Any]]:
    """The TLS reports about the domain's policies, newest first, with their session counts
    for this domain (a report may cover several domains)."""
    domain = domain.lower().rstrip(".")
    q = (
        select(
            TlsReport.id,
            TlsReport.org_name,
            TlsReport.report_id,
            TlsReport.begin,
            TlsReport.end,
            TlsReport.contact,
            func.sum(TlsPolicyResult.successful),
            func.sum(TlsPolicyResult.failed),
            func.count(),
        )
        .join(TlsPolicyResult, TlsPolicyResult.report_pk == TlsReport.id)
        .where(TlsPolicyResult.policy_domain == domain)
    )
    if since is not None:
        q = q.where(TlsPolicyResult.begin >= since)
    if until is not None:
        q = q.where(TlsPolicyResult.begin < until)
    q = (
        q.group_by(
            TlsReport.id,
            TlsReport.org_name,
            TlsReport.report_id,
            TlsReport.begin,
            TlsReport.end,
            TlsReport.contact,
        )
        .order_by(TlsReport.begin.desc(), TlsReport.id.desc())
        .limit(limit)
    )
    with store.session() as s:
        return [
            {
                "id": pk,
                "reporter": org,
                "report_id": rid,
                "begin": begin,
                "end": end,
                "contact": contact,
                "successful_sessions": int(ok or 0),
                "failed_sessions": int(failed or 0),
                "policies": int(n),
            }
            for pk, org, rid, begin, end, contact, ok, failed, n in s.execute(q)
        ]


def tls_report(store: Store, domain: str, report_id: int) -> dict[str, Any] | None:
    """One TLS report: its policies for the domain, with the failure details as reported."""
    domain = domain.lower().rstrip(".")
    with store.session() as s:
        rep = s.get(TlsReport, report_id)
        if rep is None:
            return None
        results = s.scalars(
            select(TlsPolicyResult)
            .where(TlsPolicyResult.report_pk == rep.id, TlsPolicyResult.policy_domain == domain)
            .order_by(TlsPolicyResult.id)
        ).all()
        if not results:
            return None
        return {
            "id": rep.id,
            "reporter": rep.org_name,
            "report_id": rep.report_id,
            "begin": rep.begin,
            "end": rep.end,
            "contact": rep.contact,
            "origin": rep.origin,
            "policies": [
                {
                    "policy_type": p.policy_type,
                    "policy_domain": p.policy_domain,
                    "policy_strings": [str(x) for x in p.policy_strings or []],
                    "mx_hosts": [str(x) for x in p.mx_hosts or []],
                    "successful_sessions": int(p.successful),
                    "failed_sessions": int(p.failed),
                    "failure_details": [_tls_detail(d) for d in p.failure_details or []],
                }
                for p in results
            ],
        }


def _tls_detail(d: dict[str, Any]) -> dict[str, Any]:
    """One failure-details entry (RFC 8460 §4.3) with the fields a reader looks for first."""
    return {
        "result_type": str(d.get("result-type", "")),
        "sending_mta_ip": str(d.get("sending-mta-ip", "")),
        "receiving_mx_hostname": str(d.get("receiving-mx-hostname", "")),
        "receiving_ip": str(d.get("receiving-ip", "")),
        "failed_sessions": _int(d.get("failed-session-count")),
        "additional_information": str(d.get("additional-information", "")),
        "failure_reason_code": str(d.get("failure-reason-code", "")),
    }


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
