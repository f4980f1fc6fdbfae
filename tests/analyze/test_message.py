"""core.message: every charset Japanese mail uses, and hostile shapes, in bounded time."""

from __future__ import annotations

import time

from mailwarden.core.message import Limits, decode_bytes, decode_header_value, parse_message

from .mail import message


def test_iso_2022_jp_with_cp50220_extensions():
    # ① and ㈱ are NEC row-13 characters outside plain ISO-2022-JP
    text = "①㈱テスト商事よりご連絡"
    data = text.encode("iso2022_jp_2004")
    assert decode_bytes(data, "iso-2022-jp")[0] == text


def test_shift_jis_label_reads_as_cp932():
    text = "髙橋様　～ご請求書～　①"
    assert decode_bytes(text.encode("cp932"), "shift_jis")[0] == text


def test_wrong_or_missing_labels_are_repaired():
    text = "振込先の変更について"
    decoded, repaired = decode_bytes(text.encode("cp932"), "utf-8")
    assert decoded == text and repaired
    assert decode_bytes(text.encode("euc_jp"), None)[0] == text
    broken, repaired = decode_bytes(b"abc\xff\xfe", "utf-8")
    assert broken.startswith("abc") and repaired


def test_encoded_word_and_raw_8bit_headers():
    assert decode_header_value("=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=") == "テスト"
    assert decode_header_value("=?shift_jis?B?g2WDWINn?=") == "テスト"
    msg = parse_message("Subject: 請求書\r\nFrom: a@example.jp\r\n\r\nbody".encode("cp932"))
    assert msg.subject == "請求書"
    # raw UTF-8 (RFC 6532) in European languages is not read as Shift_JIS kanji
    msg = parse_message("Subject: Restituição 💳\r\nFrom: Müller <a@example.de>\r\n\r\nx".encode())
    assert msg.subject == "Restituição 💳" and msg.sender is not None and msg.sender.name == "Müller"
    for text in ("請求書のご送付", "テスト", "高橋様", "ー"):
        for codec in ("cp932", "euc_jp", "utf-8"):
            assert decode_bytes(text.encode(codec), None)[0] == text, (text, codec)


def test_bodies_and_attachments():
    msg = parse_message(
        message(
            "本文です",
            charset="iso-2022-jp",
            html="<p>html</p>",
            attachments=[("a.pdf", "application/pdf", b"%PDF-1.4")],
        )
    )
    assert msg.texts == ["本文です"] and msg.htmls == ["<p>html</p>"]
    assert [(a.filename, a.size) for a in msg.attachments] == [("a.pdf", 8)]


def test_unquoted_comma_in_display_name_keeps_the_address():
    msg = parse_message(b"From: Microsoft account team ,_<no-reply@evil.example>\r\n\r\nx")
    assert msg.sender.address == "no-reply@evil.example" and "Microsoft" in msg.sender.name


def test_a_thousand_nested_parts_are_bounded():
    depth = 1000
    head = b"From: a@example.jp\r\nMIME-Version: 1.0\r\n"
    body = b""
    for i in range(depth):
        body += f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'.encode()
    body += b"Content-Type: text/plain\r\n\r\ninner\r\n"
    t = time.perf_counter()
    msg = parse_message(head + body, Limits(max_depth=20))
    assert time.perf_counter() - t < 30  # finishes (a guard against hangs, not a speed claim)
    assert any("deeper" in u or "parts" in u for u in msg.uninspected)


def test_missing_boundary_and_enormous_header():
    msg = parse_message(b"From: a@example.jp\r\nContent-Type: multipart/mixed\r\n\r\nno boundary here")
    assert msg.defects
    big = b"From: a@example.jp\r\nX-Big: " + b"a" * 400_000 + b"\r\n\r\nbody"
    msg = parse_message(big)
    assert any("header section" in u for u in msg.uninspected)
