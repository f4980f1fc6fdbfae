"""A minimal HTTPS GET whose host name is resolved through the DNS seam.

Used for MTA-STS policies (RFC 8461 §3.3): certificate verified for the host name, no
redirects followed, body bounded, whole exchange under one timeout.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from .dns import Resolver
from .i18n import gettext


class FetchError(Exception):
    pass


@dataclass
class HttpResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def tls_context(ca_file: Path | str | None = None) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    if ca_file:
        ctx.load_verify_locations(cafile=str(ca_file))
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


async def https_get(
    host: str,
    path: str,
    *,
    resolver: Resolver,
    port: int = 443,
    ca_file: Path | str | None = None,
    timeout: float = 5.0,
    max_bytes: int = 64 * 1024,
) -> HttpResponse:
    a = await resolver.query(host, "A")
    addrs = a.addresses()
    if not addrs:
        aaaa = await resolver.query(host, "AAAA")
        addrs = aaaa.addresses()
    if not addrs:
        raise FetchError(gettext("{host} has no address ({value})").format(host=host, value=a.status))
    ctx = tls_context(ca_file)
    try:
        return await asyncio.wait_for(_get(addrs[0], host, path, port, ctx, max_bytes), timeout)
    except TimeoutError as exc:
        raise FetchError(gettext("timeout after {timeout:g} s").format(timeout=timeout)) from exc
    except ssl.SSLCertVerificationError as exc:
        raise FetchError(gettext("certificate not valid: {value}").format(value=exc.verify_message)) from exc
    except (OSError, ssl.SSLError) as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from exc


async def _get(ip: str, host: str, path: str, port: int, ctx: ssl.SSLContext, max_bytes: int) -> HttpResponse:
    reader, writer = await asyncio.open_connection(ip, port, ssl=ctx, server_hostname=host)
    try:
        req = f"GET {path} HTTP/1.0\r\nHost: {host}\r\nUser-Agent: mailwarden\r\nConnection: close\r\n\r\n"
        writer.write(req.encode("ascii"))
        await writer.drain()
        data = b""
        while len(data) <= max_bytes + 16384:
            chunk = await reader.read(16384)
            if not chunk:
                break
            data += chunk
    finally:
        writer.close()
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        raise FetchError(gettext("malformed HTTP response"))
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[1].isdigit():
        raise FetchError(gettext("malformed HTTP status line"))
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    if len(body) > max_bytes:
        raise FetchError(gettext("body larger than {max_bytes} bytes").format(max_bytes=max_bytes))
    return HttpResponse(int(parts[1]), headers, body)
