"""The console's triage pages: the queue, a cluster (take, notes, resolve with a confirmation
step, CSRF), one report, upload, and the metrics page with its CSV and chart."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from mailwarden.reports import service

from . import corpus
from .test_web import _any_host, _login, _seed, console, settings  # noqa: F401 - fixtures and helpers


def _form_csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF field in the form"
    return m.group(1)


def test_queue_cluster_take_note_and_resolve(console, store):  # noqa: F811
    seeded = _seed(store, 2)
    cid = seeded[0].cluster_id
    with TestClient(console) as c:
        assert c.get("/reports", follow_redirects=False).status_code == 303  # login first
        _login(c, "boss")
        queue = c.get("/reports")
        assert queue.status_code == 200
        assert f'href="/reports/clusters/{cid}"' in queue.text and 'class="cards"' in queue.text
        assert "script-src 'self'" in queue.headers["content-security-policy"]
        twin = c.get("/api/reports/clusters").json()
        assert [(g["id"], g["size"], g["reporters"]) for g in twin] == [
            (cid, 2, 1)
        ]  # one colleague reported it twice
        page = c.get(f"/reports/clusters/{cid}")
        assert page.status_code == 200 and page.text.count("tanaka@example.co.jp") == 2
        # take: the confirmation page first, the decision only from its form
        confirm = c.get(f"/reports/clusters/{cid}/take")
        assert confirm.status_code == 200 and 'name="confirm" value="yes"' in confirm.text
        csrf = _form_csrf(confirm.text)
        assert (
            c.post(f"/reports/clusters/{cid}/take", data={"csrf": "forged", "confirm": "yes"}).status_code
            == 403
        )
        again = c.post(f"/reports/clusters/{cid}/take", data={"csrf": csrf})
        assert again.status_code == 200 and c.get("/api/reports/clusters").json()[0]["status"] == "received"
        done = c.post(
            f"/reports/clusters/{cid}/take", data={"csrf": csrf, "confirm": "yes"}, follow_redirects=False
        )
        assert done.status_code == 303 and done.headers["location"].endswith("?done=take")
        assert c.get("/api/reports/clusters").json()[0]["assignee"] == "boss"
        # a note
        r = c.post(
            f"/reports/clusters/{cid}/notes",
            data={"csrf": csrf, "text": "経理部にも届いている"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        empty = c.post(
            f"/reports/clusters/{cid}/notes", data={"csrf": csrf, "text": " "}, follow_redirects=False
        )
        assert "error=" in empty.headers["location"]
        # resolve as phishing, with a note for the audit log
        assert c.get(f"/reports/clusters/{cid}/simulation").status_code == 404
        r = c.post(
            f"/reports/clusters/{cid}/phishing",
            data={"csrf": csrf, "confirm": "yes", "note": "偽のログイン画面"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        detail = c.get(f"/api/reports/clusters/{cid}").json()
        assert (detail["status"], detail["classification"]) == ("resolved", "phishing")
        assert [a["action"] for a in detail["audit"]] == ["assign", "note", "resolve"]
        assert [n["detail"] for n in detail["notes"]] == ["経理部にも届いている"]
        page = c.get(f"/reports/clusters/{cid}").text
        assert "経理部にも届いている" in page and "偽のログイン画面" in page
        assert c.get("/api/reports/clusters").json() == []
        assert [g["id"] for g in c.get("/api/reports/clusters", params={"resolved": "true"}).json()] == [cid]
        resolved_tab = c.get("/reports", params={"tab": "resolved", "classification": "phishing"})
        assert f'href="/reports/clusters/{cid}"' in resolved_tab.text
        # taking a resolved cluster is refused with a reason, not a 500
        late = c.post(
            f"/reports/clusters/{cid}/take", data={"csrf": csrf, "confirm": "yes"}, follow_redirects=False
        )
        assert late.status_code == 303 and "error=" in late.headers["location"]
        # the API twins: take and notes need the CSRF header
        token = c.get("/api/session").json()["csrf_token"]
        assert c.post(f"/api/reports/clusters/{cid}/notes", json={"text": "x"}).status_code == 403
        ok = c.post(f"/api/reports/clusters/{cid}/notes", json={"text": "x"}, headers={"X-CSRF-Token": token})
        assert ok.status_code == 201 and ok.json()["action"] == "note"
        assert c.get("/api/reports/clusters/424242").status_code == 404
        assert c.get("/reports/clusters/424242").status_code == 404


def test_message_content_is_escaped(console, store):  # noqa: F811
    from mailwarden.analyze.rules import load_rules

    evil = corpus.phish(
        subject='<img src="https://tracker.example/p.gif">請求書',
        body='<script>alert("x")</script><img src="https://tracker.example/q.gif"> https://evil.example/a?b=1',
    )
    got = service.ingest_report(
        store,
        load_rules(),
        "k" * 40,
        path="imap",
        report_mail=corpus.attached(evil, reporter="<b>x</b>@example.jp"),
    )
    assert got.report_id is not None
    with TestClient(console) as c:
        _login(c, "viewer")
        for url in ("/reports", f"/reports/clusters/{got.cluster_id}", f"/reports/{got.report_id}"):
            page = c.get(url)
            assert page.status_code == 200, url
            assert "<script>alert" not in page.text and '<img src="https://tracker' not in page.text, url
            assert "&lt;img src=&#34;https://tracker.example/p.gif&#34;&gt;" in page.text, url
        # a viewer reads but is offered no decision, and cannot take one
        assert "/take" not in c.get(f"/reports/clusters/{got.cluster_id}").text
        assert c.get(f"/reports/clusters/{got.cluster_id}/take").status_code == 403


def test_upload_report_mail_and_raw_message(console, store):  # noqa: F811
    with TestClient(console) as c:
        _login(c, "boss")
        form = c.get("/reports/upload")
        csrf = _form_csrf(form.text)
        r = c.post(
            "/reports/upload",
            data={"csrf": csrf, "kind": "report"},
            files={
                "file": (
                    "report.eml",
                    corpus.attached(corpus.phish(), reporter="ito@example.co.jp"),
                    "message/rfc822",
                )
            },
            follow_redirects=False,
        )
        assert r.status_code == 303
        report_id = int(r.headers["location"].rsplit("/", 1)[1])
        detail = service.get_report(store, report_id)
        assert detail is not None and (detail["path"], detail["reporter"]) == ("upload", "ito@example.co.jp")
        page = c.get(r.headers["location"])
        assert page.status_code == 200 and "ito@example.co.jp" in page.text
        # the raw message itself: the uploader is the reporter
        token = c.get("/api/session").json()["csrf_token"]
        raw = c.post(
            "/api/reports/upload",
            data={"kind": "message"},
            files={"file": ("m.eml", corpus.phish(to="x@example.co.jp"), "message/rfc822")},
            headers={"X-CSRF-Token": token},
        )
        assert raw.status_code == 201, raw.text
        got = service.get_report(store, raw.json()["report_id"])
        assert got is not None and (got["reporter"], got["intake"]) == ("boss", "raw")
        # a report mail with nothing reported in it: the reason on the form
        bad = c.post(
            "/reports/upload",
            data={"csrf": csrf, "kind": "report"},
            files={
                "file": ("r.eml", b"From: a@example.jp\r\nSubject: hi\r\n\r\njust text", "message/rfc822")
            },
        )
        assert bad.status_code == 200 and 'id="rp-error"' in bad.text
        nothing = c.post("/reports/upload", data={"csrf": csrf, "kind": "report"})
        assert nothing.status_code == 200 and 'id="rp-error"' in nothing.text
    with TestClient(console) as c:
        _login(c, "viewer")
        csrf = _form_csrf(c.get("/reports/upload").text)  # the logout form's
        r = c.post(
            "/reports/upload",
            data={"csrf": csrf},
            files={"file": ("m.eml", corpus.phish(), "message/rfc822")},
        )
        assert r.status_code == 403


def test_upload_is_size_bounded(console, store):  # noqa: F811
    with TestClient(console) as c:
        token = _login(c, "boss")
        big = b"x" * (42 * 1024 * 1024)
        r = c.post(
            "/api/reports/upload",
            files={"file": ("m.eml", big, "message/rfc822")},
            headers={"X-CSRF-Token": token},
        )
        assert r.status_code == 413
    assert service.list_reports(store) == []


def test_metrics_page_json_csv_and_chart(console, store):  # noqa: F811
    seeded = _seed(store, 2)
    service.resolve_cluster(store, seeded[0].cluster_id, "phishing", "cli:me")
    with TestClient(console) as c:
        _login(c, "viewer")
        data = c.get("/api/reports/metrics", params={"days": 3650}).json()
        assert data["reports"] == 2 and data["clusters"]["count"] == 1
        assert data["top_subjects"][0]["reports"] == 2
        page = c.get("/reports/metrics", params={"days": 3650})
        assert page.status_code == 200 and 'src="/reports/metrics/chart.svg?days=3650"' in page.text
        assert "micros0ft-support.example" in page.text
        csv_text = c.get("/reports/metrics.csv", params={"days": 3650})
        assert csv_text.headers["content-type"].startswith("text/csv")
        assert csv_text.text.splitlines()[0] == "metric,key,value" and "\nreports,,2\n" in csv_text.text
        svg = c.get("/reports/metrics/chart.svg", params={"days": 30})
        assert svg.headers["content-type"] == "image/svg+xml"
        assert svg.headers["content-security-policy"] == "default-src 'none'; style-src 'unsafe-inline'"
        assert svg.content.lstrip().startswith(b"<?xml") and b"<script" not in svg.content
        assert c.get("/api/reports/metrics", params={"days": 0}).status_code == 422
