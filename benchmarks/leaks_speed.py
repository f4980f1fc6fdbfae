"""Benchmark: the leak scanner's speed on a large source tree and a long git history, beside
detect-secrets 1.5.0 in the same run.

    .venv/bin/python benchmarks/leaks_speed.py [--subset-mb 8] [--commits 20000] [--rounds 3]
        [--no-peer] [--no-history] [--profile]

The tree: every text source (.py, .pyi, .js, .ts, .c, .h, .json, .yaml, .md, .rst, .txt…) of
this venv's site-packages and of the stdlib, copied to a temporary directory (symbolic links
left out), then read once so that every run finds it in the page cache (warm: the figures are
the scanner's, not the disk's). Timed, per round (the median is printed):

- **component**: ``scan_paths()`` in this process (walk, read, prefilter, rules, linking);
- **end to end**: ``mailwarden leaks scan DIR -f json`` as a user runs it, a child process
  (start-up, imports and the JSON report included).

MB/s per core is bytes read ÷ CPU seconds (user + system, of this process for the component,
of the child process for the command, from ``getrusage``); the wall time is printed beside it.
The machine has two cores and the scanner uses one: MB/s per core is the figure to compare.

detect-secrets (``.venv-peers/bin/detect-secrets scan --all-files``) is slow, so it runs on a
fixed subset of the tree (the first ``--subset-mb`` MB of files in path order, copied to a
directory of its own), and mailwarden is timed on the same subset (component and command):
the ratio printed is from that subset, CPU seconds for CPU seconds (detect-secrets' worker
processes included) and wall for wall.

The long history: a git repository made with ``git fast-import`` — ``--commits`` commits of
realistic small diffs (a few lines changed in one or two of 300 source files), a handful of
them adding credentials (some removed later) — scanned with ``mailwarden leaks scan --git``
as a child process: commits/s, MB/s of added lines and of ``git log -p`` text, and the peak
RSS of the process tree (``ru_maxrss`` from ``wait4``), at a quarter of the commits and at all
of them, to show memory does not grow with the history.

Targets from issue 19: ≥ 100 MB/s of source per core (a prefilter before any regex) and ≥ 20×
detect-secrets.
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
PEER = ROOT / ".venv-peers" / "bin" / "detect-secrets"

from mailwarden.leaks import aws  # noqa: E402
from mailwarden.leaks.scan import MAX_SIZE, SKIP_DIRS, scan_paths  # noqa: E402

TEXT = {
    ".py", ".pyi", ".js", ".mjs", ".ts", ".c", ".h", ".cpp", ".json", ".yaml", ".yml", ".md", ".rst",
    ".txt", ".cfg", ".toml", ".ini", ".xml", ".html", ".css", ".csv", ".po", ".sh",
}  # fmt: skip
SOURCES = (Path(sysconfig.get_paths()["purelib"]), Path(sysconfig.get_paths()["stdlib"]))
ENV = {**os.environ, "MAILWARDEN_LANG": "en", "PYTHONPATH": str(ROOT / "src")}


def copy_tree(dest: Path) -> tuple[int, int]:
    """Copy the text sources into ``dest``; (files, bytes)."""
    files = total = 0
    for n, src in enumerate(SOURCES):
        for dirpath, dirnames, filenames in os.walk(src):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            rel = Path(dirpath).relative_to(src)
            # the scanner skips vendored trees and site-packages by default: they are copied
            # under names it enters, so that the whole tree is read
            rel = Path(*(p + "_" if p in SKIP_DIRS else p for p in rel.parts))
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if path.suffix not in TEXT or path.is_symlink() or path.stat().st_size > MAX_SIZE:
                    continue
                target = dest / f"src{n}" / rel / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                files += 1
                total += target.stat().st_size
    return files, total


def warm(root: Path) -> int:
    total = 0
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            with open(os.path.join(dirpath, name), "rb") as fh:
                total += len(fh.read())
    return total


def subset(src: Path, dest: Path, mb: float) -> int:
    """The first ``mb`` MB of files, in path order, copied to ``dest``."""
    total = 0
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        if total >= mb * 1e6:
            break
        target = dest / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        total += target.stat().st_size
    return total


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def component(root: Path) -> tuple[float, float, int, int]:
    """(CPU s, wall s, bytes, findings) of scan_paths in this process."""
    c0, t0 = cpu_self(), time.perf_counter()
    result = scan_paths([root])
    return cpu_self() - c0, time.perf_counter() - t0, result.bytes, len(result.secrets)


def child(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, float, bytes, bytes]:
    """(CPU s, wall s, peak RSS MB, stdout, stderr) of a child process and what it waited for
    (``wait4``: CPU summed, RSS the largest of the tree)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, env=ENV)
        _, _, ru = os.wait4(proc.pid, 0)
        proc.returncode = 0
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        return ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss / 1024, out.read(), err.read()


