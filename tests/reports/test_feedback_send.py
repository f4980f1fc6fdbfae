"""Feedback mails sent: reports go in through the service, the outbox is sent through a real
SMTP relay on loopback (aiosmtpd), and what the relay received is read back as a mail client
would (the Subject's encoded-word decoded, the body as text)."""

from __future__ import annotations

import email
import email.policy
import json
import threading
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from typer.testing import CliRunner

from mailwarden.analyze.rules import load_rules
from mailwarden.core import i18n
from mailwarden.core.config import Settings
from mailwarden.core.store.models import utcnow
from mailwarden.reports import autoresolve, feedback, feedback_send, outbox, service, simulation
from mailwarden.reports.feedback_send import MAX_ATTEMPTS, deliver_all, deliver_due
from mailwarden.reports.models import Report, ReportAnalysis, ReportFeedback, ReportRemediation
from tests.support.nsd import free_port
from tests.support.smtpsink import Received, SinkServer

from . import corpus

pytestmark = pytest.mark.smtp

KEY = "test-secret-key"
FROM = "Security Team <security@example.co.jp>"
NO_RULES = autoresolve.AutoRules()


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return load_rules()


@pytest.fixture
def relay():  # type: ignore[no-untyped-def]
    server = SinkServer().start()
    yield server
    server.stop()


def settings_for(port: int, tmp_path: Path, lang: str = "ja") -> Settings:
    return Settings(
        data_dir=tmp_path,
        lang=lang,
        feedback_relay=f"127.0.0.1:{port}",
        feedback_relay_security="none",
        feedback_from=FROM,
        notify_from="postmaster@example.co.jp",
    )


@pytest.fixture
def settings(relay, tmp_path):  # type: ignore[no-untyped-def]
    return settings_for(relay.port, tmp_path)


