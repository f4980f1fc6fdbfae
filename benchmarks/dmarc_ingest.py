"""Benchmark: `mailwarden dmarc ingest` of generated aggregate reports into SQLite, and
parsedmarc (offline, its own venv) parsing the same reports in the same run.

    .venv/bin/python benchmarks/dmarc_ingest.py [--small 2000] [--mixed-big 200000]
        [--big 2] [--big-records 100000] [--million] [--ptr]

Reports imitate several reporters: Google style (no namespace, gzip), Outlook.com style
(xsd/xsi namespaces, plain XML), RFC 9990 (dmarc-2.0 namespace, zip).

The headline is the mixed corpus (issue 23): the small reports plus one report of
--mixed-big records, ingested by one `mailwarden dmarc ingest` command as a user runs it
(process start included), parsedmarc on the same files, the ratio, and the share of the
limit measured in the same run: lxml's parse alone (iterparse of every record, nothing
converted) plus SQLite's insert alone (the same rows, executemany), spread over two cores.
Then, as before: the small reports alone, each big report alone, in process, and with --ptr
`dmarc summary` with reverse DNS through a resolver that answers after 20 ms.
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
from typing import Any

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


def ingest(paths: list[Path], data_dir: Path, url: str | None = None) -> dict[str, float]:
    env = {**os.environ, "MAILWARDEN_DATA_DIR": str(data_dir), "MAILWARDEN_LANG": "en"}
    if url:
        env["MAILWARDEN_DATABASE_URL"] = url
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cmd = [sys.executable, "-m", "mailwarden", "dmarc", "ingest", *map(str, paths), "--format", "json"]
    # The command's own peak (its parser processes included). Linux counts a child's memory
    # before exec into its peak, so a child of this (large) process would report this
    # process's size: GNU time, small itself, starts the command and reports its peak.
    gnu_time = Path("/usr/bin/time")
    with (
        tempfile.NamedTemporaryFile() as peak,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        if gnu_time.exists():
            cmd = [str(gnu_time), "-f", "%M", "-o", peak.name, *cmd]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
        own_kb = int(Path(peak.name).read_text().split()[-1]) if gnu_time.exists() else usage.ru_maxrss
    if proc.returncode not in (0, 1):
        raise SystemExit(stderr)
    data = json.loads(stdout)
    records = sum(o["records"] for o in data["outcomes"] if o["status"] == "stored")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "wall": wall,
        "reports": data["counts"]["stored"],
        "records": records,
        "rss_mb": max(rss, before) / 1024,
        "own_rss_mb": own_kb / 1024,
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


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _parse_only(docs: list[bytes]) -> int:
    from lxml import etree

    n = 0
    for doc in docs:
        for _event, elem in etree.iterparse(io.BytesIO(doc), events=("end",), tag="{*}record"):
            n += 1
            elem.clear(keep_tail=True)
            parent = elem.getparent()
            while parent is not None and elem.getprevious() is not None:
                del parent[0]
    return n


def _empty_store(db: Path) -> Any:
    from mailwarden.core.store import open_store

    db.mkdir()
    return open_store(url=f"sqlite:///{db / 'mailwarden.db'}")  # schema made here, not timed


def _insert_only(reports: list[list[tuple[object, ...]]], store: Any) -> None:
    from mailwarden.dmarc.sql import statements

    sql = statements("qmark")
    raw = store.engine.raw_connection()
    cur = raw.cursor()
    report_row = ("o", "e", "r", "example.co.jp", 0, 0, "{}", "", "", 0, 0, "[]", "", b"", "2026-01-01")
    cur.execute("BEGIN")  # the store's SQLite connections leave transactions to the caller
    for i, rows in enumerate(reports):
        cur.execute(sql.report, (*report_row[:2], f"r{i}", *report_row[3:]))
        pk = cur.fetchone()[0]
        prefix = (pk, "example.co.jp", 0)
        for j in range(0, len(rows), 500):
            cur.executemany(sql.records, [prefix + row for row in rows[j : j + 500]])
    raw.commit()
    raw.close()
    store.engine.dispose()


def limit(paths: list[Path], work: Path) -> dict[str, float]:
    """What the job cannot beat here and now: lxml parsing every record (nothing converted)
    and SQLite inserting the same rows (nothing parsed), first each alone, then as the ideal
    pipeline — the parse split over two forked processes while this one inserts — under the
    same load as the job."""
    import multiprocessing

    from mailwarden.dmarc.aggregate import AggregateParser

    docs = []
    for path in paths:
        if path.name.endswith(".gz"):
            docs.append(gzip.decompress(path.read_bytes()))
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                docs.append(zf.read(zf.namelist()[0]))
        else:
            docs.append(path.read_bytes())
    reports = []
    for doc in docs:
        parser = AggregateParser(io.BytesIO(doc))
        parser.header()
        reports.append([row for rows in parser.batches(500) for row in rows])
    t0 = time.perf_counter()
    n = _parse_only(docs)
    t_parse = time.perf_counter() - t0
    store = _empty_store(work / "db-limit-1")
    t0 = time.perf_counter()
    _insert_only(reports, store)
    t_insert = time.perf_counter() - t0
    # the documents dealt by size to the less loaded process; a big report goes whole to one,
    # as it must: one document is one parse
    shares: list[list[bytes]] = [[], []]
    for doc in sorted(docs, key=len, reverse=True):
        min(shares, key=lambda share: sum(map(len, share))).append(doc)
    ctx = multiprocessing.get_context("fork")
    store = _empty_store(work / "db-limit-2")
    t0 = time.perf_counter()
    procs = [ctx.Process(target=_parse_only, args=(share,)) for share in shares]
    for proc in procs:
        proc.start()
    _insert_only(reports, store)
    for proc in procs:
        proc.join()
    t_pipeline = time.perf_counter() - t0
    return {
        "records": n,
        "parse": t_parse,
        "insert": t_insert,
        "pipeline": t_pipeline,
        "rate": n / t_pipeline,
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
    from tests.support.delayrelay import DelayRelay
    from tests.support.nsd import NsdServer, Zone

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
    ap.add_argument("--small", type=int, default=2000, help="small reports (5–20 records)")
    ap.add_argument("--mixed-big", type=int, default=200_000, help="records of the mixed corpus's big report")
    ap.add_argument("--big", type=int, default=2, help="big reports")
    ap.add_argument("--big-records", type=int, default=100_000)
    ap.add_argument("--million", action="store_true", help="also one report of 1,000,000 records (RSS)")
    ap.add_argument(
        "--postgres", action="store_true", help="also the mixed corpus into a throwaway PostgreSQL"
    )
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
        mixed = [*small]
        if args.mixed_big:
            (work / "mixed").mkdir()
            mixed.insert(0, write_report(work / "mixed" / "big", "google", "mixed-big", args.mixed_big, rnd))
        print(
            f"generated {len(small)} small and {len(big) + 1} big reports in {time.perf_counter() - t0:.1f}s"
        )
        mixed_figures(mixed, work)
        if args.postgres:
            postgres_figures(mixed, work)
        s = ingest(small, work / "db-small")
        rate = s["reports"] / s["wall"]
        print(
            f"mailwarden, {len(small)} small reports: {s['wall']:.1f}s = {rate:.0f} reports/s, "
            f"{s['records'] / s['wall']:.0f} records/s, peak RSS {s['own_rss_mb']:.0f} MB ({s['counts']})"
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
                f"{b['records'] / b['wall']:.0f} records/s, peak RSS {b['own_rss_mb']:.0f} MB"
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


def postgres_figures(mixed: list[Path], work: Path, pairs: int = 2) -> None:
    """The mixed corpus into PostgreSQL: the command (rows through COPY), then in process COPY
    and INSERT (executemany) alternated, A B A B, on fresh databases."""
    import statistics

    sys.path.insert(0, str(ROOT))
    from tests.support.postgres import PostgresServer

    from mailwarden.core.store import open_store
    from mailwarden.dmarc.ingest import Ingestor

    server = PostgresServer().start()
    try:
        m = ingest(mixed, work / "db-pg", url=server.create_database("mw_bench_cli"))
        print(
            f"POSTGRES: `dmarc ingest` of the mixed corpus (COPY): {m['wall']:.2f}s = "
            f"{m['records'] / m['wall']:.0f} records/s"
        )
        times: dict[bool, list[float]] = {True: [], False: []}
        for i in range(pairs):
            for copy in (True, False):
                store = open_store(url=server.create_database(f"mw_bench_{i}_{int(copy)}"))
                t0 = time.perf_counter()
                outs = list(Ingestor(store, copy=copy).ingest_paths(mixed))
                times[copy].append(time.perf_counter() - t0)
                store.engine.dispose()
        records = sum(o.records for o in outs)
        c, x = statistics.median(times[True]), statistics.median(times[False])
        print(
            f"POSTGRES: in process, {records} records, median of {pairs}: COPY {c:.2f}s "
            f"({records / c:.0f} records/s), INSERT {x:.2f}s ({records / x:.0f} records/s), "
            f"ratio {x / c:.2f}x"
        )
    finally:
        server.stop()


def mixed_figures(mixed: list[Path], work: Path) -> None:
    """The issue's measure: the command on the mixed corpus, parsedmarc on the same files, the
    limit measured alongside."""
    m = ingest(mixed, work / "db-mixed")
    rate = m["records"] / m["wall"]
    print(
        f"MIXED: mailwarden `dmarc ingest`, {len(mixed)} reports ({m['records']} records): "
        f"{m['wall']:.2f}s = {rate:.0f} records/s, {m['reports'] / m['wall']:.0f} reports/s, "
        f"peak RSS {m['own_rss_mb']:.0f} MB "
        f"({m['counts']})"
    )
    lim = limit(mixed, work)
    print(
        f"MIXED: limit on this machine now: lxml parse alone {lim['parse']:.2f}s "
        f"({lim['parse'] / lim['records'] * 1e6:.1f} µs/record), SQLite insert alone {lim['insert']:.2f}s "
        f"({lim['insert'] / lim['records'] * 1e6:.1f} µs/record); together (parse in two processes "
        f"while this one inserts) {lim['pipeline']:.2f}s = {lim['rate']:.0f} records/s: "
        f"mailwarden reaches {rate / lim['rate']:.0%} of this limit"
    )
    peer = parsedmarc(mixed)
    if peer:
        prate = peer["records"] / peer["wall"]
        print(
            f"MIXED: parsedmarc {peer['version']} offline, same {peer['reports']} reports: "
            f"{peer['wall']:.1f}s = {prate:.0f} records/s"
        )
        print(
            f"MIXED: ratio mailwarden/parsedmarc {rate / prate:.1f}x (target 50x; the limit is "
            f"{lim['rate'] / prate:.1f}x parsedmarc)"
        )
    else:
        print("MIXED: parsedmarc not installed in .venv-peers (see the Makefile's bench target)")


if __name__ == "__main__":
    main()
