"""The Outlook add-in's handler (addins/outlook/src/commands.js) in Chromium: Office.js is
replaced by the object Outlook would hand it (``Office.context.mailbox.item.getAsFileAsync``
giving the .eml in base64, the spam-reporting event with the dialog's choices), and the handler
posts to a real `mailwarden serve`."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import Harness, Mailwarden, Sink, guarded_page, lure

pytestmark = pytest.mark.browser

#: Office.js as far as the handler sees it: the host boundary, nothing of the add-in's own
FAKE_OFFICE = (Path(__file__).parent / "fake_office.js").read_text("utf-8")


def open_outlook(
    chromium: Any,
    harness: Harness,
    mailwarden: Mailwarden,
    *,
    eml: bytes | None,
    language: str = "ja-JP",
    token: str | None = None,
) -> tuple[Any, Any]:
    page, traffic = guarded_page(chromium, harness, mailwarden, language)
    cfg = {
        "config": {"apiUrl": mailwarden.url, "token": mailwarden.token if token is None else token},
        "language": language,
        "reporter": "tanaka@example.co.jp",
        "eml": None if eml is None else base64.b64encode(eml).decode(),
    }
    page.add_init_script(f"globalThis.__fakeConfig = {json.dumps(cfg)};\n" + FAKE_OFFICE)
    page.goto(harness.url + "/outlook.html")
    assert page.evaluate("Object.keys(__mw.associated)") == ["onSpamReport"]
    assert page.evaluate("__mw.ready") == 1
    traffic.requests.clear()
    return page, traffic


def test_report_is_posted_and_stored(chromium, harness, mailwarden, sink: Sink):
    raw = lure(sink.url)
    page, traffic = open_outlook(chromium, harness, mailwarden, eml=raw)
    done = page.evaluate("__report([true, false, false, true, false], '  リンクを押してしまいました  ')")
    # Outlook is told: moved to Junk, and the thank-you in the reporter's language
    assert done["moveItemTo"] == "junkFolder", done
    assert done["onErrorDeleteItem"] is False
    assert done["showPostProcessingDialog"]["title"] == "セキュリティ担当に報告"
    assert done["showPostProcessingDialog"]["description"].startswith("ご報告ありがとうございます")
    # the one request: the POST to the API; the message's links, images and scripts untouched
    assert traffic.requests == [("POST", mailwarden.url + "/api/reports")]
    assert traffic.refused == [] and sink.hits == []
    # stored: the message byte for byte, the reporter, the dialog's answers, the API path
    rows = mailwarden.reports()
    assert len(rows) == 1
    row = rows[0]
    assert (row["path"], row["reporter"]) == ("api", "tanaka@example.co.jp")
    assert row["subject"] == "【重要】アカウントの確認をお願いします"
    detail = mailwarden.report(row["id"])
    assert detail["size"] == len(raw)
    assert detail["answers"] == {
        "client": "outlook",
        "asks_for_password": True,
        "unexpected_sender": False,
        "urgent_or_payment": False,
        "clicked_link": True,
        "spam": False,
        "comment": "リンクを押してしまいました",
    }


def test_english_outlook_and_a_refused_token(chromium, harness, mailwarden, sink: Sink):
    """A revoked or wrong token: the reporter is told in English that the report did not go,
    the message stays where it is, and nothing is stored."""
    page, traffic = open_outlook(
        chromium, harness, mailwarden, eml=lure(sink.url), language="en-US", token="mwr_not-a-token"
    )
    done = page.evaluate("__report([false, false, false, false, true], '')")
    assert "moveItemTo" not in done
    text = done["showPostProcessingDialog"]["description"]
    assert text.startswith("The report could not be sent") and "HTTP 401" in text, text
    assert traffic.requests == [("POST", mailwarden.url + "/api/reports")]
    assert sink.hits == [] and mailwarden.reports() == []


def test_message_outlook_could_not_give(chromium, harness, mailwarden):
    page, traffic = open_outlook(chromium, harness, mailwarden, eml=None, language="ja-JP")
    done = page.evaluate("__report([false, false, false, false, false], '')")
    assert "Outlook からメールを取得できませんでした" in done["showPostProcessingDialog"]["description"]
    assert page.evaluate("__mw.asked") == 1
    assert traffic.requests == [] and mailwarden.reports() == []


def test_not_configured_posts_nothing(chromium, harness, mailwarden, sink: Sink):
    page, traffic = open_outlook(chromium, harness, mailwarden, eml=lure(sink.url), token="")
    done = page.evaluate("__report([true, true, true, true, true], 'x')")
    assert "API トークンが設定されていません" in done["showPostProcessingDialog"]["description"]
    assert page.evaluate("__mw.asked") == 0
    assert traffic.requests == [] and mailwarden.reports() == []
