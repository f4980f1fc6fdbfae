"""Prometheus metrics: what the console and the gateway share (docs/operations.md).

Each process keeps its metrics in a registry of its own (never prometheus-client's global
one): tests build many apps and gateways in one process, and a registry per instance keeps
their counts apart. The gateway screens in worker processes but counts in the parent, on the
event loop, so no multiprocess mode is needed.

Labels never carry message content, addresses or raw paths: only a bounded set of values
(an outcome, a route template, a method, a status class).

``/metrics`` asks for ``MAILWARDEN_METRICS_TOKEN`` as a bearer token when that variable is
set. On the console it is off (404) without one: the console's port is the one users reach.
The gateway's listener is off unless ``--metrics-listen`` names an address, on a network of
the operator's choosing; a token, when set, is asked for there too.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4

__all__ = [
    "CONTENT_TYPE",
    "LATENCY_BUCKETS",
    "MetricsListener",
    "ProbeResult",
    "authorised",
    "exposition",
    "metrics_token",
]

#: the text exposition format every Prometheus version reads
CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4
#: seconds: from a cached page (a few ms) to a screen of a large attachment (tens of seconds)
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

#: (HTTP status, JSON body) of a probe
ProbeResult = tuple[int, bytes]


def metrics_token() -> str | None:
    """The scraper's bearer token, from the environment only (never a file in the repo)."""
    token = os.environ.get("MAILWARDEN_METRICS_TOKEN", "").strip()
    return token or None


def authorised(header: str | None, token: str | None) -> bool:
    """Does an ``Authorization`` header carry ``token`` (compared in constant time)?"""
    if token is None:
        return True
    scheme, _, given = (header or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def exposition(registry: CollectorRegistry) -> bytes:
    return generate_latest(registry)


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # a scrape every 15 s is no news
        pass


class MetricsListener:
    """A small HTTP server on a thread of its own: ``/metrics`` from ``registry``, and the
    probes given (``{"/healthz": fn}``, each ``fn() -> (status, JSON body)``). For a process
    that has no web server of its own (the gateway)."""

    def __init__(
        self,
        host: str,
        port: int,
        registry: CollectorRegistry,
        *,
        probes: dict[str, Callable[[], ProbeResult]] | None = None,
        token: str | None = None,
    ) -> None:
        self.registry = registry
        self.probes = probes or {}
        self.token = token
        server_class: type[_Server] = _Server
        if ":" in host:  # an IPv6 literal
            import socket

            server_class = type("_Server6", (_Server,), {"address_family": socket.AF_INET6})
        self._httpd = make_server(
            host, port, self._app, server_class=server_class, handler_class=_QuietHandler
        )
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="mw-metrics", daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def start(self) -> MetricsListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def _app(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Allow", "GET, HEAD"), ("Content-Length", "0")])
            return [b""]
        if path == "/metrics":
            if not authorised(environ.get("HTTP_AUTHORIZATION"), self.token):
                start_response("401 Unauthorized", [("WWW-Authenticate", "Bearer"), ("Content-Length", "0")])
                return [b""]
            body = exposition(self.registry)
            start_response("200 OK", [("Content-Type", CONTENT_TYPE), ("Content-Length", str(len(body)))])
            return [body]
        probe = self.probes.get(path)
        if probe is None:
            start_response("404 Not Found", [("Content-Length", "0")])
            return [b""]
        status, body = probe()
        reason = "OK" if status == 200 else "Service Unavailable"
        start_response(
            f"{status} {reason}", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        )
        return [body]
