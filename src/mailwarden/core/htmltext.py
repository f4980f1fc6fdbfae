"""The text of an HTML body as a reader sees it, for the checks that read mail (analysis, DLP).

Scripts and styles go; inline elements (span, b, a, font…) are dropped without a space,
because they do not break a word when rendered — mail written to evade filters puts every
letter in its own ``<span>``, and a number can be split the same way; every other tag (p,
div, td, br, img…) stands for one space. Entities are decoded. A regular-expression pass, not
a parser: bounded by the length of its input, and never fails on broken markup."""

from __future__ import annotations

import html
import re

_TAGS = re.compile(r"<(?:script|style)\b.*?</(?:script|style)>|<[^>]+>", re.S | re.I)
_INLINE_TAGS = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong|sub|"
    r"sup|time|u|var|wbr)(?:\s[^>]*)?/?>",
    re.I,
)


def html_text(page: str) -> str:
    return html.unescape(_TAGS.sub(" ", _INLINE_TAGS.sub("", page)))
