"""DLP speed: detector throughput (MB/s of text on one core) beside Presidio's regex
recognizers on the same English text, and the gateway end to end on loopback — throughput
(msg/s) and added latency (p50/p99) for 20 KB messages under a realistic policy.

    .venv/bin/python benchmarks/dlp_speed.py [--messages 2000] [--paced 1000]

The gateway runs as ``mailwarden gateway run`` in its own process (its own core); the
clients (smtplib) and the downstream sink (aiosmtpd) run here. Added latency is the time from
a client starting a message to the sink having it, through the gateway, less the same
measured straight to the sink at the same pace. Presidio runs from .venv-peers (make bench).
Targets (issue 5): ≥ 20 MB/s of text per core; ≥ 200 msg/s; p99 added ≤ 50 ms at 50 msg/s.

    .venv/bin/python benchmarks/dlp_speed.py --mail [--corpus-messages 400] [--runs 3] [--baseline SRC]

``--mail`` (issue 23): ``mailwarden dlp check --format jsonl DIR`` run as a user runs it, on a
seeded corpus of raw mail with attachments (PDF, docx, xlsx, csv, zip, images) written once
to a directory; prints MB/s of raw mail end to end and, measured in the same run on the same
messages, the limit: the detectors alone on the text and tables already extracted.
"""

from __future__ import annotations

import argparse
import html
import io
import os
import random
import re
import resource
import smtplib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.support.nsd import free_port  # noqa: E402
from tests.support.tablecorpus import HEADERS, KINDS, NAMES, _Builder  # noqa: E402
from tests.support.tablefiles import write_table  # noqa: E402

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


# -- raw mail with attachments, end to end (issue 23) --------------------------------------------
_MIME = {
    "pdf": ("application", "pdf"),
    "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "csv": ("text", "csv"),
    "zip": ("application", "zip"),
    "png": ("image", "png"),
}
#: what a message carries, by weight: documents, lists, archives and pictures
_ATTACHMENTS = (("pdf", 25), ("xlsx", 20), ("docx", 15), ("csv", 15), ("zip", 10), ("png", 15))


def _prose(rnd: random.Random, size: int) -> str:
    """About ``size`` characters of real mail text (fixture and mailing-list bodies)."""
    message(0, False)  # fills _POOL
    parts, n = [], 0
    while n < size:
        text = _POOL[rnd.randrange(len(_POOL))].strip()
        parts.append(text)
        n += len(text)
    text = "\n\n".join(parts)[:size]
    return _CONTROL.sub("", text)  # as a document holds it: no control characters


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


_FIGURES = {
    "ja": (
        ["品目", "月", "数量", "単価", "金額", "部署"],
        ["A4用紙", "トナー", "ノートPC", "椅子", "配送料"],
    ),
    "en": (["Item", "Month", "Quantity", "Unit price", "Amount", "Department"], ["Paper", "Toner", "Laptop"]),
}


def _list(rnd: random.Random, rows: int) -> tuple[str, list[str], list[list[str | int]]]:
    """A sheet as people send them: two in five a customer, staff, supplier or order list
    (tablecorpus's rows: personal data, and IDs that pass check digits), the rest business
    figures (items, months, quantities, amounts)."""
    lang = rnd.choice(("ja", "en"))
    if rnd.random() < 0.6:
        header, items = _FIGURES[lang]
        figures: list[list[str | int]] = []
        for _ in range(rows):
            qty, price = rnd.randint(1, 500), rnd.randint(1, 3000) * 10
            month = f"2025-{rnd.randint(1, 12):02d}"
            figures.append(
                [rnd.choice(items), month, qty, price, qty * price, rnd.choice(("営業", "総務", "IT"))]
            )
        return ("売上" if lang == "ja" else "sales"), list(header), figures
    kind = rnd.choice(KINDS)
    b = _Builder(rnd, lang)
    ids = [b.look_alike(), b.look_alike()]
    return NAMES[lang, kind], list(HEADERS[lang, kind]), [b.row(kind, ids) for _ in range(rows)]


