"""Staff reports over HTTP: the report buttons post a message with the reporter's answers
(``POST /api/reports``, an API token, bounded in size and rate); the console lists reports and
decides clusters (session, role ``decide``, CSRF).

Storing, analysing and clustering run on a worker thread, off the event loop."""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from typing_extensions import TypedDict

from ...core.errors import InputError
from ...core.i18n import gettext
from ...core.throttle import Throttle
from ...reports import metrics, service, tokens, triage
from ...reports.intake import MAX_REPORT_BYTES
from ...reports.metrics import ReportMetrics
from ...reports.pool import IntakePool, PoolConfig
from ...reports.service import AuditRow, ReportDetail, ReportRow
from ...reports.triage import ClusterDetail, ClusterRow
from .. import forms
from ..charts import ChartText, daily_chart
from ..console import Console, ConsoleDep
from ..limits import API_TOKEN_STATE
from ..params import Days, Limit, Offset, RowId
from ..security import PERMISSIONS, check_csrf, current_user, require

User = Annotated[dict[str, Any], Depends(current_user)]
Decider = Annotated[dict[str, Any], Depends(require("decide"))]
DECIDERS = PERMISSIONS["decide"]
#: the chart is an image of its own: matplotlib's inline styles, nothing else, no script
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'"

#: a base64 message of MAX_REPORT_BYTES, the answers and the JSON around them
BODY_LIMIT = MAX_REPORT_BYTES * 4 // 3 + 256 * 1024
#: reports a token may post in a window (a button per member of staff shares one token)
RATE_WINDOW = 60.0

router = APIRouter()


class Ingested(TypedDict):
    report_id: int
    cluster_id: int | None
    status: str
    classification: str | None
    degraded: bool


class Decision(BaseModel):
    classification: str = Field(pattern="^(phishing|spam|clean)$")
    note: str = Field(default="", max_length=2000)


class Resolved(TypedDict):
    cluster_id: int
    classification: str
    reports: int


def _rate(request: Request) -> Throttle:
    state = request.app.state
    rate: Throttle | None = getattr(state, "reports_rate", None)
    if rate is None:
        console: Console = state.console
        rate = state.reports_rate = Throttle(console.settings.report_rate, RATE_WINDOW)
    return rate


async def _bounded_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(
            413, gettext("the report is over {limit} MB").format(limit=limit // (1024 * 1024))
        )
    chunks: list[bytes] = []
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limit:
            raise HTTPException(
                413, gettext("the report is over {limit} MB").format(limit=limit // (1024 * 1024))
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _payload(body: bytes) -> tuple[bytes, dict[str, Any], str]:
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(400, gettext("the body must be JSON")) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("message"), str):
        raise HTTPException(422, gettext("'message' (the message, base64) is required"))
    try:
        raw = base64.b64decode(doc["message"], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise HTTPException(422, gettext("'message' is not valid base64")) from exc
    answers = doc.get("answers") or {}
    if not isinstance(answers, dict):
        raise HTTPException(422, gettext("the reporter's answers must be a JSON object"))
    reporter = doc.get("reporter") or ""
    if not isinstance(reporter, str):
        raise HTTPException(422, gettext("'reporter' must be a string"))
    return raw, answers, reporter


def _intake_pool(request: Request, c: Console) -> IntakePool | None:
    """The processes reports are taken in by (MAILWARDEN_INTAKE_WORKERS > 0), made on first use."""
    workers = c.settings.intake_workers or 0
    if workers <= 0 or c.store.engine.url.database in (None, "", ":memory:"):
        return None
    state = request.app.state
    pool: IntakePool | None = getattr(state, "intake_pool", None)
    if pool is None:
        config = PoolConfig(
            database_url=c.store.engine.url.render_as_string(hide_password=False),
            analyze_rules=c.settings.analyze_rules,
            report_rules=c.settings.report_rules,
            secret=c.secret,
        )
        pool = state.intake_pool = IntakePool(config, workers, store=c.store, rules=c.rules)
    return pool


async def _take_in(request: Request, c: Console, **kwargs: Any) -> Ingested:
    """Store, analyse and cluster one report — in the intake processes where there are some,
    else on a worker thread — and answer what became of it."""
    pool = _intake_pool(request, c)
    if pool is not None:
        got = await pool.ingest(**kwargs)
    else:
        got = await asyncio.to_thread(service.ingest_report, c.store, c.rules, c.secret, **kwargs)
    if got.report_id is None:
        raise HTTPException(422, got.reason_text())
    return {
        "report_id": got.report_id,
        "cluster_id": got.cluster_id,
        "status": got.status,
        "classification": got.classification,
        "degraded": got.degraded,
    }


_REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["message"],
                    "properties": {
                        "message": {"type": "string", "description": "the reported message, base64"},
                        "answers": {"type": "object", "description": "the reporter's answers"},
                        "reporter": {"type": "string", "description": "the reporter's address"},
                    },
                }
            }
        },
    }
}


