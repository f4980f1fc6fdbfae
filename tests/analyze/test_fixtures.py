"""The project's own Japanese fixtures (tests/data/ja-mail): every lure is flagged, no
ordinary business mail is called phishing."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.rules import load_rules

DATA = Path(__file__).parent.parent / "data" / "ja-mail"
RULES = load_rules()


def files(kind):
    found = sorted((DATA / kind).glob("*.eml"))
    assert len(found) >= 20
    return found


@pytest.mark.parametrize("path", files("phishing"), ids=lambda p: p.name)
def test_every_lure_is_flagged(path):
    v = analyze(path.read_bytes(), RULES)
    assert v.verdict in ("suspicious", "phishing", "malicious"), v.signals
    assert v.signals and all(s["explanation"] for s in v.signals)


@pytest.mark.parametrize("path", files("ham"), ids=lambda p: p.name)
def test_business_mail_is_not_flagged(path):
    v = analyze(path.read_bytes(), RULES)
    assert v.verdict in ("clean", "spam"), v.signals


@pytest.mark.parametrize("path", files("phishing") + files("ham"), ids=lambda p: p.name)
def test_no_check_fails(path):
    # a check that raises becomes an "uninspected" signal instead of a crash: none may here
    v = analyze(path.read_bytes(), RULES)
    assert not [s for s in v.signals if "check failed" in s["evidence"].get("reason", "")], v.signals


def test_japanese_explanations_in_japanese():
    from mailwarden.core import i18n

    i18n.set_language("ja")
    try:
        v = analyze((DATA / "phishing" / "phishing-17.eml").read_bytes(), RULES)
    finally:
        i18n.set_language("en")
    titles = " ".join(s["title"] for s in v.signals)
    assert "振込" in titles or "返信先" in titles
