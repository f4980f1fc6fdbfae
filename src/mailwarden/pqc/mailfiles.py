"""Files and messages the inventory reads: directories walked (bounded, symbolic links not
followed), mbox files split into messages (Maildir directories are files of one message each),
everything read with a size cap. Yields ``(label, bytes, error)``; a file that cannot be read
is yielded with the error instead of bytes."""

from __future__ import annotations

import email
import email.policy
import mailbox
import os
import re
from collections.abc import Iterable, Iterator
from email.message import EmailMessage
from pathlib import Path

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_FILES",
    "Item",
    "is_keybox",
    "is_message",
    "keybox_blobs",
    "parts",
    "walk",
]

MAX_BYTES = 50 * 1024 * 1024  # per file or message
MAX_FILES = 100_000
MAX_PARTS = 500
MAX_DEPTH = 8  # multiparts and attached messages inside each other
_HEAD = 64 * 1024  # a header block longer than this is not looked at

Item = tuple[str, bytes | None, str]  # label, content (None when unreadable), error

#: a header field's start: a name of printable characters but the colon (RFC 5322 §2.2)
_FIELD = re.compile(rb"([!-9;-~]+)[ \t]*:")
_MAIL_FIELDS = {b"from", b"to", b"subject", b"date", b"message-id", b"mime-version", b"content-type",
                b"received", b"return-path", b"autocrypt", b"delivered-to"}  # fmt: skip


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p):  # does not follow links to directories
                dirs.sort()
                for name in sorted(files):
                    f = Path(root, name)
                    if not f.is_symlink():
                        yield f
        elif p.is_file():
            yield p


def walk(paths: Iterable[Path], *, max_bytes: int = MAX_BYTES, max_files: int = MAX_FILES) -> Iterator[Item]:
    for n, f in enumerate(_files(paths)):
        if n >= max_files:
            yield str(f), None, f"more than {max_files} files: the rest is not read"
            return
        try:
            if _looks_mbox(f):
                yield from _mbox(f, max_bytes)
                continue
            if f.stat().st_size > max_bytes:
                yield str(f), None, f"larger than {_size(max_bytes)}: not read"
                continue
            yield str(f), f.read_bytes(), ""
        except OSError as exc:
            yield str(f), None, f"cannot be read: {exc.strerror or exc}"


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _looks_mbox(f: Path) -> bool:
    with f.open("rb") as fh:
        return fh.read(5) == b"From "


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
                yield label, None, f"larger than {_size(max_bytes)}: not read"
                continue
            yield label, data, ""
    finally:
        box.close()


def is_message(data: bytes) -> bool:
    """An RFC 5322 message: it starts with header fields, one of them a mail header."""
    head = data[:_HEAD].replace(b"\r\n", b"\n")
    end = head.find(b"\n\n")
    block = head if end < 0 else head[:end]
    starts = (m for m in _FIELD.finditer(block) if m.start() == 0 or block[m.start() - 1] == 10)
    names = {m.group(1).lower() for m in starts}
    return bool(block) and _FIELD.match(block) is not None and bool(names & _MAIL_FIELDS)


def parts(data: bytes) -> Iterator[EmailMessage]:
    """The message and its parts, attached messages included: at most :data:`MAX_PARTS`,
    :data:`MAX_DEPTH` levels deep. Raises ValueError when the message cannot be parsed."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    except RecursionError as exc:  # the parser recurses once per nested multipart
        raise ValueError("nested too deeply") from exc
    assert isinstance(msg, EmailMessage)
    stack: list[tuple[EmailMessage, int]] = [(msg, 0)]
    count = 0
    while stack:
        part, depth = stack.pop()
        yield part
        count += 1
        if count >= MAX_PARTS:
            return
        if part.is_multipart() and depth < MAX_DEPTH:
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in reversed(children) if isinstance(c, EmailMessage))


def is_keybox(data: bytes) -> bool:
    """GnuPG's keybox (``pubring.kbx``): a header blob of type 1 with the magic ``KBXf``."""
    return len(data) >= 12 and data[4] == 1 and data[8:12] == b"KBXf"


def keybox_blobs(data: bytes, *, limit: int = MAX_FILES) -> Iterator[tuple[int, bytes]]:
    """(type, content) of a keybox's blobs — 2: an OpenPGP keyblock, 3: an X.509 certificate
    (gpgsm's) — after GnuPG's kbx/keybox-blob.c: u32 length, byte type, byte version, u16
    flags, u32 offset and u32 length of the content, both within the blob. Raises ValueError
    on a blob that does not fit."""
    pos = 0
    for _ in range(limit):
        if pos + 16 > len(data):
            return
        size, kind = int.from_bytes(data[pos : pos + 4], "big"), data[pos + 4]
        if size < 16 or pos + size > len(data):
            raise ValueError("keybox blob truncated")
        offset, length = (int.from_bytes(data[pos + i : pos + i + 4], "big") for i in (8, 12))
        if kind in (2, 3):
            if offset + length > size:
                raise ValueError("keybox blob content out of bounds")
            yield kind, data[pos + offset : pos + offset + length]
        pos += size
