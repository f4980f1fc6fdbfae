"""``mailwarden reports metrics`` as a user runs it (a real process)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import corpus


def test_metrics_json_csv_and_table(mw, tmp_path: Path) -> None:
    files = []
    for i in range(2):
        f = tmp_path / f"r{i}.eml"
        f.write_bytes(corpus.attached(corpus.phish(to=f"s{i}@example.co.jp"), reporter=f"s{i}@example.co.jp"))
        files.append(str(f))
    assert mw("reports", "ingest", *files).returncode == 0
    # the corpus mail arrived on 2026-12-01: ask for enough days to include today's reports
    r = mw("reports", "metrics", "--format", "json", "--days", "3660")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["reports"] == 2 and data["clusters"]["count"] == 1
    assert {row["reporter"] for row in data["reporters"]} == {"s0@example.co.jp", "s1@example.co.jp"}
    assert data["time_to_report"]["count"] == 2 and data["time_to_report"]["median_seconds"] > 0
    r = mw("reports", "metrics", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == ["metric", "key", "value"] and ["reports", "", "2"] in rows
    r = mw("reports", "metrics")
    assert r.returncode == 0 and "s0@example.co.jp" in r.stdout and "Time to report" in r.stdout
    bad = mw("reports", "metrics", "--format", "xml")
    assert bad.returncode != 0 and "--format" in bad.stderr
