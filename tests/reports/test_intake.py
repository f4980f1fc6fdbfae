from __future__ import annotations

import email
import email.policy

import pytest

from mailwarden.core.message import parse_message
from mailwarden.reports import intake
from mailwarden.reports.intake import MAX_NESTING, ms_classification, read_report

from . import corpus


def _parsed(data: bytes | None):  # type: ignore[no-untyped-def]
    assert data is not None
    return parse_message(data)


def test_attached_rfc822_keeps_the_original_headers():
    original = corpus.phish()
    got = read_report(corpus.attached(original, reporter="Tanaka <tanaka@example.co.jp>"))
    assert (got.how, got.degraded, got.reason, got.reporter) == (
        "rfc822",
        False,
        None,
        "tanaka@example.co.jp",
    )
    msg = _parsed(got.message)
    assert msg.subject == "【重要】アカウントの確認をお願いします"
    assert msg.sender is not None and msg.sender.address == "security@micros0ft-support.example"
    assert msg.header("received").endswith("09:30:00 +0000")
    assert msg.message_id == "<20261201093000.4411@micros0ft-support.example>"
    assert "micros0ft-support.example/login/verify" in msg.texts[0]


def test_attached_eml_file():
    got = read_report(corpus.attached(corpus.phish(), as_eml=True))
    assert got.how == "eml" and got.message == corpus.phish()


@pytest.mark.parametrize(
    ("subject", "said"),
    [
        ("1| Suspicious", "spam"),
        ("2| Suspicious", "clean"),
        ("3| Suspicious", "phishing"),
        ("Phishing: Suspicious", "phishing"),
        ("Junk: Suspicious", "spam"),
        ("Not junk: Suspicious", "clean"),
        ("FW: Suspicious", None),
    ],
)
def test_microsoft_reporting_format(subject, said):
    assert ms_classification(subject) == said
    got = read_report(corpus.attached(corpus.phish(), subject=subject, as_eml=True))
    assert got.reporter_classification == said and got.how == "eml"


@pytest.mark.parametrize(
    ("body", "sender", "subject", "date"),
    [
        (corpus.GMAIL_EN, "service@paypa1-secure.example", "Your account has been limited", ""),
        (corpus.GMAIL_JA, "info@smbc-card-check.example", "【三井住友カード】ご利用確認のお願い", "+0900"),
        (corpus.OUTLOOK_EN, "helpdesk@it-support-portal.example", "Password expires today", "2026"),
        (corpus.OUTLOOK_JA, "soumu@example-co-jp.example", "賞与明細のご確認", "18:30:00 +0900"),
        (corpus.THUNDERBIRD_JA, "notice@kuroneko-delivery.example", "宅配便の不在通知", "18:30:00 +0900"),
        (corpus.APPLE_EN, "dse@docusign-notice.example", "Please review the document", ""),
    ],
    ids=["gmail-en", "gmail-ja", "outlook-en", "outlook-ja", "thunderbird-ja", "apple-en"],
)
def test_inline_forward_recovered_and_degraded(body, sender, subject, date):
    got = read_report(corpus.inline(body))
    assert got.how == "inline" and got.degraded and got.reason is None
    msg = _parsed(got.message)
    assert msg.sender is not None and msg.sender.address == sender
    assert msg.subject == subject
    assert msg.header("x-mailwarden-recovered") == "inline-forward"
    assert date in msg.date
    link = sender.split("@")[1]
    assert any(link in t for t in msg.texts)
    # the reporter's own words above the marker are not part of the original
    assert not any(
        w in " ".join(msg.texts) for w in ("Please check", "確認お願いします", "FYI", "転送します")
    )


def test_inline_forward_in_html_only_report():
    rep = email.message.EmailMessage()
    rep["From"] = "sato@example.co.jp"
    rep["Subject"] = "Fwd: x"
    html = corpus.GMAIL_EN.replace("\n", "<br>\n").replace("<sato@", "&lt;sato@").replace(".jp>", ".jp&gt;")
    rep.set_content(f"<div>{html}</div>", subtype="html")
    got = read_report(bytes(rep))
    assert got.how == "inline" and got.degraded
    assert _parsed(got.message).subject == "Your account has been limited"


def test_nested_inline_forward_takes_the_innermost():
    got = read_report(corpus.inline(corpus.NESTED_INLINE))
    msg = _parsed(got.message)
    assert msg.sender is not None and msg.sender.address == "billing@invoice-overdue.example"
    assert msg.subject == "Invoice overdue"


def test_nested_attached_forward_takes_the_innermost():
    inner = corpus.phish()
    middle = corpus.attached(inner, reporter="kimura@example.co.jp", subject="Fwd: 変なメール")
    outer = corpus.attached(middle, reporter="sato@example.co.jp", subject="FW: Fwd: 変なメール")
    got = read_report(outer)
    assert got.depth == 2 and got.reporter == "sato@example.co.jp"
    assert _parsed(got.message).sender.address == "security@micros0ft-support.example"  # type: ignore[union-attr]


def test_nesting_is_bounded():
    data = corpus.phish()
    for i in range(MAX_NESTING + 4):
        data = corpus.attached(data, reporter=f"u{i}@example.co.jp", subject=f"Fwd: level {i}")
    got = read_report(data)
    assert got.message is not None
    assert got.depth == MAX_NESTING + 1
    assert any("nested deeper" in n for n in got.notes)


