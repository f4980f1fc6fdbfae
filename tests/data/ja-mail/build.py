"""Writes the Japanese fixtures of tests/data/ja-mail (phishing/ and ham/) from the texts below.

Written for mailwarden (Apache-2.0). The lures are modelled on public alerts (フィッシング対策
協議会, IPA, JC3 notices of 2022–2025): brands, wording and tricks, with invented senders
under example/.test/.top-style names; the ham is ordinary Japanese business mail, including
PPAP mail (an encrypted zip, its password in a second mail). Run it again after editing:

    .venv/bin/python tests/data/ja-mail/build.py
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for tests.analyze.mail

from tests.analyze.mail import mime_parts  # noqa: E402


def enc_zip(name: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name, data)
    raw = bytearray(buf.getvalue())
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = 0
        while (i := raw.find(sig, i)) != -1:
            raw[i + off] |= 1  # the "encrypted" flag: how PPAP archives look to a scanner
            i += 4
    return bytes(raw)


def build(
    subject: str,
    from_: str,
    body: str,
    *,
    charset: str = "iso-2022-jp",
    html: str | None = None,
    reply_to: str | None = None,
    auth: str | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
    n: int = 0,
) -> bytes:
    from email.header import Header

    subj = Header(subject, "iso-2022-jp" if charset == "iso-2022-jp" else charset).encode()
    head = (
        f"From: {from_}\r\nTo: tanaka@example.co.jp\r\nSubject: {subj}\r\n"
        f"Date: Mon, 3 Nov 2025 09:{n % 60:02d}:00 +0900\r\nMessage-ID: <fixture-{n}@mail.example.net>\r\n"
        "MIME-Version: 1.0\r\n"
    )
    if reply_to:
        head += f"Reply-To: {reply_to}\r\n"
    if auth:
        head += f"Authentication-Results: mx.example.co.jp; {auth}\r\n"
    content = mime_parts(
        body.replace("\n", "\r\n"), charset=charset, html=html, attachments=attachments, encode_names=True
    )
    return head.encode() + content


def docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships><Relationship Target="styles.xml"/></Relationships>',
        )
    return buf.getvalue()


FAIL = "spf=fail smtp.mailfrom={d}; dkim=none; dmarc=fail header.from={d}"
PASS = "spf=pass smtp.mailfrom={d}; dkim=pass header.d={d}; dmarc=pass header.from={d}"

PHISHING = [
    (
        "【重要】Amazonアカウントの一時停止のお知らせ",
        "Amazon.co.jp <account-update@amazon-co-jp.support-center.top>",
        "お客様のアカウントで異常なログインが検出されたため、アカウントを一時停止しました。\n24時間以内に以下のリンクからご本人確認をお願いします。\nhttps://amazon-co-jp.support-center.top/signin\n確認が取れない場合、アカウントは永久に利用停止となります。",
        {},
    ),
    (
        "【楽天カード】ご利用確認のお願い",
        "楽天カード <info@rakuten-card.co.jp.verify-member.xyz>",
        "楽天カードをご利用いただきありがとうございます。\n第三者による不正利用の可能性があるため、カードのご利用を制限しました。\n下記URLよりご登録情報の確認をお願いいたします。\nhttp://rakuten-card.co.jp.verify-member.xyz/login",
        {"charset": "shift_jis"},
    ),
    (
        "三井住友カード ご利用制限のお知らせ",
        "三井住友カード <no-reply@smbc-card-security.com>",
        "平素は三井住友カードをご利用いただきありがとうございます。\nお客様のカードに不正利用の疑いがあり、カードのご利用を一時停止しております。\n本日中にVpassへログインしてご確認ください。",
        {
            "html": '<p>本日中に<a href="https://vpass-jp.smbc-card-security.com/">https://www.smbc-card.com/</a>へログインしてご確認ください。</p>'
        },
    ),
    (
        "マイナポイント付与のお知らせ",
        "マイナポイント事務局 <myna-point@mynapoint-kyufu.top>",
        "マイナポイント第2弾の申込期限が迫っています。\n最大20,000円分のポイントが付与されます。\n本日中に以下から手続きを完了してください。\nhttps://mynapoint-kyufu.top/apply",
        {},
    ),
    (
        "【国税庁】未納税金のお知らせ（最終通知）",
        "国税庁 <info@nta-go-jp.tax-notice.cn>",
        "あなたの所得税（令和6年度分）について、納付が確認できておりません。\n最終通知です。速やかに下記よりお支払いください。期限を過ぎると財産の差押えとなります。\nhttps://nta-go-jp.tax-notice.cn/pay",
        {"charset": "utf-8"},
    ),
    (
        "ETC利用照会サービス 登録の失効について",
        "ETC利用照会サービス <etc-meisai@etc-meisai-jp.icu>",
        "ETC利用照会サービスをご利用いただきありがとうございます。\nお客様のアカウントは有効期限が切れており、サービスが停止されます。\n引き続きご利用の場合は、以下からログインしてご登録情報を更新してください。\nhttps://etc-meisai-jp.icu/login",
        {},
    ),
    (
        "お荷物のお届けについて",
        "ヤマト運輸 <info@kuroneko-yamato-delivery.top>",
        "お客様宛にお荷物のお届けにあがりましたが、不在の為持ち帰りました。\n配送物は保管されています。以下よりご確認ください。\nhttp://kuroneko-yamato-delivery.top/track?id=8831",
        {"charset": "utf-8"},
    ),
    (
        "【佐川急便】配達状況のご確認",
        "佐川急便 <delivery@sagawa-exp-jp.buzz>",
        "お荷物の配達ができませんでした。再配達の手続きには本人確認が必要です。\nhttps://bit.ly/3sagawa",
        {},
    ),
    (
        "【えきねっと】自動退会処理のお知らせ",
        "えきねっと <info@eki-net.com.member-check.sbs>",
        "えきねっとをご利用いただきありがとうございます。\n長期間ご利用がないため、アカウントの自動退会処理を行います。\n継続してご利用の場合は、48時間以内にログインしてください。\nhttps://eki-net.com.member-check.sbs/",
        {},
    ),
    (
        "Apple ID がロックされました",
        "Apple <no_reply@apple-id-support.jp.net>",
        "セキュリティ上の理由により、お客様の Apple ID はロックされています。\nロックを解除するには、アカウント情報の確認が必要です。\nhttps://apple-id-support.jp.net/unlock",
        {"charset": "utf-8"},
    ),
    (
        "Microsoft 365 パスワードの有効期限",
        "Microsoft 365 <admin@m365-portal-notice.com>",
        "あなたの Microsoft 365 アカウントのパスワードは本日期限切れになります。\n同じパスワードを維持するには、以下からログインしてください。\nhttps://m365-portal-notice.com/keep-password",
        {},
    ),
    (
        "【ゆうちょ銀行】お取引の確認",
        "ゆうちょ銀行 <jp-bank@yuucho-security.top>",
        "ゆうちょダイレクトで不正なアクセスを確認しました。\nお客様の口座のお取引を一時的に制限しています。至急ご本人確認をお願いします。\nhttps://yuucho-security.top/",
        {},
    ),
    (
        "【三菱UFJ銀行】重要なお知らせ",
        "三菱UFJ銀行 <info@bk-mufg-jp.monster>",
        "お客様の口座で異常なアクセスがありました。\nセキュリティ確認のため、ログインしてください。\nhttps://bk-mufg-jp.monster/login",
        {"charset": "shift_jis"},
    ),
    (
        "au PAY ポイント失効のお知らせ",
        "au PAY <point@aupay-point-jp.click>",
        "お客様の保有ポイント 5,000 ポイントが本日失効します。\nポイントを受け取るには以下より手続きしてください。\nhttps://aupay-point-jp.click/",
        {},
    ),
    (
        "イオンカード ご利用確認",
        "イオンカード <aeon@aeon-card-security.cyou>",
        "イオンカードのご利用について確認させていただきたいお取引がございます。\nカードのご利用を一時停止しております。下記にてご確認ください。\nhttps://aeon-card-security.cyou/",
        {},
    ),
    (
        "至急のお願い",
        "代表取締役 山本 <president.yamamoto@example-co-jp.com>",
        "お疲れ様です。山本です。\n今お時間ありますか。\n社内の極秘のプロジェクトについて、LINEグループを作成してください。\nこの件は他言無用でお願いします。",
        {"reply_to": "yamamoto.president@gmail.com"},
    ),
    (
        "お振込先変更のご連絡",
        "株式会社サンプル商事 経理部 <keiri@sample-shoji.co>",
        "いつもお世話になっております。\n弊社の振込先口座が変更となりましたので、今月分のお支払いより新しい口座へお振込みをお願いいたします。\n旧口座への入金は確認できなくなります。至急ご対応ください。",
        {"reply_to": "sample.keiri@outlook.jp"},
    ),
    (
        "ギフトカードの購入をお願いします",
        "社長 佐藤 <sato@example.co.jp>",
        "佐藤です。取引先への贈答用に、アマゾンギフトカードを至急購入してもらえますか。\n購入後、カード番号を写真で送ってください。内密にお願いします。",
        {"reply_to": "sato.ceo@yahoo.co.jp", "auth": FAIL.format(d="example.co.jp")},
    ),
    (
        "請求書のご確認",
        "経理部 <invoice@example-billing.top>",
        "請求書をお送りします。添付ファイルをご確認ください。",
        {"attachments": [("請求書.pdf.exe", "application/octet-stream", b"MZ\x90\x00" + b"\x00" * 60)]},
    ),
    (
        "【重要】注文内容の確認",
        "Amazon.co.jp <order@amazon.co.jp>",
        "ご注文ありがとうございます。添付のファイルを開いて注文内容をご確認ください。",
        {
            "attachments": [
                (
                    "注文確認.html",
                    "text/html",
                    b"<html><script>var d=atob('PGh0bWw+');document.write(d);</script></html>",
                )
            ],
            "auth": FAIL.format(d="amazon.co.jp"),
        },
    ),
    (
        "NTTドコモ ご利用料金のお支払い確認",
        "docomo <info@docomo-ne-jp.support-pay.top>",
        "ご利用料金のお支払いが確認できておりません。\n本日中にお支払い情報の更新をお願いします。\nhttps://docomo-ne-jp.support-pay.top/",
        {},
    ),
    (
        "セキュリティ警告：サポートセンターへお電話ください",
        "Norton サポート <support@norton-renewal-center.com>",
        "お客様の Norton 年間プランが自動更新されました。ご請求額: 39,800円\nお心当たりのない場合は、サポートセンター 0120-555-0199 までお電話ください。",
        {},
    ),
]

HAM = [
    (
        "来週の定例会議について",
        "鈴木 一郎 <suzuki@example.co.jp>",
        "田中さん\n\nお疲れ様です。鈴木です。\n来週の定例会議は、11月10日（月）14時から第2会議室で行います。\n議題は資料を添付しますのでご確認ください。\nよろしくお願いします。",
        {"auth": PASS.format(d="example.co.jp")},
    ),
    (
        "見積書送付の件",
        "株式会社テスト商会 営業部 高橋 <takahashi@test-shokai.co.jp>",
        "株式会社サンプル\n田中様\n\nいつもお世話になっております。テスト商会の高橋です。\nご依頼いただきました見積書を送付いたします。\nパスワードは別途お送りいたします。\nご確認のほど、よろしくお願い申し上げます。",
        {
            "attachments": [("見積書_20251103.zip", "application/zip", enc_zip("見積書.xlsx", b"x" * 300))],
            "auth": PASS.format(d="test-shokai.co.jp"),
        },
    ),
    (
        "【パスワード】見積書送付の件",
        "株式会社テスト商会 営業部 高橋 <takahashi@test-shokai.co.jp>",
        "田中様\n\n先ほどお送りしたファイルのパスワードをお知らせいたします。\nパスワード：Tk2025Nov\nよろしくお願いいたします。",
        {"auth": PASS.format(d="test-shokai.co.jp")},
    ),
    (
        "請求書送付のご案内",
        "経理部 山田 <yamada@partner-kk.co.jp>",
        "いつもお世話になっております。\n10月分の請求書をお送りいたします。\nお支払い期日は11月末日となっております。\nご査収のほどよろしくお願いいたします。",
        {
            "attachments": [("請求書_10月分.pdf", "application/pdf", b"%PDF-1.7\n%%EOF")],
            "charset": "shift_jis",
        },
    ),
    (
        "年末年始休業のお知らせ",
        "総務部 <soumu@example.co.jp>",
        "各位\n\n年末年始の休業期間についてお知らせいたします。\n12月29日（月）〜1月4日（日）\n休業期間中のお問い合わせは、1月5日以降に順次対応いたします。",
        {},
    ),
    (
        "議事録の共有",
        "佐々木 <sasaki@example.co.jp>",
        "関係者各位\n\n本日の打ち合わせの議事録を共有します。\n修正点があれば金曜日までにご連絡ください。",
        {"charset": "utf-8"},
    ),
    (
        "人事異動のお知らせ",
        "人事部 <jinji@example.co.jp>",
        "社員各位\n\n12月1日付の人事異動をお知らせします。詳細は社内ポータルをご確認ください。",
        {},
    ),
    (
        "面接日程のご連絡",
        "採用担当 中村 <saiyo@example.co.jp>",
        "山口様\n\nこの度はご応募いただきありがとうございます。\n一次面接の日程を11月12日（水）15時からでご調整いただけますでしょうか。\nご都合が悪い場合はお知らせください。",
        {},
    ),
    (
        "【セミナーのご案内】中小企業のためのメールセキュリティ",
        "セミナー事務局 <seminar@news.example-events.jp>",
        "いつもご愛読ありがとうございます。\n12月のオンラインセミナーのご案内です。参加費は無料です。\n今後このメールが不要な方は、配信停止の手続きをお願いいたします。",
        {"auth": PASS.format(d="news.example-events.jp")},
    ),
    (
        "経費精算の締め切りについて",
        "経理部 <keiri@example.co.jp>",
        "各位\n\n今月の経費精算の締め切りは11月25日です。\n領収書の原本は経理部までご提出ください。",
        {"charset": "utf-8"},
    ),
    (
        "忘年会のご案内",
        "幹事 伊藤 <ito@example.co.jp>",
        "皆さま\n\n今年も忘年会を開催します。\n日時：12月19日（金）19時〜\n場所：駅前の和食店\n出欠を12月5日までにご返信ください。",
        {},
    ),
    (
        "ご注文の発送のお知らせ",
        "Amazon.co.jp <shipment-tracking@amazon.co.jp>",
        "ご注文いただいた商品を発送しました。\nお届け予定日：11月5日\n配送状況は注文履歴からご確認いただけます。",
        {
            "auth": PASS.format(d="amazon.co.jp"),
            "html": '<p>配送状況は<a href="https://www.amazon.co.jp/gp/css/order-history">注文履歴</a>からご確認いただけます。</p>',
        },
    ),
    (
        "社内システムメンテナンスのお知らせ",
        "情報システム部 <it@example.co.jp>",
        "各位\n\n11月8日（土）9時〜18時、社内システムのメンテナンスを行います。\nこの間、経費精算システムはご利用いただけません。",
        {},
    ),
    (
        "打ち合わせ資料の送付",
        "株式会社デザイン工房 小林 <kobayashi@design-kobo.jp>",
        "田中様\n\nお世話になっております。デザイン工房の小林です。\n明日の打ち合わせ資料をお送りします。\n当日はどうぞよろしくお願いいたします。",
        {
            "attachments": [("打ち合わせ資料.pdf", "application/pdf", b"%PDF-1.4\n%%EOF")],
            "auth": PASS.format(d="design-kobo.jp"),
        },
    ),
    (
        "健康診断の受診について",
        "総務部 <soumu@example.co.jp>",
        "社員各位\n\n今年度の定期健康診断を12月に実施します。受診日の希望を11月14日までに回答してください。",
        {"charset": "shift_jis"},
    ),
    (
        "納品のご連絡",
        "物流センター <butsuryu@supplier-jp.co.jp>",
        "いつもお世話になっております。\nご注文の部品を本日出荷いたしました。到着は明後日の予定です。",
        {"auth": PASS.format(d="supplier-jp.co.jp")},
    ),
    (
        "契約書のご確認のお願い",
        "法務部 森 <mori@example.co.jp>",
        "田中さん\n\n先方から戻ってきた契約書の修正版です。第5条の変更点をご確認ください。",
        {
            "attachments": [
                (
                    "契約書_修正版.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx(),
                )
            ]
        },
    ),
    (
        "オフィス移転のお知らせ",
        "株式会社パートナー 総務 <info@partner-kk.co.jp>",
        "拝啓 時下ますますご清栄のこととお慶び申し上げます。\nこのたび弊社は下記へ移転することとなりました。\nなお、電話番号およびお振込先に変更はございません。\n敬具",
        {"auth": PASS.format(d="partner-kk.co.jp")},
    ),
    (
        "週報",
        "渡辺 <watanabe@example.co.jp>",
        "今週の進捗です。\n・A社案件：提案書提出済み\n・B社案件：見積もり調整中\n来週もよろしくお願いします。",
        {"charset": "utf-8"},
    ),
    (
        "ご返信ありがとうございます",
        "株式会社テスト商会 高橋 <takahashi@test-shokai.co.jp>",
        "田中様\n\nご返信ありがとうございます。\nそれでは11月10日にお伺いいたします。\n引き続きよろしくお願いいたします。",
        {"auth": PASS.format(d="test-shokai.co.jp")},
    ),
    (
        "研修資料の配布",
        "研修担当 <kenshu@example.co.jp>",
        "受講者各位\n\n来週の情報セキュリティ研修の資料を配布します。\nフィッシングメールの見分け方、パスワード管理の基本を扱います。",
        {},
    ),
    (
        "メールマガジン 11月号",
        "サンプル通信 <magazine@mail.sample-news.jp>",
        "サンプル通信 11月号をお届けします。\n今月の特集：冬のオフィス環境づくり\n配信停止はこちらから：https://mail.sample-news.jp/unsubscribe",
        {"auth": PASS.format(d="mail.sample-news.jp")},
    ),
]


def main() -> None:
    for kind, items in (("phishing", PHISHING), ("ham", HAM)):
        folder = HERE / kind
        folder.mkdir(exist_ok=True)
        for old in folder.glob("*.eml"):
            old.unlink()
        for i, (subject, from_, body, opts) in enumerate(items, 1):
            data = build(subject, from_, body, n=i, **opts)
            (folder / f"{kind}-{i:02d}.eml").write_bytes(data)
    print(len(PHISHING), "phishing,", len(HAM), "ham")


if __name__ == "__main__":
    main()
