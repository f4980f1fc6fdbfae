"""DLP speed: detector throughput (MB/s of text on one core) beside Presidio's regex
recognizers on the same English text, and the gateway end to end on loopback — throughput
(msg/s) and added latency (p50/p99) for 20 KB messages under a realistic policy.

    .venv/bin/python benchmarks/dlp_speed.py [--messages 2000] [--paced 1000]

The gateway runs as ``mailwarden gateway run`` in its own process (its own core); the
clients (smtplib) and the downstream sink (aiosmtpd) run here. Added latency is the time from
a client starting a message to the sink having it, through the gateway, less the same
measured straight to the sink at the same pace. Presidio runs from .venv-peers (make bench).
Targets (issue 5): ≥ 20 MB/s of text per core; ≥ 200 msg/s; p99 added ≤ 50 ms at 50 msg/s.
"""

from __future__ import annotations

import argparse
import os
import smtplib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.support.nsd import free_port  # noqa: E402

from benchmarks.dlp_quality import run_peer  # noqa: E402
from mailwarden.core.message import parse_message  # noqa: E402
from mailwarden.dlp.scan import detect  # noqa: E402

PEERS = ROOT / ".venv-peers" / "bin" / "python"
POLICY = """
internal_domains: [example.co.jp]
approvers: [approver@example.co.jp]
keywords: [{id: confidential, words: [社外秘, 関係者外秘, Confidential]}]
rules:
  - id: block-my-number          # context words (マイナンバー, 個人番号) make it certain enough to block
    when: {detector: jp.my-number, min_confidence: 0.9}
    action: block
    reason: マイナンバーは送信できません
  - {id: hold-cards, when: {detector: credit-card, recipients: external}, action: hold}
  - id: hold-bulk
    when: {detectors: [email-address, jp.phone], min_unique: 50, recipients: external}
    action: hold
  - {id: hold-secrets, when: {detectors: [secret.aws-access-key, secret.private-key]}, action: hold}
  - {id: tag-confidential, when: {keyword: confidential}, action: tag_subject, tag: "[社外秘]"}
  - {id: bcc-many, when: {external_recipients_over: 5}, action: force_bcc}
  - {id: mark, when: {recipients: external}, action: add_header, header: "X-DLP-Checked: yes"}
"""

PRESIDIO = r"""
import json, sys, time
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer, CryptoRecognizer, EmailRecognizer, IbanRecognizer, IpRecognizer,
    UrlRecognizer, UsBankRecognizer, UsLicenseRecognizer, UsPassportRecognizer, UsSsnRecognizer)
recs = [r() for r in (CreditCardRecognizer, CryptoRecognizer, EmailRecognizer, IbanRecognizer,
        IpRecognizer, UrlRecognizer, UsBankRecognizer, UsLicenseRecognizer, UsPassportRecognizer,
        UsSsnRecognizer)]
texts = json.load(sys.stdin)
t0 = time.perf_counter()
n = 0
for text in texts:
    for rec in recs:
        n += len(rec.analyze(text, rec.supported_entities, None))
print(json.dumps({"wall": time.perf_counter() - t0, "found": n}))
"""


# -- detectors ------------------------------------------------------------------------------
def english_bodies() -> list[str]:
    corpus = ROOT.parent / "shared" / "corpora" / "phishing-dev" / "csdmc2010-ham"
    raws = [p.read_bytes() for p in sorted(corpus.glob("*.eml"))]
    if not raws:  # no corpus here: ordinary business English
        raws = [
            b"Subject: x\r\n\r\nHello team, please find the quarterly figures attached. Call me at "
            b"(555) 123-4567 or mail jane.doe@example.com. Order 20231104-77 ships on 2024-11-04.\r\n" * 40
        ] * 500
    return [t for r in raws for t in parse_message(r).texts]


def japanese_bodies() -> list[str]:
    raws = [p.read_bytes() for p in sorted((ROOT / "tests/data/ja-mail").glob("*/*.eml"))]
    return [t for r in raws for t in parse_message(r).texts] * 400


