"""The reporting mailbox on a real Dovecot (loopback, test CA): TLS and STARTTLS, report mails
moved after they are stored, a connection dropped mid-fetch loses nothing and counts nothing
twice."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import func, select

from mailwarden.analyze.rules import load_rules
from mailwarden.dmarc.imap import ImapSettings
from mailwarden.reports import imap, intake
from mailwarden.reports.models import Report

from . import corpus

KEY = "k" * 40


def fill(dovecot) -> None:  # type: ignore[no-untyped-def]
    dovecot.deliver(corpus.attached(corpus.phish(to="a@example.co.jp"), reporter="a@example.co.jp"))
    dovecot.deliver(
        corpus.attached(corpus.phish(to="b@example.co.jp"), reporter="b@example.co.jp", as_eml=True)
    )
    dovecot.deliver(corpus.inline(corpus.THUNDERBIRD_JA, reporter="c@example.co.jp"))
    dovecot.deliver(corpus.inline("nothing attached\n", reporter="d@example.co.jp"))


def settings_for(dovecot, ca_file, security: str = "tls") -> ImapSettings:  # type: ignore[no-untyped-def]
    return ImapSettings(
        host="127.0.0.1",
        port=dovecot.tls_port if security == "tls" else dovecot.port,
        user="reports",
        password="secret-pass",
        security=security,
        ca_file=ca_file,
    )


def count(store) -> int:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Report)) or 0)


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_fetch_stores_and_moves(store, dovecot, ca_file, security):
    fill(dovecot)
    rules = load_rules()
    got = imap.fetch_once(store, rules, KEY, settings_for(dovecot, ca_file, security))
    stored = [f for f in got if f.result.report_id is not None]
    assert len(stored) == 3
    assert [f.result.reason for f in got if f.result.report_id is None] == [intake.REASON_NOTHING]
    assert sum(f.result.degraded for f in stored) == 1
    assert count(store) == 3
    assert dovecot.count() == 0 and dovecot.count("Processed") == 3 and dovecot.count("Rejected") == 1
    with store.session() as s:
        origins = set(s.scalars(select(Report.origin)))
        assert all(o and ";UIDVALIDITY=" in o and ";UID=" in o for o in origins)
        assert set(s.scalars(select(Report.path))) == {"imap"}
    assert imap.fetch_once(store, rules, KEY, settings_for(dovecot, ca_file, security)) == []


def test_connection_dropped_mid_fetch(store, dovecot, ca_file, monkeypatch):
    fill(dovecot)
    rules = load_rules()
    connections = []
    real_connect = imap._connect

    def capture(s):  # type: ignore[no-untyped-def]
        conn = real_connect(s)
        connections.append(conn)
        return conn

    real_one = imap._one
    calls = []

    def drop_after_second(conn, *args):  # type: ignore[no-untyped-def]
        result = real_one(conn, *args)
        calls.append(result)
        if len(calls) == 2:
            conn.sock.shutdown(socket.SHUT_RDWR)  # the connection goes away under the fetcher
        return result

    monkeypatch.setattr(imap, "_connect", capture)
    monkeypatch.setattr(imap, "_one", drop_after_second)
    with pytest.raises((OSError, EOFError, imap.imaplib.IMAP4.abort, imap.imaplib.IMAP4.error)):
        imap.fetch_once(store, rules, KEY, settings_for(dovecot, ca_file))
    stored_before = sum(r.report_id is not None for r in calls)
    assert stored_before >= 1
    assert count(store) == stored_before  # the reports read before the drop are committed
    assert dovecot.count() == 4 and dovecot.count("Processed") == 0  # nothing was moved yet

    monkeypatch.setattr(imap, "_one", real_one)
    got = imap.fetch_once(store, rules, KEY, settings_for(dovecot, ca_file))
    assert sum(f.result.duplicate for f in got) == stored_before
    assert count(store) == 3  # each report once
    assert dovecot.count() == 0 and dovecot.count("Processed") == 3 and dovecot.count("Rejected") == 1


def test_cli_fetch(dovecot, ca_file, tmp_path):  # type: ignore[no-untyped-def]
    import json
    import os
    import subprocess
    import sys

    fill(dovecot)
    env = {
        **os.environ,
        "MAILWARDEN_LANG": "en",
        "MAILWARDEN_DATABASE_URL": f"sqlite:///{tmp_path / 'mw.db'}",
        "MAILWARDEN_DATA_DIR": str(tmp_path / "data"),
        "MAILWARDEN_IMAP_PASSWORD": "secret-pass",
    }
    args = [sys.executable, "-m", "mailwarden", "reports", "fetch", "--imap-host", "127.0.0.1"]
    args += ["--imap-user", "reports", "--imap-port", str(dovecot.port), "--imap-security", "starttls"]
    args += ["--ca-file", str(ca_file)]
    r = subprocess.run([*args, "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert sum(row["report_id"] is not None for row in rows) == 3
    assert [row["reason"] for row in rows if row["report_id"] is None] == [
        "the report has no attached message and no forwarded original in its text"
    ]
    wrong = subprocess.run(
        args, capture_output=True, text=True, env={**env, "MAILWARDEN_IMAP_PASSWORD": "wrong"}, timeout=120
    )
    assert wrong.returncode == 2 and "IMAP connection to 127.0.0.1 failed" in wrong.stderr


def test_idle_wakes_at_new_mail(dovecot, ca_file):
    import threading

    s = settings_for(dovecot, ca_file)
    idling, how = threading.Event(), []
    waiter = threading.Thread(target=lambda: how.append(imap.wait_for_mail(s, 120, on_idle=idling.set)))
    waiter.start()
    assert idling.wait(60), "the server never idled"
    dovecot.deliver(corpus.attached(corpus.phish(), reporter="a@example.co.jp"))
    waiter.join(120)
    assert how == ["idle"]
    # mail that came before the wait began is said at once; what a fetch left is not new
    assert imap.wait_for_mail(s, 120) == "pending"
    assert imap.wait_for_mail(s, 2, left=1) == "idle-timeout"


def line_of(proc, within: float = 120) -> str:  # type: ignore[no-untyped-def]
    """The process's next line of output, or a failure (not a hang) when none comes."""
    import selectors

    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        assert sel.select(within), "no output"
    line = proc.stdout.readline()
    assert line, proc.stderr.read()
    return str(line)


