"""The CORS allowance for the Outlook add-in (web/cors.py): POST /api/reports only, only from
the origins in MAILWARDEN_REPORT_ORIGINS, none by default, never with credentials."""

from __future__ import annotations

import base64

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.store import open_store
from mailwarden.reports import tokens
from mailwarden.web.app import create_app
from mailwarden.web.cors import report_origins
from tests.reports import corpus

ADDIN = "https://addins.example.co.jp"
PREFLIGHT = {
    "Origin": ADDIN,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization,content-type",
}


def _client(tmp_path, monkeypatch, origins: str | None) -> tuple[TestClient, str]:
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")
    if origins is None:
        monkeypatch.delenv("MAILWARDEN_REPORT_ORIGINS", raising=False)
    else:
        monkeypatch.setenv("MAILWARDEN_REPORT_ORIGINS", origins)
    store = open_store(url=f"sqlite:///{tmp_path / 'mw.db'}")
    _, token = tokens.create_token(store, "outlook")
    app = create_app(Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None), store=store)
    return TestClient(app), token


def _post(client: TestClient, token: str, origin: str) -> object:
    return client.post(
        "/api/reports",
        json={"message": base64.b64encode(corpus.phish()).decode(), "answers": {"client": "outlook"}},
        headers={"Authorization": f"Bearer {token}", "Origin": origin},
    )


def test_origins_from_the_setting(monkeypatch):
    monkeypatch.setenv("MAILWARDEN_REPORT_ORIGINS", " https://A.example.jp/ ,, http://127.0.0.1:3000")
    assert report_origins() == {"https://a.example.jp", "http://127.0.0.1:3000"}
    monkeypatch.delenv("MAILWARDEN_REPORT_ORIGINS")
    assert report_origins() == frozenset()


def test_listed_origin_may_post_reports(tmp_path, monkeypatch):
    client, token = _client(tmp_path, monkeypatch, f"{ADDIN}, https://other.example.jp")
    pre = client.options("/api/reports", headers=PREFLIGHT)
    assert pre.status_code == 204
    assert pre.headers["access-control-allow-origin"] == ADDIN
    assert pre.headers["access-control-allow-methods"] == "POST"
    assert set(pre.headers["access-control-allow-headers"].split(", ")) == {"authorization", "content-type"}
    assert "access-control-allow-credentials" not in pre.headers
    r = _post(client, token, ADDIN)
    assert r.status_code == 201, r.text
    assert r.headers["access-control-allow-origin"] == ADDIN and "Origin" in r.headers["vary"]
    # a refusal is readable by the add-in too (it tells the reporter why)
    bad = _post(client, "mwr_wrong", ADDIN)
    assert bad.status_code == 401 and bad.headers["access-control-allow-origin"] == ADDIN


@pytest.mark.parametrize("origins", [None, "https://other.example.jp"])
def test_other_origins_get_nothing(tmp_path, monkeypatch, origins):
    client, token = _client(tmp_path, monkeypatch, origins)
    pre = client.options("/api/reports", headers=PREFLIGHT)
    assert "access-control-allow-origin" not in pre.headers
    r = _post(client, token, ADDIN)
    assert "access-control-allow-origin" not in r.headers


def test_only_the_report_post(tmp_path, monkeypatch):
    client, _ = _client(tmp_path, monkeypatch, ADDIN)
    for path in ("/api/reports/1", "/api/domains", "/login", "/api/reports/clusters/1/resolve"):
        pre = client.options(path, headers=PREFLIGHT)
        assert "access-control-allow-origin" not in pre.headers, path
    r = client.get("/api/reports", headers={"Origin": ADDIN})
    assert r.status_code == 401 and "access-control-allow-origin" not in r.headers  # POST only
    wrong_method = client.options(
        "/api/reports", headers={**PREFLIGHT, "Access-Control-Request-Method": "DELETE"}
    )
    assert wrong_method.status_code == 405 and "access-control-allow-origin" not in wrong_method.headers
