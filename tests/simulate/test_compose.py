"""A simulation mail for one recipient: links, pixel, honeypot, marker, contact, attachments."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import lxml.html
import pypdf
import pytest
import zxingcpp
from PIL import Image

from mailwarden.core import simmark
from mailwarden.simulate import ids
from mailwarden.simulate.compose import CONTACT_HEADER, compose, links
from mailwarden.simulate.models import SimCampaign, SimProfile, SimRecipient
from mailwarden.simulate.templates import load_templates

KEY = "a-test-secret-key-of-some-length"
BASE = "https://sim.example.jp"
WHEN = datetime(2026, 12, 4, 1, 2, 3, tzinfo=UTC)


def _mail(template: str, lang: str = "ja") -> tuple[EmailMessage, SimRecipient]:
    campaign = SimCampaign(
        id=7, name="c", template=template, lang=lang, contact="security@example.jp", company="例株式会社"
    )
    profile = SimProfile(mail_from="notice@example.jp")
    recipient = SimRecipient(
        address="taro@example.jp", name="山田 太郎", department="営業部", manager="", token=ids.new_token()
    )
    msg = compose(campaign, profile, recipient, load_templates()[template], key=KEY, base_url=BASE, when=WHEN)
    parsed = message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed, recipient


def _part(msg: EmailMessage, ctype: str) -> EmailMessage:
    return next(p for p in msg.walk() if p.get_content_type() == ctype)


def test_the_marker_names_campaign_and_recipient_and_the_contact_is_there() -> None:
    msg, r = _mail("delivery-absence")
    assert simmark.check(KEY, str(msg[simmark.HEADER])) == ("7", r.token)
    assert simmark.check("another key", str(msg[simmark.HEADER])) is None
    assert msg[CONTACT_HEADER] == "security@example.jp"
    assert msg["Message-ID"] == f"<sim.{r.token}@example.jp>"


def test_text_and_html_carry_the_recipients_links_the_pixel_and_a_hidden_honeypot() -> None:
    msg, r = _mail("delivery-absence")
    link = links(BASE, KEY, r.token)
    text = _part(msg, "text/plain").get_content()
    assert "山田 太郎 様" in text and link.click in text
    assert link.honeypot not in text and link.open not in text
    doc = lxml.html.fromstring(_part(msg, "text/html").get_content())
    hrefs = {a.get("href"): a for a in doc.iter("a")}
    assert link.click in hrefs
    hidden = hrefs[link.honeypot]
    assert "display:none" in hidden.get("style", "") and hidden.get("aria-hidden") == "true"
    assert [i.get("src") for i in doc.iter("img")] == [link.open]
    # every URL is the tracking server's, with a link id the server accepts
    for u in (link.click, link.open, link.honeypot):
        lid = u.rsplit("/", 1)[1].removesuffix(".gif")
        assert u.startswith(BASE + "/t/") and ids.read_id(KEY, lid) == r.token


def test_the_english_lure_is_english() -> None:
    msg, _ = _mail("delivery-absence", "en")
    assert "Dear 山田 太郎" in _part(msg, "text/plain").get_content()


def test_a_qr_attachment_encodes_the_click_link() -> None:
    msg, r = _mail("qr-code-mfa")
    png = _part(msg, "image/png")
    assert png.get_filename() == "MFA設定_QRコード.png"
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.get_content())))
    assert [f.text for f in found] == [links(BASE, KEY, r.token).click]


def test_a_pdf_attachment_links_to_the_click_link_and_nothing_else() -> None:
    msg, r = _mail("invoice-check")
    pdf = pypdf.PdfReader(io.BytesIO(_part(msg, "application/pdf").get_content()))
    (page,) = pdf.pages
    uris = [a.get_object()["/A"]["/URI"] for a in page["/Annots"]]  # type: ignore[attr-defined]
    assert uris == [links(BASE, KEY, r.token).click]
    assert "/JavaScript" not in str(pdf.trailer["/Root"]) and "/OpenAction" not in str(pdf.trailer["/Root"])


@pytest.mark.parametrize("template", sorted(load_templates()))
def test_every_shipped_lure_composes_in_both_languages(template: str) -> None:
    for lang in ("ja", "en"):
        msg, r = _mail(template, lang)
        assert links(BASE, KEY, r.token).click in _part(msg, "text/html").get_content()
        assert str(msg["Subject"]).strip()
