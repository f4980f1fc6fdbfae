"""The ``mailwarden`` command, run as a real process against the test NSD."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mailwarden.cli.main import app

ROOT = Path(__file__).resolve().parents[2]


def mw(
    *args: str, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    e = {**os.environ, "MAILWARDEN_LANG": "en", "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mailwarden", *args],
        capture_output=True,
        text=True,
        env=e,
        input=input,
        timeout=120,
    )


def test_check_table(audit_dns):
    r = mw("domain", "check", "bad.test", "-n", audit_dns.address)
    assert r.returncode == 1, r.stderr  # findings
    assert "spf.plus-all" in r.stdout and "Records to publish" in r.stdout
    assert 'bad.test. TXT "v=spf1' in r.stdout


def test_check_table_in_japanese(audit_dns):
    r = mw("domain", "check", "bad.test", "-n", audit_dns.address, "--lang", "ja")
    assert "SPF がインターネット全体を許可" in r.stdout
    assert "公開するレコード" in r.stdout


def test_check_json_and_sarif(audit_dns):
    r = mw("domain", "check", "good.test", "shop.test", "-n", audit_dns.address, "--format", "json")
    data = json.loads(r.stdout)
    assert [d["domain"] for d in data] == ["good.test", "shop.test"]
    assert data[0]["checks"]["spf"]["status"] == "present"
    s = mw("domain", "check", "bad.test", "-n", audit_dns.address, "--format", "sarif")
    sarif = json.loads(s.stdout)
    assert any(res["ruleId"] == "spf.plus-all" for res in sarif["runs"][0]["results"])


def test_check_invalid_domain_exit_code(audit_dns):
    r = mw("domain", "check", "-n", audit_dns.address, "bad..name", "--format", "json")
    assert r.returncode == 2  # not a domain name: an input error
    assert json.loads(r.stdout)["findings"][0]["code"] == "domain.invalid-name"


def test_bad_nameserver_is_a_clear_error():
    r = mw("domain", "check", "example.jp", "-n", "not-an-ip")
    assert r.returncode == 2 and "nameserver must be an IP address" in r.stderr


def test_survey_order_resume_and_summary(audit_dns, tmp_path):
    listing = tmp_path / "domains.txt"
    listing.write_text(
        "# survey\ngood.test\n\nbad.test\nGOOD.test\nshop.test\n" + "x" * 64 + ".test\n"
        "empty.test\ndoes-not-exist.test\n例え.test\n"
    )
    out = tmp_path / "out.jsonl"
    # A first run that was interrupted: two rows and a torn third line.
    first = mw(
        "domain", "survey", str(listing), "-n", audit_dns.address, "--output", str(out), "--format", "json"
    )
    assert first.returncode == 0, first.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["input"] for r in rows] == [
        "good.test",
        "bad.test",
        "shop.test",
        "x" * 64 + ".test",
        "empty.test",
        "does-not-exist.test",
        "例え.test",
    ]
    summary = json.loads(first.stdout)
    assert summary["domains"] == 7 and summary["errors"] == 2 and summary["checked"] == 5
    adoption = {a["metric"]: a for a in summary["adoption"]}
    assert adoption["spf"]["count"] == 4 and adoption["dmarc"]["count"] == 4
    assert adoption["spf_hardfail"]["count"] == 2 and adoption["null_mx"]["count"] == 1
    out.write_text("\n".join(out.read_text().splitlines()[:2]) + '\n{"input": "shop.te')
    second = mw(
        "domain", "survey", str(listing), "-n", audit_dns.address, "--output", str(out), "--format", "json"
    )
    again = json.loads(second.stdout)
    assert again["resumed"] == 2 and again["domains"] == 7
    same = ("domains", "checked", "errors", "grades", "adoption")
    assert {k: again[k] for k in same} == {k: summary[k] for k in same}
    assert again["dns_queries"] < summary["dns_queries"]  # resumed rows were not checked again
    assert [json.loads(line)["input"] for line in out.read_text().splitlines()] == [r["input"] for r in rows]


@pytest.mark.slow  # waits out DNS timeouts
def test_survey_counts_timeouts_apart(tmp_path):
    import socket

    from tests.support.nsd import free_port

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as dead:
        dead.bind(("127.0.0.1", free_port()))
        listing = tmp_path / "d.txt"
        listing.write_text("a.test\nb.test\n")
        r = mw(
            "domain",
            "survey",
            str(listing),
            "-n",
            f"127.0.0.1:{dead.getsockname()[1]}",
            "--timeout",
            "0.2",
            "--format",
            "json",
        )
    summary = json.loads(r.stdout)
    spf = next(a for a in summary["adoption"] if a["metric"] == "spf")
    assert spf["count"] == 0 and spf["determined"] == 0 and spf["undetermined"] == 2


def test_user_add_and_list(tmp_path):
    env = {"MAILWARDEN_DATA_DIR": str(tmp_path)}
    r = mw(
        "user",
        "add",
        "sato",
        "--role",
        "approver",
        "--password-stdin",
        env=env,
        input="a long password here\n",
    )
    assert r.returncode == 0, r.stderr
    listed = mw("user", "list", env=env)
    assert "sato" in listed.stdout and "approver" in listed.stdout
    dup = mw("user", "add", "sato", "--password-stdin", env=env, input="a long password here\n")
    assert dup.returncode == 2 and "exists" in dup.stderr


def test_finding_docs_are_generated_from_the_registry():
    r = mw("codes", "--lang", "en")
    assert r.returncode == 0
    doc = (ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    assert doc == r.stdout, "docs/findings.md is stale: run `make docs`"


@pytest.mark.parametrize(
    "cmd", [["domain", "check", "--help"], ["domain", "survey", "--help"], ["serve", "--help"]]
)
def test_help(cmd):
    assert mw(*cmd).returncode == 0


def test_survey_streams_rows_to_stdout(audit_dns, tmp_path):
    listing = tmp_path / "d.txt"
    listing.write_text("shop.test\ngood.test\n")
    r = mw("domain", "survey", str(listing), "-n", audit_dns.address, "--output", "-", "--format", "json")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["input"] for row in rows] == ["shop.test", "good.test"]
    assert json.loads(r.stderr[r.stderr.index("{") :])["domains"] == 2


def test_check_csv_and_jsonl(audit_dns):
    import csv
    import io

    r = mw("domain", "check", "bad.test", "-n", audit_dns.address, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert any(row["code"] == "spf.plus-all" and row["severity"] == "error" for row in rows)
    r = mw("domain", "check", "bad.test", "good.test", "-n", audit_dns.address, "--format", "jsonl")
    assert [json.loads(line)["domain"] for line in r.stdout.splitlines()] == ["bad.test", "good.test"]


def test_finding_docs_in_japanese():
    r = mw("codes", "--lang", "ja")
    doc = (ROOT / "docs" / "findings.ja.md").read_text(encoding="utf-8")
    assert doc == r.stdout, "docs/findings.ja.md is stale: run `make docs`"
    assert "SPF レコードなし" in doc


def test_dmarc_ingest_cli(tmp_path):
    env = {"MAILWARDEN_DATA_DIR": str(tmp_path)}
    corpus = ROOT / "tests" / "data" / "dmarc-samples"
    r = mw(
        "dmarc", "ingest", str(corpus / "aggregate"), str(corpus / "smtp_tls"), "--format", "json", env=env
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["counts"] == {"stored": 21, "duplicate": 2, "rejected": 0}
    again = mw("dmarc", "ingest", str(corpus / "smtp_tls"), env=env, input=None)
    assert "0 stored, 4 duplicate, 0 rejected" in again.stdout
    piped = mw(
        "dmarc",
        "ingest",
        "-",
        "--lang",
        "ja",
        env=env,
        input=(corpus / "aggregate" / "rfc9990-sample.xml").read_text(),
    )
    assert "0 件保存、1 件重複、0 件拒否" in piped.stdout


def test_dmarc_fetch_cli(dovecot, ca_file, tmp_path):
    from tests.dmarc.test_imap import fill

    fill(dovecot)
    env = {"MAILWARDEN_DATA_DIR": str(tmp_path)}
    args = [
        "dmarc",
        "fetch",
        "--imap-host",
        "127.0.0.1",
        "--imap-port",
        str(dovecot.tls_port),
        "--imap-user",
        "reports",
        "--ca-file",
        str(ca_file),
        "--format",
        "json",
    ]
    no_password = mw(*args, env=env)
    assert no_password.returncode == 2 and "MAILWARDEN_IMAP_PASSWORD" in no_password.stderr
    r = mw(*args, env={**env, "MAILWARDEN_IMAP_PASSWORD": "secret-pass"})
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["counts"] == {"stored": 3, "duplicate": 0, "rejected": 2}
    assert dovecot.count("Processed") == 3


def test_dmarc_summary_cli(tmp_path):
    env = {"MAILWARDEN_DATA_DIR": str(tmp_path)}
    corpus = ROOT / "tests" / "data" / "dmarc-samples" / "extract_report"
    assert mw("dmarc", "ingest", str(corpus / "nice-input.xml"), env=env).returncode == 0
    r = mw("dmarc", "summary", "example.com", "--offline", "--format", "json", env=env)
    data = json.loads(r.stdout)
    assert data["totals"]["messages"] > 0 and data["reverse_dns"] is False
    assert {s["classification"] for s in data["sources"]} <= {
        "aligned",
        "legitimate-not-aligned",
        "forwarded",
        "unknown",
    }
    table = mw("dmarc", "summary", "example.com", "--offline", "--lang", "ja", env=env)
    assert "サービス別" in table.stdout
    bad = mw("dmarc", "summary", "example.com", "--since", "yesterday", env=env)
    assert bad.returncode == 2


def test_dmarc_advise_cli_offline(tmp_path):
    env = {"MAILWARDEN_DATA_DIR": str(tmp_path)}
    corpus = ROOT / "tests" / "data" / "dmarc-samples" / "extract_report"
    mw("dmarc", "ingest", str(corpus / "nice-input.xml"), env=env)
    r = mw("dmarc", "advise", "example.com", "--offline", "--days", "100000", "--format", "json", env=env)
    data = json.loads(r.stdout)
    assert data["policy"] == "none" and data["plan"][0]["stage"] == "quarantine-testing"
    table = mw("dmarc", "advise", "example.com", "--offline", "--days", "100000", "--lang", "ja", env=env)
    assert "計画" in table.stdout and "RFC 7489" in table.stdout


def test_survey_on_two_processes_gives_the_same_rows(audit_dns, tmp_path, monkeypatch):
    """--workers 2: the domains dealt to two forked processes in small chunks come back as the
    same rows, in the same order, as one process makes; resuming works the same way."""
    import mailwarden.domain.survey_procs as procs

    monkeypatch.setattr(procs, "CHUNK", 2)  # many units, so the round robin is exercised
    names = [
        "good.test",
        "bad.test",
        "shop.test",
        "empty.test",
        "does-not-exist.test",
        "例え.test",
        "x" * 64 + ".test",
    ]
    listing = tmp_path / "domains.txt"
    listing.write_text("\n".join(names * 3) + "\n")  # repeated names are read once
    rows = {}
    for n in ("1", "2"):
        out = tmp_path / f"out{n}.jsonl"
        r = CliRunner().invoke(
            app,
            [
                "domain",
                "survey",
                str(listing),
                "-n",
                audit_dns.address,
                "-o",
                str(out),
                "-f",
                "json",
                "--workers",
                n,
            ],
            env={"COLUMNS": "200"},
        )
        assert r.exit_code == 0, r.output
        rows[n] = [_canonical(json.loads(line)) for line in out.read_text().splitlines()]
        summary = json.loads(r.stdout)
        assert summary["domains"] == 7 and summary["dns_queries"] > 0
    assert rows["2"] == rows["1"] and [r["position"] for r in rows["2"]] == list(range(7))
    out = tmp_path / "out2.jsonl"
    out.write_text("\n".join(out.read_text().splitlines()[:3]) + "\n")
    r = CliRunner().invoke(
        app,
        [
            "domain",
            "survey",
            str(listing),
            "-n",
            audit_dns.address,
            "-o",
            str(out),
            "-f",
            "json",
            "--workers",
            "2",
        ],
    )
    assert json.loads(r.stdout)["resumed"] == 3
    assert [_canonical(json.loads(line)) for line in out.read_text().splitlines()] == rows["1"]


def _canonical(row: dict) -> dict:
    """A row with its findings in a stable order (checks finish in whatever order DNS answers)."""
    return {**row, "findings": sorted(row["findings"], key=lambda f: (f["code"], f["severity"]))}
