"""The migration plan: the classified assets grouped by their next step, most urgent first,
each step with a date to finish by.

Dates: what is weak now, by today; hybrid key exchange on the MTAs within a year (mail in
transit is recorded today); post-quantum encryption keys within two years and before 2030;
signing keys, certificates and DKIM before NIST deprecates 112-bit strength (end of 2030) when
any of theirs is 112-bit, else before everything RSA/ECC is disallowed (end of 2035)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..core.i18n import N_
from ..core.i18n import gettext as _
from .classify import STEPS, Classified

__all__ = ["PlanStep", "migration_plan"]

TITLES = {
    "fix-now": N_("Fix what is weak today"),
    "tls-hybrid": N_("Hybrid post-quantum key exchange on the mail servers"),
    "smime-mlkem": N_("Post-quantum S/MIME encryption (ML-KEM)"),
    "openpgp-mlkem": N_("Post-quantum OpenPGP encryption subkeys (ML-KEM)"),
    "smime-mldsa": N_("Post-quantum S/MIME signatures (ML-DSA)"),
    "openpgp-mldsa": N_("Post-quantum OpenPGP signing keys (ML-DSA)"),
    "cert-renew": N_("Certificates renewed automatically, ready for ML-DSA"),
    "dkim-dual": N_("DKIM: Ed25519 beside RSA, yearly rotation"),
    "check": N_("Inventory what could not be read"),
}
WHY = {
    "fix-now": N_("Broken or too weak without any quantum computer."),
    "tls-hybrid": N_("Mail recorded in transit today can be decrypted later (harvest now, decrypt later)."),
    "smime-mlkem": N_("Encrypted mail kept in mailboxes and archives can be decrypted later."),
    "openpgp-mlkem": N_("Encrypted mail kept in mailboxes and archives can be decrypted later."),
    "smime-mldsa": N_("Signatures become forgeable once RSA and elliptic curves fall."),
    "openpgp-mldsa": N_("Signatures become forgeable once RSA and elliptic curves fall."),
    "cert-renew": N_("Certificate signatures become forgeable once RSA and elliptic curves fall."),
    "dkim-dual": N_("A DKIM key recovered from DNS would let anyone sign mail as the domain."),
    "check": N_("The inventory is incomplete until these are read."),
}
ORDER = ("fix-now", "tls-hybrid", "smime-mlkem", "openpgp-mlkem", "smime-mldsa", "openpgp-mldsa",
         "cert-renew", "dkim-dual", "check")  # fmt: skip


@dataclass
class PlanStep:
    step: str
    due: date
    assets: list[str] = field(default_factory=list)

    @property
    def priority(self) -> int:
        return ORDER.index(self.step) + 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "priority": self.priority,
            "title": _(TITLES[self.step]),
            "why": _(WHY[self.step]),
            "how": _(STEPS[self.step]),
            "due": self.due.isoformat(),
            "count": len(self.assets),
            "assets": self.assets,
        }


def _due(step: str, items: list[Classified], today: date) -> date:
    if step in ("fix-now", "check"):
        return today
    if step == "tls-hybrid":
        return today + timedelta(days=365)
    if step in ("smime-mlkem", "openpgp-mlkem"):
        return min(today + timedelta(days=730), date(2029, 12, 31))
    years = [c.deprecated_after for c in items if c.deprecated_after]
    return date(min(years) if years else 2035, 12, 31)


def migration_plan(classified: list[Classified], *, today: date) -> list[PlanStep]:
    """The steps that have assets, in ORDER; each lists its assets' names once."""
    groups: dict[str, list[Classified]] = {}
    for c in classified:
        if c.step != "none":
            groups.setdefault(c.step, []).append(c)
    steps = []
    for step in ORDER:
        items = groups.get(step)
        if not items:
            continue
        names = list(dict.fromkeys(c.asset.name or c.asset.source for c in items))
        steps.append(PlanStep(step, _due(step, items, today), names))
    return steps
