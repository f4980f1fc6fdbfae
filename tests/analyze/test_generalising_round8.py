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
        "=?UTF-8?B?5bGx55SwLCDlpKrpg44=?= <t@x.example>",  # "山田, 太郎" encoded: the comma is text
        "a@x.example, b@y.example",  # two real mailboxes
    ],
)
def test_commas_that_make_no_nameless_mailbox_are_ordinary(from_):
    _, hits = found(message("ご連絡", from_=from_), RULES)
    assert "header.from-malformed" not in hits


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
        ("SupportLedger", "Ledger"),
        ("AppleSeed Farms", None),  # not a role word: a name of its own
        ("AmazonPrime", None),
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
    # the brand's own mail, its own links: not impersonation
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


def test_advertising_its_senders_domain_does_not_vouch_for_counts_towards_the_verdict():
    body = "Zero-cost solar panels for 100 homeowners. Click here to unsubscribe."
    failing = _ar("spf=fail smtp.mailfrom=solar.example; dkim=none; dmarc=fail header.from=solar.example")
    v, hits = found(message(body, from_="Solar <info@solar.example>", extra_headers=failing), RULES)
    assert hits["bulk.unauthenticated"] == {"domain": "solar.example", "failed": "auth.dmarc-fail"}
    assert v.verdict in ("suspicious", "phishing")
    # the same advertisement, signed by its sender: an advertisement
    v, hits = found(
        message(body, from_="Solar <info@solar.example>", extra_headers=AUTH.format(d="solar.example")), RULES
    )
    assert "bulk.unauthenticated" not in hits
    assert v.verdict in ("clean", "spam")
    # a mailing list's server resent it (the list breaks the author's DMARC): not a lure
    listed = failing.replace(
        "spf=fail smtp.mailfrom=solar.example", "spf=pass smtp.mailfrom=lists.solar.example"
    )
    listed += "List-Id: <news.lists.solar.example>\r\n"
    _, hits = found(message(body, from_="Solar <info@solar.example>", extra_headers=listed), RULES)
    assert "bulk.mailing-list" in hits and "bulk.unauthenticated" not in hits
