"""A baseline: the findings a team has looked at and accepted (or judged false), by
fingerprint, so a scan reports only what is new.

The file is JSON, meant to be committed beside the code (it holds no secret: fingerprints,
codes, paths, lines and masked values)::

    {"version": 1, "generated": "2026-12-04T…", "exclude": ["tests/fixtures/*"],
     "findings": [{"fingerprint": "…", "code": "leaks.smtp-password", "path": "…",
                   "line": 12, "masked": "S3cr…", "status": "accepted"}]}

``status`` is ``unreviewed`` when created, then ``accepted`` (a real secret the team chose to
live with, e.g. already rotated) or ``false-positive`` after an audit. ``exclude`` holds path
globs never scanned."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..core.errors import InputError
from ..core.i18n import gettext
from .find import Secret

VERSION = 1
STATUSES = ("unreviewed", "accepted", "false-positive")
DEFAULT_FILE = ".mailwarden-leaks-baseline.json"
MAX_FILE = 20 * 1024 * 1024


@dataclass
class Baseline:
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)

    def known(self, secret: Secret) -> bool:
        return secret.fingerprint in self.entries

    def new(self, secrets: list[Secret]) -> list[Secret]:
        return [s for s in secrets if not self.known(s)]

    def update(self, secrets: list[Secret]) -> tuple[int, int]:
        """Add what is new (unreviewed), drop what is no longer found; (added, dropped)."""
        found = {s.fingerprint: s for s in secrets}
        dropped = [fp for fp in self.entries if fp not in found]
        for fp in dropped:
            del self.entries[fp]
        added = 0
        for fp, s in found.items():
            entry = self.entries.get(fp)
            if entry is None:
                added += 1
                self.entries[fp] = {"status": "unreviewed"}
                entry = self.entries[fp]
            entry.update(code=s.code, path=s.path, line=s.line, masked=s.masked)
            if s.commit:
                entry["commit"] = s.commit
        return added, len(dropped)

    def mark(self, fingerprint: str, status: str) -> None:
        if status not in STATUSES:
            raise InputError(gettext("status must be one of: {values}").format(values=", ".join(STATUSES)))
        matches = [fp for fp in self.entries if fp.startswith(fingerprint)] if len(fingerprint) >= 6 else []
        if len(matches) != 1:
            raise InputError(
                gettext("no single baseline entry starts with {value}").format(value=fingerprint)
            )
        self.entries[matches[0]]["status"] = status

    def to_json(self) -> str:
        doc = {
            "version": VERSION,
            "generated": datetime.now(UTC).isoformat(timespec="seconds"),
            "exclude": self.exclude,
            "findings": [
                {"fingerprint": fp, **entry}
                for fp, entry in sorted(self.entries.items(), key=lambda e: (str(e[1].get("path")), e[0]))
            ],
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    def save(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(self.to_json(), encoding="utf-8")
        tmp.replace(path)


def load(path: Path) -> Baseline:
    """The baseline in ``path``; InputError naming what is wrong with a bad file."""
    try:
        if path.stat().st_size > MAX_FILE:
            raise InputError(gettext("{file}: the baseline is too large").format(file=path))
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(gettext("{file}: no such baseline").format(file=path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(gettext("{file}: not a baseline: {error}").format(file=path, error=exc)) from exc
    if (
        not isinstance(doc, dict)
        or doc.get("version") != VERSION
        or not isinstance(doc.get("findings"), list)
    ):
        raise InputError(
            gettext("{file}: not a baseline of version {version}").format(file=path, version=VERSION)
        )
    out = Baseline(exclude=[str(g) for g in doc.get("exclude") or [] if isinstance(g, str)])
    for entry in doc["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise InputError(gettext("{file}: a finding without a fingerprint").format(file=path))
        fp = entry.pop("fingerprint")
        if entry.get("status") not in STATUSES:
            entry["status"] = "unreviewed"
        out.entries[fp] = entry
    return out
