"""BIMI record syntax and DNSSEC status (informational)."""

from __future__ import annotations

from ..core.dns import Resolver
from ..core.txt import fetch_txt
from .model import CheckResult


async def audit_bimi(domain: str, *, resolver: Resolver, dmarc_policy: str | None) -> CheckResult:
    res = CheckResult("bimi")
    ans = await fetch_txt(resolver, f"default._bimi.{domain}", lambda t: t.lower().startswith("v=bimi1"))
    if ans.temporary:
        return res.undetermined("check.undetermined", domain, check="BIMI", reason=ans.reason)
    texts = ans.records
    if not texts:
        res.status = "absent"
        res.add("bimi.missing", domain)
        return res
    res.record = texts[0]
    fields = {
        k.strip().lower(): v.strip()
        for k, _, v in (p.partition("=") for p in texts[0].split(";") if p.strip())
    }
    logo = fields.get("l", "")
    authority = fields.get("a", "")
    if len(texts) > 1:
        reason = f"{len(texts)} records"
    elif logo and not logo.lower().startswith("https://"):
        reason = "l= must be an https URL"
    elif logo and not logo.lower().split("?")[0].endswith(".svg"):
        reason = "l= must point to an SVG Tiny PS file"
    elif authority and not authority.lower().startswith("https://"):
        reason = "a= must be an https URL"
    else:
        reason = ""
    if reason:
        res.status = "invalid"
        res.add("bimi.bad-record", domain, reason=reason)
        return res
    res.status = "present"
    res.data.update({"logo": logo, "authority": authority})
    if dmarc_policy not in ("quarantine", "reject"):
        res.add("bimi.needs-enforcement", domain)
    else:
        res.add("bimi.ok", domain, logo=logo or "-")
    return res


async def audit_dnssec(domain: str, *, resolver: Resolver) -> CheckResult:
    res = CheckResult("dnssec")
    ans = await resolver.query(domain, "DNSKEY")
    if ans.temporary:
        return res.undetermined("check.undetermined", domain, check="DNSSEC", reason=ans.reason)
    res.data["validated"] = ans.authenticated
    if ans.records:
        res.status = "present"
        res.add("dnssec.signed", domain)
    else:
        res.status = "absent"
        res.add("dnssec.unsigned", domain)
    return res
