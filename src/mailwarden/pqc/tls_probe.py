"""TLS handshakes for the inventory: STARTTLS on SMTP (MX hosts, the gateway) and TLS from
the first byte (HTTPS, SMTPS), made with pyOpenSSL on the OpenSSL the cryptography wheel
bundles (3.5 or later), whose client offers the hybrid group X25519MLKEM768 first and the
classical groups after it. What the server picks is recorded with the protocol, the cipher and
the certificate it presents.

This is an inventory, not a delivery: any certificate is accepted (its validity is recorded),
and TLS 1.0 and 1.1 are allowed so that a server that only speaks them is reported. Each probe
runs on a worker thread with a deadline over the whole exchange; every way it can fail — refused,
timed out, no STARTTLS, a TLS alert, a garbage banner — is an asset with ``error`` set."""

from __future__ import annotations

import asyncio
import hashlib
import select
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from cryptography import x509
from OpenSSL import SSL
from OpenSSL._util import lib as _lib

from .assets import Asset, AssetKind, Usage
from .x509info import cert_asset

__all__ = ["GROUPS", "key_exchange", "probe_starttls", "probe_tls", "set_workers"]

MAX_LINE = 4096
MAX_LINES = 100
_executor: ThreadPoolExecutor | None = None
_workers = 64


def set_workers(n: int) -> None:
    """The most handshakes made at once (threads); set before the first probe."""
    global _workers, _executor
    _workers = max(1, n)
    if _executor is not None:
        _executor.shutdown(wait=False)
        _executor = None


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(_workers, thread_name_prefix="pqc-tls")
    return _executor


class ProbeError(Exception):
    pass


#: the groups offered, best first; ``*`` sends a key share for it (OpenSSL 3.5+ syntax), so a
#: classical TLS 1.3 server picks X25519 at once instead of asking again (HelloRetryRequest).
#: The later ones let a server restricted to them still answer, which the inventory reports.
GROUPS = b"*X25519MLKEM768:*X25519:secp256r1:secp384r1:secp521r1:ffdhe2048:ffdhe3072"
#: an OpenSSL without ML-KEM (older than 3.5) refuses the list above
CLASSICAL_GROUPS = b"X25519:secp256r1:secp384r1:secp521r1"
_ctx: SSL.Context | None = None
_ctx_lock = threading.Lock()


def _context() -> SSL.Context:
    """One client context for every probe (an SSL_CTX is safe to share between threads once
    configured): any certificate, TLS 1.0 upwards, security level 0 so that a server with
    SHA-1 signatures or small keys still completes the handshake and can be reported."""
    global _ctx
    with _ctx_lock:
        if _ctx is None:
            ctx = SSL.Context(SSL.TLS_CLIENT_METHOD)
            ctx.set_verify(SSL.VERIFY_NONE)
            ctx.set_min_proto_version(SSL.TLS1_VERSION)
            ctx.set_cipher_list(b"DEFAULT:@SECLEVEL=0")
            # pyOpenSSL has no API for the groups (26.4): the cryptography bindings have
            # SSL_CTX_set1_curves_list, the old name of SSL_CTX_set1_groups_list.
            if _lib.SSL_CTX_set1_curves_list(ctx._context, GROUPS) != 1:
                _lib.SSL_CTX_set1_curves_list(ctx._context, CLASSICAL_GROUPS)
            _ctx = ctx
        return _ctx


