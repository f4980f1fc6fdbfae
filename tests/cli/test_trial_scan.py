"""`mailwarden scan` as a new user met it: a Maildir is read as its messages (not its server's
index files), an empty directory is said to hold no message, and a check that could not be
made (DNS unreachable, a part not inspected) exits 3 as the README's exit codes say."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from mailwarden.cli.scan_cmds import _exit_code
from mailwarden.core.sources import messages
from tests.analyze.mail import message
from tests.support.timing import DNS_TIMEOUT


def mw(*args: str, data_dir: Path) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "MAILWARDEN_LANG": "en",
        "COLUMNS": "200",
        "MAILWARDEN_DATA_DIR": str(data_dir),
        "MAILWARDEN_DNS_TIMEOUT": str(DNS_TIMEOUT),
    }
    return subprocess.run(
        [sys.executable, "-m", "mailwarden", "scan", *args], capture_output=True, env=env, timeout=120
    )


def maildir(root: Path) -> Path:
    """A Maildir as Dovecot leaves it: messages in cur/ and new/, a Maildir++ folder, the
    server's index, list and flag files beside them, a message being delivered in tmp/."""
    box = root / "Maildir"
    for sub in ("cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp", ".Drafts/cur"):
        (box / sub).mkdir(parents=True)
    (box / "cur" / "1697000000.M1P1.host:2,S").write_bytes(message("一通目", msgid="<1@example.co.jp>"))
    (box / "new" / "1697000001.M2P1.host").write_bytes(message("二通目", msgid="<2@example.co.jp>"))
    (box / ".Sent" / "cur" / "1697000002.M3P1.host:2,S").write_bytes(message("送信済み", msgid="<3@x.jp>"))
    (box / ".Drafts" / "cur" / "1697000003.M4P1.host:2,D").write_bytes(message("下書き", msgid="<4@x.jp>"))
    (box / "tmp" / "1697000004.M5P1.host").write_bytes(b"From: half")
    (box / "cur" / ".hidden").write_bytes(b"not a message")
    for name in (
        "dovecot-uidlist",
        "dovecot.index",
        "dovecot.index.log",
        "dovecot-uidvalidity",
        "subscriptions",
    ):
        (box / name).write_bytes(b"3 V1697000000 N5\n")
    (box / ".Sent" / "maildirfolder").write_bytes(b"")
    (box / ".Sent" / "dovecot-uidlist").write_bytes(b"3 V1 N2\n")
    return box


def test_a_maildir_is_read_as_its_messages(tmp_path: Path) -> None:
    box = maildir(tmp_path)
    got = [Path(origin).relative_to(box).as_posix() for origin, _ in messages([str(box)])]
    assert got == [
        ".Drafts/cur/1697000003.M4P1.host:2,D",
        ".Sent/cur/1697000002.M3P1.host:2,S",
        "cur/1697000000.M1P1.host:2,S",
        "new/1697000001.M2P1.host",
    ]
    # a Maildir inside a directory given is found too; other files there are still read
    (tmp_path / "note.eml").write_bytes(message("別のメール"))
    got = [Path(origin).name for origin, _ in messages([str(tmp_path)])]
    names = ["1697000003.M4P1.host:2,D", "1697000002.M3P1.host:2,S", "1697000000.M1P1.host:2,S"]
    names += ["1697000001.M2P1.host", "note.eml"]
    assert sorted(got) == sorted(names)


def test_scan_of_a_maildir_lists_no_index_file_and_exits_0(tmp_path: Path) -> None:
    box = maildir(tmp_path)
    r = mw("--offline", "--no-history", "--format", "json", str(box), data_dir=tmp_path / "data")
    rows = json.loads(r.stdout)
    assert [row for row in rows if "error" in row] == []
    assert len(rows) == 4
    assert r.returncode == 0, r.stderr


def test_an_empty_directory_is_said_to_hold_no_message(tmp_path: Path) -> None:
    empty = tmp_path / "emptydir"
    empty.mkdir()
    r = mw("--offline", "--no-history", str(empty), data_dir=tmp_path / "data")
    assert r.returncode == 2  # README: input that could not be read
    assert "no message found in" in r.stderr.decode() and "emptydir" in r.stderr.decode()
    assert "Scan results" not in r.stdout.decode()
    r = mw("--offline", "--no-history", "-f", "json", str(empty), data_dir=tmp_path / "data")
    assert r.returncode == 2 and json.loads(r.stdout) == []


