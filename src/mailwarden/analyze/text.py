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
from .japanese import matches, words
from .model import Context
from .targets import brand_named

MAX_CHARS = 200_000

_PHRASES: dict[str, tuple[str, ...]] = {
    "text.credential-request": (
        r"verify your (?:account|identity|information|email|mailbox)",
        r"confirm your (?:account|identity|password|details|information)",
        r"update your (?:payment|billing|account) (?:information|details|method)",
        r"(?:log|sign) ?in to (?:your account|verify|confirm|restore)",
        r"re-?enter your (?:password|credentials)",
        r"validate your (?:account|mailbox|email)",
        r"mailbox (?:is )?(?:full|storage|quota)",
        r"password (?:will )?expire",
        r"awaiting your (?:authori[sz]ation|confirmation|approval|verification)",
        r"本人確認",
        r"アカウント(?:情報)?(?:の)?(?:確認|更新|認証)",
        r"ログイン(?:して|の上)(?:ください|ご確認|確認)",
        r"パスワード(?:の)?(?:再設定|変更|有効期限|更新)",
        r"(?:ご)?登録情報(?:の)?(?:確認|更新)",
        r"お支払い?(?:方法|情報)(?:の)?(?:確認|更新)",
        r"セキュリティ(?:上の)?(?:確認|警告|認証)",
    ),
    "text.account-suspension": (
        r"(?:account|mailbox|card|access) (?:has been|will be|is|was) (?:temporarily )?"
        r"(?:suspended|locked|restricted|disabled|closed|terminated|deactivated|blocked|limited)",
        r"unusual (?:sign-?in|activity|login)",
        r"suspicious (?:activity|sign-?in|login)",
        r"unauthori[sz]ed (?:access|transaction|login|activity)",
        r"アカウント(?:が|を|は)?(?:一時)?(?:停止|凍結|ロック|制限|利用停止)",
        r"(?:ご)?利用(?:を)?(?:一時)?(?:停止|制限)",
        r"不正(?:な)?(?:ログイン|アクセス|利用)",
        r"異常な(?:ログイン|アクセス)",
        r"カード(?:の)?(?:ご?利用)?(?:停止|制限)",
        r"\b(?:bloqueado|bloqueada|suspensa|suspendida|gesperrt|suspendu|bloqué)\b",
    ),
    "text.urgency": (
        r"within (?:24|48|72) hours",
        r"\bimmediately\b",
        r"\burgent(?:ly)?\b",
        r"as soon as possible",
        r"final (?:notice|warning|reminder)",
        r"expires? today",
        r"至急",
        r"緊急",
        r"(?:24|48|72)時間以内",
        r"本日中",
        r"直ちに",
        r"速やかに",
        r"最終(?:通知|警告|通告)",
        r"\b(?:dringend|sofort|urgente|imediato|imediatamente|atenção|aviso importante)\b",
        r"em até (?:24|48|72) ?horas|prazo: ?\d+ ?horas",
    ),
    "text.payment-change": (
        r"(?:change|update)d? (?:of |to )?(?:our |the |my )?(?:bank|banking|account|payment|remittance) "
        r"(?:details|information|account)",
        r"new (?:bank|banking) (?:details|account|information)",
        r"remit(?:tance)? to (?:the |our )?new account",
        r"振込先(?:の)?(?:変更|口座)",
        r"口座(?:の)?変更",
        r"新しい(?:振込先|口座)",
        r"送金先(?:の)?変更",
        r"支払い?先(?:の)?変更",
    ),
    "text.gift-card": (
        r"gift ?cards?",
        r"itunes cards?",
        r"google play cards?",
        r"steam (?:gift )?cards?",
        r"ギフトカード",
        r"アマゾンギフト",
        r"amazonギフト",
        r"itunesカード",
        r"プリペイドカード",
        r"電子マネー(?:で|を)(?:購入|支払)",
        r"geschenkkarte|gutschein(?:karte)?|carte cadeau|cartão presente|tarjeta regalo|cadeaubon",
    ),
    "text.secrecy": (
        r"keep (?:this|it) (?:confidential|secret|between us|private)",
        r"do not (?:tell|discuss|share|mention) (?:this )?(?:with|to) (?:anyone|others|anybody)",
        r"内密に",
        r"他言無用",
        r"ご内密",
        r"極秘(?:で|に|の案件)",
        r"誰にも(?:言わ|話さ|相談せ)ないで",
    ),
    "text.executive-request": (
        r"are you (?:available|at your desk|in the office)\s*\?",
        r"i need (?:you to|a (?:quick )?favou?r)",
        r"(?:社長|代表|ceo|役員|部長)(?:から|より)の?(?:依頼|指示|お願い)",
        r"今(?:お)?時間(?:は)?(?:あります|大丈夫)",
        r"lineグループ(?:を)?(?:作成|作って)",
        r"対応(?:を)?お願いできますか",
    ),
    "text.prize": (
        r"\byou(?:'ve| have)? won\b(?!'t)",
        r"claim your (?:prize|reward|refund|gift)",
        r"\bcongratulations\b",
        r"\blottery\b",
        r"当選",
        r"ポイント(?:が)?(?:失効|付与|還元|進呈)",
        r"還付金",
        r"払い戻し",
        r"特典を(?:受け取|獲得)",
        r"\b(?:gewonnen|gratulieren|gutschein|parabéns|prêmio|premio|ganhou|ganado|félicitations|gagné)\b",
        # a prize draw, and the "mystery box" lure, in the languages they arrive in
        r"\b(?:gewinnspiel|gewinnen sie|sweepstakes?|prize draw|sorteio|sorteo|jeu concours)\b",
        r"mystery ?box|caja misteriosa|caixa misteriosa|boîte mystère|überraschungsbox",
        r"\b(?:free gift|reward points?|cash ?back|welcome bonus|bonus (?:credit|points))\b",
        r"\b(?:our|the) (?:\w+ )?winner\b|\banswer (?:&|and) win\b|you(?:'ve| have)? been selected",
        r"\bselected to receive\b|\bclaim (?:yours|now)\b",
        r"\b(?:kostenlos(?:e|en)?|gratuit(?:e)?|gratis|grátis)\b",
        r"\b(?:restitui[çc][ãa]o|restitua|reembolso|remboursement|rückerstattung|terugbetaling)\b",
        r"valores a receber|dinheiro esquecido",
        r"points? (?:will |are about to )?expire|pontos (?:vão|vao) expirar|punkte verfallen",
    ),
    "text.survey-reward": (
        # a short survey that "unlocks" a prize: the fake customer-satisfaction lure
        r"(?:survey|umfrage|enquête|pesquisa|encuesta|questionnaire|アンケート).{0,150}"
        r"(?:reward|prize|gift|prämie|geschenk|gewinn|récompense|cadeau|prêmio|premio|recompensa|"
        r"free|kostenlos|gratuit|grátis|gratis|プレゼント|ポイント|ギフト|謝礼)",
        r"(?:reward|prize|gift|prämie|geschenk|gewinn|récompense|cadeau|prêmio|premio|recompensa|"
        r"kostenlos|gratuit|grátis|gratis|プレゼント|ギフト).{0,150}"
        r"(?:survey|umfrage|enquête|pesquisa|encuesta|questionnaire|アンケート)",
    ),
    "text.delivery": (
        r"(?:could not|unable to|failed to) deliver",
        r"(?:package|parcel|shipment|delivery) (?:is )?(?:on hold|pending|suspended|could not)",
        r"(?:reschedule|confirm) (?:your )?delivery",
        r"customs (?:fee|duty|charge)",
        r"missed (?:package|parcel|delivery)|package delivery requires",
        r"zustellung|paket (?:konnte|wurde)|colis|livraison|encomenda|pedido taxado|paquete|pakket|bezorging",
        r"不在(?:の)?(?:為|ため)|お荷物(?:の)?(?:お届け|配達)|再配達",
    ),
    "text.extortion": (
        r"(?:gained|got|have) (?:full )?access to (?:your|all your) (?:device|computer|account|phone|system)",
        r"hacked (?:your|into your) (?:device|computer|account|phone|email)",
        r"(?:recorded|filmed) you",
        r"(?:pay|send|transfer) (?:me )?.{0,30}in (?:bitcoin|btc|crypto)",
        r"(?:私|わたし)は(?:あなたの)?(?:デバイス|パソコン|アカウント)(?:に|を)?(?:アクセス|ハッキング)",
    ),
    "text.romance": (
        r"(?:ukrainian|russian|lonely|hot|beautiful|single) (?:girls?|women|beauties|brides?|singles)",
        r"would you like to (?:chat|meet|talk) (?:with me)?",
        r"(?:find|meet) (?:your )?(?:sex )?partner",
        r"find your (?:best |perfect )?match",
        r"singles (?:in|near|bei|bij)|(?:frauen|women|girls) in (?:deiner|your) (?:nähe|area)",
        r"(?:filles|beautés) ukrainiennes|ukrainische frauen|oekraïense",
        # adult-dating lures, in the languages they arrive in
        r"would you like to have a chat|\b(?:sex|s3x) (?:today|tonight|dates?|chat)\b",
        r"\b(?:s3x|porn ?hub|horny|hookups?|sexdates?|sexkontakte?)\b",
        r"(?:dating|daten?) (?:for|voor|für) (?:sex|s3x)|lustigen dates|spannende afspraak",
        r"出会い系|セフレ|人妻(?:と|との)出会",
    ),
    "text.legal-threat": (
        r"intima[çc][ãa]o|notifica[çc][ãa]o judicial|protesto em cart[óo]rio",
        r"(?:court|legal) (?:summons|notice|action) (?:against you|has been)",
        r"(?:arrest|warrant) (?:for|against) you",
        r"訴訟(?:手続き|を起こ)|法的措置|差し?押さ?え",
    ),
    "text.advance-fee": (
        r"(?:us\$|usd|\$|€|£|eur)\s?\d[\d,.]*\s?(?:million|m\b).{0,120}(?:transfer|fund|beneficiar|inherit|account|partner)",
        r"dormant (?:fund|account)",
        r"next of kin",
        r"(?:foreign|trustworthy|reliable) partner",
        r"parceiro estrangeiro",
        r"transfer (?:the )?(?:sum|funds?) (?:of|into)",
        r"(?:pick up|claim|collect) (?:your|the) consignment",
        r"investment (?:proposition|proposal) (?:for you|from)",
        # a sum in the millions, written out in digits, next to the words of a fund transfer
        r"(?:us\$|usd|\$|€|£|eur)\s?\d{1,3}(?:[,.]\d{3}){2,}.{0,150}"
        r"(?:fund|transfer|beneficiar|inherit|consignment|compensation|release)",
        r"\d+(?:[.,]\d+)?\s?m(?:illion)?\s?(?:usd|us dollars|dollars|euros?)\b.{0,150}(?:fund|transfer)",
        r"(?:pick(?: up)?|claim|collect|receive) (?:your|the) consignment",
        r"compensation (?:award|fund|payment)s?",
        r"(?:my|her|his) late husband|(?:meu|minha) falecid[oa] (?:marido|esposa)|mi difunto esposo",
        r"(?:fundos|fondos|fonds)\b.{0,80}(?:transferid|transféré)",
    ),
    "text.crypto": (
        r"\bairdrop\b",
        r"\b(?:bitcoin|btc|usdt|ethereum|steth|erc-20)\b",
        r"(?:token|crypto) rewards?",
        r"\bxrp\b|token allocation|claim your \w+ (?:tokens?|allocation)",
        r"\bwallet\b.{0,40}\b(?:verif|validat|sync|secur)",
        r"\b(?:crypto|bitcoin|btc|usdt|ethereum|eth|nft|token)s?\b.{0,60}\b(?:withdraw|claim|wallet|transfer|deposit)",
        r"seed phrase|recovery phrase|private key",
        r"\bwithdraw(?:al)? (?:process|request|your)",
        r"virtual assets?",
        r"暗号資産|仮想通貨",
    ),
    "spam.bulk": (
        r"\bunsubscribe\b",
        r"配信停止",
        r"\bopt[- ]?out\b",
        r"remove (?:me|yourself) from (?:this|our) (?:list|mailing)",
    ),
}


