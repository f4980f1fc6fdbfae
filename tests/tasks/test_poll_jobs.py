"""Mailbox polls as queue jobs against a real Dovecot: a repeating DMARC poll runs pass after
pass on the workers (each pass queued once by the one before), stores each report once, and
stops when cancelled; the password is read on the worker, never queued."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.dmarc.test_bad_input import record, report
from tests.dmarc.test_imap import mail_with

from .conftest import Mailwarden, wait_for


def _count(conninfo: str, sql: str) -> int:
    with psycopg.connect(conninfo) as conn:
        row = conn.execute(sql).fetchone()
        return int(row[0]) if row else 0


@pytest.mark.postgres
def test_a_repeating_dmarc_poll_runs_on_the_workers_until_cancelled(pg_mw: Mailwarden, dovecot, ca_file):
    dovecot.deliver(mail_with(report(record() * 2, rid="first"), "r.xml", "text/xml"))
    dovecot.deliver(mail_with(report(record(), rid="second"), "r.xml", "text/xml"))
    imap = ["--imap-host", "127.0.0.1", "--imap-port", str(dovecot.tls_port), "--imap-user", "reports"]
    imap += ["--ca-file", str(ca_file), "--password-env", "DMARC_MAILBOX_PASSWORD"]
    started = pg_mw.run("jobs", "dmarc-poll", *imap, "--every", "10", "-f", "json")
    run = json.loads(started.stdout)
    assert run["kind"] == "dmarc-poll" and run["params"]["every"] == 10
    conninfo = pg_mw.url.replace("postgresql+psycopg", "postgresql")
    args = _count(conninfo, "SELECT count(*) FROM procrastinate_jobs WHERE args::text LIKE '%secret-pass%'")
    assert args == 0  # the password is nowhere in the queue

    pg_mw.env["DMARC_MAILBOX_PASSWORD"] = "secret-pass"  # on the worker's host only
    pg_mw.worker("poller", stalled_after=5)
    reports = "SELECT count(*) FROM dmarc_reports"
    wait_for(lambda: _count(conninfo, reports) == 2, what="the first pass")
    # the reports are stored before their messages move (a crash between loses nothing), so
    # the move is waited for, not assumed done when the rows are there
    wait_for(lambda: (dovecot.count(), dovecot.count("Processed")) == (0, 2), what="the first pass's moves")

    def info() -> dict:
        return json.loads(pg_mw.run("jobs", "show", str(run["id"]), "-f", "json").stdout)

    # the first pass queued the next one, once
    wait_for(lambda: info()["total"] == 2, what="the next pass queued")
    dovecot.deliver(mail_with(report(record(), rid="third"), "r.xml", "text/xml"))
    wait_for(lambda: _count(conninfo, reports) == 3, what="the second pass")
    wait_for(lambda: info()["done"] == 2, what="the second pass recorded")
    pg_mw.run("jobs", "cancel", str(run["id"]))
    # the pass queued after the second runs, finds the job cancelled, and queues none after it
    wait_for(lambda: _count(conninfo, "SELECT count(*) FROM procrastinate_jobs") == 0, what="no pass left")
    final = info()
    assert final["status"] == "cancelled" and final["done"] == 2 and final["failed"] == 0
    assert _count(conninfo, reports) == 3  # each report stored once


def test_every_needs_the_queue(sqlite_mw: Mailwarden):
    proc = sqlite_mw.run(
        "jobs", "dmarc-poll", "--imap-host", "127.0.0.1", "--imap-user", "x", "--every", "60", check=False
    )
    assert proc.returncode == 2 and "dmarc fetch --watch" in proc.stderr
