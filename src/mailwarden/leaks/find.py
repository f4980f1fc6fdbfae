"""Credentials in one buffer (a file, or the lines a commit added to one), and the links
between the pieces of one credential across a whole scan.

A :class:`Secret` is what a rule found, checked: where (path, line, column), the value (kept
in memory only — the store, the reports and the console see :attr:`Secret.masked`), and a
fingerprint that names it stably (rule, path and a hash of the value: moving it within a file
keeps the fingerprint, so a baseline survives edits around it)."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..dlp.detectors import mask
from . import aws
from .detectors import RULES, WINDOW, Rule, placeholder, prefilter, rules_for

#: a comment on a secret's line (or alone on the line above it) that says it is meant to be
#: there: ours, and detect-secrets' and gitleaks' for repositories that already use them
ALLOW = re.compile(rb"mailwarden:\s*allow|pragma:\s*allowlist[ -]secret|gitleaks:allow", re.I)
ALLOW_NEXT = re.compile(rb"mailwarden:\s*allow-next-line|pragma:\s*allowlist[ -]nextline[ -]secret", re.I)
#: words that say a bare SES-shaped value is an SMTP password
SES_CONTEXT = (b"smtp", b"ses", b"password", b"passwd", b"mail", b"pass")


@dataclass
class Secret:
    code: str
    kind: str
    path: str
    line: int
    column: int
    value: str = field(repr=False)
    setting: str = ""
    #: what the rest of the scan says about it (paired key id, linked secret key, Region)
    params: dict[str, str] = field(default_factory=dict)
    #: the git commit, author and date where it was added (history scans)
    commit: str = ""
    author: str = ""
    date: str = ""
    #: the source line, the secret masked
    evidence: str = ""

    @property
    def masked(self) -> str:
        return mask(self.value, secret=True)

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha256(self.value.encode("utf-8", "replace")).hexdigest()
        # the kind, not the code: linking a piece to another changes its code, not what it is
        base = f"{self.code if self.kind == 'other' else self.kind}:{self.path}:{digest}"
        return hashlib.sha256(base.encode("utf-8", "replace")).hexdigest()[:24]


class Lines:
    """Line numbers of offsets in a buffer."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._starts: list[int] | None = None

    def _index(self) -> list[int]:
        if self._starts is None:
            starts = [0]
            find = self.data.find
            i = find(b"\n")
            while i != -1:
                starts.append(i + 1)
                i = find(b"\n", i + 1)
            self._starts = starts
        return self._starts

    def number(self, offset: int) -> int:
        return bisect_right(self._index(), offset)

    def around(self, offset: int, lines: int, limit: int) -> tuple[int, int]:
        """Offsets of ``lines`` whole lines either side of the line of ``offset``, at most
        ``limit`` bytes either side."""
        data = self.data
        floor, ceil = max(0, offset - limit), min(len(data), offset + limit)
        lo = offset
        for i in range(lines + 1):
            j = data.rfind(b"\n", floor, lo if i == 0 else lo - 1)
            if j == -1:
                lo = floor
                break
            lo = j + 1
        hi = offset
        for i in range(lines + 1):
            j = data.find(b"\n", hi if i == 0 else hi + 1, ceil)
            if j == -1:
                hi = ceil
                break
            hi = j
        return lo, hi


def _line_bounds(data: bytes, offset: int) -> tuple[int, int]:
    lo = data.rfind(b"\n", max(0, offset - WINDOW), offset)
    lo = max(0, offset - WINDOW) if lo == -1 else lo + 1
    hi = data.find(b"\n", offset, offset + WINDOW)
    hi = min(len(data), offset + WINDOW) if hi == -1 else hi
    return lo, hi


def _evidence(data: bytes, start: int, end: int) -> str:
    lo, hi = _line_bounds(data, start)
    line = data[lo:hi]
    s, e = start - lo, end - lo
    value = data[start:end].decode("ascii", "replace")
    text = (
        line[:s].decode("utf-8", "replace")[-80:]
        + mask(value, secret=True)
        + line[e:].decode("utf-8", "replace")[:80]
    )
    return text.strip()[:240]


