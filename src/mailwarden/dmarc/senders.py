"""Who is behind a source: services recognised by DKIM d=, envelope-from and PTR base domain.

The data lives in ``services.yaml`` beside this module; ``MAILWARDEN_SERVICES_FILE`` adds
or replaces entries. Reverse DNS goes through the DNS seam: async, cached and concurrent.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..core.dns import Resolver
from ..domain.orgdomain import registrable

SERVICES_FILE = Path(__file__).with_name("services.yaml")


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    ptr: tuple[str, ...] = ()
    dkim: tuple[str, ...] = ()
    envelope: tuple[str, ...] = ()
    fix_dkim: str = ""
    fix_spf: str = ""


@dataclass
class Catalogue:
    services: dict[str, Service] = field(default_factory=dict)
    forwarders: frozenset[str] = frozenset()

    def _match(self, domain: str, attr: str) -> Service | None:
        d = domain.lower().rstrip(".")
        for svc in self.services.values():
            for suffix in getattr(svc, attr):
                if d == suffix or d.endswith("." + suffix):
                    return svc
        return None

    def identify(
        self, *, ptr: str | None, dkim_domains: Iterable[str], envelope_from: str
    ) -> tuple[Service | None, str]:
        """(service, evidence). DKIM d= is the strongest sign, then envelope-from, then PTR."""
        for d in dkim_domains:
            svc = self._match(d, "dkim")
            if svc:
                return svc, f"dkim d={d}"
        if envelope_from:
            svc = self._match(envelope_from, "envelope")
            if svc:
                return svc, f"envelope-from {envelope_from}"
        if ptr:
            svc = self._match(ptr, "ptr")
            if svc:
                return svc, f"ptr {ptr}"
        return None, ""

    def is_forwarder(self, ptr: str | None) -> bool:
        return bool(ptr) and registrable(ptr or "") in self.forwarders


def _load(path: Path, into: Catalogue) -> None:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for entry in data.get("services", []):
        svc = Service(
            id=str(entry["id"]),
            name=str(entry.get("name", entry["id"])),
            ptr=tuple(entry.get("ptr", [])),
            dkim=tuple(entry.get("dkim", [])),
            envelope=tuple(entry.get("envelope", [])),
            fix_dkim=str(entry.get("fix_dkim", "")),
            fix_spf=str(entry.get("fix_spf", "")),
        )
        into.services[svc.id] = svc
    into.forwarders = into.forwarders | frozenset(data.get("forwarders", []))


@cache
def catalogue() -> Catalogue:
    cat = Catalogue()
    _load(SERVICES_FILE, cat)
    extra = os.environ.get("MAILWARDEN_SERVICES_FILE")
    if extra:
        _load(Path(extra), cat)
    return cat


async def reverse_names(ips: Iterable[str], *, resolver: Resolver) -> dict[str, str | None]:
    """PTR name of each address (first one), concurrently; None where there is none."""
    unique = list(dict.fromkeys(ips))

    async def one(ip: str) -> tuple[str, str | None]:
        ans = await resolver.ptr(ip)
        names = ans.targets()
        return ip, (names[0] if names else None)

    return dict(await asyncio.gather(*(one(ip) for ip in unique)))
