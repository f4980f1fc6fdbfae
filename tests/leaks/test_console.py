"""Saved leak scans in the console: listed, shown with their findings masked, login required."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.leaks import service
from mailwarden.leaks.scan import scan_paths
from mailwarden.web.app import create_app
from tests.web.test_console import PASSWORD as LOGIN_PASSWORD
from tests.web.test_console import login

PASSWORD = "q8Zr!pw0rd2024"


@pytest.fixture(autouse=True)
def _any_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")


def _app(store, tmp_path: Path):  # type: ignore[no-untyped-def]
    return create_app(Settings(data_dir=tmp_path, secret_key="k" * 40, lang="en"), store=store)


def test_a_saved_scan_is_listed_and_shown_masked(store, tmp_path: Path) -> None:
    (tmp_path / "app.env").write_text(f"MAIL_PASSWORD={PASSWORD}\nAWS_ACCESS_KEY_ID=AKIAY34FZKBOKMUTVV7A\n")
    result = scan_paths([tmp_path])
    scan_id = service.save(store, str(tmp_path), False, result, result.secrets, "tester")
    create_user(store, "tester", LOGIN_PASSWORD, "viewer")
    with TestClient(_app(store, tmp_path)) as client:
        login(client)
        _check(client, scan_id)


def _check(client: TestClient, scan_id: int) -> None:
    listing = client.get("/api/leaks/scans").json()
    assert listing["total"] == 1 and listing["scans"][0]["found"] == 2
    detail = client.get(f"/api/leaks/scans/{scan_id}").json()
    assert {f["code"] for f in detail["findings"]} == {"leaks.smtp-password", "leaks.aws-access-key-id"}
    page = client.get(f"/leaks/{scan_id}").text
    assert "q8Zr…" in page and PASSWORD not in page and "609629065308" in page
    assert PASSWORD not in client.get("/leaks").text
    assert client.get("/api/leaks/scans/999").status_code == 404


def test_the_pages_need_a_login(store, tmp_path: Path) -> None:
    with TestClient(_app(store, tmp_path)) as anonymous:
        assert anonymous.get("/api/leaks/scans").status_code == 401
        assert anonymous.get("/leaks", follow_redirects=False).status_code in (302, 303, 307)


def test_scan_save_from_the_cli_keeps_no_secret(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "mail.env").write_text(f"MAIL_PASSWORD={PASSWORD}\n")
    env = {**os.environ, "MAILWARDEN_DATA_DIR": str(tmp_path / "data"), "MAILWARDEN_LANG": "en"}
    run = subprocess.run(
        [sys.executable, "-m", "mailwarden", "leaks", "scan", "src", "--save"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 1 and "Kept as scan 1" in run.stdout, run.stdout + run.stderr
    db = (tmp_path / "data" / "mailwarden.db").read_bytes()
    assert PASSWORD.encode() not in db and b"q8Zr" in db
