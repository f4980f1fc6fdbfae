"""DLP policies in YAML, validated with clear errors, and their evaluation.

.. code-block:: yaml

    internal_domains: [example.co.jp]
    freemail: [extra-free.example]          # added to the shipped list
    groups: {sales: [tanaka@example.co.jp]}
    keywords: [{id: confidential, words: [社外秘, 関係者外秘, Confidential]}]
    patterns: [{id: project-code, regex: "PRJ-[0-9]{4}"}]
    test_mode: false                         # log what would happen, act on nothing
    approvers: [dlp-approver@example.co.jp]  # told of held messages
    admins: [security@example.co.jp]         # told of incidents a rule asks them to know
    rules:                                   # in priority order
      - id: block-my-number
        when: {detector: jp.my-number, min_unique: 1}
        action: block
        reason: マイナンバーを含むメールは社外へ送信できません
      - id: block-cards-to-freemail
        when: {detector: credit-card, min_unique: 10, recipients: freemail}
        action: block
      - id: hold-bulk-personal-data          # a list: 50 table rows holding personal data
        when: {min_rows: 50, recipients: external}
        action: hold
      - id: delay-external
        when: {recipients: external}
        action: delay
        minutes: 5                           # the sender is sent a cancel link
      - id: bcc-many-outside
        when: {external_recipients_over: 5}
        action: force_bcc                    # To/Cc hidden; everyone still receives it
      - id: tag-confidential
        when: {keyword: confidential}
        action: tag_subject
        tag: "[社外秘]"
        notify: [admin]

Every rule whose conditions all hold matches; all matches are reported; the most restrictive
action wins (allow < add_header < tag_subject < notify < force_bcc < delay < hold < block).
The gateway sends a message where that action says (on, delayed, held or refused) and also
applies every matching rule's header, subject tag and forced Bcc, and sends its notices.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..core.errors import ConfigError
from ..core.freemail import freemail_domains
from ..core.i18n import gettext
from ..core.message import address_pairs
from .detectors import BY_ID, PERSONAL, Match
from .found import CellColumn, rows_holding, values_of
from .result import DlpDecision, DlpMatchedRule
from .userregex import compile_user_regex

#: the shipped example (``mailwarden dlp example-policy`` prints it)
EXAMPLE_POLICY = Path(__file__).with_name("example-policy.yaml")
ACTIONS = ("allow", "add_header", "tag_subject", "notify", "force_bcc", "delay", "hold", "block")
Action = Literal["allow", "add_header", "tag_subject", "notify", "force_bcc", "delay", "hold", "block"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Keyword(_Strict):
    id: str
    words: list[str] = Field(min_length=1)


class Pattern(_Strict):
    id: str
    regex: str

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        compile_user_regex(value)  # RE2: linear time whatever the pattern (ValueError if not)
        return value


class When(_Strict):
    detector: str | None = None
    detectors: list[str] | None = None
    min_unique: int = 1
    max_unique: int | None = None
    min_confidence: float = 0.0
    #: table rows (of spreadsheets, CSV, document and body tables) holding personal data — of
    #: the named detectors when ``detector``/``detectors`` is given — at least this many
    min_rows: int | None = None
    keyword: str | None = None
    pattern: str | None = None
    recipients: str | list[str] | None = None  # external | freemail | internal | [domains]
    external_recipients_over: int | None = None
    senders: str | None = None  # a group name
    attachments: bool | None = None
    attachment_types: list[str] | None = None  # extensions: zip, pdf, xlsx…
    encrypted: bool | None = None
    unscannable: bool | None = None
    size_over: int | None = None

    @field_validator("detector", "detectors")
    @classmethod
    def _known(cls, value: Any) -> Any:
        names = [value] if isinstance(value, str) else value or []
        unknown = [n for n in names if n not in BY_ID]
        if unknown:
            raise ValueError(f"unknown detector {', '.join(unknown)}")
        return value

    @field_validator("recipients")
    @classmethod
    def _recipients(cls, value: Any) -> Any:
        if isinstance(value, str) and value not in ("external", "freemail", "internal"):
            raise ValueError("recipients is external, freemail, internal or a list of domains")
        return value


class Rule(_Strict):
    id: str
    when: When = Field(default_factory=When)
    action: Action
    reason: str = ""
    minutes: int | None = None  # for delay
    header: str | None = None  # for add_header: "X-Name: value"
    tag: str | None = None  # for tag_subject
    notify: list[Literal["sender", "approver", "admin"]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _action_fields(self) -> Rule:
        if self.action == "delay" and not self.minutes:
            raise ValueError("a delay needs minutes")
        if self.action == "add_header" and (not self.header or ":" not in self.header):
            raise ValueError('add_header needs header: "X-Name: value"')
        if self.action == "tag_subject" and not self.tag:
            raise ValueError("tag_subject needs a tag")
        return self


class Policy(_Strict):
    internal_domains: list[str] = Field(default_factory=list)
    freemail: list[str] = Field(default_factory=list)
    groups: dict[str, list[str]] = Field(default_factory=dict)
    keywords: list[Keyword] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list)
    test_mode: bool = False
    #: who gets the approver's and the administrator's notifications
    approvers: list[str] = Field(default_factory=list)
    admins: list[str] = Field(default_factory=list)
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> Policy:
        kw = {k.id for k in self.keywords}
        pt = {p.id for p in self.patterns}
        for r in self.rules:
            if r.when.keyword and r.when.keyword not in kw:
                raise ValueError(f"rule {r.id}: unknown keyword {r.when.keyword}")
            if r.when.pattern and r.when.pattern not in pt:
                raise ValueError(f"rule {r.id}: unknown pattern {r.when.pattern}")
            if r.when.senders and r.when.senders not in self.groups:
                raise ValueError(f"rule {r.id}: unknown group {r.when.senders}")
        return self


def load_policy(path: Path) -> Policy:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        msg = gettext("cannot read the policy {path}: {error}").format(path=path, error=exc)
        raise ConfigError(msg) from exc
    return parse_policy(text, str(path))


def parse_policy(text: str, source: str) -> Policy:
    """A policy from YAML text; ``source`` names it in error messages."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        msg = gettext("cannot read the policy {path}: {error}").format(path=source, error=exc)
        raise ConfigError(msg) from exc
    try:
        return Policy.model_validate(data or {})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e['loc']) or 'policy'}: {e['msg']}" for e in exc.errors()
        )
        msg = gettext("invalid policy {path}: {problems}").format(path=source, problems=problems)
        raise ConfigError(msg) from exc


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

    def to_dict(self) -> DlpDecision:
        return {"action": self.action, "test_mode": self.test_mode, "matched_rules": self.matched}


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower() if "@" in address else ""


