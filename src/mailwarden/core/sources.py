"""Where messages come from: files (.eml or mbox), directories (recursive), or standard
input; each message carries the path it came from (``file#n`` inside an mbox)."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
#: standard input is read whole (an mbox may hold many messages), up to this much
MAX_STDIN_BYTES = 1024 * 1024 * 1024


def read_stdin(limit: int = MAX_STDIN_BYTES) -> bytes:
    """Standard input, whole; ``InputError`` when it holds more than ``limit`` bytes."""
    from .errors import InputError

    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"standard input is larger than {limit} bytes")
    return data


_MBOX_SPLIT = re.compile(rb"(?:^|\n)From [^\n]*\n")
_UNQUOTE = re.compile(rb"(?m)^>(>*From )")


#: what of a file is read to tell an mbox from a file of one message
_MBOX_HEAD = 1000


def _is_mbox(data: bytes) -> bool:
    return data.startswith(b"From ") and b"\n" in data[:_MBOX_HEAD]


def _split(origin: str, data: bytes) -> Iterator[tuple[str, bytes | _Later]]:
    """The messages of ``data``: itself, or those of an mbox (each unquoted when taken)."""
    if _is_mbox(data):
        parts = [p for p in _MBOX_SPLIT.split(data) if p and not p.isspace()]
        for i, part in enumerate(parts, 1):
            yield f"{origin}#{i}", _Later(part=part)
        return
    yield origin, data


def messages(paths: list[str], stdin: bytes | None = None) -> Iterator[tuple[str, bytes | str]]:
    """(origin, bytes) for each message; (origin, reason) when a path cannot be read."""
    for origin, item in _units(paths, stdin):
        yield origin, item.read() if isinstance(item, _Later) else item


class _Later:
    """A message read when it is taken: of a directory shared by two processes, each reads
    (and unquotes) only its own. Either a file that holds one message (it does not begin as
    an mbox does), or a message of an mbox, its "From " quoting still to undo."""

    __slots__ = ("part", "path")

    def __init__(self, path: Path | None = None, part: bytes = b"") -> None:
        self.path = path
        self.part = part

    def read(self) -> bytes | str:
        if self.path is None:
            # mboxrd quoting: ">From " at a line start was "From "
            return _UNQUOTE.sub(rb"\1", self.part)
        try:
            fh = _open_regular(self.path)
            if isinstance(fh, str):
                return fh
            with fh:
                data = fh.read(MAX_MESSAGE_BYTES + 1)
        except OSError as exc:
            return f"{type(exc).__name__}: {exc.strerror or exc}"
        if len(data) > MAX_MESSAGE_BYTES:
            return f"larger than {MAX_MESSAGE_BYTES} bytes"
        return data


def _open_regular(path: Path) -> BinaryIO | str:
    """The file opened for reading, or why not: only a regular file is read (a FIFO or a
    device would block or never end), checked on the open file itself, so a path swapped for a
    FIFO after it was listed cannot block the read (opening does not wait: O_NONBLOCK). What
    is not a regular file when looked at first is not opened at all (a device may act on it)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        return "not a regular file"
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            os.close(fd)
            return "not a regular file"
        if st.st_size > MAX_MESSAGE_BYTES:
            os.close(fd)
            return f"larger than {MAX_MESSAGE_BYTES} bytes"
        return os.fdopen(fd, "rb")
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise


def _files(path: Path) -> list[Path]:
    """The files a path names, in order: itself, or every file under a directory (recursive,
    symbolic links to directories not followed); of a Maildir, only its messages (below)."""
    if not path.is_dir():
        return [path]
    found: list[Path] = []
    _collect(path, found)
    return sorted(found)


def is_maildir(d: Path) -> bool:
    """A Maildir holds ``cur/`` and ``new/`` or ``tmp/`` (a Maildir++ folder may lack some)."""
    return (d / "cur").is_dir() and ((d / "new").is_dir() or (d / "tmp").is_dir())


def _collect(d: Path, found: list[Path]) -> None:
    if is_maildir(d):
        _maildir(d, found)
        return
    try:
        entries = list(d.iterdir())
    except OSError:
        return
    for e in entries:
        if e.is_dir():
            if not e.is_symlink():
                _collect(e, found)
        elif e.is_file():
            found.append(e)


