"""Benchmark: ``mailwarden cloud audit`` on a big moto account, beside Prowler limited to the
same checks and Regions, against the same server in the same run.

    .venv/bin/python benchmarks/cloud_audit.py [--users 2000] [--keys 4000] [--identities 300]
        [--region us-east-1 --region us-west-2 …] [--runs 3] [--prowler-runs 1]
        [--trail-events 1000000 | --no-trail] [--no-prowler]

The account: ``moto_server`` (the project's ``.venv/bin/moto_server``) as a separate process on a
free loopback port, seeded through boto3 by :func:`tests.support.aws_seed.seed_big` — 2,000 IAM
users, 4,000 access keys, 300 SES identities over 4 Regions, a few of each vulnerable kind.

Timed, end to end, as a user runs them (child processes; start-up and output included):

- (a) ``mailwarden cloud audit --endpoint-url URL --region R1 … R4 --format json --no-domains``;
- (b) Prowler 5.46.0 (``.venv-prowler``, ``make prowler``) with ``--checks`` = the Prowler checks
  our checks name in their ``controls`` and ``--region`` the same Regions, OCSF JSON output.

Medians of ``--runs`` (ours) and ``--prowler-runs`` runs. Per part: wall and CPU seconds of the
tool's process, CPU seconds the moto server spent answering it (from /proc), and for ours each
area's collect and the checks, timed in this process, with the API calls made; for Prowler its
fixed cost (one cheap check, one Region). Then, per Prowler check, its failures beside our
findings for the checks that name it. Finally ``benchmarks/cloud_trail.py``'s ``run(events)``
(CloudTrail analysis; skipped with ``--no-trail``).

Target from issue 20: the audit ≥ 5× faster than Prowler on the same account."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.support import aws_seed, prowler_run  # noqa: E402

BIN = ROOT / ".venv" / "bin"
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1"]
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


@dataclass
class Timing:
    wall: float
    cpu: float  # the tool's own process (and its children)
    server_cpu: float  # the moto server answering it


def timed(server_pid: int, run: Callable[[], Any]) -> tuple[Timing, Any]:
    cpu0, srv0, t0 = children_cpu(), proc_cpu(server_pid), time.perf_counter()
    result = run()
    wall = time.perf_counter() - t0
    return Timing(wall, children_cpu() - cpu0, proc_cpu(server_pid) - srv0), result


def median(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall for t in timings),
        statistics.median(t.cpu for t in timings),
        statistics.median(t.server_cpu for t in timings),
    )


def prowler_scope() -> dict[str, list[str]]:
    from mailwarden.cloud import codes
    from mailwarden.core.findings import registry

    assert codes.DEFS
    out: dict[str, list[str]] = defaultdict(list)
    for code, d in registry().items():
        for control in d.controls if code.startswith("cloud.") else ():
            standard, _, check = control.partition(":")
            if standard == "Prowler" and check:
                out[check].append(code)
    return dict(out)


def audit_command(endpoint: str, regions: list[str]) -> list[str]:
    cmd = [str(BIN / "mailwarden"), "cloud", "audit", "--endpoint-url", endpoint]
    for r in regions:
        cmd += ["--region", r]
    return [*cmd, "--format", "json", "--no-domains"]


def run_ours(endpoint: str, regions: list[str]) -> dict[str, Any]:
    env = aws_seed.env_for(endpoint)
    env["MAILWARDEN_LANG"] = "en"
    proc = subprocess.run(audit_command(endpoint, regions), env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1, 3):  # 1: a check failed; 3: a check could not be run
        raise RuntimeError(f"mailwarden cloud audit failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return dict(json.loads(proc.stdout))


def ours_parts(endpoint: str, regions: list[str]) -> list[tuple[str, float, int]]:
    """Each area's collect, then the checks, in this process, one after another: (part,
    seconds, API calls)."""
    from mailwarden.cloud import audit as audit_mod
    from mailwarden.cloud.model import Scope
    from mailwarden.cloud.session import open_context

    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(aws_seed.env_for(endpoint, saved))
    try:
        t0 = time.perf_counter()
        ctx = open_context(regions=regions, endpoint_url=endpoint)
        parts = [("open (sts:GetCallerIdentity)", time.perf_counter() - t0, len(ctx.calls))]
        collected = []
        for area in audit_mod.AREAS:
            before, t0 = len(ctx.calls), time.perf_counter()
            collected.append(area.collect(ctx))
            name = area.__name__.rsplit(".", 1)[-1]
            parts.append((f"collect {name}", time.perf_counter() - t0, len(ctx.calls) - before))
        ses_facts = collected[audit_mod.AREAS.index(audit_mod.ses)]
        t0 = time.perf_counter()
        scope = Scope(
            account_id=ctx.account_id,
            regions=tuple(ctx.regions),
            now=ctx.now,
            sending_regions=tuple(audit_mod._ses.sending_regions(ses_facts)),
            partition=ctx.partition,
        )
        for area, facts in zip(audit_mod.AREAS, collected, strict=True):
            area.check(facts, scope)
        parts.append(("checks (pure)", time.perf_counter() - t0, 0))
        by_service = Counter(c.service for c in ctx.calls)
        parts.append(
            ("calls by service: " + ", ".join(f"{s} {n}" for s, n in by_service.most_common()), 0.0, 0)
        )
        return parts
    finally:
        os.environ.clear()
        os.environ.update(saved)


def fmt(t: Timing) -> str:
    return f"{t.wall:7.2f}s wall, {t.cpu:7.2f}s CPU, moto server {t.server_cpu:6.2f}s CPU"


def trail_benchmark(events: int) -> None:
    path = ROOT / "benchmarks" / "cloud_trail.py"
    print(f"\nCloudTrail analysis (benchmarks/cloud_trail.py run({events})):")
    if not path.exists():
        print("  benchmarks/cloud_trail.py is not in the tree: skipped")
        return
    spec = importlib.util.spec_from_file_location("cloud_trail_bench", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.run(events)
    if isinstance(result, dict):
        for key, value in result.items():
            print(f"  {key}: {value}")
    elif result is not None:
        print(f"  {result}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=2000)
    ap.add_argument("--keys", type=int, default=4000)
    ap.add_argument("--identities", type=int, default=300)
    ap.add_argument("--region", action="append", help=f"repeatable (default: {' '.join(REGIONS)})")
    ap.add_argument("--runs", type=int, default=3, help="runs of our audit (the median is printed)")
    ap.add_argument("--prowler-runs", type=int, default=1, help="runs of Prowler (the median is printed)")
    ap.add_argument("--no-prowler", action="store_true")
    ap.add_argument("--trail-events", type=int, default=1_000_000)
    ap.add_argument("--no-trail", action="store_true")
    ap.add_argument("--workers", type=int, default=16, help="seeding threads")
    args = ap.parse_args()
    regions = args.region or REGIONS
    print("command: .venv/bin/python benchmarks/cloud_audit.py " + " ".join(sys.argv[1:]))
    print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    if not args.no_prowler and not prowler_run.available():
        sys.exit(prowler_run.MISSING)

    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=log
        )
        try:
            compare(args, server, endpoint, regions)
        finally:
            server.terminate()
            server.wait(timeout=30)
    if not args.no_trail:
        trail_benchmark(args.trail_events)


def compare(
    args: argparse.Namespace, server: subprocess.Popen[bytes], endpoint: str, regions: list[str]
) -> None:
    aws_seed.wait_for(endpoint)
    seeded = aws_seed.seed_big(
        endpoint,
        regions,
        users=args.users,
        keys=args.keys,
        identities=args.identities,
        workers=args.workers,
    )
    print(
        f"account: {seeded.users} users, {seeded.keys} access keys, {seeded.identities} SES identities, "
        f"{seeded.topics} SNS topics, {seeded.config_sets} configuration sets in {len(regions)} Regions "
        f"({' '.join(regions)}); seeded with {seeded.calls} calls in {seeded.seconds:.1f}s "
        f"(moto_server pid {server.pid}, {endpoint})"
    )
    scope = prowler_scope()

    print(f"\n(a) {' '.join(audit_command(endpoint, regions))}")
    ours: list[Timing] = []
    report: dict[str, Any] = {}
    for n in range(args.runs):
        t, report = timed(server.pid, lambda: run_ours(endpoint, regions))
        ours.append(t)
        print(f"  run {n + 1}: {fmt(t)}")
    ours_t = median(ours)
    print(f"  median of {args.runs}: {fmt(ours_t)}")
    counts = report.get("counts", {})
    our_findings = {c["check"]: len(c["findings"]) for c in report.get("checks", [])}
    print(
        f"  checks: {sum(counts.values())} ({counts}); findings: {sum(our_findings.values())}; "
        f"API actions used: {len(report.get('actions', []))}"
    )
    print("  per part (in this process, one after another):")
    for part, seconds, calls in ours_parts(endpoint, regions):
        print(
            f"    {part}"
            if not seconds and not calls
            else f"    {part:32s} {seconds:7.2f}s  {calls:6d} calls"
        )

    if args.no_prowler:
        print("\n(b) Prowler: skipped (--no-prowler)")
    else:
        checks = sorted(scope)
        print(f"\n(b) Prowler {prowler_run.VERSION}, {len(checks)} checks: {' '.join(checks)}")
        with tempfile.TemporaryDirectory() as tmp:
            print(f"  {' '.join(prowler_run.command(checks, regions, tmp + '/out'))}")
        theirs: list[Timing] = []
        prowler: Any = None
        for n in range(args.prowler_runs):
            t, prowler = timed(server.pid, lambda: prowler_run.run(endpoint, checks, regions))
            theirs.append(t)
            print(f"  run {n + 1}: {fmt(t)}")
        prowler_t = median(theirs)
        print(f"  median of {args.prowler_runs}: {fmt(prowler_t)}")
        print(f"  findings: {len(prowler.findings)}, of which FAIL {len(prowler.failures)}")
        fixed, _ = timed(server.pid, lambda: prowler_run.run(endpoint, ["securityhub_enabled"], regions[:1]))
        print(f"  per part: fixed cost (securityhub_enabled, one Region): {fmt(fixed)}")
        rest = prowler_t.wall - fixed.wall
        print(f"            the {len(checks)} checks on the account, less that: {rest:.2f}s wall")

        ratio = prowler_t.wall / ours_t.wall
        print(f"\nspeed: ours {ours_t.wall:.2f}s, Prowler {prowler_t.wall:.2f}s wall: {ratio:.1f}×")
        print(
            f"       CPU of the tools' processes: ours {ours_t.cpu:.2f}s, Prowler {prowler_t.cpu:.2f}s: "
            f"{prowler_t.cpu / max(ours_t.cpu, 1e-9):.1f}×"
        )
        print(
            f"       moto server CPU answering: ours {ours_t.server_cpu:.2f}s, "
            f"Prowler {prowler_t.server_cpu:.2f}s"
        )
        print(f"       target ≥ 5×: {'met' if prowler_t.wall >= 5 * ours_t.wall else 'NOT met'}")

        fails = Counter(f.check for f in prowler.failures)
        print("\nper Prowler check: Prowler FAIL rows | our findings on the checks that name it")
        for check in checks:
            mine = sum(our_findings.get(code, 0) for code in scope[check])
            print(f"  {check:60s} {fails.get(check, 0):6d} | {mine:6d}  ({', '.join(scope[check])})")


if __name__ == "__main__":
    main()
