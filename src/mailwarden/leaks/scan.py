"""``mailwarden leaks scan PATH…``: files and directories, read once each, in bounded memory.

Skipped by default, and counted by reason: version-control and vendored trees
(:data:`SKIP_DIRS`), binary files (a NUL byte in the first 8 KB, or a known binary suffix),
files over ``max_size``, symbolic links (never followed: no loops, nothing outside the tree)
and files that cannot be read. A file is read whole (it is at most ``max_size``) and scanned
as bytes: any encoding, broken UTF-8 or Shift_JIS included."""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from .find import Secret, find_in, link

#: directories not entered unless asked (--all)
SKIP_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", "node_modules", "vendor", "bower_components", "third_party",
        "site-packages", ".venv", "venv", ".tox", ".nox", "__pycache__", ".mypy_cache",
        ".ruff_cache", ".pytest_cache", ".idea", ".gradle",
    }
)  # fmt: skip
BINARY_SUFFIXES = frozenset(
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".bmp", ".tif", ".tiff", ".pdf",
        ".zip", ".gz", ".bz2", ".xz", ".zst", ".7z", ".tar", ".jar", ".war", ".whl", ".so",
        ".dll", ".dylib", ".exe", ".bin", ".o", ".a", ".class", ".pyc", ".woff", ".woff2",
        ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".mov", ".avi", ".wav", ".ogg", ".sqlite",
        ".db", ".xlsx", ".docx", ".pptx",
    }
)  # fmt: skip
MAX_SIZE = 10 * 1024 * 1024
SNIFF = 8192


@dataclass
class ScanResult:
    secrets: list[Secret] = field(default_factory=list)
    files: int = 0
    #: commits read (history scans)
    commits: int = 0
    bytes: int = 0
    #: files and directories not read, by reason: binary, too-large, symlink, unreadable,
    #: skipped-dir, excluded
    skipped: Counter[str] = field(default_factory=Counter)
    #: what went wrong reading a git history (shallow, corrupt…), if anything
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    max_size: int = MAX_SIZE
    #: enter the directories of SKIP_DIRS too
    all_dirs: bool = False
    #: path globs (relative, forward slashes) not scanned
    exclude: tuple[str, ...] = ()


def _excluded(rel: str, options: Options) -> bool:
    return bool(options.exclude) and any(
        fnmatch(rel, g) or fnmatch(rel, g.rstrip("/") + "/*") for g in options.exclude
    )


def files(roots: Iterable[Path], options: Options, result: ScanResult) -> Iterator[tuple[str, str]]:
    """(path, name shown) of every file to read, skipping and counting the rest: symbolic
    links are known from the directory entry (no system call), never followed."""
    for root in roots:
        top = os.fspath(root)
        try:
            st = os.lstat(top)
        except OSError:
            result.skipped["unreadable"] += 1
            continue
        if stat.S_ISREG(st.st_mode):
            yield top, root.as_posix()
            continue
        if stat.S_ISLNK(st.st_mode):
            result.skipped["symlink"] += 1
            continue
        prefix = "" if root == Path(".") else root.as_posix().rstrip("/") + "/"
        # depth first, a directory's files before its subdirectories, each in name order
        stack: list[tuple[str, str]] = [(top, "")]
        while stack:
            here, rel_dir = stack.pop()
            try:
                with os.scandir(here) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError:
                result.skipped["unreadable"] += 1
                continue
            subdirs = []
            for e in entries:
                rel = rel_dir + e.name
                if e.is_symlink():
                    if e.is_dir() and (
                        (not options.all_dirs and e.name in SKIP_DIRS) or _excluded(rel, options)
                    ):
                        result.skipped["skipped-dir"] += 1
                    else:
                        result.skipped["symlink"] += 1
                elif e.is_dir(follow_symlinks=False):
                    if (not options.all_dirs and e.name in SKIP_DIRS) or _excluded(rel, options):
                        result.skipped["skipped-dir"] += 1
                    else:
                        subdirs.append((e.path, rel + "/"))
                elif _excluded(rel, options):
                    result.skipped["excluded"] += 1
                else:
                    yield e.path, prefix + rel
            stack.extend(reversed(subdirs))


def read(path: str, options: Options, result: ScanResult) -> bytes | None:
    """The file's bytes, or None (counted) when it is not to be scanned. One open (never
    through a symbolic link, never blocking on a FIFO), one fstat, reads to the end."""
    dot = path.rfind(".")
    if dot > path.rfind("/") and path[dot:].lower() in BINARY_SUFFIXES:
        result.skipped["binary"] += 1
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        result.skipped["symlink" if e.errno == errno.ELOOP else "unreadable"] += 1
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            result.skipped["not-a-file"] += 1
            return None
        if st.st_size > options.max_size:
            result.skipped["too-large"] += 1
            return None
        data = os.read(fd, st.st_size + 1)
        if len(data) > st.st_size or len(data) < st.st_size:  # it grew or shrank meanwhile: read it whole
            rest = [data]
            while chunk := os.read(fd, 1 << 20):
                rest.append(chunk)
                if sum(map(len, rest)) > options.max_size:
                    break
            data = b"".join(rest)
    except OSError:
        result.skipped["unreadable"] += 1
        return None
    finally:
        os.close(fd)
    if len(data) > options.max_size:
        result.skipped["too-large"] += 1
        return None
    if b"\0" in data[:SNIFF]:
        result.skipped["binary"] += 1
        return None
    return data


def scan_paths(roots: Iterable[Path], options: Options | None = None) -> ScanResult:
    """Every credential under ``roots``, its pieces linked across the whole scan."""
    options = options or Options()
    result = ScanResult()
    for path, shown in files(roots, options, result):
        data = read(path, options, result)
        if data is None:
            continue
        result.files += 1
        result.bytes += len(data)
        result.secrets.extend(find_in(data, shown))
    result.secrets = link(result.secrets)
    return result
