"""The signals that stand for whole attack families rather than one corpus's phrases: brands
named by outsiders, lookalikes of the organisation's correspondents (romanisation included),
BEC requests weighed with who asks, and authenticated bulk mail left alone."""

from __future__ import annotations

import pytest

from mailwarden.analyze.correspondents import resembles, romaji_key
from mailwarden.analyze.rules import load_rules
from mailwarden.analyze.targets import brand_named

from .mail import AUTH, found, message

KNOWN = (
    "daiwa-shoji.co.jp",
    "minato-seiki.co.jp",
    "sato-zeirishi.jp",
    "hokuto-unyu.co.jp",
    "toyo-denki.co.jp",
)


@pytest.mark.parametrize(
    ("domain", "target", "how"),
    [
        ("daiwa-syoji.co.jp", "daiwa-shoji.co.jp", "romanisation"),  # sho/syo, ji/zi
        ("satou-zeirisi.jp", "sato-zeirishi.jp", "romanisation"),  # long vowel, shi/si
        ("hokutoh-unyu.co.jp", "hokuto-unyu.co.jp", "romanisation"),  # oh for a long o
        ("touyou-denki.co.jp", "toyo-denki.co.jp", "romanisation"),
        ("daiwa-shoji.jp", "daiwa-shoji.co.jp", "suffix"),
        ("minato-seiki.com", "minato-seiki.co.jp", "suffix"),
        ("daiwashoji-group.co.jp", "daiwa-shoji.co.jp", "added word"),
        ("jp-daiwa-shoji.com", "daiwa-shoji.co.jp", "added word"),
        ("minato-selki.co.jp", "minato-seiki.co.jp", "confusable"),
        ("hokuto-unnyu.co.jp", "hokuto-unyu.co.jp", "one edit"),
    ],
)
def test_lookalikes_of_correspondents(domain, target, how):
    got = resembles(domain, KNOWN)
    assert got is not None and (got.known, got.how) == (target, how)


@pytest.mark.parametrize(
    "domain",
    ["daiwa-shoji.co.jp", "mail.daiwa-shoji.co.jp", "gmail.com", "daiwa.co.jp", "sendgrid.net", "toyota.jp"],
)
def test_the_real_ones_and_strangers_are_not_lookalikes(domain):
    assert resembles(domain, KNOWN) is None


def test_romanisations_meet_in_one_key():
    assert romaji_key("daiwa-shoji") == romaji_key("daiwa-syoji") == romaji_key("daiwashouji")
    assert romaji_key("chuo") == romaji_key("tyuou") and romaji_key("fuji") == romaji_key("huzi")
    assert romaji_key("daiwa-shoji") != romaji_key("daiwa-shika")


def test_brands_are_found_as_words_and_everyday_words_are_not(org_rules):
    assert brand_named(org_rules, "Your Wells Fargo account").name == "Wells Fargo"
    assert brand_named(org_rules, "三井住友カードからのお知らせ").name == "三井住友カード"
    assert brand_named(org_rules, "LINEで連絡してください").name == "LINE"
    assert brand_named(org_rules, "amazon.com order 123").name == "Amazon"
    for text in ("we chase every lead", "line one and line two", "ups and downs", "an amazonian forest"):
        assert brand_named(org_rules, text) is None, text


def test_a_brand_claimed_by_an_outsider(org_rules):
    html = '<p>お支払い情報を更新してください。</p><a href="https://secure-update.example.top/">更新する</a>'
    _, hits = found(
        message(
            "ご確認ください",
            subject="【重要】三井住友カード ご利用確認",
            from_="Vpass <info@card-notice.example>",
            html=html,
        ),
        org_rules,
    )
    assert hits["brand.in-subject"]["brand"] == "三井住友カード"
    assert hits["brand.in-display-name"]["brand"] == "三井住友カード"
    # the brand's own mail, linking to the brand, is no impersonation
    real = '<a href="https://www.smbc-card.com/mem/index.jsp">Vpass</a>'
    _, hits = found(
        message(
            "ご利用ありがとうございます",
            subject="三井住友カード ご利用のお知らせ",
            from_="三井住友カード <info@smbc-card.com>",
            html=real,
        ),
        org_rules,
    )
    assert not {"brand.in-subject", "brand.in-display-name"} & set(hits)


