"""``run_audit``: the Amazon SES sending-account audit as a whole.

Each area (``iam``, ``ses``, ``detection``) has the same three parts: ``ACTIONS`` (the IAM
actions it calls — the documented read-only policy is made from them), ``collect(ctx) -> Facts``
(read-only API calls; a refused call is recorded, not raised) and ``check(facts, scope) ->
list[CheckResult]`` (pure: one result per check it owns). The areas collect at the same time on
threads; then every check runs; then the verified SES domains go through the domain audit
(``align``)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from ..core.dns import Resolver
from ..core.findings import FindingDef
from . import align, codes, detection, iam, ses
from .model import CloudAudit, Facts, Scope, by_severity
from .session import AwsContext

assert codes.DEFS  # the check definitions are registered before any check runs

AREAS: tuple[Any, ...] = (iam, ses, detection)

#: the call the audit makes besides the areas' (who am I). With --role-arn it also calls
#: sts:AssumeRole, as the principal it starts from: that permission belongs to that principal.
BASE_ACTIONS = ("sts:GetCallerIdentity",)


def actions() -> list[str]:
    """Every IAM action the audit may call: the policy docs/cloud.md documents."""
    return sorted({*BASE_ACTIONS, *(a for area in AREAS for a in area.ACTIONS)})


def check_definitions() -> list[FindingDef]:
    """The audit's checks (every area's codes and the SES domain alignment), in code order."""
    return sorted((d for d in codes.DEFS if d.code in codes.AUDIT_CODES), key=lambda d: d.code)


def policy_document() -> dict[str, Any]:
    """The least-privilege IAM policy for the audit: read-only actions, nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "MailwardenCloudAuditReadOnly", "Effect": "Allow", "Action": actions(), "Resource": "*"}
        ],
    }


def run_audit(
    ctx: AwsContext,
    *,
    domains: bool = True,
    resolver: Resolver | None = None,
    progress: Callable[[str], None] | None = None,
) -> CloudAudit:
    """Audit the account ``ctx`` reaches, in ``ctx.regions``."""
    started = datetime.now(UTC)

    def collect(area: Any) -> Facts:
        facts: Facts = area.collect(ctx)
        if progress:
            progress(area.__name__.rsplit(".", 1)[-1])
        return facts

    with ThreadPoolExecutor(len(AREAS), thread_name_prefix="cloud-audit") as pool:
        collected = list(pool.map(collect, AREAS))
    ses_facts = collected[AREAS.index(ses)]
    scope = Scope(
        account_id=ctx.account_id,
        regions=tuple(ctx.regions),
        now=ctx.now,
        sending_regions=tuple(ses.sending_regions(ses_facts)),
        partition=ctx.partition,
    )
    checks = [r for area, facts in zip(AREAS, collected, strict=True) for r in area.check(facts, scope)]
    why_not = "domain checks not run (--no-domains)" if not domains else "no resolver"
    alignments, align_checks = align.check_domains(
        ses.domain_identities(ses_facts), resolver if domains else None, why_not=why_not
    )
    checks += align_checks
    if progress:
        progress("domains")
    return CloudAudit(
        account_id=ctx.account_id,
        partition=ctx.partition,
        regions=list(ctx.regions),
        started=started.isoformat(timespec="seconds"),
        finished=datetime.now(UTC).isoformat(timespec="seconds"),
        checks=by_severity(checks),
        domains=alignments,
        actions=sorted({c.action for c in ctx.calls}),
    )
