"""``mailwarden dlp detectors``: every detector, its id, what it finds in the reader's
language, and whether that is personal data."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from mailwarden.core import i18n
from mailwarden.dlp.detectors import DETECTORS, PERSONAL


def mw(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MAILWARDEN_LANG": "en", "COLUMNS": "60"}
    return subprocess.run(
        [sys.executable, "-m", "mailwarden", "dlp", "detectors", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_json_lists_every_detector_with_its_kind() -> None:
    r = mw("--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [row["id"] for row in rows] == [d.id for d in DETECTORS]
    by_id = {row["id"]: row for row in rows}
    assert by_id["jp.my-number"]["personal"] is True and by_id["jp.my-number"]["secret"] is False
    assert by_id["jp.corporate-number"]["personal"] is False  # published, not about a person
    assert by_id["secret.private-key"] == {**by_id["secret.private-key"], "personal": False, "secret": True}
    assert {row["id"] for row in rows if row["personal"]} == PERSONAL
    assert all(row["description"] == d.description for row, d in zip(rows, DETECTORS, strict=True))


def test_descriptions_in_the_readers_language() -> None:
    r = mw("--format", "json", "--lang", "ja")
    rows = {row["id"]: row for row in json.loads(r.stdout)}
    det = next(d for d in DETECTORS if d.id == "jp.my-number")
    with i18n.language("ja"):
        assert rows["jp.my-number"]["description"] == i18n.gettext(det.description) != det.description


def test_table_holds_every_id_whole_on_a_narrow_terminal() -> None:
    r = mw()
    assert r.returncode == 0, r.stderr
    for d in DETECTORS:
        assert d.id in r.stdout
    assert "Personal" in r.stdout and "yes" in r.stdout
