"""Business email compromise without links: what the text asks for (a payment or a change of
bank details, secrecy, urgency, skipping approval, employees' or customers' data, gift cards,
"are you available?", a number to call) weighed together with who asks — a free-mail account,
a first-contact or lookalike domain, an executive's name on an outside address. Either alone is
everyday mail; together they are the pattern of IPA's and the FBI IC3's BEC reports."""

from __future__ import annotations

from .context import Context
from .impersonation import authenticated
from .lookalike import tenant_host, under

INTENTS = (
    "text.payment-change",
    "text.payroll-change",
    "text.gift-card",
    "text.secrecy",
    "text.executive-request",
    "text.data-request",
    "text.approval-bypass",
    "text.wire-today",
    "text.acquisition",
    "text.callback",
    "text.callback-charge",
)
OUTSIDERS = (
    "header.freemail-sender",
    "header.reply-to-freemail",
    "header.reply-to-mismatch",
    "header.first-contact",
    "header.correspondent-lookalike",
    "header.lookalike-domain",
    "header.display-name-impersonation",
)


def bec_evidence(codes: set[str]) -> dict[str, str] | None:
    """The evidence of ``bec.request`` when the signals fired hold an ask and an outsider —
    never for bulk mail its sender signed, with an unsubscribe link, nor for a mailing list's
    post: BEC is one person writing to another, and a shop's gift-card campaign or a
    newsletter's prize draw is not."""
    if "bulk.authenticated" in codes or "bulk.mailing-list" in codes:
        return None
    intents = [c for c in INTENTS if c in codes]
    outsiders = [c for c in OUTSIDERS if c in codes]
    if not (intents and outsiders):
        return None
    return {
        "asks": ", ".join(c.split(".", 1)[1] for c in intents),
        "sender": ", ".join(c.split(".", 1)[1] for c in outsiders),
    }


def check_bec(ctx: Context) -> None:
    codes = {h.code for h in ctx.hits}
    sender = ctx.msg.sender
    if (
        sender is not None
        and under(sender.domain, ctx.rules.company_suffixes)
        and not tenant_host(sender.domain, ctx.rules)  # a customer's host at a SaaS is not the SaaS
        and authenticated(ctx)
        and not codes & (set(OUTSIDERS) - {"header.first-contact"})
    ):
        # a registered company's first mail (co.jp, authenticated): an outsider only by being new
        codes.discard("header.first-contact")
    found = bec_evidence(codes)
    if found is not None:
        ctx.hit("bec.request", **found)
