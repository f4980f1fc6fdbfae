"""Amazon SES's event JSON (the ``Message`` of an SNS notification) as events.

Both forms are read: *event publishing* (``eventType``: Send, Delivery, Bounce, Complaint,
Reject, DeliveryDelay, Open, Click, Subscription, Rendering Failure) and *identity
notifications* (``notificationType``: Bounce, Complaint, Delivery). One notification gives one
event per recipient; the event id is the SNS MessageId, with ``:<n>`` (the recipient's index)
when there are several."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import orjson

from ..events import Event, Kind, Parsed, Provider
from .common import BadField, address, capped, codes_from, detail, domain_of, field, ident, parse_time, reason

__all__ = ["events_of"]

_MAX_MESSAGE = 256 * 1024

# event type → (its object's key in the message, kind)
_TYPES: dict[str, tuple[str, Kind]] = {
    "Send": ("send", Kind.SENT),
    "Delivery": ("delivery", Kind.DELIVERED),
    "DeliveryDelay": ("deliveryDelay", Kind.DEFERRED),
    "Bounce": ("bounce", Kind.BOUNCED),
    "Complaint": ("complaint", Kind.COMPLAINED),
    "Reject": ("reject", Kind.REJECTED),
    "Open": ("open", Kind.OPENED),
    "Click": ("click", Kind.CLICKED),
    "Subscription": ("subscription", Kind.UNSUBSCRIBED),
}
_IGNORED = {
    "Rendering Failure": "rendering-failure",
    "AmazonSnsSubscriptionSucceeded": "subscription-succeeded",
}


class _Rcpt:
    """One recipient's part of an event: address and what is said about it."""

    __slots__ = ("address", "reason", "smtp_code", "status")

    def __init__(self, address: str, smtp_code: str = "", status: str = "", reason: str = "") -> None:
        self.address = address
        self.smtp_code = smtp_code
        self.status = status
        self.reason = reason


def events_of(message: object, message_id: str, parsed: Parsed) -> None:
    """Append the events of one SES message (a JSON text) to ``parsed``."""
    if not isinstance(message, str) or len(message) > _MAX_MESSAGE:
        parsed.ignored["bad-field:Message"] += 1
        return
    try:
        doc = orjson.loads(message)
    except orjson.JSONDecodeError:
        parsed.ignored["bad-field:Message"] += 1
        return
    if not isinstance(doc, dict):
        parsed.ignored["bad-field:Message"] += 1
        return
    try:
        _read(doc, message_id, parsed)
    except BadField as exc:
        parsed.ignored[exc.key] += 1


def _read(doc: dict[str, Any], message_id: str, parsed: Parsed) -> None:
    etype = doc.get("eventType", doc.get("notificationType"))
    if not isinstance(etype, str):
        parsed.ignored["bad-field:eventType"] += 1
        return
    if etype in _IGNORED:
        parsed.ignored[_IGNORED[etype]] += 1
        return
    if etype not in _TYPES:
        parsed.ignored[f"unknown-type:{ident(etype)[:60]}"] += 1
        return
    key, kind = _TYPES[etype]
    mail = field(doc, "mail", dict) or {}
    part = field(doc, key, dict) or {}
    at = _time(part, mail)
    domain = _domain(mail)
    base = Event(
        provider=Provider.SES.value,
        event_id="",
        kind=kind,
        at=at,
        domain=domain,
        message_id=ident(field(mail, "messageId") or ""),
    )
    rcpts, extra = _READERS[kind](part, mail)
    for k, v in extra.items():
        setattr(base, k, v)
    rcpts = [r for r in rcpts if r is not None]
    items = list(capped(rcpts, parsed))
    many = len(items) > 1
    for n, r in enumerate(items):
        parsed.events.append(
            Event(
                provider=base.provider,
                event_id=ident(f"{message_id}:{n}" if many else message_id),
                kind=kind,
                at=at,
                recipient=r.address,
                domain=domain,
                bounce=base.bounce,
                smtp_code=r.smtp_code or base.smtp_code,
                status=r.status or base.status,
                reason=reason(r.reason or base.reason),
                message_id=base.message_id,
                detail=base.detail,
            )
        )


