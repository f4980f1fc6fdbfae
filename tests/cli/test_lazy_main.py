"""The command imports only the part a run names, and that part behaves as in the whole command."""

from __future__ import annotations

import os
import subprocess
import sys

import typer
from typer.testing import CliRunner

from mailwarden.cli import main as cli_main

PROBE = """
import sys
sys.argv = ["mailwarden", *sys.argv[1:]]
from mailwarden.cli.main import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
loaded = sorted(m for m in sys.modules if m.startswith("mailwarden.cli.") and m.endswith("_cmds"))
print("LOADED", code, " ".join(loaded))
"""


def run(*args: str) -> tuple[str, int, set[str]]:
    env = {**os.environ, "MAILWARDEN_LANG": "en", "COLUMNS": "200"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, timeout=120
    )
    out, _sep, tail = proc.stdout.rpartition("LOADED ")
    code, _sp, modules = tail.strip().partition(" ")
    return out, int(code), set(modules.split())


def test_the_whole_command_has_every_part() -> None:
    whole = typer.main.get_command(cli_main.build())
    assert isinstance(whole, typer.core.TyperGroup)
    assert set(whole.commands) == set(cli_main._PARTS)


def test_a_run_loads_only_its_part_and_answers_as_the_whole_command() -> None:
    out, code, loaded = run("codes", "--lang", "en")
    assert code == 0
    assert loaded == {"mailwarden.cli.admin_cmds"}
    whole = CliRunner().invoke(cli_main.build(), ["codes", "--lang", "en"])
    assert whole.exit_code == 0 and "dmarc." in whole.output
    assert out == whole.output

    out, code, loaded = run("cloud", "--help")
    assert code == 0 and "trail" in out and "audit" in out  # the commands another module adds
    assert loaded == {"mailwarden.cli.cloud_cmds", "mailwarden.cli.cloud_trail_cmds"}


def test_a_lone_command_stays_a_subcommand() -> None:
    # with one command only, Typer would make it the root and take "scan" for a path
    out, code, loaded = run("scan", "--help")
    assert code == 0 and "Usage:" in out and "scan" in out
    assert loaded == {"mailwarden.cli.scan_cmds"}


def test_help_and_unknown_names_build_everything() -> None:
    out, code, loaded = run("--help")
    assert code == 0 and "pqc" in out and "dmarc" in out
    assert {f"mailwarden.cli.{m}" for m, _a, _e in cli_main._PARTS.values()} <= loaded
    out, code, _loaded = run("no-such-command")
    assert code == 2


def test_the_consoles_read_columns_when_they_print(monkeypatch):
    # Rich fixes the width it finds at construction; one process running several commands
    # (this suite's runner) must get each command's width
    from mailwarden.cli.common import err, out

    monkeypatch.setenv("COLUMNS", "123")
    assert out.width == 123 and err.width == 123
    monkeypatch.setenv("COLUMNS", "61")
    assert out.width == 61
