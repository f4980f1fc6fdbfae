"""Header signals: who the message claims to be from, where replies go, and how."""

from __future__ import annotations

import ipaddress
import itertools
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import idna

from ..core.i18n import N_, gettext
from ..core.message import Address, address_pairs
from ..domain.orgdomain import registrable, same_organisation
from .context import Context
from .impersonation import authenticated, esp_domain, list_domains, sent_from_domain, via_esp
from .lookalike import contains_brand, imitates, under
from .romaji import latin_name_matches
from .targets import targets

_ORG_WORDS = re.compile(
    r"(?i)\b(support|service|services|team|order|account|security|billing|helpdesk|help desk|admin|"
    r"notification|customer|department|office|bank|delivery|invoice|banco|protocolo|notifica[çc][ãa]o|"
    r"comunicado|suporte|atendimento|servicio|kundenservice|equipe|équipe|rewards?|wallet|"
    # bills and refunds: a lure's favourite sender, never a free-mail account's
    r"fatura|factura|facture|rechnung|refund|reembolso|restitui[çc][ãa]o|remboursement|tax|imposto)\b|"
    r"カスタマー|サポート|事務局|センター|運営|請求|返金|還付"
)
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$")
# Mixed case and digits, 8+ characters, standing alone: "wpsPADwQak6ANPRYv", "nDY9wO4k"
_TOKEN = re.compile(
    r"(?<![\w/.@-])(?=[A-Za-z0-9]{8,40}(?![\w/.@-]))(?=[^\s]*[a-z])(?=[^\s]*[A-Z])(?=[^\s]*\d)[A-Za-z0-9]+"
)
_MSGID = re.compile(r"^\s*<[^<>@\s]+@[^<>@\s]+>\s*$")
_EMAIL_IN_NAME = re.compile(r"[\w.+-]+@([\w-]+\.)+[\w-]{2,}")


def _valid_domain(domain: str) -> bool:
    if not domain.isascii():
        try:
            domain = idna.encode(domain, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError, ValueError):
            return False
    return bool(_DOMAIN.match(domain))


_VOWELS = set("aeiouy")
# mailboxes made by a sending kit, one per message: "lina_zackary_67866", "new_offre_1_87710"
_BULK_LOCAL = re.compile(r"^[a-z]+(?:_[a-z0-9]+)+_\d{4,}$")


def _machine_made(label: str) -> bool:
    """A registrable label like '5e2bsalbdm' or 'fessasa5k9': digits among letters, or a long
    run of consonants — names people do not choose."""
    if len(label) < 6 or not label.isascii():
        return False
    digits = sum(ch.isdigit() for ch in label)
    letters = sum(ch.isalpha() for ch in label)
    if digits >= 2 and letters >= 4 and not label[-digits:].isdigit():
        return True
    return _consonant_run(label) >= 5


def _consonant_run(text: str) -> int:
    run = longest = 0
    for ch in text.lower():
        run = run + 1 if ch.isalpha() and ch.isascii() and ch not in _VOWELS else 0
        longest = max(longest, run)
    return longest


def mentions(folded_text: str, word: str) -> bool:
    """Does casefolded text name ``word``? Latin words on word boundaries, others anywhere."""
    w = word.casefold()
    if len(w) < 3 and w.isascii():
        return False
    if w.isascii():
        return re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", folded_text) is not None
    return w in folded_text


def _unicode(domain: str) -> str:
    try:
        return idna.decode(domain)
    except (idna.IDNAError, UnicodeError):
        return domain


def _scripts(text: str) -> set[str]:
    import unicodedata

    out = set()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            out.add(name.split(" ", 1)[0] if name else "?")
    return out


_RECEIVED_FROM = re.compile(r"^\s*from\s+(\S+)\s*\(([^)]*)\)", re.IGNORECASE)
_IP_IN = re.compile(r"\[(?:IPv6:)?([0-9a-fA-F:.]+)\]")
MAX_HOPS = 30


def check_received(ctx: Context) -> None:
    """The Received path: a hop stamped in the future or long before the hop below it, and
    relays that HELO with something that is not a host name (localhost, a bare word)."""
    received = ctx.msg.header_all("received")[:MAX_HOPS]
    times = []
    for value in received:
        stamp = value.rsplit(";", 1)[-1].strip() if ";" in value else ""
        try:
            times.append(parsedate_to_datetime(stamp) if stamp else None)
        except (TypeError, ValueError, IndexError):
            times.append(None)
        m = _RECEIVED_FROM.match(value)
        if m:
            helo = m.group(1).strip("[]").lower()
            ip = _IP_IN.search(m.group(2))
            if ip and "." not in helo and ":" not in helo and _public(ip.group(1)):
                ctx.hit("header.received-helo", helo=m.group(1), ip=ip.group(1))
    now = datetime.now(UTC)
    known = [t for t in times if t is not None and t.tzinfo is not None]
    if any(t > now + timedelta(days=1) for t in known):
        ctx.hit("header.received-time", detail=gettext(N_("a hop is stamped more than a day in the future")))
    # headers are newest first: each hop should not be much older than the hop it received from
    for newer, older in itertools.pairwise(known):
        if older - newer > timedelta(days=1):
            detail = gettext(N_("a hop is stamped more than a day before the one that sent it"))
            ctx.hit("header.received-time", detail=detail)
            break


