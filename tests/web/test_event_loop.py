"""The console keeps answering while a long job runs: report parsing, message analysis and DLP
checks run on worker threads, not on the event loop."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.dmarc import service
from mailwarden.web.app import create_app

from .test_sessions import login

PASSWORD = "a long test password"


@pytest.fixture
def app(store, tmp_path):
    create_user(store, "admin", PASSWORD, "admin")
    return create_app(Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None), store=store)


def test_a_page_answers_while_an_upload_is_being_parsed(app, monkeypatch):
    started, release = threading.Event(), threading.Event()
    real = service.ingest_upload

    def slow_ingest(store, files):  # stands for a 100 MB report: holds until released
        started.set()
        assert release.wait(60)
        return real(store, files)

    monkeypatch.setattr(service, "ingest_upload", slow_ingest)
    with TestClient(app) as c:
        assert login(c, "admin") == 303
        csrf = c.get("/api/session").json()["csrf_token"]
        upload = threading.Thread(
            target=lambda: c.post(
                "/api/dmarc/reports",
                headers={"x-csrf-token": csrf},
                files={"files": ("r.xml", b"<feedback/>", "text/xml")},
            )
        )
        upload.start()
        try:
            assert started.wait(60), "the upload never reached the parser"
            # the parser is busy (blocked): another page must still be served meanwhile
            answered = {}
            other = threading.Thread(target=lambda: answered.setdefault("r", c.get("/api/session")))
            other.start()
            other.join(60)
            assert "r" in answered and answered["r"].status_code == 200
        finally:
            release.set()
            upload.join(60)
