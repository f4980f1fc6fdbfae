"""The detection area against moto on loopback: CloudTrail, GuardDuty and Security Hub, each check
failing, passing and undetermined."""

from __future__ import annotations

from typing import Any

import pytest

from mailwarden.cloud import codes, detection
from mailwarden.cloud.model import CheckResult, Scope, Status

from .conftest import ACCOUNT, REGION, MotoAccount

assert codes.DEFS

OTHER = "us-east-1"


def refuse(ctx: Any, service: str, operation: str, region: str = REGION) -> None:
    """The context's client for ``service`` in ``region`` answers ``operation`` AccessDenied."""
    from botocore.exceptions import ClientError

    def deny(**_: Any) -> None:
        raise ClientError({"Error": {"Code": "AccessDenied", "Message": "no"}}, operation)

    ctx.client(service, region).meta.events.register(f"before-call.{service}.{operation}", deny)


def run(
    aws: MotoAccount, regions: list[str], sending: tuple[str, ...] = (), ctx: Any = None
) -> dict[str, CheckResult]:
    ctx = ctx or aws.context(regions)
    facts = detection.collect(ctx)
    scope = Scope(ACCOUNT, tuple(ctx.regions), ctx.now, sending_regions=sending)
    results = detection.check(facts, scope)
    assert sorted(r.check for r in results) == sorted(d.code for d in codes.DEFS if d.code in _CODES)
    return {r.check: r for r in results}


_CODES = {
    "cloud.trail-multi-region",
    "cloud.trail-validation",
    "cloud.guardduty-off",
    "cloud.securityhub-off",
}


def make_trail(
    aws: MotoAccount,
    name: str = "main",
    *,
    region: str = REGION,
    multi: bool = True,
    validation: bool = True,
    logging: bool = True,
    selectors: dict[str, Any] | None = None,
) -> str:
    s3 = aws.client("s3", region)
    bucket = f"trail-{name}"
    if region == "us-east-1":
        s3.create_bucket(Bucket=bucket)
    else:
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    ct = aws.client("cloudtrail", region)
    arn = ct.create_trail(
        Name=name, S3BucketName=bucket, IsMultiRegionTrail=multi, EnableLogFileValidation=validation
    )["TrailARN"]
    if logging:
        ct.start_logging(Name=name)
    ct.put_event_selectors(
        TrailName=name,
        **(selectors or {"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": True}]}),
    )
    return str(arn)


# --- cloud.trail-multi-region -------------------------------------------------------------------


def test_no_trail_fails(aws: MotoAccount) -> None:
    result = run(aws, [REGION])["cloud.trail-multi-region"]
    assert result.status is Status.FAIL
    (f,) = result.findings
    assert f.subject == f"arn:aws:iam::{ACCOUNT}:root"
    assert f.params["resource_type"] == "AwsAccount" and f.params["region"] == REGION
    assert "no CloudTrail trail" in f.detail


def test_multi_region_logging_trail_passes(aws: MotoAccount) -> None:
    make_trail(aws)
    result = run(aws, [REGION])["cloud.trail-multi-region"]
    assert result.status is Status.PASS and result.checked == 1


def test_shadow_trail_from_another_region_counts(aws: MotoAccount) -> None:
    # the trail lives in us-east-1; the audit's home Region sees it as a shadow trail
    make_trail(aws, region=OTHER)
    result = run(aws, [REGION])["cloud.trail-multi-region"]
    assert result.status is Status.PASS


