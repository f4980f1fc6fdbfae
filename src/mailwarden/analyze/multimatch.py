"""Many phrase patterns over one text, fast: for each signal, the first of its patterns (in the
order written) that matches, and the match — exactly what a loop of ``re.search`` gives.

With Hyperscan (the ``hyperscan`` package, as rspamd uses it) every pattern is looked for in
one pass over the text; Python's ``re`` then runs only the patterns Hyperscan saw, to produce
the match. Hyperscan reads a loosened copy of each pattern — word boundaries and lookarounds
dropped, which it cannot do in Unicode mode, and bounded gaps made open, which it compiles
slowly — so it may see a pattern ``re`` then rejects,
never the reverse; a pattern it cannot compile at all is simply always run by ``re``. Without
Hyperscan (another platform), the plain loop runs. Tests hold both paths to the same answers.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from pathlib import Path
from typing import Any

_LOOKAROUND = re.compile(r"\(\?<?[!=][^()]*\)")
_GAP = re.compile(r"\.\{\d*,\d+\}")


def _loosened(pattern: str) -> str:
    """A pattern matching at least what ``pattern`` matches, in what Hyperscan compiles fast:
    no word boundaries or lookarounds, and a bounded gap ``.{0,150}`` as ``.*``."""
    return _GAP.sub(".*", _LOOKAROUND.sub("", pattern).replace(r"\b", ""))


def _top_level_alternation(pattern: str) -> bool:
    """Does ``pattern`` have a ``|`` outside every group (``\\ba|b`` is ``(\\ba)|b``)?"""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def compile_phrase(pattern: str) -> tuple[re.Pattern[str], bool]:
    """One phrase as its own pattern, a leading \\b checked by hand: a pattern that starts with
    a literal lets the regex engine skip ahead to it, which an alternation of many cannot.
    Not when the \\b covers only the first of several top-level alternatives."""
    if pattern.startswith(r"\b") and not _top_level_alternation(pattern):
        return re.compile(pattern[2:]), True
    return re.compile(pattern), False


def search(text: str, compiled: tuple[re.Pattern[str], bool]) -> re.Match[str] | None:
    """The first match whose start is a word boundary. After a match inside a word, the search
    goes on after that word — not one character on, which made a pattern ending in ``\\w*``
    quadratic on a long run of letters (every retry read the run to its end)."""
    pat, boundary = compiled
    m = pat.search(text)
    while m is not None and boundary and m.start() > 0 and text[m.start() - 1].isalnum():
        end = m.start()
        while end < len(text) and text[end].isalnum():
            end += 1
        m = pat.search(text, max(end, m.start() + 1))
    return m


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mailwarden"))


def _hyperscan_db(patterns: list[str]) -> tuple[Any, set[int]] | None:
    """(database, ids Hyperscan cannot read) or None without Hyperscan. The compiled database
    (~0.3 s to build) is kept in the user's cache directory, keyed by the patterns and the
    Hyperscan version, so a command starts in milliseconds after its first run."""
    try:
        import hyperscan
    except ImportError:
        return None
    flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_SINGLEMATCH
    exprs = [_loosened(p).encode("utf-8") for p in patterns]
    key = hashlib.sha256(repr((exprs, flags, getattr(hyperscan, "__version__", ""))).encode()).hexdigest()[
        :24
    ]
    cached = _cache_dir() / f"phrases-{key}.hs"
    try:
        blob = cached.read_bytes()
        unreadable = {int(x) for x in blob[:4096].split(b"\n", 1)[0].split(b",") if x}
        return hyperscan.loadb(blob.split(b"\n", 1)[1], hyperscan.HS_MODE_BLOCK), unreadable
    except (OSError, ValueError, IndexError, hyperscan.error):
        pass
    ids = list(range(len(exprs)))
    unreadable = set()
    try:
        db = _compiled(hyperscan, exprs, ids, flags)
    except hyperscan.error:  # find the patterns it cannot read, and leave them to re
        for i in ids:
            try:
                _compiled(hyperscan, [exprs[i]], [i], flags)
            except hyperscan.error:
                unreadable.add(i)
        readable = [i for i in ids if i not in unreadable]
        if not readable:
            return None
        db = _compiled(hyperscan, [exprs[i] for i in readable], readable, flags)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(",".join(map(str, sorted(unreadable))).encode() + b"\n" + hyperscan.dumpb(db))
        tmp.replace(cached)
    except OSError:
        pass  # a read-only home: compile each time
    return db, unreadable


def hyperscan_scratch(db: Any) -> Any:
    import hyperscan

    return hyperscan.Scratch(db)


def _compiled(hyperscan: Any, exprs: list[bytes], ids: list[int], flags: int) -> Any:
    db = hyperscan.Database()
    db.compile(expressions=exprs, ids=ids, elements=len(exprs), flags=[flags] * len(exprs))
    return db


class PhraseSet:
    def __init__(self, phrases: dict[str, tuple[str, ...]], *, accelerate: bool = True) -> None:
        self.codes: list[tuple[str, list[int]]] = []
        flat: list[str] = []
        for code, pats in phrases.items():
            self.codes.append((code, list(range(len(flat), len(flat) + len(pats)))))
            flat.extend(pats)
        # compiled on first need: with Hyperscan, re runs only the patterns it saw (about half
        # of them over a large corpus), and compiling all 200 cost every command ~50 ms
        self._compiled: list[tuple[re.Pattern[str], bool] | None] = [None] * len(flat)
        self.patterns = flat
        self.accelerate = accelerate
        self._db: tuple[Any, set[int]] | None = None
        self._built = False
        self._local = threading.local()

    def _database(self) -> tuple[Any, set[int]] | None:
        if not self._built:  # on first use, not on import: a command that never scans pays nothing
            self._db = _hyperscan_db(self.patterns) if self.accelerate else None
            self._built = True
        return self._db

    def compiled(self, i: int) -> tuple[re.Pattern[str], bool]:
        c = self._compiled[i]
        if c is None:  # two threads may both compile it: the same pattern either way
            c = self._compiled[i] = compile_phrase(self.patterns[i])
        return c

    @property
    def accelerated(self) -> bool:
        return self._database() is not None

    def first_matches(self, text: str) -> dict[str, re.Match[str]]:
        """code → the match of its first pattern that matches ``text``."""
        built = self._database()
        if built is None:
            candidates: set[int] | None = None
        else:
            db, always = built
            scratch = getattr(self._local, "scratch", None)
            if scratch is None:  # one scratch space per thread: scans may run in several at once
                scratch = self._local.scratch = hyperscan_scratch(db)
            seen: set[int] = set(always)

            def on_match(pid: int, start: int, end: int, flags: int, context: object) -> None:
                seen.add(pid)

            db.scan(text.encode("utf-8", "surrogatepass"), match_event_handler=on_match, scratch=scratch)
            candidates = seen
        found: dict[str, re.Match[str]] = {}
        for code, ids in self.codes:
            for i in ids:
                if candidates is not None and i not in candidates:
                    continue
                m = search(text, self.compiled(i))
                if m is not None:
                    found[code] = m
                    break
        return found
