"""What a check reports: a signal code with its evidence; the verdict made from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.message import ParsedMessage
from .rules import Rules


@dataclass
class Hit:
    code: str
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    """Everything a check may read: the parsed message and the rules; checks add hits."""

    msg: ParsedMessage
    rules: Rules
    hits: list[Hit] = field(default_factory=list)
    #: the links found (for the report), each {"url", "host", "text"}
    urls: list[dict[str, str]] = field(default_factory=list)
    #: the authentication outcome (recorded or verified), read before the checks run
    auth: Any = None
    #: subject and bodies as a reader sees them, NFKC-normalised (set by the text check)
    text: str = ""

    def hit(self, code: str, **evidence: Any) -> None:
        if any(h.code == code and h.evidence == evidence for h in self.hits):
            return
        self.hits.append(Hit(code, evidence))

    def fired(self, code: str) -> bool:
        return any(h.code == code for h in self.hits)

    def first(self, code: str) -> Hit | None:
        return next((h for h in self.hits if h.code == code), None)
