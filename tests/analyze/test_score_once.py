"""A signal adds its weight once, however often it fires: the weights were fitted on which
signals a message fired (tools/fit_weights.py), and a new user's message with 200 links to
one kind of domain scored 678.9 from one sign counted 200 times."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.rules import load_rules
from mailwarden.core.i18n import language


def _many_links(n: int) -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"], msg["To"], msg["Subject"] = "news@example.org", "you@example.net", "Offers"
    links = "".join(f'<p><a href="https://deal{i}.example-shop{i}.top/x">Offer {i}</a></p>' for i in range(n))
    msg.set_content("Offers inside.")
    msg.add_alternative(f"<html><body>{links}</body></html>", subtype="html")
    return msg.as_bytes()


def test_a_signal_counts_once_and_says_how_often_it_fired():
    rules = load_rules()
    with language("en"):
        few, many = analyze(_many_links(2), rules), analyze(_many_links(60), rules)
    codes = [s["code"] for s in many.signals]
    assert "url.suspicious-tld" in codes
    assert len(codes) == len(set(codes))  # each signal listed once
    assert many.score == round(sum(s["weight"] for s in many.signals), 2)
    assert many.score == few.score  # sixty links of one kind weigh as two do
    tld = next(s for s in many.signals if s["code"] == "url.suspicious-tld")
    assert "(and 59 more like it)" in tld["explanation"]


def test_what_was_not_read_is_said_in_the_readers_language_and_kept_as_recorded():
    # a multipart without its boundary and a body cut at the size limit
    data = (
        b"From: a@example.org\r\nTo: b@example.net\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed\r\n\r\n" + b"text " * 10
    )
    rules = load_rules()
    with language("ja"):
        v = analyze(data, rules)
    malformed = next(s for s in v.signals if s["code"] == "analysis.malformed")
    assert "NoBoundaryInMultipartDefect" in malformed["evidence"]["defects"]  # the record
    assert "Defect" not in malformed["explanation"]
    assert "マルチパート" in malformed["explanation"]
    from mailwarden.core.message import Limits

    big = b"From: a@example.org\r\nTo: b@example.net\r\nSubject: x\r\n\r\n" + b"word " * 5000
    with language("ja"):
        cut = analyze(big, rules, Limits(max_body_chars=1000))
    note = next(s for s in cut.signals if s["code"] == "analysis.uninspected")
    assert note["evidence"]["reason"].startswith("body text over the size limit")
    assert "本文" in note["explanation"] and "body text" not in note["explanation"]


def test_a_bec_request_names_its_signs_in_the_readers_language():
    from tests.analyze.mail import message

    body = "社長の高橋です。今、対応できますか。この件は他の人には内密にしてください。"
    mail = message(body, from_="高橋 健一 <k.takahashi.ceo@gmail.com>")
    with language("ja"):
        v = analyze(mail, load_rules())
    bec = next(s for s in v.signals if s["code"] == "bec.request")
    assert "freemail-sender" in bec["evidence"]["sender"]  # the record keeps the signals' names
    assert "freemail" not in bec["explanation"] and "フリーメール" in bec["explanation"]


def test_what_an_attachment_is_and_holds_is_said_in_the_readers_language():
    from tests.analyze.mail import message

    page = b"<html><form><input type='password'></form><script>window.location='x'</script></html>"
    exe = b"MZ" + b"\0" * 200
    mail = message(
        "ご確認ください", attachments=[("invoice.html", "text/html", page), ("a.pdf", "application/pdf", exe)]
    )
    with language("ja"):
        v = analyze(mail, load_rules())
    smuggling = next(s for s in v.signals if s["code"] == "attachment.html-smuggling")
    assert "a form posting a password" in smuggling["evidence"]["patterns"]  # as recorded
    assert "パスワードを送信するフォーム" in smuggling["explanation"]
    mismatch = next(
        s for s in v.signals if s["code"] in ("attachment.type-mismatch", "attachment.executable")
    )
    assert "Windows の実行ファイル" in mismatch["explanation"]
