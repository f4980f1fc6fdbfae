"""The console's /metrics and /readyz: who may read the metrics, what they count (route
templates, never raw paths), and readiness that follows the database and its schema."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.store import Store
from mailwarden.core.store.db import SCHEMA_HEAD, alembic_config, make_engine
from mailwarden.gateway.spool import Spool
from mailwarden.web.app import create_app
from mailwarden.web.ops import readiness
from tests.support.nsd import free_port

TOKEN = "a-scrape-token-for-tests"
BASE = "http://127.0.0.1"


def console(store, tmp_path, monkeypatch, token: str | None = TOKEN):
    if token:
        monkeypatch.setenv("MAILWARDEN_METRICS_TOKEN", token)
    else:
        monkeypatch.delenv("MAILWARDEN_METRICS_TOKEN", raising=False)
    settings = Settings(data_dir=tmp_path, secret_key="k" * 40, lang=None)
    return create_app(settings, store=store)


def scrape(c: TestClient) -> str:
    r = c.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    return r.text


def sample(text: str, name: str, **labels: str) -> float:
    want = ",".join(f'{k}="{v}"' for k, v in labels.items())
    m = re.search(rf"^{re.escape(name)}\{{{re.escape(want)}\}} (\S+)$", text, re.M)
    return float(m.group(1)) if m else 0.0


def test_metrics_are_off_without_a_token(store, tmp_path, monkeypatch):
    app = console(store, tmp_path, monkeypatch, token=None)
    with TestClient(app, base_url=BASE) as c:
        r = c.get("/metrics", headers={"Authorization": "Bearer anything"})
        assert r.status_code == 404 and "MAILWARDEN_METRICS_TOKEN" in r.text


def test_metrics_ask_for_the_token(store, tmp_path, monkeypatch):
    app = console(store, tmp_path, monkeypatch)
    with TestClient(app, base_url=BASE) as c:
        assert c.get("/metrics").status_code == 401
        assert c.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/metrics", headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
        assert "mailwarden_http_requests_total" in scrape(c)


def test_requests_are_counted_by_route_template_never_by_path(store, tmp_path, monkeypatch):
    app = console(store, tmp_path, monkeypatch)
    with TestClient(app, base_url=BASE) as c:
        assert c.get("/login").status_code == 200
        c.get("/domains/12345", follow_redirects=False)  # not signed in: sent to the login page
        c.get("/api/domains/secret-customer.example")
        c.get("/no/such/page/taro@example.co.jp")
        c.request("BREW", "/login")
        text = scrape(c)
    assert sample(text, "mailwarden_http_requests_total", method="GET", route="/login", status="200") == 1
    assert (
        sample(
            text, "mailwarden_http_requests_total", method="GET", route="/domains/{check_id}", status="303"
        )
        == 1
    )
    assert (
        sample(text, "mailwarden_http_requests_total", method="GET", route="<unmatched>", status="404") == 1
    )
    assert sample(text, "mailwarden_http_request_duration_seconds_count", method="GET", route="/login") == 1
    assert 'method="OTHER"' in text and "BREW" not in text  # any method a client sends: one label value
    # what a client wrote in a path is in no label; the samples' values are numbers (a
    # timestamp may hold any digits, "12345" too), so only the names and labels are read
    labels = "\n".join(line.rpartition(" ")[0] for line in text.splitlines() if not line.startswith("#"))
    for raw in ("12345", "secret-customer", "taro@", "/no/such"):
        assert raw not in labels


def test_held_gateway_messages_are_a_gauge(store, tmp_path, monkeypatch):
    app = console(store, tmp_path, monkeypatch)
    spool = Spool(tmp_path / "spool")  # the console's spool: data_dir/spool
    for n in range(2):
        spool.put("held", {"mail_from": "a@example.co.jp", "rcpt_tos": ["b@example.test"], "n": n}, b"x")
    with TestClient(app, base_url=BASE) as c:
        text = scrape(c)
    assert sample(text, "mailwarden_gateway_spool_messages", state="held") == 2
    assert sample(text, "mailwarden_gateway_spool_messages", state="queue") == 0
    assert "example.co.jp" not in text


def test_probes_answer_whatever_the_host_header(store, tmp_path, monkeypatch):
    # a scraper or a balancer names the console by address; pages still refuse such a Host
    app = console(store, tmp_path, monkeypatch)
    with TestClient(app, base_url="http://10.20.30.40:8000") as c:
        assert c.get("/login").status_code == 400
        assert c.get("/healthz").json() == {"status": "ok"}
        assert c.get("/readyz").json() == {"status": "ready", "schema": SCHEMA_HEAD}
        assert c.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_readyz_follows_the_schema(store, tmp_path, monkeypatch):
    from alembic import command

    app = console(store, tmp_path, monkeypatch)
    with TestClient(app, base_url=BASE) as c:
        assert c.get("/readyz").status_code == 200
        assert c.get("/healthz").json() == {"status": "ok"}
        cfg = alembic_config(store.engine.url.render_as_string(hide_password=False))
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0017")
        r = c.get("/readyz")
        assert r.status_code == 503
        assert r.json()["schema"] == "0017" and "mailwarden db upgrade" in r.json()["reason"]
        assert c.get("/healthz").status_code == 200  # alive all the same: a restart would not help
        store.migrate()
        assert c.get("/readyz").status_code == 200


def test_readyz_says_when_the_database_does_not_answer_or_has_no_schema(tmp_path):
    nowhere = Store(make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/mw"))
    status, body = readiness(nowhere)
    assert status == 503 and b"does not answer" in body
    empty = Store(make_engine(f"sqlite:///{tmp_path / 'empty.db'}"))
    status, body = readiness(empty)
    assert status == 503 and b"no schema yet" in body


@pytest.mark.parametrize("path", ["/metrics", "/readyz"])
def test_the_probes_are_not_in_the_api_schema(store, tmp_path, monkeypatch, path):
    app = console(store, tmp_path, monkeypatch)
    with TestClient(app, base_url=BASE) as c:
        assert path not in c.get("/api/openapi.json").json()["paths"]