class _Smtp:
    """The plain-text part of an SMTP session, bounded in lines and line length."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self.sock = sock
        self.deadline = deadline
        self.buf = b""

    def _line(self) -> bytes:
        while b"\n" not in self.buf:
            if len(self.buf) > MAX_LINE:
                raise ProbeError("SMTP line too long")
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise ProbeError("timed out")
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(4096)
            except TimeoutError as exc:
                raise ProbeError("timed out") from exc
            if not chunk:
                raise ProbeError("connection closed by the server")
            self.buf += chunk
        line, _sep, self.buf = self.buf.partition(b"\n")
        return line.rstrip(b"\r")

    def reply(self) -> tuple[int, list[str]]:
        lines: list[str] = []
        while len(lines) < MAX_LINES:
            line = self._line().decode("latin-1")
            if len(line) < 3 or not line[:3].isdigit():
                raise ProbeError(f"not an SMTP reply: {line[:60]!r}")
            lines.append(line[4:])
            if len(line) == 3 or line[3] != "-":
                return int(line[:3]), lines
        raise ProbeError("SMTP reply too long")

    def send(self, text: str) -> None:
        self.sock.settimeout(max(0.01, self.deadline - time.monotonic()))
        try:
            self.sock.sendall(text.encode("ascii") + b"\r\n")
        except (TimeoutError, OSError) as exc:
            raise ProbeError(f"send failed: {exc}") from exc


def _handshake(sock: socket.socket, server_name: str, deadline: float) -> SSL.Connection:
    conn = SSL.Connection(_context(), sock)
    if server_name and not server_name.replace(".", "").isdigit() and ":" not in server_name:
        conn.set_tlsext_host_name(server_name.encode("idna"))
    conn.set_connect_state()
    sock.setblocking(False)
    while True:
        try:
            conn.do_handshake()
            return conn
        except SSL.WantReadError:
            wait: tuple[list[socket.socket], list[socket.socket]] = ([sock], [])
        except SSL.WantWriteError:
            wait = ([], [sock])
        except SSL.Error as exc:
            raise ProbeError(f"TLS handshake failed: {_ssl_error(exc)}") from exc
        left = deadline - time.monotonic()
        if left <= 0:
            raise ProbeError("timed out during the TLS handshake")
        r, w, _x = select.select(*wait, [], left)
        if not r and not w:
            raise ProbeError("timed out during the TLS handshake")


def _ssl_error(exc: SSL.Error) -> str:
    args = exc.args[0] if exc.args else []
    if isinstance(args, list) and args and isinstance(args[0], tuple):
        return "; ".join(str(a[-1]) for a in args[:3])
    return str(exc) or type(exc).__name__


def key_exchange(group: str, cipher: str) -> tuple[str, str]:
    """(algorithm, curve) of a negotiated key exchange, in the asset's vocabulary."""
    g = group.lower()
    if "mlkem" in g.replace("-", ""):
        return group, ""  # X25519MLKEM768, SecP256r1MLKEM768, MLKEM1024…
    if g in ("x25519", "x448"):
        return g.upper(), g.upper()
    if g.startswith("ffdhe"):
        return "DH", ""
    if g:
        return "ECDH", g
    # no group: TLS 1.2 and older with finite-field DH, or RSA key transport (no "DHE" in
    # the cipher's OpenSSL name: AES256-SHA, DES-CBC3-SHA)
    if "ECDHE" in cipher or "ECDH-" in cipher:
        return "ECDH", ""
    if "DHE" in cipher or "EDH" in cipher:
        return "DH", ""
    return ("RSA", "") if cipher else ("unknown", "")


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _assets(conn: SSL.Connection, label: str, host: str) -> list[Asset]:
    protocol = conn.get_protocol_version_name() or ""
    cipher = conn.get_cipher_name() or ""
    group = conn.get_group_name() or ""
    if isinstance(group, bytes):
        group = group.decode("ascii", "replace")
    algorithm, curve = key_exchange(group, cipher)
    session = Asset(
        AssetKind.TLS_SESSION,
        label,
        label,
        algorithm,
        (Usage.KEY_EXCHANGE,),
        curve=curve,
        protocol=protocol,
        cipher=cipher,
        group=group,
        fingerprint=_fingerprint(AssetKind.TLS_SESSION.value, label, label),
        details={"host": host},
    )
    out = [session]
    try:
        peer = conn.get_peer_certificate(as_cryptography=True)
    except (ValueError, x509.InvalidVersion) as exc:  # OpenSSL took it; cryptography cannot read it
        session.details["certificate_error"] = str(exc)[:200]
        return out
    if isinstance(peer, x509.Certificate):
        cert = cert_asset(peer, AssetKind.TLS_CERT, label, usages=(Usage.AUTHENTICATION,))
        cert.details["host"] = host
        session.details["certificate"] = cert.fingerprint
        out.append(cert)
    return out


