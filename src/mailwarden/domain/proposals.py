"""Vet a proposed record the way a published one is audited, before anyone is shown it.

Users copy what mailwarden proposes into their zone, so a proposal the auditor itself would
flag (a syntax error, more than 10 lookups, '+all', p=none where enforcement is meant, an
unauthorised report address…) is a bug. The audits call the per-standard vets
(:func:`.spf.audit.vet_spf`, :func:`.dmarc.vet_dmarc`) on each record they propose and show
only those that pass; this module is the one entry point for other callers and the tests.
"""

from __future__ import annotations

import re
from typing import Literal

from ..core.dns import Resolver
from ..core.findings import Finding
from .dmarc import vet_dmarc
from .spf.audit import vet_spf

RecordKind = Literal["spf", "dmarc"]


async def vet(
    record_kind: RecordKind,
    domain: str,
    text: str,
    resolver: Resolver,
    *,
    report_to: str | None = None,
    policy: str | None = None,
) -> list[Finding]:
    """The findings of warning severity or worse that auditing ``text`` as the ``record_kind``
    record of ``domain`` raises; empty for a sound proposal.

    For DMARC, ``policy`` is the p= the proposal means to set (default: the one it states,
    which is then only checked not to be p=none), ``report_to`` the configured report address.
    """
    if record_kind == "spf":
        return await vet_spf(domain, text, resolver)
    if policy is None:
        stated = [
            p.split("=", 1)[1].strip().lower() for p in text.split(";") if p.strip().lower().startswith("p=")
        ]
        policy = stated[0] if stated and stated[0] != "none" else "quarantine"
    return await vet_dmarc(
        domain, text, resolver, report_to=report_to or f"dmarc-reports@{domain}", policy=policy
    )


def record_text(fix: str) -> str:
    """The record inside a proposed zone line ``name. TXT "record"`` (its strings joined)."""
    return "".join(re.findall(r'"([^"]*)"', fix.split(" TXT ", 1)[1]))
