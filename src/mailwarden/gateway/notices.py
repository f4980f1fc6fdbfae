"""Notifications the gateway sends by mail: to the sender (held, delayed, rejected, refused
downstream), the approvers and the administrators. They carry masked evidence only, and go
through the spool like any other message (durable, retried)."""

from __future__ import annotations

import email.policy
import hashlib
import hmac
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from ..core.i18n import gettext as _

#: masked matches listed in a notice; the console has them all
MAX_LISTED = 20
KINDS = ("held", "delayed", "blocked", "rejected", "released", "refused", "incident")


def cancel_token(secret: str, spool_id: str) -> str:
    """What lets the sender cancel a delayed message from the link in the notice, no login needed."""
    return hmac.new(secret.encode(), f"cancel:{spool_id}".encode(), hashlib.sha256).hexdigest()[:32]


def _when(ts: float | None) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M UTC") if ts else "-"


def compose(
    kind: str,
    *,
    to: list[str],
    sender_address: str,
    meta: dict[str, Any],
    console_url: str = "",
    secret: str = "",
    detail: str = "",
) -> bytes:
    """A notice about the spooled message ``meta`` describes (its envelope and masked record)."""
    record = meta.get("record", {})
    sid = str(meta.get("id", ""))
    subject_line = record.get("subject", "")
    rules = ", ".join(r["rule"] for r in record.get("rules", [])) or "-"
    titles = {
        "held": _("Held for approval: {subject}"),
        "delayed": _("Sending delayed: {subject}"),
        "blocked": _("Not sent: {subject}"),
        "rejected": _("Rejected by an approver: {subject}"),
        "released": _("Approved and sent: {subject}"),
        "refused": _("Not delivered: {subject}"),
        "incident": _("Data-loss prevention incident: {subject}"),
    }
    lines = [
        {
            "held": _("This message waits for an approver before it is sent."),
            "delayed": _("This message will be sent at {when}. Until then you can cancel it."),
            "blocked": _("This message was not sent: it breaks the data-loss prevention policy."),
            "rejected": _("An approver rejected this message; it was not sent."),
            "released": _("An approver released this message; it has been sent."),
            "refused": _("The next mail server refused this message for good."),
            "incident": _("A message matched the data-loss prevention policy."),
        }[kind].format(when=_when(record.get("release_at"))),
        "",
        _("Queue id: {id}").format(id=sid),
        _("From: {sender}").format(sender=meta.get("mail_from") or "<>"),
        _("To: {recipients}").format(recipients=", ".join(meta.get("rcpt_tos", []))),
        _("Subject: {subject}").format(subject=subject_line),
        _("Rules: {rules}").format(rules=rules),
    ]
    reasons = [r["reason"] for r in record.get("rules", []) if r.get("reason")]
    if reasons:
        lines.append(_("Reason: {reason}").format(reason=" / ".join(reasons)))
    counts = record.get("counts", {})
    if counts:
        found = ", ".join(f"{k} × {v}" for k, v in sorted(counts.items()))
        lines.append(_("Found (unique values): {found}").format(found=found))
    if record.get("personal_rows"):
        lines.append(_("Table rows holding personal data: {rows}").format(rows=record["personal_rows"]))
    for m in record.get("matches", [])[:MAX_LISTED]:
        lines.append(f"  - {m['detector']}: {m['masked']} ({m['location']})")
    if detail:
        lines.append(_("Details: {detail}").format(detail=detail))
    if kind == "delayed" and console_url and secret:
        link = f"{console_url.rstrip('/')}/gateway/cancel/{sid}?t={cancel_token(secret, sid)}"
        lines += ["", _("Cancel: {link}").format(link=link)]
    if kind in ("held", "incident") and console_url:
        lines += ["", _("Review: {link}").format(link=f"{console_url.rstrip('/')}/gateway/queue")]
    msg = EmailMessage()
    msg["From"] = sender_address
    msg["To"] = ", ".join(to)
    msg["Subject"] = titles[kind].format(subject=subject_line)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=sender_address.rsplit("@", 1)[-1] or None)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content("\n".join(lines) + "\n", charset="utf-8")
    return msg.as_bytes(policy=email.policy.SMTP)
