"""Text signals in Japanese and English: the phrases of credential phishing and of business
email compromise. The text is NFKC-normalised (full-width letters and digits, half-width
kana) and case-folded first, so 「アカウント」 and ｱｶｳﾝﾄ, "VERIFY" and "verify" read alike;
Japanese is also read word by word (japanese.py: SudachiPy), so conjugated and re-spelled
variants of a phrase meet the same rule."""

from __future__ import annotations

import re
import unicodedata

from ..core.htmltext import reader_text
from ..core.i18n import N_, gettext
from .context import Context
from .japanese import matches, words
from .multimatch import PhraseSet, compile_phrase, search
from .phrases import PHRASES
from .targets import brand_named

MAX_CHARS = 200_000

PHRASE_SET = PhraseSet(PHRASES)


_PHONE = re.compile(
    r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b0120[\s-]?\d{2,3}[\s-]?\d{3,4}\b"
)
_CALL = [
    compile_phrase(p)
    for p in (
        r"\bcall (?:us|our|the|now|immediately|toll)",
        r"\bhelpline\b",
        r"\bsupport (?:team|number|line)",
        r"\bcustomer (?:care|service|support)\b",
        r"お電話(?:ください|にて)",
        r"までご連絡",
        r"サポートセンター",
    )
]


# a line break inside a paragraph: Japanese mail is wrapped by hand every 30-40 characters, in
# the middle of a phrase, and English mail at 72 columns
# a line that opens an item of its own: a bullet, a number, a heading, a quotation
_ITEM = re.compile(r"[\s\u3000]*(?:[・■□●○◆◇▼▽※*★☆→•【\-=─━>]|\d{1,3}[.)．、）]|[(（]\d{1,3}[)）])")
# a link written out in the text (the text is case-folded): its path and query are not prose
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]+")
_CJK_EDGE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def unwrapped(text: str) -> str:
    """``text`` with each paragraph on one line, so a phrase the sender's line length cut in two
    still reads as one: a break between Japanese characters is dropped, any other becomes a
    space. Blank lines keep their break, and so does a line before one that opens an item of
    its own (・, ■, ※, 1., -…) and a quoted line (>) before or after the break."""
    lines = text.split("\n")
    out: list[str] = []  # pieces, joined with nothing at the end
    prev = lines[0].rstrip(" \t\r")  # the last line as it ends, and whether it is a quotation
    quoted = prev.lstrip().startswith(">")
    out.append(lines[0])
    for line in lines[1:]:
        nxt = line.lstrip(" \t\u3000")
        if not prev or not nxt or quoted or _ITEM.match(line):
            out.append("\n" + line)
        else:
            out[-1] = out[-1].rstrip(" \t\r")  # only the last piece: short
            glue = "" if _CJK_EDGE.match(prev[-1]) and _CJK_EDGE.match(nxt[0]) else " "
            out.append(glue + nxt)
        prev = line.rstrip(" \t\r")
        quoted = prev.lstrip().startswith(">")
    return "".join(out)


# a style that moves text out of the window: a margin or offset of tens of thousands of pixels, a
# height of thousands of viewport heights
_OFFSCREEN = re.compile(
    r"(?:margin(?:-top|-left|-bottom)?|top|left|text-indent|padding-top)\s*:\s*-?\d{5,}(?:\.\d+)?px"
    r"|height\s*:\s*\d{4,}(?:vh|%)|flex-grow\s*:\s*\d{4,}",
    re.IGNORECASE,
)


# where such a style can be: a colon, then a number of four digits or more (a literal first, so
# the search skips ahead instead of trying every alternative at every character)
_LONG_NUMBER = re.compile(r":\s*-?\d{4,}")
_LONGEST_PROPERTY = len("margin-bottom")


def _offscreen(htmls: list[str]) -> str | None:
    """The first style that pushes part of an HTML body out of any window, or None: filler the
    reader never sees, placed for filters to read (or the lure kept below it)."""
    for page in htmls:
        page = page[:MAX_CHARS]
        for c in _LONG_NUMBER.finditer(page):
            start = c.start()
            while start > 0 and page[start - 1].isspace():
                start -= 1
            end = c.end()
            while end < len(page) and (page[end].isdigit() or page[end] == "."):
                end += 1
            m = _OFFSCREEN.search(page, max(0, start - _LONGEST_PROPERTY), end + 2)
            if m:
                return m.group(0)[:60]
    return None