def test_bec_from_a_romanised_lookalike_without_links(org_rules):
    body = (
        "経理ご担当者様\nいつもお世話になっております。監査の関係で振込先口座を変更いたしました。"
        "本日中にお振込みをお願いいたします。"
    )
    d = "daiwa-syoji.co.jp"
    v, hits = found(
        message(body, from_=f"松本 隆 <t.matsumoto@{d}>", extra_headers=AUTH.format(d=d)), org_rules
    )
    assert hits["header.correspondent-lookalike"]["target"] == "daiwa-shoji.co.jp"
    assert (
        "payment-change" in hits["bec.request"]["asks"]
        and "correspondent-lookalike" in hits["bec.request"]["sender"]
    )
    assert v.verdict in ("phishing", "malicious"), v.signals
    # the same words from the real supplier: no lookalike, no BEC request
    d = "daiwa-shoji.co.jp"
    v, hits = found(
        message(body, from_=f"松本 隆 <t.matsumoto@{d}>", extra_headers=AUTH.format(d=d)), org_rules
    )
    assert "header.correspondent-lookalike" not in hits and "bec.request" not in hits
    assert "header.first-contact" not in hits


def test_ceo_two_liner_from_free_mail(org_rules):
    body = "今、お時間ありますか？\n至急対応してほしい件があります。このメールに返信ください。"
    _, hits = found(message(body, from_="高橋 健一 <k.takahashi.ceo@gmail.com>", subject="至急"), org_rules)
    assert "header.display-name-impersonation" in hits and "header.freemail-sender" in hits
    assert "executive-request" in hits["bec.request"]["asks"]


def test_data_request_and_approval_bypass_phrases(org_rules):
    body = (
        "人事部 御中\n年末調整の確認のため、従業員のマイナンバー一覧をExcelでお送りください。"
        "稟議は後で回します。"
    )
    _, hits = found(message(body, from_="佐藤 <hiroshi@satou-zeirisi.jp>"), org_rules)
    assert {
        "text.data-request",
        "text.approval-bypass",
        "header.correspondent-lookalike",
        "bec.request",
    } <= set(hits)


def test_first_contact_needs_configured_correspondents(org_rules):
    _, hits = found(message("ご案内です。", from_="営業 <info@new-vendor.example>"), org_rules)
    assert hits["header.first-contact"]["domain"] == "new-vendor.example"
    _, hits = found(message("ご案内です。", from_="営業 <info@new-vendor.example>"), load_rules())
    assert "header.first-contact" not in hits  # nobody configured: nothing is "first"


def test_authenticated_bulk_mail_through_an_esp(org_rules):
    d = "shop.example.jp"
    html = '<a href="https://u123.ct.sendgrid.net/ls/click?upn=abc">https://www.shop.example.jp/sale</a>'
    extra = AUTH.format(d=d) + "List-Unsubscribe: <https://shop.example.jp/unsub?u=1>\r\n"
    args = {
        "subject": "セールのお知らせ",
        "from_": f"ショップ <news@{d}>",
        "html": html,
        "return_path": "bounces+123@em.sendgrid.net",
    }
    _, hits = found(message("セール開催中", extra_headers=extra, **args), org_rules)
    assert "bulk.authenticated" in hits
    assert "url.text-mismatch" not in hits and "header.return-path-mismatch" not in hits
    # the same links and bounce address on mail that is not signed for its From: both raised
    _, hits = found(message("セール開催中", **args), org_rules)
    assert {"url.text-mismatch", "header.return-path-mismatch"} <= set(
        hits
    ) and "bulk.authenticated" not in hits


def test_known_senders_proven_by_authentication(org_rules):
    body = "パスワードの有効期限が近づいています。社内ポータルで変更してください。"
    own = "minato-seiki.co.jp"
    _, hits = found(
        message(body, from_=f"情報システム部 <it@{own}>", extra_headers=AUTH.format(d=own)), org_rules
    )
    assert hits["sender.known-authenticated"]["kind"] == "correspondent"
    # the same mail claiming the own domain without passing: no such credit
    _, hits = found(message(body, from_=f"情報システム部 <it@{own}>"), org_rules)
    assert "sender.known-authenticated" not in hits
    gov = "ipa.go.jp"
    _, hits = found(
        message("注意喚起", from_=f"IPA <info@{gov}>", extra_headers=AUTH.format(d=gov)), org_rules
    )
    assert hits["sender.known-authenticated"]["kind"] == "restricted suffix"
    assert "header.first-contact" not in hits