def _close(conn: SSL.Connection | None, sock: socket.socket | None) -> None:
    try:
        if conn is not None:
            conn.set_shutdown(SSL.SENT_SHUTDOWN | SSL.RECEIVED_SHUTDOWN)
    finally:
        if sock is not None:
            sock.close()


def _connect(address: str, port: int, deadline: float) -> socket.socket:
    try:
        return socket.create_connection((address, port), timeout=max(0.01, deadline - time.monotonic()))
    except TimeoutError as exc:
        raise ProbeError("timed out connecting") from exc
    except OSError as exc:
        raise ProbeError(f"connection failed: {exc.strerror or exc}") from exc


def _starttls(host: str, port: int, address: str, timeout: float, helo: str) -> list[Asset]:
    label = f"{host}:{port}"
    deadline = time.monotonic() + timeout
    sock: socket.socket | None = None
    conn: SSL.Connection | None = None
    try:
        sock = _connect(address, port, deadline)
        smtp = _Smtp(sock, deadline)
        code, _lines = smtp.reply()
        if code != 220:
            raise ProbeError(f"the server greeted with {code}")
        smtp.send(f"EHLO {helo}")
        code, ext = smtp.reply()
        if code != 250:
            raise ProbeError(f"EHLO answered {code}")
        if not any(e.split(" ")[0].upper() == "STARTTLS" for e in ext[1:]):
            return [_failed(label, host, "STARTTLS not offered")]
        smtp.send("STARTTLS")
        code, _lines = smtp.reply()
        if code != 220:
            raise ProbeError(f"STARTTLS answered {code}")
        if smtp.buf:
            raise ProbeError("data sent before the TLS handshake")
        conn = _handshake(sock, host, deadline)
        return _assets(conn, label, host)
    except ProbeError as exc:
        return [_failed(label, host, str(exc))]
    finally:
        _close(conn, sock)


def _implicit(host: str, port: int, address: str, timeout: float, server_name: str) -> list[Asset]:
    label = f"{host}:{port}"
    deadline = time.monotonic() + timeout
    sock: socket.socket | None = None
    conn: SSL.Connection | None = None
    try:
        sock = _connect(address, port, deadline)
        conn = _handshake(sock, server_name, deadline)
        return _assets(conn, label, host)
    except ProbeError as exc:
        return [_failed(label, host, str(exc))]
    finally:
        _close(conn, sock)


def _failed(label: str, host: str, error: str) -> Asset:
    return Asset(
        AssetKind.TLS_SESSION,
        label,
        label,
        "unknown",
        (Usage.KEY_EXCHANGE,),
        fingerprint=_fingerprint(AssetKind.TLS_SESSION.value, label, label),
        error=error,
        details={"host": host},
    )


async def _run(fn: Callable[[], list[Asset]]) -> list[Asset]:
    return await asyncio.get_running_loop().run_in_executor(_pool(), fn)


async def probe_starttls(
    host: str,
    port: int = 25,
    *,
    address: str | None = None,
    timeout: float = 10.0,
    helo: str = "mailwarden.invalid",
) -> list[Asset]:
    """The TLS session (and the certificate) an SMTP server gives after STARTTLS."""
    return await _run(lambda: _starttls(host, port, address or host, timeout, helo))


async def probe_tls(
    host: str, port: int, *, address: str | None = None, timeout: float = 10.0, server_name: str | None = None
) -> list[Asset]:
    """The TLS session (and the certificate) of a server speaking TLS from the first byte."""
    return await _run(lambda: _implicit(host, port, address or host, timeout, server_name or host))
