"""Bulk-sender readiness: Gmail (Feb 2024, stricter from Nov 2025), Yahoo (Feb 2024),
Outlook.com (May 2025). Each requirement says whether DNS can show it at all."""

from __future__ import annotations

from typing import Any

from ..core.i18n import N_, gettext
from .model import CheckResult

MET, NOT_MET, UNKNOWN, NOT_VISIBLE = "met", "not-met", "unknown", "not-visible"

#: When each mailbox provider's sender rules took effect.
PROVIDERS = {
    "gmail": {
        "name": "Gmail",
        "since": "2024-02",
        "note": N_("stricter enforcement (rejections) from 2025-11"),
    },
    "yahoo": {"name": "Yahoo", "since": "2024-02", "note": ""},
    "outlook": {"name": "Outlook.com", "since": "2025-05", "note": ""},
}

REQUIREMENTS = (
    ("spf", N_("SPF record published and valid"), ("gmail", "yahoo", "outlook")),
    ("dkim", N_("DKIM signing with a published key"), ("gmail", "yahoo", "outlook")),
    ("dmarc", N_("DMARC record published (p=none at least)"), ("gmail", "yahoo", "outlook")),
    ("dmarc-alignment", N_("From: domain aligned with SPF or DKIM"), ("gmail", "yahoo", "outlook")),
    ("ptr", N_("Sending IPs have forward-confirmed reverse DNS"), ("gmail", "yahoo")),
    ("tls", N_("TLS for transmitting mail"), ("gmail",)),
    ("spam-rate", N_("Spam complaint rate below 0.3% (0.1% advised)"), ("gmail", "yahoo", "outlook")),
    ("unsubscribe", N_("One-click unsubscribe (RFC 8058) in marketing mail"), ("gmail", "yahoo", "outlook")),
)


def checklist(checks: dict[str, CheckResult]) -> list[dict[str, Any]]:
    def status_of(name: str) -> str:
        c = checks.get(name)
        if c is None or c.status == "undetermined":
            return UNKNOWN
        if c.status == "present" and not any(f.severity == "error" for f in c.findings):
            return MET
        if (
            name == "dkim"
            and c.status == "absent"
            and not any(f.code == "dkim.no-domainkey-zone" for f in c.findings)
        ):
            return UNKNOWN  # selectors may simply be unknown to us
        return NOT_MET

    out = []
    for key, text, providers in REQUIREMENTS:
        status = status_of(key) if key in ("spf", "dkim", "dmarc") else NOT_VISIBLE
        # The requirement is kept as its message id, so a stored report reads in any language.
        out.append({"id": key, "requirement": text, "providers": list(providers), "status": status})
    return out


def providers_caption() -> str:
    parts = []
    for p in PROVIDERS.values():
        note = f" ({gettext(p['note'])})" if p["note"] else ""
        parts.append(f"{p['name']} {p['since']}{note}")
    return gettext("Rules in force: {providers}").format(providers="; ".join(parts))
