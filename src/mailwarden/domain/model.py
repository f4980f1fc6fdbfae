"""Data returned by the domain audit: one CheckResult per standard, one DomainReport per domain."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

from ..core.findings import Finding, FindingJson, Severity, worst

_EXACT = ConfigDict(extra="forbid")


@with_config(_EXACT)
class CheckJson(TypedDict):
    """One standard's result (SPF, DMARC, DKIM…): status, the record, data, findings."""

    status: str
    record: str | None
    data: dict[str, Any]
    findings: list[FindingJson]


@with_config(_EXACT)
class DomainReportJson(TypedDict):
    """A domain's report as every face shows it and the store keeps it
    (docs/schemas/domain-report.json)."""

    domain: str
    display_name: str
    grade: str
    score: int
    error: str | None
    checks: dict[str, CheckJson]
    findings: list[FindingJson]
    readiness: list[dict[str, Any]]
    fixes: list[dict[str, str]]
    duration_ms: int


@dataclass
class CheckResult:
    #: spf, dmarc, dkim, mx, mta-sts, tlsrpt, bimi, dnssec, smtp
    name: str
    #: present | absent | invalid | undetermined
    status: str = "absent"
    record: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def add(
        self, code: str, domain: str, *, evidence: str | None = None, fix: str | None = None, **params: Any
    ) -> Finding:
        params.setdefault("domain", domain)
        f = Finding(code, subject=domain, params=params, evidence=evidence, fix=fix)
        self.findings.append(f)
        return f

    def undetermined(self, code: str, domain: str, **params: Any) -> CheckResult:
        """Mark the check undetermined — a DNS failure is not an absence — with its finding."""
        self.status = "undetermined"
        self.add(code, domain, **params)
        return self

    def to_dict(self) -> CheckJson:
        return {
            "status": self.status,
            "record": self.record,
            "data": self.data,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class DomainReport:
    domain: str
    display_name: str
    checks: dict[str, CheckResult] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    score: int = 0
    grade: str = "F"
    readiness: list[dict[str, Any]] = field(default_factory=list)
    fixes: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None
    duration_ms: int = 0

    def all_findings(self) -> list[Finding]:
        out = list(self.findings)
        for c in self.checks.values():
            out.extend(c.findings)
        return out

    @property
    def worst(self) -> Severity:
        return worst(self.all_findings())

    def to_dict(self) -> DomainReportJson:
        return {
            "domain": self.domain,
            "display_name": self.display_name,
            "grade": self.grade,
            "score": self.score,
            "error": self.error,
            "checks": {k: v.to_dict() for k, v in self.checks.items()},
            "findings": [f.to_dict() for f in self.findings],
            "readiness": self.readiness,
            "fixes": self.fixes,
            "duration_ms": self.duration_ms,
        }
