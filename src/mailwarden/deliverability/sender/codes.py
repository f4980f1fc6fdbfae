"""Registers the sender test inbox's finding codes from ``findings.yaml`` beside this file."""

from __future__ import annotations

from pathlib import Path

from ...core.findings import load_definitions

DEFS = load_definitions(Path(__file__).with_name("findings.yaml"))
