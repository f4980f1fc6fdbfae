"""Issue 16 in the CLI: text that is not mail, survey rows as CSV, tables that wrap instead of
cutting, the DLP detector list."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.analyze.mail import message


def mw(*args: str, columns: int = 200, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MAILWARDEN_LANG": lang, "COLUMNS": str(columns)}
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", "mailwarden", *args], capture_output=True, text=True, env=env, timeout=120
    )


def not_mail(tmp_path: Path) -> list[str]:
    readme = tmp_path / "README.md"
    readme.write_text("# mailwarden\n\nAn email-security toolkit.\n\nFrom: the team\n")
    makefile = tmp_path / "Makefile"
    makefile.write_text("all:\n\tpython -m build\n\ntest: all\n\tpytest\n")
    script = tmp_path / "run.sh"
    script.write_text('#!/bin/sh\nexec mailwarden scan "$@"\n')
    return [str(readme), str(makefile), str(script)]


def test_scan_reports_text_that_is_not_mail_as_an_error_row(tmp_path: Path) -> None:
    mail = tmp_path / "real.eml"
    mail.write_bytes(message("来週の打ち合わせの件、よろしくお願いいたします。"))
    paths = not_mail(tmp_path)
    r = mw("scan", "--offline", "--no-history", "--format", "json", str(mail), *paths)
    assert r.returncode == 2, r.stderr  # input that could not be checked
    assert "Traceback" not in r.stderr
    rows = {Path(row["path"]).name: row for row in json.loads(r.stdout)}
    for name in ("README.md", "Makefile", "run.sh"):
        assert rows[name] == {"path": str(tmp_path / name), "error": "not an email message"}
    assert "verdict" in rows["real.eml"] and "error" not in rows["real.eml"]


def test_scan_online_never_hands_non_mail_to_the_dkim_verifier(tmp_path: Path) -> None:
    paths = not_mail(tmp_path)
    # online (DKIM verified, SPF evaluated) against a nameserver that does not answer
    r = mw("scan", "--no-history", "-n", "127.0.0.1:9", *paths)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "MessageFormatError" not in r.stdout + r.stderr
    assert r.stdout.count("not an email message") == 3


def finding_column(table: str) -> str:
    """The text of a findings table's last column, its wrapped lines joined, spaces dropped."""
    cells = [line.split("│")[3] for line in table.splitlines() if line.count("│") == 4]
    return "".join("".join(cells).split())


def test_domain_check_table_on_a_narrow_terminal_holds_every_fix_whole(audit_dns) -> None:
    as_json = mw("domain", "check", "bad.test", "-n", audit_dns.address, "--format", "json")
    data = json.loads(as_json.stdout)
    fixes = [f["fix"] for c in data["checks"].values() for f in c.get("findings", []) if f.get("fix")]
    assert fixes and max(len(f) for f in fixes) > 40  # longer than the column can hold on one line
    r = mw("domain", "check", "bad.test", "-n", audit_dns.address, columns=60)
    assert r.returncode == 1, r.stderr
    table = r.stdout[: r.stdout.index("Records to publish")]
    assert max(len(line) for line in table.splitlines()) <= 60  # the table fits the terminal
    column = finding_column(table)
    for fix in fixes:
        assert "".join(fix.split()) in column, fix
    # below the table, each record to publish stands whole on one line, to copy
    lines = r.stdout[len(table) :].splitlines()
    for fix in fixes:
        assert any(fix in line for line in lines), fix


