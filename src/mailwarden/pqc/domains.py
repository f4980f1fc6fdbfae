"""A domain's mail cryptography: its DKIM keys (the domain audit's selector probe) and the
STARTTLS handshake of every address of every MX host; and the same for a list of domains (a
survey: concurrent, rows in input order as JSON Lines, resumable — the domain survey's
machinery)."""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from ..core.dns import Resolver, Status
from ..domain.dkim import audit_dkim
from ..domain.mx import MAX_ADDRESSES_PER_HOST, MAX_HOSTS
from ..domain.survey import emit_in_order
from .assets import Asset, AssetKind, Usage
from .classify import is_post_quantum
from .tls_probe import probe_starttls

__all__ = ["SurveyStats", "inventory_domain", "survey"]


def _dkim_assets(domain: str, keys: list[dict[str, Any]]) -> list[Asset]:
    out = []
    for k in keys:
        if k.get("revoked"):
            continue
        name = f"{k['selector']}._domainkey.{domain}"
        ed = k.get("algorithm") == "ed25519"
        out.append(
            Asset(
                AssetKind.DKIM_KEY,
                domain,
                name,
                "Ed25519" if ed else "RSA",
                (Usage.SIGNATURE,),
                key_size=None if ed else int(k.get("bits") or 0) or None,
                curve="Ed25519" if ed else "",
                # the key's own hash: the same key published under two selectors is one key
                fingerprint=k.get("key_sha256") or hashlib.sha256(name.encode()).hexdigest(),
                details={"domain": domain, "selector": k["selector"], "testing": bool(k.get("testing"))},
            )
        )
    return out


def _failed(domain: str, name: str, error: str, **details: Any) -> Asset:
    return Asset(
        AssetKind.TLS_SESSION,
        name,
        name,
        "unknown",
        (Usage.KEY_EXCHANGE,),
        fingerprint=hashlib.sha256(f"{AssetKind.TLS_SESSION.value}\0{name}\0{name}".encode()).hexdigest(),
        error=error,
        details={"domain": domain, **details},
    )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


async def _mx_hosts(domain: str, resolver: Resolver) -> tuple[list[tuple[int, str]], str]:
    """(preference, host) best first, or an error. No MX at all: the domain itself, the
    implicit MX of RFC 5321 §5.1; a null MX (RFC 7505) accepts no mail, so has no hosts."""
    ans = await resolver.query(domain, "MX")
    if ans.temporary:
        return [], f"MX lookup failed: {ans.reason}"
    if ans.status is Status.NXDOMAIN:
        return [], "the domain does not exist"
    records = sorted(ans.mx())
    if not records:
        return [(0, domain)], ""
    return [(p, h.rstrip(".")) for p, h in records if h not in ("", ".")][:MAX_HOSTS], ""


async def _mx_assets(domain: str, resolver: Resolver, port: int, timeout: float) -> list[Asset]:
    hosts, error = await _mx_hosts(domain, resolver)
    if error:
        return [_failed(domain, domain, error)]

    async def host_assets(pref: int, host: str) -> list[Asset]:
        label = f"{host}:{port}"
        if _is_ip(host):  # RFC 7505 forbids it, but some publish it: probe the literal
            addresses = [host.strip("[]")]
        else:
            a, aaaa = await asyncio.gather(resolver.query(host, "A"), resolver.query(host, "AAAA"))
            addresses = (a.addresses() + aaaa.addresses())[:MAX_ADDRESSES_PER_HOST]
            if not addresses:
                reason = a.reason if a.temporary else aaaa.reason if aaaa.temporary else ""
                error = f"address lookup failed: {reason}" if reason else f"no address for {host}"
                return [_failed(domain, label, error, host=host, mx_preference=pref)]

        async def one(addr: str) -> list[Asset]:
            found = await probe_starttls(host, port, address=addr, timeout=timeout)
            for asset in found:
                asset.details.update(domain=domain, mx_preference=pref, address=addr)
                if len(addresses) > 1 and asset.kind is AssetKind.TLS_SESSION:
                    asset.name = f"{label} [{addr}]"
            return found

        return [a for found in await asyncio.gather(*(one(addr) for addr in addresses)) for a in found]

    per_host = await asyncio.gather(*(host_assets(p, h) for p, h in hosts))
    return [a for found in per_host for a in found]


async def inventory_domain(
    domain: str, *, resolver: Resolver, selectors: Sequence[str] = (), port: int = 25, timeout: float = 10.0
) -> list[Asset]:
    """DKIM keys (``selectors`` and the domain audit's common ones) and the STARTTLS session
    and certificate of each address of each MX host of ``domain``."""
    domain = domain.strip().rstrip(".").lower()
    dkim, mx = await asyncio.gather(
        audit_dkim(domain, resolver=resolver, selectors=list(selectors)),
        _mx_assets(domain, resolver, port, timeout),
    )
    return _dkim_assets(domain, list(dkim.data.get("keys", []))) + mx


@dataclass
class SurveyStats:
    domains: int = 0
    resumed: int = 0
    mx_sessions: int = 0
    hybrid: int = 0
    failed: int = 0
    dkim_keys: int = 0

    def add(self, row: dict[str, Any]) -> None:
        self.domains += 1
        for a in row.get("assets", []):
            if a["kind"] == AssetKind.TLS_SESSION.value:
                if a.get("error"):
                    self.failed += 1
                else:
                    self.mx_sessions += 1
                    self.hybrid += is_post_quantum(a.get("group", ""))
            elif a["kind"] == AssetKind.DKIM_KEY.value:
                self.dkim_keys += 1

    @property
    def hybrid_share(self) -> float | None:
        """Of the MX handshakes made, the share that negotiated a hybrid (ML-KEM) group."""
        return self.hybrid / self.mx_sessions if self.mx_sessions else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "domains": self.domains,
            "resumed": self.resumed,
            "mx_sessions": self.mx_sessions,
            "hybrid_sessions": self.hybrid,
            "hybrid_share": round(self.hybrid_share, 4) if self.hybrid_share is not None else None,
            "handshakes_failed": self.failed,
            "dkim_keys": self.dkim_keys,
        }


async def survey(
    domains: Iterable[str],
    *,
    resolver: Resolver,
    selectors: Sequence[str] = (),
    port: int = 25,
    timeout: float = 10.0,
    concurrency: int = 100,
    out: TextIO | None = None,
    done: dict[str, dict[str, Any]] | None = None,
    on_row: Callable[[dict[str, Any]], Awaitable[None] | None] | None = None,
) -> SurveyStats:
    """Inventory each domain; one row per domain (``{"domain", "assets": [...]}``) written to
    ``out`` strictly in input order. ``done`` (resume: the rows of an earlier run's output,
    see ``domain.survey.load_existing``): counted, not surveyed or written again."""
    stats = SurveyStats()

    async def one(_i: int, name: str) -> dict[str, Any]:
        try:
            assets = await inventory_domain(
                name, resolver=resolver, selectors=selectors, port=port, timeout=timeout
            )
        except Exception as exc:  # one domain's bug must not end a survey of thousands
            return {"domain": name, "error": f"internal error: {type(exc).__name__}: {exc}", "assets": []}
        return {"domain": name, "assets": [a.to_dict() for a in assets]}

    def count(row: dict[str, Any], resumed: bool) -> None:
        stats.resumed += resumed
        stats.add(row)

    await emit_in_order(domains, one, count=count, concurrency=concurrency, out=out, done=done, on_row=on_row)
    return stats