def _prose_pdf(rnd: random.Random, pages: int) -> bytes:
    """A report: pages of running text in the CID font (Japanese and English)."""
    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

    if "HeiseiKakuGo-W5" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=True)
    for _ in range(pages):
        y = A4[1] - 50
        for line in _prose(rnd, 3000).splitlines():
            while line and y > 50:
                pdf.setFont("HeiseiKakuGo-W5" if not line[:60].isascii() else "Helvetica", 9)
                pdf.drawString(40, y, line[:60] if not line[:60].isascii() else line[:100])
                line = line[60:] if not line[:60].isascii() else line[100:]
                y -= 12
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _attachment(rnd: random.Random, kind: str, k: int) -> tuple[str, bytes]:
    if kind == "pdf":
        if rnd.random() < 0.5:
            return f"report{k}.pdf", _prose_pdf(rnd, rnd.randint(1, 8))
        name, header, rows = _list(rnd, rnd.randint(20, 300))
        return write_table("pdf", header, rows, name=f"{name}{k}")
    if kind in ("xlsx", "csv"):
        name, header, rows = _list(rnd, rnd.randint(50, 2000))
        fmt = kind if kind == "xlsx" else rnd.choice(("csv-utf8", "csv-sjis"))
        return write_table(fmt, header, rows, name=f"{name}{k}")
    if kind == "docx":
        from docx import Document

        doc = Document()
        for para in _prose(rnd, rnd.randint(2000, 20000)).split("\n\n"):
            doc.add_paragraph(para)
        _, header, rows = _list(rnd, rnd.randint(5, 40))
        table = doc.add_table(rows=0, cols=len(header))
        for row in [header, *rows]:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = str(value)
        buf = io.BytesIO()
        doc.save(buf)
        return f"minutes{k}.docx", buf.getvalue()
    if kind == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for j, inner in enumerate(rnd.sample(("csv", "docx", "pdf", "xlsx"), 2)):
                zf.writestr(*_attachment(rnd, inner, k * 10 + j))
        return f"files{k}.zip", buf.getvalue()
    # a picture: compressed data, as random as real PNG and JPEG bodies
    return f"image{k}.png", b"\x89PNG\r\n\x1a\n" + rnd.randbytes(rnd.randint(20_000, 400_000))


def mail_with_attachments(rnd: random.Random, i: int) -> bytes:
    """A business message: 1–6 KB of real text (an HTML twin in a third), and none to three
    attachments drawn by the weights of ``_ATTACHMENTS``."""
    msg = EmailMessage()
    msg["From"] = "taro@example.co.jp"
    msg["To"] = "buyer@partner.example"
    msg["Subject"] = f"資料送付 #{i}"
    body = _prose(rnd, rnd.randint(1000, 6000)) + "\n--\n山田 太郎\nTEL 03-1234-5678\n"
    msg.set_content(body, charset="utf-8", cte="base64")
    if rnd.random() < 0.33:
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
        msg.add_alternative(f"<html><body>{paras}</body></html>", subtype="html", charset="utf-8")
    kinds, weights = zip(*_ATTACHMENTS, strict=True)
    for k in range(rnd.choices((0, 1, 2, 3), (10, 45, 30, 15))[0]):
        name, data = _attachment(rnd, rnd.choices(kinds, weights)[0], k)
        maintype, subtype = _MIME[name.rsplit(".", 1)[1]]
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes(policy=SMTP)


def mail_corpus(n: int, seed: int) -> Path:
    """The corpus as .eml files in a directory under the temporary directory, written once
    per (n, seed) and reused."""
    where = Path(tempfile.gettempdir()) / f"mailwarden-dlp-mail-{n}-{seed}"
    done = where.with_suffix(".done")  # beside the corpus: the CLI reads every file in it
    if done.exists():
        return where
    where.mkdir(exist_ok=True)
    rnd = random.Random(seed)
    for i in range(n):
        (where / f"{i:05d}.eml").write_bytes(mail_with_attachments(rnd, i))
    done.write_text("")
    return where


