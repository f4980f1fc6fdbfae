"""The queue's own cost at equal concurrency, for ``scale_out.py``: the same survey in-process,
inline and queued, in rounds run back to back (``overhead``) or two runs started together
(``side_by_side``)."""

from __future__ import annotations

import argparse
import multiprocessing
import threading
import time
from pathlib import Path
from typing import Any

from tests.support.delayrelay import DelayRelay
from tests.support.postgres import PostgresServer

from benchmarks._survey_runs import EVERY, in_process, inline, queued

ORDERS = (
    ("in-process", "inline", "queue"),
    ("queue", "inline", "in-process"),
    ("inline", "queue", "in-process"),
    ("in-process", "queue", "inline"),
)


def run_mode(
    mode: str,
    pg: PostgresServer,
    listing: Path,
    ns: str,
    args: argparse.Namespace,
    work: Path,
    n: int,
    nsd_pid: int,
    ready: threading.Barrier | None = None,
) -> dict[str, Any]:
    """One survey of ``listing`` at equal concurrency: `domain survey` ("in-process"), the job
    run by `jobs survey` itself ("inline") or the job on one worker ("queue")."""
    equal = args.jobs_per_worker * args.chunk_concurrency
    if mode == "in-process":
        return in_process(listing, ns, equal, work, n, nsd_pid, ready)
    if mode == "inline":
        return inline(pg, listing, ns, equal, work, n, nsd_pid, ready)
    return queued(pg, 1, listing, ns, args, work, n, nsd_pid, ready)


def overhead(
    pg: PostgresServer,
    names: list[str],
    ns: str,
    args: argparse.Namespace,
    work: Path,
    nsd_pid: int,
    results: dict[str, Any],
    relay: DelayRelay,
) -> None:
    """The queue's cost at equal concurrency, in rounds run back to back (this machine's
    speed drifts by ±15% over minutes: only runs next to each other are comparable; inline and
    queue always are), the order turned each round (``ORDERS``): `domain survey` (rows to a
    file), the same job run inline by `jobs survey` (rows to PostgreSQL, no queue) and the job
    on the queue with one worker. The queue's own cost is queue against inline; against
    `domain survey` it also counts the writes to PostgreSQL. Medians of the rounds' ratios."""
    import statistics

    n = min(args.overhead_domains, len(names))
    listing = work / "overhead.txt"
    listing.write_text("\n".join(names[:n]) + "\n")
    equal = args.jobs_per_worker * args.chunk_concurrency
    print(
        f"\n### Queue overhead: {n:,} domains at {equal} at once: domain survey, the job inline, "
        "the job on one worker; the order turned each round"
    )
    modes = tuple(m for m in ("in-process", "inline", "queue") if m in args.overhead_modes.split(","))
    # inline and queue always next to each other, each first as often; domain survey first or last
    pairs = ("queue/inline", "queue/in-process", "inline/in-process")
    ratios: dict[str, list[float]] = {k: [] for k in pairs if set(k.split("/")) <= set(modes)}
    for r in range(args.overhead_rounds):
        order = tuple(m for m in ORDERS[r % len(ORDERS)] if m in modes)
        walls: dict[str, float] = {}
        for mode in order:
            asked = relay.questions
            got = run_mode(mode, pg, listing, ns, args, work, n, nsd_pid)
            walls[mode] = got["wall"]
            print(f"    {mode:10} busy a {EVERY:g} s tick (tenths of a core): {got['timeline']}")
            print(
                f"    {mode:10} {got['wall']:.1f} s; DNS questions {relay.questions - asked:,}; "
                f"CPU: {got['breakdown']}"
            )
        for key in ratios:
            a, b = key.split("/")
            ratios[key].append(walls[a] / walls[b])
        print(
            f"round {r + 1} ({', '.join(order)}): "
            + ", ".join(f"{m} {walls[m]:.1f} s" for m in modes)
            + "".join(f"; {k} {v[-1] - 1:+.1%}" for k, v in ratios.items())
        )
    medians = {k: statistics.median(v) for k, v in ratios.items()}
    results["overhead"] = {"domains": n, "ratios": ratios, "medians": medians}
    for key, values in ratios.items():
        print(f"median {key}: {medians[key] - 1:+.1%} (rounds {', '.join(f'{x - 1:+.1%}' for x in values)})")


