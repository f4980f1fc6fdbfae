"""``mailwarden sender check`` end to end (Typer's runner, NSD behind --nameserver): JSON shape,
exit codes, Japanese, --save, bad files."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mailwarden.cli.main import app
from mailwarden.core.config import get_settings
from mailwarden.core.store import open_store
from mailwarden.deliverability.sender import recent_checks

from ._sender_support import DOMAIN, make_keys, message, sign, start_dns

pytestmark = [pytest.mark.dns, pytest.mark.smtp]


@pytest.fixture(scope="module")
def keys():
    return make_keys()


@pytest.fixture(scope="module")
def dns(keys):
    server = start_dns(keys)
    yield server
    server.stop()


def run(*args, env=None):
    return CliRunner().invoke(app, ["sender", "check", *args], env={"COLUMNS": "200", **(env or {})})


def _args(dns, path):
    return [
        str(path),
        "--nameserver",
        dns.address,
        "--client-ip",
        "127.0.0.1",
        "--mail-from",
        f"bounce@{DOMAIN}",
    ]


def test_json_and_exit_zero(dns, keys, tmp_path):
    path = tmp_path / "good.eml"
    path.write_bytes(sign(message(), keys.own))
    r = run(*_args(dns, path), "-f", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data) >= {
        "sender",
        "subject",
        "connection",
        "authentication",
        "checks",
        "score",
        "grade",
        "receivers",
    }
    assert data["grade"] == "A" and data["connection"]["client_ip"] == "127.0.0.1"
    assert {"name", "code", "status", "receivers", "title", "detail", "remediation", "fix"} <= set(
        data["checks"][0]
    )
    assert data["receivers"]["outlook"]["meets"] is True


def test_failing_message_exits_one_with_table(dns, keys, tmp_path):
    path = tmp_path / "bad.eml"
    path.write_bytes(message(unsubscribe=None, one_click=None).as_bytes())
    r = run(*_args(dns, path))
    assert r.exit_code == 1, r.output
    assert "DKIM" in r.stdout and "List-Unsubscribe" in r.stdout
    assert "Meets Gmail's bulk-sender rules: no" in r.stdout


def test_japanese(dns, keys, tmp_path):
    path = tmp_path / "bad.eml"
    path.write_bytes(message().as_bytes())
    r = run(*_args(dns, path), "--lang", "ja")
    assert r.exit_code == 1, r.output
    assert "対処" in r.stdout and "状態" in r.stdout
    r = run(*_args(dns, path), "-f", "json", env={"MAILWARDEN_LANG": "ja"})
    assert json.loads(r.stdout)["grade"]


def test_save(dns, keys, tmp_path):
    path = tmp_path / "good.eml"
    path.write_bytes(sign(message(subject="kept"), keys.own))
    db = f"sqlite:///{tmp_path / 'mw.db'}"
    get_settings.cache_clear()  # settings are read once a process: read them with this URL
    try:
        env = {"MAILWARDEN_DATABASE_URL": db, "MAILWARDEN_LANG": "en"}
        r = run(*_args(dns, path), "--save", "-f", "json", "--lang", "en", env=env)
    finally:
        get_settings.cache_clear()
    assert r.exit_code == 0, r.output
    assert "Kept as sender check" in r.stderr, r.output
    rows = recent_checks(open_store(url=db), 5)
    assert [x["subject"] for x in rows] == ["kept"]


def test_bad_files(dns, tmp_path):
    r = run(str(tmp_path / "missing.eml"), "--nameserver", dns.address)
    assert r.exit_code == 2
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    r = run(str(empty), "--nameserver", dns.address, "-f", "json")
    assert r.exit_code == 1
    assert json.loads(r.stdout)["size"] == 0
    r = run(str(empty), "--nameserver", dns.address, "--client-ip", "not-an-ip")
    assert r.exit_code in (1, 2)


def test_inbox_command_until_sigterm(dns, keys, tmp_path):
    import os
    import signal
    import smtplib
    import subprocess
    import sys

    from tests.support.nsd import free_port
    from tests.support.smtpsink import wait_until

    port = free_port()
    env = {**os.environ, "MAILWARDEN_DATABASE_URL": f"sqlite:///{tmp_path / 'mw.db'}", "COLUMNS": "300"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mailwarden",
            "sender",
            "inbox",
            "--listen",
            f"127.0.0.1:{port}",
            "--domain",
            "inbox.test",
            "--nameserver",
            dns.address,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:

        def send() -> bool:
            try:
                with smtplib.SMTP("127.0.0.1", port, timeout=5) as s:
                    s.sendmail(
                        f"bounce@{DOMAIN}",
                        ["cli-token@inbox.test"],
                        sign(message(subject="via cli"), keys.own),
                    )
                return True
            except OSError:
                return False

        wait_until(send, timeout=60)
        line = proc.stdout.readline().decode()
        assert line.split()[0] == "cli-token" and "via cli" in line, line
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr.decode()
    row = recent_checks(open_store(url=f"sqlite:///{tmp_path / 'mw.db'}"), 1)[0]
    assert row["token"] == "cli-token" and row["report"]["connection"]["client_ip"] == "127.0.0.1"
