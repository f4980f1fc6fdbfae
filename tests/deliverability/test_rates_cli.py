"""The deliverability commands, run as the user runs them, on a tmp SQLite store."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from mailwarden.core.store import open_store
from mailwarden.deliverability.events import Kind
from mailwarden.deliverability.store import store_events

from ._rates_support import events


def _run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MAILWARDEN_DATABASE_URL": url, "MAILWARDEN_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "mailwarden", "deliverability", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _fill(tmp_path) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'mw.db'}"
    store = open_store(url=url)
    today = datetime.now(UTC).date()
    store_events(store, events(Kind.SENT, 1000, day=today))
    store_events(
        store,
        events(
            Kind.BOUNCED, 45, day=today, bounce="hard", smtp_code="550", status="5.1.1", reason="user unknown"
        ),
    )
    store_events(
        store, events(Kind.COMPLAINED, 1, day=today - timedelta(days=1), recipient="angry@example.jp")
    )
    store.engine.dispose()
    return url


def test_rates_json_and_exit_code(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = _fill(tmp_path)
    r = _run(url, "rates", "-f", "json")
    assert r.returncode == 1, r.stderr  # 4.5 % hard bounces: warning; 1 complaint in 1000: SES critical
    data = json.loads(r.stdout)
    assert data["level"] == "critical" and data["pairs"][0]["figures"]["hard"] == 45
    table = _run(url, "rates", "--domain", "example.co.jp")
    assert table.returncode == 1 and "example.co.jp" in table.stdout
    assert _run(url, "rates", "--provider", "postmark").returncode == 0
    rows = list(csv.reader(io.StringIO(_run(url, "rates", "-f", "csv").stdout)))
    assert rows[0][0] == "domain" and len(rows) == 3  # the two days with events


def test_reasons_and_suppressions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = _fill(tmp_path)
    r = _run(url, "reasons", "-f", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["id"] == "unknown_user"
    s = _run(url, "suppressions", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(s.stdout)))
    assert len(rows) == 46 and {r["why"] for r in rows} == {"hard_bounce", "complaint"}
    assert "angry@example.jp" in _run(url, "suppressions").stdout


def test_alerts_dry_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = _run(_fill(tmp_path), "alerts", "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "hard_bounce_rate" in r.stdout and "4.50%" in r.stdout


def test_bad_options_are_usage_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = _fill(tmp_path)
    assert _run(url, "rates", "--days", "0").returncode == 2
    assert _run(url, "rates", "-f", "xml").returncode == 2


def test_postmaster_without_credentials_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env_url = _fill(tmp_path)
    r = _run(env_url, "postmaster", "--days", "3")
    assert r.returncode == 2 and "MAILWARDEN_POSTMASTER_CREDENTIALS" in r.stderr
