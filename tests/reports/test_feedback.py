"""Feedback mail to reporters: composed in the reporter's language, plain text UTF-8, the
Subject a UTF-8 encoded-word when it is Japanese."""

from __future__ import annotations

import email
import email.policy

import pytest

from mailwarden.core import i18n
from mailwarden.reports import feedback
from mailwarden.reports.feedback import Notice

JA = {
    "Thank you for your report: {subject}": "ご報告ありがとうございます: {subject}",
    "Thank you: you protected {n} colleagues.": (
        "ご報告により同僚 {n} 人を守ることができました。ありがとうございます。"
    ),
}


def parse(raw: bytes) -> email.message.EmailMessage:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, email.message.EmailMessage)
    return msg


def test_thanks_in_japanese_has_encoded_subject(monkeypatch):
    real = i18n.catalogue
    monkeypatch.setattr(i18n, "catalogue", lambda lang: JA if lang == "ja" else real(lang))
    raw = feedback.compose(
        Notice("thanks", "a@example.co.jp", "至急: パスワードの確認", sender="x@evil.example"),
        lang="ja",
        notify_from="security@example.co.jp",
        key="7.thanks",
    )
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii() and b"=?utf-8?" in head.lower()
    msg = parse(raw)
    assert msg["Subject"] == "ご報告ありがとうございます: 至急: パスワードの確認"
    assert msg["Content-Language"] == "ja" and msg["Auto-Submitted"] == "auto-generated"
    assert msg["X-Mailwarden-Feedback"] == "7.thanks"
    assert msg.get_content_type() == "text/plain" and msg.get_content_charset() == "utf-8"
    assert "x@evil.example" in msg.get_content()


@pytest.mark.parametrize(
    ("outcome", "protected", "expected"),
    [
        ("phishing", 12, "you protected 12 colleagues"),
        ("phishing", 1, "you protected 1 colleague."),
        ("phishing", 0, "helps protect your colleagues"),
        ("clean", 0, "safe to open"),
        ("spam", 0, "(spam), not an attack"),
    ],
)
def test_outcome_wording(outcome, protected, expected):
    raw = feedback.compose(
        Notice("outcome", "b@example.co.jp", "Invoice", outcome=outcome, protected=protected),
        lang="en",
        notify_from="security@example.co.jp",
    )
    msg = parse(raw)
    assert expected in msg.get_content()
    assert msg["To"] == "b@example.co.jp" and outcome in msg["Subject"].replace("safe to open", "clean")


def test_japanese_outcome_counts_colleagues(monkeypatch):
    real = i18n.catalogue
    monkeypatch.setattr(i18n, "catalogue", lambda lang: JA if lang == "ja" else real(lang))
    raw = feedback.compose(
        Notice("outcome", "c@example.co.jp", "x", outcome="phishing", protected=499),
        lang="ja",
        notify_from="security@example.co.jp",
    )
    assert "同僚 499 人" in parse(raw).get_content()


def test_reporter_language():
    assert feedback.reporter_language({"lang": "en-US"}, "ja") == "en"
    assert feedback.reporter_language({"lang": "fr"}, "ja") == "ja"
    assert feedback.reporter_language(None, None) == i18n.DEFAULT_LANGUAGE
    with pytest.raises(ValueError):
        feedback.compose(Notice("outcome", "d@x", "s", outcome="bogus"), lang="en", notify_from="a@b")
