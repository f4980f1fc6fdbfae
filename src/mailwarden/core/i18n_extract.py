"""Babel extractor for finding definitions kept in YAML (declared in babel.cfg)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml

TEXT_KEYS = ("title", "detail", "remediation")


def extract_findings(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for entry in data.get("findings", []):
        for key in TEXT_KEYS:
            if entry.get(key):
                yield 0, "_", entry[key], [f"{entry['code']} {key}"]
    for entry in data.get("signals", []):  # analyze/signals.yaml
        for key in ("title", "explain", "family"):
            if entry.get(key):
                yield 0, "_", entry[key], [f"{entry['id']} {key}"]
    for entry in data.get("services", []):  # dmarc/services.yaml
        for key in ("fix_dkim", "fix_spf"):
            if entry.get(key):
                yield 0, "_", entry[key], [f"{entry['id']} {key}"]
