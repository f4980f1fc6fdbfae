"""The text of an HTML body as a reader sees it, for the checks that read mail (analysis, DLP).

Scripts and styles go; inline elements (span, b, a, font…) are dropped without a space,
because they do not break a word when rendered — mail written to evade filters puts every
letter in its own ``<span>``, and a number can be split the same way; every other tag (p,
div, td, br, img…) stands for one space. Entities are decoded. Elements styled not to be seen
can be left out. Regular-expression passes, not a parser: they never fail on broken markup."""

from __future__ import annotations

import html
import re

_TAGS = re.compile(r"<(?:script|style)\b.*?</(?:script|style)>|<[^>]+>", re.S | re.I)
# An element styled not to be seen, holding plain text only: what a reader does not see.
# Mail salts its words with such elements ("B<span style="display:none">x7q</span>anco") so
# that filters read nonsense where the reader reads "Banco".
_INVISIBLE_STYLE = (
    r"(?<![\w-])display\s*:\s*none|(?<![\w-])visibility\s*:\s*hidden|"
    r"(?<![\w-])(?:font-size|opacity|max-height|max-width|height|width)\s*:\s*0+(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:[;!\"']|$)"
)
_TEXT_ELEMENT = re.compile(
    r"<(span|font|div|b|i|em|strong|small|u|p|a|td)\b([^>]*)>([^<]{0,200})</\1\s*>", re.I
)
_INVISIBLE = re.compile(rf"\bstyle\s*=\s*[\"'][^\"'>]*?(?:{_INVISIBLE_STYLE})", re.I)
_INLINE_TAGS = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong|sub|"
    r"sup|time|u|var|wbr)(?:\s[^>]*)?/?>",
    re.I,
)


def html_text(page: str) -> str:
    """All the text, hidden or not (what DLP reads: hidden text leaves with the mail too)."""
    return html.unescape(_TAGS.sub(" ", _INLINE_TAGS.sub("", page)))


def reader_text(page: str) -> tuple[str, str | None]:
    """(the text a reader sees: elements styled not to be seen left out; the first hidden
    text standing inside a word — a letter touching the element on each side — if any)."""
    pieces, last, salt = [], 0, None
    for m in _TEXT_ELEMENT.finditer(page):
        attrs = m.group(2)
        if "style" not in attrs.lower() or _INVISIBLE.search(attrs) is None:
            continue
        a, b = m.start(), m.end()
        if (
            salt is None
            and m.group(3)
            and a > 0
            and b < len(page)
            and page[a - 1].isalpha()
            and page[b].isalpha()
        ):
            salt = m.group(3)
        pieces.append(page[last:a])
        last = b
    if pieces:
        pieces.append(page[last:])
        page = "".join(pieces)
    return html_text(page), salt
