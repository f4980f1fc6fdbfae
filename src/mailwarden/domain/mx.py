"""MX records: none, null MX (RFC 7505), CNAME or IP targets, addresses, forward-confirmed rDNS."""

from __future__ import annotations

import asyncio
import ipaddress
from typing import Any

from ..core.dns import Resolver, Status
from .model import CheckResult

MAX_HOSTS = 10
MAX_ADDRESSES_PER_HOST = 4


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


async def _host_info(domain: str, host: str, resolver: Resolver, res: CheckResult) -> dict[str, Any]:
    info: dict[str, Any] = {"host": host, "addresses": []}
    if _is_ip(host):
        res.add("mx.is-ip", domain, host=host)
        return info
    a, aaaa = await asyncio.gather(resolver.query(host, "A"), resolver.query(host, "AAAA"))
    if a.cnames or aaaa.cnames:
        target = (a.cnames or aaaa.cnames)[-1]
        res.add("mx.is-cname", domain, host=host, target=target)
    addrs = (a.addresses() + aaaa.addresses())[:MAX_ADDRESSES_PER_HOST]
    if not addrs:
        if a.temporary or aaaa.temporary:
            info["undetermined"] = True
        else:
            res.add("mx.no-address", domain, host=host)
        return info

    async def check_ptr(ip: str) -> dict[str, Any]:
        ptr = await resolver.ptr(ip)
        entry: dict[str, Any] = {"ip": ip, "ptr": None, "fcrdns": False}
        if ptr.temporary:
            entry["undetermined"] = True
            return entry
        if not ptr.records:
            res.add("mx.no-ptr", domain, host=host, ip=ip)
            return entry
        name = ptr.targets()[0]
        entry["ptr"] = name
        fwd = await resolver.query(name, "AAAA" if ":" in ip else "A")
        entry["fcrdns"] = ip in fwd.addresses()
        if not entry["fcrdns"] and not fwd.temporary:
            res.add("mx.ptr-mismatch", domain, host=host, ip=ip, ptr=name)
        return entry

    info["addresses"] = list(await asyncio.gather(*(check_ptr(ip) for ip in addrs)))
    return info


async def audit_mx(domain: str, *, resolver: Resolver) -> CheckResult:
    res = CheckResult("mx")
    ans = await resolver.query(domain, "MX")
    if ans.temporary:
        return res.undetermined("mx.undetermined", domain, reason=ans.reason)
    if ans.status is Status.NXDOMAIN:
        res.status = "absent"
        res.data["nxdomain"] = True
        return res
    if not ans.records:
        res.status = "absent"
        res.add("mx.missing", domain, fix=f"{domain}. MX 0 .")
        return res
    mxs = sorted(ans.mx(), key=lambda x: x[0])
    null = [m for m in mxs if m[1] in ("", ".")]
    res.data["mx"] = [{"preference": p, "host": h or "."} for p, h in mxs]
    if null:
        res.status = "present"
        res.data["null_mx"] = True
        if len(mxs) > 1:
            res.add("mx.null-mixed", domain)
        else:
            res.add("mx.null", domain)
        return res
    res.status = "present"
    hosts = [h for _, h in mxs][:MAX_HOSTS]
    res.data["hosts"] = list(await asyncio.gather(*(_host_info(domain, h, resolver, res) for h in hosts)))
    if not any(f.severity.rank >= 3 for f in res.findings):
        res.add("mx.ok", domain, count=len(mxs))
    return res
