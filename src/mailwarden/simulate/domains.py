"""The organisation's domains: a domain is verified when the TXT record
``_mailwarden-verify.<domain>`` holds ``mailwarden-verify=<token>`` (the token made when the
domain was added). Only addresses in verified domains can be simulation targets."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..core.dns import Resolver
from ..core.i18n import gettext as _
from ..core.store import Store
from ..core.store.models import utcnow
from .models import SimDomain

PREFIX = "_mailwarden-verify"
VALUE = "mailwarden-verify="


@dataclass(frozen=True)
class DomainState:
    domain: str
    record_name: str
    record_value: str
    verified_at: datetime | None
    checked_at: datetime | None


@dataclass(frozen=True)
class Verification:
    domain: str
    verified: bool
    reason: str


def record_name(domain: str) -> str:
    return f"{PREFIX}.{domain}"


def _state(d: SimDomain) -> DomainState:
    return DomainState(d.domain, record_name(d.domain), VALUE + d.token, d.verified_at, d.checked_at)


def normalise(domain: str) -> str:
    return domain.strip().rstrip(".").lower()


def add_domain(domain: str, *, store: Store) -> DomainState:
    """The domain with its token (a new one only when the domain is new)."""
    domain = normalise(domain)
    with store.session(write=True) as s:
        row = s.get(SimDomain, domain)
        if row is None:
            row = SimDomain(domain=domain, token=secrets.token_urlsafe(24))
            s.add(row)
            s.flush()
        return _state(row)


def list_domains(*, store: Store) -> list[DomainState]:
    with store.session() as s:
        return [_state(d) for d in s.scalars(select(SimDomain).order_by(SimDomain.domain))]


def verified_domains(*, store: Store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(SimDomain.domain).where(SimDomain.verified_at.is_not(None))))


async def verify_domain(domain: str, *, store: Store, resolver: Resolver) -> Verification:
    """Look the token up; the domain stays verified only while the record is there."""
    domain = normalise(domain)
    with store.session() as s:
        row = s.get(SimDomain, domain)
        token = row.token if row is not None else None
    if token is None:
        return Verification(domain, False, _("domain not added; run 'campaign domain add' first"))
    ans = await resolver.query(record_name(domain), "TXT")
    if ans.temporary:
        return Verification(domain, False, _("DNS lookup failed: {reason}").format(reason=ans.reason))
    texts = [t.strip() for t in ans.text_records()]
    if VALUE + token in texts:
        ok, reason = True, _("token found")
    elif any(t.startswith(VALUE) for t in texts):
        ok, reason = False, _("a verification record exists but its token does not match")
    else:
        ok, reason = False, _("no TXT record {name} with the token").format(name=record_name(domain))
    with store.session(write=True) as s:
        row = s.get(SimDomain, domain)
        if row is not None:
            now = utcnow()
            row.checked_at = now
            if ok and row.verified_at is None:
                row.verified_at = now
            elif not ok:
                row.verified_at = None
    return Verification(domain, ok, reason)
