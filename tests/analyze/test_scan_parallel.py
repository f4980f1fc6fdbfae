"""`mailwarden scan --offline` shares a folder between two worker processes: the rows are
exactly those of one process analysing every message in order, and a message that cannot be
read, parsed or analysed is its own row while the others go on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.rules import load_rules
from mailwarden.cli import scan_cmds
from mailwarden.core.parallel import can_fork
from mailwarden.core.sources import looks_like_mail, messages

from .mail import message

FIXTURES = Path(__file__).parents[1] / "data" / "ja-mail"

BROKEN = {
    # a multipart message cut short, with base64 that is not base64
    "cut.eml": b"From: a@example.com\nSubject: x\nMIME-Version: 1.0\n"
    b'Content-Type: multipart/mixed; boundary="zz"\n\n--zz\n'
    b"Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!not base64 ===\n",
    # MIME nested deeper than the stdlib parser recurses
    "deep.eml": b"From: a@example.com\nSubject: deep\nMIME-Version: 1.0\n"
    + b"".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n'.encode() for i in range(1200)),
    # binary junk after a header
    "junk.eml": b"From: a@example.com\nSubject: junk\n\n" + bytes(range(256)) * 40,
    "empty.eml": b"",
    "README.md": b"# Not mail\n\nJust a readme.\n",
}


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "mail"
    d.mkdir()
    for sub in ("ham", "phishing"):
        for f in sorted((FIXTURES / sub).glob("*.eml")):
            (d / f"{sub}-{f.name}").write_bytes(f.read_bytes())
    for name, data in BROKEN.items():
        (d / name).write_bytes(data)
    (d / "box.mbox").write_bytes(
        b"".join(
            b"From a@b Fri Nov 27 00:00:00 2026\n"
            + message(f"box {i}", msgid=f"<b{i}@example.co.jp>")
            + b"\n"
            for i in range(5)
        )
    )
    return d


def _one_process(folder: Path) -> list[dict]:
    rules = load_rules()
    rows = []
    for origin, data in messages([str(folder)]):
        if isinstance(data, str):
            rows.append({"path": origin, "error": data})
        elif not looks_like_mail(data):
            rows.append({"path": origin, **scan_cmds.not_mail()})
        else:
            rows.append({"path": origin, **analyze(data, rules).to_dict()})
    return json.loads(json.dumps(rows, ensure_ascii=False, default=str))


def test_two_workers_give_one_process_rows_in_the_same_order(tmp_path):
    folder = _folder(tmp_path)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mailwarden",
            "scan",
            "--offline",
            "--no-history",
            "--format",
            "jsonl",
            str(folder),
        ],
        capture_output=True,
        env={**os.environ, "MAILWARDEN_LANG": "en"},
        timeout=300,
    )
    # unreadable rows among them (exit 2) and messages not wholly inspected (deep.eml: 3),
    # the larger wins (README, "Exit codes"); no crash
    assert proc.returncode == 3, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert any(s["code"] == "analysis.uninspected" for r in rows for s in r.get("signals", ()))
    expected = _one_process(folder)
    assert len(rows) == len(expected) > 40
    assert [r["path"] for r in rows] == [r["path"] for r in expected]
    assert rows == expected
    by_name = {r["path"].rsplit("/", 1)[-1]: r for r in rows}
    # the broken ones are rows of their own: verdicts or errors, never a stopped scan
    assert "error" in by_name["README.md"] and "error" in by_name["empty.eml"]
    assert by_name["deep.eml"]["verdict"] and by_name["cut.eml"]["verdict"] and by_name["junk.eml"]["verdict"]
    assert {f"box.mbox#{i}" for i in range(1, 6)} <= {p.rsplit("/", 1)[-1] for p in by_name}


@pytest.mark.skipif(not can_fork(), reason="workers are forked processes")
def test_a_message_the_analyser_fails_on_is_an_error_row_and_the_rest_go_on(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    real = scan_cmds.analyze

    def flaky(data, rules):
        if b"<b2@example.co.jp>" in data:
            raise ValueError("cannot take this one")
        return real(data, rules)

    # the workers are forked from this process, so they run the patched analyser
    monkeypatch.setattr(scan_cmds, "analyze", flaky)
    rows = list(scan_cmds._offline_results([str(folder)], load_rules(), None))
    expected = _one_process(folder)
    assert [r["path"] for r in rows] == [r["path"] for r in expected]
    failed = [r for r in rows if "cannot take this one" in r.get("error", "")]
    assert [r["path"].rsplit("/", 1)[-1] for r in failed] == ["box.mbox#3"]
    assert "ValueError" in failed[0]["error"]
    ok = json.loads(json.dumps([r for r in rows if r not in failed], ensure_ascii=False, default=str))
    assert ok == [r for r in expected if not r["path"].endswith("box.mbox#3")]


def test_each_worker_reads_only_the_files_it_analyses(tmp_path, monkeypatch):
    """Both workers list the folder, but a file of one message is read by the worker that
    analyses it alone (an mbox is read by both, its messages must be counted to be shared; each
    message is unquoted by its own worker)."""
    from mailwarden.core import sources
    from mailwarden.core.parallel import share

    folder = _folder(tmp_path)
    everything = list(messages([str(folder)]))
    read: list[str] = []
    real = sources._Later.read
    monkeypatch.setattr(
        sources._Later, "read", lambda self: read.append(self.path.name if self.path else "#") or real(self)
    )
    for worker in (0, 1):
        read.clear()
        mine = [
            (origin, item.read() if isinstance(item, sources._Later) else item)
            for origin, item in share(sources._units([str(folder)]), worker, 2)
        ]
        assert mine == everything[worker::2]
        assert sorted(read) == sorted(Path(o).name if "#" not in o else "#" for o, _ in mine)
        assert 0 < len(read) < len(everything) / 2 + 1


def test_a_file_gone_between_listing_and_reading_is_its_own_row(tmp_path):
    from mailwarden.core import sources

    folder = _folder(tmp_path)
    units = list(sources._units([str(folder)]))
    (folder / "empty.eml").unlink()
    rows = {o: (u.read() if isinstance(u, sources._Later) else u) for o, u in units}
    assert rows[str(folder / "empty.eml")].startswith("FileNotFoundError")
    assert rows[str(folder / "cut.eml")] == BROKEN["cut.eml"]


def test_mbox_messages_are_unquoted_whoever_takes_them(tmp_path):
    box = tmp_path / "quoted.mbox"
    box.write_bytes(
        b"From a@b Fri Nov 27 00:00:00 2026\nSubject: one\n\n>From the start\n>>From deeper\n\n"
        b"From a@b Fri Nov 27 00:00:01 2026\nSubject: two\n\nplain\n"
    )
    got = list(messages([str(box)]))
    assert got == [
        (f"{box}#1", b"Subject: one\n\nFrom the start\n>From deeper\n"),
        (f"{box}#2", b"Subject: two\n\nplain\n"),
    ]


def test_a_file_swapped_for_a_fifo_after_listing_is_a_row_not_a_hang(tmp_path):
    from mailwarden.core import sources

    folder = _folder(tmp_path)
    units = dict(sources._units([str(folder)]))
    target = folder / "empty.eml"
    target.unlink()
    os.mkfifo(target)  # no writer: a plain open() for reading would wait forever
    assert units[str(target)].read() == "not a regular file"
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    assert list(messages([str(fifo)])) == [(str(fifo), "not a regular file")]  # named alone