@dataclass
class _Scope:
    """What every condition reads of one message under one policy."""

    w: When
    policy: Policy
    facts: Facts
    domains: list[str]
    external: list[str]


def _holds(w: When, policy: Policy, facts: Facts) -> bool:
    """A rule's conditions all hold (each condition kind one small check, unset ones hold)."""
    internal = {d.lower() for d in policy.internal_domains}
    domains = [_domain(r) for r in facts.recipients]
    scope = _Scope(w, policy, facts, domains, [d for d in domains if d and d not in internal])
    return all(check(scope) for check in _CONDITIONS)


def _data(s: _Scope) -> bool:
    """detector(s), min_confidence, min_unique, max_unique, min_rows."""
    w = s.w
    names = [w.detector] if w.detector else (w.detectors or [])
    if w.min_rows is not None and _rows_holding(s.facts, names, w.min_confidence) < w.min_rows:
        return False
    if not names:
        return True
    values = values_of(s.facts.matches, s.facts.columns, names, w.min_confidence)
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
    """recipients (external, internal, freemail or a list of domains), external_recipients_over."""
    want = s.w.recipients
    if want == "external" and not s.external:
        return False
    if want == "internal" and s.external:
        return False
    if want == "freemail":
        freemail = freemail_domains() | {d.lower() for d in s.policy.freemail}
        if not any(d in freemail for d in s.domains):
            return False
    if isinstance(want, list) and not set(s.domains) & {d.lower() for d in want}:
        return False
    over = s.w.external_recipients_over
    return over is None or len(s.external) > over


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
        if _holds(rule.when, policy, facts):
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
    return Decision(action, matched, policy.test_mode)


def recipients_of(headers: list[tuple[str, str]]) -> list[str]:
    values = [v for k, v in headers if k.lower() in ("to", "cc", "bcc")]
    return [addr.lower() for _, addr in address_pairs(values) if "@" in addr]
