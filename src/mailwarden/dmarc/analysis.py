"""``dmarc summary``: volume, DMARC pass rate and aligned SPF/DKIM rates by service and by
source, over time, with each source classified and, where it is fixable, the fix."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from typing_extensions import TypedDict

from ..core.config import get_settings
from ..core.dns import Resolver
from ..core.i18n import N_, gettext
from ..core.store import Store
from ..domain.orgdomain import same_organisation
from .models import AggregateRecord, AggregateReport
from .result import DmarcSummary, Rates, ServiceRow, SourceRow
from .senders import ASN_EVIDENCE, catalogue, origin_asns, reverse_names

ALIGNED = "aligned"
LEGITIMATE = "legitimate-not-aligned"
FORWARDED = "forwarded"
UNKNOWN = "unknown"
CLASS_LABELS = {
    ALIGNED: N_("aligned"),
    LEGITIMATE: N_("legitimate but not aligned"),
    FORWARDED: N_("forwarded"),
    UNKNOWN: N_("unknown / likely spoofing"),
}
FORWARD_REASONS = {"forwarded", "trusted_forwarder", "mailing_list"}


def _forwarded(reason: dict[str, str]) -> bool:
    """A reporter's override reason that says "forwarded": the RFC 7489 types, or an ARC
    chain the receiver trusted (Google and Microsoft write ``arc=pass`` in the comment)."""
    if reason.get("type") in FORWARD_REASONS:
        return True
    return "arc=pass" in reason.get("comment", "").lower().replace(" ", "")


@dataclass
class Bucket:
    messages: int = 0
    passed: int = 0
    dkim_aligned: int = 0
    spf_aligned: int = 0

    def add(self, count: int, dkim: bool, spf: bool) -> None:
        self.messages += count
        self.passed += count if (dkim or spf) else 0
        self.dkim_aligned += count if dkim else 0
        self.spf_aligned += count if spf else 0

    def rates(self) -> Rates:
        m = self.messages or 1
        return {
            "messages": self.messages,
            "dmarc_pass_rate": round(self.passed / m, 4),
            "dkim_aligned_rate": round(self.dkim_aligned / m, 4),
            "spf_aligned_rate": round(self.spf_aligned / m, 4),
        }


@dataclass
class Source:
    ip: str
    bucket: Bucket = field(default_factory=Bucket)
    dkim_domains: set[str] = field(default_factory=set)
    selectors: set[tuple[str, str]] = field(default_factory=set)
    envelope_from: set[str] = field(default_factory=set)
    forward_reason: bool = False


@dataclass
class _Service:
    service: str | None
    bucket: Bucket = field(default_factory=Bucket)
    classifications: set[str] = field(default_factory=set)
    fixes: list[str] = field(default_factory=list)
    sources: int = 0


def _collect(
    store: Store, domain: str, since: int, until: int | None = None
) -> tuple[Bucket, dict[int, Bucket], dict[str, Source]]:
    total = Bucket()
    days: dict[int, Bucket] = {}
    sources: dict[str, Source] = {}
    q = select(
        AggregateRecord.source_ip,
        AggregateRecord.count,
        AggregateRecord.dkim_aligned,
        AggregateRecord.spf_aligned,
        AggregateRecord.begin,
        AggregateRecord.dkim,
        AggregateRecord.envelope_from,
        AggregateRecord.reasons,
    ).where(AggregateRecord.policy_domain == domain, AggregateRecord.begin >= since)
    if until is not None:
        q = q.where(AggregateRecord.begin < until)
    with store.session() as s:
        for ip, count, dkim, spf, begin, dkim_results, env, reasons in s.execute(q).yield_per(5000):
            total.add(count, dkim, spf)
            days.setdefault(begin // 86400 * 86400, Bucket()).add(count, dkim, spf)
            src = sources.setdefault(ip, Source(ip))
            src.bucket.add(count, dkim, spf)
            for r in dkim_results:
                if r.get("domain"):
                    src.dkim_domains.add(r["domain"])
                    src.selectors.add((r["domain"], r.get("selector", "")))
            if env:
                src.envelope_from.add(env)
            if any(_forwarded(r) for r in reasons):
                src.forward_reason = True
    return total, days, sources


async def summarise(
    store: Store,
    domain: str,
    *,
    since: int = 0,
    until: int | None = None,
    resolver: Resolver | None = None,
) -> DmarcSummary:
    """Everything ``dmarc summary`` shows, over the reports that began in [since, until);
    ``resolver=None`` is offline (no reverse DNS)."""
    domain = domain.lower().rstrip(".")
    # the scan of the stored records is blocking work: a worker thread, not the event loop
    total, days, sources = await asyncio.to_thread(_collect, store, domain, since, until)
    ptrs: dict[str, str | None] = {}
    if resolver is not None and sources:
        ptrs = await reverse_names(sources, resolver=resolver)
    cat = catalogue()

    def own(d: str) -> bool:
        return same_organisation(d, domain)

    def identify(src: Source, asn: int | None = None) -> tuple[Any, str]:
        return cat.identify(
            ptr=ptrs.get(src.ip),
            dkim_domains=sorted(src.dkim_domains),
            envelope_from=next(iter(sorted(src.envelope_from)), ""),
            selectors=sorted(src.selectors),
            own=own,
            asn=asn,
        )

    found = {ip: identify(src) for ip, src in sources.items()}
    asns: dict[str, int | None] = {}
    unnamed = [ip for ip, (svc, _) in found.items() if svc is None]
    if resolver is not None and unnamed:
        # the last resort, asked only for the sources nothing else names
        cfg = get_settings()
        asns = await origin_asns(unnamed, resolver=resolver, zones=(cfg.asn_zone, cfg.asn6_zone))
        for ip, asn in asns.items():
            if asn is not None:
                found[ip] = identify(sources[ip], asn)
    services: dict[str, _Service] = {}
    rows: list[SourceRow] = []
    for src in sorted(sources.values(), key=lambda x: -x.bucket.messages):
        ptr = ptrs.get(src.ip)
        svc, evidence = found[src.ip]
        # an AS names the network, not who uses it: it does not make a source legitimate
        vouched = svc if svc is not None and not evidence.startswith(ASN_EVIDENCE) else None
        b = src.bucket
        fixes: list[str] = []
        if b.passed == b.messages:
            cls = ALIGNED
        elif vouched is not None:
            cls = LEGITIMATE
            if b.dkim_aligned < b.messages and svc.fix_dkim:
                fixes.append(gettext(svc.fix_dkim).format(domain=domain))
            if b.spf_aligned < b.messages and svc.fix_spf:
                fixes.append(gettext(svc.fix_spf).format(domain=domain))
        elif src.forward_reason or cat.is_forwarder(ptr):
            cls = FORWARDED
        elif any(same_organisation(d, domain) for d in src.dkim_domains | src.envelope_from):
            cls = LEGITIMATE  # the domain's own servers, not aligned
        else:
            cls = UNKNOWN
        row: SourceRow = {
            "source_ip": src.ip,
            "ptr": ptr,
            "asn": asns.get(src.ip),
            "service": svc.name if svc else None,
            "evidence": evidence,
            "classification": cls,
            "fixes": fixes,
            **b.rates(),
            "dkim_domains": sorted(src.dkim_domains),
            "envelope_from": sorted(src.envelope_from),
        }
        rows.append(row)
        agg = services.setdefault(svc.id if svc else cls, _Service(svc.name if svc else None))
        agg.bucket.messages += b.messages
        agg.bucket.passed += b.passed
        agg.bucket.dkim_aligned += b.dkim_aligned
        agg.bucket.spf_aligned += b.spf_aligned
        agg.classifications.add(cls)
        agg.sources += 1
        agg.fixes.extend(fx for fx in fixes if fx not in agg.fixes)
    by_service: list[ServiceRow] = sorted(
        (
            {
                "key": k,
                "service": v.service,
                "sources": v.sources,
                "classification": _worst(v.classifications),
                "fixes": v.fixes,
                **v.bucket.rates(),
            }
            for k, v in services.items()
        ),
        key=lambda r: -r["messages"],
    )
    return {
        "domain": domain,
        "since": since,
        "reverse_dns": resolver is not None,
        "totals": total.rates(),
        "by_service": by_service,
        "sources": rows,
        "over_time": [{"day": d, **b.rates()} for d, b in sorted(days.items())],
    }


def _worst(classes: set[str]) -> str:
    for c in (UNKNOWN, LEGITIMATE, FORWARDED, ALIGNED):
        if c in classes:
            return c
    return ALIGNED


SOURCE_CSV_COLUMNS = (
    "source_ip",
    "ptr",
    "service",
    "classification",
    "messages",
    "dmarc_pass_rate",
    "dkim_aligned_rate",
    "spf_aligned_rate",
    "fixes",
)


def sources_csv(summary: DmarcSummary) -> str:
    """The sources of a summary as CSV (the CLI's --format csv and the console's export)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=SOURCE_CSV_COLUMNS, extrasaction="ignore")
    w.writeheader()
    for row in summary["sources"]:
        w.writerow({**row, "fixes": " | ".join(row["fixes"])})
    return buf.getvalue()


