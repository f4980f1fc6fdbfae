"""Structured logs: one JSON object a line from the formatter, from `mailwarden serve` and from
`mailwarden gateway run` (real processes), with the metrics listener of the latter."""

from __future__ import annotations

import json
import logging
import os
import smtplib
import subprocess
import sys

import httpx
import pytest

from mailwarden.core.errors import ConfigError
from mailwarden.core.logs import JsonFormatter, log_format
from tests.gateway.mail import mail
from tests.support.nsd import free_port
from tests.support.serve import serve
from tests.support.smtpsink import gateway_process, wait_until


def record(msg: str, *args: object, **extra: object) -> logging.LogRecord:
    rec = logging.makeLogRecord({"name": "mailwarden.test", "levelname": "INFO", "msg": msg, "args": args})
    rec.__dict__.update(extra)
    return rec


def test_a_record_is_one_json_line_with_its_extra_fields():
    line = JsonFormatter().format(record("queued %s\nsecond line", "ABC", spool_id="ABC", size=12))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "queued ABC\nsecond line"
    assert entry["level"] == "info" and entry["logger"] == "mailwarden.test"
    assert entry["spool_id"] == "ABC" and entry["size"] == 12
    assert entry["time"].endswith("+00:00")


def test_an_exception_is_kept_in_the_line():
    try:
        raise ValueError("boom")
    except ValueError:
        rec = logging.LogRecord("mailwarden.x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    entry = json.loads(JsonFormatter().format(rec))
    assert entry["level"] == "error" and "ValueError: boom" in entry["exc"]


def test_the_format_comes_from_the_option_then_the_environment(monkeypatch):
    monkeypatch.setenv("MAILWARDEN_LOG_FORMAT", "json")
    assert log_format(None) == "json"
    assert log_format("text") == "text"
    monkeypatch.delenv("MAILWARDEN_LOG_FORMAT")
    assert log_format(None) == "text"
    with pytest.raises(ConfigError, match="xml"):
        log_format("xml")


def json_lines(lines: list[str]) -> list[dict]:
    return [json.loads(line) for line in lines if line.strip()]


def test_serve_logs_json_and_serves_metrics(tmp_path):
    env = {
        **os.environ,
        "MAILWARDEN_DATA_DIR": str(tmp_path),
        "MAILWARDEN_DATABASE_URL": f"sqlite:///{tmp_path / 'mw.db'}",
        "MAILWARDEN_LANG": "en",
        "MAILWARDEN_LOG_FORMAT": "json",
        "MAILWARDEN_METRICS_TOKEN": "scrape-me",
    }
    # a user already: no one-time password printed (that goes to the terminal, never to a log)
    added = subprocess.run(
        [sys.executable, "-m", "mailwarden", "user", "add", "tester", "--role", "admin", "--password-stdin"],
        input="a long test password\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert added.returncode == 0, added.stderr
    with serve(env) as served:
        assert httpx.get(served.base + "/readyz", timeout=10).json()["status"] == "ready"
        assert httpx.get(served.base + "/login", timeout=10).status_code == 200
        auth = {"Authorization": "Bearer scrape-me"}
        metrics = httpx.get(served.base + "/metrics", headers=auth, timeout=10).text
        assert 'route="/login",status="200"' in metrics and "/healthz" not in metrics
        wait_until(lambda: any('"uvicorn.access"' in line for line in served.lines))
        entries = json_lines(list(served.lines))
    assert any(e["logger"] == "uvicorn.error" and "Uvicorn running on" in e["message"] for e in entries)
    assert not any("\x1b" in str(v) for e in entries for v in e.values())  # no terminal colour codes
    access = [e for e in entries if e["logger"] == "uvicorn.access"]
    assert access and all(e["level"] == "info" and {"time", "message"} <= e.keys() for e in access)


@pytest.mark.smtp
def test_gateway_logs_json_and_serves_metrics_on_its_listener(tmp_path, sink):
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "internal_domains: [example.co.jp]\n"
        "rules: [{id: hold-cards, when: {detector: credit-card}, action: hold, reason: cards}]\n"
    )
    spool = tmp_path / "spool"
    spool.mkdir()
    port, metrics_port = free_port(), free_port()
    proc = gateway_process(
        port,
        sink.port,
        policy,
        spool,
        "--metrics-listen",
        f"127.0.0.1:{metrics_port}",
        "--log-format",
        "json",
    )
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
            s.sendmail("taro@example.co.jp", ["hanako@example.co.jp"], mail("予定"))
        base = f"http://127.0.0.1:{metrics_port}"

        def sent() -> bool:
            text = httpx.get(base + "/metrics", timeout=10).text
            return 'mailwarden_gateway_relay_recipients_total{status="sent"} 1.0' in text

        wait_until(sent)
        text = httpx.get(base + "/metrics", timeout=10).text
        assert 'mailwarden_gateway_messages_total{outcome="deliver"} 1.0' in text
        assert httpx.get(base + "/readyz", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(30)
    lines = (tmp_path / "gateway.log").read_text().splitlines()
    entries = json_lines(lines)  # every line parses: nothing but JSON on stderr
    assert any("gateway listening on" in e["message"] for e in entries)
    assert any("status=sent" in e["message"] and e["logger"] == "mailwarden.gateway" for e in entries)
