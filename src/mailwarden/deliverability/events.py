"""One event model for every sending provider's webhooks (SES through SNS, SendGrid, Postmark,
Resend, Mailgun), and what a webhook request is to the providers' verifiers and parsers.

A provider module turns a verified request into :class:`Parsed`: the events it understood and
a count of what it ignored (unknown event types, fields it cannot read) — never an exception
for one bad event in a batch. A request that must not be believed raises :class:`Rejected`
with the HTTP status to answer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

#: longest texts kept of one event (a diagnostic can be a whole SMTP transcript)
MAX_REASON = 1000
MAX_DETAIL = 500
MAX_ID = 200


class Kind(StrEnum):
    SENT = "sent"  # accepted by the provider for delivery (SES Send, SendGrid processed…)
    DELIVERED = "delivered"
    DEFERRED = "deferred"
    BOUNCED = "bounced"
    COMPLAINED = "complained"
    REJECTED = "rejected"  # refused by the provider before sending (SES Reject, SendGrid dropped)
    OPENED = "opened"
    CLICKED = "clicked"
    UNSUBSCRIBED = "unsubscribed"


class Provider(StrEnum):
    SES = "ses"
    SENDGRID = "sendgrid"
    POSTMARK = "postmark"
    RESEND = "resend"
    MAILGUN = "mailgun"


@dataclass(slots=True)
class Event:
    provider: str  # a Provider value
    event_id: str  # unique per provider (its own id, or one derived from its fields); ≤ MAX_ID
    kind: Kind
    at: datetime  # timezone-aware, UTC
    recipient: str = ""  # lower-case address
    domain: str = ""  # the sending domain (From / source address), lower-case; "" if unknown
    bounce: str = ""  # "hard" or "soft" for BOUNCED (and REJECTED when the provider says)
    smtp_code: str = ""  # basic reply code, e.g. "550"
    status: str = ""  # enhanced status code, e.g. "5.7.26"
    reason: str = ""  # the diagnostic text, ≤ MAX_REASON
    message_id: str = ""  # the provider's message id
    detail: str = ""  # the clicked URL, complaint feedback type, unsubscribe group…, ≤ MAX_DETAIL


@dataclass
class Parsed:
    events: list[Event] = field(default_factory=list)
    #: what was not understood, by why ("unknown-type:processed", "bad-field:timestamp"…)
    ignored: Counter[str] = field(default_factory=Counter)
    #: an SNS subscription to confirm (its SubscribeURL, already checked against the pin)
    confirm_url: str = ""


@dataclass(frozen=True)
class HookRequest:
    """A webhook request as the verifiers see it."""

    provider: str
    body: bytes
    headers: dict[str, str]  # names lower-cased; repeated headers joined with ", "
    client_ip: str
    query: dict[str, str]  # the URL's query (e.g. domain=… for providers that do not say)
    received: datetime  # when it arrived (UTC): the clock replay windows are measured on


class Rejected(Exception):
    """A request that is not believed or not acceptable: nothing of it is stored."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def clip(text: object, limit: int) -> str:
    s = "" if text is None else str(text)
    return s if len(s) <= limit else s[: limit - 1] + "…"