def _public(ip: str) -> bool:
    """Not loopback, private or link-local: a host on the internet (local injection by
    fetchmail or a content filter HELOs as localhost, and that is fine)."""
    try:
        return ipaddress.ip_address(ip).is_global
    except ValueError:
        return False


# a quoted display name closed and then cut from the address by a comma: two mailboxes to a
# parser, one of them a name without an address, which many readers show as the sender
_NAME_THEN_COMMA = re.compile(r'^\s*"[^"]*"\s*,\s*<?[^\s<>,"@]+@[^\s<>,"@]+>?\s*$')  # one @: linear time
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_COMMENT = re.compile(r"\([^()@]*\)")
_QUOTED_THEN_COMMA = re.compile(r'\s*"(?:[^"\\]|\\.)*"\s*,')


def _name_made_a_mailbox(raw_from: str) -> bool:
    """An unquoted comma before the one address: "Europa Park,(<a@shop.example>)" or "Offer,
    jehd <a@shop.example>". RFC 5322 reads a list of two mailboxes, the first a name without an
    address, and clients show that name alone. Read as written (a comma inside an encoded-word
    is encoded), quoted strings and comments (nested too) set aside; a second "@" is a real
    list; a name in raw ISO-2022-JP (an escape sequence) has commas inside its characters."""
    if len(raw_from) > 2000 or raw_from.count("@") != 1 or "\x1b" in raw_from:
        return False
    rest = _QUOTED.sub(" ", raw_from)
    for _ in range(8):  # innermost comments first, as deep as anyone nests them
        rest, n = _COMMENT.subn(" ", rest)
        if not n:
            break
    head, angle, _ = rest.partition("<")
    return bool(angle) and "," in head


def check_headers(ctx: Context) -> None:
    msg = ctx.msg
    sender = msg.sender
    if sender is None or "@" not in sender.address:
        ctx.hit("header.from-missing", value=msg.header("from"))
        _check_replies_without_sender(ctx)
    else:
        _check_sender(ctx, sender)
    from_line = msg.header("from")
    raw_from = msg.raw_header("from")
    if _NAME_THEN_COMMA.match(from_line) or (
        _name_made_a_mailbox(raw_from)
        # "Smith, John <j@corp>" is written by scripts and appliances too: not held against
        # mail its domain signed; a quoted name and then a comma is written by no one
        and (_QUOTED_THEN_COMMA.match(raw_from) or not authenticated(ctx))
    ):
        ctx.hit("header.from-malformed", value=from_line[:120])
    _check_recipient_shown(ctx)
    token = _TOKEN.search(msg.subject)
    if token:
        ctx.hit("header.subject-token", token=token.group(0))
    check_received(ctx)
    if not _MSGID.match(msg.message_id or ""):
        ctx.hit("header.message-id-missing", value=msg.message_id)
    if not msg.date.strip():
        ctx.hit("header.date-missing", value=msg.date)
    else:
        from email.utils import parsedate_tz

        if parsedate_tz(msg.date) is None:
            ctx.hit("header.date-missing", value=msg.date)


def _check_recipient_shown(ctx: Context) -> None:
    """The recipient's own address merged into the subject or the sender's name ("Your
    parcel, taro@example.jp"): a bulk sender's mail merge, which people who write to
    someone do not do. Not against mail its own domain authenticates (a service greeting the
    address it signs up), nor a calendar invitation's "(invitee@…)" at the subject's end."""
    msg = ctx.msg
    subject = msg.subject.casefold()
    name = (msg.sender.name if msg.sender else "").casefold()
    if ("@" not in subject and "@" not in name) or authenticated(ctx):
        return
    own = msg.sender.address if msg.sender else ""
    for _, address in address_pairs(msg.header_all("to") + msg.header_all("cc")):
        address = address.strip().casefold()
        if "@" not in address or address == own:
            continue
        alone = re.compile(r"(?<![\w.+-])" + re.escape(address) + r"(?![\w-]|\.\w)")
        if alone.search(subject) and not subject.rstrip().endswith(f"({address})"):
            where = N_("subject")  # (an invitation's "(invitee@…)" at the end: Google Calendar's)
        elif alone.search(name):
            where = N_("sender's name")
        else:
            continue
        ctx.hit("header.recipient-in-subject", address=address, where=gettext(where))
        return


