"""At 390 px (a phone), the approver's pages fit: no horizontal scrolling of the page — the
overview, the hold queue with its evidence, the confirmation step, users and an error page.
A real `mailwarden serve` process and Debian's Chromium (see test_browser.py)."""

from __future__ import annotations

import re
import time

import pytest

from mailwarden.gateway.spool import Spool
from tests.reports.corpus import phish
from tests.web.test_browser import CHROMIUM, first_login, server  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser

WIDTH = 390


def hold_one(spool_root) -> str:
    meta = {
        "mail_from": "taro.yamada.very.long.address@example.co.jp",
        "rcpt_tos": ["procurement-department-buyer@partner.example", "second@partner.example"],
        "received": time.time(),
        "size": 100,
        "record": {
            "action": "hold",
            "disposition": "hold",
            "rules": [{"rule": "hold-cards-to-outside-partners", "action": "hold", "reason": "カード番号"}],
            "subject": "【至急】お見積りの件（カード番号 4111 **** **** 1111 を含む）",
            "counts": {"credit-card": 1},
            "matches": [
                {
                    "detector": "credit-card",
                    "description": "Payment card number (Luhn and issuer range verified)",
                    "masked": "4111 **** **** 1111",
                    "location": "attachment:見積書_2026年12月_株式会社サンプル.xlsx!Sheet1!E12",
                    "confidence": 0.95,
                }
            ],
            "unscannable": [],
        },
    }
    return Spool(spool_root).put("held", meta, b"Subject: x\r\n\r\nx\r\n")


REPORTED = phish(
    "tanaka.ichiro.very.long.address@example.co.jp",
    subject="【重要】アカウントの確認をお願いします（24時間以内に手続きが必要です）",
    sender="マイクロソフト サポート <security-notification-center@micros0ft-support.example>",
    link="https://micros0ft-support.example/login/verify/a-very-long-path-that-does-not-wrap?id=88418841884188",
)


def test_pages_fit_a_phone(server, tmp_path):  # noqa: F811
    from playwright.sync_api import sync_playwright

    base, password = server
    held = hold_one(tmp_path / "spool")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(locale="ja-JP", viewport={"width": WIDTH, "height": 844})
        page.goto(base + "/login")
        first_login(page, base, password)
        page.fill("#check-form input[name=domain]", "bad.test")
        page.click("#check-form button[type=submit]")
        page.wait_for_url(re.compile(r".*/domains/\d+$"))
        overflow = {}
        for path in (
            "/",
            "/gateway/queue",
            f"/gateway/queue/{held}/release",
            "/users",
            "/no/such/page",
            "/gateway",
            "/gateway/incidents",
        ):
            page.goto(base + path)
            overflow[path] = page.evaluate("document.documentElement.scrollWidth")
        # a staff report uploaded in the console: the queue, the report, its cluster, the
        # confirmation of a decision, the metrics
        page.goto(base + "/reports/upload")
        page.set_input_files(
            "#rp-upload input[name=file]",
            files=[{"name": "m.eml", "mimeType": "message/rfc822", "buffer": REPORTED}],
        )
        page.check("#rp-upload input[value=message]")
        page.click("#rp-upload button[type=submit]")
        page.wait_for_url(re.compile(r".*/reports/\d+$"))
        report_path = "/" + page.url.split("/", 3)[3]
        cluster = page.locator("#rp-report a[href^='/reports/clusters/']").first.get_attribute("href")
        assert cluster
        for path in (
            "/reports",
            report_path,
            cluster,
            cluster + "/phishing",
            "/reports/metrics",
            "/reports/upload",
        ):
            page.goto(base + path)
            overflow[path] = page.evaluate("document.documentElement.scrollWidth")
        assert overflow == {path: WIDTH for path in overflow}, overflow
        # the hold reads as a card: its evidence is there, labelled
        page.goto(base + "/gateway/queue")
        card = page.locator("#gw-held tbody tr").first
        assert "4111 **** **** 1111" in card.inner_text()
        assert card.bounding_box()["width"] <= WIDTH
        browser.close()
