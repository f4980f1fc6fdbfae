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
# the address asked for: "reply/write/contact/e-mail … me|us|back", "send … to me", or "my
# (private) e-mail|address", then the address on the same line or the next ("write me back to my
# private email …@mail.ru", "Contact me at:⏎ …") — not any line that only shows an address
# ("Email: x@gmail.com" in a web form's notice, "The sender was …")
_ASKS = re.compile(
    r"(?i)(?:\b(?:reply|write|respond|contact|e-?mail|reach|message|send|answer)\s+(?:\w+\s+){0,2}?"
    r"(?:me|us|back)\b|\bmy\s+(?:\w+\s+)?(?:e-?mail|address|mailbox|inbox)\b)[^\n]{0,60}\n?[ \t]*\Z"
)
# the sender moving to a chat app in the first person ("add me on Telegram", "contact me on
# WhatsApp", "my WeChat ID is …"), read in the case-folded text after a substring test of each
# app's name (most mail names none); a shop's "follow us on WhatsApp" and a "Skype:" line in a
# signature are how businesses write, not this
_MESSENGER_KEYS = ("whatsapp", "whats app", "telegram", "wechat", "viber", "signal")
_APP = r"(whats\s?app|telegram|wechat|viber|signal)"
_MESSENGER = re.compile(
    rf"\b(?:add|contact|message|text|reach|write|chat\s+with|find|call)\s+me\s+(?:on|via|at|in|through|using)\s+{_APP}\b"
    rf"|\bmy\s+(?:private\s+|personal\s+)?{_APP}\s*(?:id|number|no\b|account|handle|is|:)"
)
_MESSENGER_NAMES = {"telegram": "Telegram", "wechat": "WeChat", "viber": "Viber", "signal": "Signal"}
# a segment of text between two marks of punctuation, digits or underscores
_BREAKS = re.compile(r"[^\w\s]|\d|_")
# a line of prose wrapped by the sender: a run of words may go on across it
_PROSE_LINE = 6
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_GREETING = re.compile(
    r"(?im)^[ \t]{0,3}(?:dear|hello|hi|greetings|attention)[ ,]+(?:my\s+)?(?:dear\s+)?"
    r"(?:friends?|sir|madam|sir\s*/\s*madam|sir\s+or\s+madam|(?:valued\s+|esteemed\s+)?customer|user"
    r"|client|beneficiary|account\s+(?:holder|owner)|partner|winner|recipient)\b"
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


def _paragraphs(text: str) -> list[str]:
    """The text's lines, a sender's wrapped prose joined again: a line joins the one before when
    both hold a line's worth of words. A list of names, one a line, stays a list."""
    out: list[str] = []
    joinable = False
    for line in text.split("\n"):
        long = len(line.split()) >= _PROSE_LINE
        if long and joinable:
            out[-1] += " " + line
        else:
            out.append(line)
        joinable = long
    return out


def _salad(text: str) -> tuple[int, str] | None:
    """The longest run of words with no punctuation or digit between them, within a paragraph
    and mostly in lower case (names and headings are capitalised), when it is long enough to be
    filler: (its length in words, its first words). Japanese and Chinese text is not read. The
    commonest marks cut the text first, with str.split, keeping only pieces long enough to hold
    such a run; the pattern then splits what is left."""
    pieces = [p for p in _paragraphs(text) if len(p) >= _SALAD_CHARS]
    for mark in (".", ",", "/", ":", "-"):
        pieces = [q for p in pieces for q in p.split(mark) if len(q) >= _SALAD_CHARS]
        if not pieces:
            return None
    longest, first = 0, ""
    for segment in (s for p in pieces for s in _BREAKS.split(p)):
        words = segment.split()
        if len(words) <= longest or len(words) < SALAD_WORDS or _CJK.search(segment):
            continue
        if sum(w.islower() for w in words) < 0.7 * len(words):
            continue
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
        name = app.group(1) or app.group(2)
        ctx.hit("text.messenger-contact", app=_MESSENGER_NAMES.get(name, "WhatsApp"))
    salad = _salad(text)
    if salad is not None:
        ctx.hit("text.word-salad", words=str(salad[0]), start=salad[1][:60])
    # after the subject, which is the text's first line
    greeting = _GREETING.search(ctx.text, ctx.text.find("\n") + 1, GREETING_CHARS)
    if greeting is not None:
        ctx.hit("text.impersonal-greeting", greeting=greeting.group(0).strip()[:60])
