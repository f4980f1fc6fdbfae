"""Free-mail providers, where anyone can open an address: data shared by the message analyser
and DLP policies (``core/data/freemail.yaml``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml


@cache
def freemail_domains() -> frozenset[str]:
    data = yaml.safe_load((Path(__file__).parent / "data" / "freemail.yaml").read_text(encoding="utf-8"))
    return frozenset(str(d).lower() for d in data["freemail"])
