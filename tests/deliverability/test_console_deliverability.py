"""The deliverability page and its JSON twin: rates judged against the thresholds, top reasons
with the authentication group linked to the domain audit, recipients to suppress, alerts and
the webhooks' status — from events stored as the webhooks store them. Login required."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.deliverability.events import Kind
from mailwarden.deliverability.store import store_events
from mailwarden.web.app import create_app
from tests.deliverability._rates_support import events
from tests.support.esp_sign import sendgrid_keys
from tests.web.test_console import PASSWORD, login


@pytest.fixture(autouse=True)
def _any_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")


def seed_events(store) -> None:
    """1,000 messages from example.co.jp through SES today: 6% bounced (a critical SES rate),
    10 of them failing DMARC at Gmail, and 2 complaints."""
    today = datetime.now(UTC).date()
    batch = events(Kind.SENT, 1000, day=today)
    batch += events(
        Kind.BOUNCED,
        50,
        day=today,
        bounce="hard",
        smtp_code="550",
        status="5.1.1",
        reason="550 5.1.1 user unknown",
    )
    batch += events(
        Kind.BOUNCED, 10, day=today, bounce="hard", smtp_code="550", status="5.7.26",
        reason="550 5.7.26 Unauthenticated email from example.co.jp is not accepted due to DMARC policy",
        recipient="gmail-user@gmail.com",
    )  # fmt: skip
    batch += events(Kind.COMPLAINED, 2, day=today, recipient="angry@example.net")
    store_events(store, batch)


def test_page_and_api_show_rates_reasons_and_suppressions(store, tmp_path: Path) -> None:
    seed_events(store)
    create_user(store, "tester", PASSWORD, "viewer")
    settings = Settings(
        data_dir=tmp_path,
        lang="en",
        hook_sendgrid_keys=sendgrid_keys()[1],
        hook_mailgun_keys="",
        hook_postmark_user="u",
        hook_postmark_password="p",
        hook_postmark_networks="nonsense",
        console_url="http://mw.example.jp:8000",
    )
    app = create_app(settings, store=store)
    with TestClient(app) as c:
        assert c.get("/api/deliverability").status_code == 401  # login required
        login(c)
        data = c.get("/api/deliverability?days=7").json()
        (pair,) = data["pairs"]
        assert (pair["domain"], pair["provider"], pair["level"]) == ("example.co.jp", "ses", "critical")
        assert pair["figures"]["denominator"] == 1000
        assert pair["figures"]["bounce_rate"] == pytest.approx(0.06)
        assert data["level"] == "critical"
        reasons = {r["id"]: r["count"] for r in data["reasons"]}
        assert reasons == {"unknown_user": 50, "authentication": 10}
        assert data["suppressions"]["count"] == 52  # 50 + 1 (same gmail address 10×) + 1 complainer
        hooks = {w["provider"]: w for w in data["webhooks"]}
        assert hooks["sendgrid"]["configured"] and not hooks["mailgun"]["configured"]
        assert (
            not hooks["postmark"]["configured"] and "nonsense" in hooks["postmark"]["error"]
        )  # a secret it cannot use
        assert hooks["ses"]["url"] == "http://mw.example.jp:8000/hooks/ses"
        page = c.get("/deliverability?domain=example.co.jp").text
        assert "6.00%" in page and "critical" in page
        assert 'href="/domains?domain=example.co.jp"' in page  # the authentication group → the audit
        assert "gmail-user@gmail.com" in page
        # another domain's window is empty
        other = c.get("/api/deliverability?domain=other.example").json()
        assert other["pairs"] == [] and other["suppressions"]["count"] == 0
        assert c.get("/api/deliverability?days=0").status_code == 422
        # the webhook whose secret cannot be used answers 503 (the provider retries), not 404
        assert c.post("/hooks/postmark", content=b"{}").status_code == 503
