"""The domain audit against real peers: NSD, an HTTPS server with a test CA, aiosmtpd."""

from __future__ import annotations

import asyncio
import ssl

import pytest

from mailwarden.core.dns import Resolver
from mailwarden.domain.audit import AuditOptions, check_domain
from tests.support.timing import DNS_TIMEOUT

pytestmark = [pytest.mark.dns, pytest.mark.https]


def codes(rep):
    return {f.code for f in rep.all_findings()}


@pytest.fixture
def resolver(audit_dns):
    return Resolver([audit_dns.address], timeout=DNS_TIMEOUT, retries=1)


@pytest.fixture
def opts(sts_https, ca_file):
    return AuditOptions(https_port=sts_https.port, ca_file=ca_file, report_to="rua@example.test")


async def test_good_domain_gets_an_a(resolver, opts):
    opts.selectors = ["brand"]
    rep = await check_domain("good.test", resolver=resolver, options=opts)
    found = codes(rep)
    assert {
        "spf.ok",
        "dmarc.ok",
        "dkim.ok",
        "mx.ok",
        "mta-sts.ok",
        "tlsrpt.ok",
        "bimi.ok",
        "dnssec.signed",
    } <= found
    assert rep.grade == "A", [f.code for f in rep.all_findings() if f.definition.penalty]
    keys = {k["selector"]: k for k in rep.checks["dkim"].data["keys"]}
    assert keys["google"]["bits"] == 2048 and keys["brand"]["algorithm"] == "ed25519"
    assert rep.checks["spf"].data["lookups"] == 1
    assert rep.checks["mx"].data["hosts"][0]["addresses"][0]["fcrdns"] is True
    assert rep.checks["mta-sts"].data["mode"] == "enforce"
    assert [r["status"] for r in rep.readiness[:3]] == ["met", "met", "met"]


async def test_bad_domain_findings_and_fixes(resolver, opts):
    rep = await check_domain("bad.test", resolver=resolver, options=opts)
    found = codes(rep)
    expected = {
        "spf.plus-all",
        "spf.ptr",
        "spf.too-many-void-lookups",
        "dmarc.policy-none",
        "dmarc.removed-tag",
        "dmarc.external-unauthorized",
        "dkim.key-weak",
        "dkim.key-too-short",
        "mx.is-cname",
        "mx.no-address",
        "mta-sts.missing",
        "tlsrpt.missing",
    }
    assert expected <= found, expected - found
    assert rep.grade in ("D", "F")
    spf_fix = next(f.fix for f in rep.all_findings() if f.code == "spf.plus-all")
    # +all states no sender list: one is inferred from the MX, ending '~all'; the void a: terms
    # authorised nothing and are gone, and 'ptr' matched no host of bad.test
    assert spf_fix == 'bad.test. TXT "v=spf1 mx ~all"'
    assert "spf.proposal-inferred" in found
    removed = {f.params["tag"] for f in rep.all_findings() if f.code == "dmarc.removed-tag"}
    assert removed == {"pct", "ri"}
    unauth = {
        f.params["target"]: f.fix for f in rep.all_findings() if f.code == "dmarc.external-unauthorized"
    }
    assert unauth["collector.test"] == 'bad.test._report._dmarc.collector.test. TXT "v=DMARC1"'
    # the proposed record sends reports to the configured address: its authorisation goes with it
    assert unauth["example.test"] == 'bad.test._report._dmarc.example.test. TXT "v=DMARC1"'
    # next DMARCbis step from p=none is quarantine in testing mode (t=y and its RFC 7489 twin
    # pct=0), the record's ri= kept, the unauthorised collector.test address left out
    none = next(f for f in rep.all_findings() if f.code == "dmarc.policy-none")
    assert none.fix == (
        '_dmarc.bad.test. TXT "v=DMARC1; p=quarantine; t=y; pct=0; ri=3600; rua=mailto:rua@example.test"'
    )