def ingest(store, rules, **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("path", "imap")
    kw.setdefault("auto_rules", NO_RULES)
    return service.ingest_report(store, rules, KEY, **kw)


def report_from(store, rules, who: str, **kw):  # type: ignore[no-untyped-def]
    return ingest(store, rules, report_mail=corpus.attached(corpus.phish(to=who), reporter=who), **kw)


def parse(got: Received) -> EmailMessage:
    msg = email.message_from_bytes(got.data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def rows(store) -> list[ReportFeedback]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return list(s.scalars(select(ReportFeedback).order_by(ReportFeedback.id)))


def aware(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def ja(msgid: str) -> str:
    return i18n.catalogue("ja")[msgid]


def test_japanese_thank_you_arrives(store, rules, relay, settings):
    got = report_from(store, rules, "tanaka@example.co.jp")
    run = deliver_due(store, settings)
    assert (run.sent, run.retry, run.failed, run.skipped) == (1, 0, 0, 0)
    [mail] = relay.sink.messages
    assert mail.mail_from == "security@example.co.jp" and mail.rcpt_tos == ["tanaka@example.co.jp"]
    head = mail.data.split(b"\r\n\r\n", 1)[0]
    assert head.isascii() and b"=?utf-8?" in head.lower()  # the Japanese Subject encoded
    msg = parse(mail)
    assert msg["Subject"] == "ご報告ありがとうございます: 【重要】アカウントの確認をお願いします"
    assert msg["To"] == "tanaka@example.co.jp"
    assert msg["From"].addresses[0].addr_spec == "security@example.co.jp"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Message-ID"].endswith("@example.co.jp>")
    assert msg["X-Mailwarden-Feedback"] == f"{got.report_id}.thanks"
    assert msg["Content-Language"] == "ja"
    assert ja(feedback._BODIES["thanks"]) in msg.get_content()
    [row] = rows(store)
    assert (row.kind, row.status, row.attempts, row.last_error) == ("thanks", "sent", 1, "")
    assert row.sent_at is not None


def test_english_when_the_reporter_says_so(store, rules, relay, settings):
    ingest(
        store,
        rules,
        path="api",
        message=corpus.phish(),
        answers={"lang": "en", "client": "outlook"},
        reporter="Ito Ken <ito@example.co.jp>",
    )
    deliver_due(store, settings)
    [mail] = relay.sink.messages
    msg = parse(mail)
    assert mail.rcpt_tos == ["ito@example.co.jp"]
    assert msg["Subject"] == "Thank you for your report: 【重要】アカウントの確認をお願いします"
    assert "The security team has received it" in msg.get_content()
    assert msg["Content-Language"] == "en"


def test_phishing_outcome_counts_the_mailboxes_remediated(store, rules, relay, tmp_path):
    settings = settings_for(relay.port, tmp_path, lang="en")
    first = report_from(store, rules, "a@example.co.jp")
    report_from(store, rules, "b@example.co.jp")
    assert deliver_due(store, settings).sent == 2  # the thank-yous
    # remediation moved the message out of four mailboxes, one of them a's own
    with store.session() as s:
        for i, box in enumerate(["A@example.co.jp", "c@example.co.jp", "d@example.co.jp", "e@example.co.jp"]):
            s.add(
                ReportRemediation(
                    run="r1", cluster_id=first.cluster_id, actor="t", mailbox=box, folder="INBOX",
                    uidvalidity=1, uid=i + 1, status="moved",
                )
            )  # fmt: skip
        s.add(
            ReportRemediation(
                run="r1", cluster_id=first.cluster_id, actor="t", mailbox="f@example.co.jp",
                folder="INBOX", uidvalidity=1, uid=9, status="failed",
            )
        )  # fmt: skip
    assert service.resolve_cluster(store, first.cluster_id, "phishing", "tester") == 2
    assert deliver_due(store, settings).sent == 2
    outcomes = {m.rcpt_tos[0]: parse(m) for m in relay.sink.messages[2:]}
    assert outcomes["a@example.co.jp"]["Subject"].startswith("Your report: this was phishing")
    assert "you protected 3 colleagues" in outcomes["a@example.co.jp"].get_content()
    assert "you protected 4 colleagues" in outcomes["b@example.co.jp"].get_content()
    assert all(r.status == "sent" for r in rows(store))


def test_clean_outcome_says_safe_to_open(store, rules, relay, settings):
    got = report_from(store, rules, "sato@example.co.jp", answers={"lang": "en"})
    service.resolve_cluster(store, got.cluster_id, "clean", "tester")
    assert deliver_due(store, settings).sent == 2
    thanks, outcome = (parse(m) for m in relay.sink.messages)
    assert thanks["Subject"].startswith("Thank you for your report")  # queued first, sent first
    assert outcome["Subject"].startswith("Your report: this was safe to open")
    assert "is safe to open" in outcome.get_content()
    assert outcome["X-Mailwarden-Feedback"] == f"{got.report_id}.outcome"


def test_japanese_phishing_outcome_without_remediation(store, rules, relay, settings):
    got = report_from(store, rules, "kato@example.co.jp")
    service.resolve_cluster(store, got.cluster_id, "phishing", "tester")
    deliver_due(store, settings)
    outcome = parse(relay.sink.messages[-1])
    assert outcome["Subject"].startswith(ja(feedback._SUBJECTS["phishing"]).split("{")[0])
    assert ja(feedback._PROTECTED_NONE) in outcome.get_content()  # nobody counted: no number


def test_simulation_gets_one_mail(store, rules, relay, tmp_path):
    settings = settings_for(relay.port, tmp_path, lang="en")
    mark = simulation.marker(KEY, "q4-2026", "t0042")
    mail = corpus.attached(corpus.phish(headers={simulation.HEADER: mark}), reporter="mori@example.co.jp")
    got = ingest(store, rules, report_mail=mail)
    assert got.classification == "simulation"
    run = deliver_all(store, settings)
    assert run.sent == 1
    [only] = relay.sink.messages
    assert parse(only)["Subject"] == "Well spotted: this was a training exercise"
    assert [(r.kind, r.status) for r in rows(store)] == [("outcome", "sent")]


def test_500_staff_500_thank_yous_one_analysis(store, rules, relay, settings):
    for i in range(500):
        report_from(store, rules, f"staff{i:03d}@example.co.jp")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(ReportAnalysis)) == 1
        assert s.scalar(select(func.count(func.distinct(Report.cluster_id)))) == 1
    run = deliver_all(store, settings)
    assert run.sent == 500 and run.claimed == 500
    recipients = [m.rcpt_tos[0] for m in relay.sink.messages]
    assert len(recipients) == 500 and len(set(recipients)) == 500
    assert deliver_all(store, settings).claimed == 0  # nothing twice


def test_relay_down_nothing_lost_nothing_twice(store, rules, relay, tmp_path):
    for who in ("a@example.co.jp", "b@example.co.jp", "c@example.co.jp"):
        report_from(store, rules, who)
    down = settings_for(free_port(), tmp_path)  # nothing listens there
    now = utcnow() + timedelta(minutes=1)  # a pass that runs ahead of the clock: its own time counts
    run = deliver_due(store, down, now=now)
    assert run.relay_down and run.retry == 3 and run.sent == 0
    assert "refused" in run.last_error.lower() or "errno" in run.last_error.lower()
    for r in rows(store):
        assert (r.status, r.attempts) == ("pending", 1)
        assert aware(r.next_attempt_at) == now + timedelta(minutes=1)
        assert r.last_error
    # not due yet: the up relay is not even asked
    up = settings_for(relay.port, tmp_path)
    assert deliver_due(store, up, now=now + timedelta(seconds=30)).claimed == 0
    assert relay.sink.messages == []
    run = deliver_due(store, up, now=now + timedelta(minutes=2))
    assert run.sent == 3
    assert sorted(m.rcpt_tos[0] for m in relay.sink.messages) == [
        "a@example.co.jp",
        "b@example.co.jp",
        "c@example.co.jp",
    ]
    assert [(r.status, r.attempts, r.last_error) for r in rows(store)] == [("sent", 2, "")] * 3
    assert deliver_all(store, up, now=now + timedelta(days=1)).claimed == 0
    assert len(relay.sink.messages) == 3


def test_backoff_grows_then_gives_up(store, rules, tmp_path):
    report_from(store, rules, "a@example.co.jp")
    down = settings_for(free_port(), tmp_path)
    at = utcnow() + timedelta(minutes=1)
    waits = []
    for _ in range(MAX_ATTEMPTS):
        assert deliver_due(store, down, now=at).claimed == 1
        [r] = rows(store)
        if r.status == "failed":
            break
        nxt = aware(r.next_attempt_at)
        waits.append(nxt - at)
        at = nxt
    [r] = rows(store)
    assert r.status == "failed" and r.attempts == MAX_ATTEMPTS
    assert r.last_error.startswith(f"gave up after {MAX_ATTEMPTS} attempts")
    assert [int(w.total_seconds() // 60) for w in waits[:6]] == [1, 5, 15, 60, 180, 360]
    assert all(w == timedelta(hours=6) for w in waits[6:])


def test_refused_recipient_fails_and_the_rest_go(store, rules, relay, settings):
    relay.sink.refuse_rcpt["gone@example.co.jp"] = "550 5.1.1 no such user"
    relay.sink.refuse_rcpt["busy@example.co.jp"] = "452 4.2.2 mailbox full"
    for who in ("a@example.co.jp", "gone@example.co.jp", "busy@example.co.jp", "b@example.co.jp"):
        report_from(store, rules, who)
    run = deliver_due(store, settings)
    assert (run.sent, run.failed, run.retry, run.relay_down) == (2, 1, 1, False)
    by_to = {r.id: r for r in rows(store)}
    states = sorted((r.status, r.last_error[:3]) for r in by_to.values())
    assert states == [("failed", "550"), ("pending", "452"), ("sent", ""), ("sent", "")]
    assert sorted(m.rcpt_tos[0] for m in relay.sink.messages) == ["a@example.co.jp", "b@example.co.jp"]


def test_no_mail_to_nobody_ourselves_or_the_reporting_mailbox(store, rules, relay, settings):
    ingest(store, rules, path="upload", message=corpus.phish())  # no reporter
    ingest(store, rules, path="api", message=corpus.phish(), reporter="not an address")
    ingest(store, rules, path="api", message=corpus.phish(), reporter="SECURITY@example.co.jp")
    ingest(store, rules, path="api", message=corpus.phish(), reporter="MAILER-DAEMON@example.co.jp")
    looped = corpus.attached(corpus.phish(), reporter="phish-report@example.co.jp")
    origin = "imap://phish-report@example.co.jp@imap.example.co.jp/INBOX;UIDVALIDITY=1;UID=7"
    ingest(store, rules, report_mail=looped, origin=origin)
    report_from(store, rules, "real@example.co.jp")
    run = deliver_due(store, settings)
    assert (run.sent, run.skipped) == (1, 5)
    assert [m.rcpt_tos for m in relay.sink.messages] == [["real@example.co.jp"]]
    skipped = [r.last_error for r in rows(store) if r.status == "skipped"]
    assert skipped[0].startswith("no address to write to") and skipped[1].startswith("no address")
    assert all("our own sender or the reporting mailbox" in e for e in skipped[2:])


def test_a_thank_you_after_the_outcome_is_not_sent(store, rules, relay, settings):
    got = report_from(store, rules, "late@example.co.jp")
    with store.session() as s:  # the thank-you waits for a retry …
        s.execute(update(ReportFeedback).values(next_attempt_at=utcnow() + timedelta(hours=1)))
    service.resolve_cluster(store, got.cluster_id, "spam", "tester")
    assert deliver_due(store, settings).sent == 1  # … the outcome goes first
    run = deliver_due(store, settings, now=utcnow() + timedelta(hours=2))
    assert (run.sent, run.skipped) == (0, 1)
    assert [(r.kind, r.status) for r in rows(store)] == [("thanks", "skipped"), ("outcome", "sent")]


def test_a_dead_senders_claim_is_taken_over_after_the_lease(store, rules, relay, settings):
    report_from(store, rules, "a@example.co.jp")
    report_from(store, rules, "b@example.co.jp")
    now = utcnow()
    with store.session() as s:
        s.execute(
            update(ReportFeedback).values(
                status="sending", attempts=1, next_attempt_at=now + timedelta(minutes=10)
            )
        )
    assert deliver_due(store, settings, now=now).claimed == 0  # the lease is live
    run = deliver_due(store, settings, now=now + timedelta(minutes=11))
    assert run.sent == 2 and all((r.status, r.attempts) == ("sent", 2) for r in rows(store))


def test_two_senders_at_once_send_each_mail_once(store, rules, relay, settings):
    for i in range(40):
        report_from(store, rules, f"s{i:02d}@example.co.jp")
    runs: list[feedback_send.Run] = []
    start = threading.Barrier(2)

    def sender() -> None:
        start.wait(10)
        runs.append(deliver_all(store, settings))

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sum(r.sent for r in runs) == 40
    recipients = [m.rcpt_tos[0] for m in relay.sink.messages]
    assert len(recipients) == 40 and len(set(recipients)) == 40


def test_report_feedback_rows_for_the_page_and_list(store, rules, relay, settings):
    got = report_from(store, rules, "a@example.co.jp")
    service.resolve_cluster(store, got.cluster_id, "clean", "tester")
    deliver_due(store, settings)
    shown = outbox.report_feedback(store, got.report_id)
    assert [(f["kind"], f["status"], f["attempts"]) for f in shown] == [
        ("thanks", "sent", 1),
        ("outcome", "sent", 1),
    ]
    assert all(f["sent_at"] and f["next_attempt_at"] is None for f in shown)
    assert [f["kind"] for f in outbox.list_feedback(store, status="sent")] == ["outcome", "thanks"]
    assert outbox.list_feedback(store, status="failed") == []


def test_cli_send_and_list(store, rules, relay, settings, monkeypatch):
    from mailwarden.cli.main import app
    from mailwarden.core import config

    report_from(store, rules, "a@example.co.jp")
    report_from(store, rules, "b@example.co.jp")
    monkeypatch.setattr(config, "get_settings", lambda: settings)
    monkeypatch.setattr("mailwarden.core.store.open_store", lambda *a, **k: store)
    runner = CliRunner()
    listed = runner.invoke(app, ["reports", "feedback", "list", "--status", "pending", "--json"])
    assert listed.exit_code == 0, listed.output
    assert '"status": "pending"' in listed.stdout and listed.stdout.count('"kind": "thanks"') == 2
    sent = runner.invoke(app, ["reports", "feedback", "send", "--json"])
    assert sent.exit_code == 0, sent.output
    assert '"sent": 2' in sent.stdout and len(relay.sink.messages) == 2
    again = runner.invoke(app, ["reports", "feedback", "send"])
    assert again.exit_code == 0 and "Sent 0" in again.stdout and len(relay.sink.messages) == 2
    bad = runner.invoke(app, ["reports", "feedback", "list", "--status", "lost"])
    assert bad.exit_code == 2
    down = runner.invoke(app, ["reports", "feedback", "send", "--relay", f"127.0.0.1:{free_port()}"])
    assert down.exit_code == 0  # nothing was due


def test_cli_send_relay_down_exits_1_and_keeps_the_mail(store, rules, tmp_path, monkeypatch):
    from mailwarden.cli.main import app
    from mailwarden.core import config

    report_from(store, rules, "a@example.co.jp")
    monkeypatch.setattr(config, "get_settings", lambda: settings_for(free_port(), tmp_path))
    monkeypatch.setattr("mailwarden.core.store.open_store", lambda *a, **k: store)
    got = CliRunner().invoke(app, ["reports", "feedback", "send"])
    assert got.exit_code == 1
    assert [(r.status, r.attempts) for r in rows(store)] == [("pending", 1)]


def test_resolved_on_intake_thanks_then_outcome(store, rules, relay, tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "rules:\n  - id: everything-spam\n    description: test\n    classification: spam\n"
        "    when:\n      max_score: 1000\n"
    )
    got = report_from(store, rules, "a@example.co.jp", auto_rules=autoresolve.load(path))
    assert (got.status, got.classification) == ("resolved", "spam")
    assert deliver_due(store, settings_for(relay.port, tmp_path, lang="en")).sent == 2
    subjects = [parse(m)["Subject"] for m in relay.sink.messages]
    assert subjects[0].startswith("Thank you for your report") and "this was spam" in subjects[1]


def test_cli_watch_sends_as_mails_fall_due_and_stops_on_sigterm(rules, relay, tmp_path):
    import os
    import signal
    import subprocess
    import sys

    from mailwarden.core.store import open_store
    from tests.support.smtpsink import wait_until

    url = f"sqlite:///{tmp_path / 'mw.db'}"
    store = open_store(url=url)
    report_from(store, rules, "a@example.co.jp")
    env = {
        **os.environ,
        "MAILWARDEN_DATABASE_URL": url,
        "MAILWARDEN_DATA_DIR": str(tmp_path / "data"),
        "MAILWARDEN_FEEDBACK_RELAY": f"127.0.0.1:{relay.port}",
        "MAILWARDEN_FEEDBACK_RELAY_SECURITY": "none",
        "MAILWARDEN_FEEDBACK_FROM": "security@example.co.jp",
    }
    cmd = [
        sys.executable,
        "-m",
        "mailwarden",
        "reports",
        "feedback",
        "send",
        "--watch",
        "--interval",
        "2",
        "--json",
    ]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: len(relay.sink.messages) == 1, 60)
        report_from(store, rules, "b@example.co.jp")  # queued while it watches
        wait_until(lambda: len(relay.sink.messages) == 2, 60)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    # JSON Lines, one a pass that sent something: b may be queued while the pass that sent a is
    # still looking for more, so the two mails come in one or two passes — never lost or doubled.
    passes = [json.loads(line) for line in out.splitlines()]
    assert 1 <= len(passes) <= 2 and all(p["sent"] >= 1 for p in passes)
    assert sum(p["sent"] for p in passes) == 2
    assert sorted(m.rcpt_tos[0] for m in relay.sink.messages) == ["a@example.co.jp", "b@example.co.jp"]
