"""Errors as their reader needs them: a page for a browser, JSON for an API client.

A browser (a path outside ``/api/`` that does not ask for JSON first) gets an HTML page in
its language that says what happened and what to do next; an API client (``/api/…`` or
``Accept: application/json``) gets ``{"error": {"code": "<stable code>", "message": "…"}}``,
the message in the client's language. Codes are stable, messages are written here (or by
the route that raised the error) — never a validator's or an exception's own text.

``install`` registers the handlers; ``refuse`` answers from inside the pure ASGI middleware
(the body limits) by the same rule."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..core import i18n
from ..core.errors import InputError, StoreError
from ..core.i18n import N_, gettext
from .security import CsrfFailed, NotAuthenticated, PasswordChangeRequired, pick_language, secure_headers

log = logging.getLogger(__name__)

#: the stable code of each status an error can have
CODES: dict[int, str] = {
    400: "bad-request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    410: "gone",
    413: "too-large",
    415: "unsupported-type",
    422: "invalid-input",
    429: "too-many-requests",
    500: "internal",
    503: "unavailable",
}

#: what each code says (English message ids, translated when shown)
MESSAGES: dict[str, str] = {
    "bad-request": N_("The request could not be understood."),
    "unauthenticated": N_("Please log in."),
    "session-expired": N_("Your session has ended. Please log in again."),
    "password-change-required": N_("Replace the one-time password first."),
    "forbidden": N_("Your role does not allow this."),
    "csrf": N_("The form has expired or did not come from this console."),
    "not-found": N_("There is nothing at this address."),
    "method-not-allowed": N_("This address does not accept this kind of request."),
    "conflict": N_("This cannot be done in the item's current state."),
    "gone": N_("This is no longer available."),
    "too-large": N_("What was sent is too large."),
    "unsupported-type": N_("This kind of content is not accepted here."),
    "invalid-input": N_("Some of the input is not valid."),
    "too-many-requests": N_("Too many attempts. Wait a little and try again."),
    "internal": N_("Something went wrong on the server. The error has been logged."),
    "unavailable": N_("The database cannot be reached right now. Try again shortly."),
}

#: what a reader of the page can do next
NEXT_STEPS: dict[str, str] = {
    "unauthenticated": N_("Log in to continue."),
    "session-expired": N_("Log in again; then open the page once more."),
    "forbidden": N_("Ask an administrator if you need this permission."),
    "csrf": N_("Go back, reload the page and send the form again."),
    "not-found": N_("Check the address, or start again from the overview."),
    "too-large": N_("Send a smaller file, or split it into several."),
    "invalid-input": N_("Go back, correct the marked values and send again."),
    "too-many-requests": N_("Wait a few minutes before trying again."),
    "internal": N_("Try again. If it happens again, tell your administrator the time it happened."),
    "unavailable": N_("Try again in a few minutes."),
}


def wants_json(path: str, accept: str) -> bool:
    """API clients: ``/api/`` paths, or a client that asks for JSON rather than HTML."""
    if path.startswith("/api/"):
        return True
    accept = accept.lower()
    return "application/json" in accept and "text/html" not in accept


def respond(request: Request, status: int, code: str, message: str | None = None) -> Response:
    """The error in the face its client wants, in the client's language."""
    lang = getattr(request.state, "lang", None) or pick_language(request, request.app.state.settings)
    with i18n.language(lang):
        text = message or gettext(MESSAGES.get(code, MESSAGES["internal"]))
        if wants_json(request.url.path, request.headers.get("accept", "")):
            response: Response = JSONResponse({"error": {"code": code, "message": text}}, status_code=status)
        else:
            response = _page(request, lang, status, code, text)
    return secure_headers(response)


def _page(request: Request, lang: str, status: int, code: str, text: str) -> HTMLResponse:
    session: dict[str, Any] = request.scope.get("session") or {}
    context = {
        "request": request,
        "user": session.get("user") if code not in ("unauthenticated", "session-expired") else None,
        "csrf": session.get("csrf", ""),
        "lang": lang,
        "version": request.app.version,
        "status": status,
        "code": code,
        "message": text,
        "next_step": gettext(NEXT_STEPS[code]) if code in NEXT_STEPS else "",
        "login": code in ("unauthenticated", "session-expired"),
    }
    templates = request.app.state.console.templates
    response: HTMLResponse = templates.TemplateResponse(request, "error.html", context, status_code=status)
    return response


def _from_http(exc: StarletteHTTPException) -> tuple[str, str | None]:
    code = CODES.get(exc.status_code, "internal" if exc.status_code >= 500 else "bad-request")
    if isinstance(exc, CsrfFailed):
        return "csrf", None
    if isinstance(exc, ApiError):
        return exc.code, str(exc.detail)
    detail = exc.detail
    if exc.status_code >= 500 or not isinstance(detail, str):
        return code, None
    try:
        if detail == HTTPStatus(exc.status_code).phrase:  # no message of ours: the generic one
            return code, None
    except ValueError:
        pass
    return code, detail  # written (and translated) by the route that raised it


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code, message = _from_http(exc)
    response = respond(request, exc.status_code, code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    fields = sorted(
        {str(e.get("loc", ("?",))[-1]) for e in exc.errors() if isinstance(e, dict) and e.get("loc")}
    )
    text = gettext(MESSAGES["invalid-input"])
    if fields:
        text += " " + gettext("Check: {fields}").format(fields=", ".join(fields))
    return respond(request, 422, "invalid-input", text)


async def _input_error(request: Request, exc: Exception) -> Response:
    # the library's own sentences for bad input (already in the reader's language)
    return respond(request, 400, "invalid-input", str(exc) or None)


async def _store_down(request: Request, exc: Exception) -> Response:
    log.error("store unavailable: %s", exc)
    return respond(request, 503, "unavailable")


async def _internal(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return respond(request, 500, "internal")


async def _login_needed(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotAuthenticated)
    if exc.expired:
        return respond(request, 401, "session-expired")
    if wants_json(request.url.path, request.headers.get("accept", "")):
        return respond(request, 401, "unauthenticated")
    return RedirectResponse("/login", status_code=303)


async def _password_change_needed(request: Request, exc: Exception) -> Response:
    if wants_json(request.url.path, request.headers.get("accept", "")):
        return respond(request, 403, "password-change-required")
    return RedirectResponse("/account/password", status_code=303)


async def refuse(scope: Any, receive: Any, send: Any, status: int) -> None:
    """An answer from the body-limits middleware (outside the routes), by the same rule."""
    request = Request(scope, receive)
    await respond(request, status, CODES.get(status, "bad-request"))(scope, receive, send)


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(StoreError, _store_down)
    app.add_exception_handler(NotAuthenticated, _login_needed)
    app.add_exception_handler(PasswordChangeRequired, _password_change_needed)
    app.add_exception_handler(Exception, _internal)


class ApiError(StarletteHTTPException):
    """An error with its own stable code (``last-admin``…), not just its status's."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status_code=status, detail=message)
        self.code = code
