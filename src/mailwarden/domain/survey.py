"""``domain survey``: check many domains concurrently, stream JSONL in input order, resume,
and sum up adoption the way national surveys publish it."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..core.dns import Resolver
from ..core.i18n import N_
from .audit import AuditOptions, check_domain
from .model import DomainReport

log = logging.getLogger(__name__)

#: (key, label) of the adoption table, in the order surveys publish it.
METRICS = (
    ("spf", N_("SPF published")),
    ("spf_hardfail", N_("SPF ending in -all")),
    ("dmarc", N_("DMARC published")),
    ("dmarc_enforced", N_("DMARC quarantine or reject")),
    ("dkim", N_("DKIM key found")),
    ("mta_sts", N_("MTA-STS published")),
    ("tlsrpt", N_("TLS-RPT published")),
    ("bimi", N_("BIMI published")),
    ("null_mx", N_("Null MX")),
)


def read_domains(lines: Iterable[str]) -> Iterator[str]:
    """Blank lines and ``#`` comments skipped, duplicates dropped (first kept), order kept."""
    seen: set[str] = set()
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name = line.split()[0].rstrip(".")
        key = name.lower()
        if not name or key in seen:
            continue
        seen.add(key)
        yield name


def _published(status: str | None) -> bool | None:
    if status is None or status == "undetermined":
        return None
    return status in ("present", "invalid")


def adoption_flags(rep: DomainReport) -> dict[str, bool | None]:
    c = rep.checks
    spf, dmarc = c.get("spf"), c.get("dmarc")
    flags: dict[str, bool | None] = {
        "spf": _published(spf.status if spf else None),
        "dmarc": _published(dmarc.status if dmarc else None),
        "mta_sts": _published(c["mta-sts"].status if "mta-sts" in c else None),
        "tlsrpt": _published(c["tlsrpt"].status if "tlsrpt" in c else None),
        "bimi": _published(c["bimi"].status if "bimi" in c else None),
    }
    flags["spf_hardfail"] = None if flags["spf"] is None else bool(spf and spf.data.get("all") == "-all")
    flags["dmarc_enforced"] = (
        None
        if flags["dmarc"] is None
        else bool(dmarc and dmarc.data.get("applied_policy") in ("quarantine", "reject"))
    )
    dkim = c.get("dkim")
    flags["dkim"] = None if dkim is None or dkim.status == "undetermined" else dkim.status == "present"
    mx = c.get("mx")
    flags["null_mx"] = None if mx is None or mx.status == "undetermined" else bool(mx.data.get("null_mx"))
    return flags


def survey_row(position: int, name: str, rep: DomainReport) -> dict[str, Any]:
    return {
        "position": position,
        "input": name,
        "domain": rep.domain,
        "display_name": rep.display_name,
        "grade": rep.grade,
        "score": rep.score,
        "error": rep.error,
        "adoption": adoption_flags(rep) if rep.error is None else {},
        "checks": {k: {"status": v.status, "record": v.record} for k, v in rep.checks.items()},
        "findings": [
            {"code": f.code, "severity": str(f.severity)} for f in rep.all_findings() if f.severity != "ok"
        ],
        "fixes": rep.fixes,
    }


@dataclass
class SurveyStats:
    total: int = 0
    checked: int = 0
    errors: int = 0
    resumed: int = 0
    yes: dict[str, int] = field(default_factory=lambda: {k: 0 for k, _ in METRICS})
    known: dict[str, int] = field(default_factory=lambda: {k: 0 for k, _ in METRICS})
    grades: dict[str, int] = field(default_factory=dict)
    #: DNS questions sent for this run (cache hits excluded).
    dns_queries: int = 0

    def add(self, row: dict[str, Any]) -> None:
        self.total += 1
        if row.get("error"):
            self.errors += 1
            return
        self.checked += 1
        self.grades[row["grade"]] = self.grades.get(row["grade"], 0) + 1
        for key, _ in METRICS:
            v = row.get("adoption", {}).get(key)
            if v is not None:
                self.known[key] += 1
                self.yes[key] += int(bool(v))

    def merge(self, other: SurveyStats) -> None:
        """Add ``other``'s counts (the rows of another part of the same survey)."""
        self.total += other.total
        self.checked += other.checked
        self.errors += other.errors
        self.resumed += other.resumed
        self.dns_queries += other.dns_queries
        for key, _ in METRICS:
            self.yes[key] += other.yes[key]
            self.known[key] += other.known[key]
        for grade, n in other.grades.items():
            self.grades[grade] = self.grades.get(grade, 0) + n

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SurveyStats:
        """The counts back from :meth:`to_dict` (an empty dict: no rows yet)."""
        stats = cls(
            total=int(data.get("domains", 0)),
            checked=int(data.get("checked", 0)),
            errors=int(data.get("errors", 0)),
            resumed=int(data.get("resumed", 0)),
            dns_queries=int(data.get("dns_queries", 0)),
            grades={str(k): int(v) for k, v in (data.get("grades") or {}).items()},
        )
        for row in data.get("adoption") or []:
            if row.get("metric") in stats.yes:
                stats.yes[row["metric"]] = int(row["count"])
                stats.known[row["metric"]] = int(row["determined"])
        return stats

    def table(self) -> list[dict[str, Any]]:
        return [
            {
                "metric": key,
                "label": label,
                "count": self.yes[key],
                "determined": self.known[key],
                "undetermined": self.checked - self.known[key],
                "share": round(self.yes[key] / self.known[key], 4) if self.known[key] else None,
            }
            for key, label in METRICS
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "domains": self.total,
            "checked": self.checked,
            "errors": self.errors,
            "resumed": self.resumed,
            "dns_queries": self.dns_queries,
            "grades": dict(sorted(self.grades.items())),
            "adoption": self.table(),
        }


