"""The cloud audit as OCSF 1.5 events, for a SIEM or a data lake (Amazon Security Lake, Splunk,
OpenSearch…), built and validated with py-ocsf-models.

- :func:`to_ocsf` — one **Compliance Finding** (class 2003) per failing resource, one per check
  that could not be (wholly) evaluated (compliance status Warning: "did not yield a result due
  to missing information") and, when asked, one per passing check.
- :func:`trail_to_ocsf` — one **Detection Finding** (class 2004) per CloudTrail analysis finding
  (activity seen in the logs, not configuration).

Texts (title, detail, remediation) are in the current language, as every face shows them."""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from pydantic import create_model

from .. import __version__
from ..core.findings import Finding, Severity, get_def
from ..core.i18n import gettext
from .model import CheckResult, CloudAudit, Status


def _ocsf(name: str) -> Any:
    """A class of py-ocsf-models, which ships no type information (no py.typed marker): to mypy
    its models are Any; pydantic validates them all the same."""
    module, _, attr = name.rpartition(".")
    return getattr(importlib.import_module(f"py_ocsf_models.{module}"), attr)


ActivityID = _ocsf("events.findings.activity_id.ActivityID")
ComplianceFinding = _ocsf("events.findings.compliance_finding.ComplianceFinding")
ComplianceFindingTypeID = _ocsf("events.findings.compliance_finding_type_id.ComplianceFindingTypeID")
DetectionFinding = _ocsf("events.findings.detection_finding.DetectionFinding")
DetectionFindingTypeID = _ocsf("events.findings.detection_finding_type_id.DetectionFindingTypeID")
SeverityID = _ocsf("events.findings.severity_id.SeverityID")
StatusID = _ocsf("events.findings.status_id.StatusID")
Account = _ocsf("objects.account.Account")
AccountType = _ocsf("objects.account.TypeID")
API = _ocsf("objects.api.API")
Check = _ocsf("objects.check.Check")
Cloud = _ocsf("objects.cloud.Cloud")
Compliance = _ocsf("objects.compliance.Compliance")
ComplianceStatusID = _ocsf("objects.compliance_status.StatusID")
EvidenceArtifacts = _ocsf("objects.evidence_artifacts.EvidenceArtifacts")
FindingInformation = _ocsf("objects.finding_info.FindingInformation")
Metadata = _ocsf("objects.metadata.Metadata")
Observable = _ocsf("objects.observable.Observable")
ObservableType = _ocsf("objects.observable.TypeID")
Product = _ocsf("objects.product.Product")
Remediation = _ocsf("objects.remediation.Remediation")
ResourceDetails = _ocsf("objects.resource_details.ResourceDetails")

#: the audit's severities on OCSF's scale
SEVERITY = {
    Severity.ERROR: SeverityID.High,
    Severity.WARNING: SeverityID.Medium,
    Severity.NOTICE: SeverityID.Low,
    Severity.INFO: SeverityID.Informational,
    Severity.OK: SeverityID.Informational,
}
_COMPLIANCE = {
    Status.FAIL: ComplianceStatusID.Fail,
    Status.UNDETERMINED: ComplianceStatusID.Warning,
    Status.PASS: ComplianceStatusID.Pass,
}
_STATUS_CODE = {Status.FAIL: "FAIL", Status.UNDETERMINED: "UNDETERMINED", Status.PASS: "PASS"}


#: A Compliance Finding with OCSF's *cloud* profile, which adds ``cloud`` (py-ocsf-models'
#: class leaves the profile's attribute out)
CloudComplianceFinding: Any = create_model(
    "CloudComplianceFinding", __base__=ComplianceFinding, cloud=(Cloud, ...)
)


