"""Queue ids: listed whole, and any unique prefix names its message (issue 16, point 7)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mailwarden.core.errors import InputError
from mailwarden.gateway.queue import Queues
from mailwarden.gateway.spool import Spool

MAIL = b"From: a@example.jp\r\nTo: b@example.com\r\nSubject: x\r\n\r\nbody\r\n"


def held(spool: Spool, sid: str, state: str = "held") -> str:
    return spool.put(state, {"mail_from": "a@example.jp", "rcpt_tos": ["b@example.com"]}, MAIL, spool_id=sid)


def test_a_unique_prefix_names_its_message(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    held(spool, "0123456789abcdef00000001")
    held(spool, "0123456789abcdef00000002")
    held(spool, "0123456789abcdeeffffffff", "delayed")
    queues = Queues(spool, None)
    assert queues.resolve("0123456789abcdeef") == "0123456789abcdeeffffffff"
    assert queues.release("0123456789abcdef00000001", "cli:test") == "0123456789abcdef00000001"
    assert "0123456789abcdef00000001" in spool.ids("queue")  # with the notice to its sender
    # the other held one is now the only id with this start
    assert queues.reject("0123456789abcdef0", "cli:test") == "0123456789abcdef00000002"
    assert spool.ids("held") == []
    assert queues.cancel("0123456789abcdee", "cli:test") == "0123456789abcdeeffffffff"
    assert spool.ids("delayed") == []


def test_an_ambiguous_prefix_lists_the_candidates_and_acts_on_none(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    a = held(spool, "0123456789abcdef00000001")
    b = held(spool, "0123456789abcdef00000002")
    queues = Queues(spool, None)
    with pytest.raises(InputError) as exc:
        queues.release("0123456789abcdef", "cli:test")
    assert a in str(exc.value) and b in str(exc.value)
    assert sorted(spool.ids("held")) == [a, b]
    with pytest.raises(InputError, match="no queued message"):
        queues.release("ffff", "cli:test")
    for odd in ("", "../held", ".", "0123/"):
        with pytest.raises(InputError):
            queues.resolve(odd)


def test_queue_list_shows_whole_ids_on_a_narrow_terminal_and_release_takes_a_prefix(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    sid = held(spool, "0123456789abcdef00000001")
    held(spool, "0123456789abcdef10000002")
    env = {
        **os.environ,
        "MAILWARDEN_LANG": "en",
        "MAILWARDEN_DATA_DIR": str(tmp_path),
        "COLUMNS": "60",
    }

    def mw(*args: str) -> subprocess.CompletedProcess[str]:
        spool_dir = str(tmp_path / "spool")
        cmd = [sys.executable, "-m", "mailwarden", "gateway", "queue", *args, "--spool", spool_dir]
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)

    listed = mw("list")
    assert listed.returncode == 0, listed.stderr
    assert sid in listed.stdout and "0123456789abcdef10000002" in listed.stdout
    ambiguous = mw("release", "0123456789abcdef")
    assert ambiguous.returncode == 2
    assert sid in ambiguous.stderr and "0123456789abcdef10000002" in ambiguous.stderr
    done = mw("release", "0123456789abcdef0")
    assert done.returncode == 0, done.stderr
    assert f"released {sid}" in done.stdout
    assert sid in spool.ids("queue")
