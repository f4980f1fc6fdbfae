"""Benchmark: messages/s of the full offline analysis, on one core and on two, beside rspamd on
the same messages in the same run.

    .venv/bin/python benchmarks/scan_speed.py [--no-rspamd] [--rounds 3]

Every message of the evaluation sets (benchmarks/_corpora.py, held-out and tuning parts alike:
speed does not care) is read into memory first. Then, per round:

- **mailwarden, one core**: ``analyze()`` over each set in this process, beside the stdlib
  parsing alone of the same bytes (``email.message_from_bytes``, policy compat32 as the
  analyser uses it);
- **mailwarden, two cores**: two analyser processes started once and kept (as rspamd keeps
  its workers), each analysing every other message of the set;
- **rspamd, two workers**: Debian's rspamd 3.4 offline on loopback (benchmarks/_rspamd.py),
  the same messages posted to ``/checkv2`` over 8 keep-alive connections.

The two-core figures are the comparison the issue asks for (both use the machine's two cores);
their ratio is printed per set and overall, and the median of the rounds is reported, as this
machine's speed moves by a fifth within minutes. Then ``mailwarden scan --offline --format
jsonl`` on a directory, as a user runs it (start-up included, two analyser processes).
"""

from __future__ import annotations

import argparse
import email
import email.policy
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks._corpora import CORPUS, japanese_rules_file, sets  # noqa: E402
from mailwarden.analyze.engine import analyze  # noqa: E402
from mailwarden.analyze.rules import load_rules  # noqa: E402

_WORK: list[tuple[bytes, Any]] = []


def _analyse_range(span: tuple[int, int, int]) -> int:
    start, stop, step = span
    for i in range(start, stop, step):
        data, rules = _WORK[i]
        analyze(data, rules)
    return len(range(start, stop, step))


class TwoCores:
    """Two analyser processes started once and kept, as rspamd keeps its workers: forked after
    every message is loaded (they inherit the bytes and the warmed-up rules), then handed index
    ranges — each takes every other message of a set."""

    def __init__(self, work: list[tuple[bytes, Any]]) -> None:
        import multiprocessing

        global _WORK
        _WORK = work
        self.pool = multiprocessing.get_context("fork").Pool(2)
        self.pool.map(_analyse_range, [(0, min(20, len(work)), 1)] * 2)  # warm up both

    def run(self, start: int, stop: int) -> float:
        t0 = time.perf_counter()
        self.pool.map(_analyse_range, [(start, stop, 2), (start + 1, stop, 2)], chunksize=1)
        return time.perf_counter() - t0

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-rspamd", action="store_true")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rules = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        ja_rules = load_rules(japanese_rules_file(Path(tmp)))
    loaded = []
    for s in sets():
        msgs = [d for _, d in s.load()]
        if msgs:
            loaded.append((s.name, msgs, ja_rules if s.japanese else rules))
    for _, msgs, r in loaded:  # warm up: hyperscan database, SudachiPy dictionary, caches
        for d in msgs[:20]:
            analyze(d, r)
    work = [(d, r) for _, msgs, r in loaded for d in msgs]
    spans, at = {}, 0
    for name, msgs, _ in loaded:
        spans[name] = (at, at + len(msgs))
        at += len(msgs)
    cores = TwoCores(work)
    rs = None
    stack = None
    if not args.no_rspamd:
        from contextlib import ExitStack

        from benchmarks import _rspamd

        stack = ExitStack()
        rs = stack.enter_context(_rspamd.running(workers=2))
        rs.check_all([msgs[0] for _, msgs, _ in loaded])  # warm up its connections
    per_set: dict[str, dict[str, list[float]]] = {name: {} for name, _, _ in loaded}
    try:
        for _ in range(args.rounds):
            for name, msgs, r in loaded:
                fig = per_set[name]
                t0 = time.perf_counter()
                for d in msgs:
                    email.message_from_bytes(d, policy=email.policy.compat32)
                fig.setdefault("stdlib", []).append(len(msgs) / (time.perf_counter() - t0))
                t0 = time.perf_counter()
                for d in msgs:
                    analyze(d, r)
                fig.setdefault("one", []).append(len(msgs) / (time.perf_counter() - t0))
                fig.setdefault("two", []).append(len(msgs) / cores.run(*spans[name]))
                if rs is not None:
                    _, seconds = rs.check_all(msgs, concurrency=8)
                    fig.setdefault("rspamd", []).append(len(msgs) / seconds)
    finally:
        cores.close()
        if stack is not None:
            stack.close()
    total = sum(len(m) for _, m, _ in loaded)
    print(f"median of {args.rounds} rounds, messages/s:")
    for name, msgs, _ in loaded:
        fig = {k: statistics.median(v) for k, v in per_set[name].items()}
        line = (
            f"  {name} ({len(msgs)}): mailwarden one core {fig['one']:.0f}, two cores {fig['two']:.0f}"
            f" — stdlib parsing alone {fig['stdlib']:.0f} on one core"
        )
        if "rspamd" in fig:
            ratio = fig["two"] / fig["rspamd"]
            line += f"; rspamd two workers {fig['rspamd']:.0f} — ratio mailwarden/rspamd {ratio:.2f}"
        print(line)
    # overall: total messages over total time, per round, then the median
    rounds = range(args.rounds)

    def overall(key: str) -> float:
        return statistics.median(
            total / sum(len(m) / per_set[n][key][i] for n, m, _ in loaded) for i in rounds
        )

    line = f"  all {total}: mailwarden one core {overall('one'):.0f}, two cores {overall('two'):.0f}"
    if rs is not None:
        line += f"; rspamd {overall('rspamd'):.0f} — ratio {overall('two') / overall('rspamd'):.2f}"
    print(line)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS of this process {rss:.0f} MB")
    folder = CORPUS / "csdmc2010-ham"
    env = {**os.environ, "MAILWARDEN_LANG": "en", "PYTHONPATH": str(ROOT / "src")}
    t0 = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mailwarden",
            "scan",
            "--offline",
            "--no-history",
            "--format",
            "jsonl",
            str(folder),
        ],
        capture_output=True,
        env=env,
    )
    wall = time.perf_counter() - t0
    n = proc.stdout.count(b"\n")
    print(f"command, {folder.name}: {n} messages in {wall:.1f}s = {n / wall:.0f} msg/s (start-up included)")


if __name__ == "__main__":
    main()
