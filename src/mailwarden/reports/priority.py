"""The triage queue's order: how urgent a cluster of reports is.

    priority = VERDICT_POINTS[verdict] + 10 · log2(size) + 15 · log2(reporters)

``verdict`` is the worst verdict the analyser gave any report in the cluster, ``size`` the
number of reports and ``reporters`` the number of distinct staff who reported it (both at
least 1). The verdict counts most; every doubling of the reports adds 10 and every doubling
of the people reporting adds 15 (one person reporting the same mail again and again should
not outrank a colleague's fresh report of a worse one). Rounded to one decimal; the queue is
sorted by it, highest first (ties: the newest report first)."""

from __future__ import annotations

import math

VERDICT_POINTS: dict[str, float] = {
    "malicious": 60.0,
    "phishing": 50.0,
    "suspicious": 30.0,
    "spam": 10.0,
    "clean": 0.0,
}
#: the verdicts from best to worst (a cluster's verdict is the worst of its reports')
ORDER = ("clean", "spam", "suspicious", "phishing", "malicious")
SIZE_WEIGHT = 10.0
REPORTER_WEIGHT = 15.0


def worst(verdicts: list[str]) -> str:
    """The worst of ``verdicts`` ("clean" when there are none; unknown verdicts count as clean)."""
    rank = max((ORDER.index(v) for v in verdicts if v in ORDER), default=0)
    return ORDER[rank]


def priority(verdict: str, size: int, reporters: int) -> float:
    return round(
        VERDICT_POINTS.get(verdict, 0.0)
        + SIZE_WEIGHT * math.log2(max(1, size))
        + REPORTER_WEIGHT * math.log2(max(1, reporters)),
        1,
    )
