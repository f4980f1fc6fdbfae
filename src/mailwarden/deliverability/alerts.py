"""Alerts when a rate reaches a threshold's warning ("near") or critical level: a mail to
``alert_mail_to`` through the feedback relay, and a signed webhook POST to ``alert_webhook_url``.

Once only: each (domain, provider, metric, level, day) is a row of ``delivery_alerts`` under a
unique key. A run inserts the row first and sends only when its insert won, so two runs (or two
processes) never send the same alert twice. The row's ``channels`` records each channel's
outcome (``"sent"`` or ``"failed: why"``); the next run retries the failed channels of the rows
of the last :data:`RETRY_DAYS` days, and records the new outcome.

Metrics: the latest day's rates (``complaint_rate``…) and the 7-day window's (``complaint_rate_7d``),
both assessed by :func:`rates.assess`; too few messages never alert.

The webhook's signature (header ``X-Mailwarden-Signature: t=<unix seconds>,v1=<hex>``) is
HMAC-SHA256 with ``alert_webhook_secret`` over ``f"{t}.{body}"``. A receiver verifies it so::

    import hashlib, hmac, time
    def verify(secret: bytes, header: str, body: bytes, tolerance: int = 300) -> bool:
        parts = dict(p.split("=", 1) for p in header.split(","))
        t = int(parts["t"])
        mac = hmac.new(secret, f"{t}.".encode() + body, hashlib.sha256).hexdigest()
        return abs(time.time() - t) <= tolerance and hmac.compare_digest(mac, parts["v1"])
"""

from __future__ import annotations

import hashlib
import hmac
import json
import ssl
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, getaddresses, make_msgid, parseaddr
from typing import Any

import httpx
from sqlalchemy import Insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..core.config import Settings
from ..core.errors import ConfigError
from ..core.i18n import gettext as _
from ..core.i18n import language
from ..core.mailout import Mailer, RelayConfig
from ..core.store import Store
from .models import DeliveryAlert, PostmasterStat
from .rates import RateFigures, assess, rates

__all__ = ["ALERT_LEVELS", "RETRY_DAYS", "Alert", "check_alerts", "sign"]

ALERT_LEVELS = ("warning", "critical")
RETRY_DAYS = 7
WEBHOOK_TIMEOUT = 10.0


@dataclass
class Alert:
    domain: str
    provider: str
    metric: str
    level: str
    day: date
    rate: float
    threshold: float
    source: str = ""
    explanation: str = ""
    action: str = ""
    channels: dict[str, str] = field(default_factory=dict)
    new: bool = True  # False: a retry of an earlier alert's failed channels

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["day"] = self.day.isoformat()
        return d


def sign(secret: str, body: bytes, t: int) -> str:
    mac = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def _candidates(store: Store, day: date) -> list[Alert]:
    out: list[Alert] = []
    report = rates(store, since=day - timedelta(days=6), until=day)
    for pair in report.pairs:
        found = [(a, "_7d") for a in pair.assessments]
        last = [d for d in pair.days if d.day == day]
        if last:
            found += [(a, "") for a in assess(pair.provider, last[0].figures)]
        for a, suffix in found:
            if a.level in ALERT_LEVELS:
                out.append(
                    Alert(
                        pair.domain,
                        pair.provider,
                        a.metric + suffix,
                        a.level,
                        day,
                        a.rate,
                        a.threshold,
                        a.source,
                        a.explanation,
                        a.action,
                    )
                )
    out += _postmaster(store, day)
    return out


def _postmaster(store: Store, day: date) -> list[Alert]:
    """Postmaster Tools' spam rate (Gmail's own figure) under Gmail's rule, provider "gmail":
    its latest day up to ``day`` (Google publishes a day late)."""
    with store.session() as s:
        rows = s.execute(
            select(PostmasterStat.domain, PostmasterStat.day, PostmasterStat.spam_rate).where(
                PostmasterStat.day <= day,
                PostmasterStat.day > day - timedelta(days=3),
                PostmasterStat.spam_rate.is_not(None),
            )
        ).all()
    latest: dict[str, tuple[date, float]] = {}
    for domain, d, rate in rows:
        if rate is not None and (domain not in latest or d > latest[domain][0]):
            latest[domain] = (d, float(rate))
    out = []
    for domain, (d, rate) in sorted(latest.items()):
        for a in assess("gmail", RateFigures(), extra={"complaint_rate": rate}):
            if a.rule == "gmail-spam" and a.level in ALERT_LEVELS:
                out.append(
                    Alert(
                        domain,
                        "gmail",
                        "postmaster_spam_rate",
                        a.level,
                        d,
                        a.rate,
                        a.threshold,
                        a.source,
                        a.explanation,
                        a.action,
                    )
                )
    return out


def _insert(dialect: str) -> Insert:
    if dialect == "postgresql":
        return postgresql.insert(DeliveryAlert).on_conflict_do_nothing(constraint="uq_delivery_alerts_key")
    return sqlite.insert(DeliveryAlert).on_conflict_do_nothing(
        index_elements=["domain", "provider", "metric", "level", "day"]
    )


def _claim(store: Store, alert: Alert, now: datetime) -> int | None:
    """The new row's id, or None when another run inserted it first."""
    row = {
        k: getattr(alert, k) for k in ("domain", "provider", "metric", "level", "day", "rate", "threshold")
    }
    with store.session(write=True) as s:
        stmt = _insert(s.get_bind().dialect.name).returning(DeliveryAlert.id)
        got = s.execute(stmt, [{**row, "channels": dict(alert.channels), "at": now}]).scalar()
    return int(got) if got is not None else None


