"""An event factory for the rates, reasons and alerts tests."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from mailwarden.deliverability.events import Event, Kind

_ids = itertools.count()


def events(
    kind: Kind,
    n: int,
    *,
    day: date,
    provider: str = "ses",
    domain: str = "example.co.jp",
    bounce: str = "",
    smtp_code: str = "",
    status: str = "",
    reason: str = "",
    recipient: str = "",
) -> list[Event]:
    start = datetime(day.year, day.month, day.day, 1, tzinfo=UTC)
    return [
        Event(
            provider,
            f"ev-{next(_ids)}",
            kind,
            start + timedelta(seconds=i),
            recipient=recipient or f"u{i}@example.jp",
            domain=domain,
            bounce=bounce,
            smtp_code=smtp_code,
            status=status,
            reason=reason,
        )
        for i in range(n)
    ]


class Recorder:
    """A threaded HTTP server on loopback recording each POST (headers, body); answers 200."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.posts: list[tuple[dict[str, str], bytes]] = []
        posts = self.posts

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                n = int(self.headers.get("Content-Length", "0"))
                posts.append(({k.lower(): v for k, v in self.headers.items()}, self.rfile.read(n)))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def __enter__(self) -> Recorder:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class PostmasterServer:
    """Google's token endpoint and the Postmaster Tools API v2 on loopback HTTPS (a test CA),
    answering recorded responses; the token request's JWT is verified with ``public_key``."""

    def __init__(self, test_ca: Any, public_key: Any, data: Path) -> None:
        import http.server
        import json
        import ssl
        import threading

        self.requests: list[tuple[str, str, bytes]] = []
        self.fail_stats = False
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self, status: int, body: Any) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _authorised(self) -> bool:
                return self.headers.get("Authorization") == "Bearer tok-123"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                outer.requests.append(("POST", self.path, body))
                if self.path == "/token":
                    from urllib.parse import parse_qs

                    form = parse_qs(body.decode())
                    ok = form.get("grant_type") == ["urn:ietf:params:oauth:grant-type:jwt-bearer"]
                    if ok and verify_jwt(
                        form["assertion"][0], public_key, f"https://127.0.0.1:{outer.port}/token"
                    ):
                        return self._answer(
                            200, {"access_token": "tok-123", "expires_in": 3600, "token_type": "Bearer"}
                        )
                    return self._answer(400, {"error": "invalid_grant"})
                if not self._authorised():
                    return self._answer(401, {"error": {"code": 401}})
                if self.path.endswith("/domainStats:query"):
                    if outer.fail_stats:
                        return self._answer(403, {"error": {"code": 403, "status": "PERMISSION_DENIED"}})
                    q = json.loads(body)
                    page = (
                        "domainStats.page2.json"
                        if q.get("pageToken") == "page2"
                        else "domainStats.page1.json"
                    )
                    return self._answer(200, json.loads((data / page).read_text()))
                return self._answer(404, {})

            def do_GET(self) -> None:
                outer.requests.append(("GET", self.path, b""))
                if not self._authorised():
                    return self._answer(401, {"error": {"code": 401}})
                if self.path.startswith("/v2/domains?") or self.path == "/v2/domains":
                    return self._answer(200, json.loads((data / "domains.json").read_text()))
                if self.path.endswith("/complianceStatus"):
                    return self._answer(200, json.loads((data / "complianceStatus.json").read_text()))
                return self._answer(404, {})

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        test_ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
        self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> PostmasterServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def verify_jwt(token: str, public_key: Any, audience: str) -> bool:
    import base64
    import json
    import time

    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    def unb64(s: str) -> bytes:
        return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))

    try:
        head, claims, sig = token.split(".")
        public_key.verify(unb64(sig), f"{head}.{claims}".encode(), padding.PKCS1v15(), hashes.SHA256())
    except (ValueError, InvalidSignature):
        return False
    c = json.loads(unb64(claims))
    h = json.loads(unb64(head))
    return (
        h["alg"] == "RS256"
        and c["aud"] == audience
        and c["scope"].startswith("https://www.googleapis.com/auth/postmaster")
        and c["iss"] == "mw@project.iam.gserviceaccount.com"
        and c["iat"] <= time.time() + 60 < c["exp"] + 60
    )
