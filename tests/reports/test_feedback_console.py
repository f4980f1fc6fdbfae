"""Feedback mails in the console: ``mailwarden serve`` with a feedback relay sends the outbox
from a thread of its own (stopped with the app), and a report's page shows its mails' state."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.web.app import create_app
from tests.support.smtpsink import SinkServer, wait_until

from .test_web import PASSWORD, _any_host, _login, _seed  # noqa: F401 - fixtures and helpers

pytestmark = pytest.mark.smtp


@pytest.fixture
def relay():  # type: ignore[no-untyped-def]
    server = SinkServer().start()
    yield server
    server.stop()


def test_serve_sends_feedback_in_the_background(store, relay, tmp_path):
    settings = Settings(
        data_dir=tmp_path,
        secret_key="k" * 40,
        lang="en",
        feedback_relay=f"127.0.0.1:{relay.port}",
        feedback_relay_security="none",
        feedback_from="security@example.co.jp",
    )
    create_user(store, "boss", PASSWORD, "admin")
    seeded = _seed(store, 2)
    app = create_app(settings, store=store)
    with TestClient(app) as c:
        sender = app.state.feedback_sender
        assert sender is not None and sender.running
        got = wait_until(lambda: len(relay.sink.messages) == 2 and relay.sink.messages)
        assert sorted(m.rcpt_tos[0] for m in got) == ["tanaka@example.co.jp", "tanaka@example.co.jp"]
        _login(c, "boss")
        page = c.get(f"/reports/{seeded[0].report_id}")
        assert page.status_code == 200
        table = page.text.split('id="rp-feedback"', 1)[1].split("</table>", 1)[0]
        assert "thank-you" in table and ">sent<" in table
    assert not sender.running  # stopped with the app


def test_page_shows_a_mail_waiting(store, tmp_path):
    settings = Settings(data_dir=tmp_path, secret_key="k" * 40, lang="en")  # no relay: queued only
    create_user(store, "boss", PASSWORD, "admin")
    [got] = _seed(store, 1)
    app = create_app(settings, store=store)
    with TestClient(app) as c:
        assert app.state.feedback_sender is None
        _login(c, "boss")
        page = c.get(f"/reports/{got.report_id}").text
        table = page.split('id="rp-feedback"', 1)[1].split("</table>", 1)[0]
        assert "thank-you" in table and "waiting to be sent" in table and "next attempt" in table
