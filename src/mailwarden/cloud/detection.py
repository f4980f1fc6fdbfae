"""Cloud audit area: detection. Contract (see cloud/audit.py): ACTIONS, collect(ctx) -> Facts,
check(facts, scope) -> list[CheckResult] (one result per check code of cloud/detection.yaml)."""

from __future__ import annotations

from .model import CheckResult, Facts, Scope
from .session import AwsContext

#: the IAM actions this area calls (the documented read-only policy is made from these)
ACTIONS: tuple[str, ...] = ()


def collect(ctx: AwsContext) -> Facts:
    return Facts()


def check(facts: Facts, scope: Scope) -> list[CheckResult]:
    return []
