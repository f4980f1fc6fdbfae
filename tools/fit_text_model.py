"""Fit the analyser's word model (src/mailwarden/analyze/textmodel.py) on the tuning sets only
(benchmarks/_corpora.py: never the held-out parts) and write it to text_model.tsv.

    .venv/bin/python tools/fit_text_model.py [--dry-run]

Then refit the signal weights (``tools/fit_weights.py``): the four levels of the model's score
are signals like any other, and their weights are fitted on the scores the model gives to
messages it was not fitted on (``out_of_fold``).

Method: each message is the set of its Latin-script words (``textmodel.words``: Japanese and
near-empty messages are not scored, so the Japanese sets take no part). A word seen in fewer
than ``MIN_DF`` tuning messages is dropped (a campaign's brand name or a list's footer is not
vocabulary). A logistic regression (scikit-learn, L2, ``C``) separates phishing from legitimate
mail; each class weighs half, and within a class each set alike, so the 800 older honeypot
messages do not drown a set of 300.

Printed, from five folds: the phishing of each tuning set detected when 1, 2 and 3 % of the
legitimate mail scores above the line — the word model alone, before it meets the other
signals."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from mailwarden.analyze.textmodel import MODEL, TextModel  # noqa: E402

MIN_DF = 10
C = 1.0
FOLDS = 5


def _balance(labels: list[int], groups: list[str]) -> list[float]:
    """Each class weighs half, and within a class each set alike."""
    size = Counter(groups)
    sets_of = Counter(lab for _, lab in set(zip(groups, labels, strict=True)))
    return [len(groups) / 2 / sets_of[lab] / size[g] for g, lab in zip(groups, labels, strict=True)]


def fit(found: list[frozenset[str]], labels: list[int], groups: list[str]) -> TextModel:
    """The model fitted on the scored messages among ``found`` (the empty sets are left out)."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    keep = [i for i, f in enumerate(found) if f]
    docs = [sorted(found[i]) for i in keep]
    y = [labels[i] for i in keep]
    vec = CountVectorizer(analyzer=lambda d: d, binary=True, min_df=MIN_DF)
    x = vec.fit_transform(docs)
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(x, y, sample_weight=_balance(y, [groups[i] for i in keep]))
    names = vec.get_feature_names_out()
    weights = {
        str(w): round(float(c), 4) for w, c in zip(names, model.coef_[0], strict=True) if abs(c) >= 5e-4
    }
    return TextModel(round(float(model.intercept_[0]), 4), weights)


def out_of_fold(found: list[frozenset[str]], labels: list[int], groups: list[str]) -> list[float | None]:
    """Each message's score from a model fitted on the other folds (None: not scored)."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    scores: list[float | None] = [None] * len(found)
    strata = [f"{g}|{lab}" for g, lab in zip(groups, labels, strict=True)]
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(
        np.zeros(len(found)), strata
    ):
        model = fit([found[i] for i in train], [labels[i] for i in train], [groups[i] for i in train])
        for i in test:
            if found[i]:
                scores[i] = model.score(found[i])
    return scores


def write(model: TextModel, messages: int, path: Path = MODEL) -> None:
    lines = [
        f"# the word model of mailwarden scan, fitted {date.today()} by tools/fit_text_model.py on the",
        f"# tuning sets only ({messages} scored messages; words seen in {MIN_DF} or more, C={C}).",
        f"intercept\t{model.intercept:g}",
        *(f"{w}\t{c:g}" for w, c in sorted(model.weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(model.weights)} words")


def report(scores: list[float | None], labels: list[int], groups: list[str]) -> None:
    ham = sorted(
        (s for s, lab in zip(scores, labels, strict=True) if s is not None and not lab), reverse=True
    )
    print(f"out of fold, {len(ham)} legitimate messages scored:")
    for g in dict.fromkeys(g for g, lab in zip(groups, labels, strict=True) if lab):
        mine = [s for s, gg in zip(scores, groups, strict=True) if gg == g]
        scored = [s for s in mine if s is not None]
        if not scored:
            continue
        shares = []
        for fp in (0.01, 0.02, 0.03):
            cut = ham[int(fp * len(ham))]
            shares.append(f"{sum(s > cut for s in scored) / len(mine):.1%}")
        print(f"  {g}: {len(scored)} of {len(mine)} scored; detected at 1/2/3 % of ham: {' / '.join(shares)}")


def main() -> None:
    import fit_weights

    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _, labels, groups, found = fit_weights.analysed(Path(tmp))
    report(out_of_fold(found, labels, groups), labels, groups)
    if not args.dry_run:
        write(fit(found, labels, groups), sum(1 for f in found if f))


if __name__ == "__main__":
    main()
