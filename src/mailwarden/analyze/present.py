"""What the console and exports show of an analysed message: its HTML made inert for a
sandboxed frame, and a MISP ``email`` object."""

from __future__ import annotations

import re
import uuid
from email.utils import parsedate_to_datetime
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..core.message import ParsedMessage, address_pairs
from .result import VerdictJson

MISP_EMAIL_TEMPLATE = "a0c666e0-fc65-4be8-b48f-3423d788b552"
DROP = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "meta", "base",
        "form", "input", "button", "textarea", "select", "svg", "math", "template", "noscript"}  # fmt: skip
URL_ATTRS = {
    "href",
    "src",
    "srcset",
    "action",
    "background",
    "poster",
    "data",
    "formaction",
    "xlink:href",
    "lowsrc",
}
MAX_HTML = 1_000_000


def inert_html(page: str) -> str:
    """HTML with nothing active and nothing remote: no scripts, frames, forms, event handlers,
    styles or URLs (links keep their text; their target is shown in the title)."""
    if not page.strip():
        return ""
    try:
        doc = lxml_html.document_fromstring(page[:MAX_HTML])
    except (etree.ParserError, ValueError):
        return ""
    el: Any
    for el in list(doc.iter()):
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.getparent() is not None:
                el.drop_tree()
            continue
        if el.tag.lower() in DROP:
            el.drop_tree()
            continue
        for attr in list(el.attrib):
            name = str(attr).lower()
            if name.startswith("on") or name == "style" or name in URL_ATTRS:
                value = el.attrib.pop(attr)
                if name == "href" and value:
                    el.set("title", value[:300])
    body = doc.find("body")
    root = body if body is not None else doc
    return etree.tostring(root, encoding="unicode", method="html")


def misp_email_object(msg: ParsedMessage, verdict: VerdictJson) -> dict[str, Any]:
    """The message as a MISP ``email`` object (attribute relations of the misp-objects template)."""
    attrs: list[dict[str, Any]] = []

    def add(relation: str, kind: str, value: str | None) -> None:
        if value:
            attrs.append({"object_relation": relation, "type": kind, "value": value[:2000], "to_ids": False})

    sender = msg.sender
    add("from", "email-src", sender.address if sender else "")
    add("from-display-name", "email-src-display-name", sender.name if sender else "")
    for name, addr in address_pairs(msg.header_all("to") + msg.header_all("cc")):
        add("to", "email-dst", addr.lower())
        add("to-display-name", "email-dst-display-name", name)
    for r in msg.reply_to:
        add("reply-to", "email-reply-to", r.address)
    add("return-path", "email-src", msg.return_path)
    add("subject", "email-subject", msg.subject)
    add("message-id", "email-message-id", msg.message_id.strip())
    add("x-mailer", "email-x-mailer", msg.header("x-mailer"))
    try:
        sent = parsedate_to_datetime(msg.date).isoformat() if msg.date else ""
    except (TypeError, ValueError, IndexError):
        sent = ""
    add("send-date", "datetime", sent)
    boundary = re.search(r'boundary="?([^";]+)', msg.header("content-type"))
    add("mime-boundary", "email-mime-boundary", boundary.group(1) if boundary else "")
    for a in msg.attachments:
        add("attachment", "email-attachment", a.filename or a.sha256)
    for value in msg.header_all("received")[:10]:
        m = re.search(r"\[(?:IPv6:)?([0-9a-fA-F:.]+)\]", value)
        if m:
            add("received-header-ip", "ip-src", m.group(1))
    body = "\n".join(msg.texts)
    add("email-body", "email-body", body)
    return {
        "name": "email",
        "meta-category": "network",
        "description": "Email object describing an email with meta-information",
        "template_uuid": MISP_EMAIL_TEMPLATE,
        "uuid": str(uuid.uuid4()),
        "comment": f"mailwarden verdict: {verdict['verdict']} (score {verdict['score']})",
        "Attribute": attrs,
    }
