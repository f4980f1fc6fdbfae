"""Cloud audit area: detection — is there a record of what happens in the account, and is anyone
watching it? CloudTrail (a multi-Region trail recording management events, log file validation),
GuardDuty and Security Hub in the Regions where SES sends.

Contract (see cloud/audit.py): ACTIONS, collect(ctx) -> Facts, check(facts, scope) ->
list[CheckResult] (one result per check code of cloud/detection.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from .model import CheckResult, Facts, Scope
from .session import AwsContext, Unavailable

#: the IAM actions this area calls (the documented read-only policy is made from these)
ACTIONS: tuple[str, ...] = (
    "cloudtrail:DescribeTrails",
    "cloudtrail:GetTrailStatus",
    "cloudtrail:GetEventSelectors",
    "guardduty:ListDetectors",
    "guardduty:GetDetector",
    "securityhub:DescribeHub",
)

TRAILS = "cloudtrail:trails"


def _status_key(arn: str) -> str:
    return f"cloudtrail:status:{arn}"


def _selectors_key(arn: str) -> str:
    return f"cloudtrail:selectors:{arn}"


def _guardduty_key(region: str) -> str:
    return f"guardduty:{region}"


def _securityhub_key(region: str) -> str:
    return f"securityhub:{region}"


def collect(ctx: AwsContext) -> Facts:
    facts = Facts()
    jobs: list[tuple[str, Callable[[], Any]]] = [(TRAILS, lambda: _describe_trails(ctx))]
    for region in ctx.regions:
        jobs.append((_guardduty_key(region), partial(_guardduty_enabled, ctx, region)))
        jobs.append((_securityhub_key(region), partial(_securityhub_enabled, ctx, region)))
    facts.gather_all(jobs)
    # each trail's status and selectors are asked in its home Region (a shadow trail by its ARN)
    trail_jobs: list[tuple[str, Callable[[], Any]]] = []
    for trail in facts.get(TRAILS) or []:
        arn, home = trail["TrailARN"], trail.get("HomeRegion") or ctx.home_region
        trail_jobs.append((_status_key(arn), partial(_trail_status, ctx, arn, home)))
        trail_jobs.append((_selectors_key(arn), partial(_selectors, ctx, arn, home)))
    facts.gather_all(trail_jobs)
    return facts


def _describe_trails(ctx: AwsContext) -> list[dict[str, Any]]:
    answer = ctx.call("cloudtrail", "DescribeTrails", includeShadowTrails=True)
    seen: dict[str, dict[str, Any]] = {}
    for trail in answer.get("trailList", []):
        seen.setdefault(trail["TrailARN"], trail)
    return list(seen.values())


def _trail_status(ctx: AwsContext, arn: str, region: str) -> bool:
    return bool(ctx.call("cloudtrail", "GetTrailStatus", region=region, Name=arn).get("IsLogging"))


def _selectors(ctx: AwsContext, arn: str, region: str) -> dict[str, Any]:
    answer = ctx.call("cloudtrail", "GetEventSelectors", region=region, TrailName=arn)
    return {
        "EventSelectors": answer.get("EventSelectors") or [],
        "AdvancedEventSelectors": answer.get("AdvancedEventSelectors") or [],
    }


def _guardduty_enabled(ctx: AwsContext, region: str) -> list[dict[str, str]]:
    """Every detector of the Region with its status (one at most, in practice)."""
    out = []
    for detector_id in ctx.pages("guardduty", "ListDetectors", "DetectorIds", region=region):
        answer = ctx.call("guardduty", "GetDetector", region=region, DetectorId=detector_id)
        out.append({"id": detector_id, "status": str(answer.get("Status", ""))})
    return out


def _securityhub_enabled(ctx: AwsContext, region: str) -> bool:
    try:
        ctx.call("securityhub", "DescribeHub", region=region)
    except Unavailable as exc:
        # "Account ... is not subscribed to AWS Security Hub": an answer (off), not a refusal
        if exc.code == "InvalidAccessException":
            return False
        raise
    return True


def records_management_events(selectors: dict[str, Any]) -> bool:
    """True when the trail's selectors record read and write management events (classic
    selectors with IncludeManagementEvents, or advanced ones on eventCategory Management),
    possibly split over several selectors (one ReadOnly, one WriteOnly)."""
    kinds: set[str] = set()
    for sel in selectors.get("EventSelectors", []):
        # a trail that leaves out some sources (KMS, RDS Data API) does not record *all*
        # management events: Security Hub's CloudTrail.1 (AWS Config's
        # multi-region-cloudtrail-enabled) fails it too
        if sel.get("IncludeManagementEvents", True) and not sel.get("ExcludeManagementEventSources"):
            kinds |= {"All": {"read", "write"}, "ReadOnly": {"read"}, "WriteOnly": {"write"}}.get(
                str(sel.get("ReadWriteType", "All")), set()
            )
    for sel in selectors.get("AdvancedEventSelectors", []):
        fields = {f.get("Field"): f for f in sel.get("FieldSelectors", [])}
        category = fields.get("eventCategory") or {}
        if "Management" not in (category.get("Equals") or []) or "eventSource" in fields:
            continue
        read_only = fields.get("readOnly")
        if read_only is None:
            kinds |= {"read", "write"}
        elif read_only.get("Equals"):
            kinds |= {"read" if v.lower() == "true" else "write" for v in read_only["Equals"]}
    return kinds == {"read", "write"}


def check(facts: Facts, scope: Scope) -> list[CheckResult]:
    return [
        _check_multi_region(facts, scope),
        _check_validation(facts, scope),
        _check_regions(facts, scope, "cloud.guardduty-off", _guardduty_key, _guardduty_fails),
        _check_regions(facts, scope, "cloud.securityhub-off", _securityhub_key, _securityhub_fails),
    ]


def _account_arn(scope: Scope) -> str:
    return f"arn:{scope.partition}:iam::{scope.account_id}:root"


def _home(scope: Scope) -> str:
    return scope.regions[0] if scope.regions else "us-east-1"


def _check_multi_region(facts: Facts, scope: Scope) -> CheckResult:
    result = CheckResult("cloud.trail-multi-region")
    if not facts.need(result, TRAILS):
        return result
    trails = facts.get(TRAILS)
    unknown: list[str] = []
    for trail in trails:
        result.checked += 1
        if not trail.get("IsMultiRegionTrail"):
            continue
        arn = trail["TrailARN"]
        if _status_key(arn) not in facts.values or _selectors_key(arn) not in facts.values:
            unknown.append(arn)
            continue
        if facts.get(_status_key(arn)) and records_management_events(facts.get(_selectors_key(arn))):
            return result  # one such trail is enough
    if unknown:
        # a trail that might qualify could not be read: neither a pass nor a failure
        for arn in unknown:
            facts.need(result, _status_key(arn), _selectors_key(arn))
        return result
    result.fail(
        _account_arn(scope),
        account=scope.account_id,
        region=_home(scope),
        resource_type="AwsAccount",
        trails=[t.get("Name", t["TrailARN"]) for t in trails],
    )
    return result


def _check_validation(facts: Facts, scope: Scope) -> CheckResult:
    result = CheckResult("cloud.trail-validation")
    if not facts.need(result, TRAILS):
        return result
    for trail in facts.get(TRAILS):
        result.checked += 1
        if not trail.get("LogFileValidationEnabled"):
            result.fail(
                trail["TrailARN"],
                trail=trail.get("Name", trail["TrailARN"]),
                region=trail.get("HomeRegion") or _home(scope),
                resource_type="AwsCloudTrailTrail",
            )
    return result


def _guardduty_fails(detectors: list[dict[str, str]], region: str, scope: Scope) -> tuple[str, str] | None:
    if any(d["status"] == "ENABLED" for d in detectors):
        return None
    if detectors:  # a suspended detector: the finding names it
        arn = f"arn:{scope.partition}:guardduty:{region}:{scope.account_id}:detector/{detectors[0]['id']}"
        return arn, "AwsGuardDutyDetector"
    return _account_arn(scope), "AwsAccount"


def _securityhub_fails(enabled: bool, region: str, scope: Scope) -> tuple[str, str] | None:
    return None if enabled else (_account_arn(scope), "AwsAccount")


def _check_regions(
    facts: Facts,
    scope: Scope,
    code: str,
    key: Callable[[str], str],
    fails: Callable[[Any, str, Scope], tuple[str, str] | None],
) -> CheckResult:
    """A per-Region check over the sending Regions (every audited Region when SES sends
    nowhere yet); a Region whose answer is missing is undetermined, the others still count."""
    result = CheckResult(code)
    for region in _regions_to_check(scope):
        if not facts.need(result, key(region)):
            continue
        result.checked += 1
        failing = fails(facts.get(key(region)), region, scope)
        if failing is not None:
            subject, resource_type = failing
            result.fail(subject, region=region, resource_type=resource_type, account=scope.account_id)
    return result


def _regions_to_check(scope: Scope) -> Iterable[str]:
    return scope.sending_regions or scope.regions