def run_cli(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU of the CLI and its workers) of one run, its output read and dropped."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1, 3):
        raise SystemExit(f"dlp check failed ({proc.returncode})")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def paired(cmd: list[str], env: dict[str, str], baseline: Path, runs: int) -> None:
    """This checkout and ``baseline`` (another checkout's src, on PYTHONPATH), run in turn —
    A B B A … — medians and their ratio: the machine's drift falls on both alike."""
    versions = {"baseline": {**env, "PYTHONPATH": str(baseline)}, "this": env}
    got: dict[str, list[tuple[float, float]]] = {"baseline": [], "this": []}
    for i in range(runs * 2):
        order = ("baseline", "this") if i % 2 == 0 else ("this", "baseline")
        for name in order:
            got[name].append(run_cli(cmd, versions[name]))
    med = {
        k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in got.items()
    }
    for k, (w, c) in med.items():
        print(f"paired, {k}: median wall {w:.2f} s, median CPU {c:.2f} s ({len(got[k])} runs)")
    (bw, bc), (tw, tc) = med["baseline"], med["this"]
    print(f"paired: this checkout {bw / tw:.2f}x the baseline by wall time, {bc / tc:.2f}x by CPU time")


def mail_speed(n: int, seed: int, runs: int, baseline: Path | None = None) -> None:
    """``mailwarden dlp check`` over the corpus as a user runs it, and the detectors alone on
    what it extracts, in the same run; with ``baseline``, paired runs against another
    checkout's src."""
    from mailwarden.core.gc import paused_gc
    from mailwarden.dlp.extract import content_of
    from mailwarden.dlp.found import found_in

    corpus = mail_corpus(n, seed)
    files = sorted(corpus.glob("*.eml"))
    raw = sum(f.stat().st_size for f in files)
    contents = [content_of(parse_message(f.read_bytes())) for f in files]
    text = sum(len(t.encode()) for c in contents for _, t in c.parts)
    cells = sum(len(v.encode()) for c in contents for t in c.tables for r in t.rows for v in r)
    print(
        f"corpus: {len(files)} messages, {raw / 1e6:.1f} MB of raw mail; extracted {text / 1e6:.1f} MB "
        f"of text and {cells / 1e6:.1f} MB in table cells"
    )
    env = {**os.environ, "MAILWARDEN_LANG": "en"}
    cmd = [str(ROOT / ".venv" / "bin" / "mailwarden"), "dlp", "check", "--format", "jsonl", str(corpus)]
    walls, cpus, detect_times = [], [], []
    for _ in range(runs):
        # the detectors alone, one core: the same extracted text and tables, nothing else
        t0 = time.process_time()
        with paused_gc():  # as check_message runs it
            for c in contents:
                found_in(c)
        detect_times.append(time.process_time() - t0)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, check=False)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the CLI and its worker processes
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in (0, 1, 3):  # ok, findings, could not check everything
            raise SystemExit(f"dlp check failed ({proc.returncode}): {proc.stderr.decode()[-800:]}")
        rows = proc.stdout.count(b"\n")
        if rows != len(files):
            raise SystemExit(f"{rows} results for {len(files)} messages")
    if baseline is not None:
        paired(cmd, env, baseline, runs)
    wall, cpu, det = statistics.median(walls), statistics.median(cpus), statistics.median(detect_times)
    cores = os.cpu_count() or 1
    limit = raw / det / 1e6 * cores
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"mailwarden dlp check --format jsonl DIR: {raw / wall / 1e6:.1f} MB/s of raw mail end to end "
        f"(median wall of {runs}: {', '.join(f'{w:.2f}' for w in walls)} s); CPU {cpu:.1f} s "
        f"= {raw / cpu / 1e6:.1f} MB/s per CPU-second ({cpu / wall:.0%} of a core busy); "
        f"peak RSS of one process {peak:.0f} MiB"
    )
    print(
        f"detectors alone on the extracted text and tables (CPU time): {(text + cells) / det / 1e6:.1f} MB/s "
        f"of text on one core = {raw / det / 1e6:.1f} MB/s of raw mail on one core, {limit:.1f} on {cores}; "
        f"end to end is {raw / wall / 1e6 / limit:.0%} of that limit by wall time, "
        f"{det / cpu:.0%} by CPU time (detectors / whole check)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--paced", type=int, default=1000)
    ap.add_argument("--skip-detectors", action="store_true")
    ap.add_argument("--mail", action="store_true", help="dlp check end to end on raw mail with attachments")
    ap.add_argument("--corpus-messages", type=int, default=400)
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="with --mail: another checkout's src, run in turn")
    args = ap.parse_args()
    if args.mail:
        mail_speed(args.corpus_messages, args.seed, args.runs, args.baseline)
        return
    if not args.skip_detectors:
        detector_speed()
    gateway_speed(args.messages, args.paced)


if __name__ == "__main__":
    main()
