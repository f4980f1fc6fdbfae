"""Every console page, in Japanese (issue 16): with data in it, no English left untranslated,
no unfilled ``{placeholder}``, no exception text — in the page and in its form hints. The
POSTed result pages (message analysis, DLP check) and the error pages are rendered too.
A new page whose path parameter this test cannot fill fails it: give it a value below."""

from __future__ import annotations

import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import lxml.html
from fastapi.testclient import TestClient
from starlette.routing import Route

from mailwarden.core.labels import LABELS
from mailwarden.leaks import service as leak_service
from mailwarden.leaks.scan import scan_paths
from tests.analyze.mail import message
from tests.simulate.test_metrics import T0, make_campaign, person_clicks, scanner_heads_everything
from tests.support.ja_text import problems
from tests.web.test_console import app, csrf_of, login  # noqa: F401 - the fixture and helpers
from tests.web.test_gateway_pages import _spooled

SAMPLES = Path(__file__).parents[1] / "data" / "dmarc-samples"
HINT_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


def visible(html: str) -> str:
    """The text a reader sees, form hints included; scripts and styles left out."""
    doc = lxml.html.fromstring(html)
    for el in doc.xpath("//script|//style"):
        el.drop_tree()
    hints = [v for a in HINT_ATTRIBUTES for v in doc.xpath(f"//@{a}")]
    buttons = doc.xpath("//input[@type='submit' or @type='button']/@value")
    return "\n".join([doc.text_content(), *map(str, hints), *map(str, buttons)])


def seed(c: TestClient, app) -> dict[str, str]:  # noqa: F811
    """Data on every page: a domain check, a survey, DMARC aggregate, failure and TLS reports,
    a held and a delayed message; the values of the path parameters that lead to them."""
    token = c.get("/api/session").json()["csrf_token"]
    head = {"X-CSRF-Token": token}
    check = c.post("/api/domains", json={"domain": "bad.test"}, headers=head).json()
    survey = c.post(
        "/api/surveys", json={"name": "取引先", "domains": ["bad.test", "good.test"]}, headers=head
    )
    files = [
        ("files", (p.name, p.read_bytes(), "application/octet-stream"))
        for p in (
            SAMPLES / "aggregate" / "!example.com!1538204542!1538463818.xml",
            *sorted((SAMPLES / "failure").glob("*.eml"))[:2],
            SAMPLES / "smtp_tls" / "rfc8460.json",
        )
    ]
    ingested = c.post("/api/dmarc/reports", files=files, headers=head)
    assert ingested.status_code == 200, ingested.text
    held = _spooled(app, "held", "見積 4111 **** **** 1111")
    _spooled(app, "delayed", "納品書")
    values = {
        "check_id": str(check["id"]),
        "survey_id": str(survey.json()["id"]),
        "domain": "example.com",
        "sid": held,
        "spool_id": held,
        "op": "release",
    }
    # pages under another domain than the aggregate report's
    failure = ids_from(c, "/api/dmarc/domain.de/failures")
    tls = ids_from(c, "/api/dmarc/company-y.example/tls")
    assert failure and tls, "the sample failure and TLS reports were not stored"
    values["/dmarc/{domain}/sources/{ip}"] = "/dmarc/example.com/sources/12.20.127.122"
    values["/dmarc/{domain}/failures/{report_id}"] = f"/dmarc/domain.de/failures/{failure}"
    values["/dmarc/{domain}/tls/{report_id}"] = f"/dmarc/company-y.example/tls/{tls}"
    incidents = c.get("/api/gateway/incidents").json()
    rows = incidents["incidents"] if isinstance(incidents, dict) else incidents
    values["incident_id"] = str(rows[0]["id"])
    # a staff report (uploaded in the console), its cluster and the confirmation of a decision
    staff = c.post(
        "/api/reports/upload",
        data={"kind": "message"},
        files={"file": ("m.eml", message(subject="【重要】パスワードの有効期限"), "message/rfc822")},
        headers=head,
    )
    assert staff.status_code == 201, staff.text
    values["report_id"] = str(staff.json()["report_id"])
    values["cluster_id"] = str(staff.json()["cluster_id"])
    values["/reports/clusters/{cluster_id}/{op}"] = f"/reports/clusters/{values['cluster_id']}/phishing"
    # a simulation campaign with a person's click and a scanner's, and a kept leak scan
    store = app.state.store
    cid, recips = make_campaign(store, 3)
    person_clicks(store, cid, recips[0][0], T0 + timedelta(minutes=30), "198.51.100.7")
    scanner_heads_everything(store, cid, recips)
    values["campaign_id"] = str(cid)
    with tempfile.TemporaryDirectory() as tree:
        (Path(tree) / "mail.env").write_text("MAIL_PASSWORD=q8Zr!pw0rd2024\n")
        result = scan_paths([Path(tree)])
    values["scan_id"] = str(leak_service.save(store, "src", False, result, result.secrets, "tester"))
    # two kept cloud audits: the second shows what was fixed and what could not be checked
    from mailwarden.cloud import service as cloud_service
    from tests.cloud.test_console import audit

    cloud_service.save(store, audit(["a.example.jp"], ["a.example.jp"]), "tester")
    values["audit_id"] = str(cloud_service.save(store, audit(["b.example.jp"], None), "tester"))
    # a message graded by the sender test inbox
    from mailwarden.deliverability.sender import save_report
    from tests.deliverability.test_console_sender import graded

    values["graded_id"] = str(save_report(store, graded("12月のお知らせ"), "check-x"))
    # webhook events with bounces of two meanings and complaints, and an alert sent for them
    from mailwarden.deliverability.models import DeliveryAlert
    from tests.deliverability.test_console_deliverability import seed_events

    seed_events(store)
    # a kept post-quantum inventory
    from mailwarden.pqc.inventory import make_inventory
    from mailwarden.pqc.service import save_inventory
    from tests.pqc.test_console import sample_assets

    scope = {"domains": ["example.jp"], "paths": [], "listeners": []}
    inventory = make_inventory(sample_assets(), scope=scope)
    values["inventory_id"] = str(save_inventory(store, inventory, "tester"))
    from mailwarden.tasks import runs

    run_id = runs.create_run(store, "scan", "不審メール", {}, 2)
    runs.record_items(
        store,
        run_id,
        [
            runs.ItemResult("/srv/mail/a.eml", True, {"verdict": "phishing", "score": 91}),
            runs.ItemResult("/srv/mail/b.eml", False, {"error": "not mail"}),
        ],
        "worker-1",
    )
    values["run_id"] = str(run_id)
    with store.session(write=True) as s:
        s.add(
            DeliveryAlert(
                domain="example.co.jp", provider="ses", metric="bounce_rate", level="critical",
                day=date.today(), rate=0.06, threshold=0.05, channels={"mail": "sent"},
            )
        )  # fmt: skip
    return values


