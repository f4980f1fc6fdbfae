"""Request bodies bounded while they are read, before anything parses them, and refused
before a byte is read when nobody is signed in.

A pure ASGI middleware (it wraps ``receive``): a declared ``Content-Length`` over the route's
limit is answered 413 at once; a body that keeps coming (chunked, or lying about its length)
is cut off with 413 the moment it passes the limit. A request that writes (POST, PUT, PATCH,
DELETE) to a route that needs a session, without a live session, is answered 401 (API) or
sent to the login page before its body is read: a 400 MB post from anyone costs nothing.

Refusals are answered by ``refuse`` (``web/errors.refuse``: JSON for API clients, a page for
browsers); without one, a JSON body."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ..core import sessions

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]
Refuse = Callable[[Scope, Receive, Send, int], Awaitable[None]]

MB = 1024 * 1024
DEFAULT_LIMIT = 1 * MB  # forms and JSON
#: (path prefix, largest body): the routes that take files
LIMITS: tuple[tuple[str, int], ...] = (
    ("/dmarc/upload", 105 * MB),
    ("/api/dmarc/reports", 105 * MB),
    ("/messages/", 32 * MB),
    ("/api/messages/", 32 * MB),
    ("/dlp/check", 32 * MB),
    ("/api/dlp/check", 32 * MB),
    ("/surveys", 6 * MB),
    ("/api/surveys", 6 * MB),
    # a report mail or message uploaded in the console (40 MB, reports/intake.py), the form around it
    ("/reports/upload", 41 * MB),
    ("/api/reports/upload", 41 * MB),
    # simulations: a landing page's form (field names kept only), the beacon, quiz and survey;
    # the tracking server bounds each route tighter itself
    ("/t/", 64 * 1024),
    # the sending providers' webhooks (a SendGrid batch of 1,000 events is ~1 MB; each
    # provider's route bounds itself tighter, web/hooks.py)
    ("/hooks/", 10 * MB),
)
#: writing routes anyone may call: the login form, the sender's cancel link (its token), a
#: simulation's pages (reached by a recipient's link id, checked by the tracking server) and the
#: providers' webhooks (each request verified by its provider's signature, web/hooks.py)
PUBLIC = ("/login", "/gateway/cancel/", "/api/gateway/cancel/", "/t/", "/hooks/")
#: writing routes a program calls with an API token instead of a session (exact paths): the
#: report buttons. The token is checked here, before the body is read, and its largest body
TOKEN_ROUTES: dict[str, int] = {"/api/reports": 54 * MB}
#: where the checked token is left for the route (``request.state``)
API_TOKEN_STATE = "api_token"
WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def limit_for(path: str) -> int:
    if path in TOKEN_ROUTES:
        return TOKEN_ROUTES[path]
    return next((size for prefix, size in LIMITS if path.startswith(prefix)), DEFAULT_LIMIT)


class BodyLimits:
    """Must run inside Starlette's SessionMiddleware (it reads ``scope["session"]``)."""

    def __init__(self, app: App, store: Any, refuse: Refuse | None = None) -> None:
        self.app = app
        self.store = store
        self.refuse = refuse

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
        if self.refuse is not None:
            await self.refuse(scope, receive, send, status)
        else:
            await _reply(send, status, {"detail": detail})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        limit = limit_for(path)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                await self._refuse(scope, receive, send, 400, "bad Content-Length")
                return
            if too_big:
                await self._refuse(scope, receive, send, 413, f"request body over {limit} bytes")
                return
        if scope["method"] in WRITES and path in TOKEN_ROUTES:
            info = await self._token(headers.get(b"authorization", b""))
            if info is None:
                await self._refuse(scope, receive, send, 401, "A valid API token is required.")
                return
            # the route finds the checked token here rather than asking the store again
            scope.setdefault("state", {})[API_TOKEN_STATE] = info
        elif scope["method"] in WRITES and not path.startswith(PUBLIC) and not await self._signed_in(scope):
            if path.startswith("/api/"):
                await self._refuse(scope, receive, send, 401, "Authentication required.")
            else:
                await send(
                    {"type": "http.response.start", "status": 303, "headers": [(b"location", b"/login")]}
                )
                await send({"type": "http.response.body", "body": b""})
            return
        seen = 0
        state = {"started": False, "cut": False}

        async def bounded() -> Message:
            nonlocal seen
            if state["cut"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # answer now, and tell the app the client is gone: whatever the app makes
                    # of that (FastAPI turns a failed body read into a 400) is not sent
                    state["cut"] = True
                    if not state["started"]:
                        state["started"] = True
                        await self._refuse(scope, receive, send, 413, f"request body over {limit} bytes")
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if state["cut"]:
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        await self.app(scope, bounded, guarded_send)

    async def _token(self, header: bytes) -> Any:
        """The live API token the Authorization header carries (a TokenInfo), or None."""
        import asyncio

        from ..reports.tokens import check_token

        text = header.decode("latin-1")
        token = text[7:].strip() if text.lower().startswith("bearer ") else None
        if not token:
            return None
        return await asyncio.to_thread(check_token, self.store, token)

    async def _signed_in(self, scope: Scope) -> bool:
        import asyncio

        token = (scope.get("session") or {}).get("sid")
        if not token:
            return False
        return await asyncio.to_thread(sessions.resume, self.store, token) is not None


async def _reply(send: Send, status: int, body: dict[str, str]) -> None:
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": data})