# a display name that is an advertisement: an exclamation, a price or a discount ("Yahoo!" is
# a name); the length of a name says nothing ("Name - Company Pte. Ltd." is how people sign)
_SHOUT = re.compile(r"[!！$£€%％]")
_NAMED_WITH_BANG = re.compile(r"(?i)yahoo!|!\s*(?:japan|ジャパン)")


def _slogan(name: str) -> bool:
    return _SHOUT.search(_NAMED_WITH_BANG.sub("", name)) is not None


def _check_replies_without_sender(ctx: Context) -> None:
    """No From to compare with: a Reply-To at a free-mail provider still diverts replies."""
    for reply in ctx.msg.reply_to:
        if reply.domain in ctx.rules.freemail:
            ctx.hit("header.reply-to-freemail", reply=reply.address, sender="(no From)")


def _check_sender(ctx: Context, sender: Address) -> None:
    """What From says — its domain and its name — and where replies and bounces go beside it."""
    msg, rules = ctx.msg, ctx.rules
    domain = sender.domain
    if not _valid_domain(domain):
        ctx.hit("header.from-domain-invalid", domain=domain)
    if domain in rules.freemail and sender.name and _ORG_WORDS.search(sender.name):
        ctx.hit("header.freemail-organisation", name=sender.name, address=sender.address)
    reg = registrable(domain)
    labels = domain[: -len(reg)].rstrip(".").split(".") if reg and domain != reg else []
    label = reg.split(".", 1)[0] if reg else ""
    if (
        _machine_made(label)
        or any(_machine_made(x) for x in labels if len(x) >= 6)
        or sum(len(x) == 1 for x in labels) >= 4
    ):
        ctx.hit("header.random-domain", domain=domain)
    local = sender.address.split("@", 1)[0]
    if (domain in rules.freemail and _consonant_run(local) >= 6) or _BULK_LOCAL.match(local):
        ctx.hit("header.random-sender", address=sender.address)
    # replies (to a mailing list the message came through: that is what lists do)
    lists = list_domains(ctx)
    for reply in msg.reply_to:
        if (
            reply.domain
            and not same_organisation(reply.domain, domain)
            and registrable(reply.domain) not in lists
        ):
            if reply.domain in rules.freemail and domain not in rules.freemail:
                ctx.hit("header.reply-to-freemail", reply=reply.address, sender=sender.address)
            else:
                ctx.hit("header.reply-to-mismatch", reply=reply.address, sender=sender.address)
    rp = msg.return_path
    if rp and "@" in rp:
        rp_domain = rp.rsplit("@", 1)[1]
        # an email service provider's bounce address on a message its sender signed is ordinary
        sent_by_esp = (esp_domain(rules, rp_domain) and via_esp(ctx)) or registrable(rp_domain) in lists
        if (
            rp_domain
            and not same_organisation(rp_domain, domain)
            and registrable(rp_domain)
            and not sent_by_esp
        ):
            ctx.hit("header.return-path-mismatch", return_path=rp, sender=sender.address)
    # display name
    name = sender.name
    if name:
        shown = _EMAIL_IN_NAME.search(name)
        if shown and shown.group(0).lower() != sender.address:
            ctx.hit("header.display-name-address", shown=shown.group(0), address=sender.address)
        if _slogan(name) and not authenticated(ctx):
            ctx.hit("header.display-name-slogan", name=name)
        folded = name.casefold()
        for vip, addresses in rules.vips:
            named = vip.casefold().replace(" ", "") in folded.replace(" ", "")
            named = named or latin_name_matches(name, vip)
            if named and sender.address not in addresses:
                ctx.hit("header.display-name-impersonation", name=name, target=vip, address=sender.address)
    # the sender domain itself: not when the mail is proven to come from below a suffix only
    # registered organisations can hold, where no one registers a lookalike
    # (tokyo-minato-cci.or.jp is a chamber of commerce); anyone can write such a name in From
    if not (under(domain, rules.restricted_suffixes) and sent_from_domain(ctx)):
        table = targets(rules)
        found = imitates(domain, table)
        if found:
            how = f"distance {found[1]} after folding confusable characters"  # shown translated
            ctx.hit("header.lookalike-domain", domain=domain, target=found[0], distance=found[1], how=how)
        else:
            real = contains_brand(domain, table)
            if real:
                how = "its name with words added"
                ctx.hit("header.lookalike-domain", domain=domain, target=real, distance="—", how=how)
    if "xn--" in domain:
        uni = _unicode(domain)
        scripts = _scripts(uni)
        mixed = " (mixed scripts: " + ", ".join(sorted(scripts)) + ")" if len(scripts) > 1 else ""
        ctx.hit("header.idn-domain", domain=domain, unicode=uni, mixed=mixed)
