"""The cloud audit's result type: one :class:`CheckResult` per check (its code is a finding code
in the registry, with title, rationale, remediation and Security Hub control as data), and the
:class:`CloudAudit` every face renders (table, JSON, SARIF, OCSF, ASFF, the console)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from ..core.findings import Finding, Severity, get_def
from . import codes  # noqa: F401  (the check definitions: every CheckResult names one)
from .session import Unavailable


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    #: the audit could not ask what the check needs (AccessDenied, a Region off): never a pass
    UNDETERMINED = "undetermined"


@dataclass
class CheckResult:
    """One check over every resource it applies to.

    ``findings`` hold one :class:`Finding` (code = ``check``) per failing resource, its subject
    the resource's ARN or name and its params what the detail text names. ``undetermined``
    lists why parts could not be checked (``iam:GenerateCredentialReport: AccessDenied``); a
    check with findings fails even when some parts were undetermined."""

    check: str
    findings: list[Finding] = field(default_factory=list)
    #: how many resources were looked at (users, keys, identities, Regions…)
    checked: int = 0
    undetermined: list[str] = field(default_factory=list)

    @property
    def status(self) -> Status:
        if self.findings:
            return Status.FAIL
        if self.undetermined:
            return Status.UNDETERMINED
        return Status.PASS

    @property
    def severity(self) -> Severity:
        return get_def(self.check).severity

    def fail(self, subject: str, **params: Any) -> Finding:
        """Adds (and returns) a finding of this check about ``subject``."""
        f = Finding(self.check, subject=subject, params=params)
        self.findings.append(f)
        return f

    def cannot(self, why: Unavailable | str) -> None:
        reason = why.reason if isinstance(why, Unavailable) else why
        if reason not in self.undetermined:
            self.undetermined.append(reason)

    def to_dict(self) -> dict[str, Any]:
        d = get_def(self.check)
        return {
            "check": self.check,
            "status": str(self.status),
            "severity": str(d.severity),
            "controls": list(d.controls),
            "checked": self.checked,
            "undetermined": list(self.undetermined),
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class Facts:
    """What a collector gathered: values by name, and for each value it could not get, why.

    Collectors store what they got with ``facts.put(name, value)`` and a refusal with
    ``facts.missing[name] = reason``; checks ask ``facts.need(result, name, ...)``, which marks
    the check undetermined when a value is missing."""

    values: dict[str, Any] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)

    def put(self, name: str, value: Any) -> None:
        self.values[name] = value

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def gather(self, name: str, fetch: Callable[[], Any]) -> Any:
        """``fetch()`` stored under ``name``; a refusal is recorded (and ``None`` returned)."""
        try:
            value = fetch()
        except Unavailable as exc:
            self.missing[name] = exc.reason
            return None
        self.values[name] = value
        return value

    def gather_all(self, jobs: list[tuple[str, Callable[[], Any]]], workers: int = 8) -> None:
        """Every ``(name, fetch)`` on threads, each stored as :meth:`gather` stores one (a refusal
        recorded under its name); stored in the order given, whatever order they finish in."""
        if not jobs:
            return
        with ThreadPoolExecutor(min(workers, len(jobs)), thread_name_prefix="cloud-collect") as pool:
            futures = [(name, pool.submit(_attempt, fetch)) for name, fetch in jobs]
        for name, future in futures:
            ok, value = future.result()
            if ok:
                self.values[name] = value
            else:
                self.missing[name] = value

    def need(self, result: CheckResult, *names: str) -> bool:
        """True when every named value is there; otherwise the check is marked undetermined."""
        ok = True
        for name in names:
            if name not in self.values:
                result.cannot(self.missing.get(name, f"{name}: not collected"))
                ok = False
        return ok


def _attempt(fetch: Callable[[], Any]) -> tuple[bool, Any]:
    try:
        return True, fetch()
    except Unavailable as exc:
        return False, exc.reason


@dataclass(frozen=True)
class Scope:
    """What every area's checks are told about the audit as a whole."""

    account_id: str
    regions: tuple[str, ...]
    now: datetime
    #: Regions where SES sends for the account (identities, production access or mail in the
    #: last 24 hours), found by the SES area; GuardDuty and alarms are expected there
    sending_regions: tuple[str, ...] = ()
    partition: str = "aws"


@dataclass
class DomainAlignment:
    """A verified SES domain identity seen through the domain audit: can mail SES sends for it
    pass DMARC, and how (DKIM aligned through SES's Easy DKIM or BYODKIM, SPF aligned through a
    custom MAIL FROM)."""

    domain: str
    region: str
    dkim_aligned: bool | None
    spf_aligned: bool | None
    dmarc_policy: str | None
    grade: str | None = None
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "region": self.region,
            "dkim_aligned": self.dkim_aligned,
            "spf_aligned": self.spf_aligned,
            "dmarc_policy": self.dmarc_policy,
            "grade": self.grade,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class CloudAudit:
    """The result of ``mailwarden cloud audit``."""

    account_id: str
    partition: str
    regions: list[str]
    started: str  # ISO 8601, UTC
    finished: str
    checks: list[CheckResult] = field(default_factory=list)
    domains: list[DomainAlignment] = field(default_factory=list)
    #: every API action the audit called, once each (``iam:GetCredentialReport``)
    actions: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for c in self.checks for f in c.findings]

    def counts(self) -> dict[str, int]:
        out = {str(s): 0 for s in Status}
        for c in self.checks:
            out[str(c.status)] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "partition": self.partition,
            "regions": self.regions,
            "started": self.started,
            "finished": self.finished,
            "counts": self.counts(),
            "checks": [c.to_dict() for c in self.checks],
            "domains": [d.to_dict() for d in self.domains],
            "actions": self.actions,
        }


def by_severity(checks: Iterable[CheckResult]) -> list[CheckResult]:
    """Failing checks first, worst first; then undetermined; then passing (the order to fix in)."""
    order = {Status.FAIL: 0, Status.UNDETERMINED: 1, Status.PASS: 2}
    return sorted(checks, key=lambda c: (order[c.status], -c.severity.rank, c.check))
