"""The DLP policy file: its YAML, its model, and errors a person can act on.

.. code-block:: yaml

    internal_domains: [example.co.jp]        # subdomains included (tokyo.example.co.jp)
    freemail: [extra-free.example]           # added to the shipped list
    groups: {jinji: [sato@example.co.jp]}
    keywords: [{id: confidential, words: [社外秘, 関係者外秘, Confidential]}]
    patterns: [{id: project-code, regex: "PRJ-[0-9]{4}"}]
    test_mode: false                         # log what would happen, act on nothing
    approvers: [dlp-approver@example.co.jp]  # told of held messages
    admins: [security@example.co.jp]         # told of incidents a rule asks them to know
    rules:                                   # in priority order
      - id: block-my-number
        when: {detector: jp.my-number, min_unique: 1, recipients: external}
        unless: {senders: jinji, recipients: [sato-sharoushi.jp]}   # HR to its 社労士
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

``recipients`` is ``external`` or ``freemail`` (any recipient so), ``internal`` (every
recipient internal), or a list of domains and the first two words (``[freemail,
partner.example]``: any recipient at a free-mail address or at partner.example).
``detectors: [a, b]`` with ``min_unique`` counts the distinct values of all of them together
(``outside_tables: true``: only those outside tables). ``unless`` takes recipients out of a
rule: those at its domains (sent by its group's members, when it names one); a rule with no
recipient left does not hold. An ``allow`` rule never lifts a stricter one: the most
restrictive action wins.

Every mistake is refused with where it stands (``rule 3 (hold-bulk) › when › min_rows``,
counted from 1) and what would be right, in the reader's language; a key written twice, two
rules with one id, a domain written as an address are mistakes too.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..core.errors import ConfigError
from ..core.i18n import N_, gettext
from .detectors import BY_ID
from .policyread import Twice, brief, load_yaml, problem, shown
from .userregex import compile_user_regex

#: the shipped example (``mailwarden dlp example-policy`` prints it)
EXAMPLE_POLICY = Path(__file__).with_name("example-policy.yaml")
ACTIONS = ("allow", "add_header", "tag_subject", "notify", "force_bcc", "delay", "hold", "block")
Action = Literal["allow", "add_header", "tag_subject", "notify", "force_bcc", "delay", "hold", "block"]
#: the words a recipients condition takes beside domains
RECIPIENT_CLASSES = ("external", "freemail", "internal")


def domain_value(value: Any, *, one_label: bool = True) -> str:
    """A domain as a policy may write it: ``@Example.co.jp.``, ``*.example.co.jp`` and
    ``.example.co.jp`` are ``example.co.jp`` (a domain covers its subdomains), ``例え.jp`` is
    its IDNA form, as mail carries it; one label (``localdomain``) is a domain where
    ``one_label`` allows it. An address, a link, a wildcard alone or text with spaces is
    refused."""
    if not isinstance(value, str):
        raise ValueError(gettext("a domain is needed, not {value}").format(value=shown(value)))
    domain = _DOTS.sub(".", value.strip().lower()).lstrip("@").removeprefix("*.").lstrip(".").rstrip(".")
    encoded = idna(domain) if domain and (one_label or "." in domain) else ""
    if not _DOMAIN.fullmatch(encoded):
        says = gettext("{value} is not a domain (write example.co.jp: no @, no user name)")
        raise ValueError(says.format(value=brief(value)))
    return encoded


_DOTS = re.compile("[。．｡]")  # the dots a Japanese keyboard types
# labels of letters, digits, hyphens (and the underscores some internal names have)
_DOMAIN = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*")


def idna(domain: str) -> str:
    """A domain in the form mail carries it (例え.jp is xn--r8jz45g.jp; IDNA 2008 with the
    UTS 46 mapping, as browsers and mail software read it); unchanged when it cannot be
    encoded."""
    if domain.isascii():
        return domain
    import idna as codec

    try:
        return str(codec.encode(domain, uts46=True).decode("ascii"))
    except (codec.IDNAError, UnicodeError):
        return domain


def _domains(value: Any) -> Any:
    return [domain_value(v) for v in value] if isinstance(value, list) else value


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
        try:
            compile_user_regex(value)  # RE2: linear time whatever the pattern
        except ValueError as exc:
            raise ValueError(
                gettext("not a regular expression RE2 accepts: {error}").format(error=exc)
            ) from exc
        return value


class When(_Strict):
    detector: str | None = None
    detectors: list[str] | None = None
    min_unique: int = Field(1, ge=0)
    max_unique: int | None = Field(None, ge=0)
    min_confidence: float = Field(0.0, ge=0.0, le=1.0)
    #: table rows (of spreadsheets, CSV, document and body tables) holding personal data — of
    #: the named detectors when ``detector``/``detectors`` is given — at least this many
    min_rows: int | None = Field(None, ge=1)
    #: count only the values outside tables (a list written as lines of text): a table's
    #: rows are for ``min_rows``
    outside_tables: bool = False
    keyword: str | None = None
    pattern: str | None = None
    recipients: str | list[str] | None = None  # external | freemail | internal | [domains and those]
    external_recipients_over: int | None = Field(None, ge=0)
    senders: str | None = None  # a group name
    attachments: bool | None = None
    attachment_types: list[str] | None = None  # extensions: zip, pdf, xlsx…
    encrypted: bool | None = None
    unscannable: bool | None = None
    size_over: int | None = Field(None, ge=0)

    @field_validator("detector", "detectors")
    @classmethod
    def _known(cls, value: Any) -> Any:
        for name in [value] if isinstance(value, str) else value or []:
            if name not in BY_ID:
                raise ValueError(_unknown_detector(name))
        return value

    @field_validator("recipients", mode="before")
    @classmethod
    def _recipients(cls, value: Any) -> Any:
        if value is None:
            return value
        if isinstance(value, str):
            word = value.strip().lower()
            if word in RECIPIENT_CLASSES:
                return word
            return [domain_value(value)] if "." in _DOTS.sub(".", value) else _refuse_class(value)
        if isinstance(value, list):
            return [_recipient_item(v) for v in value]
        raise ValueError(gettext("recipients is external, freemail, internal or a list of domains"))

    @model_validator(mode="after")
    def _counted(self) -> When:
        if self.outside_tables and not (self.detector or self.detectors):
            raise ValueError(gettext("outside_tables counts the values of detector or detectors: name them"))
        return self


def _recipient_item(value: Any) -> str:
    """One item of a recipients list: a domain, or external or freemail (any recipient so).
    A word without a dot is refused: "externel" would be a domain no recipient has, and the
    rule would never hold."""
    word = value.strip().lower() if isinstance(value, str) else ""
    if word == "internal":
        raise ValueError(gettext("internal stands alone (every recipient internal), not in a list"))
    if word in RECIPIENT_CLASSES:
        return word
    return listed_domain(value, _LISTED_WORDS)


def listed_domain(value: Any, words: tuple[str, ...] = ()) -> str:
    """A domain in a list of recipients: with a dot, or refused with the one of ``words``
    (those the list allows) it was likely meant to be."""
    word = value.strip().lower() if isinstance(value, str) else ""
    if word in RECIPIENT_CLASSES:  # in unless, where only domains go
        raise ValueError(gettext("{value} is not a domain: unless takes domains").format(value=word))
    if word and "." not in _DOTS.sub(".", word):
        near = difflib.get_close_matches(word, RECIPIENT_CLASSES, n=1, cutoff=0.6)
        near = [w for w in near if w in words]  # "internl" is no misspelt "external"
        if near:
            says = gettext("{value} is neither a domain nor a recipient word (did you mean {near}?)")
            raise ValueError(says.format(value=brief(value), near=near[0]))
    return domain_value(value, one_label=False)


_LISTED_WORDS = ("external", "freemail")  # internal stands alone


def _refuse_class(value: str) -> str:
    says = gettext("recipients is external, freemail, internal or a list of domains, not {value}")
    raise ValueError(says.format(value=brief(value)))


def _unknown_detector(name: str) -> str:
    near = difflib.get_close_matches(name, list(BY_ID), n=1, cutoff=0.6) if len(name) < 100 else []
    if near:
        says = gettext("unknown detector {name} (did you mean {near}? `mailwarden dlp detectors` lists them)")
        return says.format(name=brief(name), near=near[0])
    return gettext("unknown detector {name} (`mailwarden dlp detectors` lists them)").format(name=brief(name))


class Unless(_Strict):
    """Recipients a rule leaves out: those at these domains, when sent by this group's
    members (either alone: every recipient of the group's mail; every sender to these
    domains)."""

    senders: str | None = None
    recipients: list[str] | None = None

    @field_validator("recipients", mode="before")
    @classmethod
    def _domains(cls, value: Any) -> Any:
        return [listed_domain(v) for v in value] if isinstance(value, list) else value

    @model_validator(mode="after")
    def _something(self) -> Unless:
        if self.senders is None and not self.recipients:
            raise ValueError(gettext("unless needs senders (a group), recipients (domains) or both"))
        return self


class Rule(_Strict):
    id: str
    when: When = Field(default_factory=When)
    unless: Unless | None = None
    action: Action
    reason: str = ""
    minutes: int | None = Field(None, ge=1)  # for delay
    header: str | None = None  # for add_header: "X-Name: value"
    tag: str | None = None  # for tag_subject
    notify: list[Literal["sender", "approver", "admin"]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _action_fields(self) -> Rule:
        if self.action == "delay" and not self.minutes:
            raise ValueError(gettext("a delay needs minutes"))
        if self.action == "add_header" and (not self.header or ":" not in self.header):
            raise ValueError(gettext('add_header needs header: "X-Name: value"'))
        if self.action == "tag_subject" and not self.tag:
            raise ValueError(gettext("tag_subject needs a tag"))
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

    @field_validator("internal_domains", "freemail", mode="before")
    @classmethod
    def _domains(cls, value: Any) -> Any:
        return _domains(value)

    @model_validator(mode="after")
    def _references(self) -> Policy:
        kw = {k.id for k in self.keywords}
        pt = {p.id for p in self.patterns}
        seen: set[str] = set()
        for n, r in enumerate(self.rules, start=1):
            where = gettext("rule {n} ({id})").format(n=n, id=brief(r.id))
            if r.id in seen:
                says = gettext("two rules have the id {id}: each needs its own")
                raise ValueError(f"{where}: {says.format(id=brief(r.id))}")
            seen.add(r.id)
            for kind, name, known in (
                (N_("keyword"), r.when.keyword, kw),
                (N_("pattern"), r.when.pattern, pt),
                (N_("group"), r.when.senders, self.groups),
                (N_("group"), r.unless.senders if r.unless else None, self.groups),
            ):
                if name and name not in known:
                    says = gettext("unknown {kind} {name}").format(kind=gettext(kind), name=brief(name))
                    raise ValueError(f"{where}: {says}")
        return self


# --- reading -----------------------------------------------------------------------------------

#: which model a key belongs to, by the key above it (for "did you mean")
_MODELS: dict[str, type[BaseModel]] = {
    "rules": Rule,
    "when": When,
    "unless": Unless,
    "keywords": Keyword,
    "patterns": Pattern,
}


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
        data = load_yaml(text)
    except Twice as exc:
        twice = gettext("the key {key} is written twice (line {line}): the later one would replace the first")
        error = twice.format(key=exc.key, line=exc.line)
        msg = gettext("cannot read the policy {path}: {error}").format(path=source, error=error)
        raise ConfigError(msg) from exc
    except yaml.YAMLError as exc:
        msg = gettext("cannot read the policy {path}: {error}").format(path=source, error=exc)
        raise ConfigError(msg) from exc
    try:
        return Policy.model_validate(data or {})
    except RecursionError as exc:  # aliases nested beyond reason
        msg = gettext("invalid policy {path}: {problems}").format(
            path=source, problems=gettext("nested too deeply")
        )
        raise ConfigError(msg) from exc
    except ValidationError as exc:
        try:
            problems = "; ".join(problem(e, data, _MODELS, Policy) for e in exc.errors())
        except (ValueError, UnicodeError):  # a value no message can quote
            problems = gettext("a value that cannot be shown")
        msg = gettext("invalid policy {path}: {problems}").format(path=source, problems=problems)
        raise ConfigError(msg) from exc
    except (ValueError, UnicodeError) as exc:  # a value no check foresaw
        msg = gettext("invalid policy {path}: {problems}").format(path=source, problems=brief(str(exc)))
        raise ConfigError(msg) from exc
