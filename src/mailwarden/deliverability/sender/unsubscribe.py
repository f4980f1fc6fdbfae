"""One-click unsubscribe (RFC 8058): List-Unsubscribe with an https URL, List-Unsubscribe-Post:
List-Unsubscribe=One-Click, both covered by a passing DKIM signature aligned with From (§4) —
and, only when asked, one POST to the URL to see that it answers.

URLs found in mail are never opened unless the caller asks (``check_unsubscribe``): the one
request is a POST of ``List-Unsubscribe=One-Click`` to the URL's host, resolved through the DNS
seam, certificate verified, no redirect followed, the answer's body read to 64 KB at most."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from urllib.parse import urlsplit

from ...core.dns import Resolver
from ...core.https import tls_context
from ...core.i18n import gettext
from ...core.message import ParsedMessage
from .checks_auth import Signature
from .report import SenderReport

ONE_CLICK = "List-Unsubscribe=One-Click"
_URI = re.compile(r"<\s*([^<>\s]{1,2000})\s*>")
#: the header to add when there is none (the fix shown); the URL is the sender's to fill in
EXAMPLE = (
    "List-Unsubscribe: <https://example.com/unsubscribe/TOKEN>, <mailto:unsubscribe@example.com>\n"
    "List-Unsubscribe-Post: List-Unsubscribe=One-Click"
)
MAX_BODY = 64 * 1024
TIMEOUT = 5.0


def unsubscribe_uris(msg: ParsedMessage) -> list[str]:
    value = msg.header("list-unsubscribe")
    return _URI.findall(value)[:10]


def https_url(msg: ParsedMessage) -> str | None:
    return next((u for u in unsubscribe_uris(msg) if u.lower().startswith("https://")), None)


async def post_one_click(
    url: str, *, resolver: Resolver, ca_file: Path | str | None = None
) -> tuple[bool, str]:
    """(answered 2xx, what happened): the one POST RFC 8058 §3.2 describes."""
    import httpx

    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port or 443
    except ValueError:
        return False, gettext("the URL cannot be read")
    if not host:
        return False, gettext("the URL has no host")
    try:
        ipaddress.ip_address(host)
        addrs = [host]
    except ValueError:
        addrs = (await resolver.query(host, "A")).addresses() or (
            await resolver.query(host, "AAAA")
        ).addresses()
    if not addrs:
        return False, gettext("{host} has no address").format(host=host)
    ip = addrs[0]
    shown_ip = f"[{ip}]" if ":" in ip else ip
    target = f"https://{shown_ip}:{port}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
    headers = {
        "Host": host if port == 443 else f"{host}:{port}",
        "Content-Type": "application/x-www-form-urlencoded",
        "User-Agent": "mailwarden-sender-check",
    }
    try:
        async with httpx.AsyncClient(
            verify=tls_context(ca_file), follow_redirects=False, timeout=TIMEOUT
        ) as client:
            req = client.build_request(
                "POST", target, headers=headers, content=ONE_CLICK.encode(), extensions={"sni_hostname": host}
            )
            resp = await client.send(req, stream=True)
            try:
                size = 0
                async for chunk in resp.aiter_raw():
                    size += len(chunk)
                    if size > MAX_BODY:
                        break
            finally:
                await resp.aclose()
    except httpx.HTTPError as exc:
        return False, f"{type(exc).__name__}: {str(exc)[:160]}"
    if 200 <= resp.status_code < 300:
        return True, str(resp.status_code)
    if 300 <= resp.status_code < 400:
        where = resp.headers.get("location", "?")[:200]
        return False, gettext("HTTP {status}, a redirect to {location} (not followed)").format(
            status=resp.status_code, location=where
        )
    return False, gettext("HTTP {status}").format(status=resp.status_code)


async def check_unsubscribe(
    report: SenderReport,
    msg: ParsedMessage,
    sigs: list[Signature],
    *,
    resolver: Resolver,
    try_url: bool,
    ca_file: Path | str | None,
) -> None:
    uris = unsubscribe_uris(msg)
    url = https_url(msg)
    kinds = [
        k
        for k, present in (("https", url), ("mailto", any(u.lower().startswith("mailto:") for u in uris)))
        if present
    ]
    if not uris:
        report.add("unsubscribe", "sender.unsubscribe-missing", fix=EXAMPLE)
    elif url is None:
        report.add("unsubscribe", "sender.unsubscribe-no-https", fix=EXAMPLE, value=", ".join(uris)[:200])
    else:
        report.add("unsubscribe", "sender.unsubscribe-ok", kinds=" + ".join(kinds))
    post = msg.header_all("list-unsubscribe-post")
    if not post:
        report.add(
            "unsubscribe-post", "sender.unsubscribe-post-missing", fix=f"List-Unsubscribe-Post: {ONE_CLICK}"
        )
    elif post[0].strip() != ONE_CLICK or len(post) > 1:
        report.add(
            "unsubscribe-post",
            "sender.unsubscribe-post-wrong",
            fix=f"List-Unsubscribe-Post: {ONE_CLICK}",
            value=" | ".join(p.strip() for p in post)[:200],
        )
    else:
        report.add("unsubscribe-post", "sender.unsubscribe-post-ok")
    if not uris:
        report.add("unsubscribe-signed", "sender.unsubscribe-not-applicable", skipped=True)
    else:
        wanted = ["list-unsubscribe", "list-unsubscribe-post"] if post else ["list-unsubscribe"]
        good = [s for s in sigs if s.result == "pass" and s.aligned]
        covering = next((s for s in good if all(h in s.signed for h in wanted)), None)
        if covering is not None:
            report.add("unsubscribe-signed", "sender.unsubscribe-signed", domain=covering.domain)
        else:
            best = good[0] if good else None
            missing = [h for h in wanted if best is None or h not in best.signed]
            names = {"list-unsubscribe": "List-Unsubscribe", "list-unsubscribe-post": "List-Unsubscribe-Post"}
            report.add(
                "unsubscribe-signed",
                "sender.unsubscribe-unsigned",
                headers=", ".join(names[h] for h in missing),
                signed=":".join(best.signed) if best else "-",
            )
    if url is None:
        report.add("unsubscribe-endpoint", "sender.unsubscribe-not-applicable", skipped=True)
    elif not try_url:
        report.add("unsubscribe-endpoint", "sender.unsubscribe-untried", skipped=True, url=url[:300])
    else:
        ok, what = await post_one_click(url, resolver=resolver, ca_file=ca_file)
        if ok:
            report.add("unsubscribe-endpoint", "sender.unsubscribe-endpoint-ok", url=url[:300], status=what)
        else:
            report.add("unsubscribe-endpoint", "sender.unsubscribe-endpoint-fail", url=url[:300], reason=what)
