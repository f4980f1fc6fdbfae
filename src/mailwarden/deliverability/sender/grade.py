"""The score and grade of a sender report.

Like mail-tester's, a score out of a perfect mark that failing checks take points from — here
100, each outcome's ``penalty`` in findings.yaml (a missing DKIM signature 20, a missing
List-Unsubscribe 10, a generic reverse name 3…); skipped checks and passes take nothing.
The grade: A from 90, B from 75, C from 60, D from 40, F below — and never better than C when
a check that Gmail, Yahoo or Outlook requires fails, since that mail is refused or filtered
whatever else is right."""

from __future__ import annotations

from .report import REQUIRED, SenderReport

BANDS = ((90, "A"), (75, "B"), (60, "C"), (40, "D"))


def grade(report: SenderReport) -> SenderReport:
    report.score = max(0, 100 - sum(c.penalty for c in report.checks))
    letter = next((g for floor, g in BANDS if report.score >= floor), "F")
    required = set().union(*REQUIRED.values())
    if letter in ("A", "B") and any(c.status == "fail" and c.name in required for c in report.checks):
        letter = "C"
    report.grade = letter
    return report