# -- the period a page shows ----------------------------------------------------------------

DAY = 86400
#: the default period reaches back at most this far from the latest report's end
DEFAULT_SPAN_DAYS = 90
PRESET_DAYS = (7, 30, 90, 365)


class Period(TypedDict):
    """Which reports a page counts: those that began in [since, until) (Unix seconds)."""

    #: "data" (what the stored reports cover: the default), "days" (the last N days),
    #: "all" (every stored report) or "range" (dates the reader chose)
    kind: str
    days: int | None
    since: int
    until: int
    #: what the domain's stored aggregate reports cover: first begin, last end (None: none)
    first: int | None
    last: int | None


def coverage(store: Store, domain: str) -> tuple[int | None, int | None]:
    """The first begin and the last end of the domain's stored aggregate reports."""
    domain = domain.lower().rstrip(".")
    with store.session() as s:
        first, last = s.execute(
            select(func.min(AggregateReport.begin), func.max(AggregateReport.end)).where(
                AggregateReport.policy_domain == domain
            )
        ).one()
    return (int(first) if first is not None else None, int(last) if last is not None else None)


def choose_period(
    first: int | None,
    last: int | None,
    *,
    now: int,
    days: int | None = None,
    everything: bool = False,
    since: int | None = None,
    until: int | None = None,
) -> Period:
    """The period to show. By default the one the stored reports cover — the latest report's
    end back to the earliest report, at most ``DEFAULT_SPAN_DAYS`` — never "N days before
    now", which shows nothing when the reports are older."""
    if since is not None or until is not None:
        lo = since if since is not None else (first if first is not None else now - DEFAULT_SPAN_DAYS * DAY)
        hi = until if until is not None else max(now, last or 0) + 1
        return _period("range", None, lo, max(hi, lo), first, last)
    if everything:
        lo = first if first is not None else now
        hi = max(now, last or 0) + 1
        return _period("all", None, lo, hi, first, last)
    if days is not None:
        return _period("days", days, now - days * DAY, now + 1, first, last)
    if first is None or last is None:
        return _period("data", None, now - 30 * DAY, now + 1, first, last)
    # the last report's records begin before its end; +1 keeps a zero-length report in
    lo = max(first, (last - DEFAULT_SPAN_DAYS * DAY) // DAY * DAY)  # from a whole (UTC) day
    return _period("data", None, lo, last + 1, first, last)


def _period(
    kind: str, days: int | None, since: int, until: int, first: int | None, last: int | None
) -> Period:
    return {"kind": kind, "days": days, "since": since, "until": until, "first": first, "last": last}


# -- one source's rows -------------------------------------------------------------------------

#: at most this many of one source's rows are listed (newest first)
MAX_SOURCE_ROWS = 1000


def source_records(store: Store, domain: str, ip: str, since: int, until: int) -> list[dict[str, Any]]:
    """The rows that reporters sent about one source over [since, until), newest first."""
    domain = domain.lower().rstrip(".")
    q = (
        select(
            AggregateReport.org_name,
            AggregateReport.report_id,
            AggregateReport.id,
            AggregateReport.begin,
            AggregateReport.end,
            AggregateRecord.count,
            AggregateRecord.disposition,
            AggregateRecord.dkim_aligned,
            AggregateRecord.spf_aligned,
            AggregateRecord.header_from,
            AggregateRecord.envelope_from,
            AggregateRecord.dkim,
            AggregateRecord.spf,
            AggregateRecord.reasons,
        )
        .join(AggregateReport, AggregateReport.id == AggregateRecord.report_pk)
        .where(
            AggregateRecord.policy_domain == domain,
            AggregateRecord.source_ip == ip,
            AggregateRecord.begin >= since,
            AggregateRecord.begin < until,
        )
        .order_by(AggregateRecord.begin.desc(), AggregateRecord.id)
        .limit(MAX_SOURCE_ROWS)
    )
    with store.session() as s:
        return [
            {
                "reporter": org,
                "report_id": rid,
                "report_pk": pk,
                "begin": begin,
                "end": end,
                "messages": int(count),
                "disposition": disposition,
                "dmarc_pass": bool(dkim_ok or spf_ok),
                "dkim_aligned": bool(dkim_ok),
                "spf_aligned": bool(spf_ok),
                "header_from": header_from,
                "envelope_from": env,
                "dkim": [{k: str(v) for k, v in r.items()} for r in dkim or []],
                "spf": [{k: str(v) for k, v in r.items()} for r in spf or []],
                "reasons": [{k: str(v) for k, v in r.items()} for r in reasons or []],
            }
            for (
                org,
                rid,
                pk,
                begin,
                end,
                count,
                disposition,
                dkim_ok,
                spf_ok,
                header_from,
                env,
                dkim,
                spf,
                reasons,
            ) in s.execute(q)
        ]
