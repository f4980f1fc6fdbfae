"""Benchmark: phishing-awareness simulations (issue 18), the three figures the issue names.

    .venv/bin/python benchmarks/campaign.py [--recipients 10000] [--seeds 101,102,103]
        [--seconds 20] [--connections 16] [--only classify|together]

1. **Classification** (simulate/tracking.py) on labelled campaigns generated from the
   documented behaviours of scanners and people (tests/support/sim_events.py), with seeds the
   tests do not use: accuracy, automated hits caught, human hits kept, per behaviour; and the
   classification rate (hits/s, the campaign's context included). Target: >= 98% correct.
2. **Sending while the tracking server is under load**: a ``--recipients`` campaign handed to
   a local relay (an accept-everything aiosmtpd sink in its own process) by ``send_due``
   (benchmarks/campaign_send.py), while ``mailwarden campaign tracking-server`` is loaded by
   wrk (benchmarks/campaign_tracking.py) — both on this machine's two cores at once, each on a
   SQLite store of its own. Targets: >= 200 messages/s handed to the relay; tracking >= 2,000
   hits/s with p99 <= 20 ms; every hit stored.

Nothing is asserted; the figures are printed. The machine's load average before each part is
printed too: the figures move with what else runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

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


def together(recipients: int, seconds: int, connections: int) -> None:
    """Send campaigns of ``recipients`` one after another for as long as the tracking server is
    loaded, so that its whole measured window is under sending; print both sides and when each
    ran (seconds from the start)."""
    import tempfile
    import threading

    import campaign_send
    import campaign_tracking

    # Alembic's migrations are not for two threads of one process at once: one at a time
    lock = threading.Lock()
    for module in (campaign_send, campaign_tracking):
        opener = module.open_store

        def locked(*args: Any, _open: Any = opener, **kwargs: Any) -> Any:
            with lock:
                return _open(*args, **kwargs)

        module.open_store = locked  # type: ignore[attr-defined]
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    t0 = time.perf_counter()
    runs: list[tuple[float, float, dict[str, object]]] = []
    done = threading.Event()

    def send() -> None:
        while not done.is_set():
            r = campaign_send.run(recipients, end_to_end=False)
            d = r["send_due"]
            assert isinstance(d, dict)
            end = time.perf_counter() - t0
            runs.append((end - float(d["seconds"]), end, d))

    sender = threading.Thread(target=send)
    with tempfile.TemporaryDirectory(prefix="mw-bench-together-") as tmp:
        sender.start()
        load = campaign_tracking.run(
            f"sqlite:///{tmp}/tracking.db", seconds=seconds, connections=connections, recipients=recipients
        )
        tracked_until = time.perf_counter() - t0
        done.set()
        sender.join()
    for start, end, d in runs:
        print(
            f"sending ({start:.0f}-{end:.0f} s): {d['sent']:,} messages handed to the relay in "
            f"{d['seconds']} s = {d['messages_per_second']:,} messages/s (target >= 200); "
            f"all sent: {d['all_sent']}"
        )
    # the measured window is the last ``seconds`` before the server was stopped
    print(f"tracking measured from ~{tracked_until - seconds - 2:.0f} s to ~{tracked_until - 2:.0f} s:")
    campaign_tracking.show("tracking while sending", load)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--recipients", type=int, default=10_000)
    ap.add_argument("--seeds", default="101,102,103")
    ap.add_argument("--seconds", type=int, default=20, help="seconds of measured tracking load")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--only", choices=("classify", "together"))
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    if args.only in (None, "classify"):
        classify_run(args.recipients, [int(s) for s in args.seeds.split(",")])
    if args.only in (None, "together"):
        together(args.recipients, args.seconds, args.connections)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
