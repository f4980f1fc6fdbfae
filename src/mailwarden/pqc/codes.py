"""Registers the post-quantum inventory's finding codes (``findings.yaml`` beside this file)."""

from __future__ import annotations

from pathlib import Path

from ..core.findings import FindingDef, load_definitions

DEFS: list[FindingDef] = load_definitions(Path(__file__).with_name("findings.yaml"))
