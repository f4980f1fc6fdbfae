"""The ninth round: how mass scams are written, whatever they offer — replies asked at a
private free-mail address, the contact moved to a chat app, filler of random words, a greeting
for nobody in particular — and the brand facts the third English business set showed missing."""

from __future__ import annotations

from mailwarden.analyze.rules import load_rules
from mailwarden.analyze.textform import SALAD_WORDS

from .mail import found, message

RULES = load_rules(None)
SALAD = (
    "of the near local an service and the bridge the expects fortieth celebrated will service at "
    "to anniversary high weekend at bridge needed high the over valley band river local expects "
    "friday traffic before voted cleanup and tuesday the the over friday still on school will the "
    "valley volunteers fortieth library will before pears council"
)


def test_replies_asked_at_a_private_free_mail_address_are_a_sign():
    body = (
        "Hello,\n\nI found your email on a dating site.\n"
        "If you want to see my photos, write me back to my private email yulia.vfxp84@mail.ru\n"
    )
    _, hits = found(message(body, subject="hi :)", from_="Yulia <yulia.granger54@gmx.de>"), RULES)
    assert hits["text.reply-elsewhere"] == {"address": "yulia.vfxp84@mail.ru"}


def test_the_senders_own_address_and_an_address_not_asked_for_are_not():
    own = "Questions? Reply to me at yulia.granger54@gmx.de any time.\n"
    _, hits = found(message(own, from_="Yulia <yulia.granger54@gmx.de>"), RULES)
    assert "text.reply-elsewhere" not in hits
    # a free-mail address quoted without asking for replies there (a forwarded header line)
    quoted = "The complaint came from a.customer@gmail.com on Monday; we have closed it.\n"
    _, hits = found(message(quoted, from_="Ops <ops@corp.example>"), RULES)
    assert "text.reply-elsewhere" not in hits
    # a business address, not free mail: a colleague named for the next step
    colleague = "Please contact my colleague at sato@partner-corp.example for the contract.\n"
    _, hits = found(message(colleague, from_="Ops <ops@corp.example>"), RULES)
    assert "text.reply-elsewhere" not in hits


def test_a_chat_app_named_as_the_contact_is_a_sign():
    body = "Nitrile gloves: $1.93/box, MOQ 80 cartons.\nWhatsApp/WeChat: +86 138 1115 5615\n"
    _, hits = found(message(body, subject="Medical gloves in stock"), RULES)
    assert hits["text.messenger-contact"] == {"app": "WhatsApp"}
    _, hits = found(message("Add me on Telegram for the signals.", subject="Crypto"), RULES)
    assert hits["text.messenger-contact"] == {"app": "Telegram"}
    # LINE is how Japanese companies talk to customers: not read as a chat-app diversion
    _, hits = found(message("LINE公式アカウントを友だち追加してください。"), RULES)
    assert "text.messenger-contact" not in hits


def test_a_long_run_of_words_without_punctuation_is_filler():
    body = f"Eat this before bed to fix your eyesight!\n\n{SALAD}\n"
    _, hits = found(message(body, subject="Vision"), RULES)
    assert int(hits["text.word-salad"]["words"]) >= SALAD_WORDS
    assert hits["text.word-salad"]["start"].startswith("of the near local")
    # the same words as prose, with the commas and full stops people write: not filler
    prose = ", ".join(SALAD.split(" the "))
    prose = ". ".join(prose[i : i + 120] for i in range(0, len(prose), 120))
    _, hits = found(message(prose, subject="Vision"), RULES)
    assert "text.word-salad" not in hits


def test_a_greeting_for_nobody_in_particular_is_a_sign_and_a_name_is_not():
    for greeting in (
        "Dear Friend,",
        "Dear Sir or Madam,",
        "Hello dear beneficiary,",
        "Dear valued customer,",
    ):
        _, hits = found(message(f"{greeting}\n\nYour parcel is waiting.", subject="Parcel"), RULES)
        assert "text.impersonal-greeting" in hits, greeting
    _, hits = found(message("Dear Ms Koval,\n\nYour parcel is waiting.", subject="Parcel"), RULES)
    assert "text.impersonal-greeting" not in hits
    # "dear" inside a sentence is not the greeting
    _, hits = found(message("Hi Jenna,\n\nThe dear customer service team was helpful.", subject="x"), RULES)
    assert "text.impersonal-greeting" not in hits


def test_the_new_signs_carry_fitted_weights_and_do_not_decide_alone():
    for code in (
        "text.reply-elsewhere",
        "text.messenger-contact",
        "text.word-salad",
        "text.impersonal-greeting",
    ):
        sig = RULES.signals[code]
        assert sig.fitted, code  # weighed by the fit, not by hand
        assert 0 < RULES.weight(code) < RULES.thresholds["phishing"], code


def test_canadian_shops_and_dropbox_sign_send_from_their_own_domains():
    promo = message(
        "Member-only savings start today.",
        subject="Savings",
        from_="Costco Business Centre <costco@digital.costco.ca>",
        extra_headers="List-Unsubscribe: <https://digital.costco.ca/u>\r\n",
    )
    assert "brand.in-display-name" not in found(promo, RULES)[1]
    envelope = message(
        "Jordan Ellis has requested your signature.",
        subject="Signature requested",
        from_="Dropbox Sign <noreply@mail.hellosign.com>",
    )
    assert "brand.in-display-name" not in found(envelope, RULES)[1]
    # the same name from anywhere else still is
    fake = message(
        "Member-only savings: https://costco-rewards.example/claim",
        subject="Savings",
        from_="Costco Business Centre <costco@rewards-club.example>",
    )
    assert "brand.in-display-name" in found(fake, RULES)[1]
    assert "noreply@mail.hellosign.com" in RULES.relay_senders
