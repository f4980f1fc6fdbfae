"""The sender test inbox in the console: each user's own address, their graded messages in the
reader's language, someone else's shown to administrators only. Login required."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mailwarden.core import i18n
from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.deliverability.sender import SenderReport, save_report
from mailwarden.web.app import create_app
from mailwarden.web.routes.sender import token_for
from tests.web.test_console import PASSWORD, login

SECRET = "k" * 40


@pytest.fixture(autouse=True)
def _any_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")


def graded(subject: str) -> SenderReport:
    r = SenderReport(sender="news@example.co.jp", subject=subject, score=62, grade="C", client_ip="192.0.2.1")
    r.add("spf", "sender.spf-pass")
    r.add("unsubscribe", "sender.unsubscribe-missing")
    return r


def test_each_user_sees_their_address_and_their_messages(store, tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path, secret_key=SECRET, lang="en", sender_inbox_domain="inbox.example.jp"
    )
    viewer = create_user(store, "tester", PASSWORD, "viewer")
    admin = create_user(store, "boss", PASSWORD, "admin")
    mine = token_for(SECRET, viewer.id)
    assert mine != token_for(SECRET, admin.id) and mine == token_for(SECRET, viewer.id)
    with i18n.language("ja"):  # graded while the inbox ran in Japanese
        own = save_report(store, graded("December newsletter"), mine)
    other = save_report(store, graded("Board minutes"), token_for(SECRET, admin.id))
    app = create_app(settings, store=store)
    with TestClient(app) as client:
        login(client)
        data = client.get("/api/sender").json()
        assert data["address"] == f"{mine}@inbox.example.jp"
        assert [c["id"] for c in data["checks"]] == [own] and data["recent"] == []
        # the kept Japanese texts shown again in the reader's language
        checks = {c["name"]: c for c in data["checks"][0]["report"]["checks"]}
        assert "has no List-Unsubscribe header" in checks["unsubscribe"]["detail"]
        assert not any("\u3040" <= ch <= "\u30ff" for ch in checks["unsubscribe"]["detail"])
        page = client.get(f"/sender/{own}").text
        assert "Grade C (62/100)" in page and "List-Unsubscribe" in page
        assert "December newsletter" in client.get("/sender").text
        # another user's test is not theirs to read
        assert client.get(f"/api/sender/checks/{other}").status_code == 404
        assert client.get("/api/sender/checks/99999").status_code == 404


def test_an_administrator_sees_everyones_latest(store, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, secret_key=SECRET, lang="ja")
    viewer = create_user(store, "someone", PASSWORD, "viewer")
    create_user(store, "tester", PASSWORD, "admin")
    theirs = save_report(store, graded("Board minutes"), token_for(SECRET, viewer.id))
    with TestClient(create_app(settings, store=store)) as client:
        login(client)
        data = client.get("/api/sender").json()
        assert data["address"] is None  # no inbox domain set: the page says how to set one
        assert [r["id"] for r in data["recent"]] == [theirs]
        assert client.get(f"/api/sender/checks/{theirs}").status_code == 200
        assert "MAILWARDEN_SENDER_INBOX_DOMAIN" in client.get("/sender").text


def test_the_pages_need_a_login(store, tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path, secret_key=SECRET, lang="en"), store=store)
    with TestClient(app) as anonymous:
        assert anonymous.get("/api/sender").status_code == 401
        assert anonymous.get("/sender", follow_redirects=False).status_code in (302, 303, 307)
