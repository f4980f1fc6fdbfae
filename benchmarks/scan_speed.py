"""Benchmark: messages/s of the full offline analysis on one core, and peak RSS.

    .venv/bin/python benchmarks/scan_speed.py [--corpus ../shared/corpora/phishing-dev]

Reads every message of the corpus into memory first, then analyses them one after another in
this process (one core, no I/O in the timing), and prints messages/s per set and overall,
beside the stdlib parsing alone of the same bytes (the reference the issue names: ~300 msg/s
on the phishing set). Also times `mailwarden scan --offline --format jsonl DIR` as a command
(two analyser processes, start-up included).
"""

from __future__ import annotations

import argparse
import email
import email.policy
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from mailwarden.analyze.engine import analyze  # noqa: E402
from mailwarden.analyze.rules import load_rules  # noqa: E402

SETS = ("phishing_pot", "csdmc2010-ham", "csdmc2010-spam")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "phishing-dev")
    args = ap.parse_args()
    rules = load_rules()
    total_n = 0
    total_t = 0.0
    for name in SETS:
        data = [f.read_bytes() for f in sorted((args.corpus / name).glob("*.eml"))]
        if not data:
            continue
        t0 = time.perf_counter()
        for d in data:
            email.message_from_bytes(d, policy=email.policy.default)
        t_std = time.perf_counter() - t0
        t0 = time.perf_counter()
        for d in data:
            analyze(d, rules)
        t = time.perf_counter() - t0
        total_n += len(data)
        total_t += t
        print(
            f"{name}: {len(data)} messages, full offline analysis {len(data) / t:.0f} msg/s on one core; "
            f"stdlib parsing alone (policy.default) {len(data) / t_std:.0f} msg/s"
        )
    if total_n:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rate = total_n / total_t
        print(f"all: {total_n} messages, {rate:.0f} msg/s on one core (target ≥ 150), peak RSS {rss:.0f} MB")
        folder = args.corpus / SETS[1]
        env = {**os.environ, "MAILWARDEN_LANG": "en", "PYTHONPATH": str(ROOT / "src")}
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "mailwarden", "scan", "--offline", "--format", "jsonl", str(folder)],
            capture_output=True,
            env=env,
        )
        wall = time.perf_counter() - t0
        n = proc.stdout.count(b"\n")
        print(
            f"command, {folder.name}: {n} messages in {wall:.1f}s = {n / wall:.0f} msg/s "
            "(two processes, start-up included)"
        )


if __name__ == "__main__":
    main()
