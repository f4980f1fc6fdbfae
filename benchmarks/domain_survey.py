"""Benchmark: `mailwarden domain survey` over N synthetic zones served by NSD on loopback,
and checkdmarc against mailwarden on the same random sample in the same run.

    .venv/bin/python benchmarks/domain_survey.py N [--sample 300] [--concurrency 200] [--delay MS]

Prints domains/s, DNS queries per domain and peak RSS of the survey over all N domains; then
both tools on one sample of valid domains and the ratio. ``--delay MS`` puts a relay in front
of NSD that answers every question MS milliseconds late (a slow resolver, as on the internet),
for both tools. The limit: what NSD itself answers, measured with dnsperf (``make bench-deps``)
in the same run on the survey's kind of questions, divided by the survey's questions per
domain; the survey's share of it is printed. The sample leaves out domains with
MTA-STS or BIMI records: for those checkdmarc fetches over HTTPS through the system resolver,
which cannot answer in this sandbox, so its time there would measure our network, not it.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.delayrelay import DelayRelay  # noqa: E402
from tests.support.nsd import NsdServer  # noqa: E402

from benchmarks._zones import build  # noqa: E402


def nsd_answers_per_second(port: int, domains: list[str], work: Path, seconds: int = 8) -> float | None:
    """Questions NSD answers per second (dnsperf, 20 outstanding per client, 2 clients), on the
    names the survey asks: the domain's TXT and MX, _dmarc, two DKIM selectors, MTA-STS and
    TLS-RPT. None when dnsperf is not installed."""
    import re
    import shutil

    if shutil.which("dnsperf") is None:
        return None
    queries = work / "dnsperf.txt"
    with queries.open("w") as f:
        for d in domains[:5000]:
            f.write(
                f"{d} TXT\n{d} MX\n_dmarc.{d} TXT\ndefault._domainkey.{d} TXT\n"
                f"selector1._domainkey.{d} TXT\n_mta-sts.{d} TXT\n_smtp._tls.{d} TXT\n"
            )
    proc = subprocess.run(
        [
            "dnsperf",
            "-s",
            "127.0.0.1",
            "-p",
            str(port),
            "-d",
            str(queries),
            "-l",
            str(seconds),
            "-c",
            "2",
            "-q",
            "200",
            "-t",
            "2",
        ],
        capture_output=True,
        text=True,
    )
    m = re.search(r"Queries per second:\s+([\d.]+)", proc.stdout)
    return float(m.group(1)) if m else None


def run_mailwarden(
    inputs: list[str], ns: str, concurrency: int, work: Path, tag: str = "all"
) -> dict[str, Any]:
    listing = work / f"domains-{tag}.txt"
    listing.write_text("\n".join(inputs) + "\n")
    out = work / f"out-{tag}.jsonl"
    cmd = [
        sys.executable,
        "-m",
        "mailwarden",
        "domain",
        "survey",
        str(listing),
        "-n",
        ns,
        "--format",
        "json",
        "--output",
        str(out),
        "--concurrency",
        str(concurrency),
        "--timeout",
        "2",
    ]
    t0 = time.perf_counter()
    proc = subprocess.run(
        cmd, capture_output=True, text=True, env={"MAILWARDEN_LANG": "en", "PATH": "/usr/bin"}
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    summary = json.loads(proc.stdout)
    rows = sum(1 for _ in out.open())
    return {
        "domains": len(inputs),
        "rows": rows,
        "wall": wall,
        "rate": len(inputs) / wall,
        "queries_per_domain": summary["dns_queries"] / len(inputs),
        "rss_mb": rss_kb / 1024,
        "errors": summary["errors"],
        "summary": summary,
    }


def run_checkdmarc(sample: list[str], port: int) -> dict[str, Any]:
    import checkdmarc
    import dns.nameserver
    import dns.resolver

    res = dns.resolver.Resolver(configure=False)
    res.nameservers = [dns.nameserver.Do53Nameserver("127.0.0.1", port)]
    res.timeout = res.lifetime = 2.0
    t0 = time.perf_counter()
    checkdmarc.check_domains(sample, resolver=res, timeout=2.0)
    wall = time.perf_counter() - t0
    return {
        "domains": len(sample),
        "wall": wall,
        "rate": len(sample) / wall,
        "version": getattr(checkdmarc, "__version__", "?"),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--sample", type=int, default=300, help="domains given to both tools (0: skip)")
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--delay", type=float, default=0, help="ms every answer is held back (both tools)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    corpus = build(args.n)
    gen = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="mw-bench-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        nsd = NsdServer(corpus.zones, workdir=work / "nsd").start(timeout=300)
        load = time.perf_counter() - t0
        relay = DelayRelay(nsd.port, args.delay / 1000).start() if args.delay else None
        port = relay.port if relay else nsd.port
        address = f"127.0.0.1:{port}"
        try:
            qps = nsd_answers_per_second(nsd.port, corpus.inputs, work)
            ours = run_mailwarden(corpus.inputs, address, args.concurrency, work)
            peer = same = None
            if args.sample:
                valid = [d for d in corpus.inputs if len(d.split(".")[0]) <= 63 and d not in corpus.fetching]
                sample = random.Random(1).sample(valid, min(args.sample, len(valid)))
                same = run_mailwarden(sample, address, args.concurrency, work, tag="sample")
                peer = run_checkdmarc(sample, port)
        finally:
            if relay is not None:
                relay.stop()
            nsd.stop()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"zones: {len(corpus.zones)} generated in {gen:.1f}s, NSD loaded them in {load:.1f}s")
    print(
        f"mailwarden survey: {ours['domains']} domains in {ours['wall']:.1f}s = "
        f"{ours['rate']:.0f} domains/s; "
        f"{ours['queries_per_domain']:.1f} DNS queries/domain; peak RSS {ours['rss_mb']:.0f} MB; "
        f"{ours['errors']} errors counted apart; {ours['rows']} JSONL rows"
        + (f"; every answer {args.delay:g} ms late" if args.delay else "")
    )
    if qps:
        limit = qps / ours["queries_per_domain"]
        print(
            f"limit: NSD answers {qps:,.0f} questions/s (dnsperf, same run) = {limit:,.0f} domains/s "
            f"at {ours['queries_per_domain']:.1f} questions a domain; the survey is at "
            f"{ours['rate'] / limit:.0%} of it"
        )
    else:
        print("limit: not measured (dnsperf is not installed: make bench-deps)")
    if peer and same:
        print(
            f"same sample of {peer['domains']} domains: mailwarden {same['rate']:.0f} domains/s "
            f"(process start included); checkdmarc {peer['version']} (sequential, as its CLI runs) "
            f"{peer['rate']:.1f} domains/s"
        )
        print(f"ratio mailwarden/checkdmarc on the same input: {same['rate'] / peer['rate']:.1f}x")
    adoption = {a["metric"]: a["share"] for a in ours["summary"]["adoption"]}
    print("adoption: " + ", ".join(f"{k} {v * 100:.0f}%" for k, v in adoption.items() if v is not None))


if __name__ == "__main__":
    main()
