"""Console pages for message analysis, each with a JSON twin under /api/messages.

Analysis here is offline (the receiving server's recorded Authentication-Results), unless the
form asks to verify through DNS. Nothing named in the message is fetched; its HTML is shown
only made inert (analyze.present) inside a sandboxed frame under the console's strict CSP."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from ...analyze.engine import analyze_online, analyze_parsed
from ...analyze.present import inert_html, misp_email_object
from ...analyze.result import VerdictJson
from ...core.message import ParsedMessage, parse_message
from ..console import Console, ConsoleDep
from ..security import check_csrf, current_user
from ..uploads import read_message

User = Annotated[dict[str, Any], Depends(current_user)]

router = APIRouter()


async def run(c: Console, data: bytes, verify: bool) -> tuple[VerdictJson, ParsedMessage]:
    # parsing and analysis are CPU work, the memory a store write: worker threads, not the loop
    msg = await asyncio.to_thread(parse_message, data)
    if verify:
        resolver = await asyncio.to_thread(c.resolver)
        verdict = (await analyze_online(msg, c.rules, resolver=resolver)).to_dict()
    else:
        verdict = (await asyncio.to_thread(analyze_parsed, msg, c.rules)).to_dict()
    verdict = await asyncio.to_thread(c.history.apply, verdict, c.rules)
    return verdict, msg


@router.get("/messages", response_class=HTMLResponse, include_in_schema=False)
async def messages_page(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    return c.page(request, "messages.html")


@router.post("/messages/analyze", response_class=HTMLResponse, include_in_schema=False)
async def messages_analyze(
    request: Request,
    c: ConsoleDep,
    user: User,
    csrf: Annotated[str, Form()],
    file: Annotated[UploadFile | None, File()] = None,
    text: Annotated[str | None, Form()] = None,
    verify: Annotated[bool, Form()] = False,
) -> HTMLResponse:
    check_csrf(request, csrf)
    verdict, msg = await run(c, await read_message(file, text), verify)
    # the HTML part parsed and made inert (up to a megabyte): a worker thread too
    html = await asyncio.to_thread(inert_html, msg.htmls[0]) if msg.htmls else ""
    return c.page(
        request,
        "message.html",
        v=verdict,
        body_text="\n\n".join(msg.texts)[:200_000],
        html=html,
        headers=msg.headers[:200],
    )


@router.post("/api/messages/analyze", tags=["messages"])
async def api_messages_analyze(
    request: Request,
    c: ConsoleDep,
    user: User,
    file: Annotated[UploadFile, File()],
    verify: bool = False,
) -> VerdictJson:
    """Verdict, score, every signal explained, authentication, URLs, attachments (hashes)
    and headers of one uploaded message. Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    verdict, _ = await run(c, await read_message(file, None), verify)
    return verdict


@router.post("/api/messages/misp", tags=["messages"])
async def api_messages_misp(
    request: Request, c: ConsoleDep, user: User, file: Annotated[UploadFile, File()]
) -> dict[str, Any]:
    """The uploaded message as a MISP ``email`` object, with the verdict as its comment.
    Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    verdict, msg = await run(c, await read_message(file, None), False)
    return misp_email_object(msg, verdict)
