"""Benchmark: `mailwarden dmarc ingest` of generated aggregate reports into SQLite, and
parsedmarc (offline, its own venv) parsing the same small reports in the same run.

    .venv/bin/python benchmarks/dmarc_ingest.py [--small 1000] [--big 2] [--big-records 100000] [--million]

Reports imitate several reporters: Google style (no namespace, gzip), Outlook.com style
(xsd/xsi namespaces, plain XML), RFC 9990 (dmarc-2.0 namespace, zip). Prints reports/s,
records/s and peak RSS of the ingest process; parsedmarc's records/s on the small set and
the ratio. With --ptr, `dmarc summary` of the small reports then runs with reverse DNS through a
resolver that answers after 20 ms (NSD behind a delaying relay) and without it.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT / ".venv-peers" / "bin" / "python"

STYLES = ("google", "outlook", "rfc9990")


def record(rnd: random.Random) -> str:
    ip = f"{rnd.randint(1, 223)}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"
    dkim = rnd.choice(["pass", "pass", "fail"])
    spf = rnd.choice(["pass", "fail", "softfail"])
    return (
        f"<record><row><source_ip>{ip}</source_ip><count>{rnd.randint(1, 500)}</count><policy_evaluated>"
        f"<disposition>none</disposition><dkim>{dkim}</dkim><spf>{'pass' if spf == 'pass' else 'fail'}</spf>"
        f"</policy_evaluated></row><identifiers><header_from>example.co.jp</header_from>"
        f"<envelope_from>mail.example.co.jp</envelope_from></identifiers><auth_results><dkim>"
        f"<domain>example.co.jp</domain><selector>s1</selector><result>{dkim}</result></dkim><spf>"
        f"<domain>mail.example.co.jp</domain><scope>mfrom</scope><result>{spf}</result></spf>"
        f"</auth_results></record>\n"
    )


def head(style: str, rid: str, begin: int) -> str:
    root = {
        "google": "<feedback>",
        "outlook": '<feedback xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        "rfc9990": '<feedback xmlns="urn:ietf:params:xml:ns:dmarc-2.0">',
    }[style]
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{root}<version>1.0</version><report_metadata>'
        f"<org_name>{style}.example</org_name><email>noreply@{style}.example</email>"
        f"<report_id>{rid}</report_id><date_range><begin>{begin}</begin><end>{begin + 86399}</end>"
        f"</date_range></report_metadata><policy_published><domain>example.co.jp</domain><adkim>r</adkim>"
        f"<aspf>r</aspf><p>none</p><sp>none</sp></policy_published>\n"
    )


def write_report(path: Path, style: str, rid: str, n: int, rnd: random.Random) -> Path:
    begin = 1_760_000_000 + rnd.randint(0, 86400 * 30)
    if style == "google":
        path = path.with_suffix(".xml.gz")
        with gzip.open(path, "wt", compresslevel=6) as fh:
            fh.write(head(style, rid, begin))
            for _ in range(n):
                fh.write(record(rnd))
            fh.write("</feedback>\n")
    elif style == "rfc9990":
        path = path.with_suffix(".zip")
        body = io.StringIO()
        body.write(head(style, rid, begin))
        for _ in range(n):
            body.write(record(rnd))
        body.write("</feedback>\n")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(path.stem + ".xml", body.getvalue())
    else:
        path = path.with_suffix(".xml")
        with path.open("w") as fh:
            fh.write(head(style, rid, begin))
            for _ in range(n):
                fh.write(record(rnd))
            fh.write("</feedback>\n")
    return path


def ingest(paths: list[Path], data_dir: Path) -> dict[str, float]:
    env = {**os.environ, "MAILWARDEN_DATA_DIR": str(data_dir), "MAILWARDEN_LANG": "en"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mailwarden", "dmarc", "ingest", *map(str, paths), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
    )
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr)
    data = json.loads(proc.stdout)
    records = sum(o["records"] for o in data["outcomes"] if o["status"] == "stored")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "wall": wall,
        "reports": data["counts"]["stored"],
        "records": records,
        "rss_mb": max(rss, before) / 1024,
        "counts": data["counts"],
    }


def in_process(paths: list[Path], data_dir: Path) -> dict[str, float]:
    """The same ingest without the command's start-up (imports, migration check): steady state."""
    sys.path.insert(0, str(ROOT))
    from mailwarden.core.store import open_store
    from mailwarden.dmarc.ingest import Ingestor

    data_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(url=f"sqlite:///{data_dir / 'mailwarden.db'}")
    t0 = time.perf_counter()
    outs = list(Ingestor(store).ingest_paths(paths))
    wall = time.perf_counter() - t0
    return {
        "wall": wall,
        "reports": sum(o.status == "stored" for o in outs),
        "records": sum(o.records for o in outs),
    }


PEER_SCRIPT = r"""
import sys, time, json, logging
logging.disable(logging.CRITICAL)
from parsedmarc import parse_report_file
t0 = time.perf_counter(); n = 0; reports = 0
for p in sys.argv[1:]:
    r = parse_report_file(p, offline=True)
    n += len(r["report"]["records"]); reports += 1
print(json.dumps({"wall": time.perf_counter() - t0, "records": n, "reports": reports}))
"""


def parsedmarc(paths: list[Path]) -> dict[str, float] | None:
    if not PEERS.exists():
        return None
    proc = subprocess.run([str(PEERS), "-c", PEER_SCRIPT, *map(str, paths)], capture_output=True, text=True)
    if proc.returncode != 0:
        print("parsedmarc failed:", proc.stderr[-500:])
        return None
    version = subprocess.run(
        [str(PEERS), "-c", "import parsedmarc; print(parsedmarc.__version__)"], capture_output=True, text=True
    ).stdout.strip()
    return {**json.loads(proc.stdout.strip().splitlines()[-1]), "version": version}


