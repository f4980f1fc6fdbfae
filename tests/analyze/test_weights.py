"""The fitted weights as shipped: signs that make sense, provenance recorded, and the fitting
tool's threshold and scale helpers doing what they say."""

from __future__ import annotations

import sys
from pathlib import Path

from mailwarden.analyze.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.fit_weights import WRITTEN_SUSPICIOUS, _onto, thresholds  # noqa: E402


def test_no_warning_sign_counts_for_a_message_and_no_sign_of_trust_against_it():
    rules = load_rules()
    for code, sig in rules.signals.items():
        if sig.category == "benign":
            assert rules.weight(code) <= 0, code
        else:
            assert rules.weight(code) >= 0, code
    assert rules.thresholds["suspicious"] < rules.thresholds["phishing"] < rules.thresholds["malicious"]


def test_fitted_weights_say_what_they_were_fitted_on():
    rules = load_rules()
    fitted = {c: dict(s.fitted) for c, s in rules.signals.items() if s.fitted}
    assert len(fitted) >= 20  # most signals are fitted, not written by hand
    for code, counts in fitted.items():
        assert set(counts) == {"phishing", "ham"} and sum(counts.values()) >= 8, code
    # the authentication signals keep their written weights (the tuning ham has no results)
    assert not any(c.startswith("auth.") for c in fitted)


def test_thresholds_allow_at_most_the_share_asked_of_every_ham_set():
    scores = [*range(10), 0, 0, 0, 0, 10, 50]  # ham set a, ham set b, one phishing
    labels = [0] * 15 + [1]
    groups = ["a"] * 10 + ["b"] * 5 + ["p"]
    t = thresholds(scores, labels, groups, 0.1)  # one of ten in "a", none of five in "b"
    assert sum(s >= t for s, g in zip(scores, groups, strict=True) if g == "a") <= 1
    assert sum(s >= t for s, g in zip(scores, groups, strict=True) if g == "b") == 0
    assert t > 10  # "b" allows nothing, and it holds a 10


def test_written_weights_keep_the_verdict_they_were_written_for():
    t = 3.8
    assert _onto(WRITTEN_SUSPICIOUS, t, "text") == t  # at the written threshold: at the new one
    assert _onto(1.0, t, "text") < t <= _onto(2.5, t, "text") < 6.0
    assert _onto(6.0, t, "text") == 6.0 and _onto(10.0, t, "attachment") == 10.0
    assert _onto(3.0, t, "spam") == 3.0  # spam has its own threshold
