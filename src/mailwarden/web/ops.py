"""The console's operations endpoints: ``/metrics`` (Prometheus), ``/healthz`` (liveness: the
process answers) and ``/readyz`` (readiness: the database), answered by the outermost
middleware, before the host check, the session and the routes.

Why before the host check: a scraper or a load balancer names the console by address
(``Host: 10.0.0.5:8000``), which is not a host users reach it by; nothing in these answers is
built from the Host header. Why not routes: they are for machines, not pages, and take no
session — ``/healthz`` says only that the process answers, ``/readyz`` only whether the
database answers and the schema is current, and ``/metrics`` is off (404) unless
``MAILWARDEN_METRICS_TOKEN`` is set, and then asks for it as a bearer token. They are not
counted in the request metrics (a probe every few seconds would drown the pages).

Requests are counted and timed by route *template* (``/domains/{name}``), never the raw
path: label values stay bounded and no domain, address or id lands in a metric. A path that
matches no route counts as ``<unmatched>``.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ..core.i18n import gettext as _
from ..core.metrics import CONTENT_TYPE, LATENCY_BUCKETS, ProbeResult, authorised, exposition
from ..core.store import Store
from ..core.store.db import SCHEMA_HEAD
from ..gateway.metrics import SpoolDepth
from .limits import App, Message, Receive, Scope, Send

__all__ = ["OpsEndpoints", "readiness"]

UNMATCHED = "<unmatched>"
#: methods counted by name; any other (a client may send anything) counts as OTHER
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def readiness(store: Store) -> ProbeResult:
    """(200 or 503, JSON): ready when the database answers and its schema is the newest one.
    Blocking: call it on a worker thread."""
    try:
        with store.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        # no alembic_version table is a database never migrated; anything else, one not reached
        missing = "alembic_version" in str(exc.orig)
        reason = (
            _("the database has no schema yet: run mailwarden db upgrade")
            if missing
            else _("the database does not answer")
        )
        return 503, _json({"status": "unavailable", "reason": reason})
    if version != SCHEMA_HEAD:
        reason = _("the database schema is at {current}, not {head}: run mailwarden db upgrade").format(
            current=version, head=SCHEMA_HEAD
        )
        return 503, _json({"status": "unavailable", "reason": reason, "schema": version, "head": SCHEMA_HEAD})
    return 200, _json({"status": "ready", "schema": version})


def _json(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


class OpsEndpoints:
    """Pure ASGI: ``/metrics``, ``/healthz`` and ``/readyz``; every other request counted and timed."""

    def __init__(self, app: App, *, store: Store, spool_dir: Path, token: str | None) -> None:
        self.app = app
        self.store = store
        self.token = token
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "mailwarden_http_requests",
            "Console HTTP requests, by method, route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "mailwarden_http_request_duration_seconds",
            "Time to the end of the response, by method and route template.",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.registry.register(SpoolDepth(spool_dir))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path == "/metrics":
            await self._metrics(scope, send)
            return
        if path == "/healthz":
            await _answer(send, 200, "application/json", b'{"status": "ok"}')
            return
        if path == "/readyz":
            status, body = await asyncio.to_thread(readiness, self.store)
            await _answer(send, status, "application/json", body)
            return
        start = time.perf_counter()
        code = 500
        original_root = scope.get("root_path", "")

        async def counting_send(message: Message) -> None:
            nonlocal code
            if message["type"] == "http.response.start":
                code = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            route = route_template(scope, original_root)
            method = scope.get("method", "GET")
            method = method if method in METHODS else "OTHER"
            self.requests.labels(method, route, str(code)).inc()
            self.latency.labels(method, route).observe(time.perf_counter() - start)

    async def _metrics(self, scope: Scope, send: Send) -> None:
        if self.token is None:
            off = _("metrics are off: set MAILWARDEN_METRICS_TOKEN") + "\n"
            await _answer(send, 404, "text/plain; charset=utf-8", off.encode())
            return
        headers = dict(scope.get("headers") or [])
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if not authorised(auth, self.token):
            await _answer(send, 401, "text/plain; charset=utf-8", b"", [(b"www-authenticate", b"Bearer")])
            return
        body = await asyncio.to_thread(exposition, self.registry)
        await _answer(send, 200, CONTENT_TYPE, body)


def route_template(scope: Scope, original_root: str) -> str:
    """The template of the route that answered (FastAPI leaves it in the scope), the mount
    (``/static/…``) for a mounted app, else ``<unmatched>``."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    if isinstance(template, str):
        return template
    mounted = str(scope.get("root_path", ""))[len(original_root) :]
    if mounted:
        return mounted + "/…"
    return UNMATCHED


async def _answer(
    send: Send, status: int, content_type: str, body: bytes, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    headers = [
        (b"content-type", content_type.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
