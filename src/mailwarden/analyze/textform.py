"""How a message is written, whatever it offers: the signs that mass scams share across their
families (round 9, from junk mail written for this project by several authors).

- ``text.reply-elsewhere``: the text asks to be answered at a free-mail address that is not the
  sender's ("write me back to my private email …@mail.ru") — dating, advance-fee and job scams
  move the conversation out of the mailbox the message came from;
- ``text.messenger-contact``: the contact moved to a chat app (WhatsApp, Telegram, WeChat, Viber,
  Signal, Skype) — investment, supplier and job fraud, where no filter reads on;
- ``text.word-salad``: a long run of words without any punctuation or digit — random filler
  added so that statistical filters read ordinary words ("hash-busting");
- ``text.impersonal-greeting``: "Dear friend", "Dear customer", "Dear sir or madam",
  "Dear beneficiary" at the top — mail sent to lists of addresses whose owners are unknown.

Each is weak alone (a bill says "Dear customer"); their weights are fitted with the others'.
Latin-script text only: Japanese mail has its own phrases (japanese.py)."""

from __future__ import annotations

import re

from .context import Context

MAX_CHARS = 20_000  # where these signs are: the top of the message
GREETING_CHARS = 3_000
#: words in a row without punctuation that prose does not write (a sentence of 45 words without
#: a comma is rare; filler is hundreds)
SALAD_WORDS = 45

# an address is found from its "@" (rare), its local part read back from there: a pattern that
# starts with the local part tries every word of the text (220 µs a message; this, 16 µs)
_AT_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_LOCAL_PART = re.compile(r"[\w.+-]+\Z")
# "write", "reply", "contact me", "e-mail me", "send … to", "reach me", "message me", then the
# address within the same line
_ASKS = re.compile(r"(?i)\b(?:write|reply|respond|contact|e-?mail|send|reach|message)\w*\b[^\n]{0,60}$")
# read in the case-folded text, after a substring test of each key (most mail names none)
_MESSENGER = re.compile(r"\b(?:whats\s?app|telegram|wechat|viber|signal app|skype)\b")
_MESSENGER_KEYS = ("whats", "telegram", "wechat", "viber", "signal app", "skype")
_MESSENGER_NAMES = {
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "wechat": "WeChat",
    "viber": "Viber",
    "signal app": "Signal",
    "skype": "Skype",
}
# a segment of text between two marks of punctuation, digits or underscores
_BREAKS = re.compile(r"[^\w\s]|\d|_")
_GREETING = re.compile(
    r"(?im)^\W{0,3}(?:dear|hello|hi|greetings|attention)[ ,]+(?:my\s+)?(?:dear\s+)?"
    r"(?:friend|sir|madam|sir\s*/\s*madam|sir\s+or\s+madam|customer|valued\s+customer|user|member"
    r"|client|beneficiary|account\s+holder|partner|winner|colleague|recipient)\b"
)


def _elsewhere(ctx: Context, text: str) -> str | None:
    """The first free-mail address the text asks replies at, when it is not the sender's."""
    sender = ctx.msg.sender
    own = sender.domain if sender is not None else ""
    for m in _AT_DOMAIN.finditer(text):
        local = _LOCAL_PART.search(text, max(0, m.start() - 64), m.start())
        if local is None:
            continue
        domain = m.group(1).lower().rstrip(".")
        if own and (domain == own or domain.endswith("." + own) or own.endswith("." + domain)):
            continue
        if domain in ctx.rules.freemail and _ASKS.search(text, max(0, local.start() - 80), local.start()):
            return text[local.start() : m.end()]
    return None


# the shortest text a run of SALAD_WORDS words can be: one letter each, one space between
_SALAD_CHARS = 2 * SALAD_WORDS - 1


def _salad(text: str) -> tuple[int, str] | None:
    """The longest run of words with no punctuation or digit between them, when it is long
    enough to be filler: (its length in words, its first words). The commonest marks cut the
    text first, with str.split, keeping only pieces long enough to hold such a run; the pattern
    then splits what is left (on all of a message's text: 130 µs; so, a few)."""
    pieces = [text]
    for mark in (".", ",", "/", ":", "-"):
        pieces = [q for p in pieces for q in p.split(mark) if len(q) >= _SALAD_CHARS]
        if not pieces:
            return None
    longest, first = 0, ""
    for segment in (s for p in pieces for s in _BREAKS.split(p)):
        words = segment.split()
        if len(words) > longest:
            longest, first = len(words), " ".join(words[:8])
    return (longest, first) if longest >= SALAD_WORDS else None


def check_text_form(ctx: Context) -> None:
    text = ctx.text[:MAX_CHARS]
    address = _elsewhere(ctx, text)
    if address is not None:
        ctx.hit("text.reply-elsewhere", address=address[:80])
    folded = text.casefold()
    app = _MESSENGER.search(folded) if any(k in folded for k in _MESSENGER_KEYS) else None
    if app is not None:
        ctx.hit("text.messenger-contact", app=_MESSENGER_NAMES.get(app.group(0), app.group(0)))
    salad = _salad(text)
    if salad is not None:
        ctx.hit("text.word-salad", words=str(salad[0]), start=salad[1][:60])
    greeting = _GREETING.search(ctx.text[:GREETING_CHARS])
    if greeting is not None:
        ctx.hit("text.impersonal-greeting", greeting=greeting.group(0).strip()[:60])
