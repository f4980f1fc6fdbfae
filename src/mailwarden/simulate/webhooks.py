"""Campaign events posted to other systems (issue 18, point 7): an LMS that assigns training, a
SIEM, a chat channel.

**Events.** ``campaign.started``, ``campaign.finished``, ``recipient.sent``,
``recipient.clicked`` and ``recipient.submitted`` (a *person's* first click or submission, found
by the classification pass in ``classify.py`` — never a scanner's hit), ``recipient.reported``
and ``recipient.trained``. A webhook takes every event, or the ones it lists.

**Delivery.** An event becomes one ``SimWebhookDelivery`` row per webhook (``emit``), in the
transaction that made the change; ``deliver_due`` posts the rows that are due, one attempt each,
and is what the background worker (or ``mailwarden campaign webhook deliver``) runs. A 2xx
answer delivers; anything else — another status, a redirect (never followed), a timeout, a TLS
failure — is retried after 30 s, 1, 2, 4 … minutes (doubling, at most 6 h), and after
``MAX_ATTEMPTS`` attempts the row is ``failed`` with its last error kept. HTTPS certificates are
verified (the system's CAs and ``MAILWARDEN_CA_BUNDLE``); plain ``http://`` is allowed to the
loopback only. Connect and read timeouts are bounded (``TIMEOUT``).

**What a receiver gets.** ``POST`` with a JSON body ``{"id", "event", "created_at", ...}``
(the event's payload: ``campaign`` and, for a recipient event, ``recipient`` and ``at``) and
two headers:

- ``X-Mailwarden-Timestamp``: Unix seconds when it was sent;
- ``X-Mailwarden-Signature``: ``sha256=`` + the hex HMAC-SHA256, under the webhook's secret,
  of ``<timestamp>.<body>`` (the body's exact bytes).

A receiver checks both with ``verify_signature`` (or its own five lines): the signature in
constant time, and the timestamp within ``tolerance`` seconds of its clock, so that a recorded
delivery cannot be replayed later. ``id`` is the same on every retry of one delivery: a receiver
that got it once ignores it again."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session
from typing_extensions import TypedDict

from ..core.config import Settings
from ..core.errors import InputError
from ..core.i18n import gettext
from ..core.store import Store
from ..core.store.models import utcnow
from ..core.timefmt import to_datetime as _utc
from .models import SimCampaign, SimRecipient, SimWebhook, SimWebhookDelivery

__all__ = [
    "EVENTS",
    "MAX_ATTEMPTS",
    "DeliveryCounts",
    "WebhookRow",
    "add_webhook",
    "campaign_payload",
    "check_url",
    "deliver_due",
    "emit",
    "emit_campaign",
    "emit_many",
    "emit_recipient",
    "list_webhooks",
    "recipient_payload",
    "remove_webhook",
    "set_enabled",
    "sign",
    "verify_signature",
]

EVENTS = (
    "campaign.started",
    "campaign.finished",
    "recipient.sent",
    "recipient.clicked",
    "recipient.submitted",
    "recipient.reported",
    "recipient.trained",
)
MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=6)
#: a delivery being posted is not taken by another worker for this long
LEASE = timedelta(minutes=5)
#: seconds: connect, then each read/write; the whole attempt is bounded by their sum
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
MAX_URL = 500
#: a receiver's answer kept in last_error, at most
_ERROR_CHARS = 300


class WebhookRow(TypedDict):
    id: int
    url: str
    events: list[str]
    enabled: bool
    created_at: str | None
    #: deliveries waiting, delivered, given up
    pending: int
    sent: int
    failed: int
    last_error: str


class NewWebhook(TypedDict):
    webhook: WebhookRow
    #: shown once: the receiver's key for verify_signature
    secret: str


class DeliveryCounts(TypedDict):
    attempted: int
    sent: int
    retrying: int
    failed: int


# -- URLs --------------------------------------------------------------------------------------
def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """The URL a webhook may post to, or InputError: ``https://`` (verified), or ``http://``
    to the loopback only; no credentials in it, no fragment."""
    url = url.strip()
    if not url or len(url) > MAX_URL:
        raise InputError(gettext("a webhook URL has 1 to {n} characters").format(n=MAX_URL))
    try:
        parts = urlsplit(url)
        port = parts.port  # a bad port raises here
    except ValueError as exc:
        raise InputError(gettext("not a URL: {url}").format(url=url[:100])) from exc
    scheme, host = parts.scheme.lower(), parts.hostname or ""
    if scheme not in ("https", "http"):
        raise InputError(gettext("a webhook URL must start with https:// (or http:// to this machine)"))
    if not host or any(c.isspace() for c in url):
        raise InputError(gettext("not a URL: {url}").format(url=url[:100]))
    if parts.username is not None or parts.password is not None:
        raise InputError(gettext("a webhook URL must not carry a user name or password"))
    if scheme == "http" and not _loopback(host):
        raise InputError(gettext("plain http:// is allowed to this machine only (127.0.0.1, ::1, localhost)"))
    del port
    return parts._replace(fragment="").geturl()


def _check_events(events: Iterable[str]) -> list[str]:
    chosen = sorted({e.strip() for e in events if e.strip()})
    unknown = [e for e in chosen if e not in EVENTS]
    if unknown:
        raise InputError(
            gettext("unknown events: {events} (known: {known})").format(
                events=", ".join(unknown), known=", ".join(EVENTS)
            )
        )
    return chosen


# -- webhooks ----------------------------------------------------------------------------------
def _row(w: SimWebhook, counts: dict[str, int], last_error: str) -> WebhookRow:
    return {
        "id": w.id,
        "url": w.url,
        "events": list(w.events or []),
        "enabled": w.enabled,
        "created_at": None if w.created_at is None else _utc(w.created_at).isoformat(),
        "pending": counts.get("pending", 0),
        "sent": counts.get("sent", 0),
        "failed": counts.get("failed", 0),
        "last_error": last_error,
    }


def add_webhook(store: Store, url: str, events: Iterable[str] = ()) -> NewWebhook:
    """A webhook with a new secret (returned here once; list_webhooks never shows it)."""
    clean, chosen = check_url(url), _check_events(events)
    secret = secrets.token_urlsafe(32)
    with store.session(write=True) as s:
        w = SimWebhook(url=clean, secret=secret, events=chosen, enabled=True, created_at=utcnow())
        s.add(w)
        s.flush()
        return {"webhook": _row(w, {}, ""), "secret": secret}


def list_webhooks(store: Store) -> list[WebhookRow]:
    """Every webhook (without its secret), with its deliveries counted by status."""
    from sqlalchemy import func

    with store.session() as s:
        counts: dict[int, dict[str, int]] = {}
        for wid, status, n in s.execute(
            select(SimWebhookDelivery.webhook_id, SimWebhookDelivery.status, func.count()).group_by(
                SimWebhookDelivery.webhook_id, SimWebhookDelivery.status
            )
        ):
            counts.setdefault(wid, {})[status] = n
        errors: dict[int, str] = {}
        for wid, err in s.execute(
            select(SimWebhookDelivery.webhook_id, SimWebhookDelivery.last_error)
            .where(SimWebhookDelivery.last_error != "")
            .order_by(SimWebhookDelivery.id)
        ):
            errors[wid] = err  # the newest wins
        return [
            _row(w, counts.get(w.id, {}), errors.get(w.id, ""))
            for w in s.scalars(select(SimWebhook).order_by(SimWebhook.id))
        ]


def _get(s: Session, webhook_id: int) -> SimWebhook:
    w = s.get(SimWebhook, webhook_id)
    if w is None:
        raise InputError(gettext("no such webhook: {id}").format(id=webhook_id))
    return w


def set_enabled(store: Store, webhook_id: int, enabled: bool) -> WebhookRow:
    """Turn a webhook off (its waiting deliveries wait) or on again. InputError: no such webhook."""
    with store.session(write=True) as s:
        w = _get(s, webhook_id)
        w.enabled = enabled
        return _row(w, {}, "")


def remove_webhook(store: Store, webhook_id: int) -> None:
    """Delete a webhook and its deliveries. InputError: no such webhook."""
    with store.session(write=True) as s:
        s.delete(_get(s, webhook_id))


# -- events ------------------------------------------------------------------------------------
def campaign_payload(campaign: SimCampaign) -> dict[str, Any]:
    return {"campaign": {"id": campaign.id, "name": campaign.name, "template": campaign.template}}


def recipient_payload(
    campaign: SimCampaign, recipient: SimRecipient, *, at: datetime | None = None
) -> dict[str, Any]:
    """A recipient event's payload: the campaign, who (the address and department: the
    receiver acts on the person, e.g. assigns training) and when it happened."""
    return {
        **campaign_payload(campaign),
        "recipient": {"id": recipient.id, "address": recipient.address, "department": recipient.department},
        "at": _utc(at or utcnow()).isoformat(),
    }


def emit_many(s: Session, events: Sequence[tuple[str, dict[str, Any]]]) -> int:
    """Queue ``(event, payload)`` pairs for every enabled webhook that takes them, in the
    caller's transaction; the number of deliveries queued."""
    if not events:
        return 0
    hooks = list(s.scalars(select(SimWebhook).where(SimWebhook.enabled.is_(True))))
    if not hooks:
        return 0
    now = utcnow()
    rows = [
        {"webhook_id": w.id, "event": event, "payload": payload, "status": "pending", "attempts": 0,
         "next_at": now, "last_error": "", "created_at": now}
        for event, payload in events
        if event in EVENTS
        for w in hooks
        if not w.events or event in w.events
    ]  # fmt: skip
    if rows:
        from sqlalchemy import insert

        s.execute(insert(SimWebhookDelivery), rows)
    return len(rows)


