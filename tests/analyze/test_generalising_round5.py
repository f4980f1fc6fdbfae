"""The fifth round: structural signs of bulk lures that hold in any language — the recipient's
own address merged into the subject or the sender's name, a sender name that is an
advertisement, and an unsubscribe offer without the List-Unsubscribe header bulk senders
must send."""

from __future__ import annotations

import pytest

from mailwarden.analyze.rules import load_rules

from .mail import AUTH, found, message

RULES = load_rules(None)
TO = "hanako@example.co.jp"  # the recipient of every message built by message()


@pytest.mark.parametrize(
    ("subject", "name", "where"),
    [
        (f"Ihr Paket, {TO}", "Versand", "subject"),
        (f"RE: {TO.upper()}, your reward is waiting", "Rewards", "subject"),
        ("Dringende Sicherheitswarnung", f"{TO} – Sicherheit", "sender's name"),
    ],
)
def test_the_recipients_address_in_the_subject_or_name_is_a_mail_merge(subject, name, where):
    mail = message("Hello.", subject=subject, from_=f'"{name}" <news@promo-mail.example>')
    _, hits = found(mail, RULES)
    assert hits["header.recipient-in-subject"] == {"address": TO, "where": where}


@pytest.mark.parametrize(
    ("subject", "from_"),
    [
        ("hanako さんへのお知らせ", "Info <info@example.net>"),  # the local part alone is a name
        ("Your account jiro@example.co.jp", "Info <info@example.net>"),  # someone else's
        (f"From {TO}", f"Hanako <{TO}>"),  # the sender writing about herself
    ],
)
def test_other_addresses_in_the_subject_are_no_mail_merge(subject, from_):
    _, hits = found(message("Hello.", subject=subject, from_=from_), RULES)
    assert "header.recipient-in-subject" not in hits


@pytest.mark.parametrize(
    "name",
    ["You are eligible!", "Du bist geeignet!,(", "Save 70% today", "£500 Gutschein", "当選おめでとう！"],
)
def test_a_sender_name_that_advertises_is_a_slogan(name):
    _, hits = found(message("Hello.", from_=f'"{name}" <a@promo-mail.example>'), RULES)
    assert hits["header.display-name-slogan"]["name"] == name


@pytest.mark.parametrize(
    "name",
    [
        "Yahoo! JAPAN",
        "Yahoo!ショッピング",
        "株式会社みなと精機 経理部 山田 太郎",
        "Somchai Rattanakul - Minato Seiki Pte. Ltd.",
    ],
)
def test_names_of_people_and_companies_are_no_slogan(name):
    _, hits = found(message("Hello.", from_=f'"{name}" <a@example.co.jp>'), RULES)
    assert "header.display-name-slogan" not in hits


@pytest.mark.parametrize(
    "footer",
    [
        "To unsubscribe, click here.",
        "配信停止はこちら",
        "Newsletter hier abbestellen",
        "Pour vous désinscrire, cliquez ici",
    ],
)
def test_an_unsubscribe_offer_without_the_header_is_noted(footer):
    body = f"Great offers this week.\n\n{footer}\n"
    _, hits = found(message(body, from_="Shop <news@shop.example>"), RULES)
    assert "bulk.no-list-unsubscribe" in hits
    with_header = "List-Unsubscribe: <https://shop.example/u?x=1>\r\n" + AUTH.format(d="shop.example")
    _, hits = found(message(body, from_="Shop <news@shop.example>", extra_headers=with_header), RULES)
    assert "bulk.no-list-unsubscribe" not in hits
    assert "bulk.authenticated" in hits


def test_a_mailing_list_post_is_not_asked_for_the_header():
    body = "Discussion.\n\nTo unsubscribe send mail to list-request@lists.example.org\n"
    mail = message(body, from_="Ann <ann@example.org>", extra_headers="List-Id: <dev.lists.example.org>\r\n")
    _, hits = found(mail, RULES)
    assert "spam.bulk" in hits and "bulk.no-list-unsubscribe" not in hits


def test_a_sender_its_own_domain_vouches_for_may_greet_the_address_and_shout():
    # a service's sign-up mail, signed and aligned: neither sign counts against it
    d = "newsaas.example"
    mail = message(
        "Welcome.",
        subject=f"Welcome aboard, {TO}",
        from_=f'"NewSaaS!" <hello@{d}>',
        extra_headers=AUTH.format(d=d),
    )
    _, hits = found(mail, RULES)
    assert "header.recipient-in-subject" not in hits
    assert "header.display-name-slogan" not in hits
    # the same mail unauthenticated is a mail merge under a slogan
    _, hits = found(
        message("Welcome.", subject=f"Welcome aboard, {TO}", from_=f'"NewSaaS!" <hello@{d}>'), RULES
    )
    assert "header.recipient-in-subject" in hits and "header.display-name-slogan" in hits


def test_another_address_that_ends_with_the_recipients_is_not_the_recipient():
    mail = message("Hello.", subject="a message from info@example.co.jp").replace(
        f"To: {TO}".encode(), b"To: o@example.co.jp"
    )
    _, hits = found(mail, RULES)
    assert "header.recipient-in-subject" not in hits


def test_a_calendar_invitation_naming_its_invitee_is_no_mail_merge():
    subject = f"Invitation: Weekly sync @ Wed 10am - 11am (JST) ({TO})"
    _, hits = found(message("Join us.", subject=subject, from_="Jiro <jiro@partner.example>"), RULES)
    assert "header.recipient-in-subject" not in hits


def test_a_to_header_of_thousands_of_parentheses_stops_no_other_check():
    # the stdlib's address parser recurses into comments: it must not end the header checks
    mail = b"From: a@shop.example\r\nTo: " + b"(" * 3000 + b"\r\nSubject: write to a@b.example\r\n\r\nHi\r\n"
    _, hits = found(mail, RULES)
    assert "analysis.uninspected" not in hits
    assert "header.message-id-missing" in hits and "header.date-missing" in hits


def test_signing_out_is_not_an_unsubscribe_offer():
    body = "Sie wurden von Ihrem Konto abgemeldet. Abmelden auf allen Geräten: Einstellungen.\n"
    _, hits = found(message(body, from_="Konto <konto@service.example>"), RULES)
    assert "spam.bulk" not in hits and "bulk.no-list-unsubscribe" not in hits
    _, hits = found(message("Neuigkeiten.\n\nNewsletter abbestellen\n", from_="Shop <n@shop.example>"), RULES)
    assert "bulk.no-list-unsubscribe" in hits
