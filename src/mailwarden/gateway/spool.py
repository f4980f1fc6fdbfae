"""The gateway's durable spool: one file a message, its state the folder it sits in.

A file is a header line of JSON (envelope, decision, masked evidence — never the full values)
followed by the message bytes. It is written to ``tmp/``, flushed with ``fsync`` and renamed
into its state folder, whose directory entry is then synced too; only after that does the
gateway answer ``250``. A state change is one ``rename``: two actors racing on one message
(the delay timer and a cancel, say) cannot both win — the loser finds the file gone.

States: ``queue`` (to relay), ``held`` (awaiting an approver), ``delayed`` (sent when its time
comes unless cancelled), ``failed`` (refused for good downstream; kept for the administrator).
A delivered, rejected or cancelled message's file is removed.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

MAGIC = b"MWSPOOL1 "
STATES = ("queue", "held", "delayed", "failed")
#: the header line is small; a larger one means a damaged or foreign file
MAX_HEADER = 1 << 20


class SpoolFull(Exception):
    """No room: the sender should try again later (451)."""


class NotQueued(Exception):
    """The message is not (or no longer) in the state asked for."""


def new_id() -> str:
    """Time-ordered and unique: listing a folder sorted by name is arrival order."""
    return f"{time.time_ns():016x}{secrets.token_hex(4)}"


@dataclass
class Entry:
    """What the spool knows of one message, without its bytes."""

    id: str
    state: str
    meta: dict[str, Any] = field(default_factory=dict)
    size: int = 0

    @property
    def mail_from(self) -> str:
        return str(self.meta.get("mail_from", ""))

    @property
    def rcpt_tos(self) -> list[str]:
        return list(self.meta.get("rcpt_tos", []))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def header(meta: dict[str, Any]) -> bytes:
    return MAGIC + json.dumps(meta, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"


def decode(blob: bytes) -> tuple[dict[str, Any], bytes]:
    meta, offset = _meta(blob[:MAX_HEADER])
    return meta, blob[offset:]


def _meta(head: bytes) -> tuple[dict[str, Any], int]:
    """The header line's metadata and where the message starts."""
    if not head.startswith(MAGIC):
        raise ValueError("not a spool file")
    end = head.find(b"\n")
    if end < 0:
        raise ValueError("spool header unterminated")
    meta = json.loads(head[len(MAGIC) : end])
    if not isinstance(meta, dict):
        raise ValueError("spool header is not an object")
    return meta, end + 1


def read_head(path: Path) -> tuple[dict[str, Any], int]:
    """A spool file's metadata and the offset of its message, reading the header line only."""
    with open(path, "rb") as f:
        return _meta(f.readline(MAX_HEADER))


def _copy(src: Path, offset: int, dst: BinaryIO) -> int:
    """Append ``src`` from ``offset`` on to ``dst`` in the kernel (``copy_file_range``), never
    holding the message in memory; the bytes copied."""
    dst.flush()
    copied = 0
    with open(src, "rb") as s:
        try:
            while n := os.copy_file_range(s.fileno(), dst.fileno(), 1 << 24, offset + copied):
                copied += n
        except OSError:  # a file system without it: copy through a small buffer
            s.seek(offset + copied)
            dst.seek(0, os.SEEK_END)
            while block := s.read(1 << 20):
                dst.write(block)
                copied += len(block)
    return copied


