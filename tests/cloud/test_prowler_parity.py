"""Parity with Prowler: on the same moto account, every check Prowler fails (among the Prowler
checks our checks name in their ``controls``) is failed by a check of ours that names it.

Prowler 5.46.0 runs from ``.venv-prowler`` (``make prowler``; the test fails, never skips,
when it is missing) as a child process against the test session's moto server, over HTTP, as
our audit does; the account is :func:`tests.support.aws_seed.seed_vulnerable`'s, its dates set
in moto's in-process state (both tools then see the same keys 200 days old).

"The same resource" is compared where both sides name it by ARNs of the same kind (IAM users,
SES identities, SNS topics — an SNS subscription belongs to its topic's ARN); where they do not
(Prowler names a GuardDuty detector ``detector/unknown``, we name the account), at the check
level: some finding of ours whose definition lists that Prowler check."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pytest

from mailwarden.cloud import codes
from mailwarden.core.findings import Finding, registry
from tests.support import aws_seed, prowler_run
from tests.support.prowler_run import ProwlerFinding

from .conftest import REGION, MotoAccount

assert codes.DEFS

REGIONS = [REGION, "us-east-1"]


def prowler_scope() -> dict[str, list[str]]:
    """Prowler check → our check codes that name it (``Prowler:<check>`` in ``controls``)."""
    out: dict[str, list[str]] = defaultdict(list)
    for code, d in registry().items():
        if not code.startswith("cloud."):
            continue
        for control in d.controls:
            standard, _, check = control.partition(":")
            if standard == "Prowler" and check:
                out[check].append(code)
    return dict(out)


def arn_kind(arn: str) -> tuple[str, str] | None:
    """(service, resource type) of an ARN: ``user`` of ``arn:aws:iam::1:user/x``; SNS topics
    and their subscriptions have no type (``""``). None when ``arn`` is not an ARN."""
    parts = arn.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn":
        return None
    resource = parts[5]
    kind = resource.split("/", 1)[0] if "/" in resource else ""
    return parts[2], kind


def same_resource(ours: str, theirs: str) -> bool:
    """The same resource, or one inside the other (a topic and its subscription, a user and
    ``user/…/key``)."""
    if ours == theirs:
        return True
    long, short = (ours, theirs) if len(ours) > len(theirs) else (theirs, ours)
    return long.startswith(short) and long[len(short)] in ":/"


@dataclass
class Miss:
    prowler: ProwlerFinding
    why: str

    def __str__(self) -> str:
        where = ", ".join(self.prowler.resources) or "(no resource)"
        p = self.prowler
        return f"{p.check} FAIL on {where} [{p.region}]: {self.why} — Prowler: {p.detail}"


def uncovered(
    failures: Iterable[ProwlerFinding], ours: dict[str, list[Finding]], scope: dict[str, list[str]]
) -> tuple[list[Miss], dict[str, int]]:
    """The Prowler failures that no failing finding of ours covers, and how many were covered at
    each level ("resource", "check"). ``ours``: our findings by code."""
    misses: list[Miss] = []
    levels = {"resource": 0, "check": 0}
    for pf in failures:
        codes_ = scope.get(pf.check, [])
        mine = [f for code in codes_ for f in ours.get(code, [])]
        if not mine:
            why = f"none of our checks naming it fails ({', '.join(codes_) or 'none names it'})"
            misses.append(Miss(pf, why))
            continue
        kinds = {arn_kind(f.subject) for f in mine} - {None}
        comparable = [r for r in pf.resources if arn_kind(r) in kinds]
        if not comparable:
            levels["check"] += 1
            continue
        if any(same_resource(f.subject, r) for f in mine for r in comparable):
            levels["resource"] += 1
            continue
        subjects = sorted({f.subject for f in mine})
        misses.append(Miss(pf, f"our findings ({', '.join(codes_)}) are on {subjects[:6]}"))
    return misses, levels


# --- the comparison itself, on made-up findings (no Prowler needed) -------------------------


USER = "arn:aws:iam::123456789012:user/"


def pf(check: str, *resources: str, region: str = "us-east-1") -> ProwlerFinding:
    return ProwlerFinding(check, "FAIL", resources, region, "detail")


def test_uncovered_needs_the_same_resource_when_both_name_it_by_arn() -> None:
    scope = {"iam_user_two_active_access_key": ["cloud.guardduty-off"]}
    ours = {"cloud.guardduty-off": [Finding("cloud.guardduty-off", subject=USER + "alice")]}
    misses, levels = uncovered(
        [
            pf("iam_user_two_active_access_key", USER + "alice"),
            pf("iam_user_two_active_access_key", USER + "bob"),
        ],
        ours,
        scope,
    )
    assert levels == {"resource": 1, "check": 0}
    assert [m.prowler.resources for m in misses] == [(USER + "bob",)]
    assert "user/alice" in misses[0].why


def test_uncovered_falls_back_to_the_check_when_the_resources_are_not_comparable() -> None:
    scope = {
        "guardduty_is_enabled": ["cloud.securityhub-off"],
        "sns_subscription_not_using_http_endpoints": ["cloud.trail-validation"],
    }
    topic = "arn:aws:sns:us-east-1:123456789012:bounces"
    ours = {
        "cloud.securityhub-off": [Finding("cloud.securityhub-off", subject="arn:aws:iam::123456789012:root")],
        "cloud.trail-validation": [Finding("cloud.trail-validation", subject=topic)],
    }
    misses, levels = uncovered(
        [
            pf("guardduty_is_enabled", "arn:aws:guardduty:us-east-1:123456789012:detector/unknown"),
            pf("sns_subscription_not_using_http_endpoints", topic + ":2c43fa40"),
        ],
        ours,
        scope,
    )
    assert misses == [] and levels == {"resource": 1, "check": 1}


def test_uncovered_reports_a_prowler_failure_no_check_of_ours_fails() -> None:
    misses, _ = uncovered(
        [pf("guardduty_is_enabled", "x")], {}, {"guardduty_is_enabled": ["cloud.securityhub-off"]}
    )
    assert len(misses) == 1 and "cloud.securityhub-off" in str(misses[0])


def test_arn_kind() -> None:
    assert arn_kind(USER + "a") == ("iam", "user")
    assert arn_kind("arn:aws:ses:us-east-1:1:identity/a.example") == ("ses", "identity")
    assert arn_kind("arn:aws:sns:us-east-1:1:topic") == ("sns", "")
    assert arn_kind("alice") is None


# --- Prowler on the same account ---------------------------------------------------------------


@pytest.mark.slow
def test_every_prowler_failure_in_scope_is_ours_too(aws: MotoAccount) -> None:
    assert prowler_run.available(), prowler_run.MISSING
    from mailwarden.cloud.audit import run_audit
    from mailwarden.cloud.model import Status

    scope = prowler_scope()
    assert scope, "no check of ours names a Prowler check in its controls"
    acct = aws_seed.seed_vulnerable(aws.endpoint, REGIONS)
    aws_seed.backdate(aws.backend("iam"), acct)

    prowler = prowler_run.run(aws.endpoint, sorted(scope), REGIONS)
    ran = {f.check for f in prowler.findings}
    assert prowler.failures, f"Prowler found nothing to fail in the vulnerable account: {prowler.command}"
    # the seeded account fails these in Prowler; if not, the seeding (or moto) changed
    expected = {
        "iam_user_two_active_access_key",
        "iam_rotate_access_key_90_days",
        "iam_user_mfa_enabled_console_access",
        "ses_identity_dkim_enabled",
        "guardduty_is_enabled",
    } & set(scope)
    assert expected <= {f.check for f in prowler.failures}, sorted(ran)

    audit = run_audit(aws.context(REGIONS), domains=False)
    ours: dict[str, list[Finding]] = defaultdict(list)
    for result in audit.checks:
        if result.status is Status.FAIL:
            ours[result.check] += result.findings
    misses, levels = uncovered(prowler.failures, ours, scope)
    assert not misses, (
        f"{len(misses)} of Prowler's {len(prowler.failures)} failures are not ours "
        f"(covered: {levels}):\n" + "\n".join(map(str, misses))
    )
    assert levels["resource"] > 0  # some were matched resource by resource, not only by check