async def test_missing_everything_suggests_first_records(resolver, opts):
    rep = await check_domain("empty.test", resolver=resolver, options=opts)
    found = codes(rep)
    assert {"spf.missing", "dmarc.missing", "dkim.no-domainkey-zone", "mx.missing"} <= found
    fixes = {f["code"]: f["record"] for f in rep.fixes}
    assert fixes["dmarc.missing"] == '_dmarc.empty.test. TXT "v=DMARC1; p=none; rua=mailto:rua@example.test"'
    assert fixes["spf.missing"] == 'empty.test. TXT "v=spf1 -all"'
    assert rep.grade in ("D", "F")


async def test_authorised_external_reports_and_null_mx(resolver, opts):
    rep = await check_domain("shop.test", resolver=resolver, options=opts)
    found = codes(rep)
    assert {"dmarc.external-authorized", "dmarc.testing", "mx.null", "spf.softfail-all"} <= found
    assert "dmarc.external-unauthorized" not in found
    # A null MX domain receives no mail: MTA-STS and TLS-RPT do not apply.
    assert not found & {"mta-sts.missing", "tlsrpt.missing"}
    # p=quarantine; t=y → next stage is p=quarantine without t=y
    assert (
        rep.checks["dmarc"].data["plan"][0]["record"]
        == "v=DMARC1; p=quarantine; rua=mailto:agg@collector.test"
    )


@pytest.mark.parametrize(
    ("domain", "code"),
    [
        ("heavy.test", "spf.too-many-lookups"),
        ("loop.test", "spf.loop"),
        ("broken.test", "spf.syntax-error"),
        ("missinginc.test", "spf.include-missing"),
        ("twospf.test", "spf.multiple-records"),
        ("noall.test", "spf.no-all"),
        ("long.test", "spf.record-too-long"),
        ("dmarcbad.test", "dmarc.syntax-error"),
        ("dmarcodd.test", "dmarc.unknown-tag"),
        ("dmarcodd.test", "dmarc.alignment-strict"),
        ("dmarctypo.test", "dmarc.invalid-value"),
    ],
)
async def test_specific_findings(resolver, opts, domain, code):
    rep = await check_domain(domain, resolver=resolver, options=opts)
    assert code in codes(rep)


async def test_spf_lookup_tree_counts_each_include(resolver, opts):
    rep = await check_domain("heavy.test", resolver=resolver, options=opts)
    spf = rep.checks["spf"]
    assert spf.data["lookups"] == 11
    assert [t["lookups"] for t in spf.data["tree"]["terms"]][:11] == [1] * 11
    f = next(f for f in spf.findings if f.code == "spf.too-many-lookups")
    assert f.params["count"] == 11


async def test_syntax_error_reports_position(resolver, opts):
    rep = await check_domain("broken.test", resolver=resolver, options=opts)
    f = next(f for f in rep.all_findings() if f.code == "spf.syntax-error")
    assert f.params["term"] == "foo:bar"
    assert f.params["position"] == len("v=spf1 include:nospf.test ") + 1


async def test_mta_sts_testing_and_uncovered_mx_and_bimi(resolver, opts):
    rep = await check_domain("sts.test", resolver=resolver, options=opts)
    found = codes(rep)
    assert {"mta-sts.testing", "mta-sts.mx-not-covered", "mta-sts.short-max-age", "bimi.bad-record"} <= found


async def test_mta_sts_redirect_not_followed(resolver, opts):
    rep = await check_domain("redirect.test", resolver=resolver, options=opts)
    f = next(f for f in rep.all_findings() if f.code == "mta-sts.policy-unavailable")
    assert "302" in f.params["reason"]


async def test_mta_sts_untrusted_certificate(resolver, sts_https):
    # Without the test CA the policy server's certificate is not trusted.
    rep = await check_domain("good.test", resolver=resolver, options=AuditOptions(https_port=sts_https.port))
    f = next(f for f in rep.all_findings() if f.code == "mta-sts.policy-unavailable")
    assert "certificate" in f.params["reason"]