def test_survey_csv_one_row_a_domain(audit_dns, tmp_path: Path) -> None:
    listing = tmp_path / "domains.txt"
    listing.write_text("good.test\nbad.test\ndoes-not-exist.test\n")
    r = mw("domain", "survey", str(listing), "-n", audit_dns.address, "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["input"] for row in rows] == ["good.test", "bad.test", "does-not-exist.test"]
    assert {"domain", "grade", "score", "spf_all", "dmarc_policy", "findings", "fixes"} <= set(rows[0])
    good, bad = rows[0], rows[1]
    assert good["spf"] == "true" and good["grade"] and int(good["score"]) > int(bad["score"])
    assert bad["spf_all"] == "+all" and "spf.plus-all" in bad["findings"].split()
    assert bad["spf_record"].startswith("v=spf1") and "TXT" in bad["fixes"]
    assert int(bad["errors"]) >= 1
    # the summary went to standard error, the CSV stream stays clean
    assert "Adoption" in r.stderr and "Adoption" not in r.stdout
    # resumed: rows from the earlier run come back in their places
    out = tmp_path / "out.jsonl"
    first = mw("domain", "survey", str(listing), "-n", audit_dns.address, "-o", str(out), "--format", "json")
    assert first.returncode == 0, first.stderr
    out.write_text("\n".join(out.read_text().splitlines()[1:2]) + "\n")  # bad.test only
    again = mw("domain", "survey", str(listing), "-n", audit_dns.address, "-o", str(out), "--format", "csv")
    assert [row["input"] for row in csv.DictReader(io.StringIO(again.stdout))] == [
        "good.test",
        "bad.test",
        "does-not-exist.test",
    ]
    clash = mw("domain", "survey", str(listing), "-n", audit_dns.address, "-o", "-", "--format", "csv")
    assert clash.returncode == 2 and "--output" in clash.stderr


def test_online_verification_never_raises_on_text_that_is_not_mail() -> None:
    """What ``scan`` verifies online (analyze/auth.py: DKIM, ARC, SPF) takes any bytes: the
    console and the gateway hand it what they are given, not only what the CLI lets through."""
    import asyncio

    from mailwarden.analyze.engine import analyze_online
    from mailwarden.analyze.rules import load_rules
    from mailwarden.core.dns import Resolver, nameservers_from
    from mailwarden.core.message import parse_message
    from mailwarden.core.sources import looks_like_mail

    texts = [
        b"all:\n\tpython -m build\n",
        b"# README\n\ntext\n",
        b"\x00\x01\x02\xff",
        b"DKIM-Signature: v=1; a=rsa-sha256; d=x.test; s=s; bh=AAAA; b=AAAA; h=from\nall:\n\n",
        b"DKIM-Signature: garbage\nARC-Seal: i=1; cv=none\n\nbody",
    ]
    rules = load_rules(None)

    async def verify_all() -> list[str]:
        resolver = Resolver(nameservers_from(["127.0.0.1:9"]), timeout=2.0, retries=0)
        done = []
        for data in texts:
            v = await analyze_online(parse_message(data), rules, resolver=resolver, mail_from=None, helo="")
            done.append(v.to_dict()["authentication"]["header"])
        return done

    headers = asyncio.run(verify_all())
    assert all(h.startswith("Authentication-Results:") and "dkim=" in h for h in headers)
    assert not any(looks_like_mail(t) for t in texts[:3])


def test_every_message_of_the_test_corpora_is_mail_and_other_files_are_not() -> None:
    from mailwarden.core.sources import looks_like_mail, messages

    data_dir = Path(__file__).resolve().parents[1] / "data"
    seen = 0
    for path in sorted(p for p in data_dir.rglob("*.eml") if p.is_file()):
        for origin, data in messages([str(path)]):
            assert isinstance(data, bytes) and looks_like_mail(data), origin
            seen += 1
    assert seen >= 20
    assert looks_like_mail(b"From MAILER-DAEMON Fri Dec  4 16:00:00 2026\nReceived: by mx\n\nbody")
    assert looks_like_mail(b"\xef\xbb\xbfX-Mailer: x\r\nSubject: hi\r\n\r\n")
    assert looks_like_mail(message("本文"))
    for text in (b"", b"\n\nFrom: after a blank line", b"all:\n\techo\n", b"key: value\nother: 1\n"):
        assert not looks_like_mail(text), text
    for license_file in data_dir.rglob("LICENSE"):
        assert not looks_like_mail(license_file.read_bytes()), license_file
