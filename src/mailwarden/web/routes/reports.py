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

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field
from typing_extensions import TypedDict

from ...core.errors import InputError
from ...core.i18n import gettext
from ...core.throttle import Throttle
from ...reports import service, tokens
from ...reports.intake import MAX_REPORT_BYTES
from ...reports.service import ReportDetail, ReportRow
from ..console import Console, ConsoleDep
from ..params import Limit, Offset, RowId
from ..security import check_csrf, current_user, require

User = Annotated[dict[str, Any], Depends(current_user)]
Decider = Annotated[dict[str, Any], Depends(require("decide"))]

#: a base64 message of MAX_REPORT_BYTES, the answers and the JSON around them
BODY_LIMIT = MAX_REPORT_BYTES * 4 // 3 + 256 * 1024
#: reports a token may post in a window (a button per member of staff shares one token)
RATE_LIMIT = 600
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
        rate = state.reports_rate = Throttle(RATE_LIMIT, RATE_WINDOW)
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


def _ingest(c: Console, raw: bytes, answers: dict[str, Any], reporter: str) -> Ingested:
    got = service.ingest_report(
        c.store, c.rules, c.secret, path="api", message=raw, answers=answers, reporter=reporter
    )
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
    return await asyncio.to_thread(_ingest, c, raw, answers, reporter)


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
