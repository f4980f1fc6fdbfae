"""Rules that resolve known classes of reports on intake (``rules.yaml`` beside this module,
overridden by the file ``MAILWARDEN_REPORT_RULES`` names): data, as the analyser's rules are.

A rule matches a report when every condition of its ``when`` holds; the first rule that
matches decides. The loader refuses an unknown key, condition or classification, a rule
without an id or without conditions, and a duplicate id, with a reason (``ConfigError``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from ..core.errors import ConfigError
from ..core.i18n import gettext
from ..core.message import ParsedMessage
from ..core.store.models import utcnow
from .models import Report, ReportAudit, ReportCluster

HERE = Path(__file__).parent
DEFAULT_FILE = HERE / "rules.yaml"
CLASSIFICATIONS = ("phishing", "spam", "clean")
VERDICTS = ("clean", "spam", "suspicious", "phishing", "malicious")
CONDITIONS = (
    "verdict",
    "max_signals",
    "max_score",
    "max_links",
    "max_attachments",
    "list_unsubscribe",
    "sender_domains",
    "authenticated",
)
RULE_KEYS = ("id", "description", "classification", "when", "enabled")


@dataclass(frozen=True)
class Rule:
    id: str
    classification: str
    description: str = ""
    verdicts: tuple[str, ...] | None = None
    max_signals: int | None = None
    max_score: float | None = None
    max_links: int | None = None
    max_attachments: int | None = None
    list_unsubscribe: bool | None = None
    sender_domains: tuple[str, ...] | None = None
    authenticated: bool | None = None

    def matches(self, msg: ParsedMessage, verdict: dict[str, Any]) -> bool:
        if self.verdicts is not None and verdict.get("verdict") not in self.verdicts:
            return False
        if self.max_signals is not None and len(verdict.get("signals") or []) > self.max_signals:
            return False
        if self.max_score is not None and float(verdict.get("score") or 0) > self.max_score:
            return False
        if self.max_links is not None and len(verdict.get("urls") or []) > self.max_links:
            return False
        if self.max_attachments is not None and len(verdict.get("attachments") or []) > self.max_attachments:
            return False
        if (
            self.list_unsubscribe is not None
            and bool(msg.header("list-unsubscribe")) != self.list_unsubscribe
        ):
            return False
        if self.sender_domains is not None:
            domain = (msg.sender.domain if msg.sender else "").lower().rstrip(".")
            if not domain or not any(domain == d or domain.endswith("." + d) for d in self.sender_domains):
                return False
        return self.authenticated is None or dmarc_passed(verdict) == self.authenticated


@dataclass(frozen=True)
class AutoRules:
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def first_match(self, msg: ParsedMessage, verdict: dict[str, Any]) -> Rule | None:
        return next((r for r in self.rules if r.matches(msg, verdict)), None)


def dmarc_passed(verdict: dict[str, Any]) -> bool:
    results = (verdict.get("authentication") or {}).get("results") or []
    return any(r.get("method") == "dmarc" and r.get("result") == "pass" for r in results)


def _fail(where: str, what: str) -> ConfigError:
    return ConfigError(gettext("report rules ({where}): {what}").format(where=where, what=what))


def _rule(raw: Any, where: str) -> tuple[Rule | None, str]:
    """A rule from its YAML (None when ``enabled: false``) and its id."""
    if not isinstance(raw, dict):
        raise _fail(where, gettext("each rule must be a mapping"))
    unknown = sorted(set(map(str, raw)) - set(RULE_KEYS))
    if unknown:
        raise _fail(where, gettext("unknown keys: {keys}").format(keys=", ".join(unknown)))
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise _fail(where, gettext("a rule needs an id"))
    where = f"{where}, {rid}"
    if raw.get("enabled", True) is False:
        return None, rid
    if raw.get("classification") not in CLASSIFICATIONS:
        raise _fail(
            where,
            gettext("classification must be one of: {values}").format(values=", ".join(CLASSIFICATIONS)),
        )
    when = raw.get("when")
    if not isinstance(when, dict) or not when:
        raise _fail(where, gettext("a rule needs at least one condition under 'when'"))
    bad = sorted(set(map(str, when)) - set(CONDITIONS))
    if bad:
        raise _fail(where, gettext("unknown conditions: {keys}").format(keys=", ".join(bad)))
    kw: dict[str, Any] = {}
    if "verdict" in when:
        v = when["verdict"]
        if not isinstance(v, list) or not v or any(x not in VERDICTS for x in v):
            raise _fail(
                where, gettext("verdict must be a list of: {values}").format(values=", ".join(VERDICTS))
            )
        kw["verdicts"] = tuple(v)
    for key, kind in (
        ("max_signals", int),
        ("max_score", (int, float)),
        ("max_links", int),
        ("max_attachments", int),
    ):
        if key in when:
            value = when[key]
            if isinstance(value, bool) or not isinstance(value, kind) or value < 0:
                raise _fail(where, gettext("{key} must be a number, 0 or more").format(key=key))
            kw[key] = value
    for key in ("list_unsubscribe", "authenticated"):
        if key in when:
            if not isinstance(when[key], bool):
                raise _fail(where, gettext("{key} must be true or false").format(key=key))
            kw[key] = when[key]
    if "sender_domains" in when:
        domains = when["sender_domains"]
        if not isinstance(domains, list) or any(not isinstance(d, str) or not d.strip() for d in domains):
            raise _fail(where, gettext("sender_domains must be a list of domains"))
        kw["sender_domains"] = tuple(d.strip().lower().rstrip(".") for d in domains)
    return Rule(
        id=rid, classification=raw["classification"], description=str(raw.get("description", "")), **kw
    ), rid


def _read(path: Path) -> list[Any]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            gettext("cannot read the rules file {path}: {error}").format(path=path, error=exc)
        ) from exc
    if (
        not isinstance(doc, dict)
        or set(map(str, doc)) - {"rules"}
        or not isinstance(doc.get("rules", []), list)
    ):
        raise _fail(str(path), gettext("the file must be a mapping with a list under 'rules'"))
    return list(doc.get("rules") or [])


def load(path: Path | None = None) -> AutoRules:
    """The shipped rules, with the rules of ``path`` (a user's file) over them."""
    merged: dict[str, Rule | None] = {}
    for source in (DEFAULT_FILE, path):
        if source is None:
            continue
        seen: set[str] = set()
        for raw in _read(source):
            rule, rid = _rule(raw, str(source))
            if rid in seen:
                raise _fail(str(source), gettext("the id {id} is used twice").format(id=rid))
            seen.add(rid)
            merged[rid] = rule
    return AutoRules(tuple(r for r in merged.values() if r is not None))


@cache
def _cached(path: str | None, mtime: float) -> AutoRules:
    return load(Path(path) if path else None)


def configured() -> AutoRules:
    """The rules as configured (``MAILWARDEN_REPORT_RULES``), read again when the file changes."""
    from ..core.config import get_settings

    return from_file(get_settings().report_rules)


def from_file(path: Path | None) -> AutoRules:
    """The shipped rules with ``path`` over them, read again when the file changes."""
    try:
        mtime = path.stat().st_mtime if path is not None else 0.0
    except OSError:
        mtime = -1.0  # unreadable: load() says why
    return _cached(str(path) if path is not None else None, mtime)


def apply(s: Session, group: ReportCluster, row: Report, rule: Rule) -> None:
    """Resolve a new cluster and its first report by ``rule``, logged with the rule's id."""
    now, actor = utcnow(), f"rule:{rule.id}"[:320]
    group.status, group.classification = "resolved", rule.classification
    group.decided_by, group.decided_at, group.updated_at = actor, now, now
    row.status, row.classification = "resolved", rule.classification
    s.add(
        ReportAudit(
            at=now,
            actor=actor,
            action="auto_resolve",
            cluster_id=group.id,
            report_id=row.id,
            detail=f"{rule.id} -> {rule.classification}",
        )
    )
