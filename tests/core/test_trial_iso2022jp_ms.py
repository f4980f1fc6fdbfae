"""ISO-2022-JP as Outlook and Becky! write it (CP50220): NEC row-13 characters (①, ㈱, ㌔) and
NEC-selected IBM extensions under ``ESC $ B``, which Python's iso2022_jp codecs reject, are
read through CP932 — in headers (RFC 2047) and bodies alike; plain ISO-2022-JP is unchanged."""

from __future__ import annotations

import base64

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.rules import load_rules
from mailwarden.core.jis import decode_cp50220
from mailwarden.core.message import decode_bytes, decode_header_value, parse_message

# JIS X 0208 row 13 as NEC filled it (not in JIS X 0208 itself): ㈱ is 0x2D6A, ① 0x2D21, ㌔ 0x2D41
KABU = b"\x1b$B-j\x1b(B"
MARU1 = b"\x1b$B-!\x1b(B"
KIRO = b"\x1b$B-A\x1b(B"


def jis(text: str) -> bytes:
    return text.encode("iso2022_jp")


def test_nec_row_13_under_esc_dollar_b_is_decoded():
    data = KABU + jis("大和商事 ") + MARU1 + jis("請求書 10") + KIRO
    text, repaired = decode_bytes(data, "iso-2022-jp")
    assert text == "㈱大和商事 ①請求書 10㌔"
    assert not repaired
    assert "\x1b" not in text


def test_ibm_extensions_and_kana_modes():
    # 髙 is a NEC-selected IBM extension: Shift_JIS 0xEEE0, i.e. JIS 0x7C62 ("|b")
    assert b"\xee\xe0".decode("cp932") == "髙"
    # ESC ( I and SO/SI: half-width katakana
    text, repaired = decode_cp50220(b"\x1b$B|b\x1b(B \x1b(I13\x1b(B \x0e13\x0f!")
    assert text == "髙 ｱｳ ｱｳ!"
    assert not repaired


def test_what_no_table_holds_is_replaced_not_kept_as_escapes():
    text, repaired = decode_bytes(b"\x1b$B$3xy\x1b(B ok", "iso-2022-jp")
    assert text == "こ\ufffd ok"
    assert repaired


def test_decoding_is_linear_in_the_input():
    # a megabyte of escapes switching every character: read in one pass, not quadratic
    data = (b"\x1b$B-j\x1b(Ba") * 100_000
    text, _ = decode_bytes(data, "iso-2022-jp")
    assert text == "㈱a" * 100_000


def test_plain_iso_2022_jp_still_decodes_identically():
    text = "お世話になっております。〜‖−¢ 請求書を送付します。\r\n半角ｶﾅなし"
    text = text.replace("半角ｶﾅなし", "以上")
    data = text.encode("iso2022_jp")
    assert decode_bytes(data, "iso-2022-jp") == (data.decode("iso2022_jp"), False)
    # Python's mapping (WAVE DASH 〜, not CP932's FULLWIDTH TILDE) when plain ISO-2022-JP fits
    assert decode_bytes(data, "iso-2022-jp")[0] == text


def test_unlabelled_iso_2022_jp_is_decoded():
    assert decode_bytes(jis("こんにちは"), None)[0] == "こんにちは"
    assert decode_bytes(KABU + jis("大和"), None)[0] == "㈱大和"


def _encoded_word(data: bytes) -> str:
    return "=?ISO-2022-JP?B?" + base64.b64encode(data).decode() + "?="


def test_subject_and_body_with_kabu_and_circled_digit():
    subject = KABU + jis("大和商事 請求書")
    body = (
        jis("経理部 御中\r\n\r\n")
        + KABU
        + jis("大和商事の佐藤です。\r\n")
        + MARU1
        + jis("請求書を送付します。\r\n")
    )
    data = (
        b"From: " + _encoded_word(jis("佐藤")).encode() + b" <i.sato@daiwa-shoji.co.jp>\r\n"
        b"To: keiri@minato-seiki.co.jp\r\n"
        b"Subject: " + _encoded_word(subject).encode() + b"\r\n"
        b"Date: Tue, 14 Oct 2025 10:12:33 +0900\r\n"
        b"Message-ID: <nec1@daiwa-shoji.co.jp>\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=ISO-2022-JP\r\n"
        b"Content-Transfer-Encoding: 7bit\r\n\r\n" + body
    )
    msg = parse_message(data)
    assert msg.subject == "㈱大和商事 請求書"
    assert msg.texts == ["経理部 御中\r\n\r\n㈱大和商事の佐藤です。\r\n①請求書を送付します。\r\n"]
    assert not [d for d in msg.defects if d.startswith("charset")]
    assert decode_header_value(_encoded_word(MARU1 + jis("至急"))) == "①至急"


def _ceo(body: bytes) -> bytes:
    return (
        b"From: " + _encoded_word(jis("高橋 健一")).encode() + b" <takahashi.shacho@gmail.com>\r\n"
        b"To: keiri@minato-seiki.co.jp\r\n"
        b"Subject: " + _encoded_word(jis("至急")).encode() + b"\r\n"
        b"Date: Tue, 14 Oct 2025 10:12:33 +0900\r\n"
        b"Message-ID: <ceo1@gmail.com>\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=ISO-2022-JP\r\n\r\n" + body
    )


def test_japanese_signals_fire_in_cp50220_mail_as_in_plain():
    text = (
        "お疲れ様です。高橋です。\r\n今、会社にいますか。至急お願いしたい件があります。\r\n"
        "この件は内密にお願いします。\r\n"
    )
    plain = analyze(_ceo(jis(text)), load_rules())
    kabu = analyze(_ceo(jis(text) + KABU + jis("港精機 代表取締役 高橋\r\n")), load_rules())
    codes = {s["code"] for s in plain.to_dict()["signals"]}
    assert "text.secrecy" in codes
    assert {s["code"] for s in kabu.to_dict()["signals"]} == codes
    assert kabu.verdict == plain.verdict


def test_every_byte_moves_the_reader_on_in_two_byte_mode():
    # a stray SI or SO in two-byte mode, spaces between characters, a byte alone at the end
    from mailwarden.core.jis import decode_cp50220

    for data in (b'\x1b$B\x0f$"', b'\x1b$B\x0e\x0f$"', b'\x1b$B$" $" $', b"\x1b$B\x0f"):
        text, _ = decode_cp50220(data)
        assert len(text) <= len(data)
    assert decode_cp50220(b'\x1b$B$" $"\x1b(B')[0] == "あ あ"
