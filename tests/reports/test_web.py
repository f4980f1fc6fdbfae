"""The reports API: the report buttons' POST (token, size, rate), the console's list, detail and
cluster decision (session, role, CSRF)."""

from __future__ import annotations

import base64
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.reports import service, tokens
from mailwarden.web.app import create_app
from mailwarden.web.console import Console
from mailwarden.web.routes import reports as routes

from . import corpus

PASSWORD = "a long test password"


@pytest.fixture(autouse=True)
def _any_host(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")


@pytest.fixture
def settings(tmp_path):  # type: ignore[no-untyped-def]
    return Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None)


@pytest.fixture
def button_api(store, settings):  # type: ignore[no-untyped-def]
    """The reports router alone: the report buttons' endpoint authenticates by token, not by
    console session (the app-wide body middleware is checked separately)."""
    app = FastAPI()
    app.state.console = Console.build(settings, store)
    app.state.store = store
    app.include_router(routes.router)
    return TestClient(app)


def _post(client: TestClient, token: str | None, message: bytes, **extra):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = {"message": base64.b64encode(message).decode(), **extra}
    return client.post("/api/reports", json=body, headers=headers)


def test_button_post_stores_the_report(button_api, store):
    _, token = tokens.create_token(store, "outlook")
    answers = {"clicked_link": "no", "expected": "いいえ"}
    r = _post(button_api, token, corpus.phish(), answers=answers, reporter="kato@example.co.jp")
    assert r.status_code == 201, r.text
    got = r.json()
    assert set(got) == {"report_id", "cluster_id", "status", "classification", "degraded"}
    detail = service.get_report(store, got["report_id"])
    assert detail is not None
    assert (detail["path"], detail["reporter"], detail["answers"]) == ("api", "kato@example.co.jp", answers)


@pytest.mark.parametrize("token", [None, "mwr_not-a-token", "Basic abc"])
def test_button_post_needs_a_live_token(button_api, store, token):
    r = _post(button_api, token, corpus.phish())
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert service.list_reports(store) == []


def test_revoked_token_refused(button_api, store):
    info, token = tokens.create_token(store, "thunderbird")
    assert _post(button_api, token, corpus.phish()).status_code == 201
    tokens.revoke_token(store, info.id)
    assert _post(button_api, token, corpus.phish()).status_code == 401


def test_rate_per_token(button_api, store):
    button_api.app.state.console.settings = button_api.app.state.console.settings.model_copy(
        update={"report_rate": 3}
    )
    _, first = tokens.create_token(store, "a")
    _, second = tokens.create_token(store, "b")
    codes = [_post(button_api, first, corpus.phish()).status_code for _ in range(4)]
    assert codes == [201, 201, 201, 429]
    limited = _post(button_api, first, corpus.phish())
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert _post(button_api, second, corpus.phish()).status_code == 201  # another token is not held up


