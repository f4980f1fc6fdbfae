"""Memory on large and hostile input, measured on a real gateway process: a 68 MB message
(a 50 MB attachment) is received to disk and relayed from it, so the accepting process
grows by a constant, not by the message; the screening process reads the message once and
decodes the attachment in blocks — at most 2 × the message plus a constant (issue 14). A zip
bomb changes nothing, and nothing adds up over several such messages."""

from __future__ import annotations

import signal
import smtplib
from pathlib import Path

import psutil
import pytest

from tests.gateway.test_faults import _with_attachment, _zip_bomb
from tests.support.nsd import free_port
from tests.support.smtpsink import gateway_process

pytestmark = pytest.mark.smtp

POLICY = "rules:\n  - {id: hold-unscannable, when: {unscannable: true}, action: hold}\n"
MB = 1 << 20


def _peaks(pid: int) -> dict[int, int]:
    """Peak resident memory (VmHWM) of the gateway and of each of its worker processes."""
    out = {}
    for proc in (psutil.Process(pid), *psutil.Process(pid).children(recursive=True)):
        status = Path(f"/proc/{proc.pid}/status").read_text()
        out[proc.pid] = (
            int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))) * 1024
        )
    return out


def test_memory_is_bounded_by_the_message(tmp_path, sink):
    (tmp_path / "policy.yaml").write_text(POLICY)
    port = free_port()
    proc = gateway_process(
        port, sink.port, tmp_path / "policy.yaml", tmp_path / "spool", "--scan-processes", "1"
    )
    try:
        idle = _peaks(proc.pid)
        big = _with_attachment("big.bin", bytes(range(256)) * (50 * 4096))
        with smtplib.SMTP("127.0.0.1", port, timeout=300) as s:
            s.sendmail("a@example.jp", ["b@example.jp"], big)
        after_one = _peaks(proc.pid)
        with smtplib.SMTP("127.0.0.1", port, timeout=300) as s:
            s.sendmail("a@example.jp", ["b@example.jp"], big)
            s.sendmail(
                "a@example.jp", ["b@example.jp"], _with_attachment("bomb.zip", _zip_bomb(), "application/zip")
            )
        after_three = _peaks(proc.pid)
        assert len(list((tmp_path / "spool" / "held").iterdir())) == 3  # all kept: over the limit, a bomb
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    size = len(big)
    acceptor = after_one[proc.pid] - idle[proc.pid]
    worker = max(v for pid, v in after_one.items() if pid != proc.pid)
    # the acceptor holds blocks of the message, never the message: a constant (before:
    # five copies); the worker holds the message once, the inspected first 20 MB of the
    # attachment and what the detectors make of them (before: seven to nine copies)
    assert acceptor < 32 * MB, (acceptor // MB, size // MB)
    assert worker < 2 * size + 64 * MB, (worker // MB, size // MB)
    # and it does not add up: after another large message and a zip bomb, the same bounds hold
    assert after_three[proc.pid] - idle[proc.pid] < 32 * MB, (after_three[proc.pid] // MB, size // MB)
    assert max(v for pid, v in after_three.items() if pid != proc.pid) < 2 * size + 64 * MB
