"""The eighth round: structural signs that hold whatever the lure says — a From line whose
unquoted comma cuts the name from the address, mail in a brand's own domain that the domain
did not send (exact-domain spoofing), mail whose authentication proves a domain other than the
sender's, and a brand's name disguised in the display name (letters spaced out, or run
together with a role word)."""

from __future__ import annotations

import pytest

from mailwarden.analyze.rules import load_rules
from mailwarden.analyze.targets import brand_disguised

from .mail import AUTH, found, message

RULES = load_rules(None)


def _ar(text: str) -> str:
    return f"Authentication-Results: mx1.minato-seiki.co.jp; {text}\r\n"


@pytest.mark.parametrize(
    "from_",
    [
        "Europa Park,(<service@shop-mailer.example>)",
        "Ryoko Team, <service@shop-mailer.example>",
        "Seat Cushion, jehd <service@shop-mailer.example>",
    ],
)
def test_an_unquoted_comma_before_the_address_is_a_malformed_from(from_):
    _, hits = found(message("Angebot", from_=from_), RULES)
    assert "header.from-malformed" in hits
    assert hits["header.from-malformed"]["value"]


@pytest.mark.parametrize(
    "from_",
    [
        '"Yamada, Taro" <t@x.example>',  # the comma quoted, as RFC 5322 asks
        "Yamada Taro <t@x.example>",
        "Taro (Sales, Tokyo) <t@x.example>",  # a comma inside a comment
        "Taro (Sales (Tokyo), JP) <t@x.example>",  # inside a nested one
        "=?UTF-8?B?5bGx55SwLCDlpKrpg44=?= <t@x.example>",  # "山田, 太郎" encoded: the comma is text
        "a@x.example, b@y.example",  # two real mailboxes
    ],
)
def test_commas_that_make_no_nameless_mailbox_are_ordinary(from_):
    _, hits = found(message("ご連絡", from_=from_), RULES)
    assert "header.from-malformed" not in hits


def test_a_name_in_raw_iso_2022_jp_has_commas_inside_its_characters():
    # 岡田 in ISO-2022-JP is ESC $ B "2,ED" ESC ( B: a comma byte inside the name, not a separator
    raw = "岡田".encode("iso2022_jp").decode("ascii")
    assert "," in raw
    _, hits = found(message("ご連絡", from_=f"{raw} <okada@corp.example.jp>"), RULES)
    assert "header.from-malformed" not in hits


def test_last_first_is_not_held_against_mail_its_domain_signed():
    signed = AUTH.format(d="corp.example")
    _, hits = found(message("Invoice", from_="Smith, John <john@corp.example>", extra_headers=signed), RULES)
    assert "header.from-malformed" not in hits
    _, hits = found(message("Invoice", from_="Smith, John <john@corp.example>"), RULES)
    assert "header.from-malformed" in hits
    # a quoted name and then a comma is written by no script: held against signed mail too
    quoted = '"Experto-en-Automoción" ,HYH <newsletter@corp.example>'
    _, hits = found(message("Angebot", from_=quoted, extra_headers=signed), RULES)
    assert "header.from-malformed" in hits


def test_a_brands_own_domain_that_did_not_send_the_mail_is_forged():
    spoof = message(
        "Ihr Paket wartet.",
        from_="DHL Paket <noreply@dhl.de>",
        extra_headers=_ar("spf=fail smtp.mailfrom=dhl.de; dkim=none; dmarc=fail header.from=dhl.de"),
    )
    _, hits = found(spoof, RULES)
    assert hits["brand.domain-unauthenticated"] == {"brand": "DHL", "domain": "dhl.de"}
    # SPF passing for some other domain proves that domain, not DHL
    other = message(
        "Ihr Paket wartet.",
        from_="DHL Paket <noreply@dhl.de>",
        extra_headers=_ar("spf=pass smtp.mailfrom=bulk.zhishang.example; dkim=none; dmarc=none"),
    )
    _, hits = found(other, RULES)
    assert hits["brand.domain-unauthenticated"]["domain"] == "dhl.de"
    assert hits["auth.unaligned"]["passed"] == "bulk.zhishang.example"


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        (AUTH.format(d="dhl.de"), "DMARC passed"),
        (_ar("spf=pass smtp.mailfrom=mail.dhl.de; dkim=none; dmarc=none"), "SPF for DHL's own servers"),
        (_ar("spf=fail smtp.mailfrom=dhl.de; dkim=pass header.d=dhl.de; dmarc=none"), "DHL's signature"),
        (_ar("spf=pass smtp.mailfrom=bounce.sendgrid.net; dkim=none; dmarc=none"), "an email provider"),
        (_ar("spf=fail smtp.mailfrom=dhl.de; dkim=fail; arc=pass; dmarc=fail"), "an ARC chain vouches"),
        ("", "no authentication results at all"),
    ],
)
def test_a_brands_domain_proven_or_vouched_for_is_not_called_forged(extra, why):
    _, hits = found(message("Ihr Paket.", from_="DHL <noreply@dhl.de>", extra_headers=extra), RULES)
    assert "brand.domain-unauthenticated" not in hits, why
    assert "auth.unaligned" not in hits, why