def test_size_bounded(button_api, store, monkeypatch):
    monkeypatch.setattr(routes, "BODY_LIMIT", 4096)
    _, token = tokens.create_token(store, "a")
    r = _post(button_api, token, corpus.phish(body="x" * 8000))
    assert r.status_code == 413
    # a body without a declared length is cut off as it streams
    big = b'{"message": "' + b"QUFB" * 2000 + b'"}'
    r = button_api.post(
        "/api/reports",
        content=iter([big[:2000], big[2000:]]),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert r.status_code == 413
    assert service.list_reports(store) == []


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"not json", 400),
        (b'{"answers": {}}', 422),
        (b'{"message": "%%%"}', 422),
        (b'{"message": "QUFB", "answers": [1]}', 422),
        (b'{"message": ""}', 422),
    ],
)
def test_bad_payloads_have_reasons(button_api, store, body, status):
    _, token = tokens.create_token(store, "a")
    r = button_api.post(
        "/api/reports",
        content=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert r.status_code == status and r.json()["detail"]


# -- the console: list, detail, decision -------------------------------------------------------------
@pytest.fixture
def console(store, settings):  # type: ignore[no-untyped-def]
    create_user(store, "boss", PASSWORD, "admin")
    create_user(store, "viewer", PASSWORD, "viewer")
    return create_app(settings, store=store)


def _login(client: TestClient, user: str) -> str:
    page = client.get("/login")
    m = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert m
    r = client.post(
        "/login", data={"username": user, "password": PASSWORD, "csrf": m.group(1)}, follow_redirects=False
    )
    assert r.status_code == 303
    return str(client.get("/api/session").json()["csrf_token"])


def _seed(store, n=2):  # type: ignore[no-untyped-def]
    from mailwarden.analyze.rules import load_rules

    rules = load_rules()
    return [
        service.ingest_report(
            store,
            rules,
            "k" * 40,
            path="imap",
            report_mail=corpus.attached(corpus.phish(to=f"s{i}@example.co.jp")),
        )
        for i in range(n)
    ]


def test_console_lists_shows_and_resolves(console, store):
    seeded = _seed(store)
    cid = seeded[0].cluster_id
    with TestClient(console) as c:
        assert c.get("/api/reports").status_code == 401
        csrf = _login(c, "boss")
        rows = c.get("/api/reports", params={"status": "received"}).json()
        assert sorted(r["id"] for r in rows) == sorted(s.report_id for s in seeded)
        assert c.get("/api/reports", params={"status": "bogus"}).status_code == 422
        detail = c.get(f"/api/reports/{seeded[0].report_id}").json()
        assert detail["cluster_id"] == cid and detail["cluster_size"] == 2
        assert c.get("/api/reports/999999").status_code == 404
        url = f"/api/reports/clusters/{cid}/resolve"
        assert c.post(url, json={"classification": "phishing"}).status_code == 403  # no CSRF token
        bad = c.post(url, json={"classification": "simulation"}, headers={"X-CSRF-Token": csrf})
        assert bad.status_code == 422
        r = c.post(
            url, json={"classification": "phishing", "note": "fake login"}, headers={"X-CSRF-Token": csrf}
        )
        assert r.status_code == 200 and r.json() == {
            "cluster_id": cid,
            "classification": "phishing",
            "reports": 2,
        }
        assert c.get("/api/reports", params={"classification": "phishing"}).json()[0]["status"] == "resolved"
        audit = c.get(f"/api/reports/{seeded[1].report_id}").json()["audit"]
        assert [(a["actor"], a["action"]) for a in audit] == [("web:boss", "resolve")]
        missing = c.post(
            "/api/reports/clusters/424242/resolve",
            json={"classification": "spam"},
            headers={"X-CSRF-Token": csrf},
        )
        assert missing.status_code == 404


def test_viewer_may_read_but_not_decide(console, store):
    seeded = _seed(store, 1)
    with TestClient(console) as c:
        csrf = _login(c, "viewer")
        assert c.get("/api/reports").status_code == 200
        r = c.post(
            f"/api/reports/clusters/{seeded[0].cluster_id}/resolve",
            json={"classification": "clean"},
            headers={"X-CSRF-Token": csrf},
        )
        assert r.status_code == 403
    assert service.get_report(store, seeded[0].report_id)["status"] == "received"  # type: ignore[index]


def test_the_whole_console_lets_a_token_through_and_nobody_else(store, settings):
    """Through the console's body middleware: a live token posts without a session; no token
    or a dead one is refused before the body is read; the report buttons' size limit applies."""
    _, token = tokens.create_token(store, "thunderbird")
    with TestClient(create_app(settings, store=store)) as client:
        r = _post(client, token, corpus.phish(), reporter="ito@example.co.jp")
        assert r.status_code == 201, r.text
        assert _post(client, None, corpus.phish()).status_code == 401
        assert _post(client, "mwr_not-a-token", corpus.phish()).status_code == 401
        huge = client.post(
            "/api/reports",
            content=b"x",
            headers={"Authorization": f"Bearer {token}", "Content-Length": str(60 * 1024 * 1024)},
        )
        assert huge.status_code == 413
        # the other report routes still need a console session
        assert client.post("/api/reports/clusters/1/resolve", json={}).status_code == 401
    assert [r["reporter"] for r in service.list_reports(store)] == ["ito@example.co.jp"]
