"""The console's DMARC pages: the period, one summary behind the numbers and the advice, the
chart, a source's drill-down, failure and TLS reports, the CSV — each page with its JSON twin."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.dmarc.ingest import Ingestor
from mailwarden.web.app import create_app
from mailwarden.web.routes.dmarc import SVG_CSP
from tests.dmarc.test_summary import rec, report
from tests.support.timing import DNS_TIMEOUT

PASSWORD = "a long test password"
DAY = 86400
#: reports from long ago: "the last 30 days" holds none of them
FIRST = int(datetime(2025, 6, 1, tzinfo=UTC).timestamp())
LATER = int(datetime(2025, 9, 1, tzinfo=UTC).timestamp())
LAST = int(datetime(2025, 9, 30, tzinfo=UTC).timestamp())

OLD = rec("192.0.2.1", 1000, "pass", "pass", "example.jp", dkim_d="example.jp")
MIDDLE = rec("192.0.2.1", 100, "pass", "pass", "example.jp", dkim_d="example.jp") + rec(
    "192.0.2.2", 40, "fail", "fail", "em1234.sendgrid.net", dkim_d="sendgrid.net", spf="pass"
)
NEWEST = (
    rec("192.0.2.1", 50, "pass", "pass", "example.jp", dkim_d="example.jp")
    + rec("192.0.2.2", 10, "fail", "fail", "em1234.sendgrid.net", dkim_d="sendgrid.net", spf="pass")
    + rec("198.51.100.9", 7, "fail", "fail", "phish.example", spf="fail")
)
# the default period: 2025-09-01 and 2025-09-30 (the report of 2025-06-01 is over 90 days older)
PERIOD_MESSAGES = 100 + 40 + 50 + 10 + 7
PERIOD_FAILING = 40 + 10 + 7
PERIOD_LEGIT_FAILING = 40 + 10  # SendGrid: a known service, not aligned

ARF = """From: reports@receiver.example
To: ruf@example.jp
Subject: DMARC failure report
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="b"

--b
Content-Type: text/plain

A message failed DMARC.
--b
Content-Type: message/feedback-report

Feedback-Type: auth-failure
Version: 1
Original-Mail-From: <x@evil.example>
Arrival-Date: Tue, 30 Sep 2025 02:09:00 +0000
Source-IP: 198.51.100.9
Auth-Failure: dmarc
Delivery-Result: reject
Reported-Domain: example.jp
X-Evil: <img src="http://tracker.example/p.gif">

--b
Content-Type: text/rfc822-headers

From: "Bank" <info@example.jp>
To: victim@receiver.example
Subject: <script>alert(1)</script> urgent
Message-ID: <1@evil.example>