def test_fetch_watch_takes_in_new_mail_as_it_comes(store, dovecot, ca_file):
    import json
    import os
    import signal
    import subprocess
    import sys

    env = {
        **os.environ,
        "MAILWARDEN_DATABASE_URL": store.engine.url.render_as_string(hide_password=False),
        "MAILWARDEN_SECRET_KEY": KEY,
        "MAILWARDEN_IMAP_PASSWORD": "secret-pass",
        "MAILWARDEN_LANG": "en",
    }
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "mailwarden", "reports", "fetch", "--watch", "--json",
            "--imap-host", "127.0.0.1", "--imap-port", str(dovecot.tls_port), "--imap-user", "reports",
            "--ca-file", str(ca_file),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        dovecot.deliver(corpus.attached(corpus.phish(to="a@example.co.jp"), reporter="a@example.co.jp"))
        first = json.loads(line_of(proc))
        assert [r["report_id"] is not None for r in first] == [True]
        # the next one, taken in while the command waits (IDLE)
        dovecot.deliver(corpus.attached(corpus.phish(to="b@example.co.jp"), reporter="b@example.co.jp"))
        second = json.loads(line_of(proc))
        assert [r["cluster_id"] for r in second] == [first[0]["cluster_id"]]
        assert count(store) == 2 and dovecot.count("Processed") == 2
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0, proc.stderr.read() if proc.stderr else ""
