"""Console: logging in and out, replacing a password, and the session as JSON."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ...core import sessions
from ...core.errors import InputError
from ...core.i18n import gettext
from ...core.store import Store
from ...core.users import authenticate, change_password
from ..console import ConsoleDep
from ..security import check_csrf, csrf_token, signed_in

SignedIn = Annotated[dict[str, Any], Depends(signed_in)]

router = APIRouter()


class PasswordChange(BaseModel):
    current_password: str = Field(max_length=1000)
    new_password: str = Field(max_length=1000)


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
async def login_page(request: Request, c: ConsoleDep) -> HTMLResponse:
    return c.page(request, "login.html", error=None)


@router.post("/login", include_in_schema=False)
async def login(
    request: Request,
    c: ConsoleDep,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    csrf: Annotated[str, Form()],
) -> Response:
    check_csrf(request, csrf)
    client = request.client.host if request.client else "?"
    account = username.strip().lower()
    wait = max(c.by_client.wait(client), c.by_account.wait(account))
    if wait:
        resp = c.page(request, "login.html", error=gettext("Too many failed attempts: try again later."))
        resp.status_code = 429
        resp.headers["Retry-After"] = str(int(wait) + 1)
        return resp
    # argon2 takes tens of milliseconds by design: on a worker thread, not the event loop
    user = await asyncio.to_thread(authenticate, c.store, username, password)
    if user is None:
        c.by_client.failed(client)
        c.by_account.failed(account)
        resp = c.page(request, "login.html", error=gettext("Wrong user name or password."))
        resp.status_code = 401
        return resp
    c.by_client.succeeded(client)
    c.by_account.succeeded(account)
    token = await asyncio.to_thread(sessions.start, c.store, user.id)
    request.session.clear()
    request.session["sid"] = token
    request.session["user"] = {"name": user.username}  # for the page header only; never trusted
    return RedirectResponse("/account/password" if user.must_change_password else "/", status_code=303)


def _change_password(
    store: Store, request: Request, user: dict[str, Any], current: str, new: str, confirm: str
) -> None:
    """Blocking (argon2, the store): called on a worker thread."""
    if new != confirm:
        raise InputError(gettext("The two new passwords differ."))
    change_password(store, user["name"], current, new)
    # every other session of this user ends: whoever else held the old password is out
    sessions.end_all(store, user["id"], keep=request.session.get("sid"))


@router.get("/account/password", response_class=HTMLResponse, include_in_schema=False)
async def password_page(request: Request, c: ConsoleDep, user: SignedIn) -> HTMLResponse:
    return c.page(request, "password.html", error=None, must_change=user.get("must_change", False))


@router.post("/account/password", include_in_schema=False)
async def password_change(
    request: Request,
    c: ConsoleDep,
    user: SignedIn,
    csrf: Annotated[str, Form()],
    current_password: Annotated[str, Form(max_length=1000)],
    new_password: Annotated[str, Form(max_length=1000)],
    confirm_password: Annotated[str, Form(max_length=1000)],
) -> Response:
    check_csrf(request, csrf)
    try:
        await asyncio.to_thread(
            _change_password, c.store, request, user, current_password, new_password, confirm_password
        )
    except InputError as exc:
        resp = c.page(request, "password.html", error=str(exc), must_change=user.get("must_change", False))
        resp.status_code = 400
        return resp
    return RedirectResponse("/", status_code=303)


@router.post("/api/account/password", tags=["session"])
async def api_password_change(
    request: Request, c: ConsoleDep, user: SignedIn, body: Annotated[PasswordChange, Body()]
) -> dict[str, str]:
    """Replace your password (also the one-time password of the first admin). Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    try:
        await asyncio.to_thread(
            _change_password,
            c.store,
            request,
            user,
            body.current_password,
            body.new_password,
            body.new_password,
        )
    except InputError as exc:
        raise HTTPException(400, str(exc)) from exc
    return {"status": "changed"}


@router.post("/logout", include_in_schema=False)
async def logout(request: Request, c: ConsoleDep, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    await asyncio.to_thread(sessions.end, c.store, request.session.get("sid"))
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/api/session", tags=["session"])
async def api_session(request: Request, user: SignedIn) -> dict[str, Any]:
    """The signed-in user and the CSRF token to send as X-CSRF-Token on unsafe calls."""
    return {"user": user, "csrf_token": csrf_token(request)}