--b--
"""


@pytest.fixture
def app(store, audit_dns, tmp_path, monkeypatch):
    # the reader's zone: Asia/Tokyo for Japanese, the system's (here UTC) for English
    monkeypatch.delenv("MAILWARDEN_TIMEZONE", raising=False)
    monkeypatch.setenv("TZ", "UTC")
    settings = Settings(
        data_dir=tmp_path,
        nameservers=audit_dns.address,
        dns_timeout=DNS_TIMEOUT,
        secret_key="k" * 40,
        lang=None,
    )
    create_user(store, "tester", PASSWORD, "admin")
    ingest = Ingestor(store)
    for rid, records, begin in (("old", OLD, FIRST), ("mid", MIDDLE, LATER), ("new", NEWEST, LAST)):
        outs = list(ingest.ingest_bytes(rid, report(records, rid, begin)))
        assert outs[0].status == "stored", outs
    return create_app(settings, store=store)


def login(client: TestClient) -> None:
    page = client.get("/login")
    m = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert m
    r = client.post(
        "/login",
        data={"username": "tester", "password": PASSWORD, "csrf": m.group(1)},
        follow_redirects=False,
    )
    assert r.status_code == 303


def test_default_period_is_what_the_reports_cover(app):
    with TestClient(app) as c:
        login(c)
        data = c.get("/api/dmarc/example.jp").json()
        p = data["period"]
        assert p["kind"] == "data" and p["first"] == FIRST and p["last"] == LAST + 86399
        assert p["since"] == (LAST + 86399 - 90 * DAY) // DAY * DAY and p["until"] == LAST + 86400
        assert data["summary"]["totals"]["messages"] == PERIOD_MESSAGES
        # "the last 30 days" before now: the reports are older, and the page says so
        recent = c.get("/api/dmarc/example.jp?days=30").json()
        assert recent["period"]["kind"] == "days" and recent["summary"]["totals"]["messages"] == 0
        everything = c.get("/api/dmarc/example.jp?days=all").json()
        assert everything["summary"]["totals"]["messages"] == PERIOD_MESSAGES + 1000
        one_day = c.get("/api/dmarc/example.jp?since=2025-09-01&until=2025-09-01&lang=en").json()
        assert one_day["period"]["kind"] == "range"
        assert one_day["summary"]["totals"]["messages"] == 140
        assert c.get("/api/dmarc/example.jp?since=2025-09-02&until=2025-09-01").status_code == 422
        assert c.get("/api/dmarc/example.jp?days=-3").status_code == 422
        assert c.get("/dmarc/example.jp/sources.csv?since=0001-01-01").status_code == 422
        assert c.get("/api/dmarc/example.jp?until=9999-12-31").status_code == 422
        page = c.get("/dmarc/example.jp?lang=ja")
        # the period shown, in the reader's zone (Asia/Tokyo for a Japanese reader)
        assert "2025/06/" not in page.text.split('id="period"')[1].split("</strong>")[0]
        assert "2025/10/01" in page.text  # 2025-09-30T23:59:59Z is 2025-10-01 08:59 JST
        assert 'href="?days=30"' in page.text and 'href="?days=all"' in page.text
        assert 'aria-current="true" class="current">' in page.text
        # the domain list says what each domain's reports cover
        assert "2025/06/01 – 2025/10/01" in c.get("/dmarc?lang=ja").text
        en = c.get("/dmarc/example.jp?days=all&lang=en")
        assert "Period shown: Jun 1, 2025" in en.text and "Stored reports cover Jun 1, 2025" in en.text


def test_page_totals_and_advice_agree(app):
    with TestClient(app) as c:
        login(c)
        data = c.get("/api/dmarc/example.jp").json()
        totals = data["summary"]["totals"]
        sources = data["summary"]["sources"]
        assert totals == data["totals"]  # the advice's totals are the summary's
        assert totals["messages"] == sum(r["messages"] for r in sources) == PERIOD_MESSAGES
        for policy in ("quarantine", "reject"):
            sim = data["simulation"][policy]
            assert sim["messages_affected"] == PERIOD_FAILING
            assert sim["legitimate_messages_affected"] == PERIOD_LEGIT_FAILING
            assert [s["source_ip"] for s in sim["legitimate_sources_affected"]] == ["192.0.2.2"]
        # another period: the page's totals and the advice move together
        mid = c.get("/api/dmarc/example.jp?since=2025-09-01&until=2025-09-01").json()
        assert mid["summary"]["totals"]["messages"] == 140
        assert mid["simulation"]["reject"]["messages_affected"] == 40
        page = c.get("/dmarc/example.jp?lang=en").text
        assert f"example.jp: {PERIOD_MESSAGES} messages" in page
        sim_text = page.split('id="simulation">')[1].split("</p>")[0]
        assert f"{PERIOD_FAILING} of these {PERIOD_MESSAGES} messages" in sim_text
        assert f"{PERIOD_LEGIT_FAILING} of them" in sim_text


def test_chart_is_an_svg_with_axes_legend_and_title(app):
    with TestClient(app) as c:
        login(c)
        page = c.get("/dmarc/example.jp?days=all").text
        assert '<img id="chart" src="/dmarc/example.jp/chart.svg?days=all"' in page
        r = c.get("/dmarc/example.jp/chart.svg?days=all&lang=en")
        assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
        assert r.headers["content-security-policy"] == SVG_CSP
        svg = r.text
        for text in (
            "DMARC pass and alignment by day",  # title
            "Date (UTC)",  # x axis
            "Messages per day",  # left axis
            "Share of messages (%)",  # right axis
            "DMARC pass",  # legend
            "DKIM aligned",
            "SPF aligned",
            "2025/09/",  # date ticks
            "100%",  # rate ticks
        ):
            assert text in svg, text
        assert "<script" not in svg and "<text" in svg  # text stays text (svg.fonttype none)
        empty = c.get("/dmarc/example.jp/chart.svg?days=7&lang=en").text
        assert "No reports in this period" in empty and "Date (UTC)" in empty


def test_source_drill_down(app):
    with TestClient(app) as c:
        login(c)
        data = c.get("/api/dmarc/example.jp/sources/192.0.2.2?lang=en").json()
        assert data["source"]["classification"] == "legitimate-not-aligned"
        assert data["source"]["service"] == "SendGrid" and data["source"]["fixes"]
        assert [r["messages"] for r in data["records"]] == [10, 40]  # newest first
        assert data["reporters"] == [{"reporter": "google.com", "messages": 50, "dmarc_pass": 0}]
        assert [d["date"] for d in data["days"]] == ["2025-09-01", "2025-09-30"]
        row = data["records"][0]
        assert row["disposition"] == "none" and row["dkim_aligned"] is False
        assert row["dkim"][0]["domain"] == "sendgrid.net" and row["spf"][0]["result"] == "pass"
        page = c.get("/dmarc/example.jp/sources/192.0.2.2?lang=en")
        assert page.status_code == 200 and 'id="records"' in page.text
        assert data["source"]["fixes"][0] in page.text.replace("&#39;", "'").replace("&quot;", '"')
        # the domain page links each source to its drill-down, carrying the period
        assert (
            'href="/dmarc/example.jp/sources/192.0.2.2?days=all"' in c.get("/dmarc/example.jp?days=all").text
        )
        # a period without it
        none = c.get("/api/dmarc/example.jp/sources/192.0.2.2?days=7").json()
        assert none["source"] is None and none["records"] == []
        assert 'id="no-rows"' in c.get("/dmarc/example.jp/sources/192.0.2.2?days=7").text
        assert c.get("/api/dmarc/example.jp/sources/not-an-ip").status_code == 422


def test_failure_reports_are_shown_escaped(app, store):
    from pathlib import Path

    outs = list(Ingestor(store).ingest_bytes("ruf.eml", ARF.encode()))
    assert outs[0].status == "stored", outs
    sample = (
        Path(__file__).parent.parent / "data" / "dmarc-samples" / "failure" / "dmarc_ruf_report_linkedin.eml"
    )
    assert next(iter(Ingestor(store).ingest_bytes("li.eml", sample.read_bytes()))).status == "stored"
    with TestClient(app) as c:
        login(c)
        listing = c.get("/api/dmarc/example.jp/failures").json()
        assert len(listing["reports"]) == 1  # the LinkedIn report is about example.com
        item = listing["reports"][0]
        assert item["source_ip"] == "198.51.100.9" and item["subject"] == "<script>alert(1)</script> urgent"
        page = c.get("/dmarc/example.jp/failures")
        assert (
            "&lt;script&gt;alert(1)&lt;/script&gt; urgent" in page.text and "<script>alert" not in page.text
        )
        detail = c.get(f"/dmarc/example.jp/failures/{item['id']}")
        assert detail.status_code == 200
        assert "&lt;img src=&#34;http://tracker.example/p.gif&#34;&gt;" in detail.text
        assert "<img src=" not in detail.text and "<script>alert" not in detail.text
        twin = c.get(f"/api/dmarc/example.jp/failures/{item['id']}").json()
        assert twin["fields"]["x-evil"] == '<img src="http://tracker.example/p.gif">'
        assert twin["original_headers"]["subject"] == "<script>alert(1)</script> urgent"
        # the source's drill-down lists the failure reports about its mail
        source = c.get("/api/dmarc/example.jp/sources/198.51.100.9").json()
        assert [f["id"] for f in source["failure_reports"]] == [item["id"]]
        drill = c.get("/dmarc/example.jp/sources/198.51.100.9").text
        assert f'href="/dmarc/example.jp/failures/{item["id"]}"' in drill and "<script>alert" not in drill
        # one domain's report is not another's page
        assert c.get(f"/dmarc/example.com/failures/{item['id']}").status_code == 404
        assert c.get(f"/api/dmarc/example.com/failures/{item['id']}").status_code == 404
        assert c.get("/api/dmarc/example.com/failures").json()["reports"][0]["source_ip"] == "10.10.10.10"
        # a chosen period narrows the list: one long before the reports leaves it empty
        assert (
            c.get("/api/dmarc/example.jp/failures?since=2000-01-01&until=2000-01-31").json()["reports"] == []
        )


def test_tls_reports(app, store):
    from pathlib import Path

    sample = Path(__file__).parent.parent / "data" / "dmarc-samples" / "smtp_tls" / "smtp_tls.json"
    assert next(iter(Ingestor(store).ingest_bytes("tls.json", sample.read_bytes()))).status == "stored"
    other = json.loads(sample.read_text())
    other["report-id"] = "other"
    other["policies"][0]["policy"]["policy-domain"] = "example.net"
    assert next(iter(Ingestor(store).ingest_bytes("o.json", json.dumps(other).encode()))).status == "stored"
    with TestClient(app) as c:
        login(c)
        listing = c.get("/api/dmarc/example.com/tls").json()
        assert [(r["reporter"], r["failed_sessions"]) for r in listing["reports"]] == [("Example Inc.", 3)]
        rid = listing["reports"][0]["id"]
        page = c.get("/dmarc/example.com/tls?lang=en")
        assert page.status_code == 200 and f'href="/dmarc/example.com/tls/{rid}"' in page.text
        detail = c.get(f"/api/dmarc/example.com/tls/{rid}").json()
        (policy,) = detail["policies"]
        assert policy["policy_type"] == "sts" and "mode: testing" in policy["policy_strings"]
        assert [f["failed_sessions"] for f in policy["failure_details"]] == [2, 1]
        html = c.get(f"/dmarc/example.com/tls/{rid}?lang=en").text
        assert "209.85.222.201" in html and "validation-failure" in html
        # the report exists, but says nothing about this domain
        assert c.get(f"/api/dmarc/example.jp/tls/{rid}").status_code == 404
        assert c.get("/api/dmarc/example.jp/tls/999999").status_code == 404
        # a chosen period narrows the list; a period before the report leaves it empty
        assert c.get("/api/dmarc/example.com/tls?since=2000-01-01&until=2000-01-31").json()["reports"] == []
        narrowed = c.get("/dmarc/example.com/tls?since=2000-01-01&until=2000-01-31&lang=en").text
        assert 'id="period"' in narrowed and f'href="/dmarc/example.com/tls/{rid}"' not in narrowed


def test_csv_follows_the_period(app):
    with TestClient(app) as c:
        login(c)
        default = c.get("/dmarc/example.jp/sources.csv")
        assert default.headers["content-disposition"].endswith('-sources-20250702-20250930.csv"')
        rows = default.text.splitlines()
        assert len(rows) == 1 + 3
        one = c.get("/dmarc/example.jp/sources.csv?since=2025-09-01&until=2025-09-01").text.splitlines()
        assert len(one) == 1 + 2 and all("198.51.100.9" not in r for r in one)
        everything = c.get("/dmarc/example.jp/sources.csv?days=all").text
        assert ",1150," in everything  # 192.0.2.1: 1000 + 100 + 50 messages
        page = c.get("/dmarc/example.jp?days=90").text
        assert 'href="/dmarc/example.jp/sources.csv?days=90"' in page


def test_every_dmarc_page_needs_login_and_has_a_json_twin(app):
    def flatten(routes):
        for r in routes:
            inner = getattr(r, "original_router", None)
            yield from flatten(inner.routes) if inner is not None else [r]

    pages = sorted(
        r.path
        for r in flatten(app.routes)
        if getattr(r, "include_in_schema", True) is False
        and "GET" in getattr(r, "methods", set())
        and r.path.startswith("/dmarc")
    )
    expected = [
        "/dmarc",
        "/dmarc/{domain}",
        "/dmarc/{domain}/failures",
        "/dmarc/{domain}/failures/{report_id}",
        "/dmarc/{domain}/sources/{ip}",
        "/dmarc/{domain}/tls",
        "/dmarc/{domain}/tls/{report_id}",
    ]
    assert pages == expected
    spec = set(app.openapi()["paths"])
    assert {"/api" + p for p in pages} <= spec
    assert {"/dmarc/{domain}/chart.svg", "/dmarc/{domain}/sources.csv"} <= spec
    concrete = {
        "{domain}": "example.jp",
        "{report_id}": "1",
        "{ip}": "192.0.2.1",
    }
    with TestClient(app) as c:
        for p in [*pages, "/dmarc/{domain}/chart.svg", "/dmarc/{domain}/sources.csv"]:
            url = p
            for k, v in concrete.items():
                url = url.replace(k, v)
            r = c.get(url, follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"] == "/login", url
            assert c.get("/api" + url).status_code in (401, 404), url
            if p in pages:
                assert c.get("/api" + url).status_code == 401, url


def test_domains_with_only_failure_or_tls_reports_are_listed(app, store):
    from pathlib import Path

    assert next(iter(Ingestor(store).ingest_bytes("ruf.eml", ARF.encode()))).status == "stored"
    sample = Path(__file__).parent.parent / "data" / "dmarc-samples" / "smtp_tls" / "smtp_tls.json"
    other = json.loads(sample.read_text())
    other["policies"][0]["policy"]["policy-domain"] = "tls-only.example"
    assert next(iter(Ingestor(store).ingest_bytes("o.json", json.dumps(other).encode()))).status == "stored"
    with TestClient(app) as c:
        login(c)
        listed = {d["domain"]: d for d in c.get("/api/dmarc").json()}
        assert listed["example.jp"]["failures"] == 1
        assert (listed["tls-only.example"]["reports"], listed["tls-only.example"]["tls"]) == (0, 1)
        page = c.get("/dmarc?lang=en").text
        assert 'href="/dmarc/example.jp/failures"' in page and 'href="/dmarc/tls-only.example/tls"' in page
        assert 'href="/dmarc/tls-only.example"' not in page, "no aggregate reports: no summary page to link"
