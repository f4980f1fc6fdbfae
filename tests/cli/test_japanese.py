"""Every command, in Japanese (issue 16): its help and its output carry no English left
untranslated, no unfilled placeholder and no exception text. Run as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.analyze.mail import message
from tests.support.ja_text import problems

# walks the command tree in one process (imported in Japanese) and prints every --help
HELP_ALL = r"""
import json, sys
from typer.main import get_command
from typer.testing import CliRunner
from mailwarden.cli.main import app
root = get_command(app)
out = {}
def walk(cmd, path):
    r = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "400"})
    out[" ".join(path) or "mailwarden"] = r.output
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        walk(sub, [*path, name])
walk(root, [])
json.dump(out, sys.stdout)
"""


def ja_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "MAILWARDEN_LANG": "ja",
        "LANG": "ja_JP.UTF-8",
        "COLUMNS": "400",
        "MAILWARDEN_DATA_DIR": str(tmp_path),
        "MAILWARDEN_GATEWAY_SPOOL": str(tmp_path / "spool"),
    }


def mw(tmp_path: Path, *args: str, stdin: bytes | None = None) -> str:
    r = subprocess.run(
        [sys.executable, "-m", "mailwarden", *args],
        env=ja_env(tmp_path),
        capture_output=True,
        input=stdin,
        timeout=300,
    )
    return r.stdout.decode() + r.stderr.decode()


def test_every_commands_help_is_japanese(tmp_path):
    r = subprocess.run(
        [sys.executable, "-c", HELP_ALL], env=ja_env(tmp_path), capture_output=True, timeout=300
    )
    helps = json.loads(r.stdout)
    assert len(helps) >= 20, r.stderr.decode()[-2000:]
    bad = {cmd: problems(text) for cmd, text in helps.items() if problems(text)}
    assert not bad, bad
    # the commands' own descriptions are translated, not only the library's words
    assert "送信ドメイン認証の設定を診断します" in helps["domain check"]
    assert "オプション" in helps["scan"] and "このヘルプを表示して終了します" in helps["scan"]


def test_command_output_is_japanese(tmp_path):
    mail = message(
        "至急、振込先の変更をお願いします。カード 4111 1111 1111 1111 https://bit.ly/abc",
        reply_to="boss@gmail.com",
    )
    eml = tmp_path / "m.eml"
    eml.write_bytes(mail)
    readme = tmp_path / "README.md"
    readme.write_text("# not mail\n\nsome text\n")
    outputs = {
        "scan": mw(tmp_path, "scan", str(eml)),
        "scan not mail": mw(tmp_path, "scan", str(readme)),
        "scan --explain": mw(tmp_path, "scan", "--explain", "all"),
        "dlp check": mw(tmp_path, "dlp", "check", str(eml)),
        "codes": mw(tmp_path, "codes"),
        "user list": mw(tmp_path, "user", "list"),
        "gateway queue list": mw(tmp_path, "gateway", "queue", "list", "held"),
        "dmarc summary": mw(tmp_path, "dmarc", "summary", "example.jp"),
        "bad option": mw(tmp_path, "domain", "check", "--no-such-option"),
        "bad value": mw(tmp_path, "domain", "check", "example.jp", "--timeout", "abc"),
        "bad choice": mw(tmp_path, "domain", "check", "example.jp", "--format", "xx"),
        "missing argument": mw(tmp_path, "domain", "check"),
    }
    for name, text in outputs.items():
        assert text.strip(), name
        # the registry listings show the templates, {…} and all, as documented
        found = problems(text, templates=name in ("codes", "scan --explain"))
        assert not found, (name, found, text[-1500:])
    assert "カード" in outputs["dlp check"] or "クレジット" in outputs["dlp check"]
    # Click's and Typer's own errors are told in Japanese too
    assert "オプション --no-such-option はありません" in outputs["bad option"]
    # Typer's panel and hint, set when its formatting is first imported (only help and errors do)
    assert "─ エラー ─" in outputs["bad option"] and "ヘルプは" in outputs["bad option"]
    assert "数値を指定してください" in outputs["bad value"]
    assert "次のいずれかを指定してください" in outputs["bad choice"] and "'sarif'" in outputs["bad choice"]
    assert "引数 'domains' が指定されていません" in outputs["missing argument"]