def _maildir(d: Path, found: list[Path]) -> None:
    """The messages of a Maildir: the files of ``cur/`` and ``new/`` (not ``tmp/``, where
    messages are still being written), dot-files left out; and those of its Maildir++ folders
    (``.Sent/cur``…) or, as Dovecot's ``LAYOUT=fs`` keeps them, its folders by name
    (``Archive/cur``, ``Archive/2023/cur``). The server's own files beside them
    (dovecot-uidlist, dovecot.index*, subscriptions, maildirfolder, courierimap*) are not
    messages and are not read."""
    for sub in ("cur", "new"):
        try:
            entries = list((d / sub).iterdir())
        except OSError:
            continue
        found.extend(e for e in entries if not e.name.startswith(".") and e.is_file())
    try:
        folders = [e for e in sorted(d.iterdir()) if e.name not in ("cur", "new", "tmp")]
    except OSError:
        return
    for f in folders:
        if f.is_dir() and not f.is_symlink() and ((f / "cur").is_dir() or (f / "new").is_dir()):
            _maildir(f, found)


def _units(paths: list[str], stdin: bytes | None = None) -> Iterator[tuple[str, bytes | str | _Later]]:
    """(origin, bytes, reason or a file to read later) for each message, in order. Only a
    file's first kilobyte is read to tell an mbox (its messages are counted now) from a file
    of one message (read when taken)."""
    for p in paths:
        if p == "-":
            yield from _split("stdin", stdin or b"")
            continue
        path = Path(p)
        for f in _files(path):
            try:
                fh = _open_regular(f)
                if isinstance(fh, str):
                    yield str(f), fh
                    continue
                with fh:
                    head = fh.read(_MBOX_HEAD)
                    data = head + fh.read(MAX_MESSAGE_BYTES - len(head)) if _is_mbox(head) else None
            except OSError as exc:
                yield str(f), f"{type(exc).__name__}: {exc.strerror or exc}"
                continue
            if data is None:
                yield str(f), _Later(path=f)
            else:
                yield from _split(str(f), data)


def per_message(
    paths: list[str],
    stdin: bytes | None,
    work: Callable[[bytes], Mapping[str, Any]],
    prepare: Callable[[str, bytes], bytes] | None = None,
) -> Iterator[dict[str, Any]]:
    """``{"path": …, **work(bytes)}`` for every message, in input order; unreadable paths give
    ``{"path": …, "error": …}``. Files and directories are shared by two processes (a
    directory of thousands uses both cores); standard input runs here. ``prepare(origin,
    data)``, when given, turns what was read into what ``work`` takes (``dlp check`` wraps a
    spreadsheet given alone into a message)."""
    from .gc import tune_for_long_run
    from .parallel import can_fork, forked, share

    def one(origin: str, data: bytes | str | _Later) -> dict[str, Any]:
        if isinstance(data, _Later):
            data = data.read()
        if isinstance(data, str):
            return {"path": origin, "error": data}
        if prepare is not None:
            data = prepare(origin, data)
        return {"path": origin, **work(data)}

    if stdin is None and can_fork():
        tune_for_long_run()  # before the fork: both processes collect less often (gc.py)

        def produce(worker: int, workers: int) -> Iterator[dict[str, Any]]:
            for origin, data in share(_units(paths), worker, workers):
                yield one(origin, data)

        yield from forked(produce, workers=2, flush=64)
        return
    for origin, data in messages(paths, stdin):
        yield one(origin, data)


#: a header field: a name of printable ASCII other than ":" (RFC 5322 §2.2), then ":"
_FIELD = re.compile(rb"[\x21-\x39\x3b-\x7e]+[ \t]*:")
#: fields of which a message holds at least one (a README, a Makefile or a script holds none)
_MAIL_FIELDS = frozenset(
    {b"from", b"to", b"cc", b"subject", b"date", b"message-id", b"received", b"return-path", b"sender"}
)
#: how far the header block is looked at
_HEAD_BYTES = 256 * 1024


def looks_like_mail(data: bytes) -> bool:
    """Does ``data`` start with a header block of RFC 5322 fields? Its first line (after an
    mbox "From " line) must be a ``Name: value`` field and one of the fields every message
    carries (From, To, Subject, Date, Message-ID, Received…) must stand before the first
    blank line. Text that is not mail (a README, a Makefile) is told apart before any parser
    or verifier reads it as a message."""
    head = data[:_HEAD_BYTES].lstrip(b"\xef\xbb\xbf")
    # "\n\r?\n", not "\r?\n\r?\n": a pattern that starts with a literal is searched for by
    # it (10x faster on a CRLF message); a "\r" left at the end of the lines changes nothing
    end = re.search(rb"\n\r?\n", head)
    lines = (head[: end.start()] if end else head).splitlines()
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    if not lines or _FIELD.match(lines[0]) is None:
        return False
    for line in lines:
        m = _FIELD.match(line)
        if m is not None and line[: m.end() - 1].rstrip(b" \t").lower() in _MAIL_FIELDS:
            return True
    return False
