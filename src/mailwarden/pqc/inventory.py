"""One inventory run: collect the assets (domains, files and messages, listeners), classify
them, plan the migration, and keep or show the result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..core.dns import Resolver
from ..core.findings import Finding
from .assets import Asset, AssetKind
from .classify import Classified, classify_all, is_post_quantum
from .plan import PlanStep, migration_plan

__all__ = ["Inventory", "Listener", "collect", "listener", "make_inventory"]


@dataclass(frozen=True)
class Listener:
    """A listener of ours to inventory: ``smtp://host:port`` (STARTTLS), ``smtps://`` or
    ``https://host[:port]`` (TLS from the first byte)."""

    scheme: str
    host: str
    port: int

    @property
    def label(self) -> str:
        return f"mailwarden {self.scheme}://{self.host}:{self.port}"


def listener(url: str) -> Listener:
    """Raises ValueError for anything but smtp://, smtps:// or https:// with a host."""
    parts = urlsplit(url if "://" in url else f"smtp://{url}")
    if parts.scheme not in ("smtp", "smtps", "https") or not parts.hostname:
        raise ValueError(url)
    default = {"smtp": 25, "smtps": 465, "https": 443}[parts.scheme]
    return Listener(parts.scheme, parts.hostname, parts.port or default)


@dataclass
class Inventory:
    assets: list[Asset]
    classified: list[Classified]
    plan: list[PlanStep]
    generated: datetime
    scope: dict[str, Any] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return [f for c in self.classified for f in c.findings]

    def summary(self) -> dict[str, Any]:
        sessions = [a for a in self.assets if a.kind is AssetKind.TLS_SESSION and not a.error]
        hybrid = sum(1 for a in sessions if is_post_quantum(a.group))
        return {
            "assets": len(self.assets),
            "by_kind": dict(Counter(a.kind.value for a in self.assets)),
            "by_exposure": dict(Counter(c.exposure for c in self.classified)),
            "vulnerable": sum(1 for c in self.classified if c.vulnerable),
            "tls_sessions": len(sessions),
            "hybrid_sessions": hybrid,
            "hybrid_share": round(hybrid / len(sessions), 4) if sessions else None,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "generated": self.generated.isoformat(),
            "scope": self.scope,
            "summary": self.summary(),
            "plan": [s.to_dict() for s in self.plan],
            "assets": [c.to_dict() for c in self.classified],
        }


def make_inventory(
    assets: list[Asset], *, now: datetime | None = None, scope: dict[str, Any] | None = None
) -> Inventory:
    now = now or datetime.now(UTC)
    classified = classify_all(assets, now=now)
    today: date = now.date()
    return Inventory(assets, classified, migration_plan(classified, today=today), now, scope or {})


async def collect(
    *,
    domains: Sequence[str] = (),
    selectors: Sequence[str] = (),
    smime: Sequence[Path] = (),
    openpgp: Sequence[Path] = (),
    mail: Sequence[Path] = (),
    listeners: Sequence[Listener] = (),
    resolver: Resolver | None = None,
    port: int = 25,
    timeout: float = 10.0,
) -> list[Asset]:
    """Every asset of the scope. Files and messages are read on a worker thread (CPU and disk);
    the network is asked concurrently."""
    import asyncio

    out: list[Asset] = []
    if domains:
        from .domains import inventory_domain

        assert resolver is not None, "a resolver is needed for domains"
        results = await asyncio.gather(
            *(
                inventory_domain(d, resolver=resolver, selectors=selectors, port=port, timeout=timeout)
                for d in domains
            )
        )
        for found in results:
            out.extend(found)
    for item in listeners:
        from .tls_probe import probe_starttls, probe_tls

        if item.scheme == "smtp":
            found = await probe_starttls(item.host, item.port, timeout=timeout)
        else:
            found = await probe_tls(item.host, item.port, timeout=timeout)
        for a in found:
            a.source = item.label
        out.extend(found)
    if smime or mail:
        from .smime import smime_assets

        out.extend(await asyncio.to_thread(smime_assets, [*smime, *mail]))
    if openpgp or mail:
        from .openpgp import openpgp_assets

        out.extend(await asyncio.to_thread(openpgp_assets, [*openpgp, *mail]))
    return out
