"""Console forms that act: the work runs on a worker thread, and the browser is sent back to a
page — with ``?error=`` when the work refused in one of the ways a person can act on (the
reason in the reader's language), otherwise to the page that shows what was done."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import quote

from fastapi import HTTPException
from fastapi.responses import RedirectResponse

T = TypeVar("T")


def with_error(url: str, reason: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}error={quote(reason)}"


async def act(
    work: Callable[[], T],
    *,
    done: Callable[[T], str],
    back: str,
    refused: tuple[int, ...] = (409,),
) -> RedirectResponse:
    """Run ``work`` off the event loop; to ``done(result)`` when it succeeds, to ``back`` with
    the reason when it raises an HTTPException whose status is in ``refused`` (others go on to
    the error pages)."""
    try:
        result = await asyncio.to_thread(work)
    except HTTPException as exc:
        if exc.status_code not in refused:
            raise
        return RedirectResponse(with_error(back, str(exc.detail)), status_code=303)
    return RedirectResponse(done(result), status_code=303)