def _message(settings: Settings, alert: Alert) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = _("[mailwarden] {level}: {metric} of {domain} ({provider}) is {rate}").format(
        level=_(alert.level),
        metric=alert.metric,
        domain=alert.domain,
        provider=alert.provider,
        rate=f"{alert.rate * 100:.2f}%",
    )
    msg["From"] = settings.feedback_from or settings.notify_from
    msg["To"] = settings.alert_mail_to
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="mailwarden.invalid")
    lines = [
        alert.explanation,
        _("Day: {day}").format(day=alert.day.isoformat()),
        _("Rate: {rate} (threshold {threshold})").format(
            rate=f"{alert.rate * 100:.2f}%", threshold=f"{alert.threshold * 100:.2f}%"
        ),
        _("What to do: {action}").format(action=alert.action),
        _("Source: {source}").format(source=alert.source),
    ]
    msg.set_content("\n".join(lines) + "\n")
    return msg


def _send_mail(settings: Settings, alert: Alert) -> str:
    try:
        config = RelayConfig.from_settings(settings)
    except ConfigError as exc:
        return f"failed: {exc}"
    to = [a for _n, a in getaddresses([settings.alert_mail_to]) if a]
    mail_from = parseaddr(settings.feedback_from or settings.notify_from)[1]
    msg = _message(settings, alert)
    with Mailer(config) as mailer:
        results = [mailer.send(msg, mail_from=mail_from, to=rcpt) for rcpt in to]
    bad = [r.reply for r in results if not r.sent]
    return "sent" if not bad else f"failed: {bad[0]}"[:500]


def _send_webhook(settings: Settings, alert: Alert, now: datetime) -> str:
    body = json.dumps({"type": "deliverability.alert", "alert": alert.to_dict()}, ensure_ascii=False).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Mailwarden-Signature": sign(settings.alert_webhook_secret or "", body, int(now.timestamp())),
    }
    verify: ssl.SSLContext | bool = (
        ssl.create_default_context(cafile=str(settings.ca_bundle)) if settings.ca_bundle else True
    )
    try:
        with httpx.Client(verify=verify, timeout=WEBHOOK_TIMEOUT) as client:
            r = client.post(settings.alert_webhook_url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return f"failed: {type(exc).__name__}: {exc}"[:500]
    return "sent" if 200 <= r.status_code < 300 else f"failed: HTTP {r.status_code}"


def _channels(settings: Settings) -> list[str]:
    out = []
    if settings.alert_mail_to.strip():
        out.append("mail")
    if settings.alert_webhook_url.strip() and settings.alert_webhook_secret:
        out.append("webhook")
    return out


def _deliver(settings: Settings, alert: Alert, which: list[str], now: datetime, lang: str) -> None:
    with language(lang):
        for ch in which:
            alert.channels[ch] = (
                _send_mail(settings, alert) if ch == "mail" else _send_webhook(settings, alert, now)
            )


def check_alerts(
    store: Store, settings: Settings, *, now: datetime, dry_run: bool = False, lang: str = "ja"
) -> list[Alert]:
    """Evaluate ``now``'s day and the 7 days ending on it; send each new alert (and retry the
    failed channels of earlier ones). Returns the alerts sent or retried (all found when
    ``dry_run``: nothing stored or sent)."""
    day = now.date()
    with language(lang):
        found = _candidates(store, day)
    if dry_run:
        return found
    which = _channels(settings)
    done: list[Alert] = []
    claimed: set[int] = set()
    for alert in found:
        alert.channels = {ch: "pending" for ch in which}
        row_id = _claim(store, alert, now)
        if row_id is None:
            continue
        _deliver(settings, alert, which, now, lang)
        _save(store, row_id, alert.channels)
        claimed.add(row_id)
        done.append(alert)
    done += _retry(store, settings, now, lang, skip=claimed)
    return done


def _save(store: Store, row_id: int, channels: dict[str, str]) -> None:
    with store.session(write=True) as s:
        s.execute(update(DeliveryAlert).where(DeliveryAlert.id == row_id).values(channels=dict(channels)))


def _retry(store: Store, settings: Settings, now: datetime, lang: str, skip: set[int]) -> list[Alert]:
    # the alerts table holds a few rows a day: read the recent ones and pick the failed here
    since = now.date() - timedelta(days=RETRY_DAYS)
    with store.session() as s:
        rows = s.scalars(select(DeliveryAlert).where(DeliveryAlert.day >= since)).all()
        recent = [
            (
                r.id,
                r.domain,
                r.provider,
                r.metric,
                r.level,
                r.day,
                r.rate,
                r.threshold,
                dict(r.channels or {}),
            )
            for r in rows
        ]
    out = []
    for row_id, d, p, m, lvl, day, rate, threshold, channels in recent:
        failed = [
            ch for ch, v in channels.items() if str(v).startswith("failed") and ch in _channels(settings)
        ]
        if not failed or row_id in skip:
            continue
        alert = Alert(d, p, m, lvl, day, rate, threshold, channels=channels, new=False)
        with language(lang):
            alert.explanation = _("{metric} is {rate} (threshold {threshold}, {level}).").format(
                metric=m, rate=f"{rate * 100:.2f}%", threshold=f"{threshold * 100:.2f}%", level=_(lvl)
            )
        _deliver(settings, alert, failed, now, lang)
        _save(store, row_id, alert.channels)
        out.append(alert)
    return out
