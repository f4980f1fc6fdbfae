"""Postmark's webhooks: one JSON object per request, authenticated by HTTP basic auth.

Verification: the ``Authorization: Basic …`` user and password are compared with
``hook_postmark_user`` / ``hook_postmark_password`` in constant time — both always compared, so
the answer does not tell which one was wrong; ``hook_postmark_networks`` (CIDRs, optional)
limits the source addresses (Postmark publishes the ones its webhooks come from).

Replays: Postmark signs nothing and sends no timestamp to check, so there is no replay window:
the secret travels only inside TLS (serve the webhook over HTTPS), and a replayed request stores
nothing new because each event is stored once by its id (``ID`` for bounces and complaints; for
the other records an id derived from the record type, message, recipient and time)."""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
from collections.abc import Sequence
from typing import Any

from ...core.config import Settings
from ...core.i18n import gettext as _
from ..events import Event, HookRequest, Kind, Parsed, Provider, Rejected
from .common import (
    BadField,
    add_event,
    address,
    codes_from,
    detail,
    domain_of,
    field,
    ident,
    load_json,
    parse_time,
    reason,
)

__all__ = ["PostmarkVerifier", "build"]

MAX_BODY = 256 * 1024
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

#: Postmark's bounce types (the ``Type`` of a Bounce record) → (kind, hard/soft)
_BOUNCES: dict[str, tuple[Kind, str]] = {
    "HardBounce": (Kind.BOUNCED, "hard"),
    "BadEmailAddress": (Kind.BOUNCED, "hard"),
    "SoftBounce": (Kind.BOUNCED, "soft"),
    "Transient": (Kind.BOUNCED, "soft"),
    "DnsError": (Kind.BOUNCED, "soft"),
    "Blocked": (Kind.BOUNCED, "soft"),
    "DMARCPolicy": (Kind.BOUNCED, "soft"),
    "VirusNotification": (Kind.BOUNCED, "soft"),
    "ChallengeVerification": (Kind.BOUNCED, "soft"),
    "Unknown": (Kind.BOUNCED, "soft"),
    "ManuallyDeactivated": (Kind.REJECTED, "hard"),
    "SMTPApiError": (Kind.REJECTED, ""),
    "SpamComplaint": (Kind.COMPLAINED, ""),
    "Unsubscribe": (Kind.UNSUBSCRIBED, ""),
}
#: the time field of each record type
_TIME = {
    "Delivery": "DeliveredAt",
    "Bounce": "BouncedAt",
    "SpamComplaint": "BouncedAt",
    "Open": "ReceivedAt",
    "Click": "ReceivedAt",
    "SubscriptionChange": "ChangedAt",
}


class PostmarkVerifier:
    name = Provider.POSTMARK.value
    max_body = MAX_BODY

    def __init__(self, user: str, password: str, networks: Sequence[Network] = ()) -> None:
        self._user = user.encode("utf-8")
        self._password = password.encode("utf-8")
        self.networks = tuple(networks)

    async def verify(self, req: HookRequest) -> None:
        if len(req.body) > self.max_body:
            raise Rejected(413, _("body too large"))
        if self.networks and not _allowed(req.client_ip, self.networks):
            raise Rejected(403, _("source address not allowed"))
        scheme, _sep, token = req.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "basic" or not token:
            raise Rejected(401, _("credentials missing"))
        try:
            user, sep, password = base64.b64decode(token.strip(), validate=True).partition(b":")
        except (binascii.Error, ValueError) as exc:
            raise Rejected(401, _("credentials not valid")) from exc
        # both compared, always: the answer does not say which one was wrong
        good = hmac.compare_digest(user, self._user) & hmac.compare_digest(password, self._password)
        if not (sep and good):
            raise Rejected(401, _("credentials not valid"))

    def parse(self, req: HookRequest) -> Parsed:
        doc = load_json(req, self.max_body)
        parsed = Parsed()
        domain = req.query.get("domain", "").strip().lower().rstrip(".")
        add_event(parsed, lambda: _event(doc, domain))
        return parsed

    async def confirm(self, url: str) -> None:
        return None


def _allowed(ip: str, networks: tuple[Network, ...]) -> bool:
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(addr in net for net in networks)


def _event(doc: Any, query_domain: str) -> Event | str:
    record = field(doc, "RecordType", str, required=True)
    if record not in _TIME:
        return f"unknown-type:{record[:40]}"
    bounce = ""
    if record == "Bounce":
        btype = field(doc, "Type", str, required=True)
        if btype not in _BOUNCES:
            return f"bounce-type:{btype[:40]}"
        kind, bounce = _BOUNCES[btype]
    elif record == "SubscriptionChange":
        if field(doc, "SuppressSending", bool) is not True:
            return "resubscribe"
        kind = Kind.UNSUBSCRIBED
    else:
        kind = {
            "Delivery": Kind.DELIVERED,
            "SpamComplaint": Kind.COMPLAINED,
            "Open": Kind.OPENED,
            "Click": Kind.CLICKED,
        }[record]
    time_text = field(doc, _TIME[record], str, required=True)
    try:
        at = parse_time(time_text)
    except ValueError as exc:
        raise BadField(_TIME[record]) from exc
    recipient = address(field(doc, "Email", str) or field(doc, "Recipient", str))
    message_id = field(doc, "MessageID", str) or ""
    given = field(doc, "ID", (int, str))
    if given is not None and record in ("Bounce", "SpamComplaint"):
        event_id = f"{record}:{given}"
    else:
        event_id = f"{record}:{message_id}:{recipient}:{time_text}"
    event = Event(
        provider=Provider.POSTMARK.value,
        event_id=ident(event_id),
        kind=kind,
        at=at,
        recipient=recipient,
        domain=domain_of(field(doc, "From", str)) or query_domain,
        bounce=bounce,
        message_id=ident(message_id),
    )
    if record in ("Bounce", "SpamComplaint"):
        text = field(doc, "Details", str) or field(doc, "Description", str) or ""
        event.reason = reason(text)
        event.smtp_code, event.status = codes_from(text)
        if kind is not Kind.BOUNCED:
            event.detail = detail(field(doc, "Type", str))
    elif record == "Click":
        event.detail = detail(field(doc, "OriginalLink", str))
    elif record == "SubscriptionChange":
        event.detail = detail(field(doc, "SuppressionReason", str))
    return event


def _networks(text: str) -> list[Network]:
    nets = []
    for part in text.split(","):
        if part.strip():
            try:
                nets.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError as exc:
                raise ValueError(_("hook_postmark_networks: {error}").format(error=exc)) from exc
    return nets


def build(settings: Settings) -> PostmarkVerifier | None:
    if not settings.hook_postmark_user or not settings.hook_postmark_password:
        return None
    return PostmarkVerifier(
        settings.hook_postmark_user,
        settings.hook_postmark_password,
        _networks(settings.hook_postmark_networks),
    )
