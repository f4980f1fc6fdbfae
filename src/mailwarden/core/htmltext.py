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
_HIDDEN_ELEMENT = (
    r"<(span|font|div|b|i|em|strong|small|u|p|a|td)\b[^>]*?\bstyle\s*=\s*[\"'][^\"'>]*?"
    rf"(?:{_INVISIBLE_STYLE})[^>]*>([^<]{{0,200}})</\1\s*>"
)
_HIDDEN = re.compile(_HIDDEN_ELEMENT, re.I)
# hidden text standing between two letters: salt in a word
_SALT = re.compile(rf"(?<=[^\W\d_]){_HIDDEN_ELEMENT}(?=[^\W\d_])", re.I)
_INLINE_TAGS = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong|sub|"
    r"sup|time|u|var|wbr)(?:\s[^>]*)?/?>",
    re.I,
)


def html_text(page: str, *, hidden: bool = True) -> str:
    """The text; with ``hidden=False`` without what its styles hide from the reader (the
    analyser reads what the reader reads; DLP keeps hidden text, which leaves with the mail
    all the same)."""
    if not hidden:
        page = _HIDDEN.sub("", page)
    return html.unescape(_TAGS.sub(" ", _INLINE_TAGS.sub("", page)))


def salt_in_words(page: str) -> str | None:
    """The first text hidden by its style in the middle of a word, if any."""
    m = _SALT.search(page)
    return m.group(2) if m is not None else None
