"""Mail signed for the organisation's own domain or a correspondent's names brands freely: an
internal survey offering an Amazon gift card is no impersonation of Amazon (a new user's
trial, 2026-12-07). A brand named by anyone else — a stranger, or a real service's domain
carrying another brand's name — still is."""

from __future__ import annotations

from .mail import AUTH, found, message

SUBJECT = "社員アンケートご協力のお願い（Amazonギフトカード進呈）"
BODY = "社員各位\n\n回答いただいた方全員に、500円分のAmazonギフトカードを後日お送りします。\nhttps://forms.office.com/r/AbCdEf123\n"


def _survey(domain: str, signed: bool = True) -> bytes:
    extra = AUTH.format(d=domain) if signed else ""
    return message(BODY, subject=SUBJECT, from_=f"人事部 <hr@{domain}>", extra_headers=extra)


def test_the_organisations_own_signed_mail_does_not_impersonate_the_brand_it_names(org_rules):
    _, hits = found(_survey("minato-seiki.co.jp"), org_rules)
    assert hits["sender.known-authenticated"]["kind"] == "correspondent"
    assert not {"brand.in-subject", "brand.in-display-name", "brand.in-body"} & set(hits)


def test_a_correspondents_signed_mail_neither(org_rules):
    _, hits = found(_survey("daiwa-shoji.co.jp"), org_rules)
    assert "brand.in-subject" not in hits


def test_the_same_mail_from_a_stranger_or_unsigned_names_the_brand(org_rules):
    _, hits = found(_survey("survey-gift.example"), org_rules)
    assert hits["brand.in-subject"]["brand"] == "Amazon"
    _, hits = found(_survey("minato-seiki.co.jp", signed=False), org_rules)
    assert "brand.in-subject" in hits  # anyone can write the From: only the signature proves it


def test_a_real_services_domain_under_another_brands_name_still_counts(org_rules):
    d = "eu.salesforce.com"
    mail = message(
        "Your mailbox is full. https://x.ipfs.dweb.link/#a",
        subject="Mailbox quota",
        from_=f"Microsoft <noreply@{d}>",
        extra_headers=AUTH.format(d=d),
    )
    _, hits = found(mail, org_rules)
    assert hits["sender.known-authenticated"]["kind"] == "brand"
    assert hits["brand.in-display-name"]["brand"] == "Microsoft"
