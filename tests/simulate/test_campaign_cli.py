"""``mailwarden campaign profile|create|start|pause|resume|stop|list|show|send`` as a user runs
them (a real process) against an aiosmtpd relay on loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mailwarden.cli.campaign_cmds import parse_duration
from mailwarden.core.store import open_store
from mailwarden.simulate.models import SimDomain, SimTarget
from tests.support.smtpsink import SinkServer, wait_until

pytestmark = pytest.mark.smtp


@pytest.fixture
def sink():
    server = SinkServer().start()
    yield server
    server.stop()


def _ready(mw, tmp_path: Path, relay_port: int, n: int = 6, *, outsider: bool = True) -> None:  # type: ignore[no-untyped-def]
    """A verified domain (written straight into the command's store), targets, a profile."""
    assert mw("campaign", "groups", "list").returncode == 0  # creates and migrates the store
    store = open_store(url=f"sqlite:///{tmp_path / 'mw.db'}")
    with store.session(write=True) as s:
        s.add(SimDomain(domain="example.co.jp", token="t", verified_at=datetime(2026, 1, 1)))
    store.engine.dispose()
    f = tmp_path / "t.csv"
    rows = "".join(f"社員{i},u{i}@example.co.jp,{'営業部' if i % 2 else '経理部'},\n" for i in range(n))
    f.write_text("氏名,メールアドレス,部署,上長\n" + rows, encoding="utf-8")
    assert mw("campaign", "targets", "import", str(f)).returncode == 0
    if outsider:  # a target whose domain is no longer verified (imported when it was)
        store = open_store(url=f"sqlite:///{tmp_path / 'mw.db'}")
        with store.session(write=True) as s:
            s.add(SimTarget(name="外部", address="x@other.example", manager=""))
        store.engine.dispose()
    added = mw(
        "campaign", "profile", "add", "local", "--relay", f"127.0.0.1:{relay_port}", "--security", "none",
        "--from", "it-notice@example.co.jp",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def _json(res: subprocess.CompletedProcess[str]):  # type: ignore[no-untyped-def]
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_profiles(mw, tmp_path: Path) -> None:
    res = mw(
        "campaign",
        "profile",
        "add",
        "ext",
        "--relay",
        "smtp.example.co.jp",
        "--security",
        "none",
        "--from",
        "a@b.jp",
    )
    assert res.returncode == 2 and "loopback" in res.stderr
    ok = mw(
        "campaign", "profile", "add", "ext", "--relay", "smtp.example.co.jp:587", "--username", "sim",
        "--password-env", "MW_SIM_PASS", "--from", "notice@example.co.jp", "--json",
    )  # fmt: skip
    assert _json(ok)["password_env"] == "MW_SIM_PASS"
    listed = _json(mw("campaign", "profile", "list", "--json"))
    assert [(p["name"], p["security"], p["username"]) for p in listed] == [("ext", "starttls", "sim")]
    assert "password" not in json.dumps(listed).replace("password_env", "")
    assert "MW_SIM_PASS" in mw("campaign", "profile", "list").stdout
    assert mw("campaign", "profile", "remove", "ext").returncode == 0
    gone = mw("campaign", "profile", "remove", "ext")
    assert gone.returncode == 2 and "no sending profile" in gone.stderr


def test_create_start_pause_resume_send_stop(mw, tmp_path: Path, sink) -> None:
    _ready(mw, tmp_path, sink.port)
    # the unverified target is refused by name; one department is fine
    refused = mw(
        "campaign",
        "create",
        "q4",
        "--template",
        "invoice-check",
        "--profile",
        "local",
        "--contact",
        "sec@example.co.jp",
    )
    assert refused.returncode == 2 and "x@other.example" in refused.stderr
    no_contact = mw(
        "campaign", "create", "q4", "--template", "invoice-check", "--profile", "local", "--contact", ""
    )
    assert no_contact.returncode == 2 and "contact" in no_contact.stderr
    made = _json(
        mw(
            "campaign",
            "create",
            "q4",
            "--template",
            "invoice-check",
            "--profile",
            "local",
            "--group",
            "経理部",
            "--contact",
            "sec@example.co.jp",
            "--company",
            "例株式会社",
            "--json",
        )
    )
    assert (made["status"], made["recipients"], made["training_after"]) == ("draft", 3, "submit")

    # a window: two hours from a start in the future
    started = _json(mw("campaign", "start", "q4", "--at", "2030-01-07T09:00+09:00", "--over", "2h", "--json"))
    start, end = datetime.fromisoformat(started["start_at"]), datetime.fromisoformat(started["send_by"])
    assert end - start == timedelta(hours=2) and started["status"] == "scheduled"
    again = mw("campaign", "start", "q4")
    assert again.returncode == 2 and "cannot be started" in again.stderr
    assert _json(mw("campaign", "send", "--json"))["handed"] == 0  # not due before 2030
    assert "no campaign mail is due" in mw("campaign", "send").stdout
    assert mw("campaign", "pause", "q4").returncode == 0
    resumed = _json(mw("campaign", "resume", str(made["id"]), "--json"))
    assert resumed["status"] == "scheduled"
    stopped = _json(mw("campaign", "stop", "q4", "--json"))
    assert stopped["status"] == "stopped" and stopped["counts"]["cancelled"] == 3
    bad = mw("campaign", "start", "q4")
    assert bad.returncode == 2 and "stopped" in bad.stderr

    # now: everything due at once, sent by 'campaign send'
    mw("campaign", "create", "now", "--template", "payslip", "--profile", "local", "--group", "営業部",
       "--contact", "sec@example.co.jp", "--lang", "en")  # fmt: skip
    assert mw("campaign", "start", "now").returncode == 0
    sent = mw("campaign", "send")
    assert sent.returncode == 0, sent.stderr
    assert "sent 3" in sent.stdout and "campaign now is done" in sent.stdout
    assert sorted(a for m in sink.sink.messages for a in m.rcpt_tos) == [
        "u1@example.co.jp",
        "u3@example.co.jp",
        "u5@example.co.jp",
    ]
    shown = _json(mw("campaign", "show", "now", "--json"))
    assert shown["status"] == "done" and shown["counts"]["sent"] == 3
    text = mw("campaign", "show", "now").stdout
    assert "done" in text and "sent 3" in text
    listed = _json(mw("campaign", "list", "--json"))
    assert [(c["name"], c["status"]) for c in listed] == [("now", "done"), ("q4", "stopped")]
    assert "q4" in mw("campaign", "list").stdout
    missing = mw("campaign", "show", "nope")
    assert missing.returncode == 2 and "no campaign nope" in missing.stderr


def test_send_watch_sends_then_stops_on_sigterm(mw, tmp_path: Path, sink) -> None:
    _ready(mw, tmp_path, sink.port, n=4, outsider=False)
    assert mw("campaign", "create", "w", "--template", "payslip", "--profile", "local",
              "--contact", "sec@example.co.jp").returncode == 0  # fmt: skip
    env = {
        **os.environ,
        "MAILWARDEN_LANG": "en",
        "COLUMNS": "300",
        "MAILWARDEN_DATABASE_URL": f"sqlite:///{tmp_path / 'mw.db'}",
        "MAILWARDEN_DATA_DIR": str(tmp_path / "data"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "mailwarden", "campaign", "send", "--watch", "--interval", "0.2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        # started while the sender watches: it picks the campaign up at its next look
        assert mw("campaign", "start", "w").returncode == 0
        assert len(sink.sink.wait(4, timeout=60)) == 4
        wait_until(lambda: _json(mw("campaign", "show", "w", "--json"))["status"] == "done", 60)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, errors = proc.communicate(timeout=60)
    assert proc.returncode == 0, errors
    assert "stopped" in out and "campaign w is done" in out


def test_parse_duration() -> None:
    assert parse_duration("2h") == timedelta(hours=2)
    assert parse_duration("1h30m") == timedelta(minutes=90)
    assert parse_duration("1d") == timedelta(days=1)
    for bad in ("", "2", "h", "2x", "0m", "-1h"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_two_send_commands_at_once_mail_everyone_once(mw, tmp_path: Path, sink) -> None:
    _ready(mw, tmp_path, sink.port, n=300, outsider=False)
    assert mw("campaign", "create", "two", "--template", "payslip", "--profile", "local",
              "--contact", "sec@example.co.jp").returncode == 0  # fmt: skip
    assert mw("campaign", "start", "two").returncode == 0
    env = {
        **os.environ,
        "MAILWARDEN_LANG": "en",
        "MAILWARDEN_DATABASE_URL": f"sqlite:///{tmp_path / 'mw.db'}",
        "MAILWARDEN_DATA_DIR": str(tmp_path / "data"),
    }
    cmd = [sys.executable, "-m", "mailwarden", "campaign", "send", "--json"]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in "ab"
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _o, e in results]
    sent = [json.loads(o)["sent"] for o, _e in results]
    assert sum(sent) == 300
    addresses = [a for m in sink.sink.messages for a in m.rcpt_tos]
    assert len(addresses) == 300 and len(set(addresses)) == 300
    assert _json(mw("campaign", "show", "two", "--json"))["counts"]["sent"] == 300
