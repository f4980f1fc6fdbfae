"""Console pages for DMARC reports, each with a JSON twin under /api/dmarc."""

from __future__ import annotations

import asyncio
import ipaddress
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from ...core.i18n import gettext
from ...core.timefmt import reader_zone
from ...dmarc import service
from ...dmarc.advise import advise
from ...dmarc.analysis import (
    CLASS_LABELS,
    MAX_SOURCE_ROWS,
    PRESET_DAYS,
    Period,
    choose_period,
    coverage,
    source_records,
    sources_csv,
    summarise,
)
from ..charts import ChartText, daily_chart
from ..console import Console, ConsoleDep
from ..security import check_csrf, current_user, require

User = Annotated[dict[str, Any], Depends(current_user)]
Ingester = Annotated[dict[str, Any], Depends(require("ingest"))]

router = APIRouter()

#: the chart is an image of its own: matplotlib's inline styles, nothing else, no script
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def safe_filename(text: str) -> str:
    """A file name part with nothing that could end or split a header: letters, digits, . _ -"""
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)[:100] or "report"


PERIOD_DAYS_PATTERN = r"^(all|[1-9][0-9]{0,4}|100000)$"
DaysParam = Annotated[
    str | None,
    Query(
        pattern=PERIOD_DAYS_PATTERN,
        description="the last N days (1-100000) or 'all'; default: the period the stored reports cover",
    ),
]
DateParam = Annotated[date | None, Query(description="YYYY-MM-DD, a day in the reader's time zone")]
IpParam = Annotated[str, Path(max_length=45, description="the source's IP address")]


@dataclass(frozen=True)
class PeriodQuery:
    """The period parameters of a request, as given (so links can carry them on)."""

    days: str | None = None
    since: date | None = None
    until: date | None = None

    def query(self) -> str:
        params = {"days": self.days, "since": self.since, "until": self.until}
        return urlencode({k: str(v) for k, v in params.items() if v is not None})


#: the days a period may name: reports are from the Unix era, and no report is from far ahead
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(2199, 12, 31)


def period_query(days: DaysParam = None, since: DateParam = None, until: DateParam = None) -> PeriodQuery:
    if any(d is not None and not FIRST_DAY <= d <= LAST_DAY for d in (since, until)):
        raise HTTPException(422, gettext("dates must lie between 1970-01-01 and 2199-12-31"))
    if since is not None and until is not None and since > until:
        raise HTTPException(422, gettext("the start of the period is after its end"))
    return PeriodQuery(days, since, until)


PeriodDep = Annotated[PeriodQuery, Depends(period_query)]


def _day_start(day: date, zone: tzinfo) -> int:
    return int(datetime.combine(day, time(), zone).timestamp())


def resolve_period(c: Console, domain: str, q: PeriodQuery) -> Period:
    """The period a request asks for (blocking: a store read; call it on a worker thread)."""
    first, last = coverage(c.store, domain)
    now = int(datetime.now(UTC).timestamp())
    if q.since is not None or q.until is not None:
        zone = reader_zone()
        since = _day_start(q.since, zone) if q.since is not None else None
        until = None
        if q.until is not None:
            until = _day_start(q.until + timedelta(days=1), zone)
        return choose_period(first, last, now=now, since=since, until=until)
    if q.days == "all":
        return choose_period(first, last, now=now, everything=True)
    return choose_period(first, last, now=now, days=int(q.days) if q.days else None)


async def period_of(c: Console, domain: str, q: PeriodQuery) -> Period:
    # the reader's zone is read from the request's language: the context goes to the thread
    return await asyncio.to_thread(resolve_period, c, domain, q)


async def domain_data(c: Console, domain: str, q: PeriodQuery) -> dict[str, Any]:
    """The summary over the chosen period, made once, and the advice made from that very
    summary: every number the page shows comes from the same rows."""
    domain = domain.lower().rstrip(".")
    period = await period_of(c, domain, q)
    resolver = await asyncio.to_thread(c.resolver)
    summary = await summarise(
        c.store, domain, since=period["since"], until=period["until"], resolver=resolver
    )
    data = await advise(
        c.store,
        domain,
        resolver=resolver,
        since=period["since"],
        until=period["until"],
        summary=summary,
        ca_file=c.settings.ca_bundle,
    )
    return {**data, "period": period}


