"""How the message arrived: TLS (known only when the test inbox received it), the client
address's reverse name (PTR) and whether that name resolves back to it (forward-confirmed
reverse DNS) — both of which Gmail and Yahoo require of bulk senders."""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from ...core.dns import Resolver
from .report import SenderReport

#: words of names that ISPs give residential and dynamic addresses
_GENERIC_WORDS = re.compile(
    r"(?:^|[.-])(?:dyn|dynamic|dhcp|dsl|adsl|pool|cable|ppp|pppoe|client|broadband|customer|host|static|ip)"
    r"(?:[.-]|\d|$)",
    re.I,
)
MAX_NAMES = 3


def generic_name(name: str, ip: str) -> bool:
    """A PTR name that embeds the address (ip-1-2-3-4, 4.3.2.1.dsl…) or a dynamic-pool word."""
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    if addr.version == 4:
        octets = str(addr).split(".")
        digits = re.findall(r"\d+", name)
        joined = "-".join(digits)
        if "-".join(octets) in joined or "-".join(reversed(octets)) in joined:
            return True
        if f"{int(addr):d}" in digits or f"{int(addr):x}" in name.lower():
            return True
    return bool(_GENERIC_WORDS.search(name.split(".", 1)[0]))


def check_tls(report: SenderReport, tls: dict[str, Any] | None) -> None:
    if tls is None:
        report.add("tls", "sender.tls-unknown", skipped=True)
    elif tls.get("used"):
        report.add(
            "tls", "sender.tls-used", version=tls.get("version") or "?", cipher=tls.get("cipher") or "?"
        )
    else:
        report.add("tls", "sender.tls-not-used")


async def check_network(report: SenderReport, client_ip: str | None, *, resolver: Resolver) -> None:
    try:
        ip = str(ipaddress.ip_address(client_ip)) if client_ip else None
    except ValueError:
        ip = None
    if ip is None:
        report.add("ptr", "sender.no-client-ip", skipped=True)
        report.add("fcrdns", "sender.no-client-ip", skipped=True)
        return
    names = [n.rstrip(".") for n in (await resolver.ptr(ip)).targets()][:MAX_NAMES]
    if not names:
        report.add("ptr", "sender.ptr-missing", ip=ip)
        report.add("fcrdns", "sender.fcrdns-unchecked", skipped=True)
        return
    if generic_name(names[0], ip):
        report.add("ptr", "sender.ptr-generic", ip=ip, name=names[0])
    else:
        report.add("ptr", "sender.ptr-ok", ip=ip, name=names[0])
    rdtype = "A" if ipaddress.ip_address(ip).version == 4 else "AAAA"
    for name in names:
        found = {str(ipaddress.ip_address(a)) for a in (await resolver.query(name, rdtype)).addresses()}
        if ip in found:
            report.add("fcrdns", "sender.fcrdns-ok", ip=ip, name=name)
            return
    report.add(
        "fcrdns",
        "sender.fcrdns-fail",
        fix=f"{names[0]}. {rdtype} {ip}",
        ip=ip,
        name=names[0],
        names=", ".join(names),
    )
