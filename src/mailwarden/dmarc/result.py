"""What ``dmarc summary`` returns — the summary the CLI (table, JSON, CSV), the console page
and its API render as it is: typed here once. The JSON schema in
docs/schemas/dmarc-summary.json is made from these types (tools/schemas.py)."""

from __future__ import annotations

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

_EXACT = ConfigDict(extra="forbid")


@with_config(_EXACT)
class Rates(TypedDict):
    messages: int
    dmarc_pass_rate: float
    dkim_aligned_rate: float
    spf_aligned_rate: float


@with_config(_EXACT)
class SourceRow(Rates):
    """One sending IP: who it is (and how that was told), its class and, where fixable, the fix."""

    source_ip: str
    ptr: str | None
    asn: int | None
    service: str | None
    evidence: str
    #: aligned, legitimate-not-aligned, forwarded or unknown
    classification: str
    fixes: list[str]
    dkim_domains: list[str]
    envelope_from: list[str]


@with_config(_EXACT)
class ServiceRow(Rates):
    """The sources of one service (or of one class, where no service is named) together."""

    key: str
    service: str | None
    sources: int
    classification: str
    fixes: list[str]


@with_config(_EXACT)
class DayRow(Rates):
    #: the day's start, Unix seconds (UTC)
    day: int


@with_config(_EXACT)
class DmarcSummary(TypedDict):
    domain: str
    #: reports that began at or after this time (Unix seconds) are counted
    since: int
    #: whether sources were named through reverse DNS (offline: no)
    reverse_dns: bool
    totals: Rates
    by_service: list[ServiceRow]
    sources: list[SourceRow]
    over_time: list[DayRow]