def finding_uid(*parts: str) -> str:
    """A stable id: the same account, check and subject give the same id in every run."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _metadata(uid: str, event_code: str) -> Any:
    return Metadata(
        product=Product(name="mailwarden", vendor_name="mailwarden", version=__version__),
        profiles=["cloud"],
        event_code=event_code,
        uid=uid,
    )


def _cloud(account_id: str, region: str | None) -> Any:
    return Cloud(
        provider="AWS",
        region=region,
        account=Account(name=account_id, uid=account_id, type_id=AccountType.AWS_Account, type="AWS Account"),
    )


def _time(value: Any, default: datetime | None = None) -> datetime:
    """An ISO 8601 text or a datetime as an aware datetime; ``default`` (else now) for one that
    is missing or unreadable."""
    dt: datetime | None = value if isinstance(value, datetime) else None
    if isinstance(value, str) and value:
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            dt = None
    dt = dt or default or datetime.now(UTC)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


def _dump(event: Any) -> dict[str, Any]:
    out: dict[str, Any] = event.model_dump(mode="json", exclude_none=True)
    return out


def _compliance(check: CheckResult, status: Status) -> Any:
    d = get_def(check.check)
    hub = [c.split(":", 1)[1] for c in d.controls if c.startswith("SecurityHub:")]
    return Compliance(
        control=hub[0] if hub else None,
        requirements=list(d.controls) or None,
        standards=sorted({c.split(":", 1)[0] for c in d.controls}) or None,
        desc=gettext(d.rationale) if d.rationale else None,
        status_id=_COMPLIANCE[status],
        checks=[
            Check(
                uid=check.check,
                name=gettext(d.title),
                severity=str(d.severity),
                severity_id=SEVERITY[d.severity],
                status=_COMPLIANCE[status].name,
                status_id=_COMPLIANCE[status],
            )
        ],
    )


def _remediation(text: str, references: Iterable[str]) -> Any:
    refs = list(references)
    if not text and not refs:
        return None
    return Remediation(desc=text or refs[0], references=refs or None)


def _resource(uid: str, resource_type: str, region: str, partition: str, data: dict[str, Any] | None) -> Any:
    return ResourceDetails(
        uid=uid,
        name=uid.rsplit("/", 1)[-1].rsplit(":", 1)[-1] or uid,
        type=resource_type,
        region=region or None,
        cloud_partition=partition,
        data=data or None,
    )


def _compliance_event(
    audit: CloudAudit,
    check: CheckResult,
    status: Status,
    *,
    uid: str,
    title: str,
    desc: str,
    severity: Severity,
    remediation: Any,
    resource: Any,
    status_detail: str,
) -> dict[str, Any]:
    finished = _time(audit.finished)
    region = resource.region or _home(audit)
    event = CloudComplianceFinding(
        metadata=_metadata(uid, check.check),
        activity_id=ActivityID.Create,
        activity_name=ActivityID.Create.name,
        class_name="Compliance Finding",
        type_uid=ComplianceFindingTypeID.Create,
        type_name="Compliance Finding: Create",
        severity_id=SEVERITY[severity],
        severity=SEVERITY[severity].name,
        status_id=StatusID.New,
        status=StatusID.New.name,
        status_code=_STATUS_CODE[status],
        status_detail=status_detail,
        message=desc,
        finding_info=FindingInformation(
            uid=uid,
            title=title,
            desc=desc,
            types=[check.check],
            created_time=_ms(finished),
            created_time_dt=finished,
        ),
        compliance=_compliance(check, status),
        remediation=remediation,
        resources=[resource],
        cloud=_cloud(audit.account_id, region if region != "global" else _home(audit)),
        time=_ms(finished),
        time_dt=finished,
    )
    return _dump(event)


def _home(audit: CloudAudit) -> str:
    return audit.regions[0] if audit.regions else "us-east-1"


def to_ocsf(audit: CloudAudit, *, passing: bool = False) -> list[dict[str, Any]]:
    """The audit as OCSF Compliance Findings (JSON-ready dicts): one per failing resource, one per
    check with parts undetermined, and one per passing check when ``passing``."""
    out: list[dict[str, Any]] = []
    account_arn = f"arn:{audit.partition}:iam::{audit.account_id}:root"
    for check in audit.checks:
        d = get_def(check.check)
        for f in check.findings:
            region = str(f.params.get("region") or _home(audit))
            out.append(
                _compliance_event(
                    audit,
                    check,
                    Status.FAIL,
                    uid=finding_uid(audit.account_id, check.check, f.subject, region),
                    title=f.title,
                    desc=f.detail,
                    severity=f.severity,
                    remediation=_remediation(f.remediation, d.references),
                    resource=_resource(
                        f.subject,
                        str(f.params.get("resource_type") or "Other"),
                        region,
                        audit.partition,
                        {k: v for k, v in f.params.items() if k not in ("region", "resource_type")},
                    ),
                    status_detail=f.detail,
                )
            )
        extra: list[tuple[Status, str]] = []
        if check.undetermined:
            extra.append((Status.UNDETERMINED, "; ".join(check.undetermined)))
        if passing and check.status is Status.PASS:
            extra.append((Status.PASS, ""))
        for status, why in extra:
            out.append(
                _compliance_event(
                    audit,
                    check,
                    status,
                    uid=finding_uid(audit.account_id, check.check, account_arn, str(status)),
                    title=gettext(d.title),
                    desc=why or gettext(d.rationale) or gettext(d.title),
                    severity=d.severity if status is Status.UNDETERMINED else Severity.INFO,
                    remediation=_remediation(
                        Finding(check.check, params={"region": _home(audit)}).remediation
                        if status is Status.UNDETERMINED
                        else "",
                        d.references,
                    ),
                    resource=_resource(account_arn, "AwsAccount", _home(audit), audit.partition, None),
                    status_detail=why or _STATUS_CODE[status],
                )
            )
    return out


def trail_to_ocsf(
    findings: Iterable[Finding],
    *,
    account_id: str = "",
    partition: str = "aws",
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """CloudTrail analysis findings (params ``event_time``, ``event_name``, ``source_ip``,
    ``region``, ``principal``; any may be missing) as OCSF Detection Findings. ``now`` stands for
    an event time that is missing."""
    out = []
    for f in findings:
        p = f.params
        when = _time(p.get("event_time"), now)
        principal = str(p.get("principal") or f.subject or "")
        account = account_id or _account_of(principal)
        region = str(p.get("region") or "")
        event_name = str(p.get("event_name") or "")
        source_ip = str(p.get("source_ip") or "")
        uid = finding_uid(account, f.code, f.subject, str(p.get("event_time") or ""), event_name)
        d = f.definition
        observables = []
        if source_ip:
            observables.append(
                Observable(name="src_endpoint.ip", type_id=ObservableType.IP_Address, value=source_ip)
            )
        if principal:
            observables.append(
                Observable(name="actor.user.uid", type_id=ObservableType.Resource_UID, value=principal)
            )
        event = DetectionFinding(
            metadata=_metadata(uid, f.code),
            activity_id=ActivityID.Create,
            activity_name=ActivityID.Create.name,
            type_uid=DetectionFindingTypeID.Create,
            type_name="Detection Finding: Create",
            severity_id=SEVERITY[f.severity],
            severity=SEVERITY[f.severity].name,
            status_id=StatusID.New,
            status=StatusID.New.name,
            message=f.detail,
            finding_info=FindingInformation(
                uid=uid,
                title=f.title,
                desc=f.detail,
                types=[f.code],
                first_seen_time=_ms(when),
                first_seen_time_dt=when,
                data_sources=["AWS CloudTrail"],
            ),
            remediation=_remediation(f.remediation, d.references),
            resources=[
                _resource(
                    principal or f.subject,
                    str(p.get("resource_type") or "Other"),
                    region,
                    partition,
                    None,
                )
            ]
            if principal or f.subject
            else None,
            cloud=_cloud(account, region or None)
            if account
            else Cloud(provider="AWS", region=region or None),
            api=API(operation=event_name) if event_name else None,
            evidences=[
                EvidenceArtifacts(api=API(operation=event_name) if event_name else None, data=dict(p))
            ],
            observables=observables or None,
            time=_ms(when),
            time_dt=when,
            unmapped={"evidence": f.evidence} if f.evidence else None,
        )
        out.append(_dump(event))
    return out


def _account_of(arn: str) -> str:
    """``arn:aws:iam::123456789012:user/x`` → ``123456789012`` (an access key id: empty)."""
    parts = arn.split(":")
    return parts[4] if len(parts) > 5 and parts[0] == "arn" else ""
