"""``check_domain``: run every check for one domain and build its report."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core.dns import Resolver, Status, to_ascii_name, to_unicode_name
from ..core.errors import InvalidDomainError
from ..core.findings import Finding
from .dkim import audit_dkim
from .dmarc import audit_dmarc
from .extras import audit_bimi, audit_dnssec
from .grade import grade
from .model import DomainReport
from .mtasts import audit_mta_sts, audit_tlsrpt
from .mx import audit_mx
from .readiness import checklist
from .smtp import audit_smtp
from .spf.audit import audit_spf


@dataclass
class AuditOptions:
    selectors: list[str] = field(default_factory=list)
    probe_common_selectors: bool = True
    report_to: str | None = None
    smtp: bool = False
    smtp_port: int = 25
    smtp_timeout: float = 5.0
    https_port: int = 443
    ca_file: Path | None = None
    #: Skip the HTTPS policy fetch (surveys): the TXT record is still checked.
    fetch_mta_sts: bool = True


async def check_domain(name: str, *, resolver: Resolver, options: AuditOptions | None = None) -> DomainReport:
    opts = options or AuditOptions()
    started = time.perf_counter()
    try:
        domain = to_ascii_name(name, strict=True)
    except InvalidDomainError as exc:
        rep = DomainReport(domain=name.strip(), display_name=name.strip(), error=str(exc))
        rep.findings.append(
            Finding(
                "domain.invalid-name",
                subject=name.strip(),
                params={"domain": name.strip(), "reason": str(exc)},
            )
        )
        rep.score, rep.grade = 0, "F"
        return rep
    rep = DomainReport(domain=domain, display_name=to_unicode_name(domain))
    mx, dmarc, dkim, dnssec = await asyncio.gather(
        audit_mx(domain, resolver=resolver),
        audit_dmarc(domain, resolver=resolver, report_to=opts.report_to),
        audit_dkim(
            domain, resolver=resolver, selectors=opts.selectors, probe_common=opts.probe_common_selectors
        ),
        audit_dnssec(domain, resolver=resolver),
    )
    # NXDOMAIN for MX means the name does not exist (RFC 8020); SOA confirms it, and is
    # only asked then, so a survey does not pay for it on every domain.
    if mx.data.get("nxdomain") and (await resolver.query(domain, "SOA")).status is Status.NXDOMAIN:
        rep.findings.append(Finding("domain.not-found", subject=domain, params={"domain": domain}))
        rep.error = "NXDOMAIN"
        rep.score, rep.grade = 0, "F"
        rep.duration_ms = int((time.perf_counter() - started) * 1000)
        return rep
    hosts = [h["host"] for h in mx.data.get("hosts", [])]
    # A null MX (RFC 7505) says the domain receives no mail: MTA-STS and TLS-RPT, which
    # protect incoming mail, are then not missing, just not applicable.
    receives_mail = not mx.data.get("null_mx")
    spf_task = audit_spf(domain, resolver=resolver, has_mx=bool(hosts))
    bimi_task = audit_bimi(domain, resolver=resolver, dmarc_policy=dmarc.data.get("applied_policy"))
    extra = [
        audit_mta_sts(
            domain,
            resolver=resolver,
            mx_hosts=hosts,
            port=opts.https_port,
            ca_file=opts.ca_file,
            fetch_policy=opts.fetch_mta_sts,
            receives_mail=receives_mail,
        ),
        audit_tlsrpt(domain, resolver=resolver, report_to=opts.report_to, receives_mail=receives_mail),
    ]
    if opts.smtp and hosts:
        extra.append(
            audit_smtp(
                domain,
                resolver=resolver,
                mx_hosts=hosts,
                port=opts.smtp_port,
                timeout=opts.smtp_timeout,
                ca_file=opts.ca_file,
            )
        )
    spf, bimi, mta_sts, tlsrpt, *rest = await asyncio.gather(spf_task, bimi_task, *extra)
    for check in (spf, dmarc, dkim, mx, mta_sts, *rest, tlsrpt, bimi, dnssec):
        rep.checks[check.name] = check
    rep.readiness = checklist(rep.checks)
    met = sum(1 for r in rep.readiness if r["status"] == "met")
    visible = sum(1 for r in rep.readiness if r["status"] != "not-visible")
    rep.findings.append(
        Finding("readiness.summary", subject=domain, params={"domain": domain, "met": met, "total": visible})
    )
    rep.score, rep.grade = grade(rep.all_findings())
    if any(c.status == "undetermined" for c in (spf, dmarc, mx)):
        rep.grade = "?"
    seen: set[str] = set()
    for f in rep.all_findings():
        if f.fix and f.fix not in seen:
            seen.add(f.fix)
            rep.fixes.append({"code": f.code, "record": f.fix})
    rep.duration_ms = int((time.perf_counter() - started) * 1000)
    return rep
