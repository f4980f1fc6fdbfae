"""SendGrid's Event Webhook: a JSON array of events signed with ECDSA P-256.

Verification: ``X-Twilio-Email-Event-Webhook-Signature`` is a base64 DER ECDSA signature,
SHA-256, over the bytes of ``X-Twilio-Email-Event-Webhook-Timestamp`` followed by the body, made
with the key whose public half SendGrid shows (``hook_sendgrid_keys``: base64 DER
SubjectPublicKeyInfo, several while a key is rotated — any one verifying is enough). The
timestamp must be within ``hook_tolerance`` seconds of the arrival, in either direction, so a
captured request cannot be replayed later; within the window a replayed batch stores nothing
new, because every event is stored once by its ``sg_event_id``.

SendGrid's events do not name the sending domain: give it in the webhook URL
(``/hooks/sendgrid?domain=example.jp``) or the events are stored without one."""

from __future__ import annotations

import base64
import binascii
import hashlib
from functools import partial
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from ...core.config import Settings
from ...core.i18n import gettext as _
from ..events import Event, HookRequest, Kind, Parsed, Provider, Rejected
from .common import (
    BadField,
    add_event,
    address,
    capped,
    check_window,
    codes_from,
    detail,
    field,
    ident,
    load_json,
    parse_time,
    reason,
)

__all__ = ["SendGridVerifier", "build"]

MAX_BODY = 10 * 1024 * 1024
SIGNATURE = "x-twilio-email-event-webhook-signature"
TIMESTAMP = "x-twilio-email-event-webhook-timestamp"

_KINDS: dict[str, Kind] = {
    "processed": Kind.SENT,
    "delivered": Kind.DELIVERED,
    "deferred": Kind.DEFERRED,
    "bounce": Kind.BOUNCED,
    "dropped": Kind.REJECTED,
    "spamreport": Kind.COMPLAINED,
    "open": Kind.OPENED,
    "click": Kind.CLICKED,
    "unsubscribe": Kind.UNSUBSCRIBED,
    "group_unsubscribe": Kind.UNSUBSCRIBED,
}


class SendGridVerifier:
    name = Provider.SENDGRID.value
    max_body = MAX_BODY

    def __init__(self, keys: list[ec.EllipticCurvePublicKey], tolerance: int) -> None:
        self.keys = keys
        self.tolerance = tolerance

    async def verify(self, req: HookRequest) -> None:
        if len(req.body) > self.max_body:
            raise Rejected(413, _("body too large"))
        sig_text = req.headers.get(SIGNATURE, "")
        ts_text = req.headers.get(TIMESTAMP, "")
        if not sig_text or not ts_text:
            raise Rejected(400, _("signature or timestamp header missing"))
        if not ts_text.isdigit() or len(ts_text) > 12:
            raise Rejected(400, _("timestamp header not readable"))
        check_window(parse_time(int(ts_text)), req.received, self.tolerance)
        try:
            signature = base64.b64decode(sig_text, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise Rejected(401, _("signature not valid")) from exc
        signed = ts_text.encode("ascii") + req.body
        for key in self.keys:
            try:
                key.verify(signature, signed, ec.ECDSA(hashes.SHA256()))
            except InvalidSignature:
                continue
            return
        raise Rejected(401, _("signature not valid"))

    def parse(self, req: HookRequest) -> Parsed:
        doc = load_json(req, self.max_body)
        parsed = Parsed()
        if not isinstance(doc, list):
            parsed.ignored["bad-field:body"] += 1
            return parsed
        domain = req.query.get("domain", "").strip().lower().rstrip(".")
        for item in capped(doc, parsed):
            add_event(parsed, partial(_event, item, domain))
        return parsed

    async def confirm(self, url: str) -> None:
        return None


def _event(item: Any, domain: str) -> Event | str:
    """The event of one array item, or the reason it is ignored."""
    name = field(item, "event", str, required=True)
    kind = _KINDS.get(name)
    if kind is None:
        return f"unknown-type:{name[:40]}"
    try:
        at = parse_time(field(item, "timestamp", (int, float, str), required=True))
    except ValueError as exc:
        raise BadField("timestamp") from exc
    event_id = field(item, "sg_event_id", str)
    if not event_id:
        # no id: one derived from the whole event, so that a replay is still stored once
        event_id = "sha256:" + hashlib.sha256(orjson.dumps(item, option=orjson.OPT_SORT_KEYS)).hexdigest()
    event = Event(
        provider=Provider.SENDGRID.value,
        event_id=ident(event_id),
        kind=kind,
        at=at,
        recipient=address(field(item, "email", str)),
        domain=domain,
        message_id=ident(field(item, "sg_message_id", str) or ""),
    )
    if kind is Kind.BOUNCED:
        event.bounce = "soft" if field(item, "type", str) == "blocked" else "hard"
        _diagnostic(event, item, "reason")
    elif kind is Kind.DEFERRED:
        _diagnostic(event, item, "response")
    elif kind is Kind.REJECTED:
        event.reason = reason(field(item, "reason", str))
    elif kind is Kind.CLICKED:
        event.detail = detail(field(item, "url", str))
    elif kind is Kind.UNSUBSCRIBED:
        group = field(item, "asm_group_id", (int, str))
        event.detail = detail(f"group {group}" if group is not None else name)
    elif kind is Kind.COMPLAINED:
        event.detail = "spamreport"
    return event


def _diagnostic(event: Event, item: Any, key: str) -> None:
    text = field(item, key, str) or ""
    event.reason = reason(text)
    code, status = codes_from(text)
    given = field(item, "status", (str, int))
    event.status = str(given) if given and "." in str(given) else status
    event.smtp_code = code
    if not event.status and given and str(given).isdigit() and len(str(given)) == 3:
        event.smtp_code = event.smtp_code or str(given)


def _load_key(text: str) -> ec.EllipticCurvePublicKey:
    try:
        key = serialization.load_der_public_key(base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(
            _("a SendGrid verification key is not base64 DER: {error}").format(error=exc)
        ) from exc
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
        raise ValueError(_("a SendGrid verification key is not an ECDSA P-256 public key"))
    return key


def build(settings: Settings) -> SendGridVerifier | None:
    texts = [k.strip() for k in settings.hook_sendgrid_keys.split(",") if k.strip()]
    if not texts:
        return None
    return SendGridVerifier([_load_key(t) for t in texts], settings.hook_tolerance)
