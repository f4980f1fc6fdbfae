"""The main flows in a real browser (issue 16): Debian's Chromium, driven by Playwright, against
a real `mailwarden serve` process — in Japanese and English, at desktop and phone widths:
login (the one-time password replaced), the overview, a domain check and its report, a DMARC
upload and a change of period, a held message released after its confirmation step, a user
created. At phone width no page scrolls sideways. With MW_SCREENSHOT_DIR set, a screenshot of
each page is written there (docs/screenshots/ is made that way)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.web.test_browser import CHROMIUM, first_login, server  # noqa: F401 - the fixture
from tests.web.test_browser_narrow import hold_one

pytestmark = pytest.mark.browser

SAMPLE = (
    Path(__file__).parents[1]
    / "data"
    / "dmarc-samples"
    / "aggregate"
    / "!example.com!1538204542!1538463818.xml"
)
CASES = [("ja", 1280), ("ja", 390), ("en", 1280), ("en", 390)]
TEXT = {
    "ja": {"login": "ログイン", "released": "承認", "created": "初回パスワード"},
    "en": {"login": "Log in", "released": "Released", "created": "One-time password"},
}


@pytest.mark.parametrize(("lang", "width"), CASES, ids=[f"{lang}-{w}" for lang, w in CASES])
def test_main_flows(server, tmp_path, lang, width):  # noqa: F811
    from playwright.sync_api import sync_playwright

    base, password = server
    # Japanese pages need a Japanese font, or the screenshots show empty boxes (make system-deps)
    assert subprocess.run(["fc-list", ":lang=ja"], capture_output=True, text=True).stdout.strip()
    held = hold_one(tmp_path / "spool")
    device = "phone" if width < 600 else "desktop"
    shots = Path(os.environ["MW_SCREENSHOT_DIR"]) if os.environ.get("MW_SCREENSHOT_DIR") else None
    widths: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(
            locale="ja-JP" if lang == "ja" else "en-US",
            viewport={"width": width, "height": 900 if width > 600 else 844},
            timezone_id="Asia/Tokyo",
        )
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        def seen(name: str) -> None:
            widths[name] = page.evaluate("document.documentElement.scrollWidth")
            assert page.locator("html").get_attribute("lang") == lang, name
            if shots is not None:
                page.screenshot(path=str(shots / f"{name}-{lang}-{device}.png"), full_page=True)

        # login; the one-time password must be replaced first
        page.goto(base + "/")
        assert page.url.endswith("/login")
        assert page.locator("h1").inner_text() == TEXT[lang]["login"]
        seen("login")
        first_login(page, base, password)
        # a domain check from the overview, and its report
        page.fill("#check-form input[name=domain]", "bad.test")
        page.click("#check-form button[type=submit]")
        page.wait_for_url(re.compile(r".*/domains/\d+$"))
        assert page.locator("#grade").inner_text() in ("D", "F")
        fix = page.locator(".fixes button.copy").first
        assert fix.get_attribute("data-copy").startswith("bad.test. TXT")
        seen("report")
        # the overview shows the domain's posture and its next step
        page.goto(base + "/")
        assert "bad.test" in page.locator("#postures").inner_text()
        seen("overview")
        # a DMARC upload, then another period
        page.goto(base + "/dmarc")
        page.set_input_files("#upload-form input[type=file]", str(SAMPLE))
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("#upload-result")
        page.click("a[href='/dmarc/example.com']")
        page.wait_for_url(re.compile(r".*/dmarc/example\.com"))
        before = page.locator("#period").inner_text()
        assert "2018" in before  # the period the reports cover, not "the last 30 days"
        seen("dmarc")
        page.locator(".periods a:not(.current)").first.click()
        page.wait_for_load_state()
        assert page.locator("#period").inner_text() != before
        # a held message: its evidence, the confirmation step, released
        page.goto(base + "/gateway/queue")
        assert "4111 **** **** 1111" in page.locator("#gw-held").inner_text()
        seen("queue")
        page.click(f"a[href='/gateway/queue/{held}/release']")
        page.wait_for_selector("#gw-confirm")
        seen("confirm")
        page.click("#gw-decide button[type=submit]")
        page.wait_for_selector("#gw-done")
        assert TEXT[lang]["released"] in page.locator("#gw-done").inner_text()
        assert held not in page.locator("#gw-held").inner_text()
        # a user created: the one-time password shown once
        page.goto(base + "/users")
        page.fill("#user-add input[name=username]", "suzuki")
        page.click("#user-add button[type=submit]")
        page.wait_for_selector("#one-time-password")
        assert len(page.locator("#one-time-password").inner_text()) >= 12
        assert "suzuki" in page.locator("#users").inner_text()
        seen("users")
        browser.close()
    assert errors == [], errors
    if width < 600:
        assert widths == {name: width for name in widths}, widths
