"""The one way to fetch TXT records and keep those of one kind (SPF, DMARC, MTA-STS, TLS-RPT,
BIMI, a DKIM key): what every record check starts with."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .dns import DnsAnswer, Resolver, Status


@dataclass
class TxtRecords:
    status: Status
    #: the records ``select`` kept, as text (strings joined, invalid UTF-8 replaced)
    records: list[str] = field(default_factory=list)
    #: the same records as the strings they were published in
    strings: list[list[bytes]] = field(default_factory=list)
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    @property
    def temporary(self) -> bool:
        return self.status.temporary


async def fetch_txt(resolver: Resolver, name: str, select: Callable[[str], bool]) -> TxtRecords:
    """The TXT records at ``name`` that ``select`` keeps, with the lookup's status and, when
    it failed, why."""
    return select_txt(await resolver.query(name, "TXT"), select)


async def fetch_txt_many(
    resolver: Resolver, names: Sequence[str], select: Callable[[str], bool]
) -> list[TxtRecords]:
    """:func:`fetch_txt` for many names at once (one burst: ``Resolver.query_many``)."""
    return [select_txt(ans, select) for ans in await resolver.query_many(names, "TXT")]


def select_txt(ans: DnsAnswer, select: Callable[[str], bool]) -> TxtRecords:
    out = TxtRecords(ans.status, reason=ans.reason if not ans.ok else "")
    if not ans.records:  # most answers of a survey (selector probes): nothing to pick
        return out
    for raw, parts in zip(ans.texts(), ans.strings(), strict=True):
        text = raw.decode("utf-8", "replace")
        if select(text):
            out.records.append(text)
            out.strings.append(parts)
    return out
