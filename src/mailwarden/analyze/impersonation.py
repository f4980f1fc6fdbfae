"""Who the message pretends to be, read after the other checks: a brand named where the reader
looks first (display name, subject) or in the body by a sender outside the brand whose links
all lead elsewhere; a sender domain made to pass for one the organisation deals with; a sender
the organisation has never corresponded with; and authenticated bulk mail, which is what it
says it is.

Attack families: brand impersonation (credential phishing under a bank's, carrier's or
shop's name — フィッシング対策協議会's monthly reports), and business email compromise from
lookalike or first-contact domains (IPA ビジネスメール詐欺)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..core.i18n import N_, gettext
from ..domain.orgdomain import registrable, same_organisation
from .context import Context
from .correspondents import resembles
from .lookalike import at_or_under, under
from .rules import Brand, Rules
from .targets import brand_disguised, brand_domain, brand_named, brand_owning

if TYPE_CHECKING:
    from .auth import AuthResult


def known_domains(rules: Rules) -> tuple[str, ...]:
    return (*rules.own_domains, *rules.correspondents)


def _links_outside(ctx: Context, brand: Brand) -> bool:
    hosts = [u["host"] for u in ctx.urls if u.get("host")]
    return not any(brand.owns(h) for h in hosts)


def _signer(r: AuthResult) -> str:
    """The domain a DKIM result is for: its d=, or the domain of its i= (Gmail records only
    ``header.i=@example.com``)."""
    return r.props.get("header.d") or r.props.get("header.i", "").rsplit("@", 1)[-1]


def _envelope(r: AuthResult) -> str:
    """The domain an SPF result is for: its MAIL FROM's, or its HELO's for a null sender."""
    return _bare(r.props.get("smtp.mailfrom") or r.props.get("smtp.helo", ""))


def _bare(domain: str) -> str:
    return domain.rsplit("@", 1)[-1].strip().rstrip(".")


def authenticated(ctx: Context) -> bool:
    """DMARC passed, or a DKIM signature of the From domain's organisation verified."""
    auth, sender = ctx.auth, ctx.msg.sender
    if auth is None or sender is None:
        return False
    dmarc = auth.first("dmarc")
    if dmarc is not None and dmarc.result == "pass":
        return True
    return any(
        r.method == "dkim" and r.result == "pass" and same_organisation(_signer(r), sender.domain)
        for r in auth.results
    )


def sent_from_domain(ctx: Context) -> bool:
    """Authenticated, or SPF passed for the From domain's own organisation (its servers sent it,
    though it publishes no DMARC and signs nothing — as small bodies' mail often is)."""
    sender = ctx.msg.sender
    if authenticated(ctx):
        return True
    # a DKIM signature of the same organisation already counts as authenticated: what is left
    # in passed_for that can name it is SPF's MAIL FROM
    return sender is not None and any(
        d != "arc" and same_organisation(d, sender.domain) for d in passed_for(ctx)
    )


def esp_domain(rules: Rules, domain: str) -> bool:
    reg = registrable(domain)
    return reg in rules.esp_domains or domain in rules.esp_domains


def passed_for(ctx: Context) -> list[str]:
    """The domains SPF (its MAIL FROM, else its HELO) or DKIM (its d=, else i=) passed for, in
    the authentication outcome; "arc" too when an ARC chain passed. A result naming no domain
    names none."""
    auth = ctx.auth
    if auth is None:
        return []
    out = []
    for r in auth.results:
        if r.result != "pass":
            continue
        if r.method == "arc":
            out.append("arc")
        elif r.method in ("dkim", "spf"):
            domain = _bare(_signer(r)) if r.method == "dkim" else _envelope(r)
            if domain:
                out.append(domain)
    return out


def via_esp(ctx: Context) -> bool:
    """Sent through an email service provider and authenticated as such: signed for its From
    domain, or SPF or DKIM passing for the provider's own domain (a brand without DMARC sending
    through SendGrid). Then the provider's bounce address and click-tracking links are what
    they look like."""
    return authenticated(ctx) or any(d != "arc" and esp_domain(ctx.rules, d) for d in passed_for(ctx))


def list_domains(ctx: Context) -> set[str]:
    """The organisations of a mailing list the message came through (List-Id, List-Post)."""
    out = set()
    for name in ("list-id", "list-post"):
        for m in re.finditer(r"[\w.-]+\.[a-z]{2,}", ctx.msg.header(name).lower()):
            host = m.group(0).rsplit("@", 1)[-1]
            if registrable(host):
                out.add(registrable(host))
    return out


