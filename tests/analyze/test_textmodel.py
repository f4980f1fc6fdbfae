"""The word model: which words it reads, how the shipped model scores, the levels it fires, the
cap that keeps words alone from a phishing verdict, and the fitting tool's folds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mailwarden.analyze.rules import load_rules
from mailwarden.analyze.textmodel import CODES, LEVELS, TextModel, levels, parse, shipped, words

from .mail import found, message

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from tools.fit_text_model import fit, out_of_fold  # noqa: E402
from tools.fit_weights import PHISHING_FP, capped, thresholds  # noqa: E402

RULES = load_rules(None)
LURE = (
    "Dear customer, your account has been limited. Kindly click below to confirm your details "
    "and claim your reward today; our team will process your payment. Unsubscribe here."
)
REPLY = (
    "On Tue, Joe wrote:\n> the build fails on the mailing list server\n"
    "I think the problem is in the directory layout, not in the rpm. Has anyone tried "
    "another version of the library? It seems that they changed it."
)


def test_words_are_the_distinct_latin_words_without_links_or_addresses():
    got = words(
        "Visit https://evil.example/Login?a=b or WRITE to Support@Example.com — Thanks, thanks, Bob 42"
    )
    assert got == {"visit", "or", "write", "to", "thanks", "bob"}
    assert "evil" not in got and "example" not in got and "support" not in got


@pytest.mark.parametrize(
    "text",
    [
        "お世話になっております。請求書を送付いたしますので、ご確認ください。PDF file attached",
        "Hi Bob",  # too short to be read
        "",
    ],
)
def test_japanese_and_near_empty_text_is_not_scored(text):
    assert words(text) == frozenset()


def test_the_model_file_parses_and_the_shipped_one_has_a_vocabulary():
    model = parse("# note\nintercept\t-1.5\nclick\t0.75\nwrote\t-1\n")
    assert model == TextModel(-1.5, {"click": 0.75, "wrote": -1.0})
    assert model.score(frozenset({"click", "unknown"})) == pytest.approx(-0.75)
    assert model.strongest(frozenset({"click", "wrote"})) == ["click"]
    assert len(shipped().weights) > 1000


def test_a_lure_scores_above_a_reply_on_a_mailing_list():
    model = shipped()
    lure, reply = model.score(words(LURE)), model.score(words(REPLY))
    assert lure > LEVELS[-1] and reply < LEVELS[1] and lure - reply > 5


def test_levels_are_cumulative():
    assert levels(LEVELS[0] - 1) == []
    assert levels(LEVELS[2] + 0.1) == list(CODES[:3])
    assert levels(99) == list(CODES)


def test_the_scan_names_the_words_that_weighed_and_explains_them():
    v, hits = found(message(LURE, subject="Account notice", from_="Service <no-reply@mailer.example>"), RULES)
    assert set(CODES) <= set(hits)
    top = hits[CODES[-1]]["words"].split(", ")
    assert 1 <= len(top) <= 6 and set(top) <= words(LURE)
    signal = next(s for s in v.signals if s["code"] == CODES[0])
    assert hits[CODES[0]]["score"] in signal["explanation"]
    _, quiet = found(message(REPLY, subject="Re: build", from_="Ann <ann@lists.example>"), RULES)
    assert not set(CODES) & set(quiet)


def test_japanese_mail_fires_no_level():
    body = "お世話になっております。来週の打ち合わせの件、資料を添付いたします。よろしくお願いいたします。"
    _, hits = found(message(body, subject="打ち合わせ"), RULES)
    assert not set(CODES) & set(hits)


def test_words_alone_never_reach_the_phishing_threshold_in_the_shipped_weights():
    total = sum(RULES.weight(c) for c in CODES)
    assert 0 < total < RULES.thresholds["phishing"]
    assert all(RULES.signals[c].category == "text" for c in CODES)


def test_the_cap_brings_the_levels_under_the_phishing_line_and_leaves_the_rest():
    rows = [set(CODES)] * 3 + [{"a"}] * 200 + [set(CODES) | {"a"}] * 5
    labels = [1, 1, 1] + [0] * 200 + [1] * 5
    groups = ["p"] * 3 + ["h"] * 200 + ["p"] * 5
    weights = {c: 3.0 for c in CODES} | {"a": 2.0}

    def scores(w):
        return [sum(w.get(c, 0.0) for c in r) for r in rows]

    got = capped(weights, scores, labels, groups)
    assert got["a"] == 2.0
    line = thresholds(scores(got), labels, groups, PHISHING_FP)
    assert sum(got[c] for c in CODES) < line
    assert sum(weights[c] for c in CODES) >= thresholds(scores(weights), labels, groups, PHISHING_FP)


def test_a_word_seen_in_few_messages_is_no_vocabulary_and_the_folds_score_every_message():
    # every phishing message carries a word of its own; a model that saw it would score it high
    common = ["please", "the", "of", "and", "to", "in"]
    found_, labels, groups = [], [], []
    for i in range(60):
        found_.append(
            frozenset([*common, "offer", f"unique{i}"] if i % 2 else [*common, "wrote", f"unique{i}"])
        )
        labels.append(i % 2)
        groups.append("p" if i % 2 else "h")
    inside = fit(found_, labels, groups)
    assert not any(w.startswith("unique") for w in inside.weights)  # seen in fewer than MIN_DF
    scores = out_of_fold(found_, labels, groups)
    assert all(s is not None for s in scores)
    ham = [s for s, lab in zip(scores, labels, strict=True) if not lab]
    phishing = [s for s, lab in zip(scores, labels, strict=True) if lab]
    assert min(phishing) > max(ham)  # "offer" against "wrote", learned from the other folds