def emit(s: Session, event: str, payload: dict[str, Any]) -> int:
    """Queue one event (see ``emit_many``)."""
    if event not in EVENTS:
        raise ValueError(f"unknown webhook event {event!r}")
    return emit_many(s, [(event, payload)])


def emit_recipient(s: Session, event: str, recipient_id: int, *, at: datetime | None = None) -> int:
    """Queue a recipient event (``recipient.sent``, ``recipient.trained``…) by the recipient's
    id, in the caller's transaction: the one line the sender and the training pages need."""
    recipient = s.get(SimRecipient, recipient_id)
    campaign = None if recipient is None else s.get(SimCampaign, recipient.campaign_id)
    if recipient is None or campaign is None:
        return 0
    return emit(s, event, recipient_payload(campaign, recipient, at=at))


def emit_campaign(s: Session, event: str, campaign_id: int) -> int:
    """Queue ``campaign.started`` or ``campaign.finished`` by the campaign's id."""
    campaign = s.get(SimCampaign, campaign_id)
    return (
        0 if campaign is None else emit(s, event, {**campaign_payload(campaign), "at": utcnow().isoformat()})
    )


# -- signatures --------------------------------------------------------------------------------
def sign(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">``."""
    mac = hmac.new(secret.encode(), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify_signature(
    secret: str,
    body: bytes,
    timestamp: str | None,
    signature: str | None,
    *,
    tolerance: float = 300.0,
    now: float | None = None,
) -> bool:
    """For receivers: did this body come from mailwarden with ``secret``, recently? ``body`` is
    the request's raw bytes; ``timestamp`` and ``signature`` the ``X-Mailwarden-Timestamp`` and
    ``X-Mailwarden-Signature`` headers; a timestamp more than ``tolerance`` seconds from ``now``
    (default: the clock) fails, so that a recorded request cannot be replayed."""
    if not timestamp or not signature or not timestamp.isdigit():
        return False
    clock = time.time() if now is None else now
    if abs(clock - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature.strip())


# -- delivery ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Due:
    id: int
    url: str
    secret: str
    event: str
    payload: dict[str, Any]
    attempts: int
    created_at: datetime


def backoff(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: 30 s, doubling, at most 6 h."""
    wait: timedelta = FIRST_RETRY * (2 ** max(0, attempts - 1))
    return min(wait, LONGEST_RETRY)


def _claim(store: Store, now: datetime, limit: int) -> list[_Due]:
    with store.session(write=True) as s:
        q = (
            select(SimWebhookDelivery, SimWebhook)
            .join(SimWebhook, SimWebhook.id == SimWebhookDelivery.webhook_id)
            .where(
                SimWebhookDelivery.status == "pending",
                SimWebhookDelivery.next_at <= now,
                SimWebhook.enabled.is_(True),
            )
            .order_by(SimWebhookDelivery.next_at, SimWebhookDelivery.id)
            .limit(limit)
        )
        if s.get_bind().dialect.name == "postgresql":
            q = q.with_for_update(skip_locked=True, of=SimWebhookDelivery)
        due = []
        for d, w in s.execute(q):
            d.next_at = now + LEASE  # another worker leaves it alone while this one posts
            due.append(
                _Due(d.id, w.url, w.secret, d.event, dict(d.payload or {}), d.attempts, _utc(d.created_at))
            )
        return due


def _body(d: _Due) -> bytes:
    doc = {"id": d.id, "event": d.event, "created_at": d.created_at.isoformat(), **d.payload}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _post(client: httpx.Client, d: _Due, clock: Callable[[], float]) -> str | None:
    """One attempt: None when delivered, else why not."""
    try:
        url = check_url(d.url)
    except InputError as exc:
        return str(exc)
    body = _body(d)
    stamp = str(int(clock()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "mailwarden-webhook",
        "X-Mailwarden-Event": d.event,
        "X-Mailwarden-Delivery": str(d.id),
        "X-Mailwarden-Timestamp": stamp,
        "X-Mailwarden-Signature": sign(d.secret, stamp, body),
    }
    try:
        with client.stream("POST", url, content=body, headers=headers) as r:
            if 200 <= r.status_code < 300:
                return None  # the answer's body is not read: nothing in it matters
            if r.is_redirect:
                return gettext("HTTP {status}: redirects are not followed").format(status=r.status_code)
            said = b""
            for chunk in r.iter_bytes():  # the start of the body only, however large it is
                said += chunk
                if len(said) >= _ERROR_CHARS:
                    break
    except httpx.TimeoutException:
        return gettext("timeout")
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}: {exc}"[:_ERROR_CHARS]
    text = said[:_ERROR_CHARS].decode("utf-8", "replace")
    return f"HTTP {r.status_code}: {text}"[:_ERROR_CHARS]


def client_for(settings: Settings, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The HTTP client deliveries go through: certificates verified (the system's CAs and
    ``ca_bundle``), no redirects, bounded timeouts, no proxy from the environment."""
    from ..core.https import tls_context

    return httpx.Client(
        verify=tls_context(settings.ca_bundle),
        follow_redirects=False,
        timeout=TIMEOUT,
        trust_env=False,
        transport=transport,
    )


def deliver_due(
    store: Store,
    settings: Settings,
    now: datetime | None = None,
    *,
    limit: int = 100,
    client: httpx.Client | None = None,
) -> DeliveryCounts:
    """Post the deliveries due at ``now`` (at most ``limit``), one attempt each, and record the
    outcome (sent; or the next attempt's time; or failed after MAX_ATTEMPTS). Blocking: run it
    on a worker thread."""
    moment = _utc(now or utcnow())
    counts: DeliveryCounts = {"attempted": 0, "sent": 0, "retrying": 0, "failed": 0}
    due = _claim(store, moment, limit)
    if not due:
        return counts
    own = client is None
    http = client or client_for(settings)
    # the timestamp signed: the moment asked for when one is given (tests), else the clock
    clock = (lambda: moment.timestamp()) if now is not None else time.time
    try:
        for d in due:
            error = _post(http, d, clock)
            counts["attempted"] += 1
            with store.session(write=True) as s:
                row = s.get(SimWebhookDelivery, d.id)
                if row is None:  # the webhook was removed meanwhile
                    continue
                row.attempts = d.attempts + 1
                if error is None:
                    row.status, row.last_error = "sent", ""
                    counts["sent"] += 1
                elif row.attempts >= MAX_ATTEMPTS:
                    row.status, row.last_error = "failed", error[:500]
                    counts["failed"] += 1
                else:
                    row.next_at, row.last_error = moment + backoff(row.attempts), error[:500]
                    counts["retrying"] += 1
    finally:
        if own:
            http.close()
    return counts


class DeliveryRow(TypedDict):
    id: int
    webhook_id: int
    event: str
    status: str
    attempts: int
    next_at: str
    last_error: str
    created_at: str


def list_deliveries(store: Store, *, webhook_id: int | None = None, limit: int = 100) -> list[DeliveryRow]:
    """Deliveries, newest first."""
    with store.session() as s:
        q = select(SimWebhookDelivery).order_by(SimWebhookDelivery.id.desc()).limit(limit)
        if webhook_id is not None:
            q = q.where(SimWebhookDelivery.webhook_id == webhook_id)
        return [
            {
                "id": d.id,
                "webhook_id": d.webhook_id,
                "event": d.event,
                "status": d.status,
                "attempts": d.attempts,
                "next_at": _utc(d.next_at).isoformat(),
                "last_error": d.last_error,
                "created_at": _utc(d.created_at).isoformat(),
            }
            for d in s.scalars(q)
        ]
