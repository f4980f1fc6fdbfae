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
from email.utils import getaddresses
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..analyze.rules import load_rules
from ..core.errors import ConfigError
from ..core.i18n import gettext
from .detectors import BY_ID, PERSONAL, Match
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


@cache
def _shipped_freemail() -> frozenset[str]:
    return load_rules().freemail  # the list the message analyser ships


@dataclass
class Facts:
    """What the policy reads of one message."""

    sender: str
    recipients: list[str]
    matches: list[Match]
    texts: list[str]
    attachments: list[tuple[str, bool]]  # (name, encrypted)
    unscannable: bool
    size: int
    #: one entry a match in a table: ((table, first column, row), detector, confidence)
    rows: list[tuple[tuple[int, int, int], str, float]] = field(default_factory=list)

    @functools.cached_property
    def folded_texts(self) -> list[str]:
        """The texts case-folded, once for every keyword rule."""
        return [t.casefold() for t in self.texts]


@dataclass
class Decision:
    action: str
    matched: list[dict[str, Any]] = field(default_factory=list)
    test_mode: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "test_mode": self.test_mode, "matched_rules": self.matched}


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower() if "@" in address else ""


def _holds(w: When, policy: Policy, facts: Facts) -> bool:
    internal = {d.lower() for d in policy.internal_domains}
    freemail = _shipped_freemail() | {d.lower() for d in policy.freemail}
    domains = [_domain(r) for r in facts.recipients]
    external = [d for d in domains if d and d not in internal]
    names = [w.detector] if w.detector else (w.detectors or [])
    if w.min_rows is not None and _rows_holding(facts, names, w.min_confidence) < w.min_rows:
        return False
    if names:
        values = {m.value for m in facts.matches if m.detector in names and m.confidence >= w.min_confidence}
        if len(values) < w.min_unique or (w.max_unique is not None and len(values) > w.max_unique):
            return False
    if w.keyword:
        words = next(k.words for k in policy.keywords if k.id == w.keyword)
        folded = [word.casefold() for word in words]
        if not any(word in t for t in facts.folded_texts for word in folded):
            return False
    if w.pattern:
        rx = compile_user_regex(next(p.regex for p in policy.patterns if p.id == w.pattern))
        if not any(rx.search(t) for t in facts.texts):
            return False
    if w.recipients == "external" and not external:
        return False
    if w.recipients == "internal" and external:
        return False
    if w.recipients == "freemail" and not any(d in freemail for d in domains):
        return False
    if isinstance(w.recipients, list) and not set(domains) & {d.lower() for d in w.recipients}:
        return False
    if w.external_recipients_over is not None and len(external) <= w.external_recipients_over:
        return False
    if w.senders and facts.sender.lower() not in {a.lower() for a in policy.groups[w.senders]}:
        return False
    if w.attachments is not None and bool(facts.attachments) != w.attachments:
        return False
    if w.attachment_types and not any(
        name.lower().rsplit(".", 1)[-1] in {t.lower().lstrip(".") for t in w.attachment_types}
        for name, _ in facts.attachments
    ):
        return False
    if w.encrypted is not None and any(enc for _, enc in facts.attachments) != w.encrypted:
        return False
    if w.unscannable is not None and facts.unscannable != w.unscannable:
        return False
    return not (w.size_over is not None and facts.size <= w.size_over)


def _rows_holding(facts: Facts, names: list[str], min_confidence: float) -> int:
    """Table rows holding the named detectors' data, or any personal data."""
    wanted = set(names) if names else PERSONAL
    return len({row for row, det, conf in facts.rows if det in wanted and conf >= min_confidence})


def decide(policy: Policy, facts: Facts) -> Decision:
    matched = []
    for rule in policy.rules:
        if _holds(rule.when, policy, facts):
            entry: dict[str, Any] = {"rule": rule.id, "action": rule.action, "reason": rule.reason}
            for key in ("minutes", "header", "tag"):
                if getattr(rule, key):
                    entry[key] = getattr(rule, key)
            if rule.notify:
                entry["notify"] = list(rule.notify)
            matched.append(entry)
    action = max((m["action"] for m in matched), key=ACTIONS.index, default="allow")
    return Decision(action, matched, policy.test_mode)


def recipients_of(headers: list[tuple[str, str]]) -> list[str]:
    values = [v for k, v in headers if k.lower() in ("to", "cc", "bcc")]
    return [addr.lower() for _, addr in getaddresses(values) if "@" in addr]
