"""SES domains through the domain audit, against NSD on loopback: Easy DKIM's CNAMEs answered
(or not), a custom MAIL FROM under the domain (or not), DMARC as published."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mailwarden.cloud import align
from mailwarden.cloud.model import Status
from mailwarden.cloud.ses import SesDomain
from mailwarden.core.dns import Resolver
from tests.support.dkimkeys import rsa_pair
from tests.support.nsd import NsdServer, Zone
from tests.support.timing import DNS_TIMEOUT

pytestmark = pytest.mark.dns

TOKENS = (
    "k7q2xw5pz3v4mj6rltc2a5ybh4nd7e3u",
    "p3fz6vke2mw7qtjx4b5nc9lhd8ryg2sa",
    "w4hn8cz5qyr7t2fvk6mdx3pbj9lsu5ge",
)
KEY = rsa_pair(2048)[1]


def _dkim(zone: Zone, domain: str) -> None:
    for t in TOKENS:
        zone.add(f"{t}._domainkey.{domain}.", "CNAME", f"{t}.dkim.amazonses.com.")


@pytest.fixture(scope="module")
def dns() -> Iterator[NsdServer]:
    aligned = Zone("aligned.test").add("_dmarc.aligned.test.", "TXT", '"v=DMARC1; p=reject"')
    _dkim(aligned, "aligned.test")
    aligned.add("bounce.aligned.test.", "MX", "10 feedback-smtp.ap-northeast-1.amazonses.com.")
    aligned.add("bounce.aligned.test.", "TXT", '"v=spf1 include:amazonses.com ~all"')
    # DKIM signing is on but the CNAMEs were never published; no custom MAIL FROM
    missing = Zone("missing.test").add("_dmarc.missing.test.", "TXT", '"v=DMARC1; p=none"')
    # SPF aligned through the custom MAIL FROM only
    spf_only = Zone("spf-only.test").add("_dmarc.spf-only.test.", "TXT", '"v=DMARC1; p=quarantine"')
    ses = Zone("amazonses.com")
    for t in TOKENS:
        chunks = " ".join(f'"{KEY[i : i + 200]}"' for i in range(0, len(KEY), 200))
        ses.add(f"{t}.dkim.amazonses.com.", "TXT", f'"v=DKIM1; k=rsa; p=" {chunks}')
    with NsdServer([aligned, missing, spf_only, ses]).start() as server:
        yield server


def _ident(domain: str, *, signing: bool = True, mail_from: str | None = None) -> SesDomain:
    return SesDomain(
        domain=domain,
        region="ap-northeast-1",
        verified=True,
        dkim_signing=signing,
        dkim_origin="AWS_SES",
        dkim_tokens=TOKENS,
        mail_from_domain=mail_from,
        mail_from_status="SUCCESS" if mail_from else None,
    )


def test_ses_domains_are_checked_through_the_domain_audit(dns: NsdServer) -> None:
    resolver = Resolver([dns.address], timeout=DNS_TIMEOUT, retries=1)
    identities = [
        _ident("aligned.test", mail_from="bounce.aligned.test"),
        _ident("missing.test"),
        _ident("spf-only.test", signing=False, mail_from="mail.spf-only.test"),
    ]
    domains, checks = align.check_domains(identities, resolver)
    by_name = {d.domain: d for d in domains}
    assert by_name["aligned.test"].dkim_aligned is True and by_name["aligned.test"].spf_aligned is True
    assert by_name["aligned.test"].dmarc_policy == "reject"
    assert by_name["missing.test"].dkim_aligned is False and by_name["missing.test"].spf_aligned is False
    assert by_name["spf-only.test"].dkim_aligned is False and by_name["spf-only.test"].spf_aligned is True
    assert by_name["spf-only.test"].dmarc_policy == "quarantine"
    result = {c.check: c for c in checks}
    unaligned = result["cloud.ses-domain-unaligned"]
    assert unaligned.status is Status.FAIL
    assert [f.subject for f in unaligned.findings] == ["missing.test"]
    assert unaligned.findings[0].params["policy"] == "none"
    unpublished = result["cloud.ses-dkim-not-published"]
    assert [f.subject for f in unpublished.findings] == ["missing.test"]
    assert "._domainkey.missing.test" in unpublished.findings[0].detail
    # the domain audit's own findings travel with each domain
    assert any(f.code.startswith("dmarc.") for f in by_name["missing.test"].findings)


def test_without_the_domain_checks_the_alignment_is_undetermined_not_passing() -> None:
    domains, checks = align.check_domains([_ident("aligned.test")], None, why_not="--no-domains")
    assert domains == []
    assert {c.status for c in checks} == {Status.UNDETERMINED}
    assert all("--no-domains" in c.undetermined[0] for c in checks)


def test_a_dns_server_that_does_not_answer_leaves_dkim_unknown(dns: NsdServer) -> None:
    from tests.support.nsd import free_port

    silent = Resolver([f"127.0.0.1:{free_port()}"], timeout=DNS_TIMEOUT, retries=0)
    domains, checks = align.check_domains([_ident("aligned.test")], silent)
    assert domains[0].dkim_aligned is None
    result = {c.check: c for c in checks}
    assert result["cloud.ses-dkim-not-published"].status is Status.UNDETERMINED
    assert result["cloud.ses-domain-unaligned"].status is Status.UNDETERMINED
