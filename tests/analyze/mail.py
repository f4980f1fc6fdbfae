"""Build test messages in the charsets and shapes Japanese mail really has."""

from __future__ import annotations

import base64
from typing import Any


def message(
    body: str = "こんにちは。",
    *,
    subject: str = "ご連絡",
    from_: str = "Taro <taro@example.co.jp>",
    reply_to: str | None = None,
    return_path: str | None = None,
    charset: str = "utf-8",
    html: str | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
    extra_headers: str = "",
    msgid: str = "<1@example.co.jp>",
) -> bytes:
    head = f"From: {from_}\r\nTo: hanako@example.co.jp\r\nSubject: {subject}\r\n"
    head += "Date: Fri, 27 Nov 2026 10:00:00 +0900\r\n"
    head += "Date: Fri, 27 Nov 2026 10:00:00 +0900\r\n"
    if msgid:
        head += f"Message-ID: {msgid}\r\n"
    if reply_to:
        head += f"Reply-To: {reply_to}\r\n"
    if return_path:
        head += f"Return-Path: <{return_path}>\r\n"
    head += extra_headers
    return (
        head.encode()
        + b"MIME-Version: 1.0\r\n"
        + mime_parts(body, charset=charset, html=html, attachments=attachments)
    )


def mime_parts(
    body: str,
    *,
    charset: str = "utf-8",
    html: str | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
    encode_names: bool = False,
) -> bytes:
    """The message's content headers and body: one text part, or multipart/mixed with the
    HTML and the attachments (names as RFC 2047 encoded-words with ``encode_names``)."""
    from email.header import Header

    codec = "iso2022_jp_2004" if charset in ("iso-2022-jp", "cp50220") else charset
    text_part = (
        f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: base64\r\n\r\n".encode()
        + base64.encodebytes(body.encode(codec))
    )
    if not html and not attachments:
        return text_part
    boundary = "b0undary"
    parts = [text_part]
    if html:
        parts.append(
            b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(html.encode())
        )
    for name, ctype, data in attachments or []:
        shown = Header(name, "utf-8").encode() if encode_names else name
        parts.append(
            f'Content-Type: {ctype}; name="{shown}"\r\n'
            f'Content-Disposition: attachment; filename="{shown}"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n".encode()
            + base64.encodebytes(data)
        )
    out = f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'.encode()
    for part in parts:
        out += f"--{boundary}\r\n".encode() + part + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


#: the receiving MX's record of a message that passed SPF, DKIM and DMARC for domain ``d``
AUTH = (
    "Authentication-Results: mx1.minato-seiki.co.jp; spf=pass smtp.mailfrom={d};"
    " dkim=pass header.d={d}; dmarc=pass header.from={d}\r\n"
)


def found(data: bytes, rules: Any) -> tuple[Any, dict[str, dict[str, str]]]:
    """The verdict, and the evidence of each signal fired by its code."""
    from mailwarden.analyze.engine import analyze

    v = analyze(data, rules)
    return v, {s["code"]: s["evidence"] for s in v.signals}