def chart_text() -> ChartText:
    """The chart's words in the reader's language (made on the loop, where the language is)."""
    return ChartText(
        title=gettext("DMARC pass and alignment by day"),
        x_label=gettext("Date (UTC)"),
        volume_label=gettext("Messages per day"),
        rate_label=gettext("Share of messages (%)"),
        series={
            "dmarc_pass_rate": gettext("DMARC pass"),
            "dkim_aligned_rate": gettext("DKIM aligned"),
            "spf_aligned_rate": gettext("SPF aligned"),
        },
        volume_legend=gettext("Messages"),
        empty=gettext("No reports in this period"),
    )


def presets(q: PeriodQuery) -> list[dict[str, Any]]:
    """The period choices offered on the page, the current one marked."""
    custom = q.since is not None or q.until is not None
    out = [
        {"label": gettext("Period of the stored reports"), "query": "", "current": not custom and not q.days}
    ]
    for n in PRESET_DAYS:
        out.append(
            {
                "label": gettext("Last {days} days").format(days=n),
                "query": f"days={n}",
                "current": not custom and q.days == str(n),
            }
        )
    out.append(
        {"label": gettext("All reports"), "query": "days=all", "current": not custom and q.days == "all"}
    )
    return out


def _source_ip(ip: str) -> str:
    try:
        return str(ipaddress.ip_address(ip))
    except ValueError as exc:
        raise HTTPException(422, gettext("not an IP address")) from exc


async def read_uploads(files: list[UploadFile]) -> list[tuple[str, bytes]]:
    out = []
    for f in files:
        data = await f.read(service.MAX_UPLOAD + 1)
        if len(data) > service.MAX_UPLOAD:
            raise HTTPException(413, gettext("file too large"))
        out.append((f.filename or "upload", data))
    return out


