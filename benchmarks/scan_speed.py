"""Benchmark: messages/s of the full offline analysis, on one core and on two, beside rspamd on
the same messages in the same run.

    .venv/bin/python benchmarks/scan_speed.py [--no-rspamd] [--rounds 3] [--cli-only]

Two parts. **End to end** (``--cli-only`` runs only this part): every held-out message
(benchmarks/_corpora.py) is written as a .eml file into one folder, and per round, taking turns:

- ``mailwarden scan --offline --no-history --format jsonl FOLDER`` as a user runs it (the
  console script beside this interpreter, process start and imports included, bytecode
  compiled by a warm-up run), wall time and the CPU time of the command and its workers;
- rspamd (Debian's 3.4, two workers, already running as a daemon is: benchmarks/_rspamd.py) on
  the same folder through its own client, ``rspamc -n 8 FOLDER``, and on the same messages from
  memory through this script's HTTP client (8 keep-alive connections);
- the limit: the stdlib parse alone (``email.message_from_bytes``, policy compat32 as the
  analyser uses it) of the same messages from memory in two processes.

The median of the rounds and the per-round ratios are printed, then the command twice with the
link history on (its default; an empty store, then the same store again).

**In memory**, on every evaluation set (held-out and tuning parts alike: speed does not care),
per round:

- **mailwarden, one core**: ``analyze()`` over each set in this process, beside the stdlib
  parsing alone of the same bytes;
- **mailwarden, two cores**: two analyser processes started once and kept (as rspamd keeps
  its workers), each analysing every other message of the set;
- **rspamd, two workers**: the same messages posted to ``/checkv2`` over 8 keep-alive
  connections.
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

from benchmarks._corpora import HELD_OUT, japanese_rules_file, sets  # noqa: E402
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
    ap.add_argument(
        "--cli-only",
        action="store_true",
        help="only the end-to-end comparison of the command on held-out mail",
    )
    args = ap.parse_args()
    if args.cli_only:
        end_to_end(args.rounds, with_rspamd=not args.no_rspamd)
        return
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
    end_to_end(args.rounds, with_rspamd=not args.no_rspamd)


# ---------------------------------------------------------------------------------------------
# End to end: the command as a user runs it, on held-out mail, beside rspamd in the same run.

_PARSE: list[bytes] = []


def _parse_range(span: tuple[int, int, int]) -> int:
    start, stop, step = span
    for i in range(start, stop, step):
        email.message_from_bytes(_PARSE[i], policy=email.policy.compat32)
    return len(range(start, stop, step))


def _command() -> list[str]:
    """``mailwarden`` as installed beside this interpreter (the console script), else ``-m``."""
    script = Path(sys.executable).parent / "mailwarden"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mailwarden"]


def _held_out_folder(tmp: Path) -> tuple[Path, list[bytes]]:
    """Every held-out message written out as a .eml file in one folder, as a user would point
    the command at a folder of mail. (The quality benchmark analyses the Japanese sets with
    their company's rules; one command with the default rules does the same work per message.)"""
    folder = tmp / "held-out"
    folder.mkdir()
    msgs = [d for s in sets() if s.split == HELD_OUT for _, d in s.load()]
    for i, data in enumerate(msgs):
        (folder / f"{i:05d}.eml").write_bytes(data)
    return folder, msgs


def _run_command(folder: Path, n: int, env: dict[str, str], *extra: str) -> tuple[float, float]:
    """Wall and CPU seconds (the command and its worker processes) of ``mailwarden scan
    --offline --format jsonl`` on ``folder``, checked to give one row per message."""
    cmd = [*_command(), "scan", "--offline", "--format", "jsonl", *extra, str(folder)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    rows = proc.stdout.count(b"\n")
    if proc.returncode not in (0, 1) or rows != n:  # 1: some message was flagged
        raise RuntimeError(
            f"{cmd}: exit {proc.returncode}, {rows} rows for {n} messages\n{proc.stderr[-2000:]!r}"
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _rspamc(port: int, folder: Path, n: int) -> tuple[float, float]:
    """Wall and CPU seconds (of rspamc) of rspamd's own client on the same folder (8 requests
    in flight)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(["rspamc", "-h", f"127.0.0.1:{port}", "-n", "8", str(folder)], capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = proc.stdout.count(b"Results for file:")
    if proc.returncode != 0 or done != n:
        raise RuntimeError(f"rspamc: exit {proc.returncode}, {done} results for {n} messages")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def end_to_end(rounds: int, *, with_rspamd: bool) -> None:
    """``mailwarden scan --offline --format jsonl FOLDER`` on the held-out mail, process start
    included, beside rspamd (already running, as a daemon is) on the same messages — through
    its own client ``rspamc`` on the same folder, and through this script's HTTP client from
    memory — and the limit: the stdlib parse of the same messages on two cores. The steps
    take turns starting each round; medians and per-round ratios are printed."""
    import multiprocessing
    from contextlib import ExitStack

    global _PARSE
    with tempfile.TemporaryDirectory(prefix="mailwarden-scan-e2e-") as tmp_name:
        tmp = Path(tmp_name)
        folder, msgs = _held_out_folder(tmp)
        n = len(msgs)
        # as installed: bytecode compiled (the warm-up run writes it), English output, and a
        # store of its own for the run with the link history on
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            MAILWARDEN_LANG="en",
            PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
            MAILWARDEN_DATABASE_URL=f"sqlite:///{tmp / 'store.sqlite'}",
        )
        _run_command(folder, n, env, "--no-history")
        # and with the history once, on a store of its own: the store's modules compiled too,
        # as an installed copy has them (the first measured run was otherwise ~2 s slower)
        _run_command(folder, n, {**env, "MAILWARDEN_DATABASE_URL": f"sqlite:///{tmp / 'warm.sqlite'}"})
        _PARSE = msgs
        pool = multiprocessing.get_context("fork").Pool(2)
        pool.map(_parse_range, [(0, min(50, n), 1)] * 2)
        stack = ExitStack()
        rs = None
        if with_rspamd:
            from benchmarks import _rspamd

            rs = stack.enter_context(_rspamd.running(workers=2))
            rs.check_all(msgs[:16])
        figures: dict[str, list[float]] = {}

        def stdlib() -> None:
            t0 = time.perf_counter()
            pool.map(_parse_range, [(0, n, 2), (1, n, 2)], chunksize=1)
            figures.setdefault("stdlib parse, two cores", []).append(n / (time.perf_counter() - t0))

        def command() -> None:
            wall, cpu = _run_command(folder, n, env, "--no-history")
            figures.setdefault("mailwarden scan", []).append(n / wall)
            figures.setdefault("cpu", []).append(cpu / n * 1000)

        def rspamd_http() -> None:
            assert rs is not None
            _, seconds = rs.check_all(msgs, concurrency=8)
            figures.setdefault("rspamd, HTTP from memory", []).append(n / seconds)

        def rspamc() -> None:
            assert rs is not None
            server = rs.cpu_seconds()
            wall, client = _rspamc(rs.port, folder, n)
            figures.setdefault("rspamd, rspamc", []).append(n / wall)
            # rspamd's CPU: its main process and workers, and rspamc
            figures.setdefault("rspamd cpu", []).append((rs.cpu_seconds() - server + client) / n * 1000)

        steps = [command, stdlib] + ([rspamc, rspamd_http] if rs is not None else [])
        try:
            for i in range(rounds):
                turn = i % len(steps)
                for step in steps[turn:] + steps[:turn]:
                    step()
            with_history = [n / _run_command(folder, n, env)[0] for _ in range(2)]
        finally:
            pool.close()
            pool.join()
            stack.close()
    med = {k: statistics.median(v) for k, v in figures.items()}
    print(f"end to end, {n} held-out messages in one folder; median of {rounds} rounds (each round):")

    def each(key: str) -> str:
        return ", ".join(f"{x:.0f}" for x in figures[key])

    scan = med["mailwarden scan"]
    print(
        f"  mailwarden scan --offline --no-history --format jsonl: {scan:.0f} msg/s"
        f" ({each('mailwarden scan')}); CPU {med['cpu']:.2f} ms a message, the command and its workers"
    )
    print(
        "  the same with the link history on (the default; first run on an empty store, then again): "
        + ", ".join(f"{x:.0f}" for x in with_history)
        + " msg/s"
    )
    limit = med["stdlib parse, two cores"]
    print(
        f"  limit, stdlib parse (compat32) on two cores: {limit:.0f} msg/s"
        f" ({each('stdlib parse, two cores')})"
    )
    print(f"  share of the limit: {scan / limit:.2f}")
    for key in ("rspamd, rspamc", "rspamd, HTTP from memory"):
        if key in med:
            # each round's ratio (both sides met the same load), and their median
            per_round = [a / b for a, b in zip(figures["mailwarden scan"], figures[key], strict=True)]
            rounds_ = ", ".join(f"{r:.2f}" for r in per_round)
            print(
                f"  {key}: {med[key]:.0f} msg/s ({each(key)}) — ratio mailwarden / rspamd, median of"
                f" the rounds' {statistics.median(per_round):.2f} ({rounds_})"
            )
    if "rspamd cpu" in med:
        # CPU a message does not depend on what else the machine runs as much as messages/s do
        print(
            f"  CPU a message: mailwarden {med['cpu']:.2f} ms, rspamd (its processes and rspamc)"
            f" {med['rspamd cpu']:.2f} ms — ratio rspamd / mailwarden {med['rspamd cpu'] / med['cpu']:.2f}"
        )


if __name__ == "__main__":
    main()