@pytest.mark.parametrize(
    "results",
    [
        "none",  # the receiver checked nothing
        "spf=temperror smtp.mailfrom=amazon.co.jp; dkim=temperror header.d=amazon.co.jp; dmarc=temperror",
        "spf=neutral smtp.mailfrom=amazon.co.jp; dkim=none",
        "spf=permerror smtp.mailfrom=amazon.co.jp; dkim=none; dmarc=permerror",  # a broken record
    ],
)
def test_results_that_prove_nothing_either_way_are_no_forgery(results):
    html = '<a href="https://www.amazon.co.jp/orders">注文</a>'
    mail = message(
        "発送しました", from_="Amazon.co.jp <shipment@amazon.co.jp>", html=html, extra_headers=_ar(results)
    )
    _, hits = found(mail, RULES)
    assert "brand.domain-unauthenticated" not in hits
    assert "auth.unaligned" not in hits


def test_an_envelope_of_another_organisation_is_evidence():
    # a null sender: SPF asked about the HELO host, a cloud server of someone else
    results = "spf=none smtp.helo=ip210-79-190-223.cloudhost.example; dkim=none; dmarc=none"
    _, hits = found(message("Paket", from_="DHL <noreply@dhl.de>", extra_headers=_ar(results)), RULES)
    assert hits["brand.domain-unauthenticated"]["domain"] == "dhl.de"


@pytest.mark.parametrize(
    ("from_", "results"),
    [
        # a subscriber of an ISP that is also a brand, forwarded through a gateway that broke DKIM
        ("Marie <marie.dupont@orange.fr>", "spf=softfail smtp.mailfrom=orange.fr; dkim=fail; dmarc=fail"),
        ("Taro <taro@violin.ocn.ne.jp>", "spf=pass smtp.mailfrom=SRS0=ab@fwd.univ.ac.jp; dmarc=none"),
        # a council under gov.uk is no domain of HMRC's
        ("Camden <council@camden.gov.uk>", "spf=fail smtp.mailfrom=camden.gov.uk; dkim=none; dmarc=fail"),
    ],
)
def test_a_brands_shared_or_public_domain_is_not_the_brand(from_, results):
    _, hits = found(message("Hello", from_=from_, extra_headers=_ar(results)), RULES)
    assert "brand.domain-unauthenticated" not in hits


def test_a_signature_recorded_by_its_i_tag_or_spf_by_helo_names_its_domain():
    # Gmail records header.i only: the domain's own signature, aligned
    gmail_style = "spf=neutral smtp.mailfrom=biglobe.ne.jp; dkim=pass header.i=@biglobe.ne.jp"
    _, hits = found(message("Info", from_="Info <info@biglobe.ne.jp>", extra_headers=_ar(gmail_style)), RULES)
    assert "brand.domain-unauthenticated" not in hits and "auth.unaligned" not in hits
    helo_only = "spf=pass smtp.helo=mail.other.example; dkim=none; dmarc=none"
    _, hits = found(message("Info", from_="Shop <news@shop.example>", extra_headers=_ar(helo_only)), RULES)
    assert hits["auth.unaligned"]["passed"] == "mail.other.example"


def test_an_arc_chain_or_a_list_server_vouches_for_a_rewritten_message():
    forwarded = "spf=pass smtp.mailfrom=fwd.example; dkim=fail header.d=shop.example"
    _, hits = found(message("Order", from_="Shop <news@shop.example>", extra_headers=_ar(forwarded)), RULES)
    assert hits["auth.unaligned"]["passed"] == "fwd.example"
    arc = _ar(forwarded + "; arc=pass")
    assert (
        "auth.unaligned"
        not in found(message("Order", from_="Shop <news@shop.example>", extra_headers=arc), RULES)[1]
    )
    # a list that writes List-Post only, its server passing SPF
    listed = _ar("spf=pass smtp.mailfrom=dev-bounces@project.example; dkim=fail; dmarc=fail")
    listed += "List-Post: <mailto:dev@project.example>\r\n"
    _, hits = found(message("Re: patch", from_="Ann <ann@microsoft.com>", extra_headers=listed), RULES)
    assert "bulk.mailing-list" in hits
    assert "brand.domain-unauthenticated" not in hits


