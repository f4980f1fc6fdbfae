"""SPF, DKIM, DMARC and ARC, as verified through DNS by the message analyser
(``analyze_online``: dkimpy for DKIM and ARC, the domain audit's ``check_host`` for SPF, the
published DMARC record) — never as an Authentication-Results header in the message claims —
and the alignment of each with the From domain (relaxed: same organisational domain,
RFC 7489 §3.1)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Any

from ...analyze.dkimrules import tags_of
from ...core.dns import Resolver
from ...core.message import ParsedMessage
from ...domain.dmarc import DmarcSyntaxError
from ...domain.dmarc import parse_record as parse_dmarc
from ...domain.orgdomain import registrable, same_organisation
from ...domain.spf.record import SpfSyntaxError, is_spf_record
from ...domain.spf.record import parse_record as parse_spf
from .report import SenderReport


@dataclass
class Signature:
    domain: str
    selector: str
    result: str
    reason: str
    aligned: bool
    #: the header names its h= tag covers, lower case
    signed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "selector": self.selector,
            "result": self.result,
            "reason": self.reason,
            "aligned": self.aligned,
            "signed_headers": self.signed,
        }


def signatures(msg: ParsedMessage, results: list[dict[str, Any]], from_domain: str) -> list[Signature]:
    """The analyser's DKIM results paired with the DKIM-Signature headers they came from (it
    verifies them in header order, at most five)."""
    headers = msg.header_all("dkim-signature")[:5]
    dkim = [r for r in results if r.get("method") == "dkim" and "header.d" in r]
    out = []
    for i, r in enumerate(dkim):
        tags = tags_of(headers[i]) if len(dkim) == len(headers) else {}
        d = str(r.get("header.d", ""))
        out.append(
            Signature(
                domain=d,
                selector=str(r.get("header.s", "")),
                result=str(r.get("result", "")),
                reason=str(r.get("reason", "")),
                aligned=bool(from_domain) and same_organisation(d, from_domain),
                signed=[h.strip().lower() for h in tags.get("h", "").split(":") if h.strip()],
            )
        )
    return out


def _result(results: list[dict[str, Any]], method: str) -> dict[str, Any] | None:
    return next((r for r in results if r.get("method") == method), None)


async def proposed_spf(domain: str, ip: str, *, resolver: Resolver) -> str | None:
    """The SPF record of ``domain`` with ``ip`` allowed (a new one when none is published),
    checked with the domain audit's parser; None when no valid record can be proposed."""
    mech = ("ip4:" if ipaddress.ip_address(ip).version == 4 else "ip6:") + ip
    ans = await resolver.query(domain, "TXT")
    current = next((t for t in ans.text_records() if is_spf_record(t)), None)
    if current is None:
        text = f"v=spf1 {mech} ~all"
    else:
        terms = current.split()
        last = terms[-1].lstrip("+-~?").lower() if len(terms) > 1 else ""
        terms.insert(len(terms) - 1 if last == "all" else len(terms), mech)
        text = " ".join(terms)
    try:
        parse_spf(text)
    except SpfSyntaxError:
        return None
    return f'{domain}. TXT "{text}"'


def proposed_dmarc(domain: str) -> str | None:
    org = registrable(domain)
    text = f"v=DMARC1; p=none; rua=mailto:dmarc-reports@{org}"
    try:
        parse_dmarc(text)
    except DmarcSyntaxError:
        return None
    return f'_dmarc.{org}. TXT "{text}"'


def _mail_domain(value: str) -> str:
    return value.rsplit("@", 1)[-1].strip("<> ").lower().rstrip(".")


