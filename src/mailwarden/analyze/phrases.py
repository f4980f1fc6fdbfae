"""The phrases of the text signals, as data: for each signal, regular expressions over the
visible text after NFKC normalisation and case folding (so write them in lower case). Each
family names the attack it stands for in signals.yaml; Japanese variants that conjugate are
also matched word by word in japanese.py."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, ...]] = {
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
        # "not even inside the company": the secrecy of CEO and lawyer fraud, not a mail footer's
        r"(?:社内|他の(?:方|社員|者|従業員)|社員)(?:に|には|でも|の方)?.{0,20}"
        r"(?:共有|口外|相談|他言|話)(?:され|し|さ)?(?:ません|ない|ず)(?:よう|で)",
        r"社内(?:で|へ)?の(?:ご)?(?:共有|口外|相談)は(?:お)?控え",
        r"(?:本件|この件)は関係者(?:様)?(?:のみ|限り)",
        r"(?:do not|don['’]?t) (?:discuss|share|mention) (?:this|the) (?:matter|transaction|deal|request)"
        r"(?: with (?:anyone|other|your))?",
    ),
    "text.executive-request": (
        r"are you (?:available|at your desk|in the office)\s*\?",
        r"i need (?:you to|a (?:quick )?favou?r)",
        r"(?:社長|代表|ceo|役員|部長)(?:から|より)の?(?:依頼|指示|お願い)",
        r"今[、,\s]?(?:お)?時間(?:は|が)?(?:あります|大丈夫|よろしい|取れ)",
        r"(?:今|いま)[、,\s]?(?:少し|ちょっと)?(?:よろしい|大丈夫)(?:です|でしょう)か",
        r"お手(?:す|透)きでしょうか|(?:席|社内|会社)に(?:い|居)(?:ます|らっしゃいます)か",
        r"lineグループ(?:を)?(?:作成|作って)",
        # "the president will have told you": an outsider borrowing an executive's authority
        r"(?:社長|代表|専務|常務|役員)(?:様)?(?:から|より)(?:既に|すでに)?"
        r"(?:お話|お聞き|伺|聞い|ご指示|指示|ご紹介|ご連絡)",
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
        # money that "arrived" on an account the reader never opened
        r"balance (?:has been |was )?(?:replenished|credited|topped up)|\+\s?\d{1,3}(?:,\d{3})+\s?\$",
        r"tax refund (?:is )?(?:ready|pending|available|approved)",
        r"refund (?:is )?ready for (?:processing|payment)",
        r"\b(?:our|the) (?:\w+ )?winner\b|\banswer (?:&|and) win\b|you(?:'ve| have)? been selected",
        r"\bselected to receive\b|\bclaim (?:yours|now)\b",
        r"\b(?:kostenlos(?:e|en)?|gratuit(?:e)?|gratis|grátis)\b",
        r"\b(?:restitui[çc][ãa]o|restitua|reembolso|remboursement|rückerstattung|terugbetaling)\b",
        r"valores a receber|dinheiro esquecido",
        # vouchers and gift coupons "waiting for you"
        r"\b(?:bon d'achat|bons d'achat|carte cadeau|cupom|cupons|vale-presente|vale presente|tegoedbon|"
        r"cadeaukaart|einkaufsgutschein|buono (?:regalo|acquisto)|cheque regalo|gift voucher|voucher)\b",
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
        r"\b(?:sex ?dating|lewd|naughty (?:girls|women|wives))\b|private (?:fotos|photos|pics)\b",
        r"intim werden|frech(?:e|en|em) (?:\w+ )?(?:mädchen|frauen)",
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
        r"\btether\b.{0,60}\b(?:program|token|wallet|usdt|claim|reward)",
    ),
    "text.gambling": (
        # casino and betting lures: bonuses that need no deposit, free spins
        r"\b(?:online )?(?:casino|cassino|casinò|kasino)\b",
        r"no[- ]deposit bonus|free spins|freispiele|giros grátis|tiradas gratis|jackpot",
        r"\b(?:apostas?|sportwetten|paris sportifs|bet365|betting bonus)\b",
        r"オンラインカジノ|カジノ|入金不要ボーナス|フリースピン",
        r"b[ôo]nus de (?:primeiro |primer )?dep[óo]sito|first deposit bonus|plataforma de (?:jogos?|apostas)",
    ),
    "text.miracle-offer": (
        # health plans, insurance and miracle products sold by invented "official" senders
        r"\b(?:health|dental|medicare|life|auto|car) (?:insurance|plan|coverage)s?\b.{0,80}"
        r"\b(?:quote|offer|free|save|eligible|approved|today)\b",
        r"plano de sa[úu]de|seguro de (?:vida|auto|sa[úu]de)|krankenversicherung|zorgverzekering",
        r"\b(?:keto|weight ?loss|fat burn(?:er|ing)?|diabetes (?:cure|breakthrough)|erectile|"
        r"male enhancement|ed pills?|tinnitus|abnehmen|afvallen|emagrecer)\b",
        r"(?:you|you're|you are) (?:pre-?)?(?:approved|eligible|qualified) for\b",
        r"痩せ|ダイエットサプリ|医療保険の無料|保険料が(?:安く|最大)",
        # the staples of health and warranty spam, in the languages they arrive in
        r"\b(?:erektion|erection|erecci[óo]n|ere[çc][ãa]o|aphrodisia[a-z]{0,4}|afrodis[íi]ac[a-z]{0,4}|potenzmittel|viagra|cialis)\b",
        r"\b(?:auto|car|vehicle) (?:warranty|protection(?: plan)?)\b|\bextended (?:auto |car )?warranty\b",
        r"nagelpilz|nail fungus|fungo (?:das )?unhas|hongos? (?:de (?:las )?)?uñas",
        r"s[ée]rum (?:para |de )?pesta[ñn]as|eyelash serum",
    ),
    # -- business email compromise without links ----------------------------------------
    "text.data-request": (
        # asks for lists of employees' or customers' personal data, or payroll records
        r"(?:従業員|社員|職員|全社員|スタッフ|顧客|お客様)(?:の|様の)?(?:皆様の)?"
        r"(?:マイナンバー|個人番号|名簿|一覧|リスト|住所録|個人情報|給与)",
        r"(?:マイナンバー|個人番号)(?:の)?(?:一覧|リスト|台帳|データ)",
        r"給与(?:台帳|明細(?:の)?一覧|データ)|賃金台帳|源泉徴収票(?:の)?(?:一覧|データ|を全員|全員)",
        r"(?:employee|staff|customer|client)s?'? (?:list|records|data|database|w-?2s?|tax forms|payroll)",
        r"\bw-?2 (?:forms?|copies)|payroll (?:records|report|data|file)",
        r"(?:得意先|取引先|仕入先|顧客)(?:の|様の)?(?:一覧|リスト|名簿)",
    ),
    "text.payroll-change": (
        # payroll diversion: an "employee" asks for the salary to go to a new account
        r"給(?:与|料)(?:の)?(?:振込|振り込み|受取|受け取り)?(?:先|口座)(?:を|の)?(?:変更|移|切り替え|別の)",
        r"(?:次回|今月|来月)(?:分)?の給(?:与|料)(?:は|を)?.{0,30}(?:口座|振込)",
        r"(?:change|update)d? (?:my |the )?(?:direct deposit|payroll|salary) "
        r"(?:account|details|information|bank)",
        r"(?:direct deposit|paycheck|salary) (?:to|into) (?:a |my )?new (?:bank )?account",
    ),
    "text.approval-bypass": (
        # the approval process skipped: an order to pay first and file the paperwork later
        r"稟議(?:書)?(?:は|を)?(?:後|あと)(?:で|から|回し)|決裁(?:は|を)?(?:後|あと)(?:で|から|回し)",
        r"(?:承認|稟議|決裁|手続き?)(?:は|を)?(?:不要|省略|省いて|飛ばして|待たずに)",
        r"(?:社内の)?(?:決裁|稟議)(?:につきましては|については|は)?.{0,20}(?:後日|事後|後ほど)",
        r"(?:通常|社内)の(?:手続き?|承認|フロー)(?:を)?(?:経ずに|通さずに|省)",
        r"(?:skip|bypass|without) (?:the )?(?:usual |normal )?"
        r"(?:approval|approvals|paperwork|process|procedure)",
        r"(?:paperwork|approval) (?:can|will) (?:follow|come) later",
    ),
    "text.wire-today": (
        # a transfer to be made today, before the bank closes
        r"(?:本日|今日)(?:中|じゅう)に?(?:の)?(?:お)?(?:振込|振り込|送金|入金|支払|お支払)",
        r"(?:本日|今日)(?:中|じゅう)に.{0,40}(?:振込|振り込|送金|入金|お支払)",
        r"(?:銀行|窓口)(?:の)?(?:締め|営業時間|終了|閉店)(?:前|まで)",
        r"(?:15|十五)時(?:まで|前)に(?:お)?(?:振込|振り込|送金)",
        r"(?:wire|transfer|payment) (?:must|needs to|has to) (?:be )?(?:made|sent|processed|completed) today",
        r"before the bank(?:s)? close|(?:wire|transfer) (?:it )?today",
    ),
    "text.acquisition": (
        # a confidential acquisition, deposit or legal matter used as the pretext for a transfer
        r"(?:買収|m&a|tob|合併|資本(?:業務)?提携|公開買付|株式(?:の)?(?:取得|譲渡)|事業譲渡)(?:の|に関する|案件)?.{0,300}"
        r"(?:内密|極秘|機密|秘密保持|手付金|預託金|保証金|証拠金|預り金|インサイダー)",
        r"(?:手付金|預託金|保証金|証拠金|デポジット)(?:を|の)?(?:お)?(?:振込|振り込|送金|支払)",
        r"(?:confidential|secret) (?:acquisition|merger|deal|transaction)",
        r"(?:escrow|deposit) (?:for|of) the (?:acquisition|deal)",
        r"(?:エスクロー|公開買付代理人|買付代理人)口座",
        r"(?:手付金|預託金|保証金|証拠金|譲渡代金|事前入金)(?:の一部)?(?:を|の|は)?.{0,40}(?:お預かり|ご入金|入金期限)",
        r"\bescrow (?:deposit|account|payment|funds)",
        r"\b(?:proposed|confidential|pending) (?:acquisition|merger|takeover)",
    ),
    "text.callback-charge": (
        # an order or renewal "charged" with only a phone number to cancel it: the callback scam
        r"(?:自動更新|ご購入|ご注文|お支払い|ご請求|決済)(?:が|を|は)?(?:完了|確定|行われ|されました|承り).{0,200}"
        r"(?:お?電話|コール|サポートセンター|カスタマーセンター)",
        r"(?:心当たり|身に覚え)(?:が|の)?(?:ない|無い|ございません).{0,120}(?:お?電話|ご連絡|お問い合わせ)",
        r"(?:キャンセル|取り?消し|解約)(?:を)?(?:ご希望|される|の場合).{0,80}(?:お?電話)(?:にて|で|ください)",
        r"(?:更新|継続|ご購入|ご注文|お申し?込み)(?:を)?ご希望(?:でない|されない)場合(?:は|には)?.{0,80}"
        r"(?:\(?0\d{1,4}[-)]\d{1,4}-\d{3,4}|お?電話)",
        r"(?:auto-?renew(?:al|ed)?|subscription (?:has been )?renewed|"
        r"order (?:has been )?(?:placed|confirmed)|(?:you have been|has been) charged)"
        r".{0,300}(?:call|contact) (?:us|our|the)",
        r"(?:did not|didn'?t) (?:authori[sz]e|make|place) (?:this|the) (?:purchase|order|payment|transaction)"
        r".{0,200}(?:call|contact)",
        # cancelling or disputing the charge: by telephone only
        # (after a charge: a booking cancelled by telephone is ordinary)
        r"(?:円|請求|引き?落と|決済|ご購入|ご注文|更新|契約).{0,200}"
        r"(?:キャンセル|取り?消し|取消し?|解約|返金)(?:や|・|、|および|又は|または|等|など)?[^。]{0,30}"
        r"(?:は|につきましては)[、,]?\s?お?電話(?:にて|で|のみ|でのみ)",
        r"(?:お間違い|誤り|相違)(?:が)?(?:ある|ございます|あった)場合(?:は|には)?[^。]{0,40}お?電話(?:にて|で)",
    ),
    "spam.bulk": (
        r"\bunsubscribe\b",
        r"配信停止",
        # the same link in the languages bulk mail arrives in
        # ("abmelden", "afmelden" alone are also "sign out": only with a newsletter)
        r"\b(?:newsletter abmelden|vom newsletter abmelden|abbestellen|désinscri\w*|desinscri\w*|"
        r"se désabonner|descadastr\w*|darse de baja|darte de baja|uitschrijven|"
        r"afmelden voor (?:de|deze) nieuwsbrief|disiscriv\w*)\b",
        r"\bopt[- ]?out\b",
        r"remove (?:me|yourself) from (?:this|our) (?:list|mailing)",
    ),
}
