"""Worker processes end with their parent: on SIGTERM and SIGINT (through the parent's
cleanup) and on SIGKILL (the kernel's parent-death signal) — they never linger."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from tests.support.smtpsink import wait_until

SRC = Path(__file__).resolve().parents[2] / "src"
# Ctrl-C as a terminal sends it: a suite started in the background by a shell without job
# control inherits SIGINT ignored, and Python then leaves it ignored
SCRIPT = f"""
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.path.insert(0, {str(SRC)!r})
from mailwarden.core.parallel import exit_on_sigterm, forked

def produce(worker, workers):
    while True:  # busy for ever, never sending: only its parent's end can stop it
        pass
    yield

exit_on_sigterm()
print("ready", flush=True)
for _ in forked(produce, workers=2):
    pass
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["TERM", "INT", "KILL"])
def test_workers_end_with_their_parent(sig):
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        parent = psutil.Process(proc.pid)
        assert wait_until(lambda: len(parent.children()) == 2), "the workers did not start"
        children = parent.children()
        os.kill(proc.pid, sig)
        proc.wait(60)

        def gone() -> bool:
            return not any(c.is_running() and c.status() != psutil.STATUS_ZOMBIE for c in children)

        assert wait_until(gone), [c.pid for c in children if c.is_running()]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(60)
