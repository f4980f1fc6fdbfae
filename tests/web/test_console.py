"""The console over HTTP (Starlette's TestClient speaks to the ASGI app in process)."""

from __future__ import annotations

import re
import time

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.web.app import create_app
from tests.support.timing import DNS_TIMEOUT

PASSWORD = "a long test password"


@pytest.fixture
def app(store, audit_dns, tmp_path):
    settings = Settings(
        data_dir=tmp_path,
        nameservers=audit_dns.address,
        dns_timeout=DNS_TIMEOUT,
        secret_key="k" * 40,
        lang=None,
    )
    create_user(store, "tester", PASSWORD, "admin")
    return create_app(settings, store=store)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF field in the form"
    return m.group(1)


def login(client: TestClient) -> None:
    page = client.get("/login")
    r = client.post(
        "/login",
        data={"username": "tester", "password": PASSWORD, "csrf": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert r.status_code == 303


def test_login_required(app):
    with TestClient(app) as c:
        r = c.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login"
        assert c.get("/api/domains").status_code == 401
        assert c.get("/domains/1", follow_redirects=False).status_code == 303


def test_login_flow_cookie_flags_and_headers(app):
    with TestClient(app) as c:
        page = c.get("/login")
        assert "Content-Security-Policy" in page.headers
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        bad = c.post("/login", data={"username": "tester", "password": "wrong", "csrf": csrf_of(page.text)})
        assert bad.status_code == 401
        no_csrf = c.post("/login", data={"username": "tester", "password": PASSWORD, "csrf": "forged"})
        assert no_csrf.status_code == 403
        r = c.post(
            "/login",
            data={"username": "tester", "password": PASSWORD, "csrf": csrf_of(page.text)},
            follow_redirects=False,
        )
        cookie = r.headers["set-cookie"]
        assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
        assert c.get("/").status_code == 200


def test_check_domain_via_form_and_api(app):
    with TestClient(app) as c:
        login(c)
        home = c.get("/domains")
        r = c.post(
            "/domains",
            data={"domain": "bad.test", "csrf": csrf_of(home.text), "selectors": "s1"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        report_url = r.headers["location"]
        page = c.get(report_url)
        assert "spf.plus-all" in page.text and "bad.test. TXT" in page.text
        check_id = int(report_url.rsplit("/", 1)[1])
        twin = c.get(f"/api/domains/{check_id}").json()
        assert twin["domain"] == "bad.test" and twin["grade"] in ("D", "F")
        assert any(f["code"] == "spf.plus-all" for f in twin["checks"]["spf"]["findings"])
        # JSON API: CSRF header required for unsafe calls
        assert c.post("/api/domains", json={"domain": "good.test"}).status_code == 403
        token = c.get("/api/session").json()["csrf_token"]
        r = c.post("/api/domains", json={"domain": "good.test"}, headers={"X-CSRF-Token": token})
        assert r.status_code == 201 and r.json()["grade"] == "A"
        history = c.get("/api/domains").json()
        assert [h["domain"] for h in history[:2]] == ["good.test", "bad.test"]
        assert c.get("/api/domains/999999").status_code == 404


def test_invalid_domain_is_a_report_not_a_500(app):
    with TestClient(app) as c:
        login(c)
        token = c.get("/api/session").json()["csrf_token"]
        r = c.post("/api/domains", json={"domain": "x" * 70 + ".test"}, headers={"X-CSRF-Token": token})
        assert r.status_code == 201
        assert r.json()["findings"][0]["code"] == "domain.invalid-name"


def test_survey_runs_in_background_and_sums_up(app):
    with TestClient(app) as c:
        login(c)
        token = c.get("/api/session").json()["csrf_token"]
        domains = [
            "good.test",
            "bad.test",
            "shop.test",
            "empty.test",
            "# comment",
            "",
            "good.test",
            "does-not-exist.test",
            "in valid",
        ]
        r = c.post("/api/surveys", json={"name": "t", "domains": domains}, headers={"X-CSRF-Token": token})
        assert r.status_code == 202
        sid = r.json()["id"]
        deadline = time.monotonic() + 60
        while True:
            data = c.get(f"/api/surveys/{sid}").json()
            if data["status"] in ("done", "failed") or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert data["status"] == "done", data
        assert [row["input"] for row in data["results"]] == [
            "good.test",
            "bad.test",
            "shop.test",
            "empty.test",
            "does-not-exist.test",
            "in",
        ]
        summary = data["summary"]
        assert summary["domains"] == 6 and summary["errors"] == 2 and summary["checked"] == 4
        adoption = {row["metric"]: row for row in summary["adoption"]}
        assert adoption["spf"]["count"] == 3 and adoption["dmarc"]["count"] == 3
        assert adoption["dmarc_enforced"]["count"] == 2 and adoption["null_mx"]["count"] == 1
        page = c.get(f"/surveys/{sid}")
        assert "<svg" in page.text and 'id="adoption"' in page.text


def test_upload_survey_file(app):
    with TestClient(app) as c:
        login(c)
        form = c.get("/surveys")
        r = c.post(
            "/surveys",
            data={"csrf": csrf_of(form.text), "name": "upload"},
            files={"file": ("list.txt", b"good.test\nshop.test\n", "text/plain")},
            follow_redirects=False,
        )
        assert r.status_code == 303
        assert c.get("/api/surveys").json()[0]["name"] == "upload"


def test_every_page_has_a_json_twin(app):
    spec_paths = set(app.openapi()["paths"])
    pages = {
        "/": "/api/overview",
        "/domains": "/api/domains",
        "/domains/{check_id}": "/api/domains/{check_id}",
        "/surveys": "/api/surveys",
        "/surveys/{survey_id}": "/api/surveys/{survey_id}",
        "/jobs": "/api/jobs",
        "/jobs/{run_id}": "/api/jobs/{run_id}",
        "/account/password": "/api/account/password",
        "/dmarc": "/api/dmarc",
        "/dmarc/{domain}": "/api/dmarc/{domain}",
        "/messages": "/api/messages/analyze",
        "/dlp": "/api/dlp/check",
        "/gateway": "/api/gateway",
        "/gateway/incidents": "/api/gateway/incidents",
        "/gateway/incidents/{incident_id}": "/api/gateway/incidents/{incident_id}",
        "/gateway/queue": "/api/gateway/queue",
        "/gateway/queue/{sid}/{op}": "/api/gateway/queue/{sid}",
        "/users": "/api/users",
        "/dmarc/{domain}/sources/{ip}": "/api/dmarc/{domain}/sources/{ip}",
        "/dmarc/{domain}/failures": "/api/dmarc/{domain}/failures",
        "/dmarc/{domain}/failures/{report_id}": "/api/dmarc/{domain}/failures/{report_id}",
        "/dmarc/{domain}/tls": "/api/dmarc/{domain}/tls",
        "/dmarc/{domain}/tls/{report_id}": "/api/dmarc/{domain}/tls/{report_id}",
        "/gateway/cancel/{sid}": "/api/gateway/cancel/{sid}",
        "/reports": "/api/reports/clusters",
        "/reports/upload": "/api/reports/upload",
        "/reports/metrics": "/api/reports/metrics",
        "/reports/clusters/{cluster_id}": "/api/reports/clusters/{cluster_id}",
        "/reports/clusters/{cluster_id}/{op}": "/api/reports/clusters/{cluster_id}",
        "/reports/{report_id}": "/api/reports/{report_id}",
        "/reports/remediation/{cluster_id}": "/api/reports/remediation/{cluster_id}",
        "/campaigns": "/api/campaigns",
        "/campaigns/offenders": "/api/campaigns/offenders",
        "/campaigns/webhooks": "/api/campaigns/webhooks",
        "/campaigns/{campaign_id}": "/api/campaigns/{campaign_id}",
        "/leaks": "/api/leaks/scans",
        "/leaks/{scan_id}": "/api/leaks/scans/{scan_id}",
        "/cloud": "/api/cloud/audits",
        "/cloud/{audit_id}": "/api/cloud/audits/{audit_id}",
        "/sender": "/api/sender",
        "/deliverability": "/api/deliverability",
        "/pqc": "/api/pqc",
        "/pqc/{inventory_id}": "/api/pqc/inventories/{inventory_id}",
        "/sender/{graded_id}": "/api/sender/checks/{graded_id}",
    }

    def flatten(routes):
        for r in routes:
            inner = getattr(r, "original_router", None)  # an included APIRouter
            yield from flatten(inner.routes) if inner is not None else [r]

    html_routes = {
        r.path
        for r in flatten(app.routes)
        if getattr(r, "include_in_schema", True) is False
        and "GET" in getattr(r, "methods", set())
        and r.path not in ("/login", "/healthz")
        and not r.path.startswith(("/api/", "/docs"))
    }
    assert html_routes == set(pages)
    assert set(pages.values()) <= spec_paths


def test_japanese_console(app):
    with TestClient(app) as c:
        page = c.get("/login?lang=ja")
        assert "ログイン" in page.text
        assert c.cookies.get("lang") == "ja"
        page = c.get("/login", headers={"Accept-Language": "en-US,en;q=0.9"})
        assert "ログイン" in page.text  # the cookie wins over the header
        c.cookies.clear()
        assert "Log in" in c.get("/login", headers={"Accept-Language": "en-US"}).text


def test_one_time_password_must_be_replaced(store, audit_dns, tmp_path):
    from mailwarden.core.users import ensure_admin

    settings = Settings(data_dir=tmp_path, nameservers=audit_dns.address, secret_key="k" * 40)
    one_time = ensure_admin(store)
    app = create_app(settings, store=store)
    with TestClient(app) as c:
        page = c.get("/login")
        r = c.post(
            "/login",
            data={"username": "admin", "password": one_time, "csrf": csrf_of(page.text)},
            follow_redirects=False,
        )
        assert r.headers["location"] == "/account/password"
        assert c.get("/domains", follow_redirects=False).headers["location"] == "/account/password"
        assert c.get("/api/domains").status_code == 403
        token = c.get("/api/session").json()["csrf_token"]
        form = c.get("/account/password")
        bad = c.post(
            "/account/password",
            data={
                "csrf": csrf_of(form.text),
                "current_password": one_time,
                "new_password": "a good new password",
                "confirm_password": "another password!",
            },
        )
        assert bad.status_code == 400
        r = c.post(
            "/api/account/password",
            headers={"X-CSRF-Token": token},
            json={"current_password": one_time, "new_password": "a good new password"},
        )
        assert r.status_code == 200
        assert c.get("/api/domains").status_code == 200


def test_dmarc_pages(app):
    from pathlib import Path

    corpus = Path(__file__).parent.parent / "data" / "dmarc-samples"
    with TestClient(app) as c:
        login(c)
        form = c.get("/dmarc")
        files = [
            ("files", ("nice.xml", (corpus / "extract_report" / "nice-input.xml").read_bytes(), "text/xml")),
            ("files", ("junk.bin", b"garbage", "application/octet-stream")),
        ]
        r = c.post("/dmarc/upload", data={"csrf": csrf_of(form.text)}, files=files)
        assert r.status_code == 200 and 'id="upload-result"' in r.text
        assert "1 件保存、0 件重複、1 件拒否" in r.text  # the console is Japanese by default
        token = c.get("/api/session").json()["csrf_token"]
        assert c.post("/api/dmarc/reports", files=files[:1]).status_code == 403
        again = c.post("/api/dmarc/reports", files=files[:1], headers={"X-CSRF-Token": token}).json()
        assert again["counts"] == {"stored": 0, "duplicate": 1, "rejected": 0}
        assert c.get("/api/dmarc").json()[0]["domain"] == "example.com"
        page = c.get("/dmarc/example.com?days=100000")
        assert page.status_code == 200
        assert '<img id="chart"' in page.text and 'id="services"' in page.text and 'id="plan"' in page.text
        twin = c.get("/api/dmarc/example.com?days=100000").json()
        assert twin["summary"]["totals"]["messages"] > 0 and twin["plan"]
        csv_text = c.get("/dmarc/example.com/sources.csv").text
        assert csv_text.splitlines()[0].startswith("source_ip,ptr,service,classification")
        assert len(csv_text.splitlines()) == len(twin["summary"]["sources"]) + 1
