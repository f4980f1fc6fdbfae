"""The overview, the landing page after login: per domain a traffic-light posture with its
word and the one next step, the DMARC pass rate over the last period with data, the gateway's
holds awaiting a decision, the latest serious findings — in the reader's language and zone —
and its JSON twin /api/overview (times ISO UTC)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

import mailwarden.domain.audit  # noqa: F401 - registers the finding codes
from mailwarden.core import i18n
from mailwarden.core.config import Settings
from mailwarden.core.findings import Finding
from mailwarden.core.store import DomainCheck
from mailwarden.core.users import create_user
from mailwarden.dmarc.ingest import Ingestor
from mailwarden.web.app import create_app
from mailwarden.web.routes.dashboard import POSTURES, posture, sparkline

from .test_gateway_pages import _spooled
from .test_sessions import login

PASSWORD = "a long test password"
CHECKED = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 12:00 in Tokyo

# one day of reports for example.jp: 3 messages pass (DKIM aligned), 1 fails
REPORT = b"""<?xml version="1.0"?><feedback><report_metadata><org_name>r.example</org_name>
<email>a@r.example</email><report_id>ov-1</report_id><date_range><begin>1764547200</begin>
<end>1764633599</end></date_range></report_metadata><policy_published><domain>example.jp</domain>
<p>quarantine</p></policy_published>
<record><row><source_ip>192.0.2.1</source_ip><count>3</count><policy_evaluated><disposition>none</disposition>
<dkim>pass</dkim><spf>fail</spf></policy_evaluated></row><identifiers><header_from>example.jp</header_from>
</identifiers><auth_results><dkim><domain>example.jp</domain><result>pass</result></dkim></auth_results></record>
<record><row><source_ip>198.51.100.7</source_ip><count>1</count><policy_evaluated><disposition>quarantine</disposition>
<dkim>fail</dkim><spf>fail</spf></policy_evaluated></row><identifiers><header_from>example.jp</header_from>
</identifiers><auth_results><spf><domain>evil.example</domain><result>fail</result></spf></auth_results></record>
</feedback>"""


def check(domain: str, grade: str, dmarc: dict | None, *codes: str) -> DomainCheck:
    findings = [Finding(code, subject=domain, params={"domain": domain}).to_dict() for code in codes]
    checks = {"spf": {"status": "present", "record": "v=spf1 -all", "data": {}, "findings": findings}}
    if dmarc is not None:
        checks["dmarc"] = {"status": "present", "record": "v=DMARC1", "data": dmarc, "findings": []}
    report = {"domain": domain, "display_name": domain, "grade": grade, "checks": checks, "findings": []}
    return DomainCheck(domain=domain, grade=grade, score=50, report=report, created_at=CHECKED)


@pytest.fixture
def app(store, tmp_path, monkeypatch):
    monkeypatch.delenv("MAILWARDEN_TIMEZONE", raising=False)
    create_user(store, "admin", PASSWORD, "admin")
    with store.session() as s:
        s.add(check("weak.example", "F", None, "spf.missing", "dmarc.missing"))
        s.add(check("fine.example", "A", {"policy": "reject"}, "spf.ok"))
    assert [o.status for o in Ingestor(store).ingest_bytes("r.xml", REPORT)] == ["stored"]
    settings = Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None, gateway_spool=tmp_path / "spool")
    return create_app(settings, store=store)


def test_posture_rules():
    assert posture("F", "reject") == "red" and posture("A", None) == "red"
    assert posture("A", "reject") == "green" and posture("B", "quarantine") == "green"
    assert posture("A", "none") == "amber" and posture("C", "reject") == "amber"
    assert posture(None, "reject") == "amber"  # not graded yet
    assert {level for level, _ in POSTURES.items()} == {"red", "amber", "green"}


def test_sparkline_scales_rates_into_the_box():
    points = sparkline([{"rate": 1.0}, {"rate": 0.0}], width=100, height=20)
    assert points == "0.0,1.0 100.0,19.0"
    assert sparkline([]) == ""


def test_overview_json_twin(app):
    _spooled(app, "held", "見積 4111 **** **** 1111")
    with TestClient(app) as c:
        login(c, "admin")
        data = c.get("/api/overview?lang=en").json()
    rows = {r["domain"]: r for r in data["domains"]}
    assert list(rows) == ["weak.example", "example.jp", "fine.example"]  # worst first
    weak, reports_only, fine = rows["weak.example"], rows["example.jp"], rows["fine.example"]
    assert weak["posture"] == {"level": "red", "sign": "✕", "label": "Action needed"}
    # the one next step: the worst finding's remediation, linking to the report
    assert weak["next_step"]["code"] in ("spf.missing", "dmarc.missing")
    assert (
        weak["next_step"]["severity"] == "error"
        and weak["next_step"]["href"] == f"/domains/{weak['check_id']}"
    )
    assert weak["next_step"]["remediation"].startswith("Publish")
    assert fine["posture"]["level"] == "green" and fine["next_step"] is None
    # a domain known from DMARC reports only: its policy from the report, its pass rate
    assert reports_only["grade"] is None and reports_only["policy"] == "quarantine"
    assert reports_only["posture"]["level"] == "amber"
    assert reports_only["dmarc"]["messages"] == 4 and reports_only["dmarc"]["dmarc_pass_rate"] == 0.75
    assert reports_only["dmarc"]["days"] == [{"day": "2025-12-01", "rate": 0.75}]
    assert reports_only["dmarc"]["from"].endswith("+00:00")  # JSON keeps ISO UTC
    assert weak["checked_at"].startswith("2026-12-01T03:00")
    assert data["gateway"] == {"held": 1, "delayed": 0, "href": "/gateway/queue"}
    serious = [(f["domain"], f["severity"]) for f in data["findings"]]
    assert serious == [("weak.example", "error"), ("weak.example", "error")]


def test_overview_page_in_japanese_and_local_time(app):
    _spooled(app, "held", "一件目")
    with TestClient(app) as c:
        login(c, "admin")
        page = c.get("/?lang=ja").text
    assert 'id="postures"' in page and 'id="holds"' in page and 'href="/gateway/queue"' in page
    with i18n.language("ja"):
        label = i18n.gettext(POSTURES["red"][1])
        remediation = Finding("dmarc.missing", params={"domain": "weak.example"}).remediation
        spf_fix = Finding("spf.missing", params={"domain": "weak.example"}).remediation
    assert f"✕</span> {label}" in page  # a word and a sign, not colour alone
    assert remediation in page or spf_fix in page
    assert "2026/12/01 12:00 JST" in page and "2026-12-01T03:00" not in page
    assert "<polyline" in page and "75.0%" in page
    assert "レコード" in remediation + spf_fix  # the findings read in Japanese


def test_overview_with_nothing_yet(store, tmp_path):
    create_user(store, "admin", PASSWORD, "admin")
    app = create_app(Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None), store=store)
    with TestClient(app) as c:
        login(c, "admin")
        page = c.get("/")
        assert page.status_code == 200 and 'id="no-domains"' in page.text
        assert c.get("/api/overview").json() == {
            "domains": [],
            "gateway": {"held": 0, "delayed": 0, "href": "/gateway/queue"},
            "findings": [],
        }
    assert not (tmp_path / "spool").exists()  # the overview never makes a spool
