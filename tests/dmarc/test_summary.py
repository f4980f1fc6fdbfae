"""Sender identification and `dmarc summary`, reverse DNS served by a real NSD."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from mailwarden.core.dns import Resolver
from mailwarden.dmarc.analysis import summarise
from mailwarden.dmarc.ingest import Ingestor
from mailwarden.dmarc.result import DmarcSummary
from mailwarden.dmarc.senders import catalogue
from tests.support.nsd import NsdServer, Zone
from tests.support.timing import DNS_TIMEOUT

pytestmark = pytest.mark.dns

RECORD = """<record><row><source_ip>{ip}</source_ip><count>{count}</count><policy_evaluated>
<disposition>none</disposition><dkim>{pdkim}</dkim><spf>{pspf}</spf>{reason}</policy_evaluated></row>
<identifiers><header_from>example.jp</header_from><envelope_from>{env}</envelope_from></identifiers>
<auth_results>{dkim}<spf><domain>{env}</domain><result>{spf}</result></spf></auth_results></record>"""


def rec(
    ip, count, pdkim, pspf, env, dkim_d=None, dkim="pass", spf="pass", reason="", selector="", comment=""
):
    sel = f"<selector>{selector}</selector>" if selector else ""
    d = f"<dkim><domain>{dkim_d}</domain>{sel}<result>{dkim}</result></dkim>" if dkim_d else ""
    c = f"<comment>{comment}</comment>" if comment else ""
    r = f"<reason><type>{reason}</type>{c}</reason>" if reason else ""
    return RECORD.format(ip=ip, count=count, pdkim=pdkim, pspf=pspf, env=env, dkim=d, spf=spf, reason=r)


def report(records: str, rid: str, begin: int) -> bytes:
    return f"""<feedback><report_metadata><org_name>google.com</org_name><email>n@google.com</email>