def test_a_list_post_needs_the_list_server_to_have_sent_it(org_rules):
    d = "ml.seimitsu-ken.jp"
    head = f"List-Id: <seimitsu.{d}>\r\nList-Post: <mailto:seimitsu@{d}>\r\n"
    passed = (
        head
        + f"Authentication-Results: mx1.minato-seiki.co.jp; spf=pass smtp.mailfrom=seimitsu-admin@{d}\r\n"
    )
    args = {
        "from_": "石井 <ishii@kougu-net.co.jp>",
        "reply_to": f"seimitsu@{d}",
        "return_path": f"seimitsu-admin@{d}",
    }
    _, hits = found(message("次回の勉強会について", extra_headers=passed, **args), org_rules)
    assert "bulk.mailing-list" in hits
    assert "header.reply-to-mismatch" not in hits and "header.return-path-mismatch" not in hits
    # a forged List-Id alone earns nothing
    _, hits = found(message("次回の勉強会について", extra_headers=head, **args), org_rules)
    assert "bulk.mailing-list" not in hits


def test_a_saas_host_named_after_the_customer_is_no_lookalike(org_rules):
    html = '<a href="https://minato-seiki.smarthr.jp/notifications">SmartHR</a>'
    _, hits = found(message("お知らせ", html=html, from_="SmartHR <noreply@mail.smarthr.jp>"), org_rules)
    assert "url.lookalike" not in hits
    html = '<a href="https://minato-seiki.login-portal.top/">ログイン</a>'
    _, hits = found(message("お知らせ", html=html, from_="総務 <info@login-portal.top>"), org_rules)
    assert hits["url.lookalike"]["target"] == "minato-seiki.co.jp"


@pytest.mark.parametrize(
    ("from_", "link"),
    [
        (
            "Quinn Kowalczyk via Adobe Acrobat Sign <adobesign@adobesign.com>",
            "https://secure.na1.adobesign.com/public/esign",
        ),
        ("Dropbox <no-reply@dropboxmail.com>", "https://www.dropbox.com/l/abc"),
        ("Amazon.co.uk <auto-confirm@amazon.co.uk>", "https://www.amazon.co.uk/gp/your-account"),
        ("DPD <notifications@dpd.co.uk>", "https://track.dpd.co.uk/parcels/1234"),
    ],
)
def test_a_brands_own_sending_domains_are_no_impersonation(org_rules, from_, link):
    html = f'<p>Please review.</p><a href="{link}">Open</a>'
    _, hits = found(message("Please review.", subject="Notice", from_=from_, html=html), org_rules)
    assert "brand.in-display-name" not in hits
    # the same name from a domain the brand does not own, linking there, is an outsider's claim
    name = from_.split(" <")[0]
    html = '<p>Please review.</p><a href="https://sign-docs.example/view">Open</a>'
    mail = message("Please review.", subject="Notice", from_=f"{name} <notice@sign-docs.example>", html=html)
    _, hits = found(mail, org_rules)
    assert "brand.in-display-name" in hits


@pytest.mark.parametrize(
    ("from_", "link"),
    [
        ("Apple <appleid@me.com>", "https://apple-receipt.example/view"),  # free mail is no brand's
        ("Google <accounts@googlemail.com>", "https://google-verify.example/"),
        ("Microsoft 365 <admin@m365-notices.example>", "https://m365-keep.eastus.cloudapp.azure.com/"),
    ],
)
def test_free_mail_and_customer_hosts_never_pass_as_the_brand(org_rules, from_, link):
    html = f'<p>Your account.</p><a href="{link}">Sign in</a>'
    _, hits = found(message("Your account.", subject="Account notice", from_=from_, html=html), org_rules)
    assert "brand.in-display-name" in hits


def test_an_e_signature_envelope_proves_the_service_not_the_sender(org_rules):
    auth = AUTH.format(d="adobesign.com")
    html = '<a href="https://secure.na1.adobesign.com/public/esign?tsid=1">Review and sign</a>'
    mail = message(
        "Please review and sign.",
        subject="Signature requested",
        from_="Someone via Adobe Acrobat Sign <adobesign@adobesign.com>",
        reply_to="x <a@zeq.example>",
        html=html,
        extra_headers=auth,
    )
    _, hits = found(mail, org_rules)
    assert "brand.in-display-name" not in hits  # the envelope is Adobe's own
    assert "sender.known-authenticated" not in hits  # but what it carries is anyone's