async def test_dmarc_inherited_from_parent(resolver, opts):
    rep = await check_domain("mail.dept.org.test", resolver=resolver, options=opts)
    dmarc = rep.checks["dmarc"]
    assert dmarc.data["policy_domain"] == "org.test"
    assert dmarc.data["applied_policy"] == "quarantine"
    assert "dmarc.inherited" in codes(rep)
    assert dmarc.data["queried"][:3] == [
        "_dmarc.mail.dept.org.test",
        "_dmarc.dept.org.test",
        "_dmarc.org.test",
    ]


async def test_idn_checked_as_a_label_shown_as_u_label(resolver, opts):
    rep = await check_domain("例え.test", resolver=resolver, options=opts)
    assert rep.domain == "xn--r8jz45g.test"
    assert rep.display_name == "例え.test"
    assert rep.checks["spf"].status == "present"
    assert rep.checks["dmarc"].data["policy"] == "reject"


@pytest.mark.parametrize(
    "name", ["a" * 64 + ".test", ".".join(["abcdefghij"] * 26), "bad..name.test", "", "exa mple.test"]
)
async def test_invalid_names_are_a_finding(resolver, name):
    rep = await check_domain(name, resolver=resolver)
    assert rep.error
    assert codes(rep) == {"domain.invalid-name"}


async def test_nxdomain(resolver):
    rep = await check_domain("does-not-exist.test", resolver=resolver)
    assert codes(rep) == {"domain.not-found"}


