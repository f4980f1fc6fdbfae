"""What the sender test inbox says about one message: the checks (each a finding code whose
severity gives its status), the authentication results, the connection, the score and grade,
and whether each large receiver's bulk-sender rules are met.

``SenderReport.to_dict()`` is the stable JSON the CLI prints, the store keeps
(``sender_checks.report``) and the console reads; texts are rendered in the current language
when it is called."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...core.findings import Finding, Severity
from . import codes  # noqa: F401  (registers the codes)

STATUS = {
    Severity.OK: "pass",
    Severity.ERROR: "fail",
    Severity.WARNING: "warn",
    Severity.NOTICE: "info",
    Severity.INFO: "info",
}

#: the checks each receiver's bulk-sender rules require (2024–25): Gmail and Yahoo since
#: February 2024 (https://support.google.com/a/answer/81126, https://senders.yahooinc.com/best-practices/),
#: Outlook.com since May 2025 (SPF, DKIM and DMARC p=none or stricter, aligned).
REQUIRED: dict[str, frozenset[str]] = {
    "gmail": frozenset(
        {
            "spf",
            "dkim",
            "dmarc",
            "unsubscribe",
            "unsubscribe-post",
            "unsubscribe-signed",
            "tls",
            "ptr",
            "fcrdns",
            "from",
            "message-id",
            "date",
            "phishing",
        }
    ),
    "yahoo": frozenset(
        {
            "spf",
            "dkim",
            "dmarc",
            "unsubscribe",
            "unsubscribe-post",
            "unsubscribe-signed",
            "ptr",
            "fcrdns",
            "from",
        }
    ),
    "outlook": frozenset({"spf", "dkim", "dmarc", "from"}),
}
RECEIVERS = tuple(REQUIRED)


def receivers_of(check: str) -> list[str]:
    """The receivers whose rules name the check; ``all`` when every one does, or when none
    does (good practice everywhere)."""
    named = [r for r in RECEIVERS if check in REQUIRED[r]]
    return named if named and len(named) < len(RECEIVERS) else ["all"]


@dataclass
class Check:
    """One check's outcome: ``name`` is stable (``spf``, ``unsubscribe-signed``), ``code`` the
    finding code of the outcome (``sender.spf-fail``)."""

    name: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    fix: str | None = None
    skipped: bool = False

    @property
    def finding(self) -> Finding:
        return Finding(self.code, params=self.params, fix=self.fix)

    @property
    def status(self) -> str:
        return "skipped" if self.skipped else STATUS[self.finding.severity]

    @property
    def penalty(self) -> int:
        return 0 if self.skipped else self.finding.definition.penalty

    def to_dict(self) -> dict[str, Any]:
        f = self.finding
        return {
            "name": self.name,
            "code": self.code,
            "status": self.status,
            "receivers": receivers_of(self.name),
            "title": f.title,
            "detail": f.detail,
            "remediation": f.remediation if self.status != "pass" else "",
            "fix": self.fix,
            "penalty": self.penalty,
            "params": {k: v for k, v in self.params.items()},
        }


@dataclass
class SenderReport:
    """See the module docstring; ``score`` is 0–100 and ``grade`` A–F (grade.py)."""

    sender: str = ""
    subject: str = ""
    size: int = 0
    message_id: str = ""
    client_ip: str | None = None
    helo: str = ""
    mail_from: str | None = None
    #: None when not known (a file checked); else {"used": bool, "version": …, "cipher": …}
    tls: dict[str, Any] | None = None
    authentication: dict[str, Any] = field(default_factory=dict)
    analysis: dict[str, Any] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    score: int = 0
    grade: str = ""

    def add(
        self, check: str, code: str, /, *, fix: str | None = None, skipped: bool = False, **params: Any
    ) -> Check:
        c = Check(check, code, params, fix, skipped)
        self.checks.append(c)
        return c

    def check(self, name: str) -> Check | None:
        return next((c for c in self.checks if c.name == name), None)

    def counts(self) -> dict[str, int]:
        out = {"pass": 0, "fail": 0, "warn": 0, "info": 0, "skipped": 0}
        for c in self.checks:
            out[c.status] += 1
        return out

    def receivers(self) -> dict[str, dict[str, Any]]:
        """Per receiver: ``meets`` True (every required check passes or only warns), False
        (one fails), None (none fails but one could not be checked); the failing checks."""
        verdicts: dict[str, dict[str, Any]] = {}
        for r, names in REQUIRED.items():
            mine = [c for c in self.checks if c.name in names]
            failing = [c.name for c in mine if c.status == "fail"]
            unknown = [c.name for c in mine if c.status == "skipped" and c.name not in failing]
            meets: bool | None = False if failing else (None if unknown else True)
            verdicts[r] = {"meets": meets, "failing": failing, "unchecked": unknown}
        return verdicts

    def failed(self) -> bool:
        return any(c.status == "fail" for c in self.checks)

    def summary(self) -> str:
        c = self.counts()
        subject = self.subject[:60]
        counts = f"fail={c['fail']} warn={c['warn']}"
        return f"{self.grade} {self.score}/100 {self.sender or '-'} “{subject}” {counts}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "subject": self.subject,
            "size": self.size,
            "message_id": self.message_id,
            "connection": {
                "client_ip": self.client_ip,
                "helo": self.helo,
                "mail_from": self.mail_from,
                "tls": self.tls,
            },
            "authentication": self.authentication,
            "score": self.score,
            "grade": self.grade,
            "counts": self.counts(),
            "receivers": self.receivers(),
            "checks": [c.to_dict() for c in self.checks],
            "analysis": self.analysis,
        }


def localised(report: dict[str, Any]) -> dict[str, Any]:
    """A kept ``to_dict()`` with each check's title, detail and remediation rendered again in
    the current language (they were rendered in the language of the moment it was graded)."""
    checks = []
    for c in report.get("checks", []):
        try:
            f = Finding(c["code"], params=c.get("params") or {}, fix=c.get("fix"))
            texts = {
                "title": f.title,
                "detail": f.detail,
                "remediation": f.remediation if c.get("status") != "pass" else "",
            }
        except (KeyError, TypeError, ValueError):  # a code no longer defined: keep what was kept
            texts = {}
        checks.append({**c, **texts})
    return {**report, "checks": checks}
