"""The audit's exports: ASFF imported into Security Hub (moto on loopback, through boto3, which
validates the request against the API model) and read back; OCSF validated by py-ocsf-models."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from py_ocsf_models.events.findings.compliance_finding import ComplianceFinding
from py_ocsf_models.events.findings.detection_finding import DetectionFinding

from mailwarden.cloud import codes
from mailwarden.cloud.asff import to_asff
from mailwarden.cloud.model import CheckResult, CloudAudit
from mailwarden.cloud.ocsf import CloudComplianceFinding, to_ocsf, trail_to_ocsf
from mailwarden.core.findings import Finding

from .conftest import ACCOUNT, REGION, MotoAccount

assert codes.DEFS

TRAIL_ARN = f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:trail/main"
ROOT = f"arn:aws:iam::{ACCOUNT}:root"


def sample_audit() -> CloudAudit:
    validation = CheckResult("cloud.trail-validation", checked=1)
    validation.fail(TRAIL_ARN, trail="main", region=REGION, resource_type="AwsCloudTrailTrail")
    guardduty = CheckResult("cloud.guardduty-off", checked=2)
    guardduty.fail(ROOT, region=REGION, resource_type="AwsAccount", account=ACCOUNT)
    guardduty.fail(ROOT, region="us-east-1", resource_type="AwsAccount", account=ACCOUNT)
    hub = CheckResult("cloud.securityhub-off")
    hub.cannot(f"securityhub:DescribeHub ({REGION}): AccessDenied")
    trail = CheckResult("cloud.trail-multi-region", checked=1)
    return CloudAudit(
        account_id=ACCOUNT,
        partition="aws",
        regions=[REGION, "us-east-1"],
        started="2026-12-05T01:00:00+00:00",
        finished="2026-12-05T01:02:03+00:00",
        checks=[validation, guardduty, hub, trail],
    )


# --- ASFF ---------------------------------------------------------------------------------------


def test_asff_is_accepted_by_security_hub_and_reads_back(aws: MotoAccount) -> None:
    hub = aws.client("securityhub", REGION)
    hub.enable_security_hub()
    findings = to_asff(sample_audit(), REGION, passing=True)
    answer = hub.batch_import_findings(Findings=findings)
    assert answer["FailedCount"] == 0 and answer["SuccessCount"] == len(findings) == 5
    got = {f["Id"]: f for f in hub.get_findings()["Findings"]}
    assert set(got) == {f["Id"] for f in findings}
    by_check = {
        (f["GeneratorId"], f["Compliance"]["Status"], f["Resources"][0]["Region"]): f for f in got.values()
    }
    v = by_check[("cloud.trail-validation", "FAILED", REGION)]
    assert v["ProductArn"] == f"arn:aws:securityhub:{REGION}:{ACCOUNT}:product/{ACCOUNT}/default"
    assert v["Severity"]["Label"] == "LOW"
    assert v["Compliance"]["SecurityControlId"] == "CloudTrail.4"
    assert v["Resources"] == [
        {"Type": "AwsCloudTrailTrail", "Id": TRAIL_ARN, "Partition": "aws", "Region": REGION}
    ]
    assert v["CreatedAt"] == v["UpdatedAt"] == "2026-12-05T01:02:03.000Z"
    assert v["Remediation"]["Recommendation"]["Text"].startswith("aws cloudtrail update-trail --name main")
    assert v["Types"] == ["Software and Configuration Checks/AWS Security Best Practices"]
    assert v["Workflow"] == {"Status": "NEW"} and v["RecordState"] == "ACTIVE"
    g = by_check[("cloud.guardduty-off", "FAILED", "us-east-1")]
    assert g["Severity"]["Label"] == "HIGH" and g["Resources"][0]["Id"] == f"AWS::::Account:{ACCOUNT}"
    u = by_check[("cloud.securityhub-off", "NOT_AVAILABLE", REGION)]
    assert "AccessDenied" in u["Description"] and "SecurityControlId" not in u["Compliance"]
    p = by_check[("cloud.trail-multi-region", "PASSED", REGION)]
    assert p["Severity"]["Label"] == "INFORMATIONAL"


def test_asff_ids_are_stable_and_distinct() -> None:
    first, second = to_asff(sample_audit(), REGION), to_asff(sample_audit(), REGION)
    assert [f["Id"] for f in first] == [f["Id"] for f in second]
    assert len({f["Id"] for f in first}) == len(first) == 4  # one GuardDuty finding per Region


def test_asff_long_texts_are_cut_to_the_limits() -> None:
    audit = sample_audit()
    audit.checks[0].findings[0].params["trail"] = "t" * 2000
    (f, *_) = to_asff(audit, REGION)
    assert len(f["Description"]) <= 1024 and f["Description"].endswith("…")
    assert len(f["Remediation"]["Recommendation"]["Text"]) <= 512
    assert len(f["Title"]) <= 256


def test_asff_other_partition_and_global_region() -> None:
    audit = sample_audit()
    audit.partition = "aws-us-gov"
    audit.checks[0].findings[0].params["region"] = "global"
    f = to_asff(audit, "us-gov-west-1")[0]
    assert f["ProductArn"].startswith("arn:aws-us-gov:securityhub:us-gov-west-1:")
    assert f["Resources"][0]["Region"] == "us-gov-west-1" and f["Resources"][0]["Partition"] == "aws-us-gov"


# --- OCSF ---------------------------------------------------------------------------------------


def test_ocsf_compliance_findings_validate() -> None:
    events = to_ocsf(sample_audit())
    assert len(events) == 4
    json.dumps(events)  # plain JSON
    for e in events:
        ComplianceFinding.model_validate(e)
        CloudComplianceFinding.model_validate(e)
        assert e["class_uid"] == 2003 and e["category_uid"] == 2 and e["type_uid"] == 200301
        assert e["metadata"]["version"] == "1.5.0" and e["cloud"]["provider"] == "AWS"
        assert e["cloud"]["account"]["uid"] == ACCOUNT
        assert e["time"] == int(datetime(2026, 12, 5, 1, 2, 3, tzinfo=UTC).timestamp() * 1000)
    v, g1, g2, u = events
    assert v["severity_id"] == 2 and v["severity"] == "Low"
    assert v["resources"][0]["uid"] == TRAIL_ARN and v["resources"][0]["type"] == "AwsCloudTrailTrail"
    assert v["resources"][0]["region"] == REGION
    assert v["compliance"]["status_id"] == 3 and v["compliance"]["control"] == "CloudTrail.4"
    assert "Prowler:cloudtrail_log_file_validation_enabled" in v["compliance"]["requirements"]
    assert v["remediation"]["desc"].startswith("aws cloudtrail update-trail")
    assert v["remediation"]["references"][0].startswith("https://docs.aws.amazon.com/")
    assert g1["severity_id"] == 4 and g1["finding_info"]["uid"] != g2["finding_info"]["uid"]
    assert g2["cloud"]["region"] == "us-east-1"
    assert u["compliance"]["status_id"] == 2 and u["status_code"] == "UNDETERMINED"  # Warning
    assert "AccessDenied" in u["status_detail"]
    assert "control" not in u["compliance"]


def test_ocsf_uids_are_stable_and_passing_is_optional() -> None:
    a, b = to_ocsf(sample_audit()), to_ocsf(sample_audit())
    assert [e["finding_info"]["uid"] for e in a] == [e["finding_info"]["uid"] for e in b]
    with_pass = to_ocsf(sample_audit(), passing=True)
    (p,) = [e for e in with_pass if e["compliance"]["status_id"] == 1]
    assert p["metadata"]["event_code"] == "cloud.trail-multi-region" and p["severity_id"] == 1


def trail_finding(**params: Any) -> Finding:
    # trail.yaml's codes are another area's: any registered code carries the same shape
    return Finding("cloud.guardduty-off", subject=params.get("principal", "AKIAEXAMPLE"), params=params)


def test_trail_findings_as_detection_findings() -> None:
    full = trail_finding(
        event_time="2026-12-04T22:10:00Z",
        event_name="CreateAccessKey",
        source_ip="203.0.113.9",
        region=REGION,
        principal=f"arn:aws:iam::{ACCOUNT}:user/mailer",
        resource_type="AwsIamUser",
    )
    bare = trail_finding()  # nothing but a subject (an access key id)
    odd = trail_finding(event_time="yesterday", principal="AKIAOTHER")
    events = trail_to_ocsf([full, bare, odd], now=datetime(2026, 12, 5, tzinfo=UTC))
    json.dumps(events)
    for e in events:
        DetectionFinding.model_validate(e)
        assert e["class_uid"] == 2004 and e["type_uid"] == 200401 and e["severity_id"] == 4
    e, b, o = events
    assert e["time"] == int(datetime(2026, 12, 4, 22, 10, tzinfo=UTC).timestamp() * 1000)
    assert e["cloud"]["account"]["uid"] == ACCOUNT and e["cloud"]["region"] == REGION
    assert e["api"]["operation"] == "CreateAccessKey"
    assert e["resources"][0]["uid"] == f"arn:aws:iam::{ACCOUNT}:user/mailer"
    assert {"name": "src_endpoint.ip", "type_id": 2, "value": "203.0.113.9"} in e["observables"]
    assert b["time"] == int(datetime(2026, 12, 5, tzinfo=UTC).timestamp() * 1000)
    assert b["resources"][0]["uid"] == "AKIAEXAMPLE" and "api" not in b
    assert e["finding_info"]["uid"] != b["finding_info"]["uid"]
    assert "region" not in b["cloud"] and "account" not in b["cloud"]
    assert o["time"] == b["time"]  # an unreadable time is the time given for a missing one


def test_texts_are_in_the_current_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from mailwarden.core import i18n

    ja = {
        "GuardDuty not enabled in a sending Region": "送信リージョンで GuardDuty が有効になっていない",
        "Amazon GuardDuty is not enabled in {region}.": "{region} で GuardDuty が有効になっていません。",
    }
    monkeypatch.setattr(i18n, "catalogue", lambda lang: ja if lang == "ja" else {})
    with i18n.language("ja"):
        asff = [f for f in to_asff(sample_audit(), REGION) if f["GeneratorId"] == "cloud.guardduty-off"]
        ocsf = [e for e in to_ocsf(sample_audit()) if e["metadata"]["event_code"] == "cloud.guardduty-off"]
    assert (
        asff[0]["Title"]
        == ocsf[0]["finding_info"]["title"]
        == "送信リージョンで GuardDuty が有効になっていない"
    )
    assert asff[0]["Description"] == f"{REGION} で GuardDuty が有効になっていません。"
    assert ocsf[1]["finding_info"]["desc"] == "us-east-1 で GuardDuty が有効になっていません。"


def test_a_real_detection_audit_imports_into_security_hub(aws: MotoAccount) -> None:
    from mailwarden.cloud import detection
    from mailwarden.cloud.model import Scope

    ctx = aws.context([REGION, "us-east-1"])
    checks = detection.check(detection.collect(ctx), Scope(ACCOUNT, tuple(ctx.regions), ctx.now))
    audit = CloudAudit(
        ACCOUNT, "aws", list(ctx.regions), "2026-12-05T01:00:00+00:00", "2026-12-05T01:01:00+00:00", checks
    )
    hub = aws.client("securityhub", REGION)
    hub.enable_security_hub()
    findings = to_asff(audit, REGION)
    # an empty account: no trail; GuardDuty and Security Hub off in both Regions
    assert sorted(f["GeneratorId"] for f in findings) == sorted(
        ["cloud.trail-multi-region"] + ["cloud.guardduty-off"] * 2 + ["cloud.securityhub-off"] * 2
    )
    assert hub.batch_import_findings(Findings=findings)["FailedCount"] == 0
    assert len(hub.get_findings()["Findings"]) == 5
    for e in to_ocsf(audit):
        CloudComplianceFinding.model_validate(e)
