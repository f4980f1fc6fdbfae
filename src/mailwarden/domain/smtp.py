"""``--smtp``: connect to each MX, EHLO, STARTTLS, TLS version, certificate name check."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path
from typing import Any

from ..core.dns import Resolver
from ..core.https import tls_context
from .model import CheckResult

MAX_HOSTS = 10  # the most MX hosts an audit looks at (mx.MAX_HOSTS)
MAX_LINE = 4096


async def _reply(reader: asyncio.StreamReader) -> tuple[int, list[str]]:
    lines = []
    while True:
        raw = await reader.readline()
        if not raw:
            raise ConnectionError("connection closed")
        line = raw[:MAX_LINE].decode("latin-1").rstrip("\r\n")
        lines.append(line[4:])
        if len(line) < 4 or line[3] != "-":
            code = int(line[:3]) if line[:3].isdigit() else 0
            return code, lines
        if len(lines) > 100:
            raise ConnectionError("reply too long")


async def probe_host(
    host: str,
    ip: str,
    *,
    port: int,
    timeout: float,
    ca_file: Path | str | None,
    helo: str = "mailwarden.invalid",
) -> dict[str, Any]:
    out: dict[str, Any] = {"host": host, "ip": ip, "port": port}

    async def run() -> None:
        reader, writer = await asyncio.open_connection(ip, port)
        try:
            code, _ = await _reply(reader)
            out["banner"] = code
            writer.write(f"EHLO {helo}\r\n".encode())
            await writer.drain()
            code, ext = await _reply(reader)
            caps = [e.split(" ")[0].upper() for e in ext[1:]]
            out["starttls"] = "STARTTLS" in caps
            if not out["starttls"]:
                return
            writer.write(b"STARTTLS\r\n")
            await writer.drain()
            code, _ = await _reply(reader)
            if code != 220:
                out["tls_error"] = f"STARTTLS answered {code}"
                return
            ctx = tls_context(ca_file)
            ctx.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED  # to see old versions
            try:
                await writer.start_tls(ctx, server_hostname=host)
                out["cert_valid"] = True
            except ssl.SSLCertVerificationError as exc:
                out["cert_valid"] = False
                out["cert_error"] = exc.verify_message or str(exc)
                return
            ssl_obj = writer.get_extra_info("ssl_object")
            out["tls_version"] = ssl_obj.version() if ssl_obj else None
            writer.write(b"QUIT\r\n")
            await writer.drain()
        finally:
            writer.close()

    try:
        await asyncio.wait_for(run(), timeout)
    except TimeoutError:
        out["error"] = f"timeout after {timeout:g} s"
    except (OSError, ssl.SSLError, ConnectionError, ValueError) as exc:
        if out.get("starttls"):
            out["tls_error"] = f"{type(exc).__name__}: {exc}"
        else:
            out["error"] = f"{type(exc).__name__}: {exc}"
    return out


async def audit_smtp(
    domain: str,
    *,
    resolver: Resolver,
    mx_hosts: list[str],
    port: int = 25,
    timeout: float = 8.0,
    ca_file: Path | str | None = None,
) -> CheckResult:
    res = CheckResult("smtp")

    async def probe(host: str) -> dict[str, Any] | None:
        a = await resolver.query(host, "A")
        addrs = a.addresses() or (await resolver.query(host, "AAAA")).addresses()
        if not addrs:
            return None  # mx.no-address already says so
        return await probe_host(host, addrs[0], port=port, timeout=timeout, ca_file=ca_file)

    results = [r for r in await asyncio.gather(*(probe(h) for h in mx_hosts[:MAX_HOSTS])) if r is not None]
    res.data["hosts"] = results
    res.status = "present" if results else "absent"
    for r in results:
        host = r["host"]
        if "error" in r:
            res.add("smtp.unreachable", domain, host=host, port=port, reason=r["error"])
        elif not r.get("starttls"):
            res.add("smtp.no-starttls", domain, host=host)
        elif "tls_error" in r:
            res.add("smtp.tls-failed", domain, host=host, reason=r["tls_error"])
        elif r.get("cert_valid") is False:
            res.add("smtp.bad-certificate", domain, host=host, reason=r.get("cert_error", ""))
        elif r.get("tls_version") in ("TLSv1", "TLSv1.1", "SSLv3"):
            res.add("smtp.old-tls", domain, host=host, version=r["tls_version"])
        else:
            res.add("smtp.ok", domain, host=host, version=r.get("tls_version") or "?")
    return res
