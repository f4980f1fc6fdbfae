"""`dmarc advise` against the audit NSD (live policy) and the MTA-STS HTTPS peer."""

from __future__ import annotations

import json
import time

from mailwarden.core.dns import Resolver
from mailwarden.dmarc.advise import advise
from mailwarden.dmarc.ingest import Ingestor
from tests.dmarc.test_summary import rec, report
from tests.support.timing import DNS_TIMEOUT

DAY = 86400


def feed(store, domain: str, records: str, days_ago: int, rid: str) -> None:
    begin = (int(time.time()) - days_ago * DAY) // DAY * DAY
    doc = report(records, rid, begin).replace(
        b"<domain>example.jp</domain><p>none</p>", f"<domain>{domain}</domain><p>quarantine</p>".encode()
    )
    outs = list(Ingestor(store).ingest_bytes(rid, doc))
    assert outs[0].status == "stored", outs


def aligned(n: int = 1000) -> str:
    return rec("192.0.2.1", n, "pass", "pass", "shop.test", dkim_d="shop.test")


async def test_ready_domain_gets_a_dated_plan(store, audit_dns):
    feed(store, "shop.test", aligned(), 20, "a")
    feed(store, "shop.test", aligned() + rec("203.0.113.5", 1, "fail", "fail", "bad.example"), 2, "b")
    r = Resolver([audit_dns.address], timeout=DNS_TIMEOUT)
    data = await advise(store, "shop.test", resolver=r)
    assert data["live_policy"]["policy"] == "quarantine" and data["testing"] is True
    assert data["ready"], data["criteria"]
    assert data["simulation"]["reject"]["messages_affected"] == 1
    assert data["simulation"]["reject"]["legitimate_messages_affected"] == 0
    # p=quarantine; t=y → p=quarantine → p=reject; t=y → p=reject, two weeks apart
    stages = [s["stage"] for s in data["plan"]]
    assert stages == ["quarantine", "reject-testing", "reject"]
    assert (
        data["plan"][0]["record"]
        == '_dmarc.shop.test. TXT "v=DMARC1; p=quarantine; rua=mailto:agg@collector.test"'
    )
    dates = [s["date"] for s in data["plan"]]
    assert all(dates) and dates == sorted(dates)
    assert "RFC 7489" in data["note"]


async def test_legitimate_failing_source_blocks_the_plan(store, audit_dns):
    feed(store, "shop.test", aligned(), 20, "c")
    feed(
        store,
        "shop.test",
        aligned()
        + rec("192.0.2.2", 300, "fail", "fail", "em1.sendgrid.net", dkim_d="sendgrid.net", spf="pass"),
        3,
        "d",
    )
    data = await advise(store, "shop.test", resolver=Resolver([audit_dns.address], timeout=DNS_TIMEOUT))
    assert not data["ready"]
    failed = {c["id"] for c in data["criteria"] if not c["met"]}
    assert failed == {"legitimate-pass", "no-unfixed-sources"}
    assert data["blocking_sources"][0]["service"] == "SendGrid"
    assert data["simulation"]["quarantine"]["legitimate_messages_affected"] == 300
    assert all(step["date"] is None for step in data["plan"])


async def test_offline_uses_the_reported_policy(store):
    feed(store, "shop.test", aligned(), 1, "e")
    data = await advise(store, "shop.test", resolver=None)
    assert data["live_policy"] is None and data["policy"] == "quarantine"
    assert not data["ready"]  # one day of data is not enough, and no rua in the reported policy
    assert {c["id"] for c in data["criteria"] if not c["met"]} == {"reports", "rua"}


async def test_tls_reports_feed_mta_sts_advice(store, audit_dns, sts_https, ca_file):
    now = time.strftime("%Y-%m-%dT00:00:00Z", time.gmtime(time.time() - 2 * DAY))
    tls = {
        "organization-name": "Google Inc.",
        "report-id": "t1",
        "contact-info": "x@google.com",
        "date-range": {"start-datetime": now, "end-datetime": now},
        "policies": [
            {
                "policy": {"policy-type": "sts", "policy-domain": "sts.test"},
                "summary": {"total-successful-session-count": 120, "total-failure-session-count": 0},
            }
        ],
    }
    assert next(iter(Ingestor(store).ingest_bytes("t1", json.dumps(tls).encode()))).status == "stored"
    data = await advise(
        store,
        "sts.test",
        resolver=Resolver([audit_dns.address], timeout=DNS_TIMEOUT),
        https_port=sts_https.port,
        ca_file=ca_file,
    )
    assert data["mta_sts"]["mode"] == "testing" and data["mta_sts"]["successful_sessions"] == 120
    assert "enforce" in data["mta_sts"]["advice"]
