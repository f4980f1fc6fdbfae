"""The console's jobs: login required; audits started from the API run in-process with the
embedded database; with PostgreSQL a survey started in the console is queued, the page says
no worker is running, and a real worker process finishes it."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from mailwarden.core.config import Settings
from mailwarden.core.store import DomainCheck
from mailwarden.core.users import create_user
from mailwarden.web.app import create_app

from .conftest import Mailwarden, wait_for

PASSWORD = "a long test password"
KEY = "k" * 40


@pytest.fixture(autouse=True)
def _any_host(monkeypatch):
    """Starlette's test client calls itself "testserver" (as tests/web does)."""
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")


def _login(client: TestClient) -> str:
    page = client.get("/login")
    m = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert m
    r = client.post(
        "/login", data={"username": "boss", "password": PASSWORD, "csrf": m.group(1)}, follow_redirects=False
    )
    assert r.status_code == 303
    return str(client.get("/api/session").json()["csrf_token"])


def _console(store, tmp_path: Path, audit_dns, jobs: str):  # type: ignore[no-untyped-def]
    create_user(store, "boss", PASSWORD, "admin")
    url = store.engine.url.render_as_string(hide_password=False)
    settings = Settings(
        data_dir=tmp_path,
        secret_key=KEY,
        lang="en",
        database_url=url,
        jobs=jobs,
        nameservers=audit_dns.address,
    )
    return create_app(settings, store=store)


def test_jobs_need_a_login(store, tmp_path, audit_dns):
    with TestClient(_console(store, tmp_path, audit_dns, "inline")) as c:
        assert c.get("/jobs", follow_redirects=False).status_code == 303
        assert c.get("/api/jobs").status_code == 401
        assert c.post("/api/jobs/audits", json={"domains": ["good.test"]}).status_code in (401, 403)


def test_audits_started_in_the_console_run_in_process(store, tmp_path, audit_dns):
    with TestClient(_console(store, tmp_path, audit_dns, "inline")) as c:
        csrf = _login(c)
        r = c.post(
            "/api/jobs/audits",
            json={"name": "取引先", "domains": ["good.test", "nospf.test", "good.test"]},
            headers={"x-csrf-token": csrf},
        )
        assert r.status_code == 202, r.text
        run_id = r.json()["id"]

        def finished() -> dict | None:
            info = c.get(f"/api/jobs/{run_id}").json()
            return info if info["status"] == "done" else None

        info = wait_for(finished, what="the audits")
        # a domain named twice is audited once
        assert info["total"] == 2 and sorted(i["item"] for i in info["items"]) == ["good.test", "nospf.test"]
        assert c.get("/api/jobs").json()["queue"] is None  # no queue with inline jobs
        page = c.get("/jobs").text
        assert "取引先" in page and "domain audits" in page and "Jobs run in the console" in page
        assert "good.test" in c.get(f"/jobs/{run_id}").text
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(DomainCheck)) == 2


@pytest.mark.postgres
def test_a_console_survey_is_queued_and_a_worker_finishes_it(postgres, tmp_path, audit_dns):
    from mailwarden.core.store import open_store

    url = postgres.create_database(f"mw_console_jobs_{time.time_ns()}")
    store = open_store(url=url)
    try:
        with TestClient(_console(store, tmp_path, audit_dns, "auto")) as c:
            csrf = _login(c)
            r = c.post(
                "/api/surveys",
                json={"name": "queued", "domains": ["good.test", "nospf.test", "bad.test"]},
                headers={"x-csrf-token": csrf},
            )
            assert r.status_code == 202, r.text
            survey_id = r.json()["id"]
            overview = c.get("/api/jobs").json()
            assert overview["queue"]["jobs"] == {"todo": 1} and overview["queue"]["workers"] == []
            assert "no worker is running" in c.get("/jobs").text
            mw = Mailwarden(tmp_path, url)
            try:
                mw.worker("console-worker")

                def done() -> dict | None:
                    survey = c.get(f"/api/surveys/{survey_id}").json()
                    return survey if survey["status"] == "done" else None

                survey = wait_for(done, what="the queued survey")
                assert [row["domain"] for row in survey["results"]] == [
                    "good.test",
                    "nospf.test",
                    "bad.test",
                ]
                assert survey["summary"]["checked"] + survey["summary"]["errors"] == 3
                overview = c.get("/api/jobs").json()
                assert len(overview["queue"]["workers"]) == 1
                assert overview["runs"][0]["status"] == "done"
            finally:
                mw.stop()
    finally:
        store.engine.dispose()
