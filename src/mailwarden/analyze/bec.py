"""Business email compromise without links: what the text asks for (a payment or a change of
bank details, secrecy, urgency, skipping approval, employees' or customers' data, gift cards,
"are you available?", a number to call) weighed together with who asks — a free-mail account,
a first-contact or lookalike domain, an executive's name on an outside address. Either alone is
everyday mail; together they are the pattern of IPA's and the FBI IC3's BEC reports."""

from __future__ import annotations

from ..core.i18n import N_, get_language, gettext
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


#: what each sign says, as the explanation shows it (the evidence keeps the signals' names)
LABELS = {
    "payment-change": N_("a payment or a change of bank details"),
    "payroll-change": N_("a change of payroll account"),
    "gift-card": N_("gift cards"),
    "secrecy": N_("secrecy"),
    "executive-request": N_("a favour for an executive"),
    "data-request": N_("employees' or customers' data"),
    "approval-bypass": N_("skipping approval"),
    "wire-today": N_("a transfer today"),
    "acquisition": N_("a confidential acquisition"),
    "callback": N_("a call to a number"),
    "callback-charge": N_("a call about a charge"),
    "freemail-sender": N_("a free-mail account"),
    "reply-to-freemail": N_("replies to a free-mail account"),
    "reply-to-mismatch": N_("replies to another address"),
    "first-contact": N_("writing for the first time"),
    "correspondent-lookalike": N_("a lookalike of a correspondent"),
    "lookalike-domain": N_("a lookalike domain"),
    "display-name-impersonation": N_("an executive's name on an outside address"),
}


def shown(names: str) -> str:
    """The evidence's names (``secrecy, executive-request``) as the reader says them."""
    sep = "、" if get_language() == "ja" else ", "
    return sep.join(gettext(LABELS[n]) if n in LABELS else n for n in names.split(", "))


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
