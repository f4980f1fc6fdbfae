"""The API fuzzed from its own OpenAPI schema (schemathesis, property-based): no input gives a
server error. Signed in as an administrator (every route reachable), with the CSRF token."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.web.app import create_app

from .test_sessions import login

PASSWORD = "a long test password"


@pytest.fixture(scope="module")
def signed_in_app(tmp_path_factory, audit_dns):
    from mailwarden.core.store import open_store

    tmp = tmp_path_factory.mktemp("fuzz")
    store = open_store(url=f"sqlite:///{tmp / 'fuzz.db'}")
    create_user(store, "admin", PASSWORD, "admin")
    app = create_app(
        Settings(
            data_dir=tmp,
            secret_key="k" * 40,
            lang=None,
            nameservers=audit_dns.address,
            dns_timeout=2.0,
            trusted_hosts="*",
        ),
        store=store,
    )
    with TestClient(app) as c:
        assert login(c, "admin") == 303
        csrf = c.get("/api/session").json()["csrf_token"]
        cookie = c.cookies.get("mw_session")
    return app, {"x-csrf-token": csrf, "cookie": f"mw_session={cookie}"}


def test_no_input_gives_a_server_error(signed_in_app):
    app, headers = signed_in_app
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    failures: list[str] = []
    ran = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path in ("/api/account/password", "/api/users/{user_id}/password"):
            continue  # would change the password the other cases sign in with (and end the session)

        @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def run(case):
            nonlocal ran
            ran += 1
            response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:200]}"
                )

        run()
    assert ran > 100
    assert not failures, "\n".join(sorted(set(failures))[:20])