@router.get("/dmarc", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_page(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    domains = await asyncio.to_thread(service.domains, c.store)
    return c.page(request, "dmarc.html", domains=domains, result=None)


@router.get("/api/dmarc", tags=["dmarc"])
async def api_dmarc(c: ConsoleDep, user: User) -> list[dict[str, Any]]:
    """Domains with stored aggregate reports."""
    return await asyncio.to_thread(service.domains, c.store)


@router.post("/dmarc/upload", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_upload(
    request: Request,
    c: ConsoleDep,
    user: Ingester,
    csrf: Annotated[str, Form()],
    files: Annotated[list[UploadFile], File()],
) -> HTMLResponse:
    check_csrf(request, csrf)
    uploads = await read_uploads(files)
    # a report of 100 MB takes tens of seconds to parse: a worker thread, never the loop
    result = await asyncio.to_thread(service.ingest_upload, c.store, uploads)
    domains = await asyncio.to_thread(service.domains, c.store)
    return c.page(request, "dmarc.html", domains=domains, result=result)


@router.post("/api/dmarc/reports", tags=["dmarc"])
async def api_dmarc_upload(
    request: Request, c: ConsoleDep, user: Ingester, files: Annotated[list[UploadFile], File()]
) -> dict[str, Any]:
    """Upload report files (XML, gz, zip, JSON, mail); each ends stored, duplicate or rejected.
    Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    uploads = await read_uploads(files)
    return await asyncio.to_thread(service.ingest_upload, c.store, uploads)


def _page_context(q: PeriodQuery, period: Period) -> dict[str, Any]:
    return {"q": q, "qs": q.query(), "period": period, "presets": presets(q)}


@router.get("/dmarc/{domain}", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_domain_page(
    request: Request, c: ConsoleDep, user: User, domain: str, q: PeriodQuery = Depends(period_query)
) -> HTMLResponse:
    data = await domain_data(c, domain, q)
    return c.page(
        request, "dmarc_domain.html", d=data, class_labels=CLASS_LABELS, **_page_context(q, data["period"])
    )


@router.get("/api/dmarc/{domain}", tags=["dmarc"])
async def api_dmarc_domain(
    c: ConsoleDep, user: User, domain: str, q: PeriodQuery = Depends(period_query)
) -> dict[str, Any]:
    """Pass rates by service, source and day over the period; the advisor's readiness and plan
    made from the same summary. Without ?days= or ?since=&until= the period is the one the
    stored reports cover (at most 90 days back from the latest report)."""
    return await domain_data(c, domain, q)


@router.get("/dmarc/{domain}/chart.svg", tags=["dmarc"], response_class=Response)
async def dmarc_chart(
    c: ConsoleDep, user: User, domain: str, q: PeriodQuery = Depends(period_query)
) -> Response:
    """Messages a day and the DMARC pass and aligned DKIM/SPF rates over the period, as SVG
    (axes, units, legend and title in the reader's language)."""
    domain = domain.lower().rstrip(".")
    period = await period_of(c, domain, q)
    # the chart needs no names: no reverse DNS, the same rows as the page
    summary = await summarise(c.store, domain, since=period["since"], until=period["until"], resolver=None)
    svg = await asyncio.to_thread(daily_chart, summary["over_time"], chart_text())
    return Response(
        svg,
        media_type="image/svg+xml",
        # an image of its own: its inline styles are matplotlib's; it has no script to run
        headers={"Content-Security-Policy": SVG_CSP, "Cache-Control": "private, max-age=60"},
    )


@router.get("/dmarc/{domain}/sources.csv", tags=["dmarc"])
async def dmarc_sources_csv(
    c: ConsoleDep, user: User, domain: str, q: PeriodQuery = Depends(period_query)
) -> Response:
    """The sources table over the period (as on the page) as CSV."""
    domain = domain.lower().rstrip(".")
    period = await period_of(c, domain, q)
    data = await summarise(
        c.store,
        domain,
        since=period["since"],
        until=period["until"],
        resolver=await asyncio.to_thread(c.resolver),
    )
    span = "-".join(
        datetime.fromtimestamp(t, UTC).strftime("%Y%m%d") for t in (period["since"], period["until"] - 1)
    )
    body = await asyncio.to_thread(sources_csv, data)  # thousands of rows: not on the loop
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        # the name comes from the URL: only safe characters reach the header
        headers={"Content-Disposition": f'attachment; filename="{safe_filename(domain)}-sources-{span}.csv"'},
    )


async def source_data(c: Console, domain: str, ip: str, q: PeriodQuery) -> dict[str, Any]:
    """One source over the period: its row of the summary (who it is, its class and fix) and
    the rows reporters sent about it, by reporter and by day."""
    domain = domain.lower().rstrip(".")
    ip = _source_ip(ip)
    period = await period_of(c, domain, q)
    resolver = await asyncio.to_thread(c.resolver)
    summary = await summarise(
        c.store, domain, since=period["since"], until=period["until"], resolver=resolver
    )
    row = next((r for r in summary["sources"] if r["source_ip"] == ip), None)
    records = await asyncio.to_thread(source_records, c.store, domain, ip, period["since"], period["until"])
    # failure reports about this source's mail (any time: they are few, and not per period)
    failures = await asyncio.to_thread(service.failure_reports, c.store, domain, limit=50, source_ip=ip)
    reporters: dict[str, dict[str, int]] = {}
    days: dict[int, dict[str, int]] = {}
    for r in records:
        for key, into in ((r["reporter"], reporters), (r["begin"] // 86400 * 86400, days)):
            agg = into.setdefault(key, {"messages": 0, "dmarc_pass": 0})
            agg["messages"] += r["messages"]
            agg["dmarc_pass"] += r["messages"] if r["dmarc_pass"] else 0
    return {
        "domain": domain,
        "source_ip": ip,
        "period": period,
        "source": row,
        "reporters": [
            {"reporter": k, **v} for k, v in sorted(reporters.items(), key=lambda kv: -kv[1]["messages"])
        ],
        "days": [
            {"day": k, "date": datetime.fromtimestamp(k, UTC).date().isoformat(), **v}
            for k, v in sorted(days.items())
        ],
        "records": records,
        "records_limit": MAX_SOURCE_ROWS,
        "failure_reports": failures,
    }


@router.get("/dmarc/{domain}/sources/{ip}", response_class=HTMLResponse, include_in_schema=False)
async def dmarc_source_page(
    request: Request,
    c: ConsoleDep,
    user: User,
    domain: str,
    ip: IpParam,
    q: PeriodQuery = Depends(period_query),
) -> HTMLResponse:
    data = await source_data(c, domain, ip, q)
    return c.page(
        request, "dmarc_source.html", s=data, class_labels=CLASS_LABELS, **_page_context(q, data["period"])
    )


@router.get("/api/dmarc/{domain}/sources/{ip}", tags=["dmarc"])
async def api_dmarc_source(
    c: ConsoleDep, user: User, domain: str, ip: IpParam, q: PeriodQuery = Depends(period_query)
) -> dict[str, Any]:
    """One source over the period: reporters, days, counts, disposition, DKIM and SPF results
    and domains, its classification and the fix."""
    return await source_data(c, domain, ip, q)
