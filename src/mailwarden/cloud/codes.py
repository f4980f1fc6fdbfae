"""Registers the cloud audit's finding codes: one YAML data file per area beside this file.

Each entry is a check: code (the check id), severity, title, detail, rationale, remediation
(with the exact AWS CLI command or console path), references, and ``controls`` — the AWS
Security Hub control (``SecurityHub:IAM.4``) and Prowler check (``Prowler:iam_no_root_access_key``)
it corresponds to, where one exists."""

from __future__ import annotations

from pathlib import Path

from ..core.findings import FindingDef, load_definitions

AREAS = ("iam", "ses", "detection", "align", "trail")

BY_AREA: dict[str, list[FindingDef]] = {
    area: load_definitions(Path(__file__).with_name(f"{area}.yaml")) for area in AREAS
}
DEFS: list[FindingDef] = [d for defs in BY_AREA.values() for d in defs]
#: the audit's checks (the CloudTrail analysis's codes are findings, not checks)
AUDIT_CODES = frozenset(d.code for area, defs in BY_AREA.items() if area != "trail" for d in defs)