@router.post(
    "/api/reports",
    tags=["reports"],
    status_code=201,
    openapi_extra=_REQUEST_BODY,
    responses={401: {}, 413: {}, 422: {}, 429: {}},
)
async def api_report(request: Request, c: ConsoleDep) -> Ingested:
    """A report from a report button: ``Authorization: Bearer <API token>``, the message in
    base64 with the reporter's answers."""
    # checked before the body was read (web/limits.py); asked again only if that did not run
    info = getattr(request.state, API_TOKEN_STATE, None)
    if info is None:
        auth = request.headers.get("authorization", "")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        info = await asyncio.to_thread(tokens.check_token, c.store, token)
    if info is None:
        raise HTTPException(
            401, gettext("a valid API token is required"), headers={"WWW-Authenticate": "Bearer"}
        )
    rate, key = _rate(request), f"token:{info.id}"
    wait = rate.wait(key)
    if wait > 0:
        raise HTTPException(
            429,
            gettext("too many reports with this token; try again later"),
            headers={"Retry-After": str(int(wait) + 1)},
        )
    rate.failed(key)  # every report counts toward the token's rate
    raw, answers, reporter = _payload(await _bounded_body(request, BODY_LIMIT))
    return await _take_in(request, c, path="api", message=raw, answers=answers, reporter=reporter)


