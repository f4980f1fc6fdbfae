"""Ties the SES account to the domain audit: for every verified SES domain identity, run
``domain check`` (with SES's DKIM selectors) and say whether mail SES sends for it can pass
DMARC — DKIM aligned through SES's signing, SPF aligned through a custom MAIL FROM."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from ..core.dns import Resolver
from ..domain.audit import AuditOptions, check_domain
from ..domain.model import DomainReport
from .model import CheckResult, DomainAlignment

#: the alignment checks (align.yaml); undetermined when the domain checks were not run
CHECKS = ("cloud.ses-domain-unaligned", "cloud.ses-dkim-not-published")

#: how many domains are checked at once
CONCURRENCY = 20


def _subdomain_of(name: str, domain: str) -> bool:
    name, domain = name.lower().rstrip("."), domain.lower().rstrip(".")
    return name == domain or name.endswith("." + domain)


def alignment(ident: Any, rep: DomainReport) -> DomainAlignment:
    """``ident`` is an ``ses.SesDomain``; ``rep`` its domain report."""
    dmarc = rep.checks.get("dmarc")
    dkim = rep.checks.get("dkim")
    policy = dmarc.data.get("applied_policy") if dmarc and dmarc.status == "present" else None
    aspf = (dmarc.data.get("tags") or {}).get("aspf", "r") if dmarc and dmarc.status == "present" else "r"
    published = None
    if dkim is not None and dkim.status != "undetermined":
        selectors = {t.lower() for t in ident.dkim_tokens}
        published = any(
            str(k.get("selector", "")).lower() in selectors and not k.get("revoked")
            for k in dkim.data.get("keys", [])
        )
    dkim_aligned = published if ident.dkim_signing else False
    spf_aligned = bool(
        ident.mail_from_domain
        and (ident.mail_from_status or "").upper() == "SUCCESS"
        and _subdomain_of(ident.mail_from_domain, ident.domain)
        and (aspf == "r" or ident.mail_from_domain.lower().rstrip(".") == ident.domain.lower())
    )
    return DomainAlignment(
        domain=ident.domain,
        region=ident.region,
        dkim_aligned=dkim_aligned,
        spf_aligned=spf_aligned,
        dmarc_policy=policy,
        grade=rep.grade,
        findings=rep.all_findings(),
    )


def check_domains(
    identities: Sequence[Any], resolver: Resolver | None, *, why_not: str = ""
) -> tuple[list[DomainAlignment], list[CheckResult]]:
    """The domain audit of every verified SES domain identity, and the alignment checks."""
    results = [CheckResult(code) for code in CHECKS]
    unaligned, unpublished = results
    wanted = [i for i in identities if i.verified]
    if resolver is None:
        for r in results:
            r.cannot(why_not or "domain checks not run")
        return [], results
    reports = asyncio.run(_reports(wanted, resolver))
    out: list[DomainAlignment] = []
    for ident, rep in zip(wanted, reports, strict=True):
        a = alignment(ident, rep)
        out.append(a)
        unaligned.checked += 1
        subject = ident.domain
        if a.dkim_aligned is None and not a.spf_aligned:
            unaligned.cannot(f"{ident.domain}: DKIM records could not be looked up")
        elif not a.dkim_aligned and not a.spf_aligned:
            unaligned.fail(
                subject,
                domain=ident.domain,
                region=ident.region,
                resource_type="Other",
                policy=a.dmarc_policy or "none",
            )
        if ident.dkim_signing:
            unpublished.checked += 1
            if a.dkim_aligned is None:
                unpublished.cannot(f"{ident.domain}: DKIM records could not be looked up")
            elif not a.dkim_aligned:
                unpublished.fail(
                    subject,
                    domain=ident.domain,
                    region=ident.region,
                    resource_type="Other",
                    selectors=", ".join(f"{t}._domainkey.{ident.domain}" for t in ident.dkim_tokens),
                )
    return out, results


async def _reports(identities: Sequence[Any], resolver: Resolver) -> list[DomainReport]:
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(ident: Any) -> DomainReport:
        async with gate:
            opts = AuditOptions(selectors=list(ident.dkim_tokens), probe_common_selectors=False)
            return await check_domain(ident.domain, resolver=resolver, options=opts)

    return list(await asyncio.gather(*(one(i) for i in identities)))
