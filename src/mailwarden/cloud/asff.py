"""The cloud audit in the AWS Security Finding Format (ASFF, schema 2018-10-08), ready for
``aws securityhub batch-import-findings`` into the account's own Security Hub (the ``default``
product of the account, which every account may import into).

One finding per failing resource (Compliance FAILED), one per check with parts undetermined
(NOT_AVAILABLE: "could not be performed due to … an API error") and, when asked, one per passing
check (PASSED, severity INFORMATIONAL, as Security Hub's own control findings). Ids are stable,
so a second import updates the findings of the first instead of adding new ones."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..core.findings import Finding, Severity, get_def
from ..core.i18n import gettext
from .model import CheckResult, CloudAudit, Status
from .ocsf import finding_uid

SCHEMA_VERSION = "2018-10-08"
TYPES = ["Software and Configuration Checks/AWS Security Best Practices"]
LABEL = {
    Severity.ERROR: "HIGH",
    Severity.WARNING: "MEDIUM",
    Severity.NOTICE: "LOW",
    Severity.INFO: "INFORMATIONAL",
    Severity.OK: "INFORMATIONAL",
}
_COMPLIANCE = {Status.FAIL: "FAILED", Status.UNDETERMINED: "NOT_AVAILABLE", Status.PASS: "PASSED"}
# the limits of BatchImportFindings (longer values are refused)
TITLE_MAX, DESCRIPTION_MAX, RECOMMENDATION_MAX = 256, 1024, 512


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _timestamp(value: str) -> str:
    """ISO 8601 in UTC with a Z, as ASFF asks (``2026-12-05T01:28:45.000Z``)."""
    dt = datetime.fromisoformat(value.replace("Z", "+00:00")) if value else datetime.now(UTC)
    dt = (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(UTC)
    return f"{dt:%Y-%m-%dT%H:%M:%S}.{dt.microsecond // 1000:03d}Z"


def _resource(audit: CloudAudit, subject: str, resource_type: str, region: str) -> dict[str, str]:
    # an account is named as Security Hub's own findings name it
    rid = f"AWS::::Account:{audit.account_id}" if resource_type == "AwsAccount" else subject
    return {"Type": resource_type, "Id": rid, "Partition": audit.partition, "Region": region}


def _compliance(check: CheckResult, status: Status) -> dict[str, Any]:
    d = get_def(check.check)
    out: dict[str, Any] = {"Status": _COMPLIANCE[status]}
    hub = [c.split(":", 1)[1] for c in d.controls if c.startswith("SecurityHub:")]
    if hub:
        out["SecurityControlId"] = hub[0]
    if d.controls:
        out["RelatedRequirements"] = list(d.controls)[:32]
    return out


def to_asff(audit: CloudAudit, region: str, *, passing: bool = False) -> list[dict[str, Any]]:
    """The audit's findings as ASFF, to import into Security Hub in ``region``."""
    product_arn = (
        f"arn:{audit.partition}:securityhub:{region}:{audit.account_id}:product/{audit.account_id}/default"
    )
    when = _timestamp(audit.finished)
    account_arn = f"arn:{audit.partition}:iam::{audit.account_id}:root"

    def finding(
        check: CheckResult,
        status: Status,
        key: str,
        title: str,
        description: str,
        remediation: str,
        severity: Severity,
        resource: dict[str, str],
    ) -> dict[str, Any]:
        d = get_def(check.check)
        out: dict[str, Any] = {
            "SchemaVersion": SCHEMA_VERSION,
            "Id": f"mailwarden/{check.check}/{finding_uid(audit.account_id, check.check, key)}",
            "ProductArn": product_arn,
            "ProductName": "mailwarden",
            "CompanyName": "mailwarden",
            "GeneratorId": check.check,
            "AwsAccountId": audit.account_id,
            "Types": list(TYPES),
            "CreatedAt": when,
            "UpdatedAt": when,
            "Severity": {"Label": LABEL[severity], "Original": str(severity)},
            "Title": _cut(title, TITLE_MAX),
            "Description": _cut(description or title, DESCRIPTION_MAX),
            "Resources": [resource],
            "Compliance": _compliance(check, status),
            "RecordState": "ACTIVE",
            "Workflow": {"Status": "NEW"},
            "ProductFields": {"mailwarden/Check": check.check, "mailwarden/Status": str(status)},
        }
        recommendation: dict[str, str] = {}
        if remediation:
            recommendation["Text"] = _cut(remediation, RECOMMENDATION_MAX)
        if d.references:
            recommendation["Url"] = d.references[0]
        if recommendation:
            out["Remediation"] = {"Recommendation": recommendation}
        return out

    out: list[dict[str, Any]] = []
    for check in audit.checks:
        d = get_def(check.check)
        for f in check.findings:
            where = str(f.params.get("region") or region)
            where = region if where == "global" else where
            out.append(
                finding(
                    check,
                    Status.FAIL,
                    "\x1f".join((f.subject, where)),
                    f.title,
                    f.detail,
                    f.remediation,
                    f.severity,
                    _resource(audit, f.subject, str(f.params.get("resource_type") or "Other"), where),
                )
            )
        extra: list[tuple[Status, str]] = []
        if check.undetermined:
            extra.append((Status.UNDETERMINED, "; ".join(check.undetermined)))
        if passing and check.status is Status.PASS:
            extra.append((Status.PASS, gettext(d.rationale) if d.rationale else ""))
        for status, why in extra:
            out.append(
                finding(
                    check,
                    status,
                    "\x1f".join((account_arn, region, str(status))),
                    gettext(d.title),
                    why,
                    Finding(check.check, params={"region": region}).remediation
                    if status is Status.UNDETERMINED
                    else "",
                    d.severity if status is Status.UNDETERMINED else Severity.INFO,
                    _resource(audit, account_arn, "AwsAccount", region),
                )
            )
    return out
