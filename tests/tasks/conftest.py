"""Jobs as a user runs them: ``mailwarden jobs …`` and ``mailwarden worker`` as real processes,
on a real PostgreSQL (or the embedded SQLite), checking domains served by a real NSD."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.nsd import NsdServer, Zone, free_port, txt_rdata

DOMAINS = 60
_dbs = itertools.count()


def jobs_zone(n: int = DOMAINS) -> tuple[Zone, list[str]]:
    """``n`` small mail domains, a mix of good and broken setups (grades differ)."""
    z = Zone("jobs.test")
    names = []
    for i in range(n):
        d = f"d{i:03d}.jobs.test"
        names.append(d)
        z.add(d, "MX", f"10 mx.{d}")
        z.add(f"mx.{d}", "A", "192.0.2.25")
        if i % 3:
            z.add(d, "TXT", txt_rdata([f"v=spf1 ip4:192.0.2.{i} {'-all' if i % 2 else '~all'}"]))
        if i % 4:
            policy = ("none", "quarantine", "reject")[i % 3]
            z.add(f"_dmarc.{d}", "TXT", txt_rdata([f"v=DMARC1; p={policy}; rua=mailto:dmarc@{d}"]))
    return z, names


@pytest.fixture(scope="module")
def jobs_dns() -> Iterator[tuple[NsdServer, list[str]]]:
    zone, names = jobs_zone()
    server = NsdServer([zone]).start()
    yield server, names
    server.stop()


@pytest.fixture
def domains_file(tmp_path: Path, jobs_dns: tuple[NsdServer, list[str]]) -> Path:
    path = tmp_path / "domains.txt"
    path.write_text("\n".join(jobs_dns[1]) + "\n", encoding="utf-8")
    return path


class Mailwarden:
    """``python -m mailwarden`` with one environment: one store, English output."""

    def __init__(self, tmp: Path, url: str) -> None:
        self.tmp = tmp
        self.url = url
        self.env = {
            **os.environ,
            "MAILWARDEN_LANG": "en",
            "COLUMNS": "300",
            "MAILWARDEN_DATABASE_URL": url,
            "MAILWARDEN_DATA_DIR": str(tmp / "data"),
        }
        self.env.pop("LC_ALL", None)
        self.workers: list[Worker] = []

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "mailwarden", *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=300,
        )
        if check:
            assert proc.returncode == 0, proc.stderr
        return proc

    def worker(
        self, name: str, *, stalled_after: float = 30.0, concurrency: int = 2, host: str = "127.0.0.1"
    ) -> Worker:
        """A worker process; ``host``: the loopback address it serves /metrics on (a host of its
        own in the demonstration)."""
        w = Worker(self, name, stalled_after, concurrency, host)
        self.workers.append(w)
        return w

    def stop(self) -> None:
        for w in self.workers:
            w.stop()


class Worker:
    def __init__(self, mw: Mailwarden, name: str, stalled_after: float, concurrency: int, host: str) -> None:
        self.name = name
        self.host = host
        self.metrics_port = free_port()
        self.log = mw.tmp / f"worker-{name}.log"
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "mailwarden",
                    "worker",
                    "--name",
                    name,
                    "--concurrency",
                    str(concurrency),
                    "--stalled-after",
                    str(stalled_after),
                    "--metrics-listen",
                    f"{host}:{self.metrics_port}",
                ],
                env=mw.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def metrics(self) -> dict[str, float]:
        """The worker's /metrics as {"name{labels}": value} (retried until it answers)."""
        text = wait_for(
            lambda: _get(f"http://{self.host}:{self.metrics_port}/metrics"), what=f"{self.name} metrics"
        )
        values: dict[str, float] = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                key, _, value = line.rpartition(" ")
                values[key] = float(value)
        return values

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _get(url: str) -> str | None:
    try:
        r = httpx.get(url, timeout=5)
    except httpx.HTTPError:
        return None
    return r.text if r.status_code == 200 else None


def wait_for(condition: Callable[[], Any], *, what: str, limit: float = 120.0) -> Any:
    """Poll ``condition`` until it gives something true (no sleeps as synchronisation: the
    condition is the event; the pause only spaces the polls)."""
    deadline = time.monotonic() + limit
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.2)


@pytest.fixture
def pg_mw(tmp_path: Path, postgres: Any) -> Iterator[Mailwarden]:
    mw = Mailwarden(tmp_path, postgres.create_database(f"mw_jobs_{next(_dbs)}"))
    yield mw
    mw.stop()


@pytest.fixture
def sqlite_mw(tmp_path: Path) -> Iterator[Mailwarden]:
    mw = Mailwarden(tmp_path, f"sqlite:///{tmp_path / 'mw.db'}")
    yield mw
    mw.stop()
