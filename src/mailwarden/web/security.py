"""Console security: sessions, CSRF tokens, login requirement, security headers, language."""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..core import i18n, sessions
from ..core.config import Settings

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


class CsrfFailed(HTTPException):
    """A form or unsafe call without the session's CSRF token (403, code ``csrf``)."""

    def __init__(self) -> None:
        super().__init__(status_code=403, detail="CSRF token missing or wrong")


def check_csrf(request: Request, supplied: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not supplied or not hmac.compare_digest(str(expected), supplied):
        raise CsrfFailed()


class NotAuthenticated(Exception):
    """No live session. ``expired``: the cookie named a session that has ended (logout
    elsewhere, a password change, the idle or absolute limit), not merely none at all."""

    def __init__(self, api: bool, expired: bool = False) -> None:
        self.api = api
        self.expired = expired


class PasswordChangeRequired(Exception):
    def __init__(self, api: bool) -> None:
        self.api = api


def signed_in(request: Request) -> dict[str, Any]:
    """The session's user, even one who still has to replace a one-time password. The cookie
    names a session the store must still hold as live (``core/sessions.py``); the user's name
    and role come from the store, not from the cookie. A sync dependency: FastAPI runs it on a
    worker thread, off the event loop."""
    token = request.session.get("sid")
    found = sessions.resume(request.app.state.store, token)
    if found is None:
        request.session.clear()
        raise NotAuthenticated(api=request.url.path.startswith("/api/"), expired=bool(token))
    user = {"id": found.id, "name": found.name, "role": found.role, "must_change": found.must_change}
    request.state.user = user  # the pages show what the role may do (the server checks it again)
    return user


def current_user(request: Request) -> dict[str, Any]:
    """The session's user, allowed to use the console (one-time password already replaced)."""
    user = signed_in(request)
    if user.get("must_change"):
        raise PasswordChangeRequired(api=request.url.path.startswith("/api/"))
    return user


#: The role matrix (docs/roles.md): what each permission allows, and which roles hold it.
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "read": ("admin", "approver", "viewer"),  # every page and GET endpoint
    "analyse": ("admin", "approver", "viewer"),  # check a domain, analyse a message, test DLP
    "decide": ("admin", "approver"),  # release, reject or cancel gateway mail
    "ingest": ("admin",),  # upload DMARC reports
    "survey": ("admin",),  # start surveys of many domains
    "users": ("admin",),  # add users, change their roles, disable them, reset their passwords
    "campaigns": ("admin",),  # simulation campaigns: assign training, webhooks, purge raw hits
}


def require(permission: str) -> Any:
    """A dependency: the signed-in user, who must hold ``permission`` (403 otherwise)."""
    allowed = PERMISSIONS[permission]

    def dependency(request: Request) -> dict[str, Any]:
        user = current_user(request)
        if user.get("role") not in allowed:
            raise HTTPException(403, i18n.gettext("your role may not do this"))
        return user

    return dependency


def pick_language(request: Request, settings: Settings) -> str:
    for candidate in (request.query_params.get("lang"), request.cookies.get("lang"), settings.lang):
        lang = i18n.normalise_language(candidate)
        if lang:
            return lang
    for part in request.headers.get("accept-language", "").split(","):
        lang = i18n.normalise_language(part.split(";")[0].strip())
        if lang:
            return lang
    return i18n.DEFAULT_LANGUAGE


#: the headers every response carries
SECURE_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
)


class LanguageAndHeaders:
    """Every request in its reader's language (``request.state.lang``; remembered in a cookie
    when asked for with ``?lang=``), every response with the security headers. Plain ASGI: the
    response streams through as the app sends it."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        lang = pick_language(request, self.settings)
        scope.setdefault("state", {})["lang"] = lang
        asked = request.query_params.get("lang")
        cookie = _language_cookie(lang) if asked and i18n.normalise_language(asked) else None

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURE_HEADERS:
                    if name not in headers:
                        headers[name] = value
                if cookie:
                    headers.append("set-cookie", cookie)
            await send(message)

        with i18n.language(lang):
            await self.app(scope, receive, with_headers)


def _language_cookie(lang: str) -> str:
    r = Response()
    r.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax", httponly=True)
    return r.headers["set-cookie"]


def secure_headers(response: Response) -> Response:
    """The headers every response carries (also the error pages made outside the middleware)."""
    for name, value in SECURE_HEADERS:
        response.headers.setdefault(name, value)
    return response
