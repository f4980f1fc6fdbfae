"""Benchmark: detection quality of `mailwarden scan --offline`, held-out data first, and rspamd
beside it on the same messages in the same run.

    .venv/bin/python benchmarks/scan_quality.py [--no-rspamd] [--top 25]

The sets and their splits are in benchmarks/_corpora.py: each set is either **held out** (never
read while the signals and weights were written; only its totals are printed here) or
**tuned on** (its messages were read, and tools/fit_weights.py fitted the weights on it). The
held-out figures come first and are the ones to quote.

Per set: the verdict counts; for phishing the share flagged `suspicious` or worse (target
≥ 90 %) and `phishing` or worse; for legitimate mail the shares flagged `suspicious` or worse
(≤ 5 % Japanese business mail, ≤ 3 % English) and `phishing` or worse (≤ 1 %). Per-signal
counts are printed for the tuning sets only.

rspamd (Debian's 3.4, offline on loopback: benchmarks/_rspamd.py) gets the same messages. Its
detection is reported **at mailwarden's false-positive rate**: on each pair of a legitimate
and a phishing set of the same language, rspamd's score threshold is set so that it flags no
larger share of the legitimate set than mailwarden flags `suspicious` or worse; then the share
of the phishing set it flags at that threshold is printed beside mailwarden's. Its own default
actions (add header at 6, reject at 15) are printed too.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks._corpora import HELD_OUT, EvalSet, japanese_rules_file, sets  # noqa: E402
from mailwarden.analyze.engine import analyze  # noqa: E402
from mailwarden.analyze.rules import load_rules  # noqa: E402

FLAGGED = {"suspicious", "phishing", "malicious"}
PHISHING = {"phishing", "malicious"}
HONEYPOT_HELD_OUT = (
    "honeypot-newer (samples > 5000)",
    "honeypot-fresh (round 7)",
    "honeypot-fresh8 (round 8)",
    "honeypot-fresh9 (round 9)",
    "en-lures",
)
# (legitimate set, phishing sets) of one language: rspamd is compared on each pair
PAIRS = (
    ("ja-business3", ("ja-bec3",)),
    ("ja-business2 (read after round 2)", ("ja-bec2 (read after round 2)",)),
    ("csdmc2010-ham, 2010", (*HONEYPOT_HELD_OUT,)),
    ("en-business2", (*HONEYPOT_HELD_OUT,)),
    ("en-business", ("phishing_pot, older two thirds", "en-junk")),
    ("ja-business dev", ("ja-bec dev", "ja-fixtures phishing")),
    ("ja-business test (read after round 1)", ("ja-bec test (read after round 1)",)),
    (
        "csdmc2010-ham, 2002",
        ("phishing_pot, older two thirds", "phishing_pot, newer third (read after round 3)"),
    ),
)
TARGETS = {
    "phishing": "≥ 90 % flagged",
    "ja-ham": "≤ 5 % suspicious or worse, ≤ 1 % phishing",
    "en-ham": "≤ 3 % suspicious or worse, ≤ 1 % phishing",
}


def evaluate(s: EvalSet, msgs: list[tuple[str, bytes]], rules: Any) -> dict[str, Any]:
    verdicts: collections.Counter[str] = collections.Counter()
    signals: collections.Counter[str] = collections.Counter()
    for _, data in msgs:
        v = analyze(data, rules)
        verdicts[v.verdict] += 1
        signals.update({x["code"] for x in v.signals})
    n = len(msgs)
    return {
        "n": n,
        "verdicts": verdicts,
        "signals": signals,
        "flagged": sum(verdicts[k] for k in FLAGGED) / n if n else 0.0,
        "phishing": sum(verdicts[k] for k in PHISHING) / n if n else 0.0,
    }


def line(s: EvalSet, r: dict[str, Any]) -> str:
    counts = ", ".join(f"{k} {v}" for k, v in r["verdicts"].most_common())
    if s.kind == "phishing":
        target = TARGETS["phishing"]
        figures = f"flagged {r['flagged']:.1%} (phishing or worse {r['phishing']:.1%})"
    else:
        target = TARGETS["ja-ham" if s.japanese else "en-ham"]
        figures = f"suspicious or worse {r['flagged']:.2%}, phishing or worse {r['phishing']:.2%}"
    return f"{s.label}: {r['n']} messages — {figures}   [target {target}]\n    {counts}"


def rspamd_scores(todo: dict[str, list[bytes]]) -> dict[str, list[float]]:
    from benchmarks import _rspamd

    _rspamd.ensure_installed()
    out: dict[str, list[float]] = {}
    with _rspamd.running(workers=2) as rs:
        for name, msgs in todo.items():
            out[name], _ = rs.check_all(msgs, concurrency=8)
    return out


def at_rate(ham: list[float], phish: list[float], fp: float) -> tuple[float, float, float]:
    """rspamd's threshold flagging at most ``fp`` of ``ham``; (threshold, its ham rate, its
    phishing detection)."""
    ranked = sorted(ham, reverse=True)
    allowed = int(fp * len(ranked) + 1e-9)
    threshold = ranked[allowed] + 1e-6 if allowed < len(ranked) else float("-inf")
    ham_rate = sum(x >= threshold for x in ham) / len(ham) if ham else 0.0
    detect = sum(x >= threshold for x in phish) / len(phish) if phish else 0.0
    return threshold, ham_rate, detect


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-rspamd", action="store_true", help="mailwarden alone")
    ap.add_argument("--top", type=int, default=25, help="signals listed per tuning set")
    args = ap.parse_args()
    rules = load_rules()
    loaded: dict[str, tuple[EvalSet, list[tuple[str, bytes]]]] = {}
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ja_rules = load_rules(japanese_rules_file(Path(tmp)))
        for s in sets():
            msgs = s.load()
            if not msgs:
                print(f"{s.label}: not present, skipped")
                continue
            loaded[s.name] = (s, msgs)
            results[s.name] = evaluate(s, msgs, ja_rules if s.japanese else rules)
    for title, split in (("HELD OUT — never read; the figures to quote", True), ("TUNED ON", False)):
        print(f"\n== {title} ==")
        for name, (s, _) in loaded.items():
            if (s.split == HELD_OUT) != split:
                continue
            r = results[name]
            print(line(s, r))
            if not split and args.top:
                print("    signals:", ", ".join(f"{k} {v}" for k, v in r["signals"].most_common(args.top)))
    if args.no_rspamd:
        return
    scores = rspamd_scores({name: [d for _, d in msgs] for name, (_, msgs) in loaded.items()})
    print("\n== rspamd 3.4 (offline) on the same messages, at mailwarden's false-positive rate ==")
    for ham_name, phish_names in PAIRS:
        if ham_name not in loaded:
            continue
        ham_set = loaded[ham_name][0]
        fp = results[ham_name]["flagged"]
        ham_scores = scores[ham_name]
        default_fp = sum(x >= 6 for x in ham_scores) / len(ham_scores)
        print(
            f"{ham_set.label}: mailwarden flags {fp:.2%} suspicious or worse; "
            f"rspamd's own 'add header' (≥ 6) flags {default_fp:.2%}"
        )
        for pn in phish_names:
            if pn not in loaded:
                continue
            threshold, ham_rate, detect = at_rate(ham_scores, scores[pn], fp)
            own = sum(x >= 6 for x in scores[pn]) / len(scores[pn])
            reject = sum(x >= 15 for x in scores[pn]) / len(scores[pn])
            print(
                f"    {loaded[pn][0].label}: mailwarden {results[pn]['flagged']:.1%} — "
                f"rspamd {detect:.1%} at score ≥ {threshold:.2f} (its ham rate {ham_rate:.2%}); "
                f"rspamd's defaults: ≥ 6 {own:.1%}, ≥ 15 {reject:.1%}"
            )


if __name__ == "__main__":
    main()
