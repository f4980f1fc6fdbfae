"""The Thunderbird add-on (addins/thunderbird: background.js, report.js, options.js) in
Chromium: the MailExtension ``browser`` object is replaced by the one Thunderbird would give
(``messageDisplayAction.onClicked``, ``messageDisplay.getDisplayedMessage``,
``messages.getRaw``, ``storage.local``, ``i18n`` reading the add-on's own _locales), and the
button posts to a real `mailwarden serve`."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import ADDINS, Harness, Mailwarden, Sink, guarded_page, lure

pytestmark = pytest.mark.browser

#: Thunderbird's side of the MailExtension API, as far as the add-on uses it
FAKE_BROWSER = (Path(__file__).parent / "fake_thunderbird.js").read_text("utf-8")


def locale(lang: str) -> dict[str, Any]:
    return dict(json.loads((ADDINS / "thunderbird" / "_locales" / lang / "messages.json").read_text("utf-8")))


def open_thunderbird(
    chromium: Any,
    harness: Harness,
    mailwarden: Mailwarden,
    *,
    raw: bytes,
    raw_as: str = "string",
    lang: str = "ja",
    storage: dict[str, str] | None = None,
    page_path: str = "/thunderbird.html",
    grant: bool = True,
) -> tuple[Any, Any]:
    page, traffic = guarded_page(chromium, harness, mailwarden, "ja-JP" if lang == "ja" else "en-US")
    cfg = {
        "messages": locale(lang),
        "raw": base64.b64encode(raw).decode(),
        "rawAs": raw_as,
        "reporter": "suzuki@example.co.jp",
        "storage": {"serverUrl": mailwarden.url, "token": mailwarden.token} if storage is None else storage,
        "grant": grant,
    }
    page.add_init_script(f"globalThis.__fakeConfig = {json.dumps(cfg)};\n" + FAKE_BROWSER)
    page.goto(harness.url + page_path)
    traffic.requests.clear()
    return page, traffic


@pytest.mark.parametrize("raw_as", ["string", "file"])
def test_button_posts_the_displayed_message(chromium, harness, mailwarden, sink: Sink, raw_as):
    raw = lure(sink.url)
    page, traffic = open_thunderbird(chromium, harness, mailwarden, raw=raw, raw_as=raw_as)
    assert page.evaluate("__tb.clicked.length") == 1  # background.js registered the button
    result = page.evaluate("__tb.clicked[0]({ id: 7, type: 'messageDisplay' })")
    assert result["ok"] is True and result["status"] == 201, result
    assert page.evaluate("__tb.calls") == [["getDisplayedMessage", 7], ["getRaw", 42]]
    # the reporter is thanked in Japanese, on the button and in a notification
    thanks = locale("ja")["reportSent"]["message"]
    assert page.evaluate("__tb.titles") == [{"tabId": 7, "title": thanks}]
    assert page.evaluate("__tb.badges") == [{"tabId": 7, "text": "✓"}]
    assert page.evaluate("__tb.notes")[0]["message"] == thanks
    # one request, to the API; nothing the message names was fetched
    assert traffic.requests == [("POST", mailwarden.url + "/api/reports")]
    assert traffic.refused == [] and sink.hits == []
    rows = mailwarden.reports()
    assert [(r["path"], r["reporter"], r["subject"]) for r in rows] == [
        ("api", "suzuki@example.co.jp", "【重要】アカウントの確認をお願いします")
    ]
    detail = mailwarden.report(rows[0]["id"])
    assert detail["size"] == len(raw)
    assert detail["answers"] == {"client": "thunderbird"}


def test_refused_token_told_in_english(chromium, harness, mailwarden, sink: Sink):
    page, traffic = open_thunderbird(
        chromium,
        harness,
        mailwarden,
        raw=lure(sink.url),
        lang="en",
        storage={"serverUrl": mailwarden.url + "/", "token": "mwr_revoked"},
    )
    result = page.evaluate("__tb.clicked[0]({ id: 7 })")
    assert result == {
        "ok": False,
        "status": 401,
        "text": "The server refused the report (HTTP 401). Please forward the message to the security team.",
    }
    assert page.evaluate("__tb.badges") == [{"tabId": 7, "text": "!"}]
    assert traffic.requests == [("POST", mailwarden.url + "/api/reports")]
    assert sink.hits == [] and mailwarden.reports() == []


def test_unconfigured_or_no_message_posts_nothing(chromium, harness, mailwarden, sink: Sink):
    page, traffic = open_thunderbird(chromium, harness, mailwarden, raw=lure(sink.url), storage={})
    result = page.evaluate("__tb.clicked[0]({ id: 7 })")
    assert result["ok"] is False and result["text"] == locale("ja")["notConfigured"]["message"]
    assert page.evaluate("__tb.calls") == []
    # configured, but no message displayed in that tab
    page.evaluate(f"Object.assign(__tb.store, {json.dumps({'serverUrl': mailwarden.url, 'token': 't'})})")
    result = page.evaluate("__tb.clicked[0]({ id: 8 })")
    assert result["text"] == locale("ja")["noMessage"]["message"]
    assert page.evaluate("__tb.calls") == [["getDisplayedMessage", 8]]
    assert traffic.requests == [] and mailwarden.reports() == []


def test_options_page_stores_server_and_token(chromium, harness, mailwarden):
    """The options page (its Japanese labels from _locales/ja), a bad address refused, then
    the server's origin asked for as a permission and both settings in storage.local."""
    page, traffic = open_thunderbird(
        chromium, harness, mailwarden, raw=b"", storage={}, page_path="/thunderbird/options.html"
    )
    ja = locale("ja")
    assert page.locator("h1").inner_text() == ja["optionsHeading"]["message"]
    assert page.locator("label[for=token]").inner_text() == ja["optionsToken"]["message"]
    page.fill("#serverUrl", "http://mailwarden.example.co.jp")
    page.fill("#token", mailwarden.token)
    page.click("button[type=submit]")
    page.wait_for_function("document.getElementById('status').textContent !== ''", timeout=5000)
    assert page.locator("#status").inner_text() == ja["optionsBadUrl"]["message"]
    assert page.evaluate("__tb.store") == {}
    page.fill("#serverUrl", "https://mailwarden.example.co.jp/console/")
    page.click("button[type=submit]")
    page.wait_for_function(
        f"document.getElementById('status').textContent === {json.dumps(ja['optionsSaved']['message'])}",
        timeout=5000,
    )
    assert page.evaluate("__tb.granted") == [{"origins": ["https://mailwarden.example.co.jp/*"]}]
    assert page.evaluate("__tb.store") == {
        "serverUrl": "https://mailwarden.example.co.jp/console",
        "token": mailwarden.token,
    }
    assert traffic.refused == []


def test_options_page_saves_nothing_without_permission(chromium, harness, mailwarden):
    page, _ = open_thunderbird(
        chromium,
        harness,
        mailwarden,
        raw=b"",
        lang="en",
        storage={},
        page_path="/thunderbird/options.html",
        grant=False,
    )
    page.fill("#serverUrl", "https://mailwarden.example.co.jp")
    page.fill("#token", "mwr_x")
    page.click("button[type=submit]")
    denied = locale("en")["optionsDenied"]["message"]
    page.wait_for_function(
        f"document.getElementById('status').textContent === {json.dumps(denied)}", timeout=5000
    )
    assert page.evaluate("__tb.store") == {}
