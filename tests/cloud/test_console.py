"""Kept cloud audits: listed, shown with their checks, and compared with the run before — what was
fixed, what is new, what could not be checked again (never counted as fixed). Login required."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mailwarden.cloud import service
from mailwarden.cloud.model import CheckResult, CloudAudit, DomainAlignment
from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.web.app import create_app
from tests.web.test_console import PASSWORD, login

UNALIGNED = "cloud.ses-domain-unaligned"
UNPUBLISHED = "cloud.ses-dkim-not-published"


@pytest.fixture(autouse=True)
def _any_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")


def audit(unaligned: list[str], unpublished: list[str] | None, account: str = "123456789012") -> CloudAudit:
    """An audit whose two checks fail for the given domains (``None``: undetermined)."""
    a = CheckResult(UNALIGNED, checked=3)
    for d in unaligned:
        a.fail(d, domain=d, region="ap-northeast-1", resource_type="Other", policy="none")
    b = CheckResult(UNPUBLISHED, checked=3)
    if unpublished is None:
        b.cannot("domain checks not run (--no-domains)")
    for d in unpublished or []:
        b.fail(d, domain=d, region="ap-northeast-1", resource_type="Other", selectors=f"s1._domainkey.{d}")
    return CloudAudit(
        account_id=account,
        partition="aws",
        regions=["ap-northeast-1"],
        started="2026-12-05T01:00:00+00:00",
        finished="2026-12-05T01:00:09+00:00",
        checks=[a, b],
        domains=[DomainAlignment("a.example.jp", "ap-northeast-1", False, False, "none", "D")],
    )


def test_a_rerun_shows_what_was_fixed_new_and_not_checked_again(store) -> None:
    first = service.save(store, audit(["a.example.jp", "b.example.jp"], ["a.example.jp"]), "tester")
    # another account's run in between is not "the run before"
    service.save(store, audit(["x.example.com"], [], account="999999999999"), "tester")
    second = service.save(store, audit(["b.example.jp", "c.example.jp"], None), "tester")
    detail = service.audit_detail(store, second)
    assert detail is not None and detail["previous"] == first
    assert [(f["code"], f["subject"]) for f in detail["fixed"]] == [(UNALIGNED, "a.example.jp")]
    assert [(f["code"], f["subject"]) for f in detail["new"]] == [(UNALIGNED, "c.example.jp")]
    # undetermined now: the DKIM finding of the first run is not called fixed
    assert [(f["code"], f["subject"]) for f in detail["unchecked"]] == [(UNPUBLISHED, "a.example.jp")]
    assert detail["counts"] == {"pass": 0, "fail": 1, "undetermined": 1}
    first_detail = service.audit_detail(store, first)
    assert first_detail is not None and first_detail["previous"] is None and first_detail["fixed"] == []
    assert service.audit_detail(store, 10_000) is None


def test_the_pages_show_the_audit_in_the_readers_language(store, tmp_path: Path) -> None:
    service.save(store, audit(["a.example.jp"], ["a.example.jp"]), "tester")
    second = service.save(store, audit([], None), "tester")
    create_user(store, "tester", PASSWORD, "viewer")
    app = create_app(Settings(data_dir=tmp_path, secret_key="k" * 40, lang="en"), store=store)
    with TestClient(app) as client:
        login(client)
        listing = client.get("/api/cloud/audits").json()
        assert listing["total"] == 2 and listing["audits"][0]["id"] == second
        page = client.get(f"/cloud/{second}").text
        assert "Mail SES sends for this domain cannot pass DMARC" in page  # fixed since the run before
        assert "Could not be checked" in page and "--no-domains" in page
        assert "123456789012" in client.get("/cloud").text
        assert client.get("/api/cloud/audits/999").status_code == 404


def test_the_pages_need_a_login(store, tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path, secret_key="k" * 40, lang="en"), store=store)
    with TestClient(app) as anonymous:
        assert anonymous.get("/api/cloud/audits").status_code == 401
        assert anonymous.get("/cloud", follow_redirects=False).status_code in (302, 303, 307)