def _sent_by(ctx: Context, orgs: set[str]) -> bool:
    """SPF or DKIM passed for one of ``orgs``, or ARC vouched for the path."""
    return any(d == "arc" or registrable(d) in orgs for d in passed_for(ctx))


KNOWN_AS = {
    "correspondent": N_("your own organisation or a correspondent"),
    "brand": N_("a brand's real domain"),
    "restricted suffix": N_("a domain only a registered organisation can hold"),
}


def known_sender(ctx: Context) -> str | None:
    """Why the sender is known and proven: mail authenticated for the organisation's own or a
    correspondent's domain, a brand's real domain, or a domain under a suffix only registered
    organisations can hold (go.jp, ac.jp…). None otherwise."""
    sender = ctx.msg.sender
    if sender is None or not authenticated(ctx) or sender.address in ctx.rules.relay_senders:
        return None  # a relay's authentication proves the service, not who wrote
    rules, domain = ctx.rules, sender.domain
    if any(same_organisation(domain, k) for k in known_domains(rules)):
        return "correspondent"
    if brand_owning(rules, domain) is not None and domain not in rules.freemail:
        return "brand"
    if under(domain, rules.restricted_suffixes):
        return "restricted suffix"
    return None


def _shared_by_stranger(ctx: Context, domain: str) -> dict[str, str] | None:
    """The first link to a file or form shared on a public service (drive.google.com,
    forms.gle…) in mail from a sender not known and proven, unless the service is the sender's
    own: "shared document" phishing borrows the service's trusted name. A relay (a share
    notification, authenticated, from the service itself) shares on behalf of its Reply-To: its
    first link is a stranger's share unless that is the organisation's own or a
    correspondent's address."""
    shares = ctx.rules.share_hosts
    sender = ctx.msg.sender
    if sender is not None and sender.address in ctx.rules.relay_senders and authenticated(ctx):
        known = known_domains(ctx.rules)
        if any(same_organisation(r.domain, k) for r in ctx.msg.reply_to for k in known if r.domain):
            return None
        return next((u for u in ctx.urls if u.get("host")), None)  # the shared item's link
    for link in ctx.urls:
        host = link.get("host") or ""
        if host and at_or_under(host, shares) and not same_organisation(host, domain):
            return link
    return None


_FAILED = ("fail", "softfail")


def _check_unauthenticated(ctx: Context, domain: str) -> None:
    """Mail whose authentication results show that the From domain's organisation did not send
    it: "auth.unaligned" when something passed for another domain (auth.none and
    auth.dmarc-fail say the rest), and "brand.domain-unauthenticated" when the From domain is a
    brand's own — a brand's real mail is signed for its domain or sent by its servers, so its
    domain disproven is its name forged (exact-domain spoofing). Only on evidence: a result that
    failed, a pass for another domain, or an envelope sender of another organisation — never on
    results that checked nothing ("none"), could not tell (temperror) or met a broken record
    (permerror). Not where an ARC chain or a mailing list's server vouches for a path that
    rewrote the message, nor where an email provider sent it (providers check who may use a
    From address)."""
    auth = ctx.auth
    if auth is None or sent_from_domain(ctx):
        return
    passed, rules = passed_for(ctx), ctx.rules
    lists = list_domains(ctx)
    if "arc" in passed or (lists and _sent_by(ctx, lists)):
        return
    if any(esp_domain(rules, d) for d in passed):
        return
    failed = any(r.method in ("spf", "dkim", "dmarc") and r.result in _FAILED for r in auth.results)
    spf = auth.first("spf")
    # the envelope (MAIL FROM, or HELO for a null sender) names another organisation
    envelope = _envelope(spf) if spf else ""
    elsewhere = bool(envelope) and not same_organisation(envelope, domain)
    if not (failed or passed or elsewhere):
        return
    found = brand_domain(rules, domain)
    if found is not None:
        brand, listed = found
        shared = rules.freemail | rules.shared_brand_domains
        # an ISP's subscriber, a cloud customer's host, a council under gov.uk: not the brand
        if not at_or_under(domain, shared) and registrable(listed) == registrable(domain):
            ctx.hit("brand.domain-unauthenticated", brand=brand.name, domain=domain)
    if passed and not ctx.fired("auth.dmarc-fail") and not ctx.fired("auth.none"):
        ctx.hit("auth.unaligned", domain=domain, passed=", ".join(sorted(set(passed)))[:200])