def _compile(pattern: str) -> tuple[re.Pattern[str], bool]:
    """One phrase as its own pattern, a leading \\b checked by hand: a pattern that starts with
    a literal lets the regex engine skip ahead to it, which an alternation of many cannot."""
    if pattern.startswith(r"\b"):
        return re.compile(pattern[2:]), True
    return re.compile(pattern), False


_COMPILED = {code: [_compile(p) for p in pats] for code, pats in _PHRASES.items()}


def _first(text: str, patterns: list[tuple[re.Pattern[str], bool]]) -> re.Match[str] | None:
    for pat, boundary in patterns:
        m = pat.search(text)
        while m is not None and boundary and m.start() > 0 and text[m.start() - 1].isalnum():
            m = pat.search(text, m.start() + 1)
        if m is not None:
            return m
    return None


_PHONE = re.compile(
    r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b0120[\s-]?\d{2,3}[\s-]?\d{3,4}\b"
)
_CALL = [
    _compile(p)
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


_STYLED = re.compile(r"[\U0001d400-\U0001d7ff]{2,}")
_COMBINED = re.compile(r"(?:[a-z][\u0300-\u036f\u0489]+){3,}", re.IGNORECASE)
# lower-case only: spaced-out capitals are a typographic heading ("E X T E N D E D")
_SPACED = re.compile(r"(?<![\w])(?:[a-z] ){7,}[a-z](?![\w])")


_ANY_COMBINING = re.compile(r"[\u0300-\u036f\u0489]")
# a zero or a one standing for O or I inside a word of capitals: "IMP0RTANT", "C0NSUMER"
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
    if _ANY_COMBINING.search(visible):
        m = _COMBINED.search(visible)
        if m:
            return m.group(0)[:40], N_("combining marks on every letter")
    m = _SPACED.search(visible)
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


def check_text(ctx: Context) -> None:
    plain, salt = visible_text(ctx)
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
    if mixed:
        ctx.hit("text.homoglyph", word=mixed.group(0)[:40], scripts=_scripts_of(mixed.group(0)))
    for code, patterns in _COMPILED.items():
        m = _first(text, patterns)
        if m:
            ctx.hit(code, phrase=m.group(0)[:80])
    # Japanese, word by word: variants the surface patterns above do not spell out
    for code, phrase in matches(words(text)).items():
        if not ctx.fired(code):
            ctx.hit(code, phrase=phrase[:80])
    phone = _PHONE.search(text) if _first(text, _CALL) else None
    if phone:
        brand = brand_named(ctx.rules, text)
        if brand is not None:
            ctx.hit("text.callback", brand=brand.name, phone=phone.group(0))
