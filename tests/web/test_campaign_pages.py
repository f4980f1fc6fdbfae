"""The console's campaign pages and their JSON twins: a campaign where a scanner HEADs every
link and 3 of 10 people click shows 30 % beside the raw 100 %, every reason of every hit as
text, the pseudonymised CSV; repeat offenders and assignments; webhooks (administrators, CSRF,
the secret shown once) — on SQLite and PostgreSQL."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.simulate import classify, listings
from mailwarden.web.app import create_app
from tests.simulate.test_metrics import (
    T0,
    make_campaign,
    person_clicks,
    report,
    scanner_heads_everything,
)

PASSWORD = "a long test password"
KEY = "k" * 40


@pytest.fixture
def console(store, tmp_path):  # type: ignore[no-untyped-def]
    create_user(store, "boss", PASSWORD, "admin")
    create_user(store, "viewer", PASSWORD, "viewer")
    return create_app(Settings(data_dir=tmp_path, secret_key=KEY, lang=None), store=store)


def _login(client: TestClient, user: str) -> str:
    page = client.get("/login")
    m = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert m
    r = client.post(
        "/login", data={"username": user, "password": PASSWORD, "csrf": m.group(1)}, follow_redirects=False
    )
    assert r.status_code == 303
    return str(client.get("/api/session").json()["csrf_token"])


def _seed(store):  # type: ignore[no-untyped-def]
    cid, recips = make_campaign(store, 10, departments=("営業部", "経理部"))
    scanner_heads_everything(store, cid, recips)
    for i in range(3):
        person_clicks(
            store, cid, recips[i][0], T0 + timedelta(hours=1, minutes=10 * i), f"198.51.100.{i + 1}"
        )
    report(store, cid, recips[4][1], T0 + timedelta(minutes=45))
    return cid, recips


def test_login_required(console):  # type: ignore[no-untyped-def]
    with TestClient(console) as c:
        assert c.get("/campaigns", follow_redirects=False).status_code == 303
        assert c.get("/api/campaigns").status_code == 401
        assert c.get("/api/campaigns/1/export.csv").status_code == 401


def test_campaign_pages_show_people_beside_raw_and_every_reason(console, store):  # type: ignore[no-untyped-def]
    cid, recips = _seed(store)
    with TestClient(console) as c:
        _login(c, "viewer")
        listing = c.get("/campaigns")
        assert listing.status_code == 200 and f'href="/campaigns/{cid}"' in listing.text
        rows = c.get("/api/campaigns").json()
        assert [(r["campaign"]["id"], r["sent"]) for r in rows] == [(cid, 10)]

        page = c.get(f"/campaigns/{cid}")
        assert page.status_code == 200
        clicked = re.search(r'<tr id="cp-clicked">(.*?)</tr>', page.text, re.S)
        assert clicked and "30.0 %" in clicked.group(1) and "100.0 %" in clicked.group(1)
        assert "経理部" in page.text and f"/api/campaigns/{cid}/export.csv" in page.text
        assert 'id="cp-chart"' in page.text
        # every reason of every hit, as text
        hits = c.get(f"/api/campaigns/{cid}/hits", params={"limit": 1000}).json()
        assert hits["total"] == 10 + 3 * 3
        reasons = [r for h in hits["hits"] for r in h["reasons"]]
        assert {r["code"] for r in reasons} >= {"method", "instant", "no-beacon"}
        for r in reasons:
            assert r["text"] and html.escape(r["text"]) in page.text
        automated = c.get(f"/api/campaigns/{cid}/hits", params={"human": "false"}).json()
        assert automated["total"] == 10 and all(h["human"] is False for h in automated["hits"])
        only = c.get(f"/campaigns/{cid}", params={"hits": "automated"}).text
        assert only.count("<code>HEAD</code>") == 10 and "<code>beacon</code>" not in only

        m = c.get(f"/api/campaigns/{cid}").json()
        assert m["figures"]["clicked"]["rate"] == 0.3 and m["figures"]["clicked"]["raw_rate"] == 1.0
        assert m["figures"]["reported"] == 1
        assert m["figures"]["time_to_report"]["median_seconds"] == 45 * 60
        people = c.get(f"/api/campaigns/{cid}/recipients").json()
        assert people["total"] == 10
        assert sum(1 for p in people["recipients"] if p["failed"]) == 3

        chart = c.get(f"/campaigns/{cid}/chart.svg")
        assert chart.status_code == 200 and chart.headers["content-type"].startswith("image/svg+xml")
        assert (
            "<script" not in chart.text and "default-src 'none'" in chart.headers["content-security-policy"]
        )

        csv_ = c.get(f"/api/campaigns/{cid}/export.csv")
        assert csv_.status_code == 200 and csv_.content.startswith(b"\xef\xbb\xbf")
        assert b"example.co.jp" not in csv_.content
        assert listings.pseudonym(KEY, recips[0][2]).encode() in csv_.content

        assert c.get("/campaigns/424242").status_code == 404
        assert c.get("/api/campaigns/424242").status_code == 404
        assert c.get("/api/campaigns/424242/hits").status_code == 404
        assert c.get("/api/campaigns/0").status_code == 422
        ja = c.get(f"/campaigns/{cid}", params={"lang": "ja"})
        assert ja.status_code == 200 and 'lang="ja"' in ja.text
        assert c.get("/api/campaigns/trend").json()[0]["click_rate"] == 0.3


def test_recipients_and_hits_are_paginated(console, store):  # type: ignore[no-untyped-def]
    cid, recips = make_campaign(store, 105)
    scanner_heads_everything(store, cid, recips)
    with TestClient(console) as c:
        _login(c, "viewer")
        first = c.get(f"/campaigns/{cid}").text
        assert first.count("@example.co.jp</span></td>") == 100
        assert "recipients_from=100" in first and "hits_from=100" in first
        second = c.get(f"/campaigns/{cid}", params={"recipients_from": 100, "hits_from": 100}).text
        assert second.count("@example.co.jp</span></td>") == 5
        page = c.get(f"/api/campaigns/{cid}/hits", params={"limit": 50, "offset": 100}).json()
        assert page["total"] == 105 and len(page["hits"]) == 5


def test_offenders_and_assignments(console, store):  # type: ignore[no-untyped-def]
    people = ["a@example.co.jp", "b@example.co.jp"]
    c1, r1 = make_campaign(store, people=people, name="一回目")
    c2, r2 = make_campaign(store, people=people, name="二回目", sent_at=T0 + timedelta(days=10))
    person_clicks(store, c1, r1[0][0], T0 + timedelta(hours=1), "198.51.100.1")
    person_clicks(store, c2, r2[0][0], T0 + timedelta(days=10, hours=1), "198.51.100.1")
    for cid in (c1, c2):
        classify.classify_campaign(store, cid, now=T0 + timedelta(days=20))
    with TestClient(console) as c:
        token = _login(c, "viewer")
        page = c.get("/campaigns/offenders")
        assert (
            page.status_code == 200 and "a@example.co.jp" in page.text and "b@example.co.jp" not in page.text
        )
        assert 'id="cp-assign"' not in page.text  # a viewer may not assign
        assert c.post("/api/campaigns/offenders/assign", headers={"X-CSRF-Token": token}).status_code == 403
        assert [o["failures"] for o in c.get("/api/campaigns/offenders").json()] == [2]
    with TestClient(console) as c:
        token = _login(c, "boss")
        page = c.get("/campaigns/offenders").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        assert csrf and 'id="cp-assign"' in page
        assert c.post("/campaigns/offenders/assign", data={"csrf": "forged"}).status_code == 403
        done = c.post("/campaigns/offenders/assign", data={"csrf": csrf.group(1)}, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"].endswith("done=1")
        assert c.post("/api/campaigns/offenders/assign").status_code == 403  # no CSRF header
        again = c.post("/api/campaigns/offenders/assign", headers={"X-CSRF-Token": token})
        assert again.json() == {"offenders": 1, "created": 0}
        rows = c.get("/api/campaigns/assignments").json()
        assert [(a["address"], a["campaign_id"], a["reason"]) for a in rows] == [
            ("a@example.co.jp", c2, "repeat")
        ]
        # the reader's language is Japanese by default: the reason is asked for in English
        assert "repeat offender" in c.get("/campaigns/offenders", params={"lang": "en"}).text
        assert "繰り返し引っかかった人" in c.get("/campaigns/offenders", params={"lang": "ja"}).text


def test_webhooks_admin_only_secret_shown_once(console, store):  # type: ignore[no-untyped-def]
    with TestClient(console) as c:
        _login(c, "viewer")
        assert c.get("/campaigns/webhooks").status_code == 403
        assert c.get("/api/campaigns/webhooks").status_code == 403
    with TestClient(console) as c:
        token = _login(c, "boss")
        page = c.get("/campaigns/webhooks").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        assert csrf
        bad = c.post("/campaigns/webhooks", data={"csrf": csrf.group(1), "url": "ftp://127.0.0.1/x"})
        assert bad.status_code == 200 and 'id="cp-error"' in bad.text
        added = c.post(
            "/campaigns/webhooks",
            data={
                "csrf": csrf.group(1),
                "url": "https://hooks.example.com/mw",
                "events": ["recipient.clicked"],
            },
        )
        secret = re.search(r'id="cp-secret".*?<code>([^<]+)</code>', added.text, re.S)
        assert added.status_code == 200 and secret
        listed = c.get("/campaigns/webhooks").text
        assert "https://hooks.example.com/mw" in listed and secret.group(1) not in listed
        rows = c.get("/api/campaigns/webhooks").json()
        assert [(w["url"], w["events"], w["enabled"]) for w in rows] == [
            ("https://hooks.example.com/mw", ["recipient.clicked"], True)
        ]
        assert "secret" not in rows[0]
        wid = rows[0]["id"]
        off = c.post(
            f"/campaigns/webhooks/{wid}/disable", data={"csrf": csrf.group(1)}, follow_redirects=False
        )
        assert off.status_code == 303
        assert c.get("/api/campaigns/webhooks").json()[0]["enabled"] is False

        # the API twins need the CSRF header
        body = {"url": "http://127.0.0.1:9/x", "events": []}
        assert c.post("/api/campaigns/webhooks", json=body).status_code == 403
        made = c.post("/api/campaigns/webhooks", json=body, headers={"X-CSRF-Token": token})
        assert made.status_code == 201 and len(made.json()["secret"]) >= 40
        refused = c.post(
            "/api/campaigns/webhooks", json={"url": "http://10.0.0.1/x"}, headers={"X-CSRF-Token": token}
        )
        assert refused.status_code == 422
        unknown = c.post(
            "/api/campaigns/webhooks",
            json={"url": "https://h.example/x", "events": ["nope"]},
            headers={"X-CSRF-Token": token},
        )
        assert unknown.status_code == 422
        nid = made.json()["webhook"]["id"]
        patched = c.patch(
            f"/api/campaigns/webhooks/{nid}", json={"enabled": False}, headers={"X-CSRF-Token": token}
        )
        assert patched.status_code == 200 and patched.json()["enabled"] is False
        assert c.delete(f"/api/campaigns/webhooks/{nid}", headers={"X-CSRF-Token": token}).status_code == 204
        assert c.delete(f"/api/campaigns/webhooks/{nid}", headers={"X-CSRF-Token": token}).status_code == 404
        gone = c.post(
            f"/campaigns/webhooks/{wid}/remove", data={"csrf": csrf.group(1)}, follow_redirects=False
        )
        assert gone.status_code == 303 and c.get("/api/campaigns/webhooks").json() == []


def test_purge_api(console, store):  # type: ignore[no-untyped-def]
    cid, recips = make_campaign(store, 2)
    scanner_heads_everything(store, cid, recips)
    with TestClient(console) as c:
        token = _login(c, "viewer")
        assert c.post("/api/campaigns/purge", json={}, headers={"X-CSRF-Token": token}).status_code == 403
    with TestClient(console) as c:
        token = _login(c, "boss")
        got = c.post("/api/campaigns/purge", json={"days": 0}, headers={"X-CSRF-Token": token}).json()
        assert got["hits"] == 2 and got["classified_campaigns"] == 1
        hits = c.get(f"/api/campaigns/{cid}/hits").json()["hits"]
        assert all(h["ip"] == "" and h["human"] is False for h in hits)


def test_a_campaign_not_sent_yet(console, store):  # type: ignore[no-untyped-def]
    cid, _ = make_campaign(store, 3, sent_at=None)
    with TestClient(console) as c:
        _login(c, "viewer")
        page = c.get(f"/campaigns/{cid}")
        assert page.status_code == 200 and "—" in page.text
        chart = c.get(f"/campaigns/{cid}/chart.svg", params={"lang": "en"})
        assert chart.status_code == 200 and "Nothing sent yet" in chart.text
        assert "まだ送信していません" in c.get(f"/campaigns/{cid}/chart.svg", params={"lang": "ja"}).text
        m = c.get(f"/api/campaigns/{cid}").json()
        assert m["figures"]["sent"] == 0 and m["figures"]["clicked"]["rate"] is None
        assert m["figures"]["resilience"] is None
        assert c.get("/campaigns").status_code == 200
