"""The console's gateway pages and their JSON twins: counts over time, incidents with masked
evidence and their audit trail, the hold queue (approvers and administrators only), the
delay queue, and the sender's cancel link (no login; the token is the capability)."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.gateway import incidents
from mailwarden.gateway.notices import cancel_token
from mailwarden.gateway.spool import Spool
from mailwarden.web.app import create_app
from tests.web.test_console import PASSWORD, app, csrf_of, login  # noqa: F401 - the fixture and helpers


def _spooled(app, state: str, subject: str, **record) -> str:  # noqa: F811
    settings: Settings = app.state.settings
    meta = {
        "mail_from": "taro@example.co.jp",
        "rcpt_tos": ["buyer@partner.example"],
        "received": time.time(),
        "size": 100,
        "record": {
            "action": {"held": "hold", "delayed": "delay"}[state],
            "disposition": {"held": "hold", "delayed": "delay"}[state],
            "rules": [{"rule": "hold-cards", "action": "hold", "reason": "カード番号"}],
            "subject": subject,
            "counts": {"credit-card": 1},
            "matches": [
                {
                    "detector": "credit-card",
                    "description": "Payment card number (Luhn and issuer range verified)",
                    "masked": "4111 **** **** 1111",
                    "location": "body:text1",
                    "confidence": 0.95,
                }
            ],
            "unscannable": [],
            **record,
        },
    }
    sid = Spool(settings.spool_dir()).put(state, meta, b"Subject: x\r\n\r\n4111111111111111\r\n")
    incidents.record(app.state.store, {**meta, "id": sid})
    return sid


def test_hold_queue_release_and_reject_by_role(app, store):  # noqa: F811
    held = _spooled(app, "held", "見積 4111 **** **** 1111")
    other = _spooled(app, "held", "二件目")
    create_user(store, "viewer1", PASSWORD, "viewer")
    with TestClient(app) as c:
        assert c.get("/gateway/queue", follow_redirects=False).status_code in (302, 303, 307)
        assert c.get("/api/gateway/queue").status_code == 401
        # a viewer sees the queue but may not decide
        c.post(
            "/login",
            data={"username": "viewer1", "password": PASSWORD, "csrf": csrf_of(c.get("/login").text)},
        )
        page = c.get("/gateway/queue")
        assert held in page.text and "4111111111111111" not in page.text and "/release" not in page.text
        r = c.post(f"/gateway/queue/{held}/release", data={"csrf": csrf_of(page.text), "confirm": "yes"})
        assert r.status_code == 403
        assert c.get(f"/gateway/queue/{held}/release").status_code == 403
    with TestClient(app) as c:
        login(c)  # an administrator
        page = c.get("/gateway/queue")
        assert f"/gateway/queue/{held}/release" in page.text
        # the first step only asks: the message stays held
        ask = c.post(
            f"/gateway/queue/{held}/release",
            data={"csrf": csrf_of(page.text), "note": "取引先確認済み"},
            follow_redirects=False,
        )
        assert ask.status_code == 200 and 'id="gw-confirm"' in ask.text and 'name="confirm"' in ask.text
        assert held in Spool(app.state.settings.spool_dir()).ids("held")
        r = c.post(
            f"/gateway/queue/{held}/release",
            data={"csrf": csrf_of(ask.text), "note": "取引先確認済み", "confirm": "yes"},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == "/gateway/queue?done=release"
        assert c.post(f"/gateway/queue/{other}/reject", data={"csrf": "wrong"}).status_code == 403
        token = c.get("/api/session").json()["csrf_token"]
        assert (
            c.post(f"/api/gateway/queue/{other}/reject", headers={"X-CSRF-Token": token}).json()["done"]
            == "reject"
        )
        again = c.post(f"/api/gateway/queue/{other}/reject", headers={"X-CSRF-Token": token})
        assert again.status_code == 409
        assert c.get("/api/gateway/queue").json()["held"] == []
        spool = Spool(app.state.settings.spool_dir())
        assert held in spool.ids("queue") and other not in spool.ids("queue")
        rows = c.get("/api/gateway/incidents").json()
        states = {r["spool_id"]: (r["state"], r["decided_by"]) for r in rows}
        assert states[held] == ("released", "web:tester") and states[other] == ("rejected", "web:tester")
        inc_id = next(r["id"] for r in rows if r["spool_id"] == held)
        detail = c.get(f"/gateway/incidents/{inc_id}")
        assert "4111 **** **** 1111" in detail.text and "取引先確認済み" in detail.text
        twin = c.get(f"/api/gateway/incidents/{inc_id}").json()
        assert twin["audit"][0]["actor"] == "web:tester" and twin["audit"][0]["action"] == "release"
        assert c.get("/api/gateway/incidents/999999").status_code == 404


def test_overview_counts_over_time(app):  # noqa: F811
    _spooled(app, "held", "一件目")
    _spooled(app, "delayed", "二件目", release_at=time.time() + 300)
    with TestClient(app) as c:
        login(c)
        data = c.get("/api/gateway?days=7").json()
        assert len(data["counts"]) == 7 and data["counts"][-1]["total"] == 2
        assert data["counts"][-1]["by_action"] == {"hold": 1, "delay": 1}
        assert data["queues"]["held"] == 1 and data["queues"]["delayed"] == 1
        page = c.get("/gateway?lang=ja")
        assert "<meter" in page.text and "一件目" in page.text and "ゲートウェイ" in page.text
        assert "held" in c.get("/gateway/incidents?state=held").text


def test_sender_cancels_from_the_notice_link(app):  # noqa: F811
    sid = _spooled(app, "delayed", "見積書", release_at=time.time() + 300)
    token = cancel_token(app.state.settings.secret_key, sid)
    with TestClient(app) as c:  # not logged in
        assert c.get(f"/gateway/cancel/{sid}?t=forged").status_code == 403
        page = c.get(f"/gateway/cancel/{sid}?t={token}")
        assert page.status_code == 200 and "見積書" in page.text and 'id="gw-cancel"' in page.text
        assert c.get(f"/api/gateway/cancel/{sid}?t={token}").json()["subject"] == "見積書"
        done = c.post(f"/gateway/cancel/{sid}", data={"t": token})
        assert 'id="gw-cancelled"' in done.text
        assert c.post(f"/api/gateway/cancel/{sid}?t={token}").status_code == 410
        assert Spool(app.state.settings.spool_dir()).ids("delayed") == []
        inc = incidents.listing(app.state.store)[0]
        assert inc.state == "cancelled" and inc.decided_by == "sender:taro@example.co.jp"


def test_pages_need_the_data_dir_only(store, tmp_path):
    settings = Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None)
    create_app(settings, store=store)
    assert not (tmp_path / "spool").exists()  # the spool is made when first used


def test_queue_shows_the_evidence_in_local_time_and_asks_before_deciding(app, monkeypatch):  # noqa: F811
    monkeypatch.delenv("MAILWARDEN_TIMEZONE", raising=False)
    received = 1764558000.0  # 2025-12-01 03:00 UTC, 12:00 in Tokyo
    held = _spooled(app, "held", "見積")
    delayed = _spooled(app, "delayed", "納品書", release_at=received + 600)
    spool = Spool(app.state.settings.spool_dir())
    for sid, state in ((held, "held"), (delayed, "delayed")):
        entry = spool.entry(sid, state)
        path = spool.root / state / sid
        data = path.read_bytes().split(b"\n", 1)[1]
        spool.rewrite(state, sid, {**entry.meta, "received": received}, data)
    with TestClient(app) as c:
        login(c)
        page = c.get("/gateway/queue?lang=ja").text
        # the evidence of each hold: rule, detector, masked value, where
        assert "hold-cards" in page and "カード番号" in page
        assert "4111 **** **** 1111" in page and "body:text1" in page and "4111111111111111" not in page
        assert "2025/12/01 12:00 JST" in page and "2025/12/01 12:10 JST" in page
        assert str(int(received)) not in page
        assert 'class="cards"' in page  # stacked cards on a narrow screen (style.css)
        assert "<script" not in page
        twin = c.get(f"/api/gateway/queue/{held}").json()
        assert (
            twin["matches"][0]["masked"] == "4111 **** **** 1111" and twin["rules"][0]["rule"] == "hold-cards"
        )
        assert c.get("/api/gateway/queue/nothere").status_code == 404
        # reject and cancel ask first too; a GET never decides
        for sid, op in ((held, "reject"), (delayed, "cancel")):
            ask = c.get(f"/gateway/queue/{sid}/{op}?lang=ja")
            assert ask.status_code == 200 and 'id="gw-confirm"' in ask.text
            assert "4111 **** **** 1111" in ask.text and "2025/12/01 12:00 JST" in ask.text
            assert sid in spool.ids("held" if op == "reject" else "delayed")
        # a decision that does not fit the queue the message is in: no page to confirm
        assert c.get(f"/gateway/queue/{delayed}/reject").status_code == 404
        csrf = csrf_of(page)
        done = c.post(f"/gateway/queue/{delayed}/cancel", data={"csrf": csrf, "confirm": "yes"})
        assert done.status_code == 200 and 'id="gw-done"' in done.text
        assert delayed not in spool.ids("delayed")


def test_the_narrow_layout_is_in_the_stylesheet():
    from pathlib import Path

    import mailwarden.web

    css = (Path(mailwarden.web.__file__).parent / "static" / "style.css").read_text(encoding="utf-8")
    narrow = css[css.index("@media (max-width: 600px)") :]
    assert "table.cards" in narrow and "attr(data-label)" in narrow
