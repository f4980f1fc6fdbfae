"""The body: a plain-text alternative to HTML, the size (Gmail clips the view at about 102 KB
and refuses over 25 MB), public link shorteners (the analyser's list, ``lists.yaml``), and the
message analyser's verdict — a campaign that reads like phishing is told so."""

from __future__ import annotations

from ...analyze.engine import Verdict
from ...analyze.rules import Rules
from ...core.message import ParsedMessage
from .report import SenderReport

CLIP = 102 * 1024
TOO_LARGE = 25 * 1024 * 1024
FLAGGED = ("suspicious", "phishing", "malicious")
SHOWN_SIGNALS = 4


def _under(host: str, names: frozenset[str]) -> str | None:
    return next((n for n in names if host == n or host.endswith("." + n)), None)


def check_content(
    report: SenderReport, msg: ParsedMessage, verdict: Verdict, rules: Rules, size: int
) -> None:
    if msg.htmls and not msg.texts:
        report.add("text-alternative", "sender.html-only")
    else:
        report.add("text-alternative", "sender.text-alternative-ok")
    if size > TOO_LARGE:
        report.add("size", "sender.size-too-large", size=size)
    elif size > CLIP:
        report.add("size", "sender.size-clipped", size=size)
    else:
        report.add("size", "sender.size-ok", size=size)
    hosts = sorted(
        {s for u in verdict.urls if (s := _under(str(u.get("host", "")).lower(), rules.shorteners))}
    )
    if hosts:
        report.add("shorteners", "sender.shorteners", hosts=", ".join(hosts[:8]))
    else:
        report.add("shorteners", "sender.shorteners-none")
    if verdict.verdict in FLAGGED:
        titles = [s["title"] for s in verdict.signals[:SHOWN_SIGNALS]]
        report.add(
            "phishing", "sender.looks-like-phishing", verdict=verdict.verdict, signals="; ".join(titles)
        )
    else:
        report.add("phishing", "sender.content-clean", verdict=verdict.verdict)
    report.analysis = {
        "verdict": verdict.verdict,
        "score": verdict.score,
        "signals": [
            {"code": s["code"], "title": s["title"], "weight": s["weight"], "explanation": s["explanation"]}
            for s in verdict.signals[:10]
        ],
    }