def test_a_part_not_inspected_exits_3_even_when_flagged() -> None:
    row = {
        "verdict": "phishing",
        "signals": [{"code": "analysis.uninspected"}],
        "authentication": {"source": None, "results": []},
    }
    assert _exit_code(row) == 3
    row["signals"] = [{"code": "text.urgency"}]
    assert _exit_code(row) == 1


def test_a_dns_temperror_verified_here_exits_3_not_one_recorded() -> None:
    results = [{"method": "dkim", "result": "temperror"}, {"method": "dmarc", "result": "temperror"}]
    row = {"verdict": "clean", "signals": [], "authentication": {"source": "verified", "results": results}}
    assert _exit_code(row) == 3
    # --offline: the receiving server's recorded temperror is its DNS, not this scan's
    row["authentication"] = {"source": "recorded by mx.example.jp", "results": results}
    assert _exit_code(row) == 0


def _many_parts(n: int) -> bytes:
    parts = b"".join(
        b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + f"part {i}\r\n".encode() for i in range(n)
    )
    return (
        b"From: a@example.co.jp\r\nTo: b@example.co.jp\r\nSubject: parts\r\nMessage-ID: <p@x.jp>\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" + parts + b"--b--\r\n"
    )


def test_scan_of_a_message_not_wholly_inspected_exits_3(tmp_path: Path) -> None:
    f = tmp_path / "parts.eml"
    f.write_bytes(_many_parts(400))  # more MIME parts than are inspected
    r = mw("--offline", "--no-history", "-f", "json", str(f), data_dir=tmp_path / "data")
    codes = [s["code"] for s in json.loads(r.stdout)[0]["signals"]]
    assert "analysis.uninspected" in codes
    assert r.returncode == 3


def test_dns_unreachable_exits_3(tmp_path: Path) -> None:
    # a loopback port nothing listens on: every lookup fails at once (ICMP port unreachable)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    f = tmp_path / "signed.eml"
    f.write_bytes(
        message(
            "今月のお知らせです。",
            from_="News <news@mail.example.co.jp>",
            extra_headers=(
                "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=mail.example.co.jp; s=s1;\r\n"
                " h=from:to:subject:date; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA\r\n"
            ),
        )
    )
    r = mw("--no-history", "-n", f"127.0.0.1:{port}", "-f", "json", str(f), data_dir=tmp_path / "data")
    row = json.loads(r.stdout)[0]
    assert row["authentication"]["source"] == "verified"
    assert {x["result"] for x in row["authentication"]["results"]} == {"temperror"}
    assert r.returncode == 3, r.stderr


def test_dns_unreachable_is_no_evidence_of_no_authentication(tmp_path: Path) -> None:
    # temperror decides nothing: auth.none ("no passing SPF/DKIM/DMARC result") is not fired
    # (analyze/auth.py, signals_from)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    f = tmp_path / "plain.eml"
    f.write_bytes(message("今月のお知らせです。", from_="News <news@mail.example.co.jp>"))
    r = mw("--no-history", "-n", f"127.0.0.1:{port}", "-f", "json", str(f), data_dir=tmp_path / "data")
    row = json.loads(r.stdout)[0]
    assert "temperror" in {x["result"] for x in row["authentication"]["results"]}
    assert "auth.none" not in {s["code"] for s in row["signals"]}
    assert r.returncode == 3


def test_scan_json_rows_are_what_the_published_schema_describes(tmp_path: Path) -> None:
    # every row failed analysis-verdict.json (its extra "path"); error rows were described nowhere
    from pydantic import TypeAdapter

    from mailwarden.analyze.result import ScanOutputRow

    good = tmp_path / "m.eml"
    good.write_bytes(message("ご確認ください", msgid="<9@example.co.jp>"))
    r = mw(
        "--offline", "--no-history", "-f", "json", str(good), str(tmp_path / "missing.eml"), data_dir=tmp_path
    )
    rows = json.loads(r.stdout)
    assert [sorted(row)[:2] for row in rows] == [["attachments", "authentication"], ["error", "path"]]
    adapter = TypeAdapter(ScanOutputRow)
    for row in rows:
        adapter.validate_python(row)
    schema = json.loads((Path(__file__).resolve().parents[2] / "docs/schemas/scan-row.json").read_text())
    assert {"$ref" if "$ref" in x else "type" for x in schema["anyOf"]} and len(schema["anyOf"]) == 2


