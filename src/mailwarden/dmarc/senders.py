"""Who is behind a source: services recognised by DKIM d=, envelope-from, PTR base domain,
the DKIM selector on the organisation's own domain and, as a last resort, the origin AS.

The data lives in ``services.yaml`` beside this module; ``MAILWARDEN_SERVICES_FILE`` adds
or replaces entries. Reverse DNS and origin-AS lookups go through the DNS seam: async,
cached and concurrent. The origin AS comes from a DNS zone in Team Cymru's IP-to-ASN
format (``MAILWARDEN_ASN_ZONE``), asked only for sources nothing else names.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..core.dns import Resolver
from ..domain.orgdomain import registrable

SERVICES_FILE = Path(__file__).with_name("services.yaml")
ASN_EVIDENCE = "origin"
DEFAULT_ASN_ZONES = ("origin.asn.cymru.com", "origin6.asn.cymru.com")


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    ptr: tuple[str, ...] = ()
    dkim: tuple[str, ...] = ()
    envelope: tuple[str, ...] = ()
    #: DKIM selectors (regular expressions, whole match) the service uses on a customer's domain
    selectors: tuple[re.Pattern[str], ...] = ()
    #: autonomous systems that send only this service's mail: the weakest evidence
    asn: tuple[int, ...] = ()
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
        self,
        *,
        ptr: str | None,
        dkim_domains: Iterable[str],
        envelope_from: str,
        selectors: Iterable[tuple[str, str]] = (),
        own: Callable[[str], bool] = lambda _d: False,
        asn: int | None = None,
    ) -> tuple[Service | None, str]:
        """(service, evidence), strongest sign first: DKIM d=, envelope-from, PTR, a selector
        on the organisation's own domain (``own``), then the origin AS."""
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
        for d, sel in selectors:
            if not sel or not own(d):
                continue
            for svc in self.services.values():
                if any(pat.fullmatch(sel.lower()) for pat in svc.selectors):
                    return svc, f"dkim s={sel} d={d}"
        if asn is not None:
            for svc in self.services.values():
                if asn in svc.asn:
                    return svc, f"{ASN_EVIDENCE} AS{asn}"
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
            selectors=tuple(re.compile(str(x), re.IGNORECASE) for x in entry.get("selectors", [])),
            asn=tuple(int(x) for x in entry.get("asn", [])),
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


def asn_question(ip: str, zones: tuple[str, str] = DEFAULT_ASN_ZONES) -> str:
    """The TXT name that holds the origin AS of ``ip``: reversed octets (IPv4) or nibbles (IPv6)."""
    addr = ipaddress.ip_address(ip)
    if addr.version == 4:
        return ".".join(reversed(str(addr).split("."))) + "." + zones[0]
    nibbles = addr.exploded.replace(":", "")
    return ".".join(reversed(nibbles)) + "." + zones[1]


def parse_origin(text: str) -> int | None:
    """First AS number of an answer like ``15169 | 8.8.8.0/24 | US | arin | 2023-12-28``."""
    first = text.split("|", 1)[0].split()
    if first and first[0].isascii() and first[0].isdigit() and len(first[0]) <= 10:
        return int(first[0])
    return None


async def origin_asns(
    ips: Iterable[str], *, resolver: Resolver, zones: tuple[str, str] = DEFAULT_ASN_ZONES
) -> dict[str, int | None]:
    """Origin AS of each address, concurrently; None where the zone has no answer."""
    unique = list(dict.fromkeys(ips))

    async def one(ip: str) -> tuple[str, int | None]:
        ans = await resolver.query(asn_question(ip, zones), "TXT")
        for text in ans.text_records():
            asn = parse_origin(text)
            if asn is not None:
                return ip, asn
        return ip, None

    return dict(await asyncio.gather(*(one(ip) for ip in unique)))
