"""URL signals. Links come from the text bodies and from the HTML (anchors with their visible
text, form actions); nothing is ever fetched."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import parse_qsl, unquote, urlsplit

import idna
from lxml import etree
from lxml import html as lxml_html

from ..domain.orgdomain import registrable
from .context import Context
from .impersonation import esp_domain, via_esp
from .lookalike import at_or_under, contains_brand, imitates, tenant_host
from .qr import MAX_IMAGES, codes_in, is_image
from .targets import targets

MAX_LINKS = 200
MAX_HTML_CHARS = 1_000_000
_URL = re.compile(r"""(?i)\b(?:https?://|www\.)[^\s<>"'`\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]{2,2000}""")
_SHOWN_DOMAIN = re.compile(r"(?i)(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,24})(?:[/:]\S*)?")
_TRAILING = ".,;:!?)]}>'\"、。"


def _host(url: str) -> tuple[str, str]:
    """(host, userinfo) of a URL; host lower-case without port, '' when there is none."""
    if url.lower().startswith("www."):
        url = "http://" + url
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
    except ValueError:
        return "", ""
    userinfo = ""
    if "@" in netloc:
        userinfo, netloc = netloc.rsplit("@", 1)
    host = netloc.rsplit(":", 1)[0] if not netloc.startswith("[") else netloc.split("]")[0] + "]"
    return host.lower().strip("."), unquote(userinfo)


def _is_ip(host: str) -> bool:
    h = host.strip("[]")
    # an IPv6 address has a colon and an IPv4 one only digits and dots: other host names skip
    # ip_address, which raises (slowly) twice for each of them
    if ":" in h or h.replace(".", "").isdigit():
        try:
            ipaddress.ip_address(h)
            return True
        except ValueError:
            pass
    # decimal/hex/octal forms browsers accept: 3232235777, 0xC0A80101
    return bool(re.fullmatch(r"(0x[0-9a-f]+|\d{8,10})", h))


def extract(ctx: Context) -> list[dict[str, str]]:
    """Every link once: {"url", "host", "text", "kind"} (kind: text, anchor, form)."""
    links: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(url: str, text: str, kind: str) -> None:
        url = url.strip().rstrip(_TRAILING)
        if not url or len(links) >= MAX_LINKS or (url, text) in seen:
            return
        seen.add((url, text))
        host, _ = _host(url)
        links.append({"url": url, "host": host, "text": text, "kind": kind})

    for text in ctx.msg.texts:
        for m in _URL.finditer(text):
            add(m.group(0), "", "text")
    for page in ctx.msg.htmls:
        _from_html(page[:MAX_HTML_CHARS], add)
    images = [a for a in ctx.msg.attachments if is_image(a.data)][:MAX_IMAGES]
    for att in images:
        for code in codes_in(att.data):
            found = _URL.search(code)
            if found:
                add(found.group(0), att.filename or "", "qr")
    return links


def _from_html(page: str, add: object) -> None:
    if not page.strip():
        return
    try:
        doc = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return
    for a in doc.iter("a", "area"):
        href = a.get("href")
        if href:
            add(href, " ".join(a.text_content().split())[:300], "anchor")  # type: ignore[operator,attr-defined]
    for form in doc.iter("form"):
        action = form.get("action")
        # a search box (GET, no secret fields) is not a trap; a form that posts or asks for
        # a password is
        posts = (form.get("method") or "get").lower() == "post"
        secret = any(
            (i.get("type") or "").lower() in ("password", "email", "tel") for i in form.iter("input")
        )
        if action and (posts or secret):
            add(action, "", "form")  # type: ignore[operator]


def _unicode(host: str) -> str:
    try:
        return idna.decode(host)
    except (idna.IDNAError, UnicodeError):
        return host


_PAGE_PATH = re.compile(r"\.(?:s?html?|svg|php)$", re.I)


def _storage_page(host: str, url: str, stores: frozenset[str]) -> bool:
    """A web page served from a cloud object store or an IPFS gateway (any path there)."""
    labels = host.split(".")
    if host.endswith(".amazonaws.com") and any(x == "s3" or x.startswith("s3-") for x in labels):
        store = True
    else:
        store = at_or_under(host, stores)
    if not store:
        return False
    if "ipfs" in host:
        return True
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    return bool(_PAGE_PATH.search(path))


def check_urls(ctx: Context) -> None:
    rules = ctx.rules
    links = extract(ctx)
    ctx.urls = links
    table = targets(rules)
    checked_hosts: set[str] = set()
    # a signed message's links through its email service provider's click tracker are ordinary
    signed = via_esp(ctx)
    for link in links:
        url, host, kind = link["url"], link["host"], link["kind"]
        low = url.lower()
        scheme = low.split(":", 1)[0] if ":" in low[:12] else ""
        if scheme in ("javascript", "data", "vbscript"):
            ctx.hit("url.script-scheme", scheme=scheme)
            continue
        if scheme not in ("http", "https") and not low.startswith("www."):
            continue  # mailto:, tel:, cid:, relative links
        if kind == "form":
            ctx.hit("url.form-action", target=host or url)
        if kind == "qr":
            ctx.hit("url.qr-code", url=url[:200], image=link["text"] or "(inline image)")
        _, userinfo = _host(url)
        if userinfo:
            ctx.hit("url.credentials", url=url[:200], userinfo=userinfo[:60], host=host)
        if not host:
            continue
        if not ctx.fired("url.storage-page") and _storage_page(host, url, rules.storage_hosts):
            ctx.hit("url.storage-page", url=url[:200], host=host)
        if kind == "anchor" and link["text"]:
            shown = _SHOWN_DOMAIN.fullmatch(link["text"].strip())
            if shown:
                shown_host = shown.group(1).lower()
                if (
                    registrable(shown_host)
                    and registrable(shown_host) != registrable(host)
                    and not (signed and esp_domain(rules, host))
                ):
                    ctx.hit("url.text-mismatch", shown=shown_host, target=host)
        if host in checked_hosts:
            continue
        checked_hosts.add(host)
        if _is_ip(host):
            ctx.hit("url.ip-literal", url=url[:200])
            continue
        if "xn--" in host:
            ctx.hit("url.punycode", host=host, unicode=_unicode(host))
        reg = registrable(host)
        if reg in rules.shorteners or host in rules.shorteners:
            ctx.hit("url.shortener", host=host)
        try:
            query = urlsplit(url).query
        except ValueError:
            query = ""
        for key, value in parse_qsl(query, keep_blank_values=False)[:20]:
            if key.lower() in rules.redirect_params and re.match(r"(?i)(https?:)?//", value):
                target_host, _ = _host(value if value.lower().startswith("http") else "http:" + value)
                if target_host and registrable(target_host) != reg:
                    ctx.hit("url.open-redirect", host=host, target=target_host)
                    break
        found = imitates(host, table)
        real = found[0] if found else (None if tenant_host(host, rules) else contains_brand(host, table))
        if real:
            ctx.hit("url.lookalike", host=host, target=real)
        tld = host.rsplit(".", 1)[-1]
        if tld in rules.suspicious_tlds:
            ctx.hit("url.suspicious-tld", host=host)