async def check_auth(
    report: SenderReport,
    msg: ParsedMessage,
    results: list[dict[str, Any]],
    *,
    resolver: Resolver,
    client_ip: str | None,
) -> list[Signature]:
    """The authentication checks; the DKIM signatures (for the unsubscribe check)."""
    sender = msg.sender
    from_domain = sender.domain if sender else ""
    spf = _result(results, "spf")
    spf_domain = _mail_domain(str(spf.get("smtp.mailfrom", ""))) if spf else ""
    spf_pass = bool(spf and spf.get("result") == "pass")
    if spf is None or not client_ip:
        report.add("spf", "sender.no-client-ip", skipped=True)
        report.add("spf-alignment", "sender.no-client-ip", skipped=True)
    else:
        result = str(spf.get("result", ""))
        if spf_pass:
            report.add("spf", "sender.spf-pass", ip=client_ip, domain=spf_domain, result=result)
        elif result in ("temperror",):
            report.add("spf", "sender.spf-temperror", ip=client_ip, domain=spf_domain, result=result)
        else:
            fix = await proposed_spf(spf_domain, client_ip, resolver=resolver) if spf_domain else None
            report.add("spf", "sender.spf-fail", fix=fix, ip=client_ip, domain=spf_domain, result=result)
        if not spf_pass:
            report.add("spf-alignment", "sender.spf-not-passing")
        elif from_domain and same_organisation(spf_domain, from_domain):
            report.add("spf-alignment", "sender.spf-aligned", domain=spf_domain, from_domain=from_domain)
        else:
            report.add(
                "spf-alignment", "sender.spf-not-aligned", domain=spf_domain, from_domain=from_domain or "?"
            )

    sigs = signatures(msg, results, from_domain)
    passing = [s for s in sigs if s.result == "pass"]
    if not sigs:
        report.add("dkim", "sender.dkim-none")
    elif not passing:
        shown = "; ".join(f"d={s.domain} {s.result} ({s.reason or '-'})" for s in sigs)
        report.add("dkim", "sender.dkim-fail", results=shown)
    else:
        best = next((s for s in passing if s.aligned), passing[0])
        report.add("dkim", "sender.dkim-pass", domain=best.domain, selector=best.selector)
    aligned = [s for s in passing if s.aligned]
    if not passing:
        report.add("dkim-alignment", "sender.dkim-not-passing")
    elif aligned:
        report.add("dkim-alignment", "sender.dkim-aligned", domain=aligned[0].domain, from_domain=from_domain)
    else:
        report.add(
            "dkim-alignment",
            "sender.dkim-not-aligned",
            domains=", ".join(s.domain for s in passing),
            from_domain=from_domain or "?",
        )

    dmarc = _result(results, "dmarc")
    policy = str(dmarc.get("policy.published-domain-policy", "")) if dmarc else ""
    dmarc_result = str(dmarc.get("result", "none")) if dmarc else "none"
    domain = from_domain or "?"
    if dmarc_result == "pass":
        report.add("dmarc", "sender.dmarc-pass", domain=domain, policy=f"p={policy or '?'}")
    elif dmarc_result == "fail":
        report.add("dmarc", "sender.dmarc-fail", domain=domain)
    elif dmarc_result == "temperror":
        report.add("dmarc", "sender.dmarc-temperror", domain=domain)
    else:
        fix = proposed_dmarc(from_domain) if from_domain else None
        report.add("dmarc", "sender.dmarc-missing", fix=fix, domain=domain)
    if dmarc_result in ("pass", "fail") and policy == "none":
        report.add("dmarc-policy", "sender.dmarc-policy-none", domain=domain)
    elif dmarc_result in ("pass", "fail") and policy:
        report.add("dmarc-policy", "sender.dmarc-policy-ok", domain=domain, policy=f"p={policy}")
    else:
        report.add("dmarc-policy", "sender.dmarc-policy-unknown", skipped=True)

    arc = _result(results, "arc")
    if arc is not None:
        report.add("arc", "sender.arc-pass" if arc.get("result") == "pass" else "sender.arc-fail")

    report.authentication = {
        "source": "verified",
        "spf": (
            {
                "result": spf.get("result"),
                "domain": spf_domain,
                "aligned": spf_pass and bool(from_domain) and same_organisation(spf_domain, from_domain),
            }
            if spf
            else None
        ),
        "dkim": [s.to_dict() for s in sigs],
        "dmarc": {"result": dmarc_result, "policy": policy or None, "domain": from_domain},
        "arc": arc.get("result") if arc else None,
    }
    return sigs
