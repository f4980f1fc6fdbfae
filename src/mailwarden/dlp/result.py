"""What `check_message` returns — the DLP result every face renders as it is (CLI table and
JSON, console page and API, the gateway's incident record): typed here once. The JSON
schema in docs/schemas/dlp-result.json is made from these types (tools/schemas.py)."""

from __future__ import annotations

from typing import NotRequired

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

_EXACT = ConfigDict(extra="forbid")


@with_config(_EXACT)
class DlpMatch(TypedDict):
    """One value found, masked: its detector, where it stands, how sure."""

    detector: str
    description: str
    masked: str
    location: str
    confidence: float
    #: found in a table cell (its location names the cell)
    cell: bool


@with_config(_EXACT)
class DlpColumn(TypedDict):
    """One table column and detector: how many matches and distinct values, the cells spanned."""

    location: str
    header: str
    detector: str
    description: str
    count: int
    distinct: int
    confidence: float


@with_config(_EXACT)
class DlpUnscannable(TypedDict):
    location: str
    #: the reason as data (stable, English)
    reason: str
    #: the reason in the reader's language
    text: str


@with_config(_EXACT)
class DlpMatchedRule(TypedDict):
    rule: str
    action: str
    reason: str
    minutes: NotRequired[int]
    header: NotRequired[str]
    tag: NotRequired[str]
    notify: NotRequired[list[str]]


@with_config(_EXACT)
class DlpDecision(TypedDict):
    """What the policy calls for: the most restrictive action of the rules that matched."""

    action: str
    test_mode: bool
    matched_rules: list[DlpMatchedRule]
    #: the envelope recipients the rules were weighed against (none: rules about recipients
    #: could not match)
    recipients: int


@with_config(_EXACT)
class DlpResult(TypedDict):
    subject: str
    #: the first MAX_LISTED matches; the counts cover them all
    matches: list[DlpMatch]
    matches_total: int
    #: distinct values per detector
    counts: dict[str, int]
    tables: int
    columns: list[DlpColumn]
    #: table rows holding personal data
    personal_rows: int
    unscannable: list[DlpUnscannable]
    #: only when a policy was given
    decision: NotRequired[DlpDecision]
