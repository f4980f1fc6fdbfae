"""Arranging IAM state on moto for the IAM area's tests."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from mailwarden.cloud import iam
from mailwarden.cloud.model import CheckResult, Scope

ACCOUNT = "123456789012"


def doc(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def allow(action: Any, resource: Any = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def add_root_row(ctx: Any, keys: bool = False) -> None:
    """moto's credential report has no ``<root_account>`` row (AWS's always does): prepend
    one to the report the audit reads, with or without an active access key."""
    active = "true" if keys else "false"
    rotated = "2020-01-01T00:00:00+00:00" if keys else "N/A"

    def handler(parsed: dict[str, Any], **_: Any) -> None:
        text = parsed["Content"].decode()
        header, _, rest = text.partition("\n")
        cols = header.split(",")
        row = dict.fromkeys(cols, "N/A")
        row.update(
            user="<root_account>",
            arn=f"arn:aws:iam::{ACCOUNT}:root",
            user_creation_time="2020-01-01T00:00:00+00:00",
            password_enabled="not_supported",
            mfa_active="true",
            access_key_1_active=active,
            access_key_1_last_rotated=rotated,
            access_key_2_active="false",
        )
        parsed["Content"] = ("\n".join([header, ",".join(row[c] for c in cols), rest])).encode()

    ctx.client("iam").meta.events.register("after-call.iam.GetCredentialReport", handler)


def deny(ctx: Any, operation: str) -> None:
    """``operation`` refused with AccessDenied, as AWS refuses a policy without it."""
    from botocore.exceptions import ClientError

    def refuse(**_: Any) -> None:
        raise ClientError({"Error": {"Code": "AccessDenied", "Message": "no"}}, operation)

    ctx.client("iam").meta.events.register(f"before-call.iam.{operation}", refuse)


def run(ctx: Any, days_later: float = 0) -> dict[str, CheckResult]:
    """Collect now, check ``days_later`` days on (the audit's clock is the context's)."""
    facts = iam.collect(ctx)
    scope = Scope(account_id=ACCOUNT, regions=tuple(ctx.regions), now=ctx.now + timedelta(days=days_later))
    results = iam.check(facts, scope)
    assert len(results) == len({r.check for r in results}) == 12
    return {r.check: r for r in results}


def failing(result: CheckResult) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for f in result.findings:
        out.setdefault(f.subject, []).append(f.params)
    return out


def user_arn(name: str) -> str:
    return f"arn:aws:iam::{ACCOUNT}:user/{name}"


def load_aws_policy(backend: Any, name: str) -> str:
    """moto loads AWS managed policies only when told to at start: put one in (its ARN)."""
    from moto.iam.aws_managed_policies import aws_managed_policies_data
    from moto.iam.models import AWSManagedPolicy

    data = json.loads(aws_managed_policies_data)[name]
    policy = AWSManagedPolicy.from_data(name, ACCOUNT, "us-east-1", data)
    backend.managed_policies[policy.arn] = policy
    return str(policy.arn)
