"""The exit codes every checking command honours (README, "Exit codes"): 0 nothing found,
1 findings, 2 usage or input error, 3 could not check — and only regular files are read."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.analyze.mail import message


def mw(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "MAILWARDEN_LANG": "en", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "mailwarden", *args], capture_output=True, input=stdin, env=env, timeout=120
    )


def test_scan(tmp_path: Path) -> None:
    clean = tmp_path / "clean.eml"
    clean.write_bytes(message("来週の打ち合わせの件、よろしくお願いいたします。"))
    lure = tmp_path / "lure.eml"
    lure.write_bytes(
        message(
            "振込先の変更をお願いします。至急。内密に。",
            reply_to="boss@gmail.com",
            from_="社長 <ceo@example.co.jp>",
        )
    )
    assert mw("scan", "--offline", "--no-history", str(clean)).returncode == 0
    assert mw("scan", "--offline", "--no-history", str(lure)).returncode == 1
    missing = mw("scan", "--offline", "--no-history", str(clean), str(tmp_path / "nope.eml"))
    assert missing.returncode == 2 and b"nope.eml" in missing.stdout


def test_dlp_check(tmp_path: Path) -> None:
    plain = tmp_path / "plain.eml"
    plain.write_bytes(message("特になし"))
    card = tmp_path / "card.eml"
    card.write_bytes(message("カード 4111-1111-1111-1111"))
    assert mw("dlp", "check", str(plain)).returncode == 0
    assert mw("dlp", "check", str(card)).returncode == 1
    assert mw("dlp", "check", str(tmp_path / "nope.eml")).returncode == 2
    # a card found beside an attachment that could not be read: 3, the largest code wins
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.co.jp", "b@example.net", "資料"
    msg.set_content("カード 4111-1111-1111-1111")
    msg.add_attachment(b"PK\x03\x04 broken", maintype="application", subtype="zip", filename="a.zip")
    both = tmp_path / "both.eml"
    both.write_bytes(msg.as_bytes())
    r = mw("dlp", "check", "--format", "json", str(both))
    row = json.loads(r.stdout)[0]
    assert row["matches_total"] == 1 and row["unscannable"][0]["reason"] == "broken zip"
    assert r.returncode == 3


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody writes to it: reading it would hang forever
    r = mw("scan", "--offline", "--no-history", str(fifo))
    assert r.returncode == 2 and b"not a regular file" in r.stdout
    r = mw("dlp", "check", "--format", "jsonl", str(fifo))
    assert r.returncode == 2 and b"not a regular file" in r.stdout
    r = mw("dmarc", "ingest", "/dev/urandom")
    assert b"not a regular file" in r.stdout and r.returncode != 0


@pytest.mark.slow  # waits out DNS timeouts
def test_domain_check_without_dns_could_not_check() -> None:
    # a loopback port nobody answers on: every query fails, nothing can be checked
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        r = mw("domain", "check", "example.jp", "-n", f"127.0.0.1:{port}", "--timeout", "2")
    assert r.returncode == 3, (r.stdout[-500:], r.stderr[-500:])


def test_an_unusable_data_directory_is_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    env = {**os.environ, "MAILWARDEN_LANG": "en", "MAILWARDEN_DATA_DIR": str(blocker / "data")}
    env.pop("MAILWARDEN_DATABASE_URL", None)
    r = subprocess.run(
        [sys.executable, "-m", "mailwarden", "user", "list"], capture_output=True, env=env, timeout=120
    )
    assert r.returncode == 2
    assert b"Traceback" not in r.stderr and b"Error:" in r.stderr and b"a-file" in r.stderr


def test_a_bad_relay_address_is_a_usage_error(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("rules:\n  - {id: r, when: {detector: credit-card}, action: hold}\n")
    got = mw("gateway", "run", "--relay", "[::1", "--policy", str(policy), "--spool", str(tmp_path / "s"))
    assert got.returncode == 2 and b"not HOST:PORT: [::1" in got.stdout + got.stderr


def test_a_database_that_cannot_be_used_is_a_sentence(tmp_path: Path) -> None:
    where = tmp_path / "a-directory"
    where.mkdir()
    env = {**os.environ, "MAILWARDEN_LANG": "en", "MAILWARDEN_DATABASE_URL": f"sqlite:///{where}"}
    got = subprocess.run(
        [sys.executable, "-m", "mailwarden", "user", "list"], capture_output=True, env=env, timeout=120
    )
    text = (got.stdout + got.stderr).decode()
    assert got.returncode == 2 and "the database cannot be used" in text and "Traceback" not in text
