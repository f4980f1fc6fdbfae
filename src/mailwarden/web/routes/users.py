"""Console: users and roles (administrators only) — list, add with a one-time password shown
once, change the role, disable or enable, reset the password (a new one-time password; the
user's sessions end). The last active administrator can be neither disabled nor demoted.
Every page has its JSON twin under ``/api/users``; every store call runs on a worker thread."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ...core import users
from ...core.errors import InputError
from ...core.i18n import N_, gettext
from ..console import ConsoleDep
from ..errors import ApiError
from ..params import RowId
from ..security import check_csrf, require

Admin = Annotated[dict[str, Any], Depends(require("users"))]
Role = Literal["admin", "approver", "viewer"]

#: the roles as the page names them (docs/roles.md)
ROLE_LABELS = {
    "admin": N_("Administrator"),
    "approver": N_("Approver"),
    "viewer": N_("Viewer"),
}

router = APIRouter()


class NewUser(BaseModel):
    username: str = Field(min_length=1, max_length=120)
    role: Role = "viewer"


class RoleChange(BaseModel):
    role: Role


def _api_error(exc: InputError) -> ApiError:
    if isinstance(exc, users.NoSuchUser):
        return ApiError(404, "not-found", str(exc))
    if isinstance(exc, users.LastAdmin):
        return ApiError(409, "last-admin", str(exc))
    return ApiError(400, "invalid-input", str(exc))


async def _page(
    request: Request,
    c: ConsoleDep,
    *,
    error: str | None = None,
    issued: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    rows = await asyncio.to_thread(users.users_table, c.store)
    resp = c.page(
        request,
        "users.html",
        rows=rows,
        roles=users.ROLES,
        role_labels=ROLE_LABELS,
        error=error,
        issued=issued,
    )
    resp.status_code = status
    if issued:  # a one-time password: shown once, kept by nobody
        resp.headers["Cache-Control"] = "no-store"
    return resp


@router.get("/users", response_class=HTMLResponse, include_in_schema=False)
async def users_page(request: Request, c: ConsoleDep, admin: Admin) -> HTMLResponse:
    return await _page(request, c)


@router.get("/api/users", tags=["users"])
async def api_users(c: ConsoleDep, admin: Admin) -> list[dict[str, Any]]:
    """Console users with their roles and whether they are disabled (administrators only)."""
    return await asyncio.to_thread(users.users_table, c.store)


@router.post("/users", include_in_schema=False)
async def users_add(
    request: Request,
    c: ConsoleDep,
    admin: Admin,
    csrf: Annotated[str, Form()],
    username: Annotated[str, Form(max_length=120)],
    role: Annotated[Role, Form()] = "viewer",
) -> Response:
    check_csrf(request, csrf)
    try:
        password = await asyncio.to_thread(users.add_user, c.store, username, role)
    except InputError as exc:
        return await _page(request, c, error=str(exc), status=400)
    issued = {"username": username.strip(), "password": password, "why": gettext("New user")}
    return await _page(request, c, issued=issued, status=201)


@router.post("/api/users", tags=["users"], status_code=201)
async def api_users_add(
    request: Request, c: ConsoleDep, admin: Admin, body: Annotated[NewUser, Body()]
) -> dict[str, str]:
    """Add a user; the answer carries their one-time password, once. Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    try:
        password = await asyncio.to_thread(users.add_user, c.store, body.username, body.role)
    except InputError as exc:
        raise _api_error(exc) from exc
    return {"username": body.username.strip(), "role": body.role, "one_time_password": password}


def _change(op: str, role: str | None) -> Callable[[Any, int], Any]:
    if op == "disable":
        return lambda store, uid: users.set_disabled(store, uid, True)
    if op == "enable":
        return lambda store, uid: users.set_disabled(store, uid, False)
    if op == "password":
        return users.reset_password
    return lambda store, uid: users.set_role(store, uid, role or "")


async def _form_change(
    request: Request, c: ConsoleDep, user_id: int, op: str, role: str | None = None
) -> Response:
    try:
        result = await asyncio.to_thread(_change(op, role), c.store, user_id)
    except users.NoSuchUser as exc:
        raise ApiError(404, "not-found", str(exc)) from exc
    except InputError as exc:
        return await _page(
            request, c, error=str(exc), status=409 if isinstance(exc, users.LastAdmin) else 400
        )
    if op == "password":
        name, password = result
        return await _page(
            request, c, issued={"username": name, "password": password, "why": gettext("Password reset")}
        )
    return RedirectResponse("/users", status_code=303)


async def _api_change(request: Request, c: ConsoleDep, user_id: int, op: str, role: str | None = None) -> Any:
    check_csrf(request, request.headers.get("x-csrf-token"))
    try:
        return await asyncio.to_thread(_change(op, role), c.store, user_id)
    except InputError as exc:
        raise _api_error(exc) from exc


@router.post("/users/{user_id}/role", include_in_schema=False)
async def users_role(
    request: Request,
    c: ConsoleDep,
    admin: Admin,
    user_id: RowId,
    csrf: Annotated[str, Form()],
    role: Annotated[Role, Form()],
) -> Response:
    check_csrf(request, csrf)
    return await _form_change(request, c, user_id, "role", role)


@router.post("/users/{user_id}/{op}", include_in_schema=False)
async def users_act(
    request: Request,
    c: ConsoleDep,
    admin: Admin,
    user_id: RowId,
    op: Literal["disable", "enable", "password"],
    csrf: Annotated[str, Form()],
) -> Response:
    check_csrf(request, csrf)
    return await _form_change(request, c, user_id, op)


@router.post("/api/users/{user_id}/role", tags=["users"])
async def api_users_role(
    request: Request, c: ConsoleDep, admin: Admin, user_id: RowId, body: Annotated[RoleChange, Body()]
) -> dict[str, Any]:
    """Give a user another role (counts from their next request). Needs X-CSRF-Token."""
    await _api_change(request, c, user_id, "role", body.role)
    return {"id": user_id, "role": body.role}


@router.post("/api/users/{user_id}/disable", tags=["users"])
async def api_users_disable(request: Request, c: ConsoleDep, admin: Admin, user_id: RowId) -> dict[str, Any]:
    """Disable a user: they cannot log in and their sessions end. Needs X-CSRF-Token."""
    await _api_change(request, c, user_id, "disable")
    return {"id": user_id, "disabled": True}


@router.post("/api/users/{user_id}/enable", tags=["users"])
async def api_users_enable(request: Request, c: ConsoleDep, admin: Admin, user_id: RowId) -> dict[str, Any]:
    """Enable a disabled user again. Needs X-CSRF-Token."""
    await _api_change(request, c, user_id, "enable")
    return {"id": user_id, "disabled": False}


@router.post("/api/users/{user_id}/password", tags=["users"])
async def api_users_password(request: Request, c: ConsoleDep, admin: Admin, user_id: RowId) -> dict[str, Any]:
    """Reset a user's password: a new one-time password, returned once; their sessions end.
    Needs X-CSRF-Token."""
    name, password = await _api_change(request, c, user_id, "password")
    return {"id": user_id, "username": name, "one_time_password": password}
