"""End to end: `mailwarden serve` as a real process, driven by Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.support.serve import serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.browser


@pytest.fixture
def server(audit_dns, tmp_path):
    env = {
        **os.environ,
        "MAILWARDEN_DATA_DIR": str(tmp_path),
        "MAILWARDEN_NAMESERVERS": audit_dns.address,
        "MAILWARDEN_DNS_TIMEOUT": "1",
        "MAILWARDEN_LANG": "",
        "LANG": "C.UTF-8",
    }
    with serve(env) as served:
        m = re.search(r"(?:one-time password|初回パスワード): (\S+)", served.output)
        assert m, served.output
        yield served.base, m.group(1)


def first_login(page, base: str, password: str) -> None:
    """Log in as admin with the one-time password and replace it, as the console demands."""
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/account/password")
    page.fill("input[name=current_password]", password)
    page.fill("input[name=new_password]", "my own long password")
    page.fill("input[name=confirm_password]", "my own long password")
    page.click("#password-form button[type=submit]")
    page.wait_for_url(base + "/")


def test_login_check_domain_and_read_report(server, tmp_path):
    from playwright.sync_api import sync_playwright

    base, password = server
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
        page = browser.new_page(locale="ja-JP")
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "/")
        assert page.url.endswith("/login")
        assert page.locator("h1").inner_text() == "ログイン"
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", "wrong password")
        page.click("button[type=submit]")
        assert "ユーザー名またはパスワードが違います" in page.content()
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        # The one-time password must be replaced before anything else.
        page.wait_for_url(base + "/account/password")
        page.goto(base + "/domains")
        assert page.url.endswith("/account/password")
        page.fill("input[name=current_password]", password)
        page.fill("input[name=new_password]", "my own long password")
        page.fill("input[name=confirm_password]", "my own long password")
        page.click("#password-form button[type=submit]")
        page.wait_for_url(base + "/")
        page.fill("#check-form input[name=domain]", "bad.test")
        page.click("#check-form button[type=submit]")
        page.wait_for_url(re.compile(r".*/domains/\d+$"))
        assert page.locator("#grade").inner_text() in ("D", "F")
        body = page.content()
        assert "SPF がインターネット全体を許可" in body
        assert 'bad.test. TXT "v=spf1' in page.locator(".fixes").inner_text()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        if os.environ.get("MW_SCREENSHOT_DIR"):
            shutil.copy(tmp_path / "report.png", Path(os.environ["MW_SCREENSHOT_DIR"]) / "report.png")
        # the history page lists it, in English after switching language
        page.goto(base + "/domains?lang=en")
        assert "History" in page.content() and "bad.test" in page.content()
        # The only failed load is the deliberate wrong-password attempt (HTTP 401).
        assert [e for e in errors if "401" not in e] == [], errors
        assert len(errors) == 1
        browser.close()


def test_message_html_loads_nothing_remote(server, tmp_path):
    """A message whose HTML tries to load an image, run a script and style from a server on
    loopback: the console shows it and that server hears nothing."""
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    from tests.analyze.mail import message

    hits: list[str] = []

    class Sink(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    sink = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    remote = f"http://127.0.0.1:{sink.server_address[1]}"
    html = (
        f'<p style="background:url({remote}/css)">お知らせ</p><img src="{remote}/pixel.gif">'
        f"<script>fetch('{remote}/script'); parent.document.title = 'pwned';</script>"
        f'<a href="{remote}/link" id="lure">こちら</a><iframe src="{remote}/frame"></iframe>'
    )
    raw = message("本文", html=html, from_="Shop <info@shop.example>").decode()
    base, password = server
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(base + "/login")
            first_login(page, base, password)
            page.goto(base + "/messages")
            page.fill("textarea[name=text]", raw)
            page.click("#analyze-form button[type=submit]")
            page.wait_for_selector("#verdict")
            frame_el = page.locator("#body-html")
            assert frame_el.get_attribute("sandbox") == ""
            frame = page.frame_locator("#body-html")
            assert "お知らせ" in frame.locator("body").inner_text()
            assert frame.locator("a").get_attribute("href") is None
            page.wait_for_timeout(1000)
            assert page.title() != "pwned"
            browser.close()
    finally:
        sink.shutdown()
    assert hits == [], hits
    assert not [u for u in requests if u.startswith(remote)], requests