def detector_speed() -> None:
    for label, texts in (
        ("English mail bodies", english_bodies()),
        ("Japanese mail bodies", japanese_bodies()),
    ):
        mb = sum(len(t.encode()) for t in texts) / 1e6
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for t in texts:
                detect(t)
            best = min(best, time.perf_counter() - t0)
        print(
            f"detectors, {label}: {mb:.1f} MB, {len(texts)} bodies, "
            f"{mb / best:.1f} MB/s on one core (best of 3)"
        )
        if label.startswith("English"):
            english_rate, english = mb / best, texts
    if not PEERS.exists():
        print("presidio: .venv-peers not found (make bench installs it)")
        return
    # Presidio is slow: the first bodies up to ~1 MB, the same bodies timed for us too
    sample, size = [], 0
    for t in english:
        sample.append(t)
        size += len(t.encode())
        if size > 1_000_000:
            break
    res = run_peer(PRESIDIO, sample)
    if res is None:
        return
    t0 = time.perf_counter()
    for t in sample:
        detect(t)
    ours = time.perf_counter() - t0
    mb = size / 1e6
    print(
        f"same {mb:.2f} MB of English: mailwarden (17 detectors) {mb / ours:.1f} MB/s, Presidio regex "
        f"recognizers (10) {mb / res['wall']:.3f} MB/s — ratio {res['wall'] / ours:.0f}x "
        f"(whole English set: {english_rate:.1f} MB/s)"
    )


# -- gateway --------------------------------------------------------------------------------
class Timed:
    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        data = envelope.original_content or b""
        i = data.find(b"X-Bench-Id: ")
        key = data[i + 12 : data.index(b"\r\n", i)].decode() if i >= 0 else "?"
        with self.lock:
            self.arrived[key] = time.perf_counter()
        return "250 OK"


_POOL: list[str] = []


