"""Findings: data with stable codes.

A check returns :class:`Finding` objects that carry a code (``spf.too-many-lookups``), a
severity, the parameters of the one-sentence detail and optional evidence. The title,
detail template, remediation and references live in the registry (:class:`FindingDef`),
so the text is rendered in the reader's language when it is shown, not when it is found.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

from .i18n import gettext


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"
    INFO = "info"
    OK = "ok"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 4, Severity.WARNING: 3, Severity.NOTICE: 2, Severity.INFO: 1, Severity.OK: 0}


@dataclass(frozen=True)
class FindingDef:
    """What a finding code means; English message ids, translated when shown."""

    code: str
    severity: Severity
    title: str
    detail: str
    remediation: str = ""
    references: tuple[str, ...] = ()
    #: Points taken off the domain grade when this finding is present (see docs/grading.md).
    penalty: int = 0
    #: Why the check matters (shown with the remediation where a report explains itself).
    rationale: str = ""
    #: Standard controls the check corresponds to (``SecurityHub:IAM.4``, ``Prowler:iam_…``).
    controls: tuple[str, ...] = ()


_REGISTRY: dict[str, FindingDef] = {}


def register(*defs: FindingDef) -> None:
    for d in defs:
        if d.code in _REGISTRY and _REGISTRY[d.code] != d:
            raise ValueError(f"finding code registered twice: {d.code}")
        _REGISTRY[d.code] = d


def registry() -> Mapping[str, FindingDef]:
    return _REGISTRY


def get_def(code: str) -> FindingDef:
    return _REGISTRY[code]


def _shown(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if "xn--" in value and " " not in value:
        from .dns import to_unicode_name

        return to_unicode_name(value)
    return gettext(value)


class _SafeDict(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@with_config(ConfigDict(extra="forbid"))
class FindingJson(TypedDict):
    """A finding as every face shows it and the store keeps it (docs/schemas/finding.json)."""

    code: str
    severity: str
    subject: str
    title: str
    detail: str
    remediation: str
    references: list[str]
    params: dict[str, Any]
    evidence: str | None
    fix: str | None


@dataclass
class Finding:
    code: str
    subject: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    evidence: str | None = None
    #: The exact record (or setting) to publish to fix the problem, when one exists.
    fix: str | None = None
    severity_override: Severity | None = None

    def __post_init__(self) -> None:
        if self.code not in _REGISTRY:
            raise KeyError(f"unregistered finding code: {self.code}")

    @property
    def definition(self) -> FindingDef:
        return _REGISTRY[self.code]

    @property
    def severity(self) -> Severity:
        return self.severity_override or self.definition.severity

    @property
    def title(self) -> str:
        return gettext(self.definition.title)

    def _shown_params(self) -> _SafeDict:
        # Parameter values marked N_() where they were made (e.g. advice texts) are
        # translated too; internationalised names are shown as U-labels; other values
        # (names, numbers) pass through unchanged. The params themselves keep A-labels.
        return _SafeDict({k: _shown(v) for k, v in self.params.items()})

    @property
    def detail(self) -> str:
        return gettext(self.definition.detail).format_map(self._shown_params())

    @property
    def remediation(self) -> str:
        text = self.definition.remediation
        return gettext(text).format_map(self._shown_params()) if text else ""

    def to_dict(self) -> FindingJson:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "subject": self.subject,
            "title": self.title,
            "detail": self.detail,
            "remediation": self.remediation,
            "references": list(self.definition.references),
            "params": self.params,
            "evidence": self.evidence,
            "fix": self.fix,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        sev = data.get("severity")
        f = cls(
            code=data["code"],
            subject=data.get("subject", ""),
            params=dict(data.get("params") or {}),
            evidence=data.get("evidence"),
            fix=data.get("fix"),
        )
        if sev and sev != str(f.definition.severity):
            f.severity_override = Severity(sev)
        return f


def worst(findings: Iterable[Finding]) -> Severity:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=Severity.OK)


_DEF_KEYS = {
    "code",
    "severity",
    "title",
    "detail",
    "remediation",
    "references",
    "penalty",
    "rationale",
    "controls",
}
_CODE_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$"


def load_definitions(path: str | Path) -> list[FindingDef]:
    """Load, validate and register finding definitions from a YAML data file.

    A bad file is a programming error in the package, so it fails loudly at import.
    """
    import re

    import yaml

    # libyaml's safe loader when PyYAML has it: ten times faster, and every command pays this
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)
    defs = []
    for i, entry in enumerate(data.get("findings", [])):
        where = f"{path}: entry {i} ({entry.get('code', '?')})"
        unknown = set(entry) - _DEF_KEYS
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        for key in ("code", "severity", "title", "detail"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise ValueError(f"{where}: '{key}' is required")
        if not re.match(_CODE_RE, entry["code"]):
            raise ValueError(f"{where}: code must look like 'area.name'")
        refs = entry.get("references", [])
        if not all(isinstance(r, str) and r.startswith("https://") for r in refs):
            raise ValueError(f"{where}: references must be https URLs")
        controls = entry.get("controls", [])
        if not all(isinstance(c, str) and ":" in c for c in controls):
            raise ValueError(f"{where}: controls look like 'Standard:ID'")
        penalty = entry.get("penalty", 0)
        if not isinstance(penalty, int) or not 0 <= penalty <= 100:
            raise ValueError(f"{where}: penalty must be 0–100")
        defs.append(
            FindingDef(
                code=entry["code"],
                severity=Severity(entry["severity"]),
                title=entry["title"],
                detail=entry["detail"],
                remediation=entry.get("remediation", ""),
                references=tuple(refs),
                penalty=penalty,
                rationale=entry.get("rationale", ""),
                controls=tuple(controls),
            )
        )
    register(*defs)
    return defs
