"""The simulations' background work: one turn classifies new hits, counts reports and posts
webhook events; the worker thread runs turns until stopped; `serve` starts it, apps built for
tests do not."""

from __future__ import annotations

import http.server
import json
import threading
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from mailwarden.core.config import Settings
from mailwarden.simulate import webhooks, worker
from mailwarden.simulate.models import SimHit, SimRecipient
from mailwarden.web.app import create_app
from tests.simulate.test_metrics import T0, make_campaign, person_clicks, report, scanner_heads_everything


def test_a_turn_classifies_counts_reports_and_posts_the_events(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cid, recips = make_campaign(store, 4)
    scanner_heads_everything(store, cid, recips)
    person_clicks(store, cid, recips[0][0], T0 + timedelta(minutes=30), "198.51.100.7")
    report(store, cid, recips[1][1], T0 + timedelta(minutes=12))
    got: list[dict[str, object]] = []

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            ok = webhooks.verify_signature(
                secret, body, self.headers["X-Mailwarden-Timestamp"], self.headers["X-Mailwarden-Signature"]
            )
            got.append({"ok": ok, **json.loads(body)})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        secret = webhooks.add_webhook(store, f"http://127.0.0.1:{server.server_port}/hook")["secret"]
        settings = Settings(data_dir=tmp_path, secret_key="k" * 40)
        counts = worker.turn(store, settings)
    finally:
        server.shutdown()
    assert counts["campaigns"] == 1
    with store.session() as s:
        hits = s.scalars(select(SimHit).where(SimHit.campaign_id == cid)).all()
        assert all(h.human is not None for h in hits)
        assert {h.human for h in hits if h.method == "HEAD"} == {False}
        reported = s.scalar(select(SimRecipient).where(SimRecipient.id == recips[1][0]))
        assert reported is not None and reported.reported_at is not None
    events = sorted(str(e["event"]) for e in got)
    assert "recipient.clicked" in events and "recipient.reported" in events
    assert all(e["ok"] for e in got)
    # nothing new: a second turn posts nothing again
    assert worker.turn(store, settings)["webhooks"] == 0


def test_the_worker_thread_turns_until_stopped(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cid, recips = make_campaign(store, 2)
    scanner_heads_everything(store, cid, recips)
    w = worker.SimulationWorker(
        store, Settings(data_dir=tmp_path, secret_key="k" * 40), interval=3600
    ).start()
    try:
        with w.done:
            assert w.done.wait_for(lambda: w.turns >= 1, timeout=120)
    finally:
        w.stop()
    assert not w.sender.running
    with store.session() as s:
        assert all(h.human is False for h in s.scalars(select(SimHit)).all())


def test_serve_runs_the_simulations_and_a_test_app_does_not(store, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")
    settings = Settings(data_dir=tmp_path, secret_key="k" * 40)
    with TestClient(create_app(settings, store=store)) as plain:
        assert plain.app.state.simulation_worker is None  # type: ignore[attr-defined]
    app = create_app(settings, store=store, simulations=True)
    with TestClient(app):
        w = app.state.simulation_worker
        assert w is not None and w.sender.running
    assert not w.sender.running
