"""A temporary error decides nothing: when the DNS did not answer (the receiver's recorded
temperror, or our own resolver down), "no passing result" is no evidence against the mail."""

from __future__ import annotations

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.rules import load_rules


def _mail(results: str) -> bytes:
    return (
        "Authentication-Results: mx.example.net; " + results + "\r\n"
        "From: News <news@shop.example.org>\r\nTo: you@example.net\r\nSubject: Hello\r\n"
        "Message-ID: <1@shop.example.org>\r\nDate: Mon, 07 Dec 2026 08:00:00 +0000\r\n\r\nHello.\r\n"
    ).encode()


def test_temperror_is_not_taken_for_no_authentication():
    rules = load_rules()
    codes = lambda v: {s["code"] for s in v.signals}  # noqa: E731
    undetermined = analyze(_mail("spf=temperror smtp.mailfrom=shop.example.org; dkim=temperror"), rules)
    assert "auth.none" not in codes(undetermined)
    nothing = analyze(_mail("spf=none smtp.mailfrom=shop.example.org; dkim=none"), rules)
    assert "auth.none" in codes(nothing)
    # a DKIM signature's d= is the sender's choice: its temperror switches nothing off
    chosen = analyze(
        _mail("spf=none smtp.mailfrom=shop.example.org; dkim=temperror header.d=slow.example"), rules
    )
    assert "auth.none" in codes(chosen)


def test_where_a_result_was_recorded_is_said_in_the_readers_language():
    from mailwarden.core.i18n import language

    with language("ja"):
        v = analyze(_mail("spf=fail smtp.mailfrom=shop.example.org; dkim=none; dmarc=fail"), load_rules())
    spf = next(s for s in v.signals if s["code"] == "auth.spf-fail")
    assert spf["evidence"]["source"] == "recorded by mx.example.net"  # the record, as written
    assert "recorded by" not in spf["explanation"] and "mx.example.net の記録" in spf["explanation"]