def cell_texts(html: str) -> list[str]:
    doc = lxml.html.fromstring(html)
    return [el.text_content().strip() for el in doc.xpath("//td|//dd|//strong|//span")]


def flatten(routes):
    for r in routes:
        inner = getattr(r, "original_router", None)  # an included APIRouter
        yield from flatten(inner.routes) if inner is not None else [r]


def ids_from(c: TestClient, api: str, key: str = "id") -> str | None:
    r = c.get(api)
    if r.status_code != 200:
        return None
    data = r.json()
    for v in data.values() if isinstance(data, dict) else [data]:
        if isinstance(v, list) and v and isinstance(v[0], dict) and key in v[0]:
            return str(v[0][key])
    if isinstance(data, list) and data and isinstance(data[0], dict) and key in data[0]:
        return str(data[0][key])
    return None


def test_every_page_reads_as_japanese(app):  # noqa: F811
    with TestClient(app) as c:
        login(c)
        c.cookies.set("lang", "ja")
        values = seed(c, app)
        pages: dict[str, str] = {}
        missing = []
        for route in flatten(app.routes):
            if not isinstance(route, Route) or "GET" not in (route.methods or ()):
                continue
            if route.path.startswith(("/api", "/static", "/healthz", "/docs", "/redoc", "/openapi")):
                continue
            params = re.findall(r"{(\w+)(?::\w+)?}", route.path)
            if route.path in values:  # a page whose parameters go together
                url = values[route.path]
            elif any(p not in values for p in params):
                missing.append(route.path)
                continue
            else:
                url = re.sub(r"{(\w+)(?::\w+)?}", lambda m: values[m.group(1)], route.path)
            r = c.get(url, params={"lang": "ja"})
            if "text/html" in r.headers.get("content-type", ""):
                pages[url] = r.text
        assert not missing, f"give these path parameters a value in the test: {missing}"
        # pages reached by a form
        csrf = csrf_of(c.get("/messages").text)
        mail = message("至急、振込先の変更をお願いします。 https://bit.ly/abc", reply_to="boss@gmail.com")
        pages["POST /messages/analyze"] = c.post(
            "/messages/analyze", data={"csrf": csrf, "text": mail.decode()}
        ).text
        pages["POST /dlp/check"] = c.post(
            "/dlp/check", data={"csrf": csrf_of(c.get("/dlp").text), "text": "カード 4111 1111 1111 1111"}
        ).text
        pages["POST /dmarc/upload"] = c.post(
            "/dmarc/upload",
            data={"csrf": csrf_of(c.get("/dmarc").text)},
            files={"files": ("r.xml", (SAMPLES / "aggregate" / "empty_reason.xml").read_bytes(), "text/xml")},
        ).text
        # error pages
        pages["404"] = c.get("/no/such/page", headers={"accept": "text/html"}).text
        pages["403 csrf"] = c.post("/messages/analyze", data={"csrf": "forged", "text": "x"}).text
        assert len(pages) >= 20, sorted(pages)
        bad = {url: problems(visible(html)) for url, html in pages.items() if problems(visible(html))}
        assert not bad, bad
        # values that are data (held, stored, done…) are shown by their label, never raw
        raw = {value for kind in LABELS.values() for value in kind}
        shown_raw = {
            url: cells
            for url, html in pages.items()
            if (cells := sorted({t for t in cell_texts(html) if t in raw}))
        }
        assert not shown_raw, shown_raw
        # the pages are Japanese, not empty
        for url, html in pages.items():
            assert re.search(r"[\u3040-\u30ff]", visible(html)), url
