"""Benchmark: how much memory does the gateway take for one very large message?

    .venv/bin/python benchmarks/gateway_memory.py [--mb 95]

Starts `mailwarden gateway run` as a user runs it (its own process, one screening process,
the DLP policy of benchmarks/dlp_speed.py), relays to an aiosmtpd sink in this process, and
sends one message of about ``--mb`` MB of each kind below, one at a time. For each it prints
how far the resident memory of the accepting process and of the screening process rose
above what each held before the message (the kernel's high-water mark, VmHWM, reset before
each message) and whether the sink received the message byte for byte. Target (issue 14):
at most 2 × the message size + a constant. Nothing is asserted.

Kinds: ``binary attachment`` (random bytes, base64: the usual large mail), ``csv
attachment`` (a customer list, base64: read by the DLP detectors up to the inspection
limit), ``text body`` (one 8-bit text/plain body of that size).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import smtplib
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from tests.support.nsd import free_port  # noqa: E402

from benchmarks.dlp_speed import start_gateway  # noqa: E402

MB = 1_000_000


class Sink:
    def __init__(self) -> None:
        self.digests: list[str] = []
        self.arrived = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        data = envelope.original_content or b""
        # the gateway adds header fields (its spool id, the policy's mark): compare the body
        self.digests.append(body_digest(data))
        self.arrived.set()
        return "250 OK"


def body_digest(data: bytes) -> str:
    return hashlib.sha256(data[data.find(b"\r\n\r\n") :]).hexdigest()


def wrap(b64: bytes) -> bytes:
    return b"\r\n".join(b64[i : i + 76] for i in range(0, len(b64), 76))


def message(kind: str, mb: int) -> bytes:
    head = (
        "From: taro@example.co.jp\r\nTo: buyer@partner.example\r\n"
        f"Subject: large {kind}\r\nMIME-Version: 1.0\r\n"
    ).encode()
    if kind == "text body":
        line = "ご確認のほど、よろしくお願いいたします。Please find the figures below. 12345\r\n".encode()
        body = line * (mb * MB // len(line))
        return (
            head
            + b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + body
        )
    raw_size = mb * MB * 57 // 78 - 1000  # base64 lines of 76 characters hold 57 bytes
    if kind == "binary attachment":
        raw, name, ctype = os.urandom(raw_size), "archive.bin", "application/octet-stream"
    else:
        rows = [b"id,name,email,phone\r\n"]
        size, i = 0, 0
        while size < raw_size:
            phone = f"090-{i % 10000:04d}-{(i * 7) % 10000:04d}"
            row = f"{i},山田 太郎{i},user{i}@docomo.ne.jp,{phone}\r\n".encode()
            rows.append(row)
            size += len(row)
            i += 1
        raw, name, ctype = b"".join(rows), "customers.csv", "text/csv"
    return (
        head
        + b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\n'
        + b"Content-Type: text/plain; charset=utf-8\r\n\r\nSee the attachment.\r\n--b1\r\n"
        + f'Content-Type: {ctype}; name="{name}"\r\n'.encode()
        + f'Content-Disposition: attachment; filename="{name}"\r\n'.encode()
        + b"Content-Transfer-Encoding: base64\r\n\r\n"
        + wrap(base64.b64encode(raw))
        + b"\r\n--b1--\r\n"
    )


def status(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    return 0


def processes(pid: int) -> dict[str, int]:
    """The accepting process and its screening worker(s) (children of the forkserver)."""
    root = psutil.Process(pid)
    out = {"acceptor": pid}
    for child in root.children(recursive=True):
        try:
            if child.children() or "resource_tracker" in " ".join(child.cmdline()):
                continue  # the forkserver (the workers are its children) and its helper
        except psutil.NoSuchProcess:
            continue
        out[f"screening {child.pid}"] = child.pid
    return out


def reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # VmHWM := VmRSS (Linux 4.0+)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=95)
    ap.add_argument("--kinds", default="binary attachment,csv attachment,text body")
    args = ap.parse_args()
    sink = Sink()
    sink_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink_port, data_size_limit=400 * MB)
    controller.start()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        port = free_port()
        proc = start_gateway(port, sink_port, tmp)
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=600) as s:  # warm up the screening process
                s.sendmail("taro@example.co.jp", ["hanako@example.co.jp"], message("text body", 1))
            sink.arrived.wait(120)
            for kind in args.kinds.split(","):
                data = message(kind, args.mb)
                sink.arrived.clear()
                procs = processes(proc.pid)
                before = {}
                for name, pid in procs.items():
                    reset_peak(pid)
                    before[name] = status(pid, "VmRSS")
                t0 = time.perf_counter()
                with smtplib.SMTP("127.0.0.1", port, timeout=600) as s:
                    s.sendmail("taro@example.co.jp", ["buyer@partner.example"], data)
                if not sink.arrived.wait(600):
                    raise SystemExit("the message did not arrive at the sink")
                wall = time.perf_counter() - t0
                same = sink.digests[-1] == body_digest(data)
                size = len(data) / MB
                print(
                    f"{kind}, {size:.0f} MB message: through the gateway in {wall:.1f} s, "
                    f"body relayed {'byte for byte' if same else 'CHANGED'}"
                )
                for name, pid in procs.items():
                    rise = (status(pid, "VmHWM") - before[name]) / MB
                    print(f"  {name}: peak +{rise:.0f} MB ({rise / size:.2f} × the message)")
        finally:
            proc.terminate()
            proc.wait(60)
            controller.stop()


if __name__ == "__main__":
    main()
