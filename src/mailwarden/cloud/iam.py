"""Cloud audit area: iam — the account's users, keys and policies as they bear on SES: root
access keys, old, unused and doubled access keys, console passwords without MFA, administrative
and ``ses:*`` policies, and the SES SMTP users (old or unused keys, who can make them new keys,
sending from anywhere as anyone).

Calls, account-wide so they scale (2,000 users and 4,000 keys take a handful of calls):
``iam:GenerateCredentialReport`` + ``iam:GetCredentialReport`` (every user's password, MFA and
two key slots, and the ``<root_account>`` row), ``iam:GetAccountAuthorizationDetails`` (every
user, group and role with attached and inline policies, and every managed policy's default
version, paginated), and ``iam:GetAccountSummary`` (root keys and MFA when the report is refused).

Keys are reported by user and slot (``access_key_1`` / ``access_key_2`` of the credential
report), not by key ID: the report has no key IDs, and ``iam:ListAccessKeys`` would cost one
call per user (2,000 calls on a big account) for a name the remediation can look up itself
(``aws iam list-access-keys --user-name USER``: the slot order is the order it lists).

Contract (see cloud/audit.py): ACTIONS, collect(ctx) -> Facts, check(facts, scope) ->
list[CheckResult] (one result per check code of cloud/iam.yaml); smtp_users(facts)."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable
from typing import Any

from . import iam_checks
from .model import CheckResult, Facts, Scope
from .session import AwsContext, Unavailable

__all__ = ["ACTIONS", "check", "collect", "smtp_users"]

#: the IAM actions this area calls (the documented read-only policy is made from these)
ACTIONS: tuple[str, ...] = (
    "iam:GenerateCredentialReport",
    "iam:GetCredentialReport",
    "iam:GetAccountAuthorizationDetails",
    "iam:GetAccountSummary",
)

REPORT = "iam.credential_report"  # list of row dicts (the root row included)
DETAILS = "iam.authorization_details"  # {"users": [...], "groups": [...], "roles": [...], "policies": [...]}
SUMMARY = "iam.account_summary"  # SummaryMap

#: how long to wait for the credential report at most (seconds, summed over the polls)
REPORT_WAIT = 60.0
NOT_READY = {"ReportNotPresent", "ReportInProgress", "ReportExpired", "CredentialReportNotReadyException"}


def _credential_report(ctx: AwsContext) -> list[dict[str, str]]:
    waited = 0.0
    delay = 0.25
    while True:
        state = ctx.call("iam", "GenerateCredentialReport")
        if str(state.get("State", "")).upper() == "COMPLETE":
            try:
                got = ctx.call("iam", "GetCredentialReport")
                break
            except Unavailable as exc:
                if exc.code not in NOT_READY:
                    raise
        if waited >= REPORT_WAIT:
            raise Unavailable("iam:GetCredentialReport", "global", "ReportNotReady", "timed out")
        time.sleep(delay)  # the report takes seconds on a big account: poll with backoff
        waited += delay
        delay = min(delay * 2, 5.0)
    content = got.get("Content", b"")
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else str(content)
    return [dict(row) for row in csv.DictReader(io.StringIO(text))]


def _authorization_details(ctx: AwsContext) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {"users": [], "groups": [], "roles": [], "policies": []}
    keys = {
        "UserDetailList": "users",
        "GroupDetailList": "groups",
        "RoleDetailList": "roles",
        "Policies": "policies",
    }
    marker: str | None = None
    for _ in range(100_000):
        page = ctx.call("iam", "GetAccountAuthorizationDetails", **({"Marker": marker} if marker else {}))
        for key, name in keys.items():
            out[name].extend(page.get(key, []))
        marker = page.get("Marker") if page.get("IsTruncated") else None
        if not marker:
            break
    return out


def _global(fetch: Callable[[], Any]) -> Callable[[], Any]:
    """IAM is global: a refusal is reported without the Region its client was made in."""

    def run() -> Any:
        try:
            return fetch()
        except Unavailable as exc:
            raise Unavailable(exc.action, "global", exc.code, exc.message) from exc

    return run


def collect(ctx: AwsContext) -> Facts:
    facts = Facts()
    facts.gather(REPORT, _global(lambda: _credential_report(ctx)))
    facts.gather(DETAILS, _global(lambda: _authorization_details(ctx)))
    facts.gather(SUMMARY, _global(lambda: ctx.call("iam", "GetAccountSummary").get("SummaryMap", {})))
    return facts


def smtp_users(facts: Facts) -> list[str]:
    """The names of the SES SMTP users (``ses-smtp-user.*``, or users whose every permission
    is ``ses:SendRawEmail`` / ``ses:SendEmail``); empty when the policies could not be read."""
    details = facts.get(DETAILS)
    if not details:
        return []
    return sorted(iam_checks.Principals(details).smtp_users())


def check(facts: Facts, scope: Scope) -> list[CheckResult]:
    return iam_checks.run(facts, scope, REPORT, DETAILS, SUMMARY)
