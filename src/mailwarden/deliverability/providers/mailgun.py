"""Mailgun's webhooks: one JSON event per request, signed with the webhook signing key.

Verification: ``signature.signature`` is hex HMAC-SHA256, keyed with ``hook_mailgun_keys``
(comma-separated while rotating; any one verifying is enough), over ``timestamp + token``; the
timestamp must be within ``hook_tolerance`` seconds of the arrival, both ways; and each token is
accepted once — a replay cache remembers the tokens of verified requests for the window, so a
captured request sent again is refused (401) even inside it.

Mailgun signs ``timestamp + token`` only, not the event: whoever holds one signed request could
put other event-data under its signature. The token cache is what stops that — a signature is
good once — so the token is recorded only after the signature verified (a forgery must not burn
the token of the genuine request still on its way). The cache is per process: with several
console processes behind one URL, a captured signature could be used once more in each other
process within the window (keep one process for the Mailgun hook, or a short tolerance).

Events: ``accepted`` (sent), ``delivered``, ``failed`` (``permanent`` → a hard bounce, or a soft
one when Mailgun gave up retrying, reason ``old``; ``temporary`` → deferred; suppressed
recipients → rejected), ``rejected``, ``complained``, ``opened``, ``clicked``,
``unsubscribed``; others (``stored``, ``list_member_uploaded``…) are counted and ignored.

Codes: ``delivery-status.code`` is taken as the SMTP reply code only when it is one (Mailgun
puts its own 6xx codes there for suppressed recipients); else the code and the enhanced status
are read out of the message text."""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Any

from ...core.config import Settings
from ...core.i18n import gettext as _
from ..events import Event, HookRequest, Kind, Parsed, Provider, Rejected
from .common import (
    BadField,
    ReplayCache,
    add_event,
    address,
    check_window,
    codes_from,
    detail,
    domain_of,
    field,
    ident,
    load_json,
    parse_time,
    reason,
)

__all__ = ["MailgunVerifier", "build"]

MAX_BODY = 256 * 1024
_KINDS = {
    "accepted": Kind.SENT,
    "delivered": Kind.DELIVERED,
    "rejected": Kind.REJECTED,
    "complained": Kind.COMPLAINED,
    "opened": Kind.OPENED,
    "clicked": Kind.CLICKED,
    "unsubscribed": Kind.UNSUBSCRIBED,
}
_SUPPRESSED = ("suppress-bounce", "suppress-unsubscribe", "suppress-complaint")
_REPLY_CODE = re.compile(r"[245]\d\d\Z")


class MailgunVerifier:
    name = Provider.MAILGUN.value
    max_body = MAX_BODY

    def __init__(self, keys: list[bytes], tolerance: int) -> None:
        self.keys = keys
        self.tolerance = tolerance
        # a timestamp is good from tolerance before it to tolerance after: a token first seen at
        # the window's start must still be remembered at its end
        self.tokens = ReplayCache(ttl=2 * tolerance)

    async def verify(self, req: HookRequest) -> None:
        doc = load_json(req, self.max_body)
        sig = doc.get("signature") if isinstance(doc, dict) else None
        if not isinstance(sig, dict):
            raise Rejected(400, _("signature missing"))
        ts, token, given = sig.get("timestamp"), sig.get("token"), sig.get("signature")
        if isinstance(ts, int) and not isinstance(ts, bool):
            ts = str(ts)
        if not (isinstance(ts, str) and isinstance(token, str) and isinstance(given, str)):
            raise Rejected(400, _("signature missing"))
        if (
            not (ts.isascii() and ts.isdigit())
            or len(ts) > 12
            or not token
            or len(token) > 200
            or len(given) > 200
        ):
            raise Rejected(400, _("timestamp header not readable"))
        check_window(parse_time(int(ts)), req.received, self.tolerance)
        signed = (ts + token).encode()
        ok = False
        for key in self.keys:
            ok |= hmac.compare_digest(hmac.new(key, signed, hashlib.sha256).hexdigest(), given.lower())
        if not ok:
            raise Rejected(401, _("signature not valid"))
        if self.tokens.seen(token):  # recorded only once the signature is good
            raise Rejected(401, _("token already used (a replay)"))

    def parse(self, req: HookRequest) -> Parsed:
        doc = load_json(req, self.max_body)
        parsed = Parsed()
        add_event(parsed, lambda: _event(field(doc, "event-data", dict, required=True)))
        return parsed

    async def confirm(self, url: str) -> None:
        return None


def _event(data: dict[str, Any]) -> Event | str:
    name = field(data, "event", str, required=True)
    severity = field(data, "severity", str) or ""
    why = field(data, "reason", str) or ""
    bounce = ""
    if name == "failed":
        if why in _SUPPRESSED:
            kind, bounce = Kind.REJECTED, "hard"
        elif severity == "permanent":
            # "old": given up after the retries of temporary failures — the address may be good
            kind, bounce = Kind.BOUNCED, "soft" if why == "old" else "hard"
        else:
            kind = Kind.DEFERRED
    elif name in _KINDS:
        kind = _KINDS[name]
    else:
        return f"unknown-type:{name[:40]}"
    try:
        at = parse_time(field(data, "timestamp", (int, float, str), required=True))
    except ValueError as exc:
        raise BadField("timestamp") from exc
    message = field(data, "message", dict) or {}
    headers = field(message, "headers", dict) or {}
    envelope = field(data, "envelope", dict) or {}
    event = Event(
        provider=Provider.MAILGUN.value,
        event_id=ident(field(data, "id", str, required=True)),
        kind=kind,
        at=at,
        recipient=address(field(data, "recipient", str)),
        domain=domain_of(field(envelope, "sender", str)) or domain_of(field(headers, "from", str)),
        bounce=bounce,
        message_id=ident(field(headers, "message-id", str) or ""),
    )
    if name == "failed":
        status = field(data, "delivery-status", dict) or {}
        text = field(status, "message", str) or field(status, "description", str) or ""
        event.reason = reason(text or why)
        code, enhanced = codes_from(text)
        given = field(status, "code", (int, str))
        event.smtp_code = str(given) if _REPLY_CODE.match(str(given)) else code
        event.status = field(status, "enhanced-code", str) or enhanced
        event.detail = detail(why)
    elif kind is Kind.CLICKED:
        event.detail = detail(field(data, "url", str))
    elif kind is Kind.REJECTED:
        event.reason = reason(field(field(data, "reject", dict) or {}, "reason", str) or why)
    return event


def build(settings: Settings) -> MailgunVerifier | None:
    keys = [k.strip().encode() for k in settings.hook_mailgun_keys.split(",") if k.strip()]
    return MailgunVerifier(keys, settings.hook_tolerance) if keys else None
