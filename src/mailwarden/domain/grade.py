"""Grading (documented in docs/grading.md).

score = 100 − Σ penalty of each finding (each code counted once per domain), floored at 0.
Grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else F. Caps: no valid SPF or no valid DMARC
caps the grade at D; a domain that could not be checked gets "?" instead of a letter.
"""

from __future__ import annotations

from ..core.findings import Finding

THRESHOLDS = ((90, "A"), (75, "B"), (60, "C"), (40, "D"))
CAP_D = {
    "spf.missing",
    "spf.multiple-records",
    "spf.syntax-error",
    "spf.too-many-lookups",
    "spf.plus-all",
    "dmarc.missing",
    "dmarc.multiple-records",
    "dmarc.syntax-error",
}


def grade(findings: list[Finding]) -> tuple[int, str]:
    seen: set[str] = set()
    penalty = 0
    for f in findings:
        if f.code not in seen:
            seen.add(f.code)
            penalty += f.definition.penalty
    score = max(0, 100 - penalty)
    letter = next((g for t, g in THRESHOLDS if score >= t), "F")
    if seen & CAP_D and letter in ("A", "B", "C"):
        letter = "D"
    return score, letter
