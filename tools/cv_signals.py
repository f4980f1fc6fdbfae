"""Would a signal help on mail it was not fitted on? Cross-validated detection at equal false
positives, on the tuning sets only (benchmarks/_corpora.py; the held-out sets are never read).

    .venv/bin/python tools/cv_signals.py [--without CODE ...] [--cache FILE] [--repeats 3]

Every tuning message is analysed once and becomes the set of signals it fired (``--cache``
keeps those vectors, so comparing variants of the weights costs seconds; drop the cache after
changing a signal's code). Then, repeated with ``--repeats`` shuffles, a stratified 5-fold
split: the weights are fitted on four folds by tools/fit_weights.py's own ``fit`` (every signal
seen 8 times or more, the authentication ones included, so that the comparison is of the
signals, not of the hand-written weights), the suspicious threshold set on those folds' ham as
fit_weights sets it, and the fifth fold scored. Printed: each class's share over the threshold,
and — the figure to compare — the phishing detection of each language at the same share of its
ham over the line (1, 2 and 3 %), from the folds' scores pooled.

``--without CODE`` fits as if the signal did not exist: a signal earns its place when detection
at equal false positives is higher with it than without.

``--leave-set-out SET`` never fits on one set: its messages are scored by weights fitted on the
others, as a corpus the analyser has never met would be. Random folds share each set's style
between training and test; a signal that learns a corpus's style (a word model did, round 7:
it passed random folds and flagged a third of a legitimate set it had not seen) shows here."""

from __future__ import annotations

import argparse
import contextlib
import io
import pickle
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import fit_weights  # noqa: E402

LEFT = "(left out)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--without", nargs="*", default=[])
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument(
        "--leave-set-out",
        metavar="SET",
        help="never fit on this set (e.g. en-business): its folds are scored by weights fitted without it",
    )
    args = ap.parse_args()
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from mailwarden.analyze.rules import load_rules

    if args.cache and args.cache.exists():
        rows, labels, groups = pickle.loads(args.cache.read_bytes())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            rows, labels, groups = fit_weights.vectors(Path(tmp))
        if args.cache:
            args.cache.write_bytes(pickle.dumps((rows, labels, groups)))
    rules = load_rules()
    if args.leave_set_out and args.leave_set_out not in groups:
        known = ", ".join(dict.fromkeys(groups))
        raise SystemExit(f"no tuning set is called {args.leave_set_out!r}: {known}")
    counts = Counter(c for r, g in zip(rows, groups, strict=True) if g != args.leave_set_out for c in r)
    features = sorted(
        c
        for c in counts
        if counts[c] >= fit_weights.MIN_SUPPORT
        and c not in args.without
        and rules.signals[c].category != "spam"
        and not rules.signals[c].verdict
    )
    strata = [f"{g}|{lab}" for g, lab in zip(groups, labels, strict=True)]
    over: Counter[str] = Counter()
    total: Counter[str] = Counter()
    margins: dict[str, list[float]] = {}
    for seed in range(args.repeats):
        folds = StratifiedKFold(5, shuffle=True, random_state=seed).split(np.zeros(len(rows)), strata)
        for train, test in folds:
            if args.leave_set_out:
                train = [i for i in train if groups[i] != args.leave_set_out]
            rows_t = [rows[i] for i in train]
            labels_t = [labels[i] for i in train]
            groups_t = [groups[i] for i in train]
            with contextlib.redirect_stderr(io.StringIO()):
                weights = fit_weights.fit(rows_t, labels_t, groups_t, features)
            scores_t = [sum(weights.get(c, 0.0) for c in r) for r in rows_t]
            line = fit_weights.thresholds(scores_t, labels_t, groups_t, fit_weights.SUSPICIOUS_FP)
            for i in test:
                key = f"{fit_weights.language(groups[i])}-{'phishing' if labels[i] else 'ham'}"
                score = sum(weights.get(c, 0.0) for c in rows[i])
                total[key] += 1
                over[key] += score >= line
                if groups[i] == args.leave_set_out:
                    total[LEFT] += 1
                    over[LEFT] += score >= line
                margins.setdefault(key, []).append(score - line)
    print(f"without: {', '.join(args.without) or '(nothing)'}; {args.repeats} × 5 folds")
    if args.leave_set_out:
        share = over[LEFT] / total[LEFT] if total[LEFT] else 0.0
        print(f"  {args.leave_set_out} (never fitted on) over the threshold: {share:6.1%} of {total[LEFT]}")
    for key in sorted(k for k in total if k != LEFT):
        print(f"  {key:12} over the fitted threshold: {over[key] / total[key]:6.1%} of {total[key]}")
    for lang in ("en", "ja"):
        ham = sorted(margins[f"{lang}-ham"], reverse=True)
        phishing = margins[f"{lang}-phishing"]
        for fp in (0.01, 0.02, 0.03):
            cut = ham[int(fp * len(ham))]
            caught = sum(m > cut for m in phishing) / len(phishing)
            print(f"  {lang}: at {fp:.0%} of ham over the line, phishing detected {caught:6.1%}")


if __name__ == "__main__":
    main()
