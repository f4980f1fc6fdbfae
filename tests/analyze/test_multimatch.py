"""The phrase matcher gives the same answers with Hyperscan as with the plain loop of ``re``."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mailwarden.analyze.multimatch import PhraseSet
from mailwarden.analyze.phrases import PHRASES
from mailwarden.core.message import parse_message

FIXTURES = Path(__file__).parents[1] / "data" / "ja-mail"

TEXTS = [
    "please verify your account immediately, your mailbox is full",
    "immediately\u3042",  # a Japanese letter right after: no word boundary for Python's re
    "\u3042immediately",
    "gagné ! félicitations",
    "you won't believe it",  # the lookahead of "you won" must still refuse this
    "you have won a prize",
    "お振込先の変更のお願い。本日中にお振込みください。稟議は後で回します。",
    "従業員のマイナンバー一覧をExcelでお送りください",
    "survey " + "x" * 140 + " reward",
    "survey " + "x" * 160 + " reward",  # beyond the bounded gap
    "",
]


def _plain() -> PhraseSet:
    return PhraseSet(PHRASES, accelerate=False)


def _fast() -> PhraseSet:
    fast = PhraseSet(PHRASES)
    if not fast.accelerated:
        pytest.fail("hyperscan is a dependency: it must load here")
    return fast


def _same(fast: PhraseSet, plain: PhraseSet, text: str) -> None:
    a = {c: (m.start(), m.group(0)) for c, m in fast.first_matches(text).items()}
    b = {c: (m.start(), m.group(0)) for c, m in plain.first_matches(text).items()}
    assert a == b, text[:200]


def test_same_answers_on_tricky_texts():
    fast, plain = _fast(), _plain()
    for text in TEXTS:
        _same(fast, plain, text)
    assert "text.credential-request" in fast.first_matches(TEXTS[0])
    assert "text.prize" not in fast.first_matches(TEXTS[4])
    assert "text.prize" in fast.first_matches(TEXTS[5])


def test_same_answers_on_the_fixtures_and_shuffled_words():
    fast, plain = _fast(), _plain()
    texts = []
    for f in sorted(FIXTURES.glob("*/*.eml")):
        msg = parse_message(f.read_bytes())
        texts.append((msg.subject + "\n" + "\n".join(msg.texts + msg.htmls)).casefold())
    rnd = random.Random(5)
    words = " ".join(texts).split()
    texts += [" ".join(rnd.sample(words, min(len(words), 300))) for _ in range(50)]
    assert any(fast.first_matches(t) for t in texts)
    for text in texts:
        _same(fast, plain, text)