def test_free_mail_under_a_brands_domain_is_not_the_brand():
    mail = message(
        "Hello",
        from_="Someone <someone.else@gmail.com>",
        extra_headers=_ar("spf=softfail smtp.mailfrom=gmail.com; dkim=none; dmarc=fail"),
    )
    _, hits = found(mail, RULES)
    assert "brand.domain-unauthenticated" not in hits
    assert "auth.dmarc-fail" in hits


def test_authentication_for_another_domain_is_unaligned():
    mail = message(
        "Neue Angebote.",
        from_="Shop <news@shop.example>",
        extra_headers=_ar("spf=pass smtp.mailfrom=other.example; dkim=pass header.d=other.example"),
    )
    _, hits = found(mail, RULES)
    assert hits["auth.unaligned"] == {"domain": "shop.example", "passed": "other.example"}
    # the sender's own signature: aligned
    signed = message(
        "Neue Angebote.",
        from_="Shop <news@shop.example>",
        extra_headers=_ar("spf=pass smtp.mailfrom=other.example; dkim=pass header.d=mail.shop.example"),
    )
    assert "auth.unaligned" not in found(signed, RULES)[1]
    # nothing passed at all: auth.none says it, not auth.unaligned as well
    bare = message("Angebote", from_="Shop <news@shop.example>", extra_headers=_ar("spf=none; dkim=none"))
    _, hits = found(bare, RULES)
    assert "auth.none" in hits and "auth.unaligned" not in hits


def test_a_mailing_list_server_resending_is_not_unaligned():
    mail = message(
        "Thread reply",
        from_="Member <member@uni.example>",
        extra_headers=_ar("spf=pass smtp.mailfrom=lists.project.example; dkim=none; dmarc=none")
        + "List-Id: <dev.lists.project.example>\r\n",
    )
    assert "auth.unaligned" not in found(mail, RULES)[1]


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("C o i n b a s e", "Coinbase"),
        ("N.e.t.f.l.i.x Billing", "Netflix"),
        ("MetaMaskTeam", "MetaMask"),
        ("PayPalSupport", "PayPal"),
        ("NetflixBilling", "Netflix"),
        ("AppleSeed Farms", None),  # not a role word: a name of its own
        ("AmazonPrime", None),
        ("ZoomInfo", None),  # "info" and "care" make names of their own
        ("AppleCare Center", None),
        # an everyday-word brand run into another word is a name ("ChaseCenter", "OrangeHelp")
        ("SupportLedger", None),
        ("ChaseCenter", None),
        ("OrangeHelp", None),
        ("MetaTeam", None),
        ("SupportING", None),
        ("J. R. R. Tolkien", None),
        ("ABCD News", None),
    ],
)
def test_a_brand_disguised_in_a_short_text(text, brand):
    found_brand = brand_disguised(RULES, text)
    assert (found_brand.name if found_brand else None) == brand


def test_a_disguised_brand_in_the_display_name_is_impersonation():
    html = '<a href="https://wallet-verify.example/login">Verify</a>'
    mail = message("Verify your wallet", from_="C o i n b a s e <noreply@shangri.example>", html=html)
    _, hits = found(mail, RULES)
    assert hits["brand.in-display-name"]["brand"] == "Coinbase"
    # the brand's own mail, its own links: not impersonation, though the name is read as PayPal
    assert brand_disguised(RULES, "PayPalSupport").name == "PayPal"
    own = message(
        "Your receipt",
        from_="PayPalSupport <service@paypal.com>",
        html='<a href="https://www.paypal.com/activity">Activity</a>',
    )
    assert "brand.in-display-name" not in found(own, RULES)[1]


def test_users_add_role_words(tmp_path):
    assert brand_disguised(RULES, "PayPalKundendienst") is None
    path = tmp_path / "rules.yaml"
    path.write_text("brand_role_words: [Kundendienst]\n", encoding="utf-8")
    found_brand = brand_disguised(load_rules(path), "PayPalKundendienst")
    assert found_brand is not None and found_brand.name == "PayPal"


def test_a_domain_two_brands_list_is_the_one_whose_own_it_is():
    from mailwarden.analyze.targets import brand_domain

    found_brand = brand_domain(RULES, "mail.bestbuy.com")
    assert found_brand is not None
    assert found_brand[0].name == "Best Buy" and found_brand[1] == "bestbuy.com"
    assert brand_domain(RULES, "unrelated.example") is None
