"""IAM policy documents as the IAM area reads them: the statements of a document (a dict from
boto3, or a URL-encoded JSON string), and whether a set of documents allows an action on a
resource (Allow statements, explicit Deny on the same action and resource cancelling them).

Bounded: a document over :data:`MAX_DOC` characters, or one that is not a JSON object, raises
:class:`BadPolicy` (the checks report it as undetermined) instead of being evaluated."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import unquote

#: AWS caps a managed policy at 6,144 characters; anything far past that is not a real policy
MAX_DOC = 100_000
#: statements read from one document at most
MAX_STATEMENTS = 1_000


class BadPolicy(ValueError):
    """A policy document that cannot be read safely."""


def document(doc: Any) -> dict[str, Any]:
    """The document as a dict (boto3 gives dicts; a raw API answer gives URL-encoded JSON)."""
    if isinstance(doc, str):
        if len(doc) > MAX_DOC * 3:
            raise BadPolicy(f"document of {len(doc)} characters")
        text = unquote(doc) if doc.lstrip().startswith("%") or "%7B" in doc[:10] else doc
        if len(text) > MAX_DOC:
            raise BadPolicy(f"document of {len(text)} characters")
        try:
            doc = json.loads(text)
        except ValueError as exc:
            raise BadPolicy("not JSON") from exc
    if not isinstance(doc, dict):
        raise BadPolicy("not a JSON object")
    if len(json.dumps(doc, default=str)) > MAX_DOC:
        raise BadPolicy("document too large")
    return doc


def statements(doc: Any) -> list[dict[str, Any]]:
    """The statements of a document: Statement as an object or a list; non-objects skipped."""
    body = document(doc)
    raw = body.get("Statement", [])
    items = raw if isinstance(raw, list) else [raw]
    return [s for s in items[:MAX_STATEMENTS] if isinstance(s, dict)]


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def action_matches(stmt: dict[str, Any], action: str) -> bool:
    """Does the statement's Action (or NotAction) cover ``action`` (case-insensitive)?"""
    action = action.lower()
    if "Action" in stmt:
        return any(fnmatchcase(action, p.lower()) for p in strings(stmt["Action"]))
    if "NotAction" in stmt:
        return not any(fnmatchcase(action, p.lower()) for p in strings(stmt["NotAction"]))
    return False


def resource_matches(stmt: dict[str, Any], resource: str) -> bool:
    """Does the statement's Resource (or NotResource) cover ``resource``?"""
    if "Resource" in stmt:
        return any(fnmatchcase(resource, p) for p in strings(stmt["Resource"]))
    if "NotResource" in stmt:
        return not any(fnmatchcase(resource, p) for p in strings(stmt["NotResource"]))
    return False


def effect(stmt: dict[str, Any]) -> str:
    return str(stmt.get("Effect", "")).capitalize()


def allowing(stmts: Iterable[dict[str, Any]], action: str, resource: str) -> Iterator[dict[str, Any]]:
    """The Allow statements covering ``action`` on ``resource``."""
    for s in stmts:
        if effect(s) == "Allow" and action_matches(s, action) and resource_matches(s, resource):
            yield s


def allows(stmts: list[dict[str, Any]], action: str, resource: str) -> bool:
    """Allowed by some statement and not explicitly denied (Deny on that resource or ``*``)."""
    if not any(True for _ in allowing(stmts, action, resource)):
        return False
    for s in stmts:
        if effect(s) == "Deny" and action_matches(s, action) and resource_matches(s, resource):
            return False
    return True


def is_admin(stmt: dict[str, Any]) -> bool:
    """Allow ``*`` on ``*``."""
    return (
        effect(stmt) == "Allow"
        and "*" in strings(stmt.get("Action"))
        and "*" in strings(stmt.get("Resource"))
    )


def is_ses_wildcard(stmt: dict[str, Any]) -> bool:
    """Allow ``ses:*`` (any case) on ``*``; ``ses:Send*`` and narrower are not flagged."""
    return (
        effect(stmt) == "Allow"
        and any(a.lower() == "ses:*" for a in strings(stmt.get("Action")))
        and "*" in strings(stmt.get("Resource"))
    )


def allowed_actions(stmts: Iterable[dict[str, Any]]) -> set[str] | None:
    """The action patterns Allow statements name (lower case); None when one uses NotAction
    (which allows everything else, so is never "only sending")."""
    out: set[str] = set()
    for s in stmts:
        if effect(s) != "Allow":
            continue
        if "Action" not in s:
            return None
        out.update(a.lower() for a in strings(s["Action"]))
    return out
