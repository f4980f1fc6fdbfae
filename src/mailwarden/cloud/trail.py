"""``mailwarden cloud trail``: SES abuse patterns in CloudTrail log files (docs/cloud-trail.md).

Files are read one at a time (``trail_read``), their records folded into compact order-free
state (``trail_scan``), and the rules decided once everything is read (``trail_rules``)."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.findings import Finding
from ..core.i18n import gettext as _
from . import codes as _codes  # noqa: F401  (registers the cloud.trail-… codes)
from .trail_net import IpDb, Networks
from .trail_read import MAX_BYTES, Batch, read_local, read_s3
from .trail_rules import Rules, decide
from .trail_scan import State, fold

__all__ = ["IpDb", "Rules", "TrailResult", "analyse", "analyse_sources"]


@dataclass
class TrailResult:
    files: int = 0
    events: int = 0
    bytes: int = 0
    skipped: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "events": self.events,
            "bytes": self.bytes,
            "skipped": list(self.skipped),
            "counts": self.counts,
            "findings": [f.to_dict() for f in self.findings],
        }


def analyse(
    batches: Iterable[Batch],
    rules: Rules | None = None,
    ip_db: IpDb | None = None,
    progress: Callable[[Batch], None] | None = None,
) -> TrailResult:
    """Fold every batch, then decide: the analysis alone (what the benchmark times).

    The cyclic garbage collector is paused meanwhile: the state built while folding holds
    millions of small tuples, none in a cycle, and passes over them would cost time for
    nothing."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyse(batches, rules, ip_db, progress)
    finally:
        if collecting:
            gc.enable()


def _analyse(
    batches: Iterable[Batch],
    rules: Rules | None,
    ip_db: IpDb | None,
    progress: Callable[[Batch], None] | None,
) -> TrailResult:
    st = State()
    result = TrailResult()
    for b in batches:
        result.files += 1
        result.bytes += b.size
        if b.note:
            result.skipped.append(b.note)
        else:
            fold(b.records, st)
            if b.missing:
                st.missing += b.missing
                result.skipped.append(
                    _(
                        "{file}: {count} records without eventTime, eventSource, eventName or userIdentity;"
                        " ignored."
                    ).format(file=b.name, count=b.missing)
                )
        b.records = []  # let the file's records go before the next is read
        if progress is not None:
            progress(b)
    result.events = st.events
    result.findings = decide(st, Networks(ip_db), rules or Rules())
    return result


def analyse_sources(
    sources: list[str],
    rules: Rules | None = None,
    *,
    ip_db: IpDb | None = None,
    profile: str | None = None,
    endpoint_url: str | None = None,
    cap: int = MAX_BYTES,
    progress: Callable[[Batch], None] | None = None,
) -> TrailResult:
    """Local files and directories, and ``s3://BUCKET/PREFIX`` sources, analysed together."""

    def batches() -> Iterable[Batch]:
        for s in sources:
            if s.startswith("s3://"):
                yield from read_s3(s, profile=profile, endpoint_url=endpoint_url, cap=cap)
            else:
                yield from read_local([Path(s)], cap)

    return analyse(batches(), rules, ip_db, progress)
