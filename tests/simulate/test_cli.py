"""``mailwarden campaign …`` as a user runs it (a real process, a real NSD)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.support.nsd import NsdServer, Zone, txt_rdata


def test_domain_targets_templates(mw, tmp_path: Path) -> None:
    added = mw("campaign", "domain", "add", "example.co.jp")
    assert added.returncode == 0, added.stderr
    value = re.search(r'_mailwarden-verify\.example\.co\.jp\. TXT "(mailwarden-verify=[^"]+)"', added.stdout)
    assert value
    z = Zone("example.co.jp").add("_mailwarden-verify.example.co.jp", "TXT", txt_rdata([value.group(1)]))
    with NsdServer([z]) as nsd:
        bad = mw("campaign", "domain", "add", "other.example")
        assert bad.returncode == 0
        refused = mw("campaign", "domain", "verify", "other.example", "--nameserver", nsd.address)
        assert refused.returncode == 2 and "not verified" in refused.stderr
        ok = mw("campaign", "domain", "verify", "example.co.jp", "--nameserver", nsd.address)
        assert ok.returncode == 0, ok.stderr
    listed = json.loads(mw("campaign", "domain", "list", "--json").stdout)
    assert {d["domain"]: bool(d["verified_at"]) for d in listed} == {
        "example.co.jp": True,
        "other.example": False,
    }

    f = tmp_path / "t.csv"
    f.write_bytes(
        "氏名,メールアドレス,部署,上長\n山田,taro@example.co.jp,営業部,\n山田,taro@example.co.jp,営業部,\n"
        "外,x@other.example,営業部,\n".encode("cp932")
    )
    summary = json.loads(mw("campaign", "targets", "import", str(f), "--json").stdout)
    assert summary["imported"] == 1 and summary["duplicates"] == ["taro@example.co.jp"]
    assert [r["address"] for r in summary["refused"]] == ["x@other.example"]
    targets = json.loads(mw("campaign", "targets", "list", "--group", "営業部", "--json").stdout)
    assert [t["address"] for t in targets] == ["taro@example.co.jp"]
    assert "営業部" in mw("campaign", "groups", "list").stdout
    missing = tmp_path / "m.csv"
    missing.write_text("name,department\na,b\n")
    res = mw("campaign", "targets", "import", str(missing))
    assert res.returncode == 2 and "address" in res.stderr

    assert "invoice-check" in mw("campaign", "templates", "list", "--lang", "en").stdout
    shown = mw("campaign", "templates", "show", "invoice-check", "--lang", "ja")
    assert "請求書" in shown.stdout
