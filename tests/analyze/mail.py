"""Build test messages in the charsets and shapes Japanese mail really has."""

from __future__ import annotations

import base64


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
    text_part = (
        f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: base64\r\n\r\n".encode()
        + base64.encodebytes(body.encode(charset if charset != "cp50220" else "iso2022_jp_2004"))
    )
    if not html and not attachments:
        return head.encode() + b"MIME-Version: 1.0\r\n" + text_part
    boundary = "b0undary"
    parts = [text_part]
    if html:
        parts.append(
            b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(html.encode())
        )
    for name, ctype, data in attachments or []:
        parts.append(
            f'Content-Type: {ctype}; name="{name}"\r\nContent-Disposition: attachment; filename="{name}"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n".encode()
            + base64.encodebytes(data)
        )
    out = (
        head.encode()
        + f'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'.encode()
    )
    for p in parts:
        out += f"--{boundary}\r\n".encode() + p + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()