def _list(
    c: Console, status: str | None, classification: str | None, limit: int, offset: int
) -> list[ReportRow]:
    try:
        return service.list_reports(
            c.store, status=status or None, classification=classification or None, limit=limit, offset=offset
        )
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.get("/api/reports", tags=["reports"])
async def api_reports(
    c: ConsoleDep,
    user: User,
    status: str | None = None,
    classification: str | None = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> list[ReportRow]:
    """Reports, newest first; filter by status (received, in_review, resolved) and
    classification (phishing, spam, clean, simulation)."""
    return await asyncio.to_thread(_list, c, status, classification, limit, offset)


# -- the triage queue (session): clusters, notes, assignment, upload, metrics -----------------
#: what the confirmation step of a cluster decision may do: take it, or resolve it as one of these
CLUSTER_OPS = ("take", *service.DECISIONS)


class Note(BaseModel):
    text: str = Field(min_length=1, max_length=triage.MAX_NOTE)


class Taken(TypedDict):
    cluster_id: int
    assignee: str
    reports: int


def _clusters(
    c: Console,
    resolved: bool,
    status: str | None,
    classification: str | None,
    limit: int = 200,
    offset: int = 0,
) -> list[ClusterRow]:
    try:
        return triage.list_clusters(
            c.store,
            resolved=resolved,
            status=status or None,
            classification=classification or None,
            limit=limit,
            offset=offset,
        )
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc


def _cluster(c: Console, cluster_id: int) -> ClusterDetail:
    found = triage.get_cluster(c.store, cluster_id)
    if found is None:
        raise HTTPException(404, gettext("no such cluster"))
    return found


def _take(c: Console, cluster_id: int, user: dict[str, Any]) -> Taken:
    try:
        count = service.take_cluster(c.store, cluster_id, str(user["name"]), f"web:{user['name']}")
    except InputError as exc:
        raise HTTPException(409, str(exc)) from exc
    return {"cluster_id": cluster_id, "assignee": str(user["name"]), "reports": count}


def _note(c: Console, cluster_id: int, user: dict[str, Any], text: str) -> AuditRow:
    try:
        return triage.add_note(c.store, cluster_id, f"web:{user['name']}", text)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc


async def _upload(request: Request, c: Console, data: bytes, kind: str, user: dict[str, Any]) -> Ingested:
    if kind == "report":
        return await _take_in(request, c, path="upload", report_mail=data)
    return await _take_in(request, c, path="upload", message=data, reporter=str(user["name"]))


async def _read_upload(file: UploadFile | None) -> bytes:
    data = await file.read(MAX_REPORT_BYTES + 1) if file is not None and file.filename else b""
    if len(data) > MAX_REPORT_BYTES:
        raise HTTPException(
            413, gettext("the report is over {limit} MB").format(limit=MAX_REPORT_BYTES // (1024 * 1024))
        )
    if not data.strip():
        raise HTTPException(422, gettext("choose a file to upload"))
    return data


@router.get("/api/reports/clusters", tags=["reports"])
async def api_clusters(
    c: ConsoleDep,
    user: User,
    resolved: bool = False,
    status: str | None = None,
    classification: str | None = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> list[ClusterRow]:
    """The triage queue: open clusters by priority (highest first), or with ``resolved`` the
    resolved ones (latest decision first); filter by status and classification."""
    return await asyncio.to_thread(_clusters, c, resolved, status, classification, limit, offset)


@router.get("/api/reports/clusters/{cluster_id}", tags=["reports"])
async def api_cluster(c: ConsoleDep, user: User, cluster_id: RowId) -> ClusterDetail:
    """One cluster: its reports, the shared analysis (verdict, score, signals), the reported
    message's headers and text, the reporters and their answers, notes and the audit log."""
    return await asyncio.to_thread(_cluster, c, cluster_id)


@router.post("/api/reports/clusters/{cluster_id}/take", tags=["reports"])
async def api_take(request: Request, c: ConsoleDep, user: Decider, cluster_id: RowId) -> Taken:
    """Assign a cluster to me and put it in review. Approvers and administrators; needs
    X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await asyncio.to_thread(_take, c, cluster_id, user)


@router.post("/api/reports/clusters/{cluster_id}/notes", tags=["reports"], status_code=201)
async def api_note(request: Request, c: ConsoleDep, user: Decider, cluster_id: RowId, note: Note) -> AuditRow:
    """A note on a cluster (kept in its audit log). Approvers and administrators; needs
    X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await asyncio.to_thread(_note, c, cluster_id, user, note.text)


@router.post("/api/reports/upload", tags=["reports"], status_code=201)
async def api_upload(
    request: Request,
    c: ConsoleDep,
    user: Decider,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form(pattern="^(report|message)$")] = "report",
) -> Ingested:
    """Upload a report: a staff member's report mail (``kind=report``: the message is found in
    it) or the suspicious message itself (``kind=message``, a raw .eml). Approvers and
    administrators; needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await _upload(request, c, await _read_upload(file), kind, user)


@router.get("/api/reports/metrics", tags=["reports"])
async def api_metrics(c: ConsoleDep, user: User, days: Days = 30) -> ReportMetrics:
    """Reports per day, time-to-report and time-to-triage (median, p90), clusters and their
    sizes, reporter accuracy, top lures and senders over the last ``days`` days."""
    return await asyncio.to_thread(metrics.compute, c.store, days)


@router.get("/reports/metrics.csv", tags=["reports"], response_class=Response)
async def metrics_csv(c: ConsoleDep, user: User, days: Days = 30) -> Response:
    """The metrics as CSV (metric, key, value)."""
    data = await asyncio.to_thread(metrics.compute, c.store, days)
    text = await asyncio.to_thread(metrics.to_csv, data)
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="report-metrics-{days}d.csv"'},
    )


def metrics_chart_text() -> ChartText:
    """The chart's words in the reader's language (made on the loop, where the language is)."""
    return ChartText(
        title=gettext("Staff reports by day"),
        x_label=gettext("Date (UTC)"),
        volume_label=gettext("Reports per day"),
        rate_label=gettext("Share resolved as phishing (%)"),
        series={"phishing_rate": gettext("Phishing")},
        volume_legend=gettext("Staff reports"),
        empty=gettext("No staff reports in this period"),
    )


@router.get("/reports/metrics/chart.svg", tags=["reports"], response_class=Response)
async def metrics_chart(c: ConsoleDep, user: User, days: Days = 30) -> Response:
    """Reports a day and the share resolved as phishing, as SVG."""
    data = await asyncio.to_thread(metrics.compute, c.store, days)
    days_rows = [
        {"day": d["day"], "messages": d["reports"], "phishing_rate": d["phishing_rate"]}
        for d in data["per_day"]
    ]
    svg = await asyncio.to_thread(daily_chart, days_rows, metrics_chart_text())
    return Response(
        svg,
        media_type="image/svg+xml",
        # an image of its own: its inline styles are matplotlib's; it has no script to run
        headers={"Content-Security-Policy": SVG_CSP, "Cache-Control": "private, max-age=60"},
    )


def _detail(c: Console, report_id: int) -> ReportDetail:
    found = service.get_report(c.store, report_id)
    if found is None:
        raise HTTPException(404, gettext("no such report"))
    return found


@router.get("/api/reports/{report_id}", tags=["reports"])
async def api_report_detail(c: ConsoleDep, user: User, report_id: RowId) -> ReportDetail:
    """One report: the message's headers, the reporter's answers, the analyser's signals, the
    cluster's decisions."""
    return await asyncio.to_thread(_detail, c, report_id)


def _resolve(c: Console, cluster_id: int, decision: Decision, user: dict[str, Any]) -> Resolved:
    try:
        count = service.resolve_cluster(
            c.store, cluster_id, decision.classification, f"web:{user['name']}", decision.note
        )
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc
    return {"cluster_id": cluster_id, "classification": decision.classification, "reports": count}


@router.post("/api/reports/clusters/{cluster_id}/resolve", tags=["reports"])
async def api_resolve(
    request: Request, c: ConsoleDep, user: Decider, cluster_id: RowId, decision: Decision
) -> Resolved:
    """Classify a cluster (phishing, spam, clean): every report in it is resolved and the
    decision logged. Approvers and administrators; needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await asyncio.to_thread(_resolve, c, cluster_id, decision, user)


# -- the console's pages (their JSON twins above) ----------------------------------------------
def _queue(c: Console, tab: str, status: str, classification: str) -> dict[str, Any]:
    return {
        "rows": _clusters(c, tab == "resolved", status or None, classification or None),
        "counts": service.cluster_counts(c.store),
    }


@router.get("/reports", response_class=HTMLResponse, include_in_schema=False)
async def queue_page(
    request: Request,
    c: ConsoleDep,
    user: User,
    tab: str = "open",
    status: str = "",
    classification: str = "",
) -> HTMLResponse:
    tab = "resolved" if tab == "resolved" else "open"
    status = status if status in service.STATUSES else ""
    classification = classification if classification in service.CLASSIFICATIONS else ""
    data = await asyncio.to_thread(_queue, c, tab, status, classification)
    return c.page(
        request,
        "reports_queue.html",
        rows=data["rows"],
        counts=data["counts"],
        tab=tab,
        status=status,
        classification=classification,
        statuses=service.STATUSES,
        classifications=service.CLASSIFICATIONS,
        can_decide=user.get("role") in DECIDERS,
    )


@router.get("/reports/upload", response_class=HTMLResponse, include_in_schema=False)
async def upload_page(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    return c.page(request, "reports_upload.html", can_decide=user.get("role") in DECIDERS, error="")


@router.post("/reports/upload", include_in_schema=False)
async def upload_post(
    request: Request,
    c: ConsoleDep,
    user: Decider,
    csrf: Annotated[str, Form()],
    file: Annotated[UploadFile | None, File()] = None,
    kind: Annotated[str, Form()] = "report",
) -> Response:
    check_csrf(request, csrf)
    try:
        data = await _read_upload(file)
        got = await _upload(request, c, data, "message" if kind == "message" else "report", user)
    except HTTPException as exc:
        if exc.status_code not in (413, 422):
            raise
        return c.page(request, "reports_upload.html", can_decide=True, error=str(exc.detail))
    return RedirectResponse(f"/reports/{got['report_id']}", status_code=303)


@router.get("/reports/metrics", response_class=HTMLResponse, include_in_schema=False)
async def metrics_page(request: Request, c: ConsoleDep, user: User, days: Days = 30) -> HTMLResponse:
    data = await asyncio.to_thread(metrics.compute, c.store, days)
    peak = max((d["reports"] for d in data["per_day"]), default=0)
    return c.page(request, "reports_metrics.html", m=data, peak=max(peak, 1), presets=(7, 30, 90, 365))


@router.get("/reports/clusters/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
async def cluster_page(
    request: Request, c: ConsoleDep, user: User, cluster_id: RowId, error: str = "", done: str = ""
) -> HTMLResponse:
    found = await asyncio.to_thread(_cluster, c, cluster_id)
    return c.page(
        request,
        "reports_cluster.html",
        g=found,
        can_decide=user.get("role") in DECIDERS,
        error=error[:300],
        done=done if done in (*CLUSTER_OPS, "note") else "",
    )


async def _confirm(request: Request, c: Console, cluster_id: int, op: str, note: str = "") -> HTMLResponse:
    if op not in CLUSTER_OPS:
        raise HTTPException(404, gettext("there is no such decision"))
    found = await asyncio.to_thread(_cluster, c, cluster_id)
    return c.page(request, "reports_confirm.html", g=found, op=op, note=note)


@router.get("/reports/clusters/{cluster_id}/{op}", response_class=HTMLResponse, include_in_schema=False)
async def cluster_confirm(
    request: Request, c: ConsoleDep, user: Decider, cluster_id: RowId, op: str
) -> HTMLResponse:
    """The first step of a decision: the cluster, its verdict, and the question."""
    return await _confirm(request, c, cluster_id, op)


def _act(c: Console, cluster_id: int, op: str, user: dict[str, Any], note: str) -> None:
    if op == "take":
        _take(c, cluster_id, user)
        if note.strip():
            _note(c, cluster_id, user, note)
        return
    try:
        service.resolve_cluster(c.store, cluster_id, op, f"web:{user['name']}", note)
    except InputError as exc:
        raise HTTPException(409, str(exc)) from exc


@router.post("/reports/clusters/{cluster_id}/notes", include_in_schema=False)
async def note_post(
    request: Request,
    c: ConsoleDep,
    user: Decider,
    cluster_id: RowId,
    csrf: Annotated[str, Form()],
    text: Annotated[str, Form(max_length=triage.MAX_NOTE)] = "",
) -> Response:
    check_csrf(request, csrf)
    page = f"/reports/clusters/{cluster_id}"
    return await forms.act(
        lambda: _note(c, cluster_id, user, text),
        done=lambda _: f"{page}?done=note",
        back=page,
        refused=(422,),
    )


@router.post("/reports/clusters/{cluster_id}/{op}", include_in_schema=False)
async def cluster_act(
    request: Request,
    c: ConsoleDep,
    user: Decider,
    cluster_id: RowId,
    op: str,
    csrf: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=2000)] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    """Two steps, no script: a post without ``confirm=yes`` shows the confirmation page; the
    decision is taken only from that page's form."""
    check_csrf(request, csrf)
    if confirm != "yes":
        return await _confirm(request, c, cluster_id, op, note[:2000])
    if op not in CLUSTER_OPS:
        raise HTTPException(404, gettext("there is no such decision"))
    page = f"/reports/clusters/{cluster_id}"
    return await forms.act(
        lambda: _act(c, cluster_id, op, user, note[:2000]), done=lambda _: f"{page}?done={op}", back=page
    )


def _report_page_data(c: Console, report_id: int) -> dict[str, Any]:
    from ...reports.outbox import report_feedback

    found = _detail(c, report_id)
    raw = service.report_message(c.store, report_id)
    return {
        "r": found,
        "message": triage.message_of(raw, report_id) if raw is not None else None,
        "feedback": report_feedback(c.store, report_id),
    }


@router.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
async def report_page(request: Request, c: ConsoleDep, user: User, report_id: RowId) -> HTMLResponse:
    data = await asyncio.to_thread(_report_page_data, c, report_id)
    return c.page(request, "reports_report.html", **data)