def test_no_attachment_and_no_original_is_a_reason():
    got = read_report(corpus.inline("This one looks odd, please check.\n"))
    assert got.message is None and got.reason == intake.REASON_NOTHING


def test_empty_report():
    assert read_report(b"  \r\n").reason == intake.REASON_EMPTY


def test_oversized_report_refused_before_parsing():
    big = corpus.attached(corpus.phish(body="x" * 1000)) + b"\n" + b"A" * (60 * 1024 * 1024)
    got = read_report(big)
    assert got.message is None and got.reason == intake.REASON_TOO_LARGE
    assert got.reason_params == {"limit": "40"}


def test_tnef_winmail_dat():
    dat = corpus.tnef(
        "Urgent invoice", b"Pay now http://pay-invoice.example/now", [("inv.html", b"<html>x</html>")]
    )
    got = read_report(corpus.with_file("winmail.dat", dat, "application/ms-tnef"))
    assert got.how == "tnef" and got.reason is None
    msg = _parsed(got.message)
    assert msg.subject == "Urgent invoice"
    assert "pay-invoice.example" in msg.texts[0]
    assert [a.filename for a in msg.attachments] == ["inv.html"]


def test_tnef_carrying_an_eml():
    dat = corpus.tnef("FW: look", b"", [("orig.eml", corpus.phish())])
    got = read_report(corpus.with_file("winmail.dat", dat, "application/ms-tnef"))
    assert got.how == "tnef" and got.message == corpus.phish()


@pytest.mark.parametrize(
    "data",
    [b"garbage", b"\x78\x9f\x3e\x22\x01\x00" + b"\x01\xff", b"\x78\x9f\x3e\x22\x01\x00" + b"\x02" * 40],
    ids=["no-signature", "truncated", "attachment-first"],
)
def test_corrupt_tnef_is_a_reason(data):
    got = read_report(corpus.with_file("winmail.dat", data, "application/ms-tnef"))
    assert got.message is None and got.reason == intake.REASON_TNEF_CORRUPT
    assert got.reason_params["error"]


@pytest.mark.parametrize(
    "data",
    [b"/etc/passwd", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, b"\xd0\xcf\x11\xe0garbage" * 400],
    ids=["a-path", "truncated-ole", "garbage"],
)
def test_corrupt_msg_is_a_reason(data):
    got = read_report(corpus.with_file("message.msg", data, "application/vnd.ms-outlook"))
    assert got.message is None and got.reason == intake.REASON_MSG_CORRUPT
    assert "passwd" not in got.reason_params["error"] or "FileNotFound" not in got.reason_params["error"]


def test_corrupt_msg_beside_a_good_attachment_uses_the_good_one():
    rep = email.message_from_bytes(corpus.with_file("bad.msg", b"junk"), policy=email.policy.default)
    rep.add_attachment(corpus.phish(), maintype="application", subtype="octet-stream", filename="ok.eml")  # type: ignore[attr-defined]
    got = read_report(bytes(rep))
    assert got.how == "eml" and got.reason is None


def test_rebuild_keeps_transport_headers():
    headers = (
        "Received: from a by b; Tue, 01 Dec 2026 09:30:00 +0000\n"
        "From: x@evil.example\nSubject: hi\nContent-Type: text/plain"
    )
    data = intake.rebuild(headers, {}, "body text", None, [("a.txt", b"abc")])
    msg = _parsed(data)
    assert msg.header("received").startswith("from a by b")
    assert msg.subject == "hi" and [t.strip() for t in msg.texts] == ["body text"]
    assert [a.filename for a in msg.attachments] == ["a.txt"]


@pytest.mark.parametrize("seed", range(30))
def test_mutated_reports_never_crash(seed):
    import random

    rnd = random.Random(seed)
    base = bytearray(
        rnd.choice(
            [
                corpus.attached(corpus.phish()),
                corpus.inline(corpus.OUTLOOK_JA),
                corpus.with_file("winmail.dat", corpus.tnef("s", b"b", [("a.eml", b"From: a\n\nb")])),
            ]
        )
    )
    for _ in range(rnd.randint(1, 40)):
        base[rnd.randrange(len(base))] = rnd.randrange(256)
    got = read_report(bytes(base))
    assert (got.message is None) == (got.reason is not None)


def test_deeply_nested_mime_is_a_reason():
    depth = 5000
    head = b"From: a@example.co.jp\nSubject: Fwd: x\nContent-Type: multipart/mixed; boundary=b0\n\n"
    body = b"".join(
        b"--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (i, i + 1) for i in range(depth)
    )
    got = read_report(head + body + b"text\n")
    assert got.message is None and got.reason in (intake.REASON_TOO_DEEP, intake.REASON_NOTHING)


@pytest.mark.parametrize(
    "text",
    ["-" * 400_000, ">" * 400_000, "From: " + "a" * 400_000, ("-----Original Message-----\n" * 50_000)],
    ids=["dashes", "quotes", "long-field", "many-markers"],
)
def test_pathological_inline_text_is_bounded(text):
    got = read_report(corpus.inline(text))
    assert (got.message is None) == (got.reason is not None)
