"""A domain's mail cryptography: its DKIM keys (the domain audit's selector probe) and the
STARTTLS handshake of every address of every MX host; and the same for a list of domains (a
survey: concurrent, rows in input order as JSON Lines, resumable)."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from ..core.dns import Resolver
from ..domain.dkim import audit_dkim
from .assets import Asset, AssetKind, Usage
from .classify import is_post_quantum
from .tls_probe import probe_starttls

__all__ = ["SurveyStats", "inventory_domain", "survey"]

MAX_HOSTS = 10  # the most MX hosts looked at per domain (the domain audit's limit)
MAX_ADDRESSES = 4  # per host


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
                fingerprint=hashlib.sha256(name.encode()).hexdigest(),
                details={"domain": domain, "selector": k["selector"], "testing": bool(k.get("testing"))},
            )
        )
    return out


async def _mx_assets(domain: str, resolver: Resolver, port: int, timeout: float) -> list[Asset]:
    ans = await resolver.query(domain, "MX")
    if ans.temporary:
        return [_failed(domain, domain, f"MX lookup failed: {ans.reason}")]
    hosts = [(p, h) for p, h in sorted(ans.mx()) if h not in ("", ".")][:MAX_HOSTS]

    async def host_assets(pref: int, host: str) -> list[Asset]:
        a, aaaa = await asyncio.gather(resolver.query(host, "A"), resolver.query(host, "AAAA"))
        addresses = (a.addresses() + aaaa.addresses())[:MAX_ADDRESSES]
        if not addresses:
            return [_failed(domain, f"{host}:{port}", f"no address for {host}")]
        found: list[Asset] = []
        for result in await asyncio.gather(
            *(probe_starttls(host, port, address=addr, timeout=timeout) for addr in addresses)
        ):
            found.extend(result)
        for asset, addr in zip(
            (x for x in found if x.kind is AssetKind.TLS_SESSION), addresses, strict=False
        ):
            asset.details["address"] = addr
        for asset in found:
            asset.details.update(domain=domain, mx_preference=pref)
            if len(addresses) > 1 and asset.kind is AssetKind.TLS_SESSION:
                asset.name = f"{host}:{port} [{asset.details.get('address')}]"
        return found

    out: list[Asset] = []
    for result in await asyncio.gather(*(host_assets(p, h) for p, h in hosts)):
        out.extend(result)
    return out


def _failed(domain: str, name: str, error: str) -> Asset:
    return Asset(
        AssetKind.TLS_SESSION, name, name, "", (Usage.KEY_EXCHANGE,), error=error, details={"domain": domain}
    )


async def inventory_domain(
    domain: str, *, resolver: Resolver, selectors: Sequence[str] = (), port: int = 25, timeout: float = 10.0
) -> list[Asset]:
    """DKIM keys and MX TLS sessions (and certificates) of ``domain``."""
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
    domains: Sequence[str],
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
    ``out`` strictly in input order. ``done`` (resume): rows of domains already surveyed,
    counted but not surveyed or written again."""
    stats = SurveyStats()
    done = done or {}
    sem = asyncio.Semaphore(max(1, concurrency))

    async def one(name: str) -> dict[str, Any]:
        async with sem:
            try:
                assets = await inventory_domain(
                    name, resolver=resolver, selectors=selectors, port=port, timeout=timeout
                )
            except Exception as exc:  # one domain's bug must not end a survey of thousands
                return {"domain": name, "error": f"internal error: {type(exc).__name__}: {exc}", "assets": []}
        return {"domain": name, "assets": [a.to_dict() for a in assets]}

    window: asyncio.Queue[asyncio.Task[dict[str, Any]] | dict[str, Any] | None] = asyncio.Queue(
        maxsize=max(2, concurrency * 2)
    )

    async def producer() -> None:
        for name in domains:
            await window.put(done[name] if name in done else asyncio.create_task(one(name)))
        await window.put(None)

    prod = asyncio.create_task(producer())
    try:
        while (item := await window.get()) is not None:
            if isinstance(item, dict):
                stats.resumed += 1
                stats.add(item)
                continue
            row = await item
            stats.add(row)
            if out is not None:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            if on_row is not None and (r := on_row(row)) is not None:
                await r
    finally:
        prod.cancel()
    if out is not None:
        out.flush()
    return stats