@pytest.mark.parametrize(
    "kwargs",
    [
        {"multi": False},
        {"logging": False},
        {"selectors": {"EventSelectors": [{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": True}]}},
        {"selectors": {"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": False}]}},
        {
            "selectors": {
                "AdvancedEventSelectors": [
                    {
                        "FieldSelectors": [
                            {"Field": "eventCategory", "Equals": ["Management"]},
                            {"Field": "readOnly", "Equals": ["true"]},
                        ]
                    }
                ]
            }
        },
    ],
    ids=["single-region", "not-logging", "write-only", "no-management", "advanced-read-only"],
)
def test_trail_short_of_the_mark_fails(aws: MotoAccount, kwargs: dict[str, Any]) -> None:
    make_trail(aws, **kwargs)
    result = run(aws, [REGION])["cloud.trail-multi-region"]
    assert result.status is Status.FAIL
    assert result.findings[0].params["trails"] == ["main"]


def test_advanced_selectors_on_management_events_pass(aws: MotoAccount) -> None:
    make_trail(
        aws,
        selectors={
            "AdvancedEventSelectors": [
                {"Name": "mgmt", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]}
            ]
        },
    )
    assert run(aws, [REGION])["cloud.trail-multi-region"].status is Status.PASS


def test_read_and_write_split_over_two_selectors_pass() -> None:
    assert detection.records_management_events(
        {
            "EventSelectors": [
                {"ReadWriteType": "ReadOnly", "IncludeManagementEvents": True},
                {"ReadWriteType": "WriteOnly", "IncludeManagementEvents": True},
            ]
        }
    )
    assert not detection.records_management_events({"EventSelectors": [], "AdvancedEventSelectors": []})


@pytest.mark.parametrize(
    "selectors",
    [
        {
            "EventSelectors": [
                {"ReadWriteType": "All", "ExcludeManagementEventSources": ["kms.amazonaws.com"]}
            ]
        },
        {
            "AdvancedEventSelectors": [
                {
                    "FieldSelectors": [
                        {"Field": "eventCategory", "Equals": ["Management"]},
                        {"Field": "eventSource", "NotEquals": ["kms.amazonaws.com"]},
                    ]
                }
            ]
        },
    ],
    ids=["classic", "advanced"],
)
def test_excluded_management_sources_are_not_all_management_events(selectors: dict[str, Any]) -> None:
    assert not detection.records_management_events(selectors)


def test_describe_trails_refused_is_undetermined(aws: MotoAccount) -> None:
    ctx = aws.context([REGION])
    refuse(ctx, "cloudtrail", "DescribeTrails")
    results = run(aws, [REGION], ctx=ctx)
    for code in ("cloud.trail-multi-region", "cloud.trail-validation"):
        assert results[code].status is Status.UNDETERMINED
        assert results[code].undetermined == [f"cloudtrail:DescribeTrails ({REGION}): AccessDenied"]


def test_trail_status_refused_is_undetermined_not_a_failure(aws: MotoAccount) -> None:
    make_trail(aws)
    ctx = aws.context([REGION])
    refuse(ctx, "cloudtrail", "GetTrailStatus")
    result = run(aws, [REGION], ctx=ctx)["cloud.trail-multi-region"]
    assert result.status is Status.UNDETERMINED
    assert result.undetermined == [f"cloudtrail:GetTrailStatus ({REGION}): AccessDenied"]


def test_one_good_trail_passes_even_if_another_cannot_be_read(aws: MotoAccount) -> None:
    make_trail(aws, "good")
    make_trail(aws, "other", region=OTHER)
    ctx = aws.context([REGION])
    refuse(ctx, "cloudtrail", "GetEventSelectors", region=OTHER)
    assert run(aws, [REGION], ctx=ctx)["cloud.trail-multi-region"].status is Status.PASS


# --- cloud.trail-validation -----------------------------------------------------------------


def test_trail_without_validation_fails(aws: MotoAccount) -> None:
    arn = make_trail(aws, validation=False)
    make_trail(aws, "checked")
    result = run(aws, [REGION])["cloud.trail-validation"]
    assert result.status is Status.FAIL and result.checked == 2
    (f,) = result.findings
    assert f.subject == arn
    assert f.params == {"trail": "main", "region": REGION, "resource_type": "AwsCloudTrailTrail"}
    assert (
        f.remediation
        == f"aws cloudtrail update-trail --name main --enable-log-file-validation --region {REGION}"
    )


def test_trail_with_validation_passes(aws: MotoAccount) -> None:
    make_trail(aws)
    result = run(aws, [REGION])["cloud.trail-validation"]
    assert result.status is Status.PASS and result.checked == 1


# --- cloud.guardduty-off ----------------------------------------------------------------------


def test_guardduty_off_in_a_sending_region_fails(aws: MotoAccount) -> None:
    aws.client("guardduty", REGION).create_detector(Enable=True)
    result = run(aws, [REGION, OTHER], sending=(REGION, OTHER))["cloud.guardduty-off"]
    assert result.status is Status.FAIL and result.checked == 2
    (f,) = result.findings
    assert f.params["region"] == OTHER and f.params["resource_type"] == "AwsAccount"
    assert f.detail == f"Amazon GuardDuty is not enabled in {OTHER}."


def test_suspended_detector_is_named(aws: MotoAccount) -> None:
    detector = aws.client("guardduty", REGION).create_detector(Enable=False)["DetectorId"]
    (f,) = run(aws, [REGION])["cloud.guardduty-off"].findings
    assert f.subject == f"arn:aws:guardduty:{REGION}:{ACCOUNT}:detector/{detector}"
    assert f.params["resource_type"] == "AwsGuardDutyDetector"


def test_guardduty_only_expected_in_sending_regions(aws: MotoAccount) -> None:
    aws.client("guardduty", REGION).create_detector(Enable=True)
    result = run(aws, [REGION, OTHER], sending=(REGION,))["cloud.guardduty-off"]
    assert result.status is Status.PASS and result.checked == 1


def test_guardduty_refused_is_undetermined_for_that_region(aws: MotoAccount) -> None:
    ctx = aws.context([REGION, OTHER])
    refuse(ctx, "guardduty", "ListDetectors", region=OTHER)
    aws.client("guardduty", REGION).create_detector(Enable=True)
    result = run(aws, [REGION, OTHER], ctx=ctx)["cloud.guardduty-off"]
    assert result.status is Status.UNDETERMINED
    assert result.undetermined == [f"guardduty:ListDetectors ({OTHER}): AccessDenied"]


# --- cloud.securityhub-off --------------------------------------------------------------------


def test_securityhub_off_fails_and_on_passes(aws: MotoAccount) -> None:
    aws.client("securityhub", REGION).enable_security_hub()
    result = run(aws, [REGION, OTHER])["cloud.securityhub-off"]
    assert result.status is Status.FAIL
    assert [f.params["region"] for f in result.findings] == [OTHER]
    aws.client("securityhub", OTHER).enable_security_hub()
    assert run(aws, [REGION, OTHER])["cloud.securityhub-off"].status is Status.PASS


def test_securityhub_refused_is_undetermined(aws: MotoAccount) -> None:
    ctx = aws.context([REGION])
    refuse(ctx, "securityhub", "DescribeHub")
    result = run(aws, [REGION], ctx=ctx)["cloud.securityhub-off"]
    assert result.status is Status.UNDETERMINED
    assert result.undetermined == [f"securityhub:DescribeHub ({REGION}): AccessDenied"]


def test_calls_are_read_only_and_declared(aws: MotoAccount) -> None:
    make_trail(aws)
    ctx = aws.context([REGION, OTHER])
    run(aws, [REGION, OTHER], ctx=ctx)
    called = {c.action for c in ctx.calls} - {"sts:GetCallerIdentity"}
    assert called <= set(detection.ACTIONS)
    assert {"cloudtrail:DescribeTrails", "guardduty:ListDetectors", "securityhub:DescribeHub"} <= called