# what a firm's name joins to a partner's, which is not a partner ("JPMorgan Chase & Co.")
_NOT_A_PARTNER = frozenset({"co", "company", "cie", "inc", "ltd", "llc", "corp", "group", "partners"})


def _firm_name(rules: Rules, brand: Brand, name: str) -> bool:
    """A brand whose name is an everyday word, joined by "&" or "and" to a partner's name: how
    firms are named ("Quill & Ledger Bookkeeping", "Smith & Chase LLP"), not how a brand is
    impersonated ("Ledger Support", "Hiba from Ledger"). Not when the other name is itself a
    brand ("Visa & Mastercard Security", "UPS & DHL") or no partner ("JPMorgan Chase & Co.")."""
    if not brand.generic:
        return False
    word = re.escape(brand.name)
    m = re.search(rf"([^\W\d_]+)\s*(?:&|\band\b)\s*{word}\b|\b{word}\s*(?:&|\band\b)\s*([^\W\d_]+)", name)
    if m is None:
        return False
    partner = m.group(1) or m.group(2)
    return partner.casefold() not in _NOT_A_PARTNER and brand_named(rules, partner) is None


def check_impersonation(ctx: Context) -> None:
    msg, rules = ctx.msg, ctx.rules
    sender = msg.sender
    if sender is None or "@" not in sender.address:
        return
    domain = sender.domain
    # brands, where the reader looks first, then in the body
    for where, text in (("display name", sender.name), ("subject", msg.subject)):
        brand = (brand_named(rules, text) or brand_disguised(rules, text)) if text else None
        if brand is not None and where == "display name" and _firm_name(rules, brand, text):
            brand = None
        if brand is not None and not brand.owns(domain) and _links_outside(ctx, brand):
            code = "brand.in-display-name" if where == "display name" else "brand.in-subject"
            ctx.hit(code, brand=brand.name, address=sender.address)
    if not ctx.fired("brand.in-display-name") and not ctx.fired("brand.in-subject"):
        body = ctx.text[len(msg.subject) :] if ctx.text.startswith(msg.subject) else ctx.text
        brand = brand_named(rules, body[:5000]) if body else None
        if brand is not None and not brand.owns(domain) and ctx.urls and _links_outside(ctx, brand):
            ctx.hit("brand.in-body", brand=brand.name, address=sender.address)
    _check_unauthenticated(ctx, domain)
    # the organisation's own and its correspondents' domains
    known = known_domains(rules)
    if known:
        found = resembles(domain, known)
        if found is not None:
            ctx.hit("header.correspondent-lookalike", **found.evidence(domain))
        elif (
            rules.correspondents
            and not any(same_organisation(domain, k) for k in known)
            and not known_sender(ctx)
        ):
            ctx.hit("header.first-contact", domain=domain)
        for reply in msg.reply_to:
            if reply.domain and not same_organisation(reply.domain, domain):
                found = resembles(reply.domain, known)
                if found is not None:
                    ctx.hit("header.correspondent-lookalike", **found.evidence(reply.domain))
    if domain in rules.freemail:
        ctx.hit("header.freemail-sender", address=sender.address)
    # bulk mail that is what it says: the sender's own signature and an unsubscribe link
    if authenticated(ctx) and msg.header("list-unsubscribe"):
        ctx.hit("bulk.authenticated", domain=domain)
    # bulk mail that offers to unsubscribe in its text but not in the header every large
    # mailbox provider has required of bulk senders since 2024 (RFC 8058)
    if ctx.fired("spam.bulk") and not msg.header("list-unsubscribe") and not msg.header("list-id"):
        ctx.hit("bulk.no-list-unsubscribe", address=sender.address)
    why = known_sender(ctx)
    if why is not None:
        ctx.hit("sender.known-authenticated", domain=domain, kind=why, why=gettext(KNOWN_AS[why]))
    elif not ctx.fired("bulk.authenticated"):
        shared = _shared_by_stranger(ctx, domain)
        if shared is not None:
            url, host = shared["url"][:200], shared["host"]
            ctx.hit("url.shared-by-stranger", url=url, host=host, address=sender.address)
    # a list post proven to come from the list's server (anyone can write a List-Id header)
    lists = list_domains(ctx)
    if lists and _sent_by(ctx, lists):
        ctx.hit("bulk.mailing-list", list=", ".join(sorted(lists)))
