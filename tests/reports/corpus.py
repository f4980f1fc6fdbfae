"""Report mails as staff send them, made here: the suspicious message attached (message/rfc822,
.eml, winmail.dat built by hand — no TNEF writer exists on PyPI), forwarded inline by Gmail,
Outlook, Thunderbird and Apple Mail in English and Japanese, Microsoft's third-party format,
nested forwards. No .msg writer exists on PyPI (extract-msg only reads), so .msg appears only
as corrupt bytes."""

from __future__ import annotations

import struct
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

WHEN = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def phish(
    to: str = "tanaka@example.co.jp",
    *,
    subject: str = "【重要】アカウントの確認をお願いします",
    sender: str = "Microsoft 365 <security@micros0ft-support.example>",
    link: str = "https://micros0ft-support.example/login/verify?id=8841",
    body: str | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    """The suspicious message as a staff member's mailbox received it."""
    msg = EmailMessage()
    msg["Received"] = f"from mx.example.net by mx.example.co.jp; {format_datetime(WHEN)}"
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(WHEN)
    msg["Message-ID"] = "<20261201093000.4411@micros0ft-support.example>"
    msg["Return-Path"] = "<bounce@" + sender.rsplit("@", 1)[1].rstrip(">") + ">"
    for k, v in (headers or {}).items():
        msg[k] = v
    text = body or (
        "お客様のアカウントで異常なサインインが検出されました。\n"
        f"24時間以内に以下のリンクから確認しない場合、アカウントは停止されます。\n{link}\n"
    )
    msg.set_content(text)
    return bytes(msg)


def _report(reporter: str, subject: str) -> EmailMessage:
    rep = EmailMessage()
    rep["From"] = reporter
    rep["To"] = "phish-report@example.co.jp"
    rep["Subject"] = subject
    rep["Date"] = format_datetime(WHEN)
    return rep


def attached(
    original: bytes,
    *,
    reporter: str = "tanaka@example.co.jp",
    subject: str = "FW: 不審なメール",
    as_eml: bool = False,
    note: str = "不審なメールを受け取りました。確認をお願いします。",
) -> bytes:
    rep = _report(reporter, subject)
    rep.set_content(note)
    if as_eml:
        rep.add_attachment(
            original, maintype="application", subtype="octet-stream", filename="suspicious.eml"
        )
    else:
        from email import message_from_bytes, policy

        rep.add_attachment(message_from_bytes(original, policy=policy.default))
    return bytes(rep)


def with_file(name: str, data: bytes, ctype: str = "application/octet-stream", reporter: str = "") -> bytes:
    rep = _report(reporter or "suzuki@example.co.jp", "Fwd: suspicious")
    rep.set_content("see attached")
    maintype, subtype = ctype.split("/")
    rep.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(rep)


def inline(body: str, *, subject: str = "Fwd: Your account", reporter: str = "sato@example.co.jp") -> bytes:
    rep = _report(reporter, subject)
    rep.set_content(body)
    return bytes(rep)


GMAIL_EN = """Looks like phishing?

---------- Forwarded message ---------
From: PayPal Service <service@paypa1-secure.example>
Date: Mon, Dec 1, 2026 at 6:30 PM
Subject: Your account has been limited
To: <sato@example.co.jp>


Dear customer, your account has been limited. Confirm your identity:
https://paypa1-secure.example/confirm?u=sato
"""

GMAIL_JA = """怪しいメールです。

---------- 転送されたメッセージ ---------
From: 三井住友カード <info@smbc-card-check.example>
Date: 2026年12月1日(月) 18:30
Subject: 【三井住友カード】ご利用確認のお願い
To: <sato@example.co.jp>


ご利用いただいているカードに不正利用の可能性があります。
https://smbc-card-check.example/verify
"""

OUTLOOK_EN = """Please check.

-----Original Message-----
From: IT Helpdesk [mailto:helpdesk@it-support-portal.example]
Sent: Monday, December 1, 2026 6:30 PM
To: Sato <sato@example.co.jp>
Subject: Password expires today

Your password expires today. Keep it here: https://it-support-portal.example/keep
"""

OUTLOOK_JA = """確認お願いします。

-----元のメッセージ-----
差出人: 総務部 <soumu@example-co-jp.example>
送信日時: 2026年12月1日 18:30
宛先: 佐藤 <sato@example.co.jp>
件名: 賞与明細のご確認

賞与明細を以下からご確認ください。
https://example-co-jp.example/bonus
"""

THUNDERBIRD_JA = """転送します。

-------- 転送メッセージ --------
件名:\t宅配便の不在通知
日付:\tMon, 1 Dec 2026 18:30:00 +0900
差出人:\tヤマト運輸 <notice@kuroneko-delivery.example>
宛先:\tsato@example.co.jp

お荷物をお届けにあがりましたが不在のため持ち帰りました。
https://kuroneko-delivery.example/redeliver
"""

APPLE_EN = """FYI

Begin forwarded message:

> From: DocuSign <dse@docusign-notice.example>
> Subject: Please review the document
> Date: December 1, 2026 at 6:30:00 PM GMT+9
> To: sato@example.co.jp
>
> You have a document to review: https://docusign-notice.example/review
"""

NESTED_INLINE = """Forwarding what my colleague sent me.

---------- Forwarded message ---------
From: Kimura <kimura@example.co.jp>
Date: Mon, Dec 1, 2026 at 7:00 PM
Subject: Fwd: Invoice overdue
To: <sato@example.co.jp>

See below.

---------- Forwarded message ---------
From: Billing <billing@invoice-overdue.example>
Date: Mon, Dec 1, 2026 at 6:30 PM
Subject: Invoice overdue
To: <kimura@example.co.jp>

Pay now: https://invoice-overdue.example/pay
"""


# -- TNEF, by hand (MS-OXTNEF): signature, key, then attributes with checksums -------------------
def _attr(level: int, name: int, ptype: int, data: bytes) -> bytes:
    return struct.pack("<BHHI", level, name, ptype, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def tnef(subject: str, body: bytes, attachments: list[tuple[str, bytes]] = ()) -> bytes:  # type: ignore[assignment]
    out = struct.pack("<IH", 0x223E9F78, 0x0001)
    out += _attr(1, 0x9006, 0x0008, struct.pack("<I", 0x00010000))  # attTnefVersion
    out += _attr(1, 0x9007, 0x0006, struct.pack("<II", 1252, 0))  # attOemCodepage
    out += _attr(1, 0x8004, 0x0001, subject.encode("cp1252") + b"\x00")  # attSubject
    out += _attr(1, 0x800C, 0x0002, body)  # attBody
    for name, data in attachments:
        out += _attr(2, 0x9002, 0x0006, b"\x00" * 14)  # attAttachRendData: starts an attachment
        out += _attr(2, 0x8010, 0x0001, name.encode("cp1252") + b"\x00")  # attAttachTitle
        out += _attr(2, 0x800F, 0x0006, data)  # attAttachData
    return out
