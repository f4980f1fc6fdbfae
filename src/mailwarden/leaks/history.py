"""``mailwarden leaks scan --git``: every line ever added in a repository's history, with the
commit, author and date that added it.

``git log -p --all`` is read as a stream (one file's added lines at a time, each capped), so a
history of any length runs in bounded memory; a secret added and later removed is still found
(it is still in the history, and still has to be rotated). A credential added in several
commits (branches, rebases, cherry-picks) is reported once, at the oldest commit that added it.
A shallow clone is scanned as far as it goes and said to be shallow; a history git cannot read
to the end is reported with what git said, and what was read before is kept."""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.i18n import gettext
from .find import Secret, find_in, link
from .scan import BINARY_SUFFIXES, Options, ScanResult, _excluded

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")
_MARK = b"\x00mw-commit\x00"


@dataclass
class _Chunk:
    commit: str
    author: str
    date: str
    path: str
    lines: list[tuple[int, bytes]]


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, timeout=60, check=False)


def _chunks(proc: subprocess.Popen[bytes], max_size: int) -> Iterator[_Chunk]:
    commit = author = date = ""
    path: str | None = None
    lines: list[tuple[int, bytes]] = []
    size = 0
    new_line = 0

    def flush() -> Iterator[_Chunk]:
        if path is not None and lines:
            yield _Chunk(commit, author, date, path, lines)

    assert proc.stdout is not None
    for raw in proc.stdout:
        line = raw.rstrip(b"\n")
        if line.startswith(_MARK):
            yield from flush()
            parts = line[len(_MARK) :].split(b"\x00")
            commit, author, date = (p.decode("utf-8", "replace") for p in [*parts, b"", b"", b""][:3])
            path, lines, size = None, [], 0
        elif line.startswith(b"diff --git "):
            yield from flush()
            path, lines, size = None, [], 0
        elif line.startswith(b"+++ "):
            target = line[4:]
            path = None if target == b"/dev/null" else target.removeprefix(b"b/").decode("utf-8", "replace")
        elif line.startswith(b"@@"):
            m = _HUNK.match(line)
            new_line = int(m.group(1)) if m else 0
        elif line.startswith(b"+") and path is not None:
            if size + len(line) <= max_size:
                lines.append((new_line, line[1:]))
                size += len(line)
            new_line += 1
        elif line.startswith(b" "):
            new_line += 1
    yield from flush()


def scan_history(repo: Path, options: Options | None = None) -> ScanResult:
    options = options or Options()
    result = ScanResult()
    check = _git(repo, "rev-parse", "--is-shallow-repository")
    if check.returncode != 0:
        result.notes.append(
            gettext("{repo} is not a git repository: {error}").format(
                repo=repo, error=check.stderr.decode("utf-8", "replace").strip()[:200]
            )
        )
        return result
    if check.stdout.strip() == b"true":
        result.notes.append(
            gettext("{repo} is a shallow clone: only the history it holds was scanned").format(repo=repo)
        )
    cmd = [
        "git", "-C", str(repo), "-c", "core.quotepath=off", "log", "-p", "--all", "--no-color",
        "--no-ext-diff", "--no-renames", "--no-textconv", "-U0", "--diff-filter=AM",
        "--format=%x00mw-commit%x00%H%x00%an <%ae>%x00%aI",
    ]  # fmt: skip
    first: dict[str, Secret] = {}
    commits: set[str] = set()
    # git's complaints go to a file, not a pipe: they can never block it
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=errors)
        try:
            for chunk in _chunks(proc, options.max_size):
                commits.add(chunk.commit)
                if _excluded(chunk.path, options):
                    result.skipped["excluded"] += 1
                    continue
                if Path(chunk.path).suffix.lower() in BINARY_SUFFIXES:
                    result.skipped["binary"] += 1
                    continue
                data = b"\n".join(text for _, text in chunk.lines)
                result.bytes += len(data)
                for s in find_in(data, chunk.path):
                    s.line = chunk.lines[s.line - 1][0] if 0 < s.line <= len(chunk.lines) else s.line
                    s.commit, s.author, s.date = chunk.commit, chunk.author, chunk.date
                    first[s.fingerprint] = s  # newest first: the last one kept is the oldest
        finally:
            proc.communicate(timeout=60)
        errors.seek(0)
        err = errors.read(4096)
    if proc.returncode != 0:
        result.notes.append(
            gettext("git could not read the whole history of {repo}: {error}").format(
                repo=repo, error=err.decode("utf-8", "replace").strip()[:300]
            )
        )
    result.commits = len(commits)
    result.secrets = sorted(first.values(), key=lambda s: (s.date, s.path, s.line))
    result.secrets = link(result.secrets)
    return result