#: ``python -m mailwarden …`` that says, as it ends, its own CPU and peak RSS and its children's
#: (git's) apart
WRAPPER = """
import resource, runpy, sys
sys.argv = ["mailwarden", *sys.argv[1:]]
try:
    runpy.run_module("mailwarden", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
finally:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # ru_maxrss of a process started by fork and exec counts its parent's size at the fork:
    # this process's own peak is /proc's VmHWM
    try:
        hwm = [int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM:")][0]
    except (OSError, IndexError):
        hwm = me.ru_maxrss
    print("RUSAGE", me.ru_utime + me.ru_stime, hwm, kids.ru_utime + kids.ru_stime, kids.ru_maxrss,
          file=sys.stderr)
"""


@dataclass
class Run:
    cpu: float  # the process tree (git included)
    wall: float
    self_cpu: float
    self_rss: float  # MB, the mailwarden process alone
    git_cpu: float
    git_rss: float
    doc: dict[str, Any]


def command(root: Path, *extra: str) -> Run:
    """``mailwarden leaks scan ROOT -f json`` as a user runs it."""
    cpu, wall, _, out, err = child(
        [sys.executable, "-c", WRAPPER, "leaks", "scan", str(root), "-f", "json", *extra]
    )
    line = [x for x in err.decode().splitlines() if x.startswith("RUSAGE ")][-1].split()
    me_cpu, me_rss, kid_cpu, kid_rss = (float(x) for x in line[1:])
    return Run(cpu, wall, me_cpu, me_rss / 1024, kid_cpu, kid_rss / 1024, json.loads(out))


# --- the long history ---------------------------------------------------------------------------


def fast_import_stream(commits: int, seed: int, sources: list[bytes], planted: list[int]) -> Iterator[bytes]:
    """A fast-import stream of ``commits`` commits on one branch, commit by commit; the number
    of credentials planted is added to ``planted``."""
    rnd = random.Random(seed)
    files = {f"pkg/mod{i:03d}.py": sources[i % len(sources)][:6000] for i in range(300)}
    names = list(files)
    t = 1_600_000_000

    def blob(data: bytes) -> bytes:
        return b"data %d\n%s\n" % (len(data), data)

    for c in range(commits):
        out = bytearray(b"commit refs/heads/main\n")
        out += b"author Dev %d <dev%d@example.jp> %d +0900\n" % (c % 7, c % 7, t + c * 60)
        out += b"committer Dev <dev@example.jp> %d +0900\n" % (t + c * 60)
        out += blob(b"change %d" % c)
        for _ in range(rnd.choice((1, 1, 1, 2))):
            path = rnd.choice(names)
            lines = files[path].split(b"\n")
            at = rnd.randrange(len(lines))
            new = [
                b"    value_%d = compute(%d, %r)" % (rnd.randrange(10**6), c, rnd.random())
                for _ in range(rnd.randint(1, 6))
            ]
            if c % 1000 == 500:  # a credential now and then (later edits may remove it)
                key = base64.b64encode(rnd.randbytes(30)).decode()
                new.append(b'AWS_SECRET_ACCESS_KEY = "%s"' % key.encode())
                new.append(b'SES_SMTP_PASSWORD = "%s"' % aws.smtp_password(key, "eu-west-1").encode())
                planted[0] += 2
            del lines[at : at + rnd.randint(0, 3)]
            lines[at:at] = new
            files[path] = b"\n".join(lines[:400])
            out += b"M 100644 inline " + path.encode() + b"\n" + blob(files[path])
        yield bytes(out) + b"\n"


