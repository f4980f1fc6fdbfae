"""Resend's webhooks, signed the Svix way.

Verification: headers ``svix-id``, ``svix-timestamp`` and ``svix-signature`` (``v1,<base64>``,
several separated by spaces while Resend rotates the secret); the signature is HMAC-SHA256, keyed
with the base64 part of the ``whsec_…`` secret, over ``f"{id}.{timestamp}.{body}"``. Every
configured secret (``hook_resend_secrets``, comma-separated while rotating) is tried against
every signature, compared in constant time; the timestamp must be within ``hook_tolerance``
seconds of the arrival, both ways. A replay inside the window stores nothing new: the events'
ids derive from ``svix-id``, which Resend keeps across its retries.

Events: ``email.sent``, ``email.delivered``, ``email.delivery_delayed``, ``email.bounced``,
``email.complained``, ``email.opened``, ``email.clicked``, ``email.failed``; the others
(``email.scheduled``, ``contact.*``, ``domain.*``…) are counted and ignored. One event per
recipient of ``data.to``; the id is the ``svix-id`` with ``:<n>`` when there are several."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import replace
from typing import Any

from ...core.config import Settings
from ...core.i18n import gettext as _
from ..events import Event, HookRequest, Kind, Parsed, Provider, Rejected
from .common import (
    MAX_EVENTS,
    BadField,
    address,
    capped,
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

__all__ = ["ResendVerifier", "build"]

MAX_BODY = 256 * 1024
MAX_SIGNATURES = 10
_KINDS = {
    "email.sent": Kind.SENT,
    "email.delivered": Kind.DELIVERED,
    "email.delivery_delayed": Kind.DEFERRED,
    "email.bounced": Kind.BOUNCED,
    "email.complained": Kind.COMPLAINED,
    "email.opened": Kind.OPENED,
    "email.clicked": Kind.CLICKED,
    "email.failed": Kind.REJECTED,
}


def decode_secret(secret: str) -> bytes:
    """The HMAC key of a ``whsec_…`` secret; ValueError when it is not one."""
    text = secret.strip()
    if not text.startswith("whsec_"):
        raise ValueError(_("a Resend signing secret starts with whsec_"))
    try:
        key = base64.b64decode(text[len("whsec_") :], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(_("a Resend signing secret is not base64 after whsec_")) from exc
    if len(key) < 16:
        raise ValueError(_("a Resend signing secret is too short"))
    return key


class ResendVerifier:
    name = Provider.RESEND.value
    max_body = MAX_BODY

    def __init__(self, keys: list[bytes], tolerance: int) -> None:
        self.keys = keys
        self.tolerance = tolerance

    async def verify(self, req: HookRequest) -> None:
        if len(req.body) > self.max_body:
            raise Rejected(413, _("body too large"))
        msg_id = req.headers.get("svix-id", "")
        ts_text = req.headers.get("svix-timestamp", "")
        header = req.headers.get("svix-signature", "")
        if not msg_id or not ts_text or not header:
            raise Rejected(400, _("signature or timestamp header missing"))
        if not (ts_text.isascii() and ts_text.isdigit()) or len(ts_text) > 12 or len(msg_id) > 200:
            raise Rejected(400, _("timestamp header not readable"))
        check_window(parse_time(int(ts_text)), req.received, self.tolerance)
        signed = f"{msg_id}.{ts_text}.".encode() + req.body
        given = []
        for part in header.split()[:MAX_SIGNATURES]:
            version, _sep, value = part.partition(",")
            if version == "v1":
                try:
                    given.append(base64.b64decode(value, validate=True))
                except (binascii.Error, ValueError):
                    continue
        ok = False
        for key in self.keys:
            expected = hmac.new(key, signed, hashlib.sha256).digest()
            for sig in given:
                ok |= hmac.compare_digest(expected, sig)
        if not ok:
            raise Rejected(401, _("signature not valid"))

    def parse(self, req: HookRequest) -> Parsed:
        doc = load_json(req, self.max_body)
        parsed = Parsed()
        try:
            self._read(doc, req.headers.get("svix-id", ""), parsed)
        except BadField as exc:
            parsed.ignored[exc.key] += 1
        return parsed

    def _read(self, doc: Any, msg_id: str, parsed: Parsed) -> None:
        etype = field(doc, "type", str, required=True)
        kind = _KINDS.get(etype)
        if kind is None:
            parsed.ignored[f"unknown-type:{etype[:40]}"] += 1
            return
        data = field(doc, "data", dict, required=True)
        try:
            at = parse_time(field(doc, "created_at", str) or field(data, "created_at", str, required=True))
        except ValueError as exc:
            raise BadField("created_at") from exc
        to = field(data, "to", (list, str)) or []
        recipients = [to] if isinstance(to, str) else to
        if not all(isinstance(t, str) for t in recipients[:MAX_EVENTS]):
            raise BadField("to")
        base = Event(
            provider=Provider.RESEND.value,
            event_id="",
            kind=kind,
            at=at,
            domain=domain_of(field(data, "from", str)),
            message_id=ident(field(data, "email_id", str) or ""),
        )
        if kind is Kind.BOUNCED:
            bounce = field(data, "bounce", dict) or {}
            btype = field(bounce, "type", str) or ""
            base.bounce = "hard" if btype == "Permanent" else "soft"
            text = field(bounce, "message", str) or ""
            base.reason = reason(text)
            base.smtp_code, base.status = codes_from(text)
            base.detail = detail(field(bounce, "subType", str))
        elif kind is Kind.CLICKED:
            base.detail = detail(field(field(data, "click", dict) or {}, "link", str))
        elif kind is Kind.REJECTED:
            base.reason = reason(field(field(data, "failed", dict) or {}, "reason", str))
        elif kind is Kind.DEFERRED:
            text = field(field(data, "delivery_delayed", dict) or {}, "message", str) or ""
            base.reason = reason(text)
            base.smtp_code, base.status = codes_from(text)
        several = len(recipients) > 1
        for n, rcpt in enumerate(capped(recipients or [""], parsed)):
            ev = replace(base)
            ev.event_id = ident(f"{msg_id}:{n}" if several else msg_id)
            ev.recipient = address(rcpt)
            parsed.events.append(ev)

    async def confirm(self, url: str) -> None:
        return None


def build(settings: Settings) -> ResendVerifier | None:
    secrets = [s.strip() for s in settings.hook_resend_secrets.split(",") if s.strip()]
    if not secrets:
        return None
    return ResendVerifier([decode_secret(s) for s in secrets], settings.hook_tolerance)
