"""Write the JSON schemas of the results every face renders (docs/schemas/), made from the
types that define them. `make docs` runs it; tests/core/test_schemas.py fails when a schema
here no longer matches its type.

    .venv/bin/python tools/schemas.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

OUT = ROOT / "docs" / "schemas"


def contracts() -> dict[str, Any]:
    """File name → the type it describes."""
    from mailwarden.analyze.result import ScanOutputRow, VerdictJson
    from mailwarden.core.findings import FindingJson
    from mailwarden.dlp.result import DlpResult
    from mailwarden.dmarc.result import DmarcSummary
    from mailwarden.domain.model import DomainReportJson
    from mailwarden.gateway.screen import GatewayRecord

    return {
        "finding.json": FindingJson,
        "domain-report.json": DomainReportJson,
        "analysis-verdict.json": VerdictJson,
        "scan-row.json": ScanOutputRow,
        "dlp-result.json": DlpResult,
        "dmarc-summary.json": DmarcSummary,
        "gateway-decision.json": GatewayRecord,
    }


def render(kind: Any, name: str) -> str:
    from pydantic import TypeAdapter

    schema = TypeAdapter(kind).json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    args = ap.parse_args()
    stale = []
    OUT.mkdir(parents=True, exist_ok=True)
    for name, kind in contracts().items():
        text = render(kind, name)
        path = OUT / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
