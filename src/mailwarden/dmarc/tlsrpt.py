"""SMTP TLS reports (RFC 8460 §4): JSON, possibly gzipped (application/tlsrpt+gzip)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from ..core.errors import ReportRejected
from ..core.i18n import gettext

MAX_JSON = 20 * 1024 * 1024


@dataclass
class TlsReport:
    org_name: str
    report_id: str
    begin: int
    end: int
    contact: str
    policies: list[dict[str, Any]] = field(default_factory=list)


def _ts(text: Any, name: str) -> int:
    if not isinstance(text, str):
        raise ReportRejected(gettext("required field {name} is missing").format(name=name))
    try:
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())
    except ValueError as exc:
        raise ReportRejected(gettext("{name} is not an RFC 3339 date-time").format(name=name)) from exc


def _count(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10**12:
        raise ReportRejected(gettext("{name} must be a non-negative integer").format(name=name))
    return value


def parse_tls_report(stream: IO[bytes]) -> TlsReport:
    data = stream.read(MAX_JSON + 1)
    if len(data) > MAX_JSON:
        raise ReportRejected(gettext("larger than {limit} bytes").format(limit=MAX_JSON))
    try:
        doc = json.loads(data.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        raise ReportRejected(gettext("not valid JSON: {error}").format(error=exc)) from exc
    if not isinstance(doc, dict):
        raise ReportRejected(gettext("a TLS report must be a JSON object"))
    dr = doc.get("date-range") or {}
    if not isinstance(dr, dict):
        raise ReportRejected(gettext("required field {name} is missing").format(name="date-range"))
    org = doc.get("organization-name")
    rid = doc.get("report-id")
    for name, value in (("organization-name", org), ("report-id", rid)):
        if not isinstance(value, str) or not value.strip():
            raise ReportRejected(gettext("required field {name} is missing").format(name=name))
    rep = TlsReport(
        org_name=str(org).strip(),
        report_id=str(rid).strip(),
        begin=_ts(dr.get("start-datetime"), "start-datetime"),
        end=_ts(dr.get("end-datetime"), "end-datetime"),
        contact=str(doc.get("contact-info") or ""),
    )
    policies = doc.get("policies")
    if not isinstance(policies, list):
        raise ReportRejected(gettext("required field {name} is missing").format(name="policies"))
    for i, entry in enumerate(policies):
        if not isinstance(entry, dict):
            raise ReportRejected(gettext("policies[{i}] is not an object").format(i=i))
        pol = entry.get("policy") or {}
        summ = entry.get("summary") or {}
        details = entry.get("failure-details") or []
        if not isinstance(pol, dict) or not isinstance(summ, dict) or not isinstance(details, list):
            raise ReportRejected(gettext("policies[{i}] is malformed").format(i=i))
        rep.policies.append(
            {
                "policy_type": str(pol.get("policy-type", "")),
                "policy_domain": str(pol.get("policy-domain", "")).lower().rstrip("."),
                "policy_strings": [str(s) for s in pol.get("policy-string", []) or []][:100],
                "mx_hosts": [str(s) for s in pol.get("mx-host", []) or []][:100],
                "successful": _count(
                    summ.get("total-successful-session-count", 0), "total-successful-session-count"
                ),
                "failed": _count(summ.get("total-failure-session-count", 0), "total-failure-session-count"),
                "failure_details": [d for d in details if isinstance(d, dict)][:1000],
            }
        )
    return rep
