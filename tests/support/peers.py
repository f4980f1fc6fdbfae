"""Real loopback peers for tests: an HTTPS server (test CA) and an SMTP server with STARTTLS."""

from __future__ import annotations

import http.server
import ssl
import threading
from collections.abc import Mapping
from typing import Any

from .nsd import free_port


class HttpsServer:
    """Serves ``pages[(host, path)] = (status, content_type, body)`` over TLS on 127.0.0.1."""

    def __init__(
        self, cert_chain_pem: str, key_pem: str, pages: Mapping[tuple[str, str], tuple[int, str, bytes]]
    ):
        self.port = free_port()
        pages = dict(pages)

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").split(":")[0].lower()
                status, ctype, body = pages.get((host, self.path), (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                if status in (301, 302):
                    self.send_header("Location", "https://elsewhere.test/")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        import tempfile

        with (
            tempfile.NamedTemporaryFile("w", suffix=".pem", delete=False) as c,
            tempfile.NamedTemporaryFile("w", suffix=".pem", delete=False) as k,
        ):
            c.write(cert_chain_pem)
            k.write(key_pem)
        ctx.load_cert_chain(c.name, k.name)
        self.httpd.socket = ctx.wrap_socket(self.httpd.socket, server_side=True)

    def start(self) -> HttpsServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class RecordingHttps(HttpsServer):
    """The test HTTPS server, remembering each GET as (host, path) in ``seen``."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        seen: list[tuple[str, str]] = []
        self.seen = seen
        base = self.httpd.RequestHandlerClass

        class Handler(base):  # type: ignore[valid-type,misc]
            def do_GET(self) -> None:
                seen.append(((self.headers.get("Host") or "").split(":")[0].lower(), self.path))
                super().do_GET()

        self.httpd.RequestHandlerClass = Handler
