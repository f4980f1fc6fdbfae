"""A DLP policy applied to one message: which rules hold, and the action that wins. The
file's format, its model and its errors live in ``policyfile``.

Every rule whose conditions all hold matches; all matches are reported; the most restrictive
action wins (allow < add_header < tag_subject < notify < force_bcc < delay < hold < block).
The gateway sends a message where that action says (on, delayed, held or refused) and also
applies every matching rule's header, subject tag and forced Bcc, and sends its notices.

A domain in the policy covers its subdomains (tokyo.example.co.jp is inside example.co.jp).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..core.freemail import freemail_domains
from ..core.message import address_pairs
from .detectors import PERSONAL, Match
from .found import CellColumn, rows_holding, values_of
from .policyfile import (
    ACTIONS,
    EXAMPLE_POLICY,
    Action,
    Keyword,
    Pattern,
    Policy,
    Rule,
    Unless,
    When,
    idna,
    load_policy,
    parse_policy,
)
from .result import DlpDecision, DlpMatchedRule
from .userregex import compile_user_regex

__all__ = [
    "ACTIONS",
    "EXAMPLE_POLICY",
    "Action",
    "Decision",
    "Facts",
    "Keyword",
    "Pattern",
    "Policy",
    "Rule",
    "Unless",
    "When",
    "decide",
    "load_policy",
    "parse_policy",
    "recipients_of",
]


@dataclass
class Facts:
    """What the policy reads of one message."""

    sender: str
    recipients: list[str]
    matches: list[Match]  # in the text parts
    texts: list[str]
    attachments: list[tuple[str, bool]]  # (name, encrypted)
    unscannable: bool
    size: int
    #: the matches in tables, column by column
    columns: list[CellColumn] = field(default_factory=list)

    @functools.cached_property
    def folded_texts(self) -> list[str]:
        """The texts case-folded, once for every keyword rule."""
        return [t.casefold() for t in self.texts]


@dataclass
class Decision:
    action: str
    matched: list[DlpMatchedRule] = field(default_factory=list)
    test_mode: bool = False
    recipients: int = 0

    def to_dict(self) -> DlpDecision:
        return {
            "action": self.action,
            "test_mode": self.test_mode,
            "matched_rules": self.matched,
            "recipients": self.recipients,
        }


def _domain(address: str) -> str:
    """The domain of an address as written anywhere: ``<Me@Gmail.com.>`` is gmail.com."""
    address = address.strip().strip("<>").rstrip(".").lower()
    return idna(address.rsplit("@", 1)[-1]) if "@" in address else ""


def inside(domain: str, domains: frozenset[str] | set[str]) -> bool:
    """Is ``domain`` one of ``domains`` or a subdomain of one?"""
    while domain:
        if domain in domains:
            return True
        domain = domain.partition(".")[2]
    return False


@dataclass
class _Scope:
    """What every condition reads of one message under one policy."""

    w: When
    policy: Policy
    facts: Facts
    domains: list[str]
    external: list[str]


def _holds(rule: Rule, policy: Policy, facts: Facts) -> bool:
    """A rule's conditions all hold (each condition kind one small check, unset ones hold),
    for the recipients its ``unless`` leaves in."""
    internal = set(policy.internal_domains)
    domains = [_domain(r) for r in facts.recipients]
    if rule.unless is not None:
        kept = _not_excepted(rule.unless, policy, facts.sender, domains)
        if kept is None:
            return False
        domains = kept
    scope = _Scope(rule.when, policy, facts, domains, [d for d in domains if d and not inside(d, internal)])
    return all(check(scope) for check in _CONDITIONS)


def _not_excepted(unless: Unless, policy: Policy, sender: str, domains: list[str]) -> list[str] | None:
    """The recipients' domains ``unless`` leaves in; None when it takes the message out
    (every recipient excepted, or the sender's group excepted whoever it writes to)."""
    if unless.senders is not None and sender.lower() not in {
        a.lower() for a in policy.groups[unless.senders]
    }:
        return domains  # not one of the group: nothing excepted
    if not unless.recipients:
        return None
    excepted = set(unless.recipients)
    kept = [d for d in domains if not inside(d, excepted)]
    return None if len(kept) < len(domains) and not kept else kept


def _data(s: _Scope) -> bool:
    """detector(s), min_confidence, min_unique, max_unique (outside_tables: of the text's
    values only), min_rows."""
    w = s.w
    names = [w.detector] if w.detector else (w.detectors or [])
    if w.min_rows is not None and _rows_holding(s.facts, names, w.min_confidence) < w.min_rows:
        return False
    if not names:
        return True
    values = values_of(s.facts.matches, [] if w.outside_tables else s.facts.columns, names, w.min_confidence)
    return len(values) >= w.min_unique and (w.max_unique is None or len(values) <= w.max_unique)


def _keyword(s: _Scope) -> bool:
    if not s.w.keyword:
        return True
    words = next(k.words for k in s.policy.keywords if k.id == s.w.keyword)
    folded = [word.casefold() for word in words]
    return any(word in t for t in s.facts.folded_texts for word in folded)


def _pattern(s: _Scope) -> bool:
    if not s.w.pattern:
        return True
    rx = compile_user_regex(next(p.regex for p in s.policy.patterns if p.id == s.w.pattern))
    return any(rx.search(t) for t in s.facts.texts)


def _recipients(s: _Scope) -> bool:
    """recipients (external, internal, freemail, or a list of domains and those words: any
    recipient in any of them), external_recipients_over."""
    want = s.w.recipients
    if want == "internal":
        if s.external:
            return False
    elif want is not None:
        wanted = [want] if isinstance(want, str) else want
        if not any(_reaches(s, w) for w in wanted):
            return False
    over = s.w.external_recipients_over
    return over is None or len(s.external) > over


def _reaches(s: _Scope, want: str) -> bool:
    """Is one of the recipients ``external``, at a ``freemail`` address, or at this domain?
    (``internal`` stands alone: every recipient internal.)"""
    if want == "external":
        return bool(s.external)
    if want == "freemail":
        freemail = freemail_domains() | set(s.policy.freemail)
        return any(inside(d, freemail) for d in s.domains)
    return any(inside(d, {want}) for d in s.domains)


def _senders(s: _Scope) -> bool:
    if not s.w.senders:
        return True
    return s.facts.sender.lower() in {a.lower() for a in s.policy.groups[s.w.senders]}


def _attachments(s: _Scope) -> bool:
    """attachments, attachment_types, encrypted, unscannable."""
    w, facts = s.w, s.facts
    if w.attachments is not None and bool(facts.attachments) != w.attachments:
        return False
    if w.attachment_types:
        types = {t.lower().lstrip(".") for t in w.attachment_types}
        if not any(name.lower().rsplit(".", 1)[-1] in types for name, _ in facts.attachments):
            return False
    if w.encrypted is not None and any(enc for _, enc in facts.attachments) != w.encrypted:
        return False
    return w.unscannable is None or facts.unscannable == w.unscannable


def _size(s: _Scope) -> bool:
    return s.w.size_over is None or s.facts.size > s.w.size_over


_CONDITIONS = (_data, _keyword, _pattern, _recipients, _senders, _attachments, _size)


def _rows_holding(facts: Facts, names: list[str], min_confidence: float) -> int:
    """Table rows holding the named detectors' data, or any personal data."""
    return rows_holding(facts.columns, names or PERSONAL, min_confidence)


def decide(policy: Policy, facts: Facts) -> Decision:
    matched = []
    for rule in policy.rules:
        if _holds(rule, policy, facts):
            entry: DlpMatchedRule = {"rule": rule.id, "action": rule.action, "reason": rule.reason}
            if rule.minutes:
                entry["minutes"] = rule.minutes
            if rule.header:
                entry["header"] = rule.header
            if rule.tag:
                entry["tag"] = rule.tag
            if rule.notify:
                entry["notify"] = list(rule.notify)
            matched.append(entry)
    action = max((m["action"] for m in matched), key=ACTIONS.index, default="allow")
    return Decision(action, matched, policy.test_mode, len(facts.recipients))


def recipients_of(headers: list[tuple[str, str]]) -> list[str]:
    values = [v for k, v in headers if k.lower() in ("to", "cc", "bcc")]
    return [addr.lower() for _, addr in address_pairs(values) if "@" in addr]