<report_id>{rid}</report_id><date_range><begin>{begin}</begin><end>{begin + 86399}</end></date_range>
</report_metadata><policy_published><domain>example.jp</domain><p>none</p></policy_published>{records}
</feedback>""".encode()


@pytest.fixture(scope="module")
def ptr_dns():
    z = Zone("in-addr.arpa")
    z.add("1.2.0.192.in-addr.arpa", "PTR", "mail-sor-f41.google.com.")
    z.add("2.2.0.192.in-addr.arpa", "PTR", "o1.ptr1234.sendgrid.net.")
    z.add("3.2.0.192.in-addr.arpa", "PTR", "a8-1.smtp-out.amazonses.com.")
    z.add("4.2.0.192.in-addr.arpa", "PTR", "forward.icloud.com.")
    # origin AS in Team Cymru's format (the default MAILWARDEN_ASN_ZONE names), served locally
    asn = Zone("asn.cymru.com")
    asn.add("1.2.0.192.origin.asn.cymru.com", "TXT", '"15169 | 192.0.2.0/24 | US | arin | 2010-01-01"')
    asn.add("7.113.0.203.origin.asn.cymru.com", "TXT", '"11377 | 203.0.113.0/24 | US | arin | 2010-01-01"')
    asn.add(
        "8.113.0.203.origin.asn.cymru.com", "TXT", '"64500 64501 | 203.0.113.0/24 | JP | apnic | 2010-01-01"'
    )
    v6 = ".".join(reversed("20010db8000000000000000000000025"))
    asn.add(f"{v6}.origin6.asn.cymru.com", "TXT", '"8075 | 2001:db8::/32 | US | arin | 2010-01-01"')
    with NsdServer([z, asn]) as nsd:
        yield nsd


@pytest.fixture
def loaded(store):
    day = 1_760_000_000 // 86400 * 86400
    records = (
        rec("192.0.2.1", 100, "pass", "pass", "example.jp", dkim_d="example.jp")  # own Google Workspace
        + rec("192.0.2.2", 40, "fail", "fail", "em1234.sendgrid.net", dkim_d="sendgrid.net", spf="pass")
        + rec("192.0.2.3", 30, "fail", "fail", "amazonses.com", spf="pass")
        + rec("192.0.2.4", 5, "fail", "fail", "example.jp", dkim_d="example.jp", dkim="fail", spf="fail")
        + rec("198.51.100.9", 7, "fail", "fail", "phish.example", spf="fail")
    )
    outs = list(Ingestor(store).ingest_bytes("r1", report(records, "r1", day)))
    assert outs[0].status == "stored"
    later = rec("192.0.2.1", 50, "pass", "pass", "example.jp", dkim_d="example.jp")
    list(Ingestor(store).ingest_bytes("r2", report(later, "r2", day + 86400)))
    return store


def test_catalogue_identifies_by_dkim_envelope_and_ptr():
    cat = catalogue()
    assert cat.identify(ptr=None, dkim_domains=["s1.sendgrid.net"], envelope_from="")[0].id == "sendgrid"
    assert cat.identify(ptr=None, dkim_domains=[], envelope_from="bounce.amazonses.com")[0].id == "amazon-ses"
    assert cat.identify(ptr="o1.mcsv.net", dkim_domains=[], envelope_from="")[0].id == "mailchimp"
    assert cat.identify(ptr="mx.blastengine.jp", dkim_domains=[], envelope_from="")[0].id == "blastengine"
    assert cat.identify(ptr="host.unknown.example", dkim_domains=["x.example"], envelope_from="")[0] is None


def test_only_distinctive_selectors_on_the_own_domain_name_a_service():
    cat = catalogue()

    def by_selector(sel, d="example.jp"):
        svc, _ = cat.identify(
            ptr=None, dkim_domains=[], envelope_from="", selectors=[(d, sel)], own=lambda x: x == "example.jp"
        )
        return svc.id if svc else None

    assert by_selector("selector2") == "microsoft-365"
    assert by_selector("20230601103624pm") == "postmark"
    assert by_selector("hs1-1234567") == "hubspot"
    assert by_selector("s1") is None and by_selector("k2") is None  # everyone's names
    assert by_selector("selector1", d="other.example") is None  # not the organisation's domain


async def test_summary_with_reverse_dns(loaded, ptr_dns):
    resolver = Resolver([ptr_dns.address], timeout=DNS_TIMEOUT)
    data = await summarise(loaded, "example.jp", resolver=resolver)
    TypeAdapter(DmarcSummary).validate_python(data)  # exactly its published type
    totals = data["totals"]
    assert totals["messages"] == 232
    assert totals["dmarc_pass_rate"] == round(150 / 232, 4)
    by_ip = {r["source_ip"]: r for r in data["sources"]}
    assert by_ip["192.0.2.1"]["classification"] == "aligned"
    assert by_ip["192.0.2.1"]["ptr"] == "mail-sor-f41.google.com"
    sg = by_ip["192.0.2.2"]
    assert (sg["service"], sg["classification"]) == ("SendGrid", "legitimate-not-aligned")
    assert "Enable custom DKIM with d=example.jp at SendGrid (Domain Authentication)." in sg["fixes"]
    ses = by_ip["192.0.2.3"]
    assert ses["service"] == "Amazon SES"
    assert any("custom MAIL FROM" in f for f in ses["fixes"])
    assert by_ip["192.0.2.4"]["classification"] == "forwarded"
    assert by_ip["198.51.100.9"]["classification"] == "unknown"
    assert [d["messages"] for d in data["over_time"]] == [182, 50]
    services = {s["service"]: s for s in data["by_service"]}
    assert services["Google Workspace"]["classification"] == "aligned"


async def test_summary_offline_and_since(loaded):
    data = await summarise(loaded, "example.jp", resolver=None, since=1_760_000_000 // 86400 * 86400 + 86400)
    assert data["reverse_dns"] is False and data["totals"]["messages"] == 50
    assert all(r["ptr"] is None for r in data["sources"])


async def test_selector_then_origin_as_name_the_remaining_sources(store, ptr_dns):
    records = (
        # named by PTR: its origin AS is never asked
        rec("192.0.2.1", 10, "fail", "fail", "example.jp", dkim_d="example.jp", dkim="fail", spf="fail")
        # the organisation's own d= with Microsoft 365's selector
        + rec(
            "192.0.2.5",
            20,
            "fail",
            "fail",
            "example.jp",
            dkim_d="example.jp",
            dkim="fail",
            selector="selector1",
        )
        # the same selector on someone else's domain is no evidence
        + rec("192.0.2.6", 3, "fail", "fail", "other.example", dkim_d="other.example", selector="selector1")
        # nothing but the network: SendGrid's AS names it, it does not vouch for it
        + rec("203.0.113.7", 4, "fail", "fail", "random.example", spf="fail")
        + rec("203.0.113.8", 2, "fail", "fail", "random.example", spf="fail")
        + rec("2001:db8::25", 6, "fail", "fail", "random.example", spf="fail")
    )
    assert (
        next(iter(Ingestor(store).ingest_bytes("sel", report(records, "sel", 1_760_000_000)))).status
        == "stored"
    )
    data = await summarise(store, "example.jp", resolver=Resolver([ptr_dns.address], timeout=DNS_TIMEOUT))
    by_ip = {r["source_ip"]: r for r in data["sources"]}
    assert (by_ip["192.0.2.1"]["service"], by_ip["192.0.2.1"]["asn"]) == ("Google Workspace", None)
    ms = by_ip["192.0.2.5"]
    assert (ms["service"], ms["classification"]) == ("Microsoft 365", "legitimate-not-aligned")
    assert ms["evidence"] == "dkim s=selector1 d=example.jp"
    assert any("Microsoft Defender" in f for f in ms["fixes"])
    assert by_ip["192.0.2.6"]["service"] is None
    sg = by_ip["203.0.113.7"]
    assert (sg["asn"], sg["service"], sg["evidence"]) == (11377, "SendGrid", "origin AS11377")
    assert sg["classification"] == "unknown" and sg["fixes"] == []
    assert (by_ip["203.0.113.8"]["asn"], by_ip["203.0.113.8"]["service"]) == (64500, None)
    assert (by_ip["2001:db8::25"]["asn"], by_ip["2001:db8::25"]["service"]) == (8075, "Microsoft 365")


async def test_offline_summary_asks_no_origin_as(loaded):
    data = await summarise(loaded, "example.jp", resolver=None)
    assert all(r["asn"] is None for r in data["sources"])


def test_origin_answers_are_parsed_strictly():
    from mailwarden.dmarc.senders import asn_question, parse_origin

    assert parse_origin("15169 | 8.8.8.0/24 | US | arin | 2023-12-28") == 15169
    assert parse_origin("64500 64501 | 203.0.113.0/24") == 64500
    assert parse_origin("NA | garbage") is None and parse_origin("") is None
    assert parse_origin("１２３ | full-width digits") is None
    assert asn_question("192.0.2.1") == "1.2.0.192.origin.asn.cymru.com"
    assert asn_question("2001:db8::1").endswith(".8.b.d.0.1.0.0.2.origin6.asn.cymru.com")


async def test_a_trusted_arc_chain_reads_as_forwarded(store):
    records = rec(
        "203.0.113.40",
        9,
        "fail",
        "fail",
        "list.example",
        reason="local_policy",
        comment="arc=pass as.1.google.com=pass",
    ) + rec("203.0.113.41", 4, "fail", "fail", "list.example", reason="local_policy", comment="arc=fail")
    list(Ingestor(store).ingest_bytes("arc", report(records, "arc", 1_760_000_000)))
    data = await summarise(store, "example.jp", resolver=None)
    by_ip = {r["source_ip"]: r["classification"] for r in data["sources"]}
    assert by_ip == {"203.0.113.40": "forwarded", "203.0.113.41": "unknown"}
