"""What a leak scan shows: findings (the registry's texts, in the reader's language), JSON and
SARIF 2.1.0 for code-scanning tools. Never the secret: masked values only."""

from __future__ import annotations

from typing import Any

from ..core.findings import Finding
from ..core.render import findings_sarif
from . import codes  # noqa: F401  (registers the finding codes)
from .find import Secret
from .scan import ScanResult


def finding(s: Secret) -> Finding:
    params: dict[str, Any] = {"path": s.path, "line": s.line, "masked": s.masked, "setting": s.setting}
    params.update(s.params)
    params.setdefault("account", "?")
    if s.commit:
        params.update(commit=s.commit, author=s.author, date=s.date)
    return Finding(s.code, subject=f"{s.path}:{s.line}", params=params, evidence=s.evidence or None)


def to_json(result: ScanResult, secrets: list[Secret]) -> dict[str, Any]:
    return {
        "files": result.files,
        "commits": result.commits,
        "bytes": result.bytes,
        "skipped": dict(sorted(result.skipped.items())),
        "notes": result.notes,
        "findings": [
            {**finding(s).to_dict(), "fingerprint": s.fingerprint, "line": s.line, "column": s.column}
            for s in secrets
        ],
    }


def to_sarif(secrets: list[Secret]) -> dict[str, Any]:
    """The findings as SARIF (``core/render.findings_sarif``), each placed in its file (path,
    line, column) and carrying its fingerprint, so code-scanning tools follow it across runs."""
    log = findings_sarif([finding(s) for s in secrets])
    run = log["runs"][0]
    run["tool"]["driver"]["name"] = "mailwarden-leaks"
    for result, s in zip(run["results"], secrets, strict=True):
        result["locations"] = [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": s.path.removeprefix("./")},
                    "region": {"startLine": max(s.line, 1), "startColumn": max(s.column, 1)},
                }
            }
        ]
        result["partialFingerprints"] = {"mailwardenLeak/v1": s.fingerprint}
        if s.commit:
            result["properties"].update(commit=s.commit, author=s.author, date=s.date)
    return log
