"""Japanese text read as words, not by spaces: SudachiPy splits it (and is fast enough for
every message), each word is reduced to its normalised form (振込 → 振り込み, 致す, 為る), and the
phrase rules below match sequences of those forms with particles and auxiliaries skipped. So
「お振り込み先を変更いたしました」, 「振込口座の変更」 and 「振込先が変わりました」-style variants
meet one rule instead of one regular expression each."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

MAX_CHARS = 50_000
_HAS_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_SKIP_POS = {"助詞", "助動詞", "補助記号", "空白", "接頭辞", "記号"}

# code -> rules; a rule is a sequence of word sets ("|" between alternatives), each next word
# within GAP content words of the one before
_PHRASES: dict[str, list[tuple[str, ...]]] = {
    "text.payment-change": [
        ("振り込み|振り込む|送金|支払い|支払う|入金|振替", "先|口座", "変更|変わる|切り替える"),
        ("口座", "変更|変わる|切り替える"),
        ("新しい", "口座|振り込み先"),
    ],
    "text.account-suspension": [
        ("アカウント|カード|口座|サービス|利用", "停止|凍結|ロック|制限|失効"),
        ("不正", "ログイン|アクセス|利用"),
    ],
    "text.credential-request": [
        ("本人", "確認"),
        ("アカウント|登録|お客様|会員|支払い|カード", "情報", "確認|更新|入力"),
        ("ログイン", "確認|手続き|更新"),
        ("パスワード", "再設定|変更|有効|更新|入力"),
    ],
    "text.urgency": [
        ("至急",),
        ("緊急",),
        ("本日", "中"),
        ("直ちに",),
        ("速やか",),
        ("最終", "通知|警告|通告"),
    ],
    "text.secrecy": [("内密",), ("他言",), ("極秘",), ("誰", "言う|話す|相談")],
    "text.gift-card": [("ギフト", "カード|券"), ("プリペイド", "カード"), ("電子", "マネー")],
    "text.prize": [("当選",), ("還付", "金"), ("ポイント", "失効|付与|還元|進呈"), ("払い戻し|払い戻す",)],
    "text.delivery": [("不在",), ("荷物", "届ける|配達|届け|お届け"), ("再配達",)],
    "text.data-request": [
        ("マイナンバー|個人番号", "一覧|リスト|台帳|データ"),
        ("従業員|社員|職員|顧客", "名簿|一覧|リスト|個人情報"),
        ("給与|賃金", "台帳"),
    ],
    "text.approval-bypass": [("稟議|決裁|承認", "不要|省略|省く|後回し")],
    "text.executive-request": [
        ("社長|代表|役員|部長|専務|常務", "依頼|指示|お願い"),
        ("ライン|LINE|line", "グループ"),
    ],
}
RULES: dict[str, tuple[tuple[frozenset[str], ...], ...]] = {
    code: tuple(tuple(frozenset(step.split("|")) for step in rule) for rule in rules)
    for code, rules in _PHRASES.items()
}
GAP = 2


@cache
def _tokenizer() -> Any:
    from sudachipy import Dictionary, SplitMode  # type: ignore[import-untyped]

    return Dictionary(dict="small").tokenizer(mode=SplitMode.C)


_NEGATION = {"無い", "ない", "ぬ", "ず", "ん"}
# phrases that are negative by nature: 「誰にも言わないで」 asks for secrecy
NEGATIVE_BY_NATURE = {"text.secrecy"}


def reading(text: str) -> str:
    """The dictionary's reading of ``text`` in katakana (高橋 → タカハシ), symbols left out."""
    morphemes = _tokenizer().tokenize(text)
    return "".join(m.reading_form() for m in morphemes if m.part_of_speech()[0] not in _SKIP_POS)


#: the most characters given to the tokenizer at once: SudachiPy refuses input over 49,149
#: bytes after its own normalisation, which lengthens a squared word (㌕ → キログラム: 3
#: bytes to 15), so a piece of 3,000 characters stays under it (3,000 × 15 = 45,000)
PIECE_CHARS = 3_000
#: where a line too long for the tokenizer is best cut: after a sentence's end, else a space
_SENTENCE_END = re.compile(r"[。．！？!?]")
_SPACE = re.compile(r"\s")


def _lines(text: str) -> list[str]:
    """The lines of ``text`` holding Japanese, each cut into pieces the tokenizer takes (at
    most ``PIECE_CHARS`` characters): a long line (HTML made text, a minified newsletter) is
    cut after its last sentence end, else its last space, else at the limit itself."""
    out = []
    for line in text.splitlines():
        if not line.strip() or not _HAS_JAPANESE.search(line):
            continue
        while len(line) > PIECE_CHARS:
            head = line[:PIECE_CHARS]
            cut = 0
            for pattern in (_SENTENCE_END, _SPACE):
                # the last match in the second half of the piece (never a tiny piece)
                for m in pattern.finditer(head, PIECE_CHARS // 2):
                    cut = m.end()
                if cut:
                    break
            cut = cut or PIECE_CHARS
            if line[:cut].strip() and _HAS_JAPANESE.search(line[:cut]):
                out.append(line[:cut])
            line = line[cut:]
        if line.strip() and _HAS_JAPANESE.search(line):
            out.append(line)
    return out


def words(text: str) -> list[tuple[str, str, bool]]:
    """(normalised form, surface, negated) of each content word, particles and auxiliaries
    left out; ``negated`` when a negation (ない, ません, ず…) follows within a few words, as in
    「振込先に変更はございません」."""
    if not _HAS_JAPANESE.search(text):
        return []
    out: list[tuple[str, str, bool]] = []
    tok = _tokenizer()
    for line in _lines(text[:MAX_CHARS]):
        ms = tok.tokenize(line)
        norms = [m.normalized_form() for m in ms]
        # where the negations stand, so each word's look-ahead is a comparison, not a scan
        negations = [i for i, n in enumerate(norms) if n in _NEGATION]
        k = 0
        for i, m in enumerate(ms):
            if m.part_of_speech()[0] in _SKIP_POS:
                continue
            while k < len(negations) and negations[k] <= i:
                k += 1
            out.append((norms[i], m.surface(), k < len(negations) and negations[k] <= i + 5))
    return out


def matches(tokens: list[tuple[str, str, bool]]) -> dict[str, str]:
    """code -> the words of the first phrase that meets one of its rules, not negated."""
    where: dict[str, list[int]] = {}
    for i, (norm, surface, _) in enumerate(tokens):
        where.setdefault(norm, []).append(i)
        if surface != norm:
            where.setdefault(surface, []).append(i)
    found: dict[str, str] = {}
    for code, rules in RULES.items():
        for rule in rules:
            hit = _first(rule, tokens, where, code in NEGATIVE_BY_NATURE)
            if hit is not None:
                found[code] = "".join(t[1] for t in tokens[hit[0] : hit[1] + 1])
                break
    return found


def _first(
    rule: tuple[frozenset[str], ...],
    tokens: list[tuple[str, str, bool]],
    where: dict[str, list[int]],
    negation_ok: bool = False,
) -> tuple[int, int] | None:
    starts = sorted(i for w in rule[0] for i in where.get(w, ()))
    for start in starts:
        pos = start
        for step in rule[1:]:
            nxt = next(
                (
                    j
                    for j in range(pos + 1, min(pos + 2 + GAP, len(tokens)))
                    if tokens[j][0] in step or tokens[j][1] in step
                ),
                None,
            )
            if nxt is None:
                break
            pos = nxt
        else:
            if negation_ok or not tokens[pos][2]:
                return start, pos
    return None
