"""Sessions live on the server: logout, a password change and an administrator end them; they
expire; failed logins are throttled per client and per account; the cookie is Secure behind
HTTPS; a role change counts at once."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from mailwarden.core import sessions
from mailwarden.core.config import Settings
from mailwarden.core.throttle import Throttle
from mailwarden.core.users import create_user
from mailwarden.web.app import create_app
from mailwarden.web.console import LOGIN_FAILURES_PER_ACCOUNT

PASSWORD = "a long test password"


def make_app(store, tmp_path, **extra):
    settings = Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None, **extra)
    return create_app(settings, store=store)


@pytest.fixture
def app(store, tmp_path):
    create_user(store, "tester", PASSWORD, "admin")
    return make_app(store, tmp_path)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m
    return m.group(1)


def login(client: TestClient, user: str = "tester", password: str = PASSWORD) -> int:
    page = client.get("/login")
    r = client.post(
        "/login",
        data={"username": user, "password": password, "csrf": csrf_of(page.text)},
        follow_redirects=False,
    )
    return r.status_code


def test_a_cookie_copied_before_logout_is_worth_nothing_after(app):
    with TestClient(app) as c:
        assert login(c) == 303
        stolen = dict(c.cookies)
        assert c.get("/api/session").status_code == 200
        csrf = c.get("/api/session").json()["csrf_token"]
        assert c.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    with TestClient(app, cookies=stolen) as replay:
        assert replay.get("/api/session").status_code == 401


def test_a_password_change_ends_the_other_sessions_not_this_one(app):
    with TestClient(app) as a, TestClient(app) as b:
        assert login(a) == 303 and login(b) == 303
        csrf = a.get("/api/session").json()["csrf_token"]
        new = "another long password"
        r = a.post(
            "/api/account/password",
            json={"current_password": PASSWORD, "new_password": new},
            headers={"x-csrf-token": csrf},
        )
        assert r.status_code == 200, r.text
        assert a.get("/api/session").status_code == 200
        assert b.get("/api/session").status_code == 401


def test_an_administrator_setting_a_password_ends_every_session(app, store):
    import os
    import subprocess
    import sys

    with TestClient(app) as c:
        assert login(c) == 303
        url = store.engine.url.render_as_string(hide_password=False)
        env = {**os.environ, "MAILWARDEN_DATABASE_URL": url, "MAILWARDEN_LANG": "en"}
        r = subprocess.run(
            [sys.executable, "-m", "mailwarden", "user", "passwd", "tester", "--password-stdin"],
            input=b"set by the administrator\n",
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        assert c.get("/api/session").status_code == 401


def test_sessions_expire_absolute_and_idle(store):
    user = create_user(store, "old", PASSWORD, "viewer")
    token = sessions.start(store, user.id)
    now = datetime.now(UTC)
    assert sessions.resume(store, token, now) is not None
    assert sessions.resume(store, token, now + sessions.IDLE + timedelta(minutes=1)) is None
    assert sessions.resume(store, token, now) is None  # ended for good
    other = sessions.start(store, user.id)
    later = now
    while later <= now + sessions.ABSOLUTE + timedelta(minutes=1):  # used every half hour: never idle
        later += timedelta(minutes=30)
        found = sessions.resume(store, other, later)
        if later < now + sessions.ABSOLUTE - timedelta(minutes=1):
            assert found is not None, later - now
    assert found is None  # past the absolute lifetime


def test_a_role_change_counts_at_once(app, store):
    from mailwarden.core.store import User

    with TestClient(app) as c:
        assert login(c) == 303
        assert c.get("/api/session").json()["user"]["role"] == "admin"
        with store.session() as s:
            s.query(User).filter(User.username == "tester").update({"role": "viewer"})
        assert c.get("/api/session").json()["user"]["role"] == "viewer"


def test_failed_logins_are_throttled_per_account(app):
    with TestClient(app) as c:
        for _ in range(LOGIN_FAILURES_PER_ACCOUNT):
            assert login(c, password="wrong password") == 401
        # the right password now waits too: the account is being guessed at
        page = c.get("/login")
        r = c.post("/login", data={"username": "tester", "password": PASSWORD, "csrf": csrf_of(page.text)})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0


def test_the_throttle_forgets_after_its_window():
    t = Throttle(3, 60.0)
    for i in range(3):
        t.failed("x", now=100.0 + i)
    assert t.wait("x", now=103.0) > 0
    assert t.wait("x", now=161.0) == 0.0  # the oldest failure aged out
    t.succeeded("x")
    assert t.wait("x", now=103.0) == 0.0


def test_the_cookie_is_secure_behind_https(store, tmp_path):
    create_user(store, "tester", PASSWORD, "admin")
    app = make_app(store, tmp_path, console_url="https://console.example.jp")
    with TestClient(app, base_url="https://console.example.jp") as c:
        page = c.get("/login")
        r = c.post(
            "/login",
            data={"username": "tester", "password": PASSWORD, "csrf": csrf_of(page.text)},
            follow_redirects=False,
        )
        cookie = r.headers["set-cookie"].lower()
        assert "secure" in cookie and "httponly" in cookie and "samesite=strict" in cookie
