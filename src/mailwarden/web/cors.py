"""Cross-origin calls for the report buttons, and for nothing else.

The Outlook add-in runs in a page of its own origin (where its files are hosted) and posts the
reported message to ``POST /api/reports`` with an API token. A browser lets it do that only
when the answer says the add-in's origin may: this pure ASGI middleware says so for that one
path, for the origins listed in ``MAILWARDEN_REPORT_ORIGINS`` (comma-separated, e.g.
``https://addins.example.co.jp``), and for none by default. No credentials (cookies) are ever
allowed across origins: the token travels in ``Authorization``. Every other path, and every
origin not listed, is answered as before (no CORS headers, so the browser keeps the answer
from the calling page)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

#: the only path answered across origins, and how
PATH = "/api/reports"
ALLOW_METHODS = b"POST"
ALLOW_HEADERS = b"authorization, content-type"
MAX_AGE = b"600"


class _Origins(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAILWARDEN_", extra="ignore")

    #: origins (scheme://host[:port]) whose pages may post reports; empty: none
    report_origins: str = ""


def report_origins() -> frozenset[str]:
    """The origins from ``MAILWARDEN_REPORT_ORIGINS``, normalised (no trailing slash, lower case)."""
    return frozenset(o.strip().rstrip("/").lower() for o in _Origins().report_origins.split(",") if o.strip())


class ReportCors:
    def __init__(self, app: App, origins: Iterable[str] | None = None) -> None:
        self.app = app
        self.origins = report_origins() if origins is None else frozenset(o.lower() for o in origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or not self.origins:
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        origin = headers.get(b"origin", b"").decode("latin-1")
        preflight = scope["method"] == "OPTIONS" and b"access-control-request-method" in headers
        if origin.lower() not in self.origins or not (preflight or scope["method"] == "POST"):
            await self.app(scope, receive, send)
            return
        allow = [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]
        if preflight:
            ok = headers[b"access-control-request-method"].strip().upper() == ALLOW_METHODS
            extra = [
                (b"access-control-allow-methods", ALLOW_METHODS),
                (b"access-control-allow-headers", ALLOW_HEADERS),
                (b"access-control-max-age", MAX_AGE),
            ]
            await send(
                {
                    "type": "http.response.start",
                    "status": 204 if ok else 405,
                    "headers": [*allow, *extra] if ok else [(b"vary", b"Origin")],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def with_allow(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *allow]}
            await send(message)

        await self.app(scope, receive, with_allow)
