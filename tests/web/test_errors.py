"""Errors as pages for browsers and as ``{"error": {"code", "message"}}`` for API clients:
each stable code, both faces, both languages; never a validator's or an exception's text."""

from __future__ import annotations

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from mailwarden.core import i18n
from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.web.app import create_app
from mailwarden.web.errors import MESSAGES, NEXT_STEPS

from .test_sessions import login

PASSWORD = "a long test password"
HTML = {"accept": "text/html,application/xhtml+xml"}
JSON = {"accept": "application/json"}


@pytest.fixture
def app(store, tmp_path):
    create_user(store, "admin", PASSWORD, "admin")
    create_user(store, "viewer", PASSWORD, "viewer")
    app = create_app(Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None), store=store)
    boom = APIRouter()

    @boom.get("/boom", include_in_schema=False)
    @boom.get("/api/boom", include_in_schema=False)
    async def explode() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    app.include_router(boom)
    return app


def expected(code: str, lang: str) -> str:
    with i18n.language(lang):
        return i18n.gettext(MESSAGES[code])


def error_of(r) -> dict[str, str]:
    assert r.headers["content-type"].startswith("application/json"), r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    return body["error"]


def assert_page(r, status: int, code: str, lang: str) -> None:
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert f'<html lang="{lang}">' in r.text
    assert f'data-code="{code}"' in r.text
    assert "Content-Security-Policy" in r.headers


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_not_found_both_faces(app, lang):
    with TestClient(app) as c:
        login(c, "admin")
        page = c.get(f"/no/such/page?lang={lang}", headers=HTML)
        assert_page(page, 404, "not-found", lang)
        assert expected("not-found", lang) in page.text
        with i18n.language(lang):
            assert i18n.gettext(NEXT_STEPS["not-found"]) in page.text
        assert 'href="/"' in page.text
        api = error_of(c.get(f"/api/no/such?lang={lang}"))
        assert api == {"code": "not-found", "message": expected("not-found", lang)}
        # a route's own message (already translated) is kept, under the stable code
        incident = error_of(c.get(f"/api/gateway/incidents/999999?lang={lang}"))
        with i18n.language(lang):
            assert incident == {"code": "not-found", "message": i18n.gettext("no such incident")}
        # a browser that asks for JSON gets JSON on a page path too
        assert error_of(c.get("/no/such/page", headers=JSON))["code"] == "not-found"


def test_the_japanese_error_page_is_japanese(app):
    with TestClient(app) as c:
        login(c, "admin")
        page = c.get("/no/such/page?lang=ja", headers=HTML)
        # the navigation is the console's own, in Japanese (catalogued strings)
        assert "ログアウト" in page.text and "概要" in page.text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_forbidden_both_faces(app, lang):
    with TestClient(app) as c:
        assert login(c, "viewer") == 303
        page = c.get(f"/users?lang={lang}", headers=HTML)
        assert_page(page, 403, "forbidden", lang)
        with i18n.language(lang):
            assert i18n.gettext("your role may not do this") in page.text
            assert i18n.gettext(NEXT_STEPS["forbidden"]) in page.text
        api = error_of(c.get(f"/api/users?lang={lang}"))
        assert api["code"] == "forbidden"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_csrf_both_faces(app, lang):
    with TestClient(app) as c:
        login(c, "admin")
        page = c.post(f"/users?lang={lang}", data={"csrf": "forged", "username": "x"}, headers=HTML)
        assert_page(page, 403, "csrf", lang)
        assert expected("csrf", lang) in page.text
        assert "CSRF token missing" not in page.text
        api = error_of(c.post(f"/api/users?lang={lang}", json={"username": "x"}))
        assert api == {"code": "csrf", "message": expected("csrf", lang)}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_invalid_input_names_fields_not_the_validator(app, lang):
    with TestClient(app) as c:
        login(c, "admin")
        api = error_of(c.get(f"/api/gateway?days=0&lang={lang}"))
        assert api["code"] == "invalid-input"
        assert api["message"].startswith(expected("invalid-input", lang)) and "days" in api["message"]
        assert "greater than" not in api["message"] and "Input should" not in api["message"]
        page = c.get(f"/gateway?days=abc&lang={lang}", headers=HTML)
        assert_page(page, 422, "invalid-input", lang)
        assert "Input should" not in page.text and "int_parsing" not in page.text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_too_large_both_faces_from_the_limits_middleware(app, lang):
    big = str(400 * 1024 * 1024)
    with TestClient(app) as c:
        login(c, "admin")
        api = c.post(f"/api/dmarc/reports?lang={lang}", headers={"content-length": big}, content=b"")
        assert api.status_code == 413
        assert error_of(api) == {"code": "too-large", "message": expected("too-large", lang)}
        page = c.post(f"/dmarc/upload?lang={lang}", headers={**HTML, "content-length": big}, content=b"")
        assert_page(page, 413, "too-large", lang)
        assert expected("too-large", lang) in page.text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_internal_error_hides_the_exception(app, lang):
    with TestClient(app, raise_server_exceptions=False) as c:
        login(c, "admin")
        api = c.get(f"/api/boom?lang={lang}")
        assert api.status_code == 500
        assert error_of(api) == {"code": "internal", "message": expected("internal", lang)}
        page = c.get(f"/boom?lang={lang}", headers=HTML)
        assert_page(page, 500, "internal", lang)
        assert "secret internals" not in page.text and "RuntimeError" not in page.text
        assert "secret internals" not in api.text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_session_expired_links_to_login(app, store, lang):
    from mailwarden.core import sessions

    with TestClient(app) as c:
        login(c, "admin")
        assert c.get("/api/session").status_code == 200
        sessions.end_all_of(store, "admin")  # e.g. an administrator reset the password
        page = c.get(f"/domains?lang={lang}", headers=HTML, follow_redirects=False)
        assert_page(page, 401, "session-expired", lang)
        assert 'href="/login"' in page.text and expected("session-expired", lang) in page.text
    with TestClient(app) as c:
        login(c, "admin")
        sessions.end_all_of(store, "admin")
        api = error_of(c.get(f"/api/domains?lang={lang}"))
        assert api == {"code": "session-expired", "message": expected("session-expired", lang)}
    with TestClient(app) as c:  # never signed in: the login page, and 401 for the API
        r = c.get("/domains", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login"
        assert error_of(c.get("/api/domains"))["code"] == "unauthenticated"
