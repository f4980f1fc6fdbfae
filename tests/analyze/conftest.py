"""What the analyser's tests share: the rules of the fictitious company the Japanese sets are
addressed to (own domain, correspondents, executives), as its administrator writes them."""

from __future__ import annotations

import pytest

from mailwarden.analyze.rules import Rules, load_rules


@pytest.fixture(scope="module")
def org_rules(tmp_path_factory: pytest.TempPathFactory) -> Rules:
    f = tmp_path_factory.mktemp("rules") / "rules.yaml"
    f.write_text(
        "own_domains: [minato-seiki.co.jp]\n"
        "trusted_authserv_ids: [mx1.minato-seiki.co.jp]\n"
        "correspondents: [daiwa-shoji.co.jp, sato-zeirishi.jp, hokuto-unyu.co.jp, toyo-denki.co.jp]\n"
        "vips:\n"
        "  - {name: 高橋 健一, addresses: [k.takahashi@minato-seiki.co.jp]}\n"
        "  - {name: 伊藤 由美, addresses: [y.ito@minato-seiki.co.jp]}\n",
        encoding="utf-8",
    )
    return load_rules(f)
