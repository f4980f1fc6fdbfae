"""Files and messages the inventory reads: directories walked (bounded), mbox files split into
messages, everything read with a size cap. Yields ``(label, bytes)``; a file that cannot be
read is yielded with the error instead of bytes."""

from __future__ import annotations

import email
import email.policy
import mailbox
from collections.abc import Iterable, Iterator
from email.message import EmailMessage
from pathlib import Path

__all__ = ["MAX_BYTES", "MAX_FILES", "Item", "is_message", "parts", "walk"]

MAX_BYTES = 50 * 1024 * 1024  # per file or message
MAX_FILES = 100_000
MAX_PARTS = 500

Item = tuple[str, bytes | None, str]  # label, content (None when unreadable), error


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    seen = 0
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.is_symlink():
                    seen += 1
                    if seen > MAX_FILES:
                        return
                    yield f
        elif p.is_file():
            seen += 1
            yield p


def walk(paths: Iterable[Path], *, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    for f in _files(paths):
        try:
            size = f.stat().st_size
            if size > max_bytes and not _looks_mbox(f):
                yield str(f), None, f"larger than {max_bytes // (1024 * 1024)} MB: not read"
                continue
            if _looks_mbox(f):
                yield from _mbox(f, max_bytes)
                continue
            yield str(f), f.read_bytes(), ""
        except OSError as exc:
            yield str(f), None, f"cannot be read: {exc.strerror or exc}"


def _looks_mbox(f: Path) -> bool:
    try:
        with f.open("rb") as fh:
            return fh.read(5) == b"From "
    except OSError:
        return False


def _mbox(f: Path, max_bytes: int) -> Iterator[Item]:
    box = mailbox.mbox(f, create=False)
    try:
        for n, key in enumerate(box.iterkeys()):
            label = f"{f}#{n + 1}"
            try:
                data = box.get_bytes(key)
            except (OSError, ValueError, KeyError) as exc:
                yield label, None, f"cannot be read: {exc}"
                continue
            if len(data) > max_bytes:
                yield label, None, f"larger than {max_bytes // (1024 * 1024)} MB: not read"
                continue
            yield label, data, ""
    finally:
        box.close()


def is_message(data: bytes) -> bool:
    head = data[:4096]
    return b"\n\n" in head.replace(b"\r\n", b"\n") and any(
        h in head.lower() for h in (b"content-type:", b"from:", b"subject:", b"mime-version:", b"autocrypt:")
    )


def parts(data: bytes) -> Iterator[EmailMessage]:
    """The message and its parts (bounded), attached messages included."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    for n, part in enumerate(msg.walk()):
        if n >= MAX_PARTS:
            return
        yield part
