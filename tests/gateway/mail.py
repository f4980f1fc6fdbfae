from __future__ import annotations

from email.message import EmailMessage


def mail(
    body: str = "よろしくお願いします。",
    *,
    subject: str = "ご連絡",
    sender: str = "taro@example.co.jp",
    to: list[str] | None = None,
    cc: list[str] | None = None,
    charset: str = "utf-8",
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to or ["hanako@example.co.jp"])
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Message-ID"] = "<m1@example.co.jp>"
    msg.set_content(body, charset=charset)
    return bytes(msg).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
