from __future__ import annotations

import csv
import io
import json

from mailwarden.core.findings import Finding, Severity, worst
from mailwarden.core.render import findings_csv, findings_sarif, findings_table, to_jsonl
from mailwarden.domain import codes as _codes  # noqa: F401


def sample() -> list[Finding]:
    return [
        Finding("spf.plus-all", subject="a.jp", params={"domain": "a.jp"}, fix='a.jp. TXT "v=spf1 -all"'),
        Finding("dmarc.policy-none", subject="a.jp", params={"domain": "a.jp"}),
        Finding("dnssec.unsigned", subject="a.jp", params={"domain": "a.jp"}),
    ]


def test_severity_order_and_worst():
    assert worst(sample()) is Severity.ERROR
    assert worst([]) is Severity.OK


def test_round_trip_dict():
    f = sample()[0]
    g = Finding.from_dict(json.loads(json.dumps(f.to_dict())))
    assert g.to_dict() == f.to_dict()


def test_csv():
    rows = list(csv.DictReader(io.StringIO(findings_csv(sample()))))
    assert [r["code"] for r in rows] == ["spf.plus-all", "dmarc.policy-none", "dnssec.unsigned"]
    assert rows[0]["fix"] == 'a.jp. TXT "v=spf1 -all"'


def test_jsonl():
    lines = to_jsonl(f.to_dict() for f in sample()).splitlines()
    assert len(lines) == 3 and json.loads(lines[1])["severity"] == "warning"


def test_sarif_shape():
    log = findings_sarif(sample())
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == sorted(rules) and "spf.plus-all" in rules
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"spf.plus-all": "error", "dmarc.policy-none": "warning", "dnssec.unsigned": "note"}
    for r in run["results"]:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]


def test_table_has_every_finding():
    from rich.console import Console

    console = Console(record=True, width=200)
    console.print(findings_table(sample()))
    text = console.export_text()
    for f in sample():
        assert f.code in text
    assert "v=spf1 -all" in text
