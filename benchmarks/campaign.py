"""Benchmark: phishing-awareness simulations (issue 18) — what exists so far.

    .venv/bin/python benchmarks/campaign.py [--recipients 10000] [--seeds 101,102,103]

Scanner-versus-human classification (simulate/tracking.py) on labelled campaigns generated
from the documented behaviours of scanners and people (tests/support/sim_events.py), with
seeds the tests do not use: accuracy, automated hits caught, human hits kept, per behaviour;
and the classification rate (hits/s, the campaign's context included).

Target (issue 18): >= 98% correct. Sending through a relay and the tracking endpoints under
load come with the campaign sender and the tracking server.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support import sim_events

from mailwarden.simulate import tracking


def classify_run(recipients: int, seeds: list[int]) -> None:
    for seed in seeds:
        events = sim_events.campaign(recipients, seed=seed)
        hits = [e.hit for e in events]
        t = time.perf_counter()
        got = tracking.classify_all(hits)
        took = time.perf_counter() - t
        right = sum(g.human == e.human for g, e in zip(got, events, strict=True))
        humans = [g.human for g, e in zip(got, events, strict=True) if e.human]
        robots = [not g.human for g, e in zip(got, events, strict=True) if not e.human]
        print(
            f"seed {seed}: {len(events):,} hits ({len(humans):,} by people, {len(robots):,} automated): "
            f"correct {right / len(events):.2%} (target >= 98%); "
            f"automated caught {sum(robots) / len(robots):.2%}; "
            f"people kept {sum(humans) / len(humans):.2%}; {len(events) / took:,.0f} hits/s classified"
        )
        missed: Counter[str] = Counter(
            e.behaviour for g, e in zip(got, events, strict=True) if g.human != e.human
        )
        if missed:
            print("  wrong, by behaviour:", ", ".join(f"{k} {v}" for k, v in missed.most_common()))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--recipients", type=int, default=10_000)
    ap.add_argument("--seeds", default="101,102,103")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    classify_run(args.recipients, [int(s) for s in args.seeds.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
