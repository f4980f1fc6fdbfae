"""Fit the analyser's signal weights and thresholds on the tuning parts of the evaluation sets
(benchmarks/_corpora.py: never the held-out parts), and write them into signals.yaml.

    .venv/bin/python tools/fit_weights.py [--dry-run]

Method: every message of the tuning sets is analysed and becomes a vector of the signals it
fired (0/1). A logistic regression (scikit-learn, L2, the regularisation strength chosen by
5-fold cross-validation) predicts phishing against legitimate mail. Each class weighs half;
within a class each language (English, Japanese) weighs alike, and within a language each set,
so 800 English honeypot messages do not drown 100 Japanese BEC ones, nor do five Japanese sets
drown the English ones (they did when each set weighed alike: every Japanese set added took
weight from English mail). Sets of one source weigh together (``EvalSet.source``): the three
sets of English phishing written for this project in round 9 weigh as much as each part of the
real honeypot, not three times as much. Then:

- a signal seen fewer than ``MIN_SUPPORT`` times in the tuning data keeps the weight written
  by hand (``fitted`` is absent for it in signals.yaml); so do signals that decide a verdict
  by themselves, spam signals (their own verdict) and the analysis' own signals;
- the authentication signals keep their written weights too: the tuning ham (csdmc2010, 2002)
  carries no Authentication-Results at all, so any weight fitted on it would learn the era of
  the corpus, not the fault (the corpus README warns of exactly this);
- a warning sign may not count *for* a message, nor a sign of legitimate mail against it: a
  risk signal whose fitted weight comes out negative, or a ``benign`` one whose weight comes
  out positive, is fixed at zero and the model refitted without it;
- the written weights of the rare signals are mapped onto the fitted scale (``_onto``): written
  for "suspicious at 2, phishing at 6", a rare signal alone still reaches the verdict it was
  written to reach (the hand weight is kept in signals.yaml as ``written``);
- the thresholds are set on the tuning ham: "suspicious" where at most ``SUSPICIOUS_FP`` of
  each ham set scores above it, "phishing" at ``PHISHING_FP``; the weights are then scaled so
  that the phishing threshold stays at 6, so users' own overrides keep their meaning.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks._corpora import TUNE, japanese_rules_file, sets  # noqa: E402

from mailwarden.analyze.engine import analyze  # noqa: E402
from mailwarden.analyze.rules import Rules, load_rules  # noqa: E402

SIGNALS = ROOT / "src" / "mailwarden" / "analyze" / "signals.yaml"
MIN_SUPPORT = 8
SUSPICIOUS_FP = 0.02
PHISHING_FP = 0.004
PHISHING_AT = 6.0
WRITTEN_SUSPICIOUS = 2.0  # the suspicious threshold the hand-written weights were written for
KEPT_CATEGORIES = ("spam", "analysis", "authentication")


def vectors(tmp: Path) -> tuple[list[set[str]], list[int], list[str]]:
    rules = load_rules()
    ja_rules = load_rules(japanese_rules_file(tmp))
    rows: list[set[str]] = []
    labels: list[int] = []
    groups: list[str] = []
    for s in sets():
        if s.split != TUNE:
            continue
        msgs = s.load()
        for _, data in msgs:
            v = analyze(data, ja_rules if s.japanese else rules)
            rows.append({x["code"] for x in v.signals})
            labels.append(1 if s.kind == "phishing" else 0)
            groups.append(s.name)
        print(f"  {s.label}: {len(msgs)} messages", file=sys.stderr)
    return rows, labels, groups


def language(group: str) -> str:
    """The language of an evaluation set: the Japanese sets are named ``ja-…``."""
    return "ja" if group.startswith("ja-") else "en"


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    return {s.name: s.source or s.name for s in sets()}


def source(group: str) -> str:
    """Where a tuning set's mail comes from: the phishing written for this project in round 9
    is one source, weighing as much as each part of the real honeypot; every other set is its
    own."""
    return _sources().get(group, group)


def fit(rows: list[set[str]], labels: list[int], groups: list[str], features: list[str]) -> dict[str, float]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, StratifiedKFold

    x = np.array([[1.0 if f in r else 0.0 for f in features] for r in rows])
    y = np.array(labels)
    size = Counter(groups)
    pairs = set(zip(groups, labels, strict=True))
    # each class weighs half; within it, each language alike; within a language each source
    # alike, and within a source each set alike
    languages = {c: {language(g) for g, lab in pairs if lab == c} for c in (0, 1)}
    sources = {(language(g), lab, source(g)) for g, lab in pairs}
    sources_of = Counter((lang, lab) for lang, lab, _ in sources)
    sets_of = Counter((language(g), lab, source(g)) for g, lab in pairs)
    weight = np.array(
        [
            len(rows)
            / 2
            / len(languages[lab])
            / sources_of[language(g), lab]
            / sets_of[language(g), lab, source(g)]
            / size[g]
            for g, lab in zip(groups, labels, strict=True)
        ]
    )
    search = GridSearchCV(
        LogisticRegression(max_iter=5000),
        {"C": [0.1, 0.3, 1.0, 3.0, 10.0]},
        scoring="neg_log_loss",
        cv=StratifiedKFold(5, shuffle=True, random_state=0),
    )
    search.fit(x, y, sample_weight=weight)
    model = search.best_estimator_
    print(f"  C = {search.best_params_['C']}, intercept {model.intercept_[0]:.2f}", file=sys.stderr)
    return dict(zip(features, (float(c) for c in model.coef_[0]), strict=True))


def thresholds(scores: list[float], labels: list[int], groups: list[str], fp: float) -> float:
    """The lowest score that at most ``fp`` of every ham set reaches."""
    need = 0.0
    for g in sorted(set(groups)):
        ham = sorted(
            (s for s, lab, gg in zip(scores, labels, groups, strict=True) if gg == g and lab == 0),
            reverse=True,
        )
        if not ham:
            continue
        allowed = int(fp * len(ham))  # this many may reach the threshold
        need = max(need, ham[allowed] + 1e-6 if allowed < len(ham) else 0.0)
    return need


def _written() -> dict[str, float]:
    """The weight each signal was written with by hand (``written`` once a fit has mapped it)."""
    import yaml

    reg = yaml.safe_load(SIGNALS.read_text(encoding="utf-8"))
    return {s["id"]: float(s.get("written", s["weight"])) for s in reg["signals"]}


def _onto(w: float, t_susp: float, category: str) -> float:
    """A written weight mapped from the scale it was written on (suspicious at 2, phishing at 6)
    onto the fitted one, so that a rare signal alone still reaches the verdict it was written
    to reach: [0, 2] → [0, t_susp], [2, 6] → [t_susp, 6], above 6 unchanged."""
    if category == "spam" or w <= 0:
        return w
    if w <= WRITTEN_SUSPICIOUS:
        return round(w * t_susp / WRITTEN_SUSPICIOUS, 2)
    if w <= PHISHING_AT:
        span = (PHISHING_AT - t_susp) / (PHISHING_AT - WRITTEN_SUSPICIOUS)
        return round(t_susp + (w - WRITTEN_SUSPICIOUS) * span, 2)
    return w


def _scores(rows: list[set[str]], weights: dict[str, float], rules: Rules) -> list[float]:
    return [sum(weights[c] for c in r if rules.signals[c].category != "spam") for r in rows]


def _scale(
    rows: list[set[str]],
    labels: list[int],
    groups: list[str],
    learned: dict[str, float],
    kept: dict[str, float],
    rules: Rules,
) -> float:
    """The factor for the fitted weights that puts the phishing threshold (at ``PHISHING_FP``
    of every ham set, the written weights included) at ``PHISHING_AT``: by bisection."""
    lo, hi = 0.01, 100.0
    for _ in range(60):
        mid = (lo * hi) ** 0.5
        weights = {c: w * mid for c, w in learned.items()} | kept
        if thresholds(_scores(rows, weights, rules), labels, groups, PHISHING_FP) > PHISHING_AT:
            hi = mid
        else:
            lo = mid
    return lo


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    rules = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        rows, labels, groups = vectors(Path(tmp))
    counts = Counter(c for r in rows for c in r)
    fixed = {
        c
        for c, s in rules.signals.items()
        if s.verdict or s.category in KEPT_CATEGORIES or counts[c] < MIN_SUPPORT
    }
    features = sorted(c for c in rules.signals if c not in fixed)
    while True:
        weights = fit(rows, labels, groups, features)
        negative = [c for c in features if (weights[c] < 0) != (rules.signals[c].category == "benign")]
        if not negative:
            break
        print(f"  fixed at zero (wrong sign): {', '.join(negative)}", file=sys.stderr)
        for c in negative:
            features.remove(c)
            fixed.add(c)
    zeroed = {
        c
        for c in fixed
        if counts[c] >= MIN_SUPPORT
        and not (rules.signals[c].verdict or rules.signals[c].category in KEPT_CATEGORIES)
    }
    learned = {c: weights.get(c, 0.0) for c in (*features, *zeroed)}
    written = _written()
    # first on the written scale, to set the scale and the thresholds; then the written weights
    # are mapped onto it once (mapping them again would chase its own tail)
    kept = {c: written[c] for c in rules.signals if c not in learned}
    scale = _scale(rows, labels, groups, learned, kept, rules)
    first = {c: w * scale for c, w in learned.items()} | kept
    t_first = thresholds(_scores(rows, first, rules), labels, groups, SUSPICIOUS_FP)
    kept = {
        c: _onto(w, t_first, rules.signals[c].category) if counts[c] < MIN_SUPPORT else w
        for c, w in kept.items()
    }
    final = {c: round(w * scale, 2) for c, w in learned.items()} | kept
    scores = _scores(rows, final, rules)
    t_susp = math.ceil(thresholds(scores, labels, groups, SUSPICIOUS_FP) * 100) / 100
    report(rows, labels, groups, scores, t_susp, final, learned, counts)
    if not args.dry_run:
        write(final, set(learned), counts, rows, labels, t_susp)


def report(rows, labels, groups, scores, t_susp, final, learned, counts) -> None:  # type: ignore[no-untyped-def]
    print(f"thresholds: suspicious {t_susp}, phishing {PHISHING_AT}")
    for g in dict.fromkeys(groups):
        idx = [i for i, gg in enumerate(groups) if gg == g]
        sus = sum(scores[i] >= t_susp for i in idx) / len(idx)
        ph = sum(scores[i] >= PHISHING_AT for i in idx) / len(idx)
        print(f"  {g} (tuned on): {len(idx)} messages, ≥ suspicious {sus:.1%}, ≥ phishing {ph:.1%}")
    print("weights (fitted ← the rest kept as written):")
    for c in sorted(final, key=lambda c: -abs(final[c])):
        if c in learned:
            print(f"  {c:38} {final[c]:6.2f}  ({counts[c]} messages)")


def write(
    final: dict[str, float], learned: set[str], counts: Counter[str], rows, labels, t_susp: float
) -> None:  # type: ignore[no-untyped-def]
    text = SIGNALS.read_text(encoding="utf-8")
    phish = Counter(c for r, lab in zip(rows, labels, strict=True) if lab for c in r)
    ham = Counter(c for r, lab in zip(rows, labels, strict=True) if not lab for c in r)
    text = re.sub(r"(?m)^  suspicious: .*$", f"  suspicious: {t_susp}", text, count=1)
    written = _written()
    text = re.sub(r"(?m)^    (?:fitted|written): .*\n", "", text)
    for code, w in final.items():
        pattern = re.compile(rf"(?m)^(  - id: {re.escape(code)}\n(?:    (?!weight:).*\n)*?)    weight: .*\n")
        if code in learned:
            extra = f"    fitted: {{phishing: {phish[code]}, ham: {ham[code]}}}\n"
        else:
            extra = f"    written: {written[code]:g}\n" if written[code] != w else ""
        text, n = pattern.subn(lambda m: f"{m.group(1)}    weight: {w:g}\n{extra}", text, count=1)  # noqa: B023
        if n != 1:
            raise SystemExit(f"cannot find the weight of {code} in {SIGNALS}")
    text = re.sub(r"(?m)^# weights fitted .*\n", "", text)
    note = (
        f"# weights fitted {date.today()} by tools/fit_weights.py on the tuning sets only "
        f"({len(rows)} messages); `fitted` counts the messages of each class that fired the signal.\n"
    )
    text = text.replace("thresholds:\n", note + "thresholds:\n", 1)
    SIGNALS.write_text(text, encoding="utf-8")
    print(f"wrote {SIGNALS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
