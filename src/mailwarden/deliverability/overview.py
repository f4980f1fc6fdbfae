"""One view of a sending installation's deliverability, for the console: the rates of the
window against the thresholds, Gmail's own spam rate, the top bounce reasons by meaning, the
recipients to suppress, the latest alerts and which providers' webhooks are set up."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from ..core.config import Settings
from ..core.store import Store
from .events import Provider
from .models import DeliveryAlert, DeliveryEvent
from .providers import configured
from .rates import rates
from .reasons import top_reasons
from .suppressions import suppressions

__all__ = ["overview", "webhooks"]

#: most recipients to suppress listed on the page (all of them: the CLI's CSV export)
SHOWN = 200
#: the environment variables that turn each provider's webhook on
SECRETS = {
    Provider.SES: "MAILWARDEN_HOOK_SNS_TOPICS",
    Provider.SENDGRID: "MAILWARDEN_HOOK_SENDGRID_KEYS",
    Provider.POSTMARK: "MAILWARDEN_HOOK_POSTMARK_USER, MAILWARDEN_HOOK_POSTMARK_PASSWORD",
    Provider.RESEND: "MAILWARDEN_HOOK_RESEND_SECRETS",
    Provider.MAILGUN: "MAILWARDEN_HOOK_MAILGUN_KEYS",
}


def webhooks(settings: Settings) -> list[dict[str, Any]]:
    """Each provider's webhook path, whether its secrets are set (and usable), and which
    variables set them."""
    broken: dict[str, str] = {}
    configured(settings, broken)
    on = {
        Provider.SES: bool(settings.hook_sns_topics.strip()),
        Provider.SENDGRID: bool(settings.hook_sendgrid_keys.strip()),
        Provider.POSTMARK: bool(settings.hook_postmark_user and settings.hook_postmark_password),
        Provider.RESEND: bool(settings.hook_resend_secrets.strip()),
        Provider.MAILGUN: bool(settings.hook_mailgun_keys.strip()),
    }
    base = settings.console_url.rstrip("/")
    return [
        {
            "provider": p.value,
            "url": f"{base}/hooks/{p.value}" + ("?domain=…" if p is Provider.SENDGRID else ""),
            "configured": on[p] and p.value not in broken,
            "error": broken.get(p.value, ""),
            "variables": SECRETS[p],
        }
        for p in Provider
    ]


def _alerts(store: Store, since: date, domain: str | None) -> list[dict[str, Any]]:
    t = DeliveryAlert
    stmt = select(t).where(t.day >= since).order_by(t.at.desc(), t.id.desc()).limit(50)
    if domain:
        stmt = stmt.where(t.domain == domain)
    with store.session() as s:
        return [
            {
                "domain": a.domain,
                "provider": a.provider,
                "metric": a.metric,
                "level": a.level,
                "day": a.day.isoformat(),
                "rate": a.rate,
                "threshold": a.threshold,
                "channels": a.channels,
                "at": a.at.isoformat(),
            }
            for a in s.scalars(stmt)
        ]


def _latest_event(store: Store) -> str | None:
    with store.session() as s:
        at = s.scalar(select(func.max(DeliveryEvent.at)))
    return at.isoformat() if at else None


def overview(
    store: Store, settings: Settings, *, days: int = 7, domain: str | None = None, today: date | None = None
) -> dict[str, Any]:
    until = today or datetime.now(UTC).date()
    since = until - timedelta(days=max(1, days) - 1)
    domain = domain.strip().lower().rstrip(".") if domain else None
    report = rates(store, domain=domain, since=since, until=until, with_days=False)
    held = suppressions(store, domain=domain, since=until - timedelta(days=89))  # the last 90 days
    return {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "days": days,
        "domain": domain,
        "level": report.level,
        "pairs": [p.to_dict() for p in report.pairs],
        "postmaster": [g.to_dict() for g in report.postmaster],
        "reasons": [r.to_dict() for r in top_reasons(store, domain=domain, since=since, until=until)],
        "suppressions": {"count": len(held), "shown": [h.to_dict() for h in held[:SHOWN]]},
        "alerts": _alerts(store, since, domain),
        "latest_event": _latest_event(store),
        "webhooks": webhooks(settings),
    }
