"""`mailwarden pqc inventory` and `pqc survey` as a user runs them: files and messages, a
listener of ours, many domains through NSD with resume; every output format (the CBOM
validated against CycloneDX 1.6), --save for the console, exit codes, Japanese output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mailwarden.cli.main import app
from mailwarden.core.config import get_settings
from mailwarden.core.store import open_store
from mailwarden.pqc.cbom import validate_cbom
from mailwarden.pqc.service import recent_inventories
from tests.support.nsd import NsdServer, Zone
from tests.support.pqc_material import encrypted_message, signed_message, smime_cert
from tests.support.tlsmx import TlsMx, make_cert


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["pqc", *args], env={"COLUMNS": "200", **(env or {})})


@pytest.fixture(scope="module")
def mail(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("mail")
    cert, key = smime_cert("taro@example.jp")
    (d / "signed.eml").write_bytes(signed_message(cert, key))
    (d / "encrypted.eml").write_bytes(encrypted_message(cert))
    return d


def test_files_every_format_and_exit_code(mail: Path, tmp_path: Path) -> None:
    table = run("inventory", "--mail", str(mail), "--lang", "en")
    assert table.exit_code == 1, table.output  # an RSA encryption key: harvest now, decrypt later
    assert "Migration plan" in table.output and "taro <taro@example.jp>" in table.output
    ja = run("inventory", "--mail", str(mail), "--lang", "ja")
    assert "移行計画" in ja.output
    out = tmp_path / "cbom.json"
    cbom = run("inventory", "--mail", str(mail), "-f", "cbom", "-o", str(out))
    assert cbom.exit_code == 1 and validate_cbom(out.read_text()) == []
    doc = json.loads(run("inventory", "--mail", str(mail), "-f", "json").stdout)
    assert [s["step"] for s in doc["plan"]] == ["smime-mlkem"]
    assert doc["summary"]["by_kind"] == {"smime-cert": 2}
    sarif = json.loads(run("inventory", "--mail", str(mail), "-f", "sarif").stdout)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"pqc.encryption-classical"}


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("inventory").exit_code == 2
    assert run("inventory", "--mail", str(tmp_path / "nope")).exit_code == 2
    assert run("inventory", "--listener", "ftp://x").exit_code == 2


@pytest.mark.smtp
def test_listener_and_save(tmp_path: Path) -> None:
    server = TlsMx(make_cert("gw.example.test"), hybrid=True).start()
    db = f"sqlite:///{tmp_path / 'mw.db'}"
    get_settings.cache_clear()
    try:
        r = run("inventory", "--listener", f"smtp://127.0.0.1:{server.port}", "--save", "--lang", "en",
                env={"MAILWARDEN_DATABASE_URL": db})  # fmt: skip
    finally:
        get_settings.cache_clear()
        server.stop()
    assert r.exit_code == 0, r.output  # hybrid, and a self-signed certificate is a notice
    assert "X25519MLKEM768" in r.output and "1 of 1 (100%)" in r.output
    (kept,) = recent_inventories(open_store(url=db))
    assert kept["summary"]["hybrid_sessions"] == 1
    assert kept["scope"]["listeners"] == [f"mailwarden smtp://127.0.0.1:{server.port}"]


@pytest.mark.smtp
@pytest.mark.dns
def test_survey_with_resume(tmp_path: Path) -> None:
    hybrid = TlsMx(make_cert("mx.test"), hybrid=True, addresses=["127.0.0.4"]).start()
    classical = TlsMx(make_cert("mx.test"), hybrid=False, addresses=["127.0.0.5"], port=hybrid.port).start()
    zone = Zone("survey.test")
    for i, addr in enumerate(["127.0.0.4", "127.0.0.5", "127.0.0.4"]):
        zone.add(f"d{i}.survey.test.", "MX", f"10 mx{i}.survey.test.").add(f"mx{i}.survey.test.", "A", addr)
    nsd = NsdServer([zone]).start()
    source = tmp_path / "domains.txt"
    source.write_text("d0.survey.test\nd1.survey.test\n")
    out = tmp_path / "rows.jsonl"
    args = ["-o", str(out), "--port", str(hybrid.port), "-n", nsd.address, "--lang", "en"]
    try:
        first = run("survey", str(source), *args)
        source.write_text("d0.survey.test\nd1.survey.test\nd2.survey.test\n")
        second = run("survey", str(source), *args, "-f", "json")
    finally:
        nsd.stop()
        hybrid.stop()
        classical.stop()
    assert first.exit_code == 0, first.output
    assert "1 of 2 (50.0%)" in first.output
    summary = json.loads(second.stdout)
    assert (summary["domains"], summary["resumed"], summary["hybrid_sessions"], summary["mx_sessions"]) == (
        3,
        2,
        2,
        3,
    )
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["domain"] for r in rows] == ["d0.survey.test", "d1.survey.test", "d2.survey.test"]
