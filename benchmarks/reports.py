"""Benchmark: staff reports (issue 17).

    .venv/bin/python benchmarks/reports.py [--api 600] [--stored 100000] [--probe 300]

1. Reports through the API end to end, as the report buttons send them: a real
   `mailwarden serve` process on SQLite, an API token, POST /api/reports from four client
   threads — each report stored, analysed (once per distinct message) and clustered. Prints
   reports/s. The messages: 60 phishing campaigns of varied text, each reported by several
   staff, and one-off reports.
2. Cluster assignment against --stored reports already stored (clusters and their keys
   written in bulk, as that many reports would have left them): the time to store, analyse
   and cluster one new report (`ingest_report`), and of the cluster lookup alone, p50/p99.
3. With --page: the console's queue page (/reports) for that store, served p50/p99.

Targets (issue 17): >= 100 reports/s on two cores; cluster assignment p99 <= 20 ms at
100,000 reports; the queue page <= 300 ms.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reports import corpus  # noqa: E402  (the report shapes the tests use)

LURES = [
    "【重要】アカウントの確認をお願いします",
    "請求書の確認（{n}月分）",
    "不在通知：お荷物をお届けできませんでした",
    "Microsoft 365 パスワードの有効期限",
    "人事評価の入力期限について",
    "経費精算の差し戻し",
    "Your mailbox is almost full",
    "Action required: verify your payment",
]


def campaign(i: int, to: str) -> bytes:
    """Campaign ``i`` as the mailbox ``to`` received it: every recipient's copy has the same
    sender, links and text (as an attack sends it), the To line differs."""
    own = random.Random(i)
    domain = f"lure{i}-{own.randint(100, 999)}.example"
    words = " ".join(
        own.choice(["至急", "確認", "お願いします", "期限", "アカウント", "停止", "支払い"])
        for _ in range(30)
    )
    return corpus.phish(
        to,
        subject=LURES[i % len(LURES)].format(n=i % 12 + 1) + f" #{i}",
        sender=f"Support <info@{domain}>",
        link=f"https://{domain}/login?id={i}",
        body=f"{words}\nhttps://{domain}/login?id={i}\n",
    )


#: reports posted before the clock starts
WARM = 8


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def serve(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = 18000 + os.getpid() % 1000
    env = {**os.environ, "MAILWARDEN_DATA_DIR": str(data), "MAILWARDEN_LANG": "en"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mailwarden", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(data / "server.log", "w"),  # noqa: SIM115 - kept for the process's life
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/healthz", timeout=2.0).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the console did not start")


def api_run(n: int, one_off: float) -> None:
    rnd = random.Random(17)
    bodies = []
    for i in range(n):
        # one of 60 campaigns, reported by many; or (the share one_off) a report of its own
        who = f"staff{i}@example.co.jp"
        msg = campaign(rnd.randrange(60), who) if rnd.random() >= one_off else campaign(1000 + i, who)
        bodies.append({"message": base64.b64encode(msg).decode(), "reporter": f"staff{i}@example.co.jp"})
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        env = {**os.environ, "MAILWARDEN_DATA_DIR": str(data), "MAILWARDEN_LANG": "en"}
        made = subprocess.run(
            [sys.executable, "-m", "mailwarden", "token", "create", "bench"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        token = next(w for w in made.stdout.split() if w.startswith("mwr_"))
        proc, base = serve(data)
        try:
            queue = list(enumerate(bodies))
            lock = threading.Lock()
            statuses: list[int] = []

            def worker() -> None:
                with httpx.Client(base_url=base, timeout=60.0) as client:
                    while True:
                        with lock:
                            if not queue:
                                return
                            _, body = queue.pop()
                        r = client.post(
                            "/api/reports", json=body, headers={"Authorization": f"Bearer {token}"}
                        )
                        statuses.append(r.status_code)

            # warm: the server's first reports start its intake processes (once, at first use)
            with httpx.Client(base_url=base, timeout=60.0) as client:
                for i in range(WARM):
                    body = {
                        "message": base64.b64encode(campaign(5000 + i, "warm@example.co.jp")).decode(),
                        "reporter": "warm@x",
                    }
                    client.post("/api/reports", json=body, headers={"Authorization": f"Bearer {token}"})
            start = time.perf_counter()
            threads = [threading.Thread(target=worker) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            took = time.perf_counter() - start
        finally:
            proc.terminate()
            proc.wait(10)
            log = (data / "server.log").read_text()
            errors = [ln for ln in log.splitlines() if "Error" in ln or "error" in ln]
            if errors:
                print("  server errors:", *sorted(set(errors))[:5], sep="\n    ")
    ok = statuses.count(201)
    print(
        f"API end to end: {ok}/{n} reports stored in {took:.1f} s = {ok / took:.0f} reports/s (target >= 100)"
    )
    if ok != n:
        print(f"  statuses: {sorted(set(statuses))}")


def seed(store, n: int) -> None:  # type: ignore[no-untyped-def]
    """Clusters and keys as n stored reports would have left them (about 3 reports a cluster)."""
    from sqlalchemy import insert

    from mailwarden.reports.models import ReportCluster, ReportClusterKey

    clusters = n // 3
    rnd = random.Random(5)
    with store.session() as s:
        for start in range(0, clusters, 5000):
            ids = range(start + 1, min(clusters, start + 5000) + 1)
            s.execute(
                insert(ReportCluster),
                [
                    {
                        "id": i,
                        "status": "received",
                        "size": 3,
                        "sender_domain": f"d{i}.example",
                        "subject": f"s{i}",
                    }
                    for i in ids
                ],
            )
            keys = []
            for i in ids:
                for kind, count in (("body", 3), ("url", 2), ("band", 16), ("sender", 1)):
                    for j in range(count):
                        value = hashlib.sha256(f"{kind}{i}.{j}.{rnd.random()}".encode()).hexdigest()
                        keys.append({"kind": kind, "value": value, "cluster_id": i})
            s.execute(insert(ReportClusterKey), keys)


def assign_run(stored: int, probe: int) -> None:
    from mailwarden.analyze.rules import load_rules
    from mailwarden.core.message import parse_message
    from mailwarden.core.store import open_store
    from mailwarden.reports import cluster, ingest, service
    from mailwarden.reports.ingest import analysis_key

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(url=f"sqlite:///{tmp}/mw.db")
        t0 = time.perf_counter()
        seed(store, stored)
        print(f"seeded clusters and keys of {stored:,} reports in {time.perf_counter() - t0:.0f} s")
        rules = load_rules()
        rnd = random.Random(9)
        whole, lookup = [], []
        for i in range(probe):
            msg = campaign(rnd.randrange(40) if i % 2 else 5000 + i, f"probe{i}@example.co.jp")
            t = time.perf_counter()
            service.ingest_report(
                store, rules, "k" * 40, path="api", message=msg, reporter=f"p{i}@example.co.jp"
            )
            whole.append((time.perf_counter() - t) * 1000)
            parsed = parse_message(msg, service.LIMITS)
            feats = cluster.features(parsed, {"urls": []}, analysis_key(msg, parsed))
            with store.session() as s:
                t = time.perf_counter()
                ingest._assign(s, feats)
                lookup.append((time.perf_counter() - t) * 1000)
                s.rollback()
        print(
            f"at {stored:,} stored reports: one new report stored+analysed+clustered "
            f"p50 {statistics.median(whole):.1f} ms, p99 {percentile(whole, 99):.1f} ms; "
            f"cluster assignment alone p50 {statistics.median(lookup):.2f} ms, "
            f"p99 {percentile(lookup, 99):.2f} ms (target p99 <= 20 ms)"
        )


def seed_reports(store, n: int) -> None:  # type: ignore[no-untyped-def]
    """n reports in the clusters seed() made (three a cluster), with the order each cluster
    keeps as reports arrive; a tenth of the clusters resolved."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import insert, update

    from mailwarden.reports.models import Report, ReportAnalysis, ReportCluster
    from mailwarden.reports.priority import ORDER, priority

    rnd = random.Random(6)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    with store.session() as s:
        s.execute(insert(ReportAnalysis), [{"key": "k", "verdict": "phishing", "score": 9.0, "result": {}}])
        rows, clusters = [], []
        for cid in range(1, n // 3 + 1):
            verdicts = [rnd.choice(ORDER) for _ in range(3)]
            people = rnd.randint(1, 3)
            when = start + timedelta(minutes=cid)
            for j, v in enumerate(verdicts):
                rows.append(
                    {
                        "reported_at": when + timedelta(seconds=j),
                        "reporter": f"staff{j % people}@example.co.jp",
                        "path": "api",
                        "raw": b"Subject: x\r\n\r\nx",
                        "size": 16,
                        "subject": f"s{cid}",
                        "analysis_key": "k",
                        "verdict": v,
                        "score": rnd.random() * 10,
                        "status": "resolved" if cid % 10 == 0 else "received",
                        "cluster_id": cid,
                        "answers": {},
                        "signals": [],
                    }
                )
            worst = max(ORDER.index(v) for v in verdicts)
            clusters.append(
                {
                    "b_id": cid,
                    "status": "resolved" if cid % 10 == 0 else "received",
                    "reporters": people,
                    "verdict_rank": worst,
                    "top_score": 9.0,
                    "newest_at": when,
                    "priority": priority(ORDER[worst], 3, people),
                }
            )
            if len(rows) >= 15000:
                s.execute(insert(Report), rows)
                rows = []
        if rows:
            s.execute(insert(Report), rows)
        from sqlalchemy import bindparam

        s.connection().execute(
            update(ReportCluster.__table__)
            .where(ReportCluster.__table__.c.id == bindparam("b_id"))
            .values(
                status=bindparam("status"),
                reporters=bindparam("reporters"),
                verdict_rank=bindparam("verdict_rank"),
                top_score=bindparam("top_score"),
                newest_at=bindparam("newest_at"),
                priority=bindparam("priority"),
            ),
            clusters,
        )


def page_run(stored: int, times: int) -> None:
    """The console's queue page (/reports) for ``stored`` reports, served by `mailwarden serve`
    to a signed-in user, as a browser asks for it."""
    import re

    from mailwarden.core.store import open_store
    from mailwarden.core.users import create_user

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        store = open_store(url=f"sqlite:///{data}/mailwarden.db")
        t0 = time.perf_counter()
        seed(store, stored)
        seed_reports(store, stored)
        create_user(store, "bench", "bench-password-1234", "admin")
        store.engine.dispose()
        print(f"seeded {stored:,} reports in {stored // 3:,} clusters in {time.perf_counter() - t0:.0f} s")
        proc, base = serve(data)
        try:
            with httpx.Client(base_url=base, timeout=60.0) as client:
                csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
                assert csrf is not None
                client.post(
                    "/login",
                    data={"username": "bench", "password": "bench-password-1234", "csrf": csrf.group(1)},
                )
                took = []
                for i in range(times + 2):
                    t = time.perf_counter()
                    r = client.get("/reports")
                    if i >= 2:  # the first two warm the server's caches
                        took.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200 and "/reports/clusters/" in r.text, r.status_code
        finally:
            proc.terminate()
            proc.wait(10)
    print(
        f"queue page (/reports) at {stored:,} reports: p50 {statistics.median(took):.0f} ms, "
        f"p99 {percentile(took, 99):.0f} ms (target <= 300 ms)"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--api", type=int, default=600, help="reports posted through the API")
    ap.add_argument(
        "--one-off", type=float, default=1 / 3, help="share of reports of a message no one else reports"
    )
    ap.add_argument("--stored", type=int, default=100_000, help="reports already stored")
    ap.add_argument("--probe", type=int, default=300, help="new reports timed against them")
    ap.add_argument("--page", type=int, default=0, help="time the queue page for this many reports")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    if args.api:
        api_run(args.api, args.one_off)
    if args.stored:
        assign_run(args.stored, args.probe)
    if args.page:
        page_run(args.page, 30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
