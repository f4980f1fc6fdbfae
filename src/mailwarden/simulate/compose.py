"""A simulation's mail for one recipient (issue 18, point 3): the lure rendered in the
campaign's language, its links and pixel pointing at the tracking server, the marker and contact
headers, and the template's attachments.

The same recipient always gets the same message (the Message-ID and every URL come from the
recipient's token), so the training page can show *this* message, tells marked, without keeping
a copy of every mail sent.

What the mail holds:

- a text part with the lure's body, ``{link}`` being the recipient's click URL;
- an HTML part with the same text, the link as an anchor, the open pixel, and the *honeypot*: a
  link no person can see or reach (hidden, ``aria-hidden``, out of the tab order) that scanners,
  which follow every URL in a message, do follow;
- ``X-Mailwarden-Simulation``: the HMAC marker (``core/simmark.py``) the reporting intake
  recognises, so a report of this mail counts as *reported* and is thanked at once;
- ``X-Mailwarden-Simulation-Contact``: who runs the exercise (mail administrators and the
  curious can find out it is a drill, and whom to ask);
- attachments the template names: a PNG QR code of the click URL, or a one-page PDF whose link
  is the click URL (no other content: nothing executable, nothing that phones home on opening).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from io import BytesIO

from ..core import simmark
from ..core.timefmt import local_date
from .ids import link_id
from .models import SimCampaign, SimProfile, SimRecipient
from .templates import Attachment, Template, render_mail
from .urls import url

CONTACT_HEADER = "X-Mailwarden-Simulation-Contact"


@dataclass(frozen=True)
class Links:
    """The URLs of one recipient."""

    click: str
    open: str
    honeypot: str


def links(base_url: str, key: str, token: str) -> Links:
    lid = link_id(key, token)
    return Links(url(base_url, "click", lid), url(base_url, "open", lid), url(base_url, "honeypot", lid))


def values(campaign: SimCampaign, recipient: SimRecipient, click: str, when: datetime) -> dict[str, str]:
    """The template variables for ``recipient``."""
    return {
        "name": recipient.name or recipient.address.split("@", 1)[0],
        "email": recipient.address,
        "department": recipient.department,
        "manager": recipient.manager,
        "company": campaign.company,
        "link": click,
        "date": local_date(when, campaign.lang),
    }


def _domain(address: str) -> str:
    return address.rpartition("@")[2] or "localhost"


def _html(body: str, link: Links) -> str:
    paragraphs = []
    for block in body.split("\n\n"):
        escaped = html.escape(block).replace("\n", "<br>\n")
        escaped = escaped.replace(
            html.escape(link.click), f'<a href="{html.escape(link.click)}">{html.escape(link.click)}</a>'
        )
        paragraphs.append(f"<p>{escaped}</p>")
    honeypot = (
        f'<a href="{html.escape(link.honeypot)}" style="display:none" aria-hidden="true"'
        ' tabindex="-1">&#8203;</a>'
    )
    pixel = f'<img src="{html.escape(link.open)}" width="1" height="1" alt="" style="display:block;border:0">'
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n'
        + "\n".join(paragraphs)
        + f"\n{honeypot}\n{pixel}\n</body></html>\n"
    )


def qr_png(data: str) -> bytes:
    """A PNG QR code of ``data``."""
    import segno

    buf = BytesIO()
    segno.make(data, error="m").save(buf, kind="png", scale=8, border=4)
    return buf.getvalue()


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def link_pdf(title: str, link: str) -> bytes:
    """A one-page PDF: a line of text and a link annotation over it to ``link``. Text is ASCII
    (the standard Helvetica font has no Japanese); a non-ASCII title is left out."""
    line = _pdf_text(title if title.isascii() else "Document")
    target = _pdf_text(link)
    content = (
        f"BT /F1 16 Tf 72 720 Td ({line}) Tj ET\n"
        f"BT /F1 11 Tf 72 690 Td (Open the document online:) Tj ET\n"
        f"BT /F1 11 Tf 72 672 Td ({target}) Tj ET\n"
    ).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Annot /Subtype /Link /Rect [66 660 546 735] /Border [0 0 0]"
        b" /A << /S /URI /URI (" + target.encode("latin-1", "replace") + b") >> >>",
    ]
    out = BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _attachment(att: Attachment, subject: str, click: str) -> tuple[bytes, str, str]:
    maintype, _, subtype = att.content_type.partition("/")
    if att.content_type == "image/png":
        return qr_png(click), maintype, subtype
    if att.content_type == "application/pdf":
        return link_pdf(subject, click), maintype, subtype
    # any other type: a short text file naming the link (nothing that runs)
    return f"{click}\n".encode(), "text", "plain"


def compose(
    campaign: SimCampaign,
    profile: SimProfile,
    recipient: SimRecipient,
    template: Template,
    *,
    key: str,
    base_url: str,
    when: datetime,
) -> EmailMessage:
    """The simulation mail for ``recipient``; ``when`` is its Date (the send time)."""
    link = links(base_url, key, recipient.token)
    rendered = render_mail(template, campaign.lang, values(campaign, recipient, link.click, when))
    msg = EmailMessage()
    msg["From"] = formataddr((rendered.sender_name, profile.mail_from))
    msg["To"] = Address(display_name=recipient.name, addr_spec=recipient.address)
    msg["Subject"] = rendered.subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<sim.{recipient.token}@{_domain(profile.mail_from)}>"
    msg[simmark.HEADER] = simmark.marker(key, str(campaign.id), recipient.token)
    if campaign.contact:
        msg[CONTACT_HEADER] = campaign.contact
    msg.set_content(rendered.body, cte="base64" if not rendered.body.isascii() else None)
    msg.add_alternative(_html(rendered.body, link), subtype="html", cte="base64")
    for att in rendered.attachments:
        data, maintype, subtype = _attachment(att, rendered.subject, link.click)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=att.filename)
    return msg
