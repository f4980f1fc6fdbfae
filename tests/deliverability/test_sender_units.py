"""The sender check's pure parts: grades, per-receiver verdicts, header rules, generic reverse
names, recipient tokens, the JSON shape of a report (no server)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailwarden.core.message import parse_message
from mailwarden.deliverability.sender.checks_headers import check_headers
from mailwarden.deliverability.sender.checks_network import check_tls, generic_name
from mailwarden.deliverability.sender.grade import grade
from mailwarden.deliverability.sender.inbox import token_of
from mailwarden.deliverability.sender.report import SenderReport, receivers_of


def _headers(raw: bytes) -> dict[str, tuple[str, str]]:
    r = SenderReport()
    check_headers(r, parse_message(raw), now=datetime(2026, 12, 1, 12, tzinfo=UTC))
    return {c.name: (c.status, c.code) for c in r.checks}


def test_headers_good():
    raw = (
        b"From: A <a@example.test>\r\nDate: Tue, 1 Dec 2026 11:00:00 +0000\r\n"
        b"Message-ID: <x1@example.test>\r\nFeedback-ID: a:b:c:d\r\n\r\nhi\r\n"
    )
    s = _headers(raw)
    assert {k: v[0] for k, v in s.items()} == {
        "from": "pass",
        "reply-to": "pass",
        "message-id": "pass",
        "date": "pass",
        "feedback-id": "pass",
    }


@pytest.mark.parametrize(
    ("raw", "name", "code"),
    [
        (b"Subject: x\r\n\r\n", "from", "sender.from-invalid"),
        (b"From: a@example.test\r\nFrom: b@example.test\r\n\r\n", "from", "sender.from-invalid"),
        (b"From: a@example.test, b@example.test\r\n\r\n", "from", "sender.from-invalid"),
        (b"From: nobody\r\n\r\n", "from", "sender.from-invalid"),
        (
            b"From: a@example.test\r\nMessage-ID: no-angle@example.test\r\n\r\n",
            "message-id",
            "sender.message-id-invalid",
        ),
        (b"From: a@example.test\r\nMessage-ID: <x>\r\n\r\n", "message-id", "sender.message-id-invalid"),
        (b"From: a@example.test\r\nDate: yesterday\r\n\r\n", "date", "sender.date-invalid"),
        (b"From: a@example.test\r\nDate: Tue, 1 Dec 2026 11:00:00\r\n\r\n", "date", "sender.date-invalid"),
        (
            b"From: a@example.test\r\nDate: Sat, 1 Jan 2030 11:00:00 +0000\r\n\r\n",
            "date",
            "sender.date-skewed",
        ),
        (
            b"From: a@example.test\r\nDate: Sat, 1 Jan 2000 11:00:00 +0000\r\n\r\n",
            "date",
            "sender.date-skewed",
        ),
        (b"From: a@example.test\r\nReply-To: <@@>\r\n\r\n", "reply-to", "sender.reply-to-invalid"),
    ],
)
def test_headers_bad(raw, name, code):
    assert _headers(raw)[name][1] == code


def test_generic_names():
    assert generic_name("ip-203-0-113-7.example.net", "203.0.113.7")
    assert generic_name("7.113.0.203.dsl.example.net", "203.0.113.7")
    assert generic_name("dynamic-44.pool.example.net", "203.0.113.7")
    assert not generic_name("mta.example.test", "127.0.0.1")
    assert not generic_name("mail.example.com", "203.0.113.7")
    assert not generic_name("x", "not-an-ip")


def test_grade_bands_and_cap():
    r = SenderReport()
    r.add("spf", "sender.spf-pass", ip="1", domain="d", result="pass")
    assert grade(r).score == 100 and r.grade == "A"
    r.add("feedback-id", "sender.feedback-id-missing")  # notice: no points
    r.add("size", "sender.size-clipped", size=200_000)
    assert grade(r).score == 97 and r.grade == "A"
    r.add("tls", "sender.tls-not-used")  # required by Gmail: never better than C
    assert grade(r).score == 87 and r.grade == "C"
    for name in ("dkim", "dmarc", "from", "phishing"):
        r.add(
            name,
            {
                "dkim": "sender.dkim-none",
                "dmarc": "sender.dmarc-fail",
                "from": "sender.from-invalid",
                "phishing": "sender.looks-like-phishing",
            }[name],
        )
    assert grade(r).score == 7 and r.grade == "F"


def test_receivers_and_skips():
    r = SenderReport()
    check_tls(r, None)
    assert r.check("tls").status == "skipped" and r.check("tls").penalty == 0
    assert r.receivers()["gmail"] == {"meets": None, "failing": [], "unchecked": ["tls"]}
    assert r.receivers()["outlook"]["meets"] is True
    check_tls(SenderReport(), {"used": False})
    assert receivers_of("tls") == ["gmail"]
    assert receivers_of("spf") == ["all"]
    assert receivers_of("size") == ["all"]
    assert receivers_of("unsubscribe") == ["gmail", "yahoo"]


def test_to_dict_is_stable_json():
    import json

    r = SenderReport(
        sender="a@example.test", subject="s", size=3, tls={"used": True, "version": "TLSv1.3", "cipher": "X"}
    )
    check_tls(r, r.tls)
    d = grade(r).to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["checks"][0] == {
        "name": "tls",
        "code": "sender.tls-used",
        "status": "pass",
        "receivers": ["gmail"],
        "title": "TLS",
        "detail": "Received over TLSv1.3 (X).",
        "remediation": "",
        "fix": None,
        "penalty": 0,
        "params": {"version": "TLSv1.3", "cipher": "X"},
    }
    assert d["counts"] == {"pass": 1, "fail": 0, "warn": 0, "info": 0, "skipped": 0}


def test_token_of():
    assert token_of("User.Name+tag@inbox.test") == "user.name+tag"
    assert token_of('"we ird"@x') == "weird"
    assert len(token_of("a" * 300 + "@x")) == 64
    assert token_of("<>") == ""


def test_saved_and_read_back(store):
    """On SQLite and PostgreSQL: kept under the token, newest first, the report as given."""
    from mailwarden.deliverability.sender import latest_check, recent_checks, save_report

    first = SenderReport(sender="a@example.test", subject="one", tls={"used": False})
    check_tls(first, first.tls)
    grade(first)
    second = SenderReport(sender="b@example.test", subject="二通目")
    grade(second)
    id1 = save_report(store, first, "tok")
    id2 = save_report(store, second, "tok")
    save_report(store, second, "other")
    latest = latest_check(store, "tok")
    assert latest["id"] == id2 > id1 and latest["subject"] == "二通目"
    assert latest_check(store, "nobody") is None
    assert [r["token"] for r in recent_checks(store, 2)] == ["other", "tok"]
    kept = next(r for r in recent_checks(store, 10) if r["id"] == id1)
    assert kept["report"]["checks"][0]["code"] == "sender.tls-not-used"
    assert kept["grade"] == "C" and kept["score"] == 90
