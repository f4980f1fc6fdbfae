"""The sender test inbox's peers: NSD serving a sending domain (SPF, DKIM, DMARC, reverse DNS),
messages signed with dkimpy, a Postfix that relays to the inbox, an HTTPS server that records
one-click POSTs."""

from __future__ import annotations

import http.server
import ssl
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

import dkim

from tests.support.dkimkeys import rsa_pair
from tests.support.nsd import NsdServer, Zone, free_port, txt_rdata
from tests.support.postfix import POSTFIX, PostfixServer

DOMAIN = "example.test"
OTHER = "esp-other.test"
SELECTOR = "s1"
UNSUB_HOST = "unsub.example.test"
#: 127.0.0.1 has mta.example.test (which resolves back); .2 has no PTR; .3 is not in SPF;
#: .4 has a generic-looking name
NO_PTR_IP = "127.0.0.2"
NOT_IN_SPF_IP = "127.0.0.3"
GENERIC_IP = "127.0.0.4"


@dataclass
class Keys:
    own: bytes
    own_pub: str
    other: bytes
    other_pub: str


def make_keys() -> Keys:
    own, own_pub = rsa_pair()
    other, other_pub = rsa_pair()
    return Keys(own, own_pub, other, other_pub)


def zones(keys: Keys) -> list[Zone]:
    own = Zone(DOMAIN)
    own.add(f"{DOMAIN}.", "TXT", txt_rdata(["v=spf1 ip4:127.0.0.1 ip4:127.0.0.2 ip4:127.0.0.4 -all"]))
    own.add(f"{SELECTOR}._domainkey.{DOMAIN}.", "TXT", txt_rdata([f"v=DKIM1; k=rsa; p={keys.own_pub}"]))
    own.add(f"_dmarc.{DOMAIN}.", "TXT", txt_rdata([f"v=DMARC1; p=none; rua=mailto:dmarc@{DOMAIN}"]))
    own.add(f"mta.{DOMAIN}.", "A", "127.0.0.1")
    own.add(f"{UNSUB_HOST}.", "A", "127.0.0.1")
    other = Zone(OTHER)
    other.add(f"{SELECTOR}._domainkey.{OTHER}.", "TXT", txt_rdata([f"v=DKIM1; k=rsa; p={keys.other_pub}"]))
    other.add(f"{OTHER}.", "TXT", txt_rdata(["v=spf1 -all"]))
    rev = Zone("0.0.127.in-addr.arpa")
    rev.add("1.0.0.127.in-addr.arpa.", "PTR", f"mta.{DOMAIN}.")
    rev.add("3.0.0.127.in-addr.arpa.", "PTR", f"mta.{DOMAIN}.")
    rev.add("4.0.0.127.in-addr.arpa.", "PTR", f"ip-127-0-0-4.dyn.{DOMAIN}.")
    # the DMARC tree walk asks up to _dmarc.test: answered "no such name", not refused
    return [own, other, rev, Zone("test")]


def start_dns(keys: Keys) -> NsdServer:
    return NsdServer(zones(keys)).start()


SIGNED = [b"from", b"to", b"subject", b"date", b"message-id", b"list-unsubscribe", b"list-unsubscribe-post"]


def message(
    *,
    sender: str = f"news@{DOMAIN}",
    subject: str = "Our December news",
    text: str | None = "Hello,\nthis month's news are on our site: https://www.example.test/news\n",
    html: str | None = "<p>Hello,</p><p>this month's <a href='https://www.example.test/news'>news</a>.</p>",
    unsubscribe: str | None = f"<https://{UNSUB_HOST}/u/abc123>, <mailto:unsubscribe@{DOMAIN}?subject=u>",
    one_click: str | None = "List-Unsubscribe=One-Click",
    message_id: bool = True,
    date: bool = True,
    feedback_id: bool = True,
    extra: dict[str, str] | None = None,
) -> EmailMessage:
    m = EmailMessage()
    m["From"] = f"Example News <{sender}>"
    m["To"] = "check@inbox.test"
    m["Subject"] = subject
    if date:
        m["Date"] = format_datetime(datetime.now(UTC))
    if message_id:
        m["Message-ID"] = make_msgid(domain=DOMAIN)
    if unsubscribe is not None:
        m["List-Unsubscribe"] = unsubscribe
    if one_click is not None:
        m["List-Unsubscribe-Post"] = one_click
    if feedback_id:
        m["Feedback-ID"] = "dec2026:news:newsletter:example"
    for k, v in (extra or {}).items():
        m[k] = v
    if text is not None:
        m.set_content(text)
        if html is not None:
            m.add_alternative(html, subtype="html")
    elif html is not None:
        m.set_content(html, subtype="html")
    return m


def sign(m: EmailMessage, key: bytes, domain: str = DOMAIN, headers: list[bytes] | None = None) -> bytes:
    raw = m.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    present = {k.lower().encode() for k in m}
    include = [h for h in (headers or SIGNED) if h in present]
    sig = dkim.sign(raw, SELECTOR.encode(), domain.encode(), key, include_headers=include)
    return sig + raw


class PostRecorder:
    """HTTPS (test CA) that records every request: (method, path, body, host)."""

    def __init__(self, cert_pem: str, key_pem: str, status: int = 200) -> None:
        self.port = free_port()
        self.requests: list[tuple[str, str, bytes, str]] = []
        seen = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def _record(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(min(n, 4096)) if n else b""
                seen.append((self.command, self.path, body, self.headers.get("Host") or ""))
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "https://elsewhere.test/confirm")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            do_POST = _record
            do_GET = _record

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        d = Path(tempfile.mkdtemp(prefix="mw-unsub-"))
        (d / "c.pem").write_text(cert_pem)
        (d / "k.pem").write_text(key_pem)
        ctx.load_cert_chain(str(d / "c.pem"), str(d / "k.pem"))
        self.httpd.socket = ctx.wrap_socket(self.httpd.socket, server_side=True)

    def start(self) -> PostRecorder:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def postfix_with(relay_port: int, settings: dict[str, str]) -> PostfixServer:
    """A PostfixServer with extra main.cf settings (postconf -e, then reload)."""
    server = PostfixServer(relay_port).start()
    etc = str(server.dir / "etc")
    args = [f"{k}={v}" for k, v in settings.items()]
    subprocess.run(["postconf", "-c", etc, "-e", *args], check=True, capture_output=True, timeout=60)
    subprocess.run([POSTFIX, "-c", etc, "reload"], check=True, capture_output=True, timeout=60)
    return server


def check(raw: bytes, dns: NsdServer, **kw: Any) -> Any:
    """check_message on a fresh event loop with a resolver at ``dns``."""
    import asyncio

    from mailwarden.core.dns import Resolver
    from mailwarden.deliverability.sender import check_message

    async def run() -> Any:
        return await check_message(raw, resolver=Resolver([dns.address], timeout=2.0, retries=1), **kw)

    return asyncio.run(run())


def statuses(report: Any) -> dict[str, tuple[str, str]]:
    return {c.name: (c.status, c.code) for c in report.checks}
