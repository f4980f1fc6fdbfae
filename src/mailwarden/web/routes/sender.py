"""Console: the sender test inbox — each user's own address to send a real message to
(``mailwarden sender inbox`` receives it) and the graded results, in the reader's language.
Pages and their JSON twins; store reads on worker threads."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...core.i18n import gettext
from ...deliverability import sender
from ..console import Console, ConsoleDep
from ..params import RowId
from ..security import current_user

User = Annotated[dict[str, Any], Depends(current_user)]

router = APIRouter()


def token_for(secret: str, user_id: int) -> str:
    """The local part of a user's test address: the same every visit, not guessable by others."""
    digest = hmac.new(secret.encode(), f"sender-inbox:{user_id}".encode(), hashlib.sha256).hexdigest()
    return f"check-{digest[:16]}"


def _overview(c: Console, user: dict[str, Any]) -> dict[str, Any]:
    token = token_for(c.secret, int(user["id"]))
    domain = c.settings.sender_inbox_domain.strip().lower()
    mine = [{**row, "report": sender.localised(row["report"])} for row in sender.checks_for(c.store, token)]
    recent = sender.recent_checks(c.store, 50) if user.get("role") == "admin" else []
    return {
        "address": f"{token}@{domain}" if domain else None,
        "token": token,
        "checks": mine,
        "recent": [{k: v for k, v in r.items() if k != "report"} for r in recent],
    }


@router.get("/sender", response_class=HTMLResponse, include_in_schema=False)
async def sender_page(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    data = await asyncio.to_thread(_overview, c, user)
    return c.page(request, "sender.html", **data)


@router.get("/api/sender", tags=["deliverability"])
async def api_sender(c: ConsoleDep, user: User) -> dict[str, Any]:
    """Your test address (null until MAILWARDEN_SENDER_INBOX_DOMAIN is set), the messages graded
    for it (newest first, texts in your language) and, for administrators, everyone's latest."""
    return await asyncio.to_thread(_overview, c, user)


async def _one(c: Console, user: dict[str, Any], graded_id: int) -> dict[str, Any]:
    row = await asyncio.to_thread(sender.get_check, c.store, graded_id)
    # someone else's test is theirs: shown to administrators only
    if row is None or (row["token"] != token_for(c.secret, int(user["id"])) and user.get("role") != "admin"):
        raise HTTPException(404, gettext("no such check"))
    return {**row, "report": sender.localised(row["report"])}


@router.get("/sender/{graded_id}", response_class=HTMLResponse, include_in_schema=False)
async def sender_check_page(request: Request, c: ConsoleDep, user: User, graded_id: RowId) -> HTMLResponse:
    return c.page(request, "sender_check.html", check=await _one(c, user, graded_id))


@router.get("/api/sender/checks/{graded_id}", tags=["deliverability"])
async def api_sender_check(c: ConsoleDep, user: User, graded_id: RowId) -> dict[str, Any]:
    """One graded message: score, grade, each receiver's verdict and every check with its fix."""
    return await _one(c, user, graded_id)