def _time(part: dict[str, Any], mail: dict[str, Any]) -> datetime:
    for obj, name in ((part, "timestamp"), (mail, "timestamp")):
        value = obj.get(name)
        if value is None:
            continue
        try:
            return parse_time(value)
        except ValueError as exc:
            raise BadField(name) from exc
    raise BadField("timestamp")


def _domain(mail: dict[str, Any]) -> str:
    source = field(mail, "source")
    if source:
        return domain_of(source)
    headers = field(mail, "commonHeaders", dict) or {}
    senders = field(headers, "from", list) or []
    return domain_of(senders[0]) if senders and isinstance(senders[0], str) else ""


def _destination(mail: dict[str, Any]) -> list[_Rcpt | None]:
    return [_Rcpt(a) if (a := _addr(x)) else None for x in field(mail, "destination", list) or []]


def _addr(value: object) -> str:
    return address(value)


def _entries(part: dict[str, Any], name: str) -> list[_Rcpt | None]:
    out: list[_Rcpt | None] = []
    for entry in field(part, name, list) or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("emailAddress"), str):
            raise BadField(name)
        diag = entry.get("diagnosticCode")
        diag = diag if isinstance(diag, str) else ""
        code, status = codes_from(diag)
        given = entry.get("status")
        if isinstance(given, str) and given:
            status = codes_from(given)[1] or status
        out.append(
            _Rcpt(_addr(entry["emailAddress"]), code, status, diag) if _addr(entry["emailAddress"]) else None
        )
    return out


Extra = dict[str, str]


def _send(part: dict[str, Any], mail: dict[str, Any]) -> tuple[list[_Rcpt | None], Extra]:
    return _destination(mail), {}


def _delivery(part: dict[str, Any], mail: dict[str, Any]) -> tuple[list[_Rcpt | None], Extra]:
    response = field(part, "smtpResponse") or ""
    code, status = codes_from(response)
    rcpts = [_Rcpt(a) if (a := _addr(x)) else None for x in field(part, "recipients", list) or []]
    return rcpts, {"smtp_code": code, "status": status, "reason": reason(response)}


def _delay(part: dict[str, Any], mail: dict[str, Any]) -> tuple[list[_Rcpt | None], Extra]:
    return _entries(part, "delayedRecipients"), {"detail": detail(field(part, "delayType") or "")}


def _bounce(part: dict[str, Any], mail: dict[str, Any]) -> tuple[list[_Rcpt | None], Extra]:
    btype = field(part, "bounceType") or ""
    sub = field(part, "bounceSubType") or ""
    return _entries(part, "bouncedRecipients"), {
        "bounce": "hard" if btype == "Permanent" else "soft",
        "detail": detail(f"{btype}/{sub}" if sub else btype),
    }


def _complaint(part: dict[str, Any], mail: dict[str, Any]) -> tuple[list[_Rcpt | None], Extra]:
    rcpts = _entries(part, "complainedRecipients")
    return rcpts, {"detail": detail(field(part, "complaintFeedbackType") or "")}


def _reject(part: dict[str, Any], mail: dict[str, Any]) -> tuple[list[_Rcpt | None], Extra]:
    return _destination(mail), {"reason": reason(field(part, "reason") or "")}


def _open(part: dict[str, Any], mail: dict[str, Any]) -> tuple[list[_Rcpt | None], Extra]:
    return _destination(mail), {}


def _click(part: dict[str, Any], mail: dict[str, Any]) -> tuple[list[_Rcpt | None], Extra]:
    return _destination(mail), {"detail": detail(field(part, "link") or "")}


def _subscription(part: dict[str, Any], mail: dict[str, Any]) -> tuple[list[_Rcpt | None], Extra]:
    return _destination(mail), {"detail": detail(field(part, "contactList") or "")}


_READERS: dict[Kind, Callable[[dict[str, Any], dict[str, Any]], tuple[list[_Rcpt | None], Extra]]] = {
    Kind.SENT: _send,
    Kind.DELIVERED: _delivery,
    Kind.DEFERRED: _delay,
    Kind.BOUNCED: _bounce,
    Kind.COMPLAINED: _complaint,
    Kind.REJECTED: _reject,
    Kind.OPENED: _open,
    Kind.CLICKED: _click,
    Kind.UNSUBSCRIBED: _subscription,
}