class Spool:
    def __init__(self, root: Path, *, max_bytes: int = 2 << 30, min_free: int = 64 << 20) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.min_free = min_free
        for name in ("tmp", *STATES):
            (root / name).mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._bytes: int | None = None  # summed when first asked: the CLI and console never ask

    # -- room ---------------------------------------------------------------------------------
    @property
    def used(self) -> int:
        if self._bytes is None:
            with self._lock:
                self._bytes = self._size_on_disk()
        return self._bytes

    def _size_on_disk(self) -> int:
        return sum(f.stat().st_size for s in STATES for f in (self.root / s).iterdir() if f.is_file())

    def _add(self, delta: int) -> None:
        with self._lock:
            if self._bytes is not None:
                self._bytes += delta

    def has_room(self, size: int = 0) -> bool:
        if self.used + size > self.max_bytes:
            return False
        return shutil.disk_usage(self.root).free - size >= self.min_free

    # -- writing ------------------------------------------------------------------------------
    def put(
        self,
        state: str,
        meta: dict[str, Any],
        data: bytes = b"",
        *,
        src: Path | None = None,
        src_offset: int = 0,
        spool_id: str | None = None,
    ) -> str:
        """Write durably into ``state``; returns the id. The message is ``data`` followed by
        the file ``src`` from ``src_offset`` on (a message received to disk, a changed header
        before it): copied file to file, never read into memory. Raises :class:`SpoolFull`."""
        blob_size = len(data) + (src.stat().st_size - src_offset if src else 0) + 1024
        if not self.has_room(blob_size):
            raise SpoolFull
        sid = spool_id or new_id()
        meta = {**meta, "id": sid}
        self._add(self._write(sid, self.root / state / sid, header(meta), data, src, src_offset))
        return sid

    def rewrite(self, state: str, sid: str, meta: dict[str, Any], data: bytes) -> None:
        """Replace a message in place (fewer recipients left, say), atomically."""
        path = self.root / state / sid
        old = path.stat().st_size
        self._add(self._write(sid + ".new", path, header({**meta, "id": sid}), data) - old)

    def _write(
        self, tmp_name: str, target: Path, head: bytes, data: bytes, src: Path | None = None, offset: int = 0
    ) -> int:
        """Write the header line, ``data`` and ``src`` from ``offset`` to ``tmp/``, fsync,
        rename onto ``target`` and sync its folder; the size."""
        tmp = self.root / "tmp" / tmp_name
        with open(tmp, "wb") as f:
            f.write(head)
            f.write(data)
            copied = _copy(src, offset, f) if src is not None else 0
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
        return len(head) + len(data) + copied

    def move(self, sid: str, source: str, target: str) -> None:
        """One atomic step between states; :class:`NotQueued` if the message is not in ``source``."""
        try:
            os.rename(self.root / source / sid, self.root / target / sid)
        except FileNotFoundError as exc:
            raise NotQueued(sid) from exc
        _fsync_dir(self.root / target)

    def remove(self, sid: str, state: str) -> None:
        path = self.root / state / sid
        try:
            size = path.stat().st_size
            path.unlink()
        except FileNotFoundError as exc:
            raise NotQueued(sid) from exc
        _fsync_dir(path.parent)
        self._add(-size)

    def take(self, sid: str, state: str, *, into: str = "tmp") -> Path:
        """Claim a message by moving it out of ``state`` (to ``tmp`` under a claim name):
        whoever moves it first owns it. Returns the claimed path."""
        claimed = self.root / into / f"{sid}.{state}.claim"
        try:
            os.rename(self.root / state / sid, claimed)
        except FileNotFoundError as exc:
            raise NotQueued(sid) from exc
        return claimed

    def put_back(self, claimed: Path, state: str, meta: dict[str, Any]) -> None:
        """Return a claimed message to ``state`` with new metadata (fewer recipients, the last
        error), its message copied file to file. It asks for no room: the claim already holds
        its place, and a full spool must never keep a message out of the retry cycle. Should
        writing the new copy fail (a full disk), the claimed file itself goes back unchanged —
        still retried, never stuck."""
        sid = claimed.name.split(".", 1)[0]
        target = self.root / state / sid
        try:
            _, offset = read_head(claimed)
            written = self._write(sid + ".back", target, header({**meta, "id": sid}), b"", claimed, offset)
        except (OSError, ValueError):
            (self.root / "tmp" / (sid + ".back")).unlink(missing_ok=True)
            os.rename(claimed, target)
            _fsync_dir(target.parent)
            return
        old = claimed.stat().st_size
        claimed.unlink()
        _fsync_dir(claimed.parent)
        self._add(written - old)

    def unclaim(self, sid: str) -> bool:
        """Put back, unchanged, whatever claim is held on ``sid`` (after a failure in delivery)."""
        for p in (self.root / "tmp").glob(f"{sid}.*.claim"):
            state = p.name.rsplit(".", 2)[1]
            if state in STATES:
                os.rename(p, self.root / state / sid)
                _fsync_dir(self.root / state)
                return True
        return False

    def drop_claim(self, claimed: Path) -> None:
        size = claimed.stat().st_size
        claimed.unlink()
        _fsync_dir(claimed.parent)
        self._add(-size)

    # -- reading ------------------------------------------------------------------------------
    def read(self, sid: str, state: str) -> tuple[dict[str, Any], bytes]:
        try:
            blob = (self.root / state / sid).read_bytes()
        except FileNotFoundError as exc:
            raise NotQueued(sid) from exc
        return decode(blob)

    def entry(self, sid: str, state: str) -> Entry:
        path = self.root / state / sid
        try:
            meta, _ = read_head(path)
            size = path.stat().st_size
        except FileNotFoundError as exc:
            raise NotQueued(sid) from exc
        return Entry(sid, state, meta, size)

    def ids(self, state: str) -> list[str]:
        return sorted(p.name for p in (self.root / state).iterdir() if p.is_file())

    def entries(self, state: str) -> Iterator[Entry]:
        for sid in self.ids(state):
            try:
                yield self.entry(sid, state)
            except (NotQueued, ValueError):
                continue  # gone meanwhile, or not ours

    def find(self, sid: str) -> Entry:
        for state in STATES:
            if (self.root / state / sid).is_file():
                return self.entry(sid, state)
        raise NotQueued(sid)

    def matching(self, prefix: str, states: tuple[str, ...] = STATES) -> list[str]:
        """The ids in ``states`` that start with ``prefix``; only the id itself when one is
        exactly that (an id is never a prefix of another: they are all one length)."""
        if not prefix or "/" in prefix or prefix.startswith("."):
            return []
        if any((self.root / state / prefix).is_file() for state in states):
            return [prefix]
        return sorted({sid for state in states for sid in self.ids(state) if sid.startswith(prefix)})

    def recover(self) -> int:
        """After a crash: partial writes in ``tmp`` were never acknowledged and go; a claim
        taken for delivery goes back to its state (delivery is retried; the spool id in the
        relayed header lets downstream drop a duplicate). Returns the number restored."""
        restored = 0
        for p in (self.root / "tmp").iterdir():
            if p.name.endswith(".claim"):
                sid, state, _ = p.name.rsplit(".", 2)
                if state in STATES:
                    os.rename(p, self.root / state / sid)
                    restored += 1
                    continue
            p.unlink()
        _fsync_dir(self.root / "tmp")
        with self._lock:
            self._bytes = self._size_on_disk()
        return restored
