"""One message in, one explained verdict out.

``analyze(data, rules)`` runs offline (authentication from the trusted receiver's recorded
Authentication-Results); ``analyze_online`` verifies DKIM/ARC, evaluates SPF and looks up
DMARC through the DNS seam first. Every signal carries its code, weight and a one-sentence
explanation citing the evidence; the score is the sum of the weights."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.i18n import get_language, gettext
from ..core.message import Limits, ParsedMessage, parse_message
from ..core.reasons import auth_source, defect, lookalike_how, message_reason
from .attachments import check_attachments
from .auth import AuthOutcome, recorded, signals_from, verify
from .bec import check_bec
from .bec import shown as bec_shown
from .context import Context, Hit
from .headers import check_headers
from .impersonation import check_impersonation
from .result import AttachmentInfo, Authentication, Headers, Signal, VerdictJson
from .rules import Rules
from .text import check_text
from .textform import check_text_form
from .urls import check_urls

if TYPE_CHECKING:
    from ..core.dns import Resolver

NOT_INSPECTED_DEFECTS = {"MissingHeaderBodySeparatorDefect"}


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def _defects(names: str) -> str:
    return ("、" if get_language() == "ja" else ", ").join(defect(d) for d in names.split(", "))


# evidence kept as recorded (English reasons, the parser's defect names: stable, searchable)
# and shown in the reader's language
_SHOWN: dict[str, dict[str, Callable[[str], str]]] = {
    "analysis.uninspected": {"reason": message_reason},
    "analysis.malformed": {"defects": _defects},
    "auth.dmarc-fail": {"source": auth_source},
    "auth.spf-fail": {"source": auth_source},
    "header.lookalike-domain": {"how": lookalike_how},
    "bec.request": {"asks": bec_shown, "sender": bec_shown},
    "attachment.html-smuggling": {"patterns": lambda v: ", ".join(gettext(x) for x in v.split(", "))},
    "attachment.executable": {"kind": gettext},
    "attachment.disk-image": {"kind": gettext},
    "attachment.type-mismatch": {"kind": gettext},
}


def explain(rules: Rules, hit: Hit) -> str:
    template = gettext(rules.signals[hit.code].explain)
    evidence = hit.evidence
    shown = _SHOWN.get(hit.code)
    if shown:
        evidence = {k: shown[k](v) if k in shown and isinstance(v, str) else v for k, v in evidence.items()}
    try:
        return template.format_map(_Missing(evidence))
    except (ValueError, IndexError, AttributeError):
        return template


@dataclass
class Verdict:
    verdict: str
    score: float
    signals: list[Signal]
    authentication: Authentication
    urls: list[dict[str, str]]
    attachments: list[AttachmentInfo]
    headers: Headers

    def to_dict(self) -> VerdictJson:
        return {
            "verdict": self.verdict,
            "score": self.score,
            "signals": self.signals,
            "authentication": self.authentication,
            "urls": self.urls,
            "attachments": self.attachments,
            "headers": self.headers,
        }


CHECKS = (
    ("headers", check_headers),
    ("urls", check_urls),
    ("attachments", check_attachments),
    ("text", check_text),
    ("text form", check_text_form),
    # these read what the checks above found
    ("impersonation", check_impersonation),
    ("bec", check_bec),
)


def _checks(ctx: Context) -> None:
    msg = ctx.msg
    for name, check in CHECKS:
        try:
            check(ctx)
        except Exception as exc:
            ctx.hit("analysis.uninspected", reason=f"{name} check failed: {type(exc).__name__}: {exc}"[:200])
    for reason in msg.uninspected:
        ctx.hit("analysis.uninspected", reason=reason)
    defects = sorted({d for d in msg.defects if not d.startswith("charset")} - NOT_INSPECTED_DEFECTS)
    if defects:
        ctx.hit("analysis.malformed", defects=", ".join(defects[:6]))


def decide(rules: Rules, hits: list[Hit]) -> tuple[str, float]:
    """The verdict and the score: each signal adds its weight once, however many times it
    fired (two hundred links to one kind of domain are one sign, not two hundred; the
    weights were fitted on which signals a message fired, tools/fit_weights.py)."""
    score = 0.0
    spam = 0.0
    malicious = False
    for h in _first_of_each(hits):
        sig = rules.signals[h.code]
        w = rules.weight(h.code)
        if sig.category == "spam":
            spam += w
        else:
            score += w
        if sig.verdict == "malicious":
            malicious = True
    th = rules.thresholds
    attachment_led = any(rules.signals[h.code].category == "attachment" for h in hits)
    if malicious or (score >= th["malicious"] and attachment_led):
        verdict = "malicious"
    elif score >= th["phishing"]:
        verdict = "phishing"
    elif score >= th["suspicious"]:
        verdict = "suspicious"
    elif spam >= th["spam"] or (spam > 0 and spam + score >= th["spam"]):
        verdict = "spam"
    else:
        verdict = "clean"
    return verdict, round(score + spam, 2)


def _first_of_each(hits: list[Hit]) -> list[Hit]:
    seen: set[str] = set()
    out = []
    for h in hits:
        if h.code not in seen:
            seen.add(h.code)
            out.append(h)
    return out


def _explained(rules: Rules, hit: Hit, times: int) -> str:
    text = explain(rules, hit)
    if times > 1:
        text += gettext(" (and {n} more like it)").format(n=times - 1)
    return text


def _report(ctx: Context, auth: AuthOutcome | None) -> Verdict:
    rules, msg = ctx.rules, ctx.msg
    verdict, score = decide(rules, ctx.hits)
    times = Counter(h.code for h in ctx.hits)
    signals: list[Signal] = [  # a signal once, with its first evidence and how often it fired
        {
            "code": h.code,
            "category": rules.signals[h.code].category,
            "weight": rules.weight(h.code),
            "title": gettext(rules.signals[h.code].title),
            "explanation": _explained(rules, h, times[h.code]),
            "evidence": {k: str(v) for k, v in h.evidence.items()},
        }
        for h in sorted(_first_of_each(ctx.hits), key=lambda x: -rules.weight(x.code))
    ]
    authentication: Authentication = {"source": None, "results": [], "header": None}
    if auth is not None:
        authentication = {
            "source": auth.source,
            "results": [{"method": r.method, "result": r.result, **r.props} for r in auth.results],
            "header": auth.header(),
        }
    sender = msg.sender
    return Verdict(
        verdict=verdict,
        score=score,
        signals=signals,
        authentication=authentication,
        urls=ctx.urls,
        attachments=[
            {"filename": a.filename, "content_type": a.content_type, "size": a.size, "sha256": a.sha256}
            for a in msg.attachments
        ],
        headers={
            "from": sender.address if sender else "",
            "from_name": sender.name if sender else "",
            "reply_to": ", ".join(a.address for a in msg.reply_to),
            "return_path": msg.return_path,
            "subject": msg.subject,
            "date": msg.date,
            "message_id": msg.message_id,
        },
    )


def analyze_parsed(msg: ParsedMessage, rules: Rules) -> Verdict:
    ctx = Context(msg, rules)
    ctx.auth = auth = recorded(ctx)
    if auth is not None:
        signals_from(ctx, auth)
    _checks(ctx)
    return _report(ctx, auth)


def analyze(data: bytes, rules: Rules, limits: Limits | None = None) -> Verdict:
    """Offline analysis: nothing leaves the machine."""
    msg = parse_message(data, limits) if limits else parse_message(data)
    return analyze_parsed(msg, rules)


async def analyze_online(
    data: bytes | ParsedMessage,
    rules: Rules,
    *,
    resolver: Resolver,
    client_ip: str | None = None,
    mail_from: str | None = None,
    helo: str = "",
) -> Verdict:
    msg = parse_message(data) if isinstance(data, bytes) else data  # callers that parsed pass it on
    ctx = Context(msg, rules)
    ctx.auth = auth = await verify(
        ctx, resolver=resolver, client_ip=client_ip, mail_from=mail_from, helo=helo
    )
    signals_from(ctx, auth)
    await asyncio.to_thread(_checks, ctx)  # CPU work: off the caller's event loop
    return _report(ctx, auth)
