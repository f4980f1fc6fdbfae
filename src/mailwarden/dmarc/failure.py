"""DMARC failure reports: ARF (RFC 5965, RFC 6591 as updated by RFC 9991) and plain-text variants."""

from __future__ import annotations

import base64
import binascii
import contextlib
import email
import email.policy
import hashlib
import re
from dataclasses import dataclass, field
from email.message import Message
from typing import IO, Any

from ..core.errors import ReportRejected
from ..core.i18n import gettext

MAX_MESSAGE = 20 * 1024 * 1024
SUBJECT_VARIANT = re.compile(r"report for (\S+) from IP (\S+)", re.IGNORECASE)


@dataclass
class FailureReport:
    digest: str
    feedback_type: str
    reported_domain: str
    source_ip: str
    arrival_date: str
    auth_failure: str
    identity_alignment: str
    original_mail_from: str
    original_rcpt_to: str
    dkim_domain: str
    dkim_selector: str
    delivery_result: str
    reporter: str
    original_headers: dict[str, str] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)


def _fields(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in re.split(r"\r?\n(?![ \t])", text):
        if ":" in line:
            k, v = line.split(":", 1)
            out.setdefault(k.strip().lower(), " ".join(v.split()))
    return out


def _original_headers(part: Message | None) -> dict[str, str]:
    if part is None:
        return {}
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        msg = inner[0] if isinstance(inner, list) and inner else None
        if isinstance(msg, Message):
            return {
                k.lower(): str(msg.get(k, ""))[:998]
                for k in ("From", "To", "Subject", "Date", "Message-ID")
                if msg.get(k)
            }
    text = part.get_payload(decode=True) or b""
    if isinstance(text, bytes):
        decoded = text.decode("utf-8", errors="replace")
        # A plain-text copy may begin with an explanation: start at the first header line.
        m = re.search(r"^(?:From|To|Subject|Date|Message-I[Dd]):", decoded, flags=re.MULTILINE)
        hdrs = _fields(decoded[m.start() :] if m else decoded)
        return {k: v[:998] for k, v in hdrs.items() if k in ("from", "to", "subject", "date", "message-id")}
    return {}


def parse_failure_report(stream: IO[bytes]) -> FailureReport:
    data = stream.read(MAX_MESSAGE + 1)
    if len(data) > MAX_MESSAGE:
        raise ReportRejected(gettext("larger than {limit} bytes").format(limit=MAX_MESSAGE))
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    feedback: dict[str, str] = {}
    original: Message | None = None
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/feedback-report":
            payload = part.get_payload()
            if isinstance(payload, list):  # the stdlib parses message/* parts as messages
                text = "\n".join(str(p) for p in payload)
                if str(part.get("Content-Transfer-Encoding", "")).lower() == "base64":
                    # ... so an encoded report arrives as the body of an empty message (NetEase).
                    with contextlib.suppress(binascii.Error, ValueError):
                        text = base64.b64decode("".join(text.split()), validate=False).decode(
                            "utf-8", "replace"
                        )
            else:
                raw = part.get_payload(decode=True)
                text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(payload)
            feedback = _fields(text)
        elif ctype in ("message/rfc822", "text/rfc822-headers", "message/rfc822-headers"):
            original = part
    if not feedback:
        # Non-ARF variants (e.g. Exim's): "DMARC Forensic Report for DOMAIN from IP ADDRESS"
        # in the subject, the original headers in the text.
        m = SUBJECT_VARIANT.search(str(msg.get("Subject", "")))
        if not m:
            raise ReportRejected(gettext("no feedback report found in the message"))
        feedback = {"feedback-type": "auth-failure", "reported-domain": m.group(1), "source-ip": m.group(2)}
        for part in msg.walk():
            if part.get_content_type() == "text/plain" and original is None:
                original = part
    src = feedback.get("source-ip") or feedback.get("source ip") or ""
    domain = feedback.get("reported-domain") or feedback.get("sender domain") or ""
    return FailureReport(
        digest=hashlib.sha256(data).hexdigest(),
        feedback_type=feedback.get("feedback-type", ""),
        reported_domain=domain.lower().rstrip("."),
        source_ip=src.split()[0] if src else "",
        arrival_date=feedback.get("arrival-date", ""),
        auth_failure=feedback.get("auth-failure", ""),
        identity_alignment=feedback.get("identity-alignment", ""),
        original_mail_from=feedback.get("original-mail-from", ""),
        original_rcpt_to=feedback.get("original-rcpt-to", ""),
        dkim_domain=feedback.get("dkim-domain", ""),
        dkim_selector=feedback.get("dkim-selector", ""),
        delivery_result=feedback.get("delivery-result", ""),
        reporter=str(msg.get("From", ""))[:300],
        original_headers=_original_headers(original),
        fields={k: v[:500] for k, v in list(feedback.items())[:50]},
    )