def ptr_figures(data_dir: Path) -> None:
    """Sender identification over the stored small reports: reverse DNS against a 20 ms resolver."""
    import asyncio

    from sqlalchemy import select

    sys.path.insert(0, str(ROOT))
    from tests.support.nsd import NsdServer, Zone

    from benchmarks._delay import DelayRelay
    from mailwarden.core.dns import Resolver
    from mailwarden.core.store import open_store
    from mailwarden.dmarc.analysis import summarise
    from mailwarden.dmarc.models import AggregateRecord

    store = open_store(url=f"sqlite:///{data_dir / 'mailwarden.db'}")
    with store.session() as s:
        ips = sorted(set(s.scalars(select(AggregateRecord.source_ip))))
    zone = Zone("in-addr.arpa")
    asn = Zone("asn.cymru.com")  # origin AS, asked for the sources nothing else names
    for i, ip in enumerate(ips):
        rev = ".".join(reversed(ip.split(".")))
        if i % 2 == 0:  # half the sources have a PTR name
            zone.add(rev + ".in-addr.arpa", "PTR", f"mail-{i}.sender.example.")
        origin = f'"{64500 + i % 1000} | {ip}/32 | JP | apnic | 2020-01-01"'
        asn.add(f"{rev}.origin.asn.cymru.com", "TXT", origin)
    with NsdServer([zone, asn]) as nsd:
        relay = DelayRelay(nsd.port, 0.020).start()
        try:
            t0 = time.perf_counter()
            offline = asyncio.run(summarise(store, "example.co.jp", resolver=None))
            t_off = time.perf_counter() - t0
            resolver = Resolver([relay.address], timeout=2.0, retries=1, concurrency=200)
            t0 = time.perf_counter()
            online = asyncio.run(summarise(store, "example.co.jp", resolver=resolver))
            t_on = time.perf_counter() - t0
        finally:
            relay.stop()
    n = len(online["sources"])
    named = sum(1 for r in online["sources"] if r["ptr"])
    # every source gets a PTR question; those nothing names also an origin-AS question
    asked_asn = sum(1 for r in online["sources"] if not r["evidence"] or r["evidence"].startswith("origin"))
    questions = n + asked_asn
    print(f"summary offline: {len(offline['sources'])} sources in {t_off:.1f}s")
    print(
        f"summary with reverse DNS and origin AS via a 20 ms resolver: {n} sources ({named} with PTR), "
        f"{questions} questions in {t_on:.1f}s = {questions / t_on:.0f} lookups/s "
        f"(sequential waiting would take {questions * 0.020:.0f}s)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=1000, help="small reports (5–20 records)")
    ap.add_argument("--big", type=int, default=2, help="big reports")
    ap.add_argument("--big-records", type=int, default=100_000)
    ap.add_argument("--million", action="store_true", help="also one report of 1,000,000 records (RSS)")
    ap.add_argument("--ptr", action="store_true", help="summary with reverse DNS via a 20 ms resolver")
    args = ap.parse_args()
    rnd = random.Random(5)
    with tempfile.TemporaryDirectory(prefix="mw-dmarc-bench-") as tmp:
        work = Path(tmp)
        small_dir, big_dir = work / "small", work / "big"
        small_dir.mkdir()
        big_dir.mkdir()
        t0 = time.perf_counter()
        small = [
            write_report(small_dir / f"r{i}", STYLES[i % 3], f"small-{i}", rnd.randint(5, 20), rnd)
            for i in range(args.small)
        ]
        big = [
            write_report(big_dir / f"b{i}", STYLES[i % 3], f"big-{i}", args.big_records, rnd)
            for i in range(args.big)
        ]
        if args.million:
            big.append(write_report(big_dir / "million", "google", "million", 1_000_000, rnd))
        print(f"generated {len(small)} small and {len(big)} big reports in {time.perf_counter() - t0:.1f}s")
        s = ingest(small, work / "db-small")
        rate = s["reports"] / s["wall"]
        print(
            f"mailwarden, {len(small)} small reports: {s['wall']:.1f}s = {rate:.0f} reports/s, "
            f"{s['records'] / s['wall']:.0f} records/s, peak RSS {s['rss_mb']:.0f} MB ({s['counts']})"
        )
        steady = in_process(small, work / "db-inproc")
        print(
            f"mailwarden in-process (no process start), same {len(small)} small reports: "
            f"{steady['reports'] / steady['wall']:.0f} reports/s, "
            f"{steady['records'] / steady['wall']:.0f} records/s"
        )
        for path in big:
            b = ingest([path], work / f"db-{path.stem}")
            print(
                f"mailwarden, one report of {b['records']} records ({path.suffix}): {b['wall']:.1f}s = "
                f"{b['records'] / b['wall']:.0f} records/s, peak RSS so far {b['rss_mb']:.0f} MB"
            )
            if b["records"] <= 200_000:
                st = in_process([path], work / f"db-inproc-{path.stem}")
                rate = st["records"] / st["wall"]
                print(f"  same report in-process (no process start): {rate:.0f} records/s")
        if args.ptr:
            ptr_figures(work / "db-small")
        peer = parsedmarc(small)
        if peer:
            prate = peer["records"] / peer["wall"]
            print(
                f"parsedmarc {peer['version']} offline, same {peer['reports']} small reports: "
                f"{peer['wall']:.1f}s = {prate:.0f} records/s, {peer['reports'] / peer['wall']:.1f} reports/s"
            )
            print(
                f"ratio mailwarden/parsedmarc (records/s, same input, mailwarden also stores): "
                f"{(s['records'] / s['wall']) / (peer['records'] / peer['wall']):.1f}x"
            )


if __name__ == "__main__":
    main()