def make_repo(dest: Path, commits: int, sources: list[bytes]) -> int:
    """A repository of ``commits`` commits, streamed into git fast-import; credentials planted."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(dest)], check=True)
    planted = [0]
    proc = subprocess.Popen(["git", "-C", str(dest), "fast-import", "--quiet"], stdin=subprocess.PIPE)
    assert proc.stdin is not None
    for chunk in fast_import_stream(commits, 19, sources, planted):
        proc.stdin.write(chunk)
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError("git fast-import failed")
    subprocess.run(["git", "-C", str(dest), "reset", "-q", "--hard", "main"], check=True)
    return planted[0]


def git_log(repo: Path) -> tuple[int, float | None]:
    """(bytes of git log -p as the scanner asks for it, git's own peak RSS in MB when
    /usr/bin/time can tell it — a process started from this one would inherit its size)."""
    cmd = [
        "git",
        "-C",
        str(repo),
        "log",
        "-p",
        "--all",
        "--no-color",
        "-U0",
        "--diff-filter=AM",
        "--no-renames",
    ]
    timer = shutil.which("time", path="/usr/bin")
    if timer:
        cmd = [timer, "-f", "MAXRSS %M", *cmd]
    total = 0
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err)
        assert proc.stdout is not None
        while chunk := proc.stdout.read(1 << 20):
            total += len(chunk)
        proc.wait()
        err.seek(0)
        rss = [
            float(x.split()[1]) / 1024 for x in err.read().decode().splitlines() if x.startswith("MAXRSS ")
        ]
    return total, rss[-1] if rss else None


def history(tmp: Path, commits: int) -> None:
    src = sorted((SOURCES[1]).glob("*.py"))[:300]
    sources = [p.read_bytes() for p in src]
    print(f"\nlong history (git fast-import, {commits} commits of 1–6 changed lines in 1–2 of 300 files):")
    # start-up: the command on a repository of one commit
    one = tmp / "repo-1"
    make_repo(one, 1, sources)
    start = command(one, "--git")
    print(f"  start-up (a repository of one commit): {start.self_cpu:.2f}s CPU, {start.wall:.2f}s wall")
    for n in (commits // 4, commits):
        repo = tmp / f"repo-{n}"
        t0 = time.perf_counter()
        planted = make_repo(repo, n, sources)
        made = time.perf_counter() - t0
        log, git_rss = git_log(repo)
        r = command(repo, "--git")
        net = max(0.01, r.self_cpu - start.self_cpu)
        found = r.doc["findings"]
        linked = sum(1 for f in found if f["code"] == "leaks.ses-smtp-password-linked")
        scanned = r.doc.get("bytes") or 0
        print(
            f"  {n} commits (made in {made:.1f}s; git log -p {log / 1e6:.1f} MB): "
            f"`mailwarden leaks scan --git` {r.wall:.1f}s wall = {n / r.wall:,.0f} commits/s, "
            f"{log / 1e6 / r.wall:.1f} MB/s of git log -p text; CPU {r.self_cpu:.1f}s mailwarden "
            f"({scanned / 1e6:.1f} MB of added lines = {scanned / 1e6 / net:.1f} "
            f"MB/s per core after start-up) + {r.git_cpu:.1f}s git"
        )
        print(
            f"    peak RSS: mailwarden {r.self_rss:.0f} MB"
            + (f", git log alone {git_rss:.0f} MB" if git_rss else "")
            + "; "
            f"{len(found)} findings ({linked} SES passwords linked) of {planted} credentials planted"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subset-mb", type=float, default=8.0, help="size of the subset detect-secrets scans")
    ap.add_argument("--commits", type=int, default=20_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--no-history", action="store_true")
    ap.add_argument("--profile", action="store_true", help="cProfile one component run, top 25")
    args = ap.parse_args()
    print("command: .venv/bin/python benchmarks/leaks_speed.py " + " ".join(sys.argv[1:]))
    hs = "Hyperscan" if importlib.util.find_spec("hyperscan") else "re (no Hyperscan)"
    print(f"prefilter: {hs}; CPU: {os.cpu_count()} cores, the scanner uses one")
    with tempfile.TemporaryDirectory(prefix="leaks-speed-") as tmpdir:
        tmp = Path(tmpdir)
        tree = tmp / "tree"
        files, size = copy_tree(tree)
        warm(tree)
        print(
            f"tree: {files} text files, {size / 1e6:.0f} MB (site-packages and stdlib sources), "
            "page cache warm"
        )
        if args.profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
            scan_paths([tree])
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            return
        comp, cmd = [], []
        for _ in range(args.rounds):
            cpu, wall, nbytes, found = component(tree)
            comp.append((nbytes / 1e6 / cpu, nbytes / 1e6 / wall, cpu, wall))
            r = command(tree)
            cmd.append((nbytes / 1e6 / r.cpu, nbytes / 1e6 / r.wall, r.cpu, r.wall, r.self_rss))
        med = [statistics.median(x) for x in zip(*comp, strict=True)]
        print(
            f"component scan_paths: {nbytes / 1e6:.0f} MB read in {med[3]:.2f}s wall, {med[2]:.2f}s CPU = "
            f"{med[0]:.0f} MB/s per core ({med[1]:.0f} MB/s wall); {found} findings in the real tree"
        )
        medc = [statistics.median(x) for x in zip(*cmd, strict=True)]
        empty = tmp / "empty"
        empty.mkdir()
        start = command(empty)
        start_cpu, start_wall = start.cpu, start.wall
        print(
            f"end to end `mailwarden leaks scan DIR -f json`: {medc[3]:.2f}s wall, {medc[2]:.2f}s CPU = "
            f"{medc[0]:.0f} MB/s per core ({medc[1]:.0f} MB/s wall), peak RSS {medc[4]:.0f} MB; "
            f"of which start-up (the same command on an empty directory) {start_cpu:.2f}s CPU, "
            f"{start_wall:.2f}s wall"
        )
        if not args.no_peer and PEER.exists():
            sub = tmp / "subset"
            sub_bytes = subset(tree, sub, args.subset_mb)
            warm(sub)
            # the subset is small: the component is timed over enough repeats to be measurable
            reps, s_cpu, s_wall = 0, 0.0, 0.0
            while s_cpu < 1.0:
                c, w, _, _ = component(sub)
                reps, s_cpu, s_wall = reps + 1, s_cpu + c, s_wall + w
            s_cpu, s_wall = s_cpu / reps, s_wall / reps
            e = command(sub)
            e_cpu, e_wall = e.cpu, e.wall
            d_cpu, d_wall, _, out, _ = child([str(PEER), "scan", "--all-files", "."], cwd=sub)
            n_ds = sum(len(v) for v in json.loads(out)["results"].values())
            mb = sub_bytes / 1e6
            print(f"subset for detect-secrets: the first {mb:.1f} MB of the tree (path order)")
            print(
                f"  detect-secrets scan --all-files: {d_wall:.1f}s wall, {d_cpu:.1f}s CPU "
                f"= {mb / d_cpu:.2f} MB/s per core; {n_ds} results"
            )
            for label, c, w in (("component", s_cpu, s_wall), ("command  ", e_cpu, e_wall)):
                print(f"  mailwarden {label}: {w:.2f}s wall, {c:.2f}s CPU = {mb / c:.0f} MB/s per core")
            print(
                f"  ratio mailwarden / detect-secrets, same subset: component {d_cpu / s_cpu:.0f}× per core "
                f"({d_wall / s_wall:.0f}× wall); command {d_cpu / e_cpu:.0f}× per core "
                f"({d_wall / e_wall:.0f}× wall)"
            )
        if not args.no_history:
            history(tmp, args.commits)
    print(
        "\nTargets (issue 19): ≥ 100 MB/s of source per core, ≥ 20× detect-secrets. MB/s per core = "
        "bytes read ÷ CPU seconds; medians of the rounds."
    )


if __name__ == "__main__":
    main()
