"""The console with several gateways (MAILWARDEN_GATEWAY_SHARED): the hold and delay queues
come from the shared index, with each message's gateway; a decision is recorded in the index
for the owning gateway (the first wins, a second is told it is decided); the sender's cancel
link works from a console that has no spool at all."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.gateway import instances
from mailwarden.gateway.notices import cancel_token
from mailwarden.gateway.spool import Spool
from mailwarden.web.app import create_app
from tests.web.test_console import PASSWORD, csrf_of, login


@pytest.fixture
def shared_app(store, tmp_path):
    settings = Settings(data_dir=tmp_path / "console", secret_key="k" * 40, lang=None, gateway_shared=True)
    create_user(store, "tester", PASSWORD, "admin")
    return create_app(settings, store=store)


def _indexed(store, tmp_path, instance: str, state: str, subject: str) -> str:
    """A message held or delayed by gateway ``instance`` (its own spool, not the console's)."""
    spool = Spool(tmp_path / instance)
    record = {
        "action": {"held": "hold", "delayed": "delay"}[state],
        "disposition": {"held": "hold", "delayed": "delay"}[state],
        "rules": [{"rule": "hold-cards", "action": "hold", "reason": "カード番号"}],
        "subject": subject,
        "counts": {"credit-card": 1},
        "matches": [{"detector": "credit-card", "masked": "4111 **** **** 1111", "location": "body:text1"}],
        "unscannable": [],
    }
    if state == "delayed":
        record["release_at"] = time.time() + 300
    meta = {"mail_from": "taro@example.co.jp", "rcpt_tos": ["buyer@partner.example"], "received": time.time()}
    sid = spool.put(state, {**meta, "size": 100, "record": record}, b"Subject: x\r\n\r\n4111111111111111\r\n")
    instances.index(store, instance, [spool.entry(sid, state)])
    return sid


def test_the_queue_page_lists_every_gateway_and_decisions_go_to_the_owner(shared_app, store, tmp_path):
    held = _indexed(store, tmp_path, "gw1", "held", "見積 4111 **** **** 1111")
    other = _indexed(store, tmp_path, "gw2", "held", "二件目")
    with TestClient(shared_app) as c:
        login(c)
        data = c.get("/api/gateway/queue").json()
        assert {(e["id"], e["instance"]) for e in data["held"]} == {(held, "gw1"), (other, "gw2")}
        page = c.get("/gateway/queue?lang=en")
        assert '<td data-label="Instance" class="gw-instance">gw1</td>' in page.text
        assert "4111111111111111" not in page.text
        assert c.get(f"/api/gateway/queue/{held}").json()["matches"][0]["masked"] == "4111 **** **** 1111"
        assert c.get("/api/gateway").json()["queues"]["held"] == 2
        ask = c.post(f"/gateway/queue/{held}/release", data={"csrf": csrf_of(page.text), "note": "ok"})
        r = c.post(
            f"/gateway/queue/{held}/release",
            data={"csrf": csrf_of(ask.text), "note": "ok", "confirm": "yes"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        token = c.get("/api/session").json()["csrf_token"]
        again = c.post(f"/api/gateway/queue/{held}/reject", headers={"X-CSRF-Token": token})
        assert again.status_code == 409 and "already decided: release by web:tester" in again.text
        assert "Decided: release" in c.get("/gateway/queue?lang=en").text
        assert "決定済み: release" in c.get("/gateway/queue?lang=ja").text
    asked = instances.requests(store, "gw1")
    assert [(r.spool_id, r.action, r.actor, r.note) for r in asked] == [(held, "release", "web:tester", "ok")]
    assert instances.requests(store, "gw2") == []
    assert held in Spool(tmp_path / "gw1").ids("held")  # carried out by gw1, not by the console


def test_the_sender_cancels_a_delayed_message_of_another_gateway(shared_app, store, tmp_path):
    sid = _indexed(store, tmp_path, "gw2", "delayed", "見積書")
    token = cancel_token("k" * 40, sid)
    with TestClient(shared_app) as c:
        page = c.get(f"/gateway/cancel/{sid}?t={token}")
        assert page.status_code == 200 and "見積書" in page.text
        assert 'id="gw-cancelled"' in c.post(f"/gateway/cancel/{sid}", data={"t": token}).text
        assert c.post(f"/api/gateway/cancel/{sid}?t={token}").status_code == 410
    assert [(r.action, r.actor) for r in instances.requests(store, "gw2")] == [
        ("cancel", "sender:taro@example.co.jp")
    ]
