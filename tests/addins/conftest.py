"""The report buttons' handlers in Debian's Chromium, posting to a real `mailwarden serve`.

Only the host is replaced: a fake ``Office`` (Outlook) or ``browser`` (Thunderbird) object, the
one the mail client would hand the add-in. The add-in's own JavaScript is loaded unchanged from
addins/ in a page served from loopback, and its one request goes to the real server, which
lets that page's origin call ``POST /api/reports`` (MAILWARDEN_REPORT_ORIGINS)."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from tests.support.serve import serve

ROOT = Path(__file__).resolve().parents[2]
ADDINS = ROOT / "addins"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@dataclass
class Sink:
    """A loopback HTTP server standing for everything the message names: it must hear nothing."""

    url: str
    hits: list[str] = field(default_factory=list)


@pytest.fixture
def sink() -> Iterator[Sink]:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        do_POST = do_HEAD = do_GET

        def log_message(self, *args: Any) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield Sink(f"http://127.0.0.1:{srv.server_address[1]}", hits)
    srv.shutdown()
    srv.server_close()


def lure(sink_url: str) -> bytes:
    """A phishing message naming the sink in every way a client could be made to fetch it:
    links in text and HTML, an image, a stylesheet, an iframe, a script, an attachment's name.
    8-bit UTF-8 body, so a handler that mangles bytes is caught by the stored size."""
    msg = EmailMessage()
    msg["Received"] = "from mx.example.net by mx.example.co.jp; Tue, 01 Dec 2026 09:30:00 +0000"
    msg["From"] = "Microsoft 365 <security@micros0ft-support.example>"
    msg["To"] = "tanaka@example.co.jp"
    msg["Subject"] = "【重要】アカウントの確認をお願いします"
    msg["Date"] = format_datetime(datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
    msg["Message-ID"] = "<20261201093000.4411@micros0ft-support.example>"
    text = (
        "お客様のアカウントで異常なサインインが検出されました。\n"
        f"24時間以内に確認してください: {sink_url}/text-link\n"
        "https://micros0ft-support.example/login/verify?id=8841\n"
    )
    html = (
        f'<p style="background:url({sink_url}/css-bg)">お客様のアカウント</p>'
        f'<link rel="stylesheet" href="{sink_url}/style.css">'
        f'<img src="{sink_url}/pixel.gif"><iframe src="{sink_url}/frame"></iframe>'
        f"<script src=\"{sink_url}/script.js\"></script><script>fetch('{sink_url}/inline')</script>"
        f'<a href="{sink_url}/html-link">確認する</a>'
    )
    msg.set_content(text, cte="8bit")
    msg.add_alternative(html, subtype="html", cte="8bit")
    msg.add_attachment(
        f"[InternetShortcut]\nURL={sink_url}/attachment\n".encode(),
        maintype="application",
        subtype="octet-stream",
        filename="確認.url",
    )
    return bytes(msg)


@dataclass
class Harness:
    """The loopback origin the add-in's page comes from."""

    url: str
    root: Path


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Harness]:
    www = tmp_path / "www"
    shutil.copytree(ADDINS / "outlook" / "src", www / "outlook")
    shutil.copytree(ADDINS / "thunderbird", www / "thunderbird")
    (www / "outlook.html").write_text(
        '<!doctype html><meta charset="utf-8"><title>outlook</title>'
        '<script src="outlook/commands.js"></script>'
    )
    (www / "thunderbird.html").write_text(
        '<!doctype html><meta charset="utf-8"><title>thunderbird</title>'
        '<script src="thunderbird/report.js"></script><script src="thunderbird/background.js"></script>'
    )

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(www)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield Harness(f"http://127.0.0.1:{srv.server_address[1]}", www)
    srv.shutdown()
    srv.server_close()


@dataclass
class Mailwarden:
    url: str
    env: dict[str, str]
    token: str

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "mailwarden", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def reports(self) -> list[dict[str, Any]]:
        return list(json.loads(self.cli("reports", "list", "--json")))

    def report(self, report_id: int) -> dict[str, Any]:
        return dict(json.loads(self.cli("reports", "show", str(report_id), "--json")))


@pytest.fixture
def mailwarden(tmp_path: Path, harness: Harness) -> Iterator[Mailwarden]:
    """`mailwarden serve` as a real process; its API token made with `mailwarden token create`
    in the same data directory; the harness's origin allowed to post reports."""
    data = tmp_path / "data"
    data.mkdir()
    env = {
        **os.environ,
        "MAILWARDEN_DATA_DIR": str(data),
        "MAILWARDEN_REPORT_ORIGINS": harness.url,
        "MAILWARDEN_LANG": "en",
        "LANG": "C.UTF-8",
    }
    env.pop("MAILWARDEN_TRUSTED_HOSTS", None)
    with serve(env) as served:
        token = subprocess.run(
            [sys.executable, "-m", "mailwarden", "token", "create", "report-button"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        assert token, "mailwarden token create printed no token"
        yield Mailwarden(served.base, env, token)


@pytest.fixture
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Traffic:
    """Every request the page made, and those the guard refused (not loopback harness or API)."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def guarded_page(chromium: Any, harness: Harness, mailwarden: Mailwarden, locale: str) -> tuple[Any, Traffic]:
    """A page that may load the harness and post to the API, nothing else: any other request
    is aborted and recorded."""
    context = chromium.new_context(locale=locale)
    traffic = Traffic()
    allowed = (harness.url + "/", mailwarden.url + "/api/reports")

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(allowed[0]) or url == allowed[1]:
            route.continue_()
        else:
            traffic.refused.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("request", lambda r: traffic.requests.append((r.method, r.url)))
    return page, traffic
