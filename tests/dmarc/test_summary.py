"""Sender identification and `dmarc summary`, reverse DNS served by a real NSD."""

from __future__ import annotations

import pytest

from mailwarden.core.dns import Resolver
from mailwarden.dmarc.analysis import summarise
from mailwarden.dmarc.ingest import Ingestor
from mailwarden.dmarc.senders import catalogue
from tests.support.nsd import NsdServer, Zone

RECORD = """<record><row><source_ip>{ip}</source_ip><count>{count}</count><policy_evaluated>
<disposition>none</disposition><dkim>{pdkim}</dkim><spf>{pspf}</spf>{reason}</policy_evaluated></row>
<identifiers><header_from>example.jp</header_from><envelope_from>{env}</envelope_from></identifiers>
<auth_results>{dkim}<spf><domain>{env}</domain><result>{spf}</result></spf></auth_results></record>"""


def rec(ip, count, pdkim, pspf, env, dkim_d=None, dkim="pass", spf="pass", reason=""):
    d = f"<dkim><domain>{dkim_d}</domain><result>{dkim}</result></dkim>" if dkim_d else ""
    r = f"<reason><type>{reason}</type></reason>" if reason else ""
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
    with NsdServer([z]) as nsd:
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


async def test_summary_with_reverse_dns(loaded, ptr_dns):
    resolver = Resolver([ptr_dns.address], timeout=1.0)
    data = await summarise(loaded, "example.jp", resolver=resolver)
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