def message(i: int, external: bool) -> bytes:
    """About 20 KB of ordinary mail text: Japanese fixture bodies and English mailing-list
    bodies in turn (not written to suit the detectors), a signature with a phone number and
    an address, as business mail has."""
    if not _POOL:
        ja = [t for t in japanese_bodies()[: len(japanese_bodies()) // 400] if t.strip()]
        en = [t for t in english_bodies() if t.strip()]
        _POOL.extend(x for pair in zip(ja * (len(en) // len(ja) + 1), en, strict=False) for x in pair)
    parts, size, k = [], 0, i * 7
    while size < 18_500:
        text = _POOL[k % len(_POOL)]
        parts.append(text)
        size += len(text.encode())
        k += 1
    body = "\n\n".join(parts)[:18_500]
    body += "\n--\n山田 太郎 / Taro Yamada\n株式会社サンプル 営業部\n"
    body += "〒100-0005 東京都千代田区丸の内1-1-1\nTEL 03-1234-5678\n"
    msg = EmailMessage()
    msg["From"] = "taro@example.co.jp"
    msg["To"] = "buyer@partner.example" if external else "hanako@example.co.jp"
    msg["Subject"] = f"ご確認のお願い #{i}"
    msg["X-Bench-Id"] = str(i)
    msg.set_content(body, charset="utf-8", cte="8bit")
    return msg.as_bytes(policy=SMTP)


def start_gateway(port: int, relay: int, tmp: Path) -> subprocess.Popen[bytes]:
    (tmp / "policy.yaml").write_text(POLICY)
    env = {**os.environ, "MAILWARDEN_DATA_DIR": str(tmp / "data"), "MAILWARDEN_LANG": "en"}
    cmd = [sys.executable, "-m", "mailwarden", "gateway", "run", "--listen", f"127.0.0.1:{port}"]
    if os.environ.get("BENCH_PROFILE"):  # py-spy, collapsed stacks, for finding the hot path
        cmd = [
            "py-spy",
            "record",
            "--subprocesses",
            "--gil",
            "-r",
            "200",
            "-f",
            "raw",
            "-o",
            os.environ["BENCH_PROFILE"],
            "--",
            *cmd,
        ]
    cmd += [
        "--relay",
        f"127.0.0.1:{relay}",
        "--policy",
        str(tmp / "policy.yaml"),
        "--spool",
        str(tmp / "spool"),
    ]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=open(tmp / "gateway.log", "wb"))  # noqa: SIM115
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=2) as s:
                s.noop()
            return proc
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the gateway did not start: " + (tmp / "gateway.log").read_text()[-800:])


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds of the gateway (its screening processes included) and of this process
    (the clients and the sink)."""
    import psutil

    root = psutil.Process(pid)
    gateway = 0.0
    for proc in (root, *root.children(recursive=True)):
        try:
            t = proc.cpu_times()
            gateway += t.user + t.system
        except psutil.NoSuchProcess:
            continue
    own = psutil.Process().cpu_times()
    return gateway, own.user + own.system


RCPT = {True: "buyer@partner.example", False: "hanako@example.co.jp"}


def run_clients(port: int, msgs: list[bytes], threads: int, pace: float | None) -> dict[str, float]:
    """Send every message; returns id → time the client began it. ``pace``: seconds between
    message starts over all threads (None: as fast as they go)."""
    started: dict[str, float] = {}
    lock = threading.Lock()
    t_begin = time.perf_counter()

    def worker(k: int) -> None:
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as s:
            for i in range(k, len(msgs), threads):
                if pace is not None:
                    delay = t_begin + i * pace - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                t = time.perf_counter()
                try:
                    s.sendmail("taro@example.co.jp", [RCPT[i % 5 == 0]], msgs[i])
                except smtplib.SMTPDataError:
                    continue  # refused by the policy: not relayed, not counted
                with lock:
                    started[str(i)] = t

    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return started


def waiting(spool: Path | None) -> int:
    return sum(len(list((spool / q).iterdir())) for q in ("held", "delayed")) if spool else 0


def phase(
    port: int, sink: Timed, msgs: list[bytes], threads: int, pace: float | None, spool: Path | None
) -> tuple[dict[str, float], int]:
    """Send ``msgs``; wait until every accepted one is at the sink or held/delayed by the
    policy. Returns (id → client start, how many the policy kept back)."""
    sink.arrived.clear()
    base = waiting(spool)
    started = run_clients(port, msgs, threads, pace)
    end = time.monotonic() + 300
    while len(sink.arrived) + waiting(spool) - base < len(started):
        if time.monotonic() > end:
            raise SystemExit(f"only {len(sink.arrived)} of {len(started)} messages arrived")
        time.sleep(0.01)
    return started, waiting(spool) - base


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def gateway_speed(n: int, paced: int) -> None:
    sink = Timed()
    sink_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink_port, data_size_limit=64 << 20)
    controller.start()
    msgs = [message(i, external=i % 5 == 0) for i in range(max(n, paced))]
    size = statistics.mean(len(m) for m in msgs)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        spool = tmp / "spool"
        port = free_port()
        proc = start_gateway(port, sink_port, tmp)
        try:
            phase(port, sink, msgs[:200], 4, None, spool)  # warm up: imports, connections, caches
            for threads in (4, 8, 16):  # Postfix opens up to 20 connections to one next hop
                cpu0 = cpu_seconds(proc.pid)
                t0 = time.perf_counter()
                started, kept = phase(port, sink, msgs[:n], threads, None, spool)
                wall = max(sink.arrived.values()) - t0
                cpu1 = cpu_seconds(proc.pid)
                cpu, load = cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]
                print(
                    f"gateway throughput, {n} messages of {size / 1000:.0f} KB, "
                    f"{threads} client connections: "
                    f"{n / wall:.0f} msg/s end to end ({n - len(started)} refused, {kept} held or delayed, "
                    f"{len(sink.arrived)} relayed); gateway CPU {cpu / wall:.0%} of a core "
                    f"({cpu / n * 1000:.1f} ms a message), clients and sink {load / wall:.0%}"
                )
            lat = {}
            for label, target, sp in (("gateway", port, spool), ("direct", sink_port, None)):
                started, _ = phase(target, sink, msgs[:paced], 4, 1 / 50, sp)
                lat[label] = [(sink.arrived[k] - t) * 1000 for k, t in started.items() if k in sink.arrived]
            g, d = lat["gateway"], lat["direct"]
            print(
                f"latency at 50 msg/s, {len(g)} messages relayed, client start → sink: through the gateway "
                f"p50 {pct(g, 50):.1f} ms p99 {pct(g, 99):.1f} ms; "
                f"straight to the sink p50 {pct(d, 50):.1f} ms "
                f"p99 {pct(d, 99):.1f} ms; added p50 {pct(g, 50) - pct(d, 50):.1f} ms, "
                f"p99 {pct(g, 99) - pct(d, 99):.1f} ms"
            )
            status = Path(f"/proc/{proc.pid}/status").read_text()
            hwm = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
            print(f"gateway peak RSS {int(hwm) / 1024:.0f} MB")
        finally:
            proc.send_signal(2 if os.environ.get("BENCH_PROFILE") else 15)  # py-spy writes on SIGINT
            proc.wait(60)
            controller.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--paced", type=int, default=1000)
    ap.add_argument("--skip-detectors", action="store_true")
    args = ap.parse_args()
    if not args.skip_detectors:
        detector_speed()
    gateway_speed(args.messages, args.paced)


if __name__ == "__main__":
    main()
