"""An event factory for the rates, reasons and alerts tests."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

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