def load_existing(path: Path) -> list[dict[str, Any]]:
    """Rows of a previous run; a torn last line (crash mid-write) is dropped."""
    rows: list[dict[str, Any]] = []
    if not path.exists():
        return rows
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                break
    return rows


Row = dict[str, Any]


async def emit_in_order(
    names: Iterable[str],
    check: Callable[[int, str], Awaitable[Row]],
    *,
    count: Callable[[Row, bool], None],
    concurrency: int = 100,
    out: TextIO | None = None,
    done: Mapping[str, Row] | None = None,
    on_row: Callable[[Row], Awaitable[None] | None] | None = None,
) -> None:
    """Run ``check(index, name)`` for each name, at most ``concurrency`` at once, and emit the
    rows (``out`` as JSON Lines, ``on_row``) strictly in input order, holding at most twice
    ``concurrency`` finished rows back. ``done`` (resume) maps names already checked to their
    rows: those are counted (``count(row, True)``) but neither checked nor written again.
    Shared by the domain survey and the post-quantum survey."""
    done = done or {}
    sem = asyncio.Semaphore(max(1, concurrency))

    async def one(i: int, name: str) -> Row:
        async with sem:
            return await check(i, name)

    window: asyncio.Queue[asyncio.Task[Row] | Row | None] = asyncio.Queue(maxsize=max(2, concurrency * 2))

    async def producer() -> None:
        for i, name in enumerate(names):
            await window.put(done[name] if name in done else asyncio.create_task(one(i, name)))
        await window.put(None)

    prod = asyncio.create_task(producer())
    try:
        while (item := await window.get()) is not None:
            if isinstance(item, dict):
                count(item, True)
                continue
            row = await item
            count(row, False)
            if out is not None:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            if on_row is not None and (r := on_row(row)) is not None:
                await r
    finally:
        prod.cancel()
    if out is not None:
        out.flush()


async def run_survey(
    domains: list[str],
    *,
    resolver: Resolver,
    options: AuditOptions | None = None,
    concurrency: int = 100,
    out: TextIO | None = None,
    done: dict[str, dict[str, Any]] | None = None,
    on_row: Callable[[dict[str, Any]], Awaitable[None] | None] | None = None,
    positions: Sequence[int] | None = None,
) -> SurveyStats:
    """Check ``domains``; rows are emitted (``out``, ``on_row``) strictly in input order.

    ``done`` maps input names already checked (resume) to their rows: they are counted in
    the statistics but not checked again or written again. ``positions``: each domain's
    position in the whole input (a worker's share of it); by default its index here.
    """
    stats = SurveyStats()
    opts = options or AuditOptions(fetch_mta_sts=False)

    async def one(i: int, name: str) -> dict[str, Any]:
        pos = positions[i] if positions is not None else i
        try:
            rep = await check_domain(name, resolver=resolver, options=opts)
        except Exception as exc:
            # A bug met by one domain must not end a survey of thousands: the domain's
            # row says what happened (counted as an error) and the traceback is logged.
            log.exception("checking %s failed", name)
            rep = DomainReport(
                domain=name, display_name=name, error=f"internal error: {type(exc).__name__}: {exc}"
            )
            rep.grade = "?"
        return survey_row(pos, name, rep)

    def count(row: dict[str, Any], resumed: bool) -> None:
        stats.resumed += resumed
        stats.add(row)

    await emit_in_order(domains, one, count=count, concurrency=concurrency, out=out, done=done, on_row=on_row)
    stats.dns_queries = resolver.queries_sent
    return stats