def _has_context(data: bytes, at: int, rule: Rule, lines: Lines, path: str) -> bool:
    lo, hi = lines.around(at, rule.context_lines, WINDOW * 4)
    near = data[lo:hi].lower()
    where = path.lower().encode("utf-8", "replace")
    return any(w in near or w in where for w in rule.context)


def _allowed(data: bytes, offset: int) -> bool:
    lo, hi = _line_bounds(data, offset)
    if ALLOW.search(data, lo, hi):
        return True
    prev = data.rfind(b"\n", max(0, lo - WINDOW), max(lo - 1, 0))
    return lo > 0 and ALLOW_NEXT.search(data, prev + 1, lo) is not None


def find_in(data: bytes, path: str) -> list[Secret]:
    """Every credential in ``data`` (the contents of ``path``), checked, one per place."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    hits = prefilter(data, rules_for(name))
    if not hits:
        return []
    lines = Lines(data)
    #: by the value's offset: one secret per place, the first rule's (the more specific)
    found: dict[int, tuple[int, Secret]] = {}
    windows: set[tuple[int, int, int]] = set()
    for idx, end in hits:
        rule = RULES[idx]
        if rule.lines:
            lo, hi = lines.around(max(end - 1, 0), rule.lines, WINDOW * 4)
        else:
            lo, hi = _line_bounds(data, max(end - 1, 0))
        if (idx, lo, hi) in windows:
            continue
        windows.add((idx, lo, hi))
        for m in rule.pattern.finditer(data, lo, hi):
            start = m.start("v")
            if start in found and found[start][0] <= idx:
                continue
            value = m.group("v")
            if rule.check is not None and not rule.check(value):
                continue
            if placeholder(value, password=rule.password):
                continue
            if rule.context and not _has_context(data, start, rule, lines, path):
                continue
            if _allowed(data, start):
                continue
            setting = ""
            if "k" in rule.pattern.groupindex and m.group("k"):
                setting = m.group("k").decode("utf-8", "replace").strip("'\" ")[:80]
            line = lines.number(start)
            col = start - (data.rfind(b"\n", 0, start) + 1) + 1
            secret = Secret(
                rule.code,
                rule.kind,
                path,
                line,
                col,
                value.decode("ascii", "replace"),
                setting,
                evidence=_evidence(data, start, m.end("v")),
            )
            if rule.kind == "ses-password":
                lo2, hi2 = lines.around(start, 3, WINDOW * 4)
                near = data[lo2:hi2].lower() + path.lower().encode("utf-8", "replace")
                if not any(w in near for w in SES_CONTEXT):
                    secret.code = "leaks.ses-smtp-password-shape"
            found[start] = (idx, secret)
    return sorted((s for _, s in found.values()), key=lambda s: (s.line, s.column))


def link(secrets: list[Secret]) -> list[Secret]:
    """Tie the pieces of AWS credentials together across the scan: a secret key with the
    access key id written near it (same file, within 5 lines) becomes one finding, a credential
    pair; an SES SMTP password is linked to the secret key it was derived from (anywhere in the
    scan: every Region is tried)."""
    ids = [s for s in secrets if s.kind == "aws-key-id"]
    keys = [s for s in secrets if s.kind == "aws-secret"]
    for s in ids:
        s.params["account"] = aws.account_id(s.value) or "?"
    paired: set[int] = set()
    for k in keys:
        near = [i for i in ids if i.path == k.path and abs(i.line - k.line) <= 5 and i.commit == k.commit]
        if near:
            best = min(near, key=lambda i: abs(i.line - k.line))
            paired.add(id(best))
            k.code = "leaks.aws-credential-pair"
            k.params["key_id"] = best.masked
            k.params["account"] = best.params["account"]
    passwords = [p for p in secrets if p.kind == "ses-password"]
    # every secret key's SMTP password in every Region, made once (6 HMACs each)
    derived = {
        aws.smtp_password(k.value, region): (k, region)
        for k in (keys if passwords else [])
        for region in aws.SES_REGIONS
    }
    for p in passwords:
        if (hit := derived.get(p.value)) is None:
            continue
        source, region = hit
        p.code = "leaks.ses-smtp-password-linked"
        p.params.update(
            region=region, secret_path=source.path, secret_line=str(source.line), secret=source.masked
        )
        source.params["smtp_password"] = f"{p.path}:{p.line}"
    return [s for s in secrets if id(s) not in paired]
