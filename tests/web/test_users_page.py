"""Users and roles for administrators (/users, /api/users): add with a one-time password shown
once, change the role, disable and enable, reset the password (the user's sessions end); the
last active administrator stays; a disabled user cannot log in; every action is admin-only."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import authenticate, create_user, users_table
from mailwarden.web.app import create_app

from .test_sessions import csrf_of, login

PASSWORD = "a long test password"


@pytest.fixture
def app(store, tmp_path):
    for role in ("admin", "approver", "viewer"):
        create_user(store, role, PASSWORD, role)
    return create_app(Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None), store=store)


def user_id(store, name: str) -> int:
    return next(u["id"] for u in users_table(store) if u["username"] == name)


def token(c: TestClient) -> dict[str, str]:
    return {"x-csrf-token": c.get("/api/session").json()["csrf_token"]}


# (method, path, json body): every user action, for the role check
ACTIONS = [
    ("get", "/api/users", None),
    ("post", "/api/users", {"username": "newcomer", "role": "viewer"}),
    ("post", "/api/users/{viewer}/role", {"role": "approver"}),
    ("post", "/api/users/{viewer}/disable", None),
    ("post", "/api/users/{viewer}/enable", None),
    ("post", "/api/users/{viewer}/password", None),
]


@pytest.mark.parametrize("role", ["approver", "viewer"])
@pytest.mark.parametrize(("method", "path", "body"), ACTIONS, ids=[f"{m} {p}" for m, p, _ in ACTIONS])
def test_every_action_is_for_administrators_only(app, store, role, method, path, body):
    url = path.format(viewer=user_id(store, "viewer"))
    with TestClient(app) as c:
        assert login(c, role) == 303
        kwargs = {"json": body} if body is not None else {}
        r = getattr(c, method)(url, headers=token(c), **kwargs)
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
        page = c.get("/users")
        assert page.status_code == 403
        assert 'href="/users"' not in c.get("/").text  # the navigation hides it too
    assert authenticate(store, "viewer", PASSWORD) is not None  # nothing changed
    assert {u["username"] for u in users_table(store)} == {"admin", "approver", "viewer"}


def test_add_a_user_with_a_one_time_password_shown_once(app, store):
    with TestClient(app) as c:
        login(c, "admin")
        page = c.get("/users")
        assert 'href="/users"' in page.text and 'id="user-add"' in page.text
        r = c.post("/users", data={"csrf": csrf_of(page.text), "username": "hanako", "role": "approver"})
        assert r.status_code == 201 and r.headers["cache-control"] == "no-store"
        shown = re.search(r'id="one-time-password">([^<]+)<', r.text).group(1)
        assert "hanako" in r.text
        assert shown not in c.get("/users").text  # shown once
        assert "one_time_password" not in str(c.get("/api/users").json())
        api = c.post("/api/users", json={"username": "jiro", "role": "viewer"}, headers=token(c))
        assert api.status_code == 201 and len(api.json()["one_time_password"]) >= 10
        twice = c.post("/api/users", json={"username": "jiro"}, headers=token(c))
        assert twice.status_code == 400 and twice.json()["error"]["code"] == "invalid-input"
        bad_role = c.post("/api/users", json={"username": "x", "role": "root"}, headers=token(c))
        assert bad_role.status_code == 422
    hanako = authenticate(store, "hanako", shown)
    assert hanako is not None and hanako.role == "approver" and hanako.must_change_password
    with TestClient(app) as c:  # the new user must replace the password first
        r = c.post(
            "/login",
            data={"username": "hanako", "password": shown, "csrf": csrf_of(c.get("/login").text)},
            follow_redirects=False,
        )
        assert r.headers["location"] == "/account/password"


def test_disable_enable_and_a_disabled_user_cannot_log_in(app, store):
    viewer = user_id(store, "viewer")
    with TestClient(app) as victim:
        assert login(victim, "viewer") == 303
        with TestClient(app) as c:
            login(c, "admin")
            page = c.get("/users")
            r = c.post(f"/users/{viewer}/disable", data={"csrf": csrf_of(page.text)}, follow_redirects=False)
            assert r.status_code == 303
            assert next(u for u in c.get("/api/users").json() if u["id"] == viewer)["disabled"] is True
        # the viewer's session ended, and logging in again fails
        assert victim.get("/api/session").status_code == 401
        assert login(victim, "viewer") == 401
    with TestClient(app) as c:
        login(c, "admin")
        assert c.post(f"/api/users/{viewer}/enable", headers=token(c)).json()["disabled"] is False
    with TestClient(app) as c:
        assert login(c, "viewer") == 303


def test_reset_password_ends_sessions_and_issues_a_one_time_password(app, store):
    approver = user_id(store, "approver")
    with TestClient(app) as victim:
        assert login(victim, "approver") == 303
        with TestClient(app) as c:
            login(c, "admin")
            r = c.post(f"/users/{approver}/password", data={"csrf": csrf_of(c.get("/users").text)})
            assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
            fresh = re.search(r'id="one-time-password">([^<]+)<', r.text).group(1)
            api = c.post(f"/api/users/{approver}/password", headers=token(c)).json()
            assert api["username"] == "approver" and api["one_time_password"] != fresh
        assert victim.get("/api/session").status_code == 401
    assert authenticate(store, "approver", PASSWORD) is None
    assert authenticate(store, "approver", api["one_time_password"]).must_change_password


def test_change_role_counts_at_once(app, store):
    viewer = user_id(store, "viewer")
    with TestClient(app) as victim:
        assert login(victim, "viewer") == 303
        assert victim.get("/gateway/queue/0123456789abcdef/release").status_code == 403
        with TestClient(app) as c:
            login(c, "admin")
            r = c.post(
                f"/users/{viewer}/role",
                data={"csrf": csrf_of(c.get("/users").text), "role": "approver"},
                follow_redirects=False,
            )
            assert r.status_code == 303
        # no longer refused for the role: the message simply is not queued
        assert victim.get("/gateway/queue/0123456789abcdef/release").status_code == 404
    with TestClient(app) as c:
        login(c, "admin")
        assert (
            c.post(f"/api/users/{viewer}/role", json={"role": "viewer"}, headers=token(c)).status_code == 200
        )
        assert c.post("/api/users/999999/role", json={"role": "viewer"}, headers=token(c)).status_code == 404


def test_the_last_active_administrator_stays(app, store):
    admin = user_id(store, "admin")
    with TestClient(app) as c:
        login(c, "admin")
        for path, body in (
            (f"/api/users/{admin}/disable", None),
            (f"/api/users/{admin}/role", {"role": "viewer"}),
        ):
            r = c.post(path, json=body, headers=token(c)) if body else c.post(path, headers=token(c))
            assert r.status_code == 409 and r.json()["error"]["code"] == "last-admin", r.text
        page = c.post(f"/users/{admin}/disable", data={"csrf": csrf_of(c.get("/users").text)})
        assert page.status_code == 409 and 'id="users-error"' in page.text
        # with a second active administrator, the first may step down
        second = c.post("/api/users", json={"username": "admin2", "role": "admin"}, headers=token(c))
        assert second.status_code == 201
        assert (
            c.post(f"/api/users/{admin}/role", json={"role": "approver"}, headers=token(c)).status_code == 200
        )
    admins = [u for u in users_table(store) if u["role"] == "admin" and not u["disabled"]]
    assert [u["username"] for u in admins] == ["admin2"]


def test_a_disabled_administrator_does_not_count(app, store):
    with TestClient(app) as c:
        login(c, "admin")
        other = c.post("/api/users", json={"username": "admin2", "role": "admin"}, headers=token(c))
        assert other.status_code == 201
        admin2 = user_id(store, "admin2")
        assert c.post(f"/api/users/{admin2}/disable", headers=token(c)).status_code == 200
        me = user_id(store, "admin")
        r = c.post(f"/api/users/{me}/disable", headers=token(c))
        assert r.status_code == 409 and r.json()["error"]["code"] == "last-admin"
