"""The words of a message, weighed by a model fitted on known phishing and legitimate mail.

Phishing campaigns change their brands, domains and tricks every month; their vocabulary
changes much more slowly ("your account", "kindly", "claim", "wallet", "click below" against
the "wrote", "the problem", "attached" of people writing to each other). The model is a
logistic regression over the *set* of words of a message's visible text (subject and bodies,
as a reader sees them), fitted by ``tools/fit_text_model.py`` on the tuning sets only and
shipped as data (``text_model.tsv``: one weight a word, for words seen in at least ten tuning
messages). Its score is turned into four cumulative signals, ``text.phishing-words-1`` … ``-4``,
whose weights ``tools/fit_weights.py`` fits beside every other signal, on scores the model gave
to messages it was not fitted on.

Only Latin-script text is scored: the Japanese tuning mail is written for this project, too
little and too uniform to learn words from (the Japanese signals read phrases instead), so a
message whose text is mostly Japanese — or that has fewer than ``MIN_WORDS`` words — is not
scored. Links and addresses (a whitespace-separated piece with ``@``, ``://`` or ``www.``) are
taken out before the words are read: they are the sender's, not its wording, and the tuning
corpus' recipient addresses are anonymised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .context import Context

MODEL = Path(__file__).with_name("text_model.tsv")
MAX_CHARS = 20_000  # the words of a long message are in its first pages
MIN_WORDS = 5
#: the score above which each level fires (cumulative: level 3 fires with 1 and 2)
LEVELS = (-2.0, 0.0, 2.0, 4.0)
CODES = tuple(f"text.phishing-words-{i}" for i in range(1, len(LEVELS) + 1))

_WORD = re.compile(r"[^\W\d_]{2,24}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def words(text: str) -> frozenset[str]:
    """The distinct Latin-script words of ``text`` (lower case, links and addresses out); empty
    when the text is mostly Japanese or too short to be read."""
    sample = " ".join(
        t
        for t in text[:MAX_CHARS].lower().split()
        if "@" not in t and "://" not in t and not t.startswith("www.")
    )
    found = _WORD.findall(sample)
    if _CJK.search(sample):  # a Japanese run matches as a word: out, and mostly Japanese is not read
        kana_kanji = len(_CJK.findall(sample))
        found = [w for w in found if not _CJK.search(w)]
        if kana_kanji > len(found):
            return frozenset()
    return frozenset(found) if len(found) >= MIN_WORDS else frozenset()


@dataclass(frozen=True)
class TextModel:
    intercept: float
    weights: dict[str, float]

    def score(self, found: frozenset[str]) -> float:
        w = self.weights
        return self.intercept + sum(w.get(x, 0.0) for x in found)

    def strongest(self, found: frozenset[str], n: int = 6) -> list[str]:
        """The words that push the score up most, strongest first."""
        w = self.weights
        ranked = sorted((x for x in found if w.get(x, 0.0) > 0), key=lambda x: (-w[x], x))
        return ranked[:n]


def parse(text: str) -> TextModel:
    """``intercept<TAB>x`` then ``word<TAB>weight`` lines; ``#`` starts a comment."""
    intercept = 0.0
    weights: dict[str, float] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("\t")
        if key == "intercept":
            intercept = float(value)
        else:
            weights[key] = float(value)
    return TextModel(intercept, weights)


@lru_cache(maxsize=1)
def shipped() -> TextModel | None:
    return parse(MODEL.read_text(encoding="utf-8")) if MODEL.exists() else None


def levels(score: float) -> list[str]:
    return [code for code, at in zip(CODES, LEVELS, strict=True) if score > at]


def check_text_model(ctx: Context) -> None:
    model = shipped()
    found = words(ctx.text)
    if model is None or not found:
        return
    score = model.score(found)
    strongest = ", ".join(model.strongest(found)) or "-"
    for code in levels(score):
        ctx.hit(code, score=f"{score:.1f}", words=strongest)
