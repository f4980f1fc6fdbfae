"""`mailwarden leaks scan` as a user runs it: trees with what must be skipped, git history,
baselines, allow comments, SARIF and exit codes."""

from __future__ import annotations

import base64
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from mailwarden.leaks import aws
from mailwarden.leaks.scan import Options, scan_paths

PASSWORD_LINE = "MAIL_PASSWORD=q8Zr!pw0rd2024\n"


def _key() -> str:
    while True:
        key = base64.b64encode(secrets.token_bytes(30)).decode()
        if any(c.isupper() for c in key) and any(c.islower() for c in key):
            return key


def leaks(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MAILWARDEN_LANG": "en", "MAILWARDEN_DATA_DIR": str(cwd / ".mw")}
    return subprocess.run(
        [sys.executable, "-m", "mailwarden", "leaks", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_tree_is_scanned_and_what_is_skipped_is_counted(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / ".env").write_text(PASSWORD_LINE)
    (tmp_path / "node_modules" / "lib").mkdir(parents=True)
    (tmp_path / "node_modules" / "lib" / ".env").write_text(PASSWORD_LINE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(PASSWORD_LINE)
    (tmp_path / "app" / "logo.png").write_bytes(b"\x89PNG" + PASSWORD_LINE.encode())
    (tmp_path / "app" / "blob").write_bytes(b"\0\0" + PASSWORD_LINE.encode())
    (tmp_path / "app" / "big.env").write_text(PASSWORD_LINE + "x" * 2_000_000)
    (tmp_path / "app" / "loop").symlink_to(tmp_path / "app")
    (tmp_path / "app" / "locked.env").write_text(PASSWORD_LINE)
    (tmp_path / "app" / "locked.env").chmod(0)
    result = scan_paths([tmp_path], Options(max_size=1_000_000))
    unreadable = 0 if os.geteuid() == 0 else 1  # root reads a mode-0 file
    assert [(s.code, Path(s.path).name) for s in result.secrets] == [("leaks.smtp-password", ".env")] + (
        [("leaks.smtp-password", "locked.env")] if not unreadable else []
    )
    assert result.skipped["skipped-dir"] == 2
    assert result.skipped["binary"] == 2
    assert result.skipped["too-large"] == 1
    assert result.skipped["symlink"] == 1
    assert result.skipped["unreadable"] == unreadable
    # --all-dirs enters node_modules and .git too
    everything = scan_paths([tmp_path], Options(max_size=1_000_000, all_dirs=True))
    assert len(everything.secrets) == len(result.secrets) + 2


def test_cli_exit_codes_json_and_sarif(tmp_path: Path) -> None:
    (tmp_path / "clean.py").write_text("print('hello')\n")
    clean = leaks(tmp_path, "scan", "clean.py")
    assert clean.returncode == 0, clean.stderr
    (tmp_path / "settings.py").write_text(f'EMAIL_HOST_PASSWORD = "Tr0ub4dor&3x"\n{PASSWORD_LINE}')
    found = leaks(tmp_path, "scan", ".", "-f", "json")
    assert found.returncode == 1, found.stderr
    doc = json.loads(found.stdout)
    assert [f["code"] for f in doc["findings"]] == ["leaks.smtp-password", "leaks.smtp-password"]
    assert "Tr0ub4dor&3x" not in found.stdout and "q8Zr!pw0rd2024" not in found.stdout
    sarif = json.loads(leaks(tmp_path, "scan", ".", "-f", "sarif").stdout)
    (run,) = sarif["runs"]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["rules"][0]["id"] == "leaks.smtp-password"
    loc = run["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "settings.py" and loc["region"]["startLine"] == 1
    assert run["results"][0]["partialFingerprints"]["mailwardenLeak/v1"] == doc["findings"][0]["fingerprint"]
    # --fail-on error: a warning alone (an access key id) does not fail the build
    (tmp_path / "settings.py").write_text("AWS_ACCESS_KEY_ID=AKIAY34FZKBOKMUTVV7A\n")
    assert leaks(tmp_path, "scan", ".", "--fail-on", "error").returncode == 0
    assert leaks(tmp_path, "scan", ".").returncode == 1
    assert leaks(tmp_path, "scan", "missing-dir").returncode == 2


def test_baseline_create_scan_update_and_audit(tmp_path: Path) -> None:
    (tmp_path / "a.env").write_text(PASSWORD_LINE)
    created = leaks(tmp_path, "baseline", "create", ".")
    assert created.returncode == 0, created.stderr
    baseline = tmp_path / ".mailwarden-leaks-baseline.json"
    doc = json.loads(baseline.read_text())
    assert "q8Zr!pw0rd2024" not in baseline.read_text()
    (entry,) = doc["findings"]
    assert entry["status"] == "unreviewed" and entry["path"] == "a.env"
    # what is in the baseline is not reported; something new is
    assert leaks(tmp_path, "scan", ".", "--baseline", str(baseline)).returncode == 0
    (tmp_path / "b.env").write_text("SMTP_PASSWORD=Another-0ne-2024\n")
    again = leaks(tmp_path, "scan", ".", "--baseline", str(baseline), "-f", "json")
    assert again.returncode == 1
    assert [f["subject"] for f in json.loads(again.stdout)["findings"]] == ["b.env:1"]
    # update: b.env added, a.env (removed) dropped
    (tmp_path / "a.env").unlink()
    updated = leaks(tmp_path, "baseline", "update", ".")
    assert "1 added, 1 no longer found" in updated.stdout, updated.stdout + updated.stderr
    fp = json.loads(baseline.read_text())["findings"][0]["fingerprint"]
    audited = leaks(tmp_path, "baseline", "audit", "--set", f"{fp[:8]}=false-positive", "--json")
    assert audited.returncode == 0, audited.stderr
    assert json.loads(audited.stdout)[0]["status"] == "false-positive"
    assert json.loads(baseline.read_text())["findings"][0]["status"] == "false-positive"
    bad = leaks(tmp_path, "baseline", "audit", "--set", "zzzzzzzz=accepted")
    assert bad.returncode == 2
    baseline.write_text("{not json")
    assert leaks(tmp_path, "scan", ".", "--baseline", str(baseline)).returncode == 2


def _git(repo: Path, *args: str, date: str = "2026-01-02T03:04:05+09:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Hanako Dev",
        "GIT_AUTHOR_EMAIL": "hanako@example.jp",
        "GIT_COMMITTER_NAME": "Hanako Dev",
        "GIT_COMMITTER_EMAIL": "hanako@example.jp",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    return subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    return repo


def test_git_history_finds_a_removed_secret_with_its_commit_and_links_across_commits(repo: Path) -> None:
    key = _key()
    (repo / "README.md").write_text("# app\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "start")
    (repo / "deploy.env").write_text(f"# deploy\nAWS_SECRET_ACCESS_KEY={key}\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "add deploy settings", date="2026-02-03T04:05:06+09:00")
    added = _git(repo, "rev-parse", "HEAD")
    (repo / "deploy.env").write_text("# deploy\nAWS_SECRET_ACCESS_KEY=${AWS_SECRET}\n")
    (repo / "mail.yml").write_text(f"smtp:\n  password: {aws.smtp_password(key, 'us-west-2')}\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "move the key out", date="2026-03-04T05:06:07+09:00")
    # the working tree holds only the SES password now, unlinked
    tree = json.loads(leaks(repo, "scan", ".", "-f", "json").stdout)
    assert [f["code"] for f in tree["findings"]] == ["leaks.ses-smtp-password"]
    history = leaks(repo, "scan", "--git", ".", "-f", "json")
    assert history.returncode == 1, history.stderr
    doc = json.loads(history.stdout)
    assert doc["commits"] == 3
    by_code = {f["code"]: f for f in doc["findings"]}
    secret = by_code["leaks.aws-secret-key"]
    assert secret["params"]["commit"] == added
    assert secret["params"]["author"] == "Hanako Dev <hanako@example.jp>"
    assert secret["params"]["date"].startswith("2026-02-03") and secret["subject"] == "deploy.env:2"
    linked = by_code["leaks.ses-smtp-password-linked"]
    assert linked["params"]["region"] == "us-west-2" and linked["subject"] == "mail.yml:2"


def test_a_shallow_clone_is_said_to_be_shallow_and_a_broken_repository_is_reported(
    repo: Path, tmp_path: Path
) -> None:
    for n in range(3):
        (repo / "f.txt").write_text(f"{n}\n" + (PASSWORD_LINE if n == 2 else ""))
        _git(repo, "add", ".")
        _git(repo, "commit", "-qm", f"c{n}")
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True, timeout=60
    )
    run = leaks(shallow, "scan", "--git", ".", "-f", "json")
    doc = json.loads(run.stdout)
    assert run.returncode == 3  # findings (1) and a history not scanned whole (3): the larger wins
    assert any("shallow" in n for n in doc["notes"]) and len(doc["findings"]) == 1
    # a damaged object store: what git could read is kept, the failure is said
    objects = repo / ".git" / "objects"
    victims = [p for p in objects.rglob("*") if p.is_file() and p.parent.name not in ("info", "pack")]
    for p in victims[: len(victims) // 2]:
        p.chmod(0o644)
        p.write_bytes(b"garbage")
    broken = leaks(repo, "scan", "--git", ".", "-f", "json")
    assert broken.returncode in (1, 3)
    assert any("could not read" in n for n in json.loads(broken.stdout)["notes"])
    not_repo = leaks(tmp_path, "scan", "--git", str(tmp_path / "shallow" / "f.txt"), "-f", "json")
    assert not_repo.returncode == 3


def test_fifos_and_linked_files_are_counted_not_read(tmp_path: Path) -> None:
    # the reader opens each file once, never through a link and never blocking on a FIFO
    (tmp_path / "real.env").write_text(PASSWORD_LINE)
    (tmp_path / "link.env").symlink_to(tmp_path / "real.env")
    os.mkfifo(tmp_path / "pipe.env")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "sasl_passwd").write_text("[smtp.example.jp]:587 info@example.jp:Sasl-Pass-2024\n")
    result = scan_paths([tmp_path])
    assert sorted((s.code, Path(s.path).name) for s in result.secrets) == [
        ("leaks.sasl-password", "sasl_passwd"),
        ("leaks.smtp-password", "real.env"),
    ]
    assert result.skipped["symlink"] == 1
    assert result.skipped["not-a-file"] == 1
    assert result.files == 2