def test_read_errors_and_hidden_signals_are_said_in_the_readers_language(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from mailwarden.cli import scan_cmds
    from mailwarden.cli.main import app

    lure = tmp_path / "lure.eml"
    lure.write_bytes(
        message("至急、こちらのリンクからパスワードを確認してください", from_="IT <it@example-help.top>")
    )
    monkeypatch.setattr(scan_cmds, "SHOWN", 0)  # a row lists no signal: all are "more"
    monkeypatch.setenv("COLUMNS", "300")
    args = ["scan", "--offline", "--no-history", "--lang", "ja", str(lure), str(tmp_path / "missing.eml")]
    r = CliRunner().invoke(app, args)
    assert "ファイルがありません" in r.output and "FileNotFoundError" not in r.output
    assert "…ほか" in r.output and "--format json" in r.output


def test_lang_is_read_wherever_it_stands_before_any_command_is_loaded(tmp_path: Path) -> None:
    # `scan --help --lang en` answered in Japanese (help texts are read at import) and
    # `reports list --lang en` was refused (the option was declared command by command)
    env = {**os.environ, "MAILWARDEN_LANG": "ja", "COLUMNS": "200", "MAILWARDEN_DATA_DIR": str(tmp_path)}
    env["MAILWARDEN_DATABASE_URL"] = f"sqlite:///{tmp_path / 'mw.db'}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "mailwarden", *args]
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)

    helped = run("scan", "--help", "--lang", "en")
    assert helped.returncode == 0 and "Analyse messages" in helped.stdout
    listed = run("reports", "list", "--lang=en")
    assert listed.returncode == 0, listed.stderr
    assert "Reporter" in listed.stdout and "報告者" not in listed.stdout
    refused = run("reports", "list", "--lang", "fr")
    assert refused.returncode == 2 and "'fr'" in refused.stderr


def test_results_trusted_without_the_servers_name_are_said_to_be(tmp_path: Path) -> None:
    # a forged "mx.microsoft.com; spf=pass dkim=pass dmarc=pass" on top was trusted in silence
    head = "Authentication-Results: mx.microsoft.com; spf=pass smtp.mailfrom=microsoft.com; dmarc=pass\r\n"
    mail = tmp_path / "m.eml"
    mail.write_bytes(message("ご確認ください", extra_headers=head))
    said = mw("--offline", "--no-history", str(mail), data_dir=tmp_path)
    assert b"trusted_authserv_ids" in said.stdout and b"mx.microsoft.com" in said.stdout
    rules = tmp_path / "rules.yaml"
    rules.write_text("trusted_authserv_ids: [mx1.example.co.jp]\n")
    named = mw("--offline", "--no-history", "--rules", str(rules), str(mail), data_dir=tmp_path)
    assert named.returncode == 0, named.stderr
    assert b"trusted_authserv_ids" not in named.stdout


def test_folders_kept_by_name_are_read_too(tmp_path: Path) -> None:
    # Dovecot's LAYOUT=fs: Maildir/Archive/cur, Maildir/Archive/2023/cur — no leading dot
    box = maildir(tmp_path)
    for sub in ("Archive/cur", "Archive/new", "Archive/2023/cur"):
        (box / sub).mkdir(parents=True)
    (box / "Archive" / "cur" / "1697000010.M9P1.host:2,S").write_bytes(message("保管", msgid="<10@x.jp>"))
    (box / "Archive" / "2023" / "cur" / "1697000011.M9P2.host:2,S").write_bytes(
        message("昨年", msgid="<11@x.jp>")
    )
    names = {Path(origin).name for origin, _ in messages([str(box)])}
    assert {"1697000010.M9P1.host:2,S", "1697000011.M9P2.host:2,S"} <= names
    assert not any(n.startswith("dovecot") for n in names)


def test_explain_names_the_category_in_the_readers_language(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from mailwarden.cli.main import app

    r = CliRunner().invoke(app, ["scan", "--explain", "header.reply-to-freemail", "--lang", "ja"])
    assert r.exit_code == 0, r.output
    assert "分類: ヘッダー" in r.output and "分類: header" not in r.output