def side_by_side(
    pg: PostgresServer,
    names: list[str],
    args: argparse.Namespace,
    work: Path,
    nsd_port: int,
    nsd_pid: int,
    results: dict[str, Any],
) -> None:
    """The queue's cost measured with both runs at the same time: the job inline and the job
    on one worker start together (a barrier), each asking through its own relay to the same
    NSD, so whatever the machine's speed does during a round it does to both (run one after
    the other, two runs of the same code differ by up to 26% here). Each run's progress is the
    DNS questions its relay has passed; a round's figure is the ratio of the times the two
    took to ask ``SHARE`` of their questions. Each relay is a process of its own (in one
    process they share one interpreter lock and become the bottleneck of both runs); they
    swap each round. ``--side-by-side-modes`` names the pairs, run in turn each round
    (``inline,inline/inline,queue``): the same code against itself gives the method's own
    error, in the same minutes.

    Both share what they do not own — PostgreSQL, NSD, the relays — so the queue's work inside
    PostgreSQL is counted half; the worker's and the hand-over's are counted whole."""
    import statistics

    n = min(args.overhead_domains, len(names))
    listing = work / "side-by-side.txt"
    listing.write_text("\n".join(names[:n]) + "\n")
    equal = args.jobs_per_worker * args.chunk_concurrency
    pairs = [tuple(p.split(",")) for p in args.side_by_side_modes.split("/")]
    for pair in pairs:
        assert len(pair) == 2 and set(pair) <= {"in-process", "inline", "queue"}, pair
    print(
        f"\n### Side by side: {n:,} domains at {equal} at once, two runs started together, each "
        f"through its own relay; progress read from each relay's questions; pairs in turn: "
        + "; ".join(f"{b} against {a}" for a, b in pairs)
    )
    relays = [RelayProcess(nsd_port, args.delay / 1000) for _ in range(2)]
    ratios: dict[str, list[float]] = {f"{b}/{a}": [] for a, b in pairs}
    try:
        for r in range(args.side_by_side_rounds):
            for a, b in pairs:
                ratio = _round(pg, listing, args, work, n, nsd_pid, [a, b], relays[r % 2], relays[1 - r % 2])
                ratios[f"{b}/{a}"].append(ratio)
                print(f"round {r + 1}: {b} against {a}, in the same minutes: {ratio - 1:+.1%}")
    finally:
        for relay in relays:
            relay.stop()
    results["side_by_side"] = {"domains": n, "ratios": ratios}
    for key, values in ratios.items():
        if not values:
            continue
        low, high = _bootstrap_median(values)
        rounds = ", ".join(f"{x - 1:+.1%}" for x in values)
        print(
            f"median {key.replace('/', ' against ')}: {statistics.median(values) - 1:+.1%} (a bootstrap "
            f"of the median: {low - 1:+.1%} to {high - 1:+.1%}; rounds {rounds})"
        )


def _round(
    pg: PostgresServer,
    listing: Path,
    args: argparse.Namespace,
    work: Path,
    n: int,
    nsd_pid: int,
    modes: list[str],
    relay_a: RelayProcess,
    relay_b: RelayProcess,
) -> float:
    """One round: how much longer the second mode took than the first, as a ratio of times."""
    relays = (relay_a, relay_b)
    start = [relay.questions for relay in relays]
    ready = threading.Barrier(3)
    got: list[dict[str, Any] | None] = [None, None]
    errors: list[BaseException] = []

    def run(k: int) -> None:
        try:
            got[k] = run_mode(modes[k], pg, listing, relays[k].address, args, work, n, nsd_pid, ready)
        except BaseException as exc:  # SystemExit included: reported below, the round fails
            errors.append(exc)
            ready.abort()

    threads = [threading.Thread(target=run, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    try:
        ready.wait(timeout=300)
    except threading.BrokenBarrierError:
        for t in threads:
            t.join()
        raise SystemExit(f"side by side: {errors[0] if errors else 'a run did not start'!r}") from None
    t0 = time.perf_counter()
    samples: list[tuple[float, int, int]] = []
    while any(t.is_alive() for t in threads):
        samples.append(
            (time.perf_counter() - t0, *(relay.questions - s for relay, s in zip(relays, start, strict=True)))
        )
        time.sleep(0.05)
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(f"side by side: {errors[0]!r}")
    walls = [g["wall"] for g in got if g is not None]
    totals = [relay.questions - s for relay, s in zip(relays, start, strict=True)]
    reached = [_when(samples, 1 + k, SHARE * totals[k]) for k in (0, 1)]
    print(
        f"    {modes[0]} {walls[0]:.1f} s, {totals[0]:,} questions, {SHARE:.0%} of them after "
        f"{reached[0]:.1f} s; {modes[1]} {walls[1]:.1f} s, {totals[1]:,} questions, {SHARE:.0%} after "
        f"{reached[1]:.1f} s"
    )
    return reached[1] / reached[0]


# A run's last questions wait on answers that never come (the corpus's broken domains time out
# after 2 s), so the two runs end within a timeout of each other whatever their speed; the
# rounds compare the time each took to ask this share of its questions, while both were busy.
SHARE = 0.9


def _when(samples: list[tuple[float, int, int]], column: int, target: float) -> float:
    """The seconds after which a relay had passed ``target`` questions, read between the two
    samples around that moment."""
    before = (0.0, 0, 0)
    for sample in samples:
        if sample[column] >= target:
            rise = sample[column] - before[column]
            share = (target - before[column]) / rise if rise else 1.0
            return before[0] + share * (sample[0] - before[0])
        before = sample
    return samples[-1][0] if samples else 0.0


def _bootstrap_median(values: list[float], draws: int = 10_000) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of the median of ``values`` resampled."""
    import random
    import statistics

    rnd = random.Random(0)
    medians = sorted(statistics.median(rnd.choices(values, k=len(values))) for _ in range(draws))
    return medians[int(0.025 * draws)], medians[int(0.975 * draws) - 1]


class RelayProcess:
    """A ``DelayRelay`` in a process of its own; ``questions`` read from it as it runs."""

    def __init__(self, upstream_port: int, delay: float) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._port = ctx.Value("i", 0)
        self._questions = ctx.Value("q", 0)
        self._proc = ctx.Process(
            target=_relay_main, args=(upstream_port, delay, self._port, self._questions), daemon=True
        )
        self._proc.start()
        deadline = time.monotonic() + 60
        while not self._port.value:
            if time.monotonic() > deadline or not self._proc.is_alive():
                raise SystemExit("the relay did not start")
            time.sleep(0.05)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self._port.value}"

    @property
    def questions(self) -> int:
        return int(self._questions.value)

    def stop(self) -> None:
        self._proc.terminate()
        self._proc.join(10)


def _relay_main(upstream_port: int, delay: float, port: Any, questions: Any) -> None:
    relay = DelayRelay(upstream_port, delay).start()
    port.value = relay.port
    while True:
        questions.value = relay.questions
        time.sleep(0.01)
