"""Request bodies are bounded while read, before any parsing, and not read at all without a
session."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.web.app import create_app
from mailwarden.web.limits import DEFAULT_LIMIT, limit_for

from .test_sessions import login

PASSWORD = "a long test password"


@pytest.fixture
def app(store, tmp_path):
    create_user(store, "admin", PASSWORD, "admin")
    return create_app(Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None), store=store)


def test_a_declared_length_over_the_limit_is_refused_before_reading(app):
    with TestClient(app) as c:
        r = c.post("/api/dmarc/reports", headers={"content-length": str(400 * 1024 * 1024)}, content=b"")
        assert r.status_code == 413


def test_nobody_signed_in_gets_no_body_read(app):
    read = []

    async def receive():  # the body the client would send: counted if anyone asks for it
        read.append(1)
        return {"type": "http.request", "body": b"x" * 1000, "more_body": False}

    sent = []

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/dmarc/reports",
        "raw_path": b"/api/dmarc/reports",
        "query_string": b"",
        "headers": [(b"content-type", b"multipart/form-data; boundary=x"), (b"host", b"testserver")],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
        "scheme": "http",
        "root_path": "",
        "http_version": "1.1",
    }
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 401 and read == []


def test_a_body_longer_than_it_said_is_cut_off(app):
    with TestClient(app) as c:
        assert login(c, "admin") == 303
        csrf = c.get("/api/session").json()["csrf_token"]

        def chunks():
            for _ in range(3):
                yield b"x" * DEFAULT_LIMIT  # no Content-Length: streamed until the limit bites

        r = c.post(
            "/api/account/password",  # a JSON route: 1 MB at most
            headers={"x-csrf-token": csrf, "content-type": "application/json"},
            content=chunks(),
        )
        assert r.status_code == 413


def test_limits_per_route():
    assert limit_for("/api/dmarc/reports") > limit_for("/api/messages/analyze") > limit_for("/api/surveys")
    assert limit_for("/login") == DEFAULT_LIMIT


def test_only_trusted_hosts_are_answered(store, tmp_path, monkeypatch):
    monkeypatch.delenv("MAILWARDEN_TRUSTED_HOSTS")
    app = create_app(
        Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None, console_url="https://mw.example.jp"),
        store=store,
    )
    with TestClient(app, base_url="https://mw.example.jp") as c:
        assert c.get("/login").status_code == 200
    with TestClient(app, base_url="https://evil.example") as c:
        assert c.get("/login").status_code == 400
