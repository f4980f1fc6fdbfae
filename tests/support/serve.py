"""`mailwarden serve` as a real process for browser and end-to-end tests."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
import pytest

from tests.support.nsd import free_port

#: seconds the server gets to come up (a loaded 2-core machine starts Python slowly)
WAIT = 120.0


@dataclass
class Served:
    base: str
    proc: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)

    @property
    def output(self) -> str:
        return "".join(self.lines)


@contextmanager
def serve(env: Mapping[str, str], *args: str) -> Iterator[Served]:
    """Run `mailwarden serve` on a free loopback port with ``env``; yield once uvicorn listens
    and /healthz answers; stop it at the end. Its output is read all along (the pipe never
    fills) and kept in ``Served.lines``."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mailwarden", "serve", "--port", str(port), *args],
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    served = Served(f"http://127.0.0.1:{port}", proc)
    up = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            served.lines.append(line)
            if "Uvicorn running on" in line:
                up.set()
        up.set()  # the process ended: the check below says so

    threading.Thread(target=read, daemon=True).start()
    if not up.wait(WAIT) or proc.poll() is not None:
        proc.kill()
        pytest.fail("server did not start: " + served.output)
    try:
        assert httpx.get(served.base + "/healthz", timeout=10.0).status_code == 200
        yield served
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