def visible_text(ctx: Context) -> tuple[str, str | None]:
    """Subject and bodies as a reader sees them (HTML tags and what styles hide dropped),
    NFKC-normalised; and the first text hidden inside a word of an HTML body, if any."""
    parts = list(ctx.msg.texts)
    salt = None
    for page in ctx.msg.htmls:
        text, hidden = reader_text(page[:MAX_CHARS])
        parts.append(text)
        salt = salt or hidden
    text = unicodedata.normalize("NFKC", (ctx.msg.subject + "\n" + "\n".join(parts))[:MAX_CHARS])
    return text, salt


# Latin letters within one word together with letters of scripts drawn to look like them,
# or CJK characters standing in for Latin ones inside a Latin word ("L仂仂king").
_LOOKALIKE_SCRIPTS = (
    ("Cyrillic", "\u0400-\u04ff"),
    ("Greek", "\u0370-\u03ff"),
    ("Cherokee", "\u13a0-\u13ff"),
    ("Armenian", "\u0530-\u058f"),
    ("Syriac", "\u0700-\u074f"),
)
_ANY_LOOKALIKE = re.compile("[" + "".join(r for _, r in _LOOKALIKE_SCRIPTS) + "]")
_MIXED = re.compile(
    "|".join(rf"[a-z]+[{r}]+[a-z{r}]*|[{r}]+[a-z]+[a-z{r}]*" for _, r in _LOOKALIKE_SCRIPTS),
    re.IGNORECASE,
)
_KANA = re.compile(r"[\u3040-\u30ff]")
_CJK_IN_LATIN = re.compile(r"[a-z][\u4e00-\u9fff]+[a-z]", re.IGNORECASE)
# checked first: a text without any ideograph (most English mail) skips _CJK_IN_LATIN,
# which tries every position (95 µs a message; this, 28 µs)
_ANY_CJK = re.compile(r"[\u4e00-\u9fff]")


_STYLED = re.compile(r"[\U0001d400-\U0001d7ff]{2,}")
_COMBINED = re.compile(r"(?:[a-z][\u0300-\u036f\u0489]+){3,}", re.IGNORECASE)
# lower-case only: spaced-out capitals are a typographic heading ("E X T E N D E D")
_SPACED = re.compile(r"(?<![\w])(?:[a-z] ){7,}[a-z](?![\w])")
# what every match of _SPACED holds (" b c d " of "a b c d e f g h"), led by a literal the
# engine skips ahead to: 23 µs a message where _SPACED alone scans every position (170 µs)
_SPACED_PART = re.compile(r" [a-z] [a-z] [a-z] ")


_ANY_COMBINING = re.compile(r"[\u0300-\u036f\u0489]")
# a zero or a one standing for O or I inside a word of capitals: "IMP0RTANT", "C0NSUMER"
# a subject written "Find_out_how_to_get_your_Reward!": words joined so filters see one token
_UNDERSCORED = re.compile(r"(?:[A-Za-z]+_){3,}[A-Za-z]+")
_LEET = re.compile(r"(?<![A-Za-z0-9])(?=[A-Z01]{6,}(?![A-Za-z0-9]))[A-Z]+[01][A-Z]+(?![A-Za-z0-9])")


def _obfuscated(raw_head: str, visible: str, title: str = "") -> tuple[str, str] | None:
    """(word, how) for text written to defeat filters: mathematical "bold" letters (looked
    for in the raw subject, From and start of the body: NFKC folds them away), letters loaded
    with combining marks, digits standing for letters in the subject or the sender's name
    ("IMP0RTANT"), or words spaced out letter by letter (in the visible text)."""
    m = _STYLED.search(raw_head)
    if m:
        return m.group(0)[:40], N_("styled mathematical letters")
    m = _LEET.search(title)
    if m:
        return m.group(0)[:40], N_("digits in place of letters")
    m = _UNDERSCORED.search(title)
    if m:
        return m.group(0)[:40], N_("words joined by underscores")
    if _ANY_COMBINING.search(visible):
        m = _COMBINED.search(visible)
        if m:
            return m.group(0)[:40], N_("combining marks on every letter")
    m = _SPACED.search(visible) if _SPACED_PART.search(visible) else None
    if m:
        return m.group(0)[:40], N_("its letters spaced apart")
    return None


