"""Run a real NSD (Debian's package) on a loopback port, serving zones built from data.

Used by the tests and by the benchmarks. ``Zone`` records are (owner, type, rdata-text)
in zone-file syntax; helpers below escape TXT strings byte by byte.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import dns.message
import dns.query

NSD = shutil.which("nsd") or "/usr/sbin/nsd"


def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
            u.bind(("127.0.0.1", 0))
            port = u.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as t:
                try:
                    t.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return int(port)
    raise RuntimeError("no free port")


def txt_rdata(strings: Iterable[bytes | str]) -> str:
    """TXT rdata in zone-file syntax; each string ≤ 255 bytes, split when longer."""
    parts = []
    for s in strings:
        b = s.encode("utf-8") if isinstance(s, str) else s
        chunks = [b[i : i + 255] for i in range(0, len(b), 255)] or [b""]
        for chunk in chunks:
            esc = "".join(
                chr(c) if 0x20 < c < 0x7F and c not in (0x22, 0x5C, 0x3B) else f"\\{c:03d}" for c in chunk
            )
            parts.append(f'"{esc}"')
    return " ".join(parts) if parts else '""'


def escape_owner(name: str) -> str:
    """Escape characters that zone files treat specially (spaces, quotes, ';' …)."""
    return "".join(
        c if (c.isascii() and (c.isalnum() or c in "-_.*@/+=%")) else f"\\{b:03d}"
        for c in name
        for b in [ord(c)]
        if b < 256
    )


@dataclass
class Zone:
    origin: str
    records: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, owner: str, rtype: str, rdata: str) -> Zone:
        self.records.append((owner, rtype, rdata))
        return self

    def text(self) -> str:
        origin = self.origin.rstrip(".") + "."
        if origin == "..":
            origin = "."
        lines = [
            f"$ORIGIN {origin}",
            "$TTL 300",
            f"{origin} IN SOA ns.{origin if origin != '.' else ''} hostmaster.invalid. 1 3600 600 86400 300",
            f"{origin} IN NS ns.{origin if origin != '.' else ''}",
        ]
        for owner, rtype, rdata in self.records:
            o = escape_owner(owner)
            o = o if o.endswith(".") or o == "@" else o + "."
            lines.append(f"{o} IN {rtype} {rdata}")
        return "\n".join(lines) + "\n"


class NsdServer:
    """One NSD process serving the given zones on 127.0.0.1:``port``."""

    def __init__(
        self, zones: Iterable[Zone], *, port: int | None = None, workdir: Path | None = None
    ) -> None:
        self.zones = list(zones)
        self.port = port or free_port()
        self._own_dir = workdir is None
        self.dir = Path(workdir or tempfile.mkdtemp(prefix="mw-nsd-"))
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> NsdServer:
        if self.proc is not None:  # a second NSD would leave the first running, unstopped
            raise RuntimeError("this NSD is running already")
        zdir = self.dir / "zones"
        zdir.mkdir(parents=True, exist_ok=True)
        conf = [
            "server:",
            f"  ip-address: 127.0.0.1@{self.port}",
            "  do-ip6: no",
            f'  zonesdir: "{zdir}"',
            f'  pidfile: "{self.dir}/nsd.pid"',
            '  username: ""',
            '  database: ""',
            f'  xfrdfile: "{self.dir}/xfrd.state"',
            f'  zonelistfile: "{self.dir}/zone.list"',
            "  server-count: 1",
            "  verbosity: 0",
            "  hide-version: yes",
            # Response rate limiting protects public servers; on loopback it would drop the
            # bursts of same-kind answers (NXDOMAIN) that surveys and benchmarks send.
            "  rrl-ratelimit: 0",
            "remote-control:",
            "  control-enable: no",
        ]
        for i, z in enumerate(self.zones):
            fname = f"z{i}.zone"
            (zdir / fname).write_text(z.text(), encoding="latin-1")
            name = z.origin.rstrip(".") or "."
            conf += ["zone:", f'  name: "{name}"', f'  zonefile: "{fname}"']
        (self.dir / "nsd.conf").write_text("\n".join(conf) + "\n")
        log = open(self.dir / "nsd.log", "wb")  # noqa: SIM115 - kept open for the process
        self.proc = subprocess.Popen(
            [NSD, "-d", "-c", str(self.dir / "nsd.conf")],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: stop() ends the forked server and xfrd too
        )
        probe = self.zones[0].origin.rstrip(".") or "."
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nsd exited: {(self.dir / 'nsd.log').read_text(errors='replace')}")
            try:
                q = dns.message.make_query(probe, "SOA")
                r = dns.query.udp(
                    q, "127.0.0.1", port=self.port, timeout=0.2
                )  # a poll that retries until the deadline
                if r.answer:
                    return self
            except (OSError, dns.exception.Timeout):
                pass
            time.sleep(0.05)
        log_text = (self.dir / "nsd.log").read_text(errors="replace")
        self.stop()
        raise RuntimeError("nsd did not answer in time: " + log_text)

    def stop(self) -> None:
        """Ends NSD and every process it forked: a main process killed or gone before its
        children would otherwise leave the serving process running after the test."""
        if self.proc:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
            _end_group(self.proc.pid)
        self.proc = None
        if self._own_dir and not os.environ.get("MW_KEEP_NSD"):
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> NsdServer:
        return self if self.proc is not None else self.start()  # started already: ``with x.start()``

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _end_group(pgid: int, timeout: float = 30.0) -> None:
    """Kill what is left of a process group and wait until it is gone (a killed process
    lingers for a moment; the forked ones are reaped by init, not by us)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            return
        time.sleep(0.02)  # a poll until the group is gone, bounded by the deadline
    raise RuntimeError(f"NSD's processes (group {pgid}) did not end")


def zones_by_name(zones: Mapping[str, list[tuple[str, str]]]) -> list[Zone]:
    """{"example.test": [("TXT", '"v=spf1 -all"'), ...]} with owners relative to each zone."""
    out = []
    for origin, recs in zones.items():
        z = Zone(origin)
        for owner_type, rdata in recs:
            owner, _, rtype = owner_type.rpartition(" ")
            z.add(owner or "@", rtype, rdata)
        out.append(z)
    return out
