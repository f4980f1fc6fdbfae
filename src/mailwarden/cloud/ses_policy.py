"""Who a resource policy lets in: the outside principals of its Allow statements (``*`` for
anyone, or other accounts), once conditions that restrict the caller to the account itself
(aws:SourceAccount, aws:SourceOwner, aws:SourceArn, aws:PrincipalAccount…) are taken into
account. Used for SES identity (sending authorisation) policies and SNS topic policies."""

from __future__ import annotations

import json
import re
from typing import Any

#: condition keys that pin the caller (or the calling resource) to accounts named in their values
ACCOUNT_KEYS = frozenset(
    {
        "aws:sourceaccount",
        "aws:sourceowner",
        "aws:principalaccount",
        "aws:resourceaccount",
        "aws:sourcearn",
        "aws:principalarn",
    }
)
#: condition keys that pin the caller to an organisation
ORG_KEYS = frozenset({"aws:principalorgid", "aws:sourceorgid", "aws:principalorgpaths", "aws:sourceorgpaths"})
OPERATORS = ("StringEquals", "StringLike", "ArnEquals", "ArnLike")
_ACCOUNT_IN_ARN = re.compile(r"^arn:[^:]*:[^:]*:[^:]*:(\d{12}|\*)?:")


def _values(value: Any) -> list[str]:
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def _principals(statement: dict[str, Any]) -> list[str]:
    if "NotPrincipal" in statement:
        return ["*"]  # Allow with NotPrincipal: everyone but those named
    principal = statement.get("Principal")
    if principal is None:
        return []
    if isinstance(principal, str):
        return [principal]
    out: list[str] = []
    for kind in ("AWS", "CanonicalUser"):
        out += _values(principal[kind]) if kind in principal else []
    return out


def _account_of(principal: str) -> str:
    """``*`` for anyone; the 12-digit account of an ARN or bare account ID."""
    if principal == "*":
        return "*"
    if re.fullmatch(r"\d{12}", principal):
        return principal
    match = _ACCOUNT_IN_ARN.match(principal)
    if match:
        return match.group(1) or "*"
    return "*" if "*" in principal else principal


def _restricted_to(condition: dict[str, Any], account: str) -> str | None:
    """ "account" when the condition pins callers to ``account``; "organization" when to an
    organisation; None when it does not restrict who calls."""
    org = False
    for operator, keys in condition.items():
        if operator.removeprefix("ForAnyValue:").removeprefix("ForAllValues:") not in OPERATORS:
            continue
        for key, value in (keys or {}).items():
            key = key.lower()
            values = _values(value)
            if key in ACCOUNT_KEYS and values and all(_pins(v, account) for v in values):
                return "account"
            if key in ORG_KEYS and values and all("*" not in v for v in values):
                org = True
    return "organization" if org else None


def _pins(value: str, account: str) -> bool:
    if value.startswith("arn:"):
        parts = value.split(":")
        wild = value.endswith(":*") or value.count("*") >= 3
        return len(parts) >= 6 and parts[4] == account and not wild
    return value == account


def outsiders(policy: str | dict[str, Any], account: str, *, org_is_inside: bool = False) -> list[str]:
    """The principals outside ``account`` that the policy's Allow statements let in: ``*``
    (anyone) or account IDs, sorted; an unreadable policy counts as ``*``."""
    if not policy:
        return []
    try:
        doc = json.loads(policy) if isinstance(policy, str) else policy
    except ValueError:
        return ["*"]
    if not doc:
        return []
    statements = doc.get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    found: set[str] = set()
    for st in statements:
        if not isinstance(st, dict) or st.get("Effect") != "Allow":
            continue
        others = {a for a in map(_account_of, _principals(st)) if a != account}
        if not others:
            continue
        limit = _restricted_to(st.get("Condition") or {}, account)
        if limit == "account" or (limit == "organization" and org_is_inside):
            continue
        found |= others
    return sorted(found, key=lambda a: (a != "*", a))