def _mixed_word(text: str) -> re.Match[str] | None:
    """The first word spelt with look-alike letters; the costly pattern runs only when such
    letters are present at all."""
    if _ANY_LOOKALIKE.search(text):
        m = _MIXED.search(text)
        if m:
            return m
    if not _ANY_CJK.search(text):
        return None
    for m in _CJK_IN_LATIN.finditer(text):
        # in Japanese writing 「A社B部」 is ordinary: only a Latin word with no kana around counts
        if not _KANA.search(text, max(0, m.start() - 20), m.end() + 20):
            return m
    return None


def _scripts_of(word: str) -> str:
    found = ["Latin"]
    for name, r in _LOOKALIKE_SCRIPTS:
        if re.search(f"[{r}]", word):
            found.append(name)
    if re.search(r"[\u4e00-\u9fff]", word):
        found.append("CJK")
    return " and ".join(found)


def _quoted(text: str, m: re.Match[str]) -> str:
    """What a phrase signal quotes: the words matched or, when they stand inside a link, the
    link's host and the words ("acme.example/…unsubscribe…"): an unsubscribe link is a sign of
    bulk mail, but "the text says 'unsubscribe'" would not be true of it, and the rest of the
    link (tokens, the reader's address) is not evidence."""
    start = m.start()
    if "://" in text or "www." in text:
        token = start
        while token > 0 and not text[token - 1].isspace():
            token -= 1  # a link holds no white space: it stands in this token if anywhere
        end = m.end()
        while end < len(text) and not text[end].isspace():
            end += 1
        for link in _LINK.finditer(text, token, end):  # glued to what stands before it, too
            if link.start() <= start < link.end():
                where = link.group(0).split("://", 1)[-1]
                host = re.split(r"[/?#\\]", where, maxsplit=1)[0].rsplit("@", 1)[-1]  # a browser reads \ as /
                return f"{host[:60]}/…{m.group(0)[:40]}…"
    return m.group(0)[:80]


def check_text(ctx: Context) -> None:
    plain, salt = visible_text(ctx)
    ctx.text = plain
    # underscores read as spaces: "Your_transaction_0.7495_Bitcoin_" hides its words from \b
    text = plain.casefold().replace("_", " ")
    name = ctx.msg.sender.name if ctx.msg.sender else ""
    address = ctx.msg.header("from")
    mixed = _mixed_word(f"{ctx.msg.subject} {name} {text}")
    head = "  ".join(ctx.msg.texts + ctx.msg.htmls)[:5000]
    styled = _obfuscated(f"{ctx.msg.subject} {address} {head}", plain, f"{ctx.msg.subject} {name}")
    if styled:
        ctx.hit("text.obfuscation", word=styled[0], how=gettext(styled[1]))
    if salt is not None:
        ctx.hit("text.hidden-salting", hidden=salt.strip()[:40])
    pushed = _offscreen(ctx.msg.htmls)
    if pushed is not None:
        ctx.hit("text.offscreen", style=pushed)
    if mixed:
        ctx.hit("text.homoglyph", word=mixed.group(0)[:40], scripts=_scripts_of(mixed.group(0)))
    flowing = unwrapped(text)
    for code, m in PHRASE_SET.first_matches(flowing).items():
        ctx.hit(code, phrase=_quoted(flowing, m))
    # Japanese, word by word: variants the surface patterns above do not spell out
    for code, phrase in matches(words(text)).items():
        if not ctx.fired(code):
            ctx.hit(code, phrase=phrase[:80])
    phone = _PHONE.search(text) if any(search(text, c) for c in _CALL) else None
    if phone:
        brand = brand_named(ctx.rules, plain)
        if brand is not None:
            ctx.hit("text.callback", brand=brand.name, phone=phone.group(0))
