"""Console: the DLP policy test page (paste or upload a message, optionally a policy) and its
JSON twin. Matches are shown masked, never whole."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse

from ...core.errors import ConfigError
from ...core.i18n import gettext
from ...dlp.policy import Policy, parse_policy
from ...dlp.result import DlpResult
from ...dlp.service import check_message
from ..console import ConsoleDep
from ..security import check_csrf, current_user
from ..uploads import read_message

User = Annotated[dict[str, Any], Depends(current_user)]
MAX_POLICY = 256 * 1024

router = APIRouter()


def _policy(text: str) -> Policy | None:
    if not text.strip():
        return None
    if len(text) > MAX_POLICY:
        raise HTTPException(413, gettext("file too large"))
    try:
        return parse_policy(text, "policy")
    except ConfigError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.get("/dlp", response_class=HTMLResponse, include_in_schema=False)
async def dlp_page(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    return c.page(request, "dlp.html", result=None)


@router.post("/dlp/check", response_class=HTMLResponse, include_in_schema=False)
async def dlp_check(
    request: Request,
    c: ConsoleDep,
    user: User,
    csrf: Annotated[str, Form()],
    file: Annotated[UploadFile | None, File()] = None,
    text: Annotated[str | None, Form()] = None,
    policy: Annotated[str, Form()] = "",
    rcpt: Annotated[str, Form()] = "",
) -> HTMLResponse:
    check_csrf(request, csrf)
    recipients = [r.strip() for r in rcpt.replace(",", " ").split() if "@" in r]
    data = await read_message(file, text)
    # parsing, extraction and the detectors are CPU work: on a worker thread, off the loop
    result = await asyncio.to_thread(
        lambda: check_message(data, _policy(policy), recipients=recipients or None)
    )
    return c.page(request, "dlp.html", result=result)


@router.post("/api/dlp/check", tags=["dlp"])
async def api_dlp_check(
    request: Request,
    user: User,
    file: Annotated[UploadFile, File()],
    policy: Annotated[UploadFile | None, File()] = None,
) -> DlpResult:
    """Matches (masked), unique counts, what could not be scanned and, given a policy
    file, the decision. Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    text = (await policy.read(MAX_POLICY + 1)).decode("utf-8", "replace") if policy else ""
    data = await read_message(file, None)
    return await asyncio.to_thread(lambda: check_message(data, _policy(text)))