async def test_timeouts_are_undetermined_not_missing():
    # A port where nothing answers: every question times out.
    from tests.support.nsd import free_port

    with __import__("socket").socket(__import__("socket").AF_INET, __import__("socket").SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", free_port()))
        port = s.getsockname()[1]
        r = Resolver([f"127.0.0.1:{port}"], timeout=DNS_TIMEOUT, retries=0)
        rep = await check_domain("good.test", resolver=r, options=AuditOptions(probe_common_selectors=False))
    found = codes(rep)
    assert {
        "spf.undetermined",
        "dmarc.undetermined",
        "mx.undetermined",
        "dkim.undetermined",
        "check.undetermined",
    } <= found
    assert not found & {
        "spf.missing",
        "dmarc.missing",
        "mx.missing",
        "dkim.none-found",
        "mta-sts.missing",
        "tlsrpt.missing",
        "bimi.missing",
        "dnssec.unsigned",
    }
    assert sum(f.code == "dkim.undetermined" for f in rep.all_findings()) == 1
    unknown = {f.params["check"] for f in rep.all_findings() if f.code == "check.undetermined"}
    assert unknown == {"MTA-STS", "TLS-RPT", "BIMI", "DNSSEC"}
    assert rep.grade == "?"


async def test_smtp_starttls_probe(audit_dns, test_ca, ca_file):
    from aiosmtpd.controller import Controller

    from tests.support.nsd import free_port

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    cert = test_ca.issue_cert("mx1.good.test")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    port = free_port()
    ctl = Controller(Sink(), hostname="127.0.0.1", port=port, tls_context=ctx)
    ctl.start()
    try:
        r = Resolver([audit_dns.address], timeout=DNS_TIMEOUT)
        opts = AuditOptions(smtp=True, smtp_port=port, ca_file=ca_file, probe_common_selectors=False)
        rep = await check_domain("good.test", resolver=r, options=opts)
        smtp = rep.checks["smtp"]
        assert "smtp.ok" in {f.code for f in smtp.findings}, smtp.data
        assert smtp.data["hosts"][0]["tls_version"] in ("TLSv1.2", "TLSv1.3")
        # Same server, but the name it is reached by (alias.bad.test → mx1) is not in the cert
        rep2 = await check_domain("bad.test", resolver=r, options=opts)
        assert "smtp.bad-certificate" in {f.code for f in rep2.checks["smtp"].findings}
    finally:
        ctl.stop()


async def test_smtp_without_starttls(audit_dns):
    from aiosmtpd.controller import Controller

    from tests.support.nsd import free_port

    class Sink:
        pass

    port = free_port()
    ctl = Controller(Sink(), hostname="127.0.0.1", port=port)
    ctl.start()
    try:
        r = Resolver([audit_dns.address], timeout=DNS_TIMEOUT)
        rep = await check_domain(
            "good.test",
            resolver=r,
            options=AuditOptions(smtp=True, smtp_port=port, probe_common_selectors=False),
        )
        assert "smtp.no-starttls" in {f.code for f in rep.checks["smtp"].findings}
    finally:
        ctl.stop()
    await asyncio.sleep(0)


async def test_survey_survives_a_crashing_domain(resolver, monkeypatch):
    from mailwarden.domain import survey as survey_mod

    real = survey_mod.check_domain

    async def flaky(name, **kw):
        if name == "bad.test":
            raise RuntimeError("boom")
        return await real(name, **kw)

    monkeypatch.setattr(survey_mod, "check_domain", flaky)
    rows = []
    stats = await survey_mod.run_survey(
        ["good.test", "bad.test", "shop.test"], resolver=resolver, on_row=rows.append
    )
    assert [r["input"] for r in rows] == ["good.test", "bad.test", "shop.test"]
    assert rows[1]["error"] == "internal error: RuntimeError: boom"
    assert stats.errors == 1 and stats.checked == 2


async def test_refused_is_undetermined():
    # An NSD that is not authoritative for example.org answers REFUSED: not "missing".
    from tests.support.nsd import NsdServer, Zone

    with NsdServer([Zone("only.test").add("@", "TXT", '"x"')]) as nsd:
        r = Resolver([nsd.address], timeout=DNS_TIMEOUT, retries=0)
        rep = await check_domain(
            "example.org", resolver=r, options=AuditOptions(probe_common_selectors=False)
        )
    found = codes(rep)
    assert {"spf.undetermined", "dmarc.undetermined", "mx.undetermined"} <= found
    assert not found & {"spf.missing", "dmarc.missing", "mx.missing", "domain.not-found"}


async def test_mx_ip_target_and_reverse_dns(resolver, opts):
    rep = await check_domain("ipmx.test", resolver=resolver, options=opts)
    found = codes(rep)
    assert {"mx.is-ip", "mx.no-ptr", "mx.ptr-mismatch"} <= found
    mismatch = next(f for f in rep.all_findings() if f.code == "mx.ptr-mismatch")
    assert mismatch.params == {
        "domain": "ipmx.test",
        "host": "mx2.ipmx.test",
        "ip": "127.0.0.3",
        "ptr": "elsewhere.ipmx.test",
    }


async def test_bad_dkim_records(resolver):
    rep = await check_domain(
        "dkimodd.test",
        resolver=resolver,
        options=AuditOptions(selectors=["bad", "gone", "sha1", "test"], probe_common_selectors=False),
    )
    found = {(f.code, f.params.get("selector")) for f in rep.all_findings()}
    assert {
        ("dkim.bad-key", "bad"),
        ("dkim.revoked", "gone"),
        ("dkim.sha1-only", "sha1"),
        ("dkim.testing", "test"),
    } <= found


async def test_cname_loop_and_huge_txt_at_domain_level(resolver, opts):
    loop = await check_domain("cloop.test", resolver=resolver, options=opts)
    f = next(f for f in loop.all_findings() if f.code == "spf.undetermined")
    assert f.params["reason"] == "CNAME loop"
    huge = await check_domain("huge.test", resolver=resolver, options=opts)
    assert huge.checks["spf"].status == "present" and huge.checks["spf"].record == "v=spf1 -all"


async def test_a_misspelt_policy_is_a_syntax_finding_and_read_as_none(resolver, opts):
    rep = await check_domain("dmarctypo.test", resolver=resolver, options=opts)
    found = [f for f in rep.all_findings() if f.code == "dmarc.invalid-value"]
    assert found and found[0].params["value"] == "rejectt" and found[0].params["tag"] == "p"
    assert rep.checks["dmarc"].data["policy"] == "none"
    assert "dmarc.policy-none" in codes(rep)
