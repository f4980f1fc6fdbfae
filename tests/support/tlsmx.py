"""A small SMTP server with STARTTLS for the post-quantum inventory's tests and benchmark.

``hybrid=True`` serves TLS with pyOpenSSL on the OpenSSL the cryptography wheel bundles (3.5+:
it picks X25519MLKEM768 when the client offers it); ``hybrid=False`` with Python's ``ssl`` on
the system's OpenSSL 3.0 (classical groups only). ``tls_max="TLSv1"`` allows nothing newer;
``starttls=False`` offers no STARTTLS; ``banner=None`` never greets (a host that hangs);
``banner=b"garbage"`` greets with nonsense; ``delay`` waits before the greeting; ``ciphers``
(classical server, TLS 1.2 at most) restricts the cipher suites (one no client offers: the
handshake ends in an alert). ``implicit``
speaks TLS from the first byte (an HTTPS-like listener). Several addresses can share one
server (``addresses``: loopback addresses to bind, all on ``port``)."""

from __future__ import annotations

import contextlib
import socket
import ssl
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from OpenSSL import SSL

from .nsd import free_port


@dataclass
class Cert:
    cert_pem: bytes
    key_pem: bytes


def make_cert(host: str, *, days: int = 30, expired: bool = False, key: str = "ec") -> Cert:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import NameOID

    pk = ec.generate_private_key(ec.SECP256R1()) if key == "ec" else rsa.generate_private_key(65537, 2048)
    now = dt.datetime.now(dt.UTC)
    start, end = (
        (now - dt.timedelta(days=60), now - dt.timedelta(days=1))
        if expired
        else (now - dt.timedelta(days=1), now + dt.timedelta(days=days))
    )
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(pk.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
        .sign(pk, hashes.SHA256())
    )
    key_pem = pk.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return Cert(cert.public_bytes(serialization.Encoding.PEM), key_pem)


@dataclass
class TlsMx:
    cert: Cert
    hybrid: bool = True
    starttls: bool = True
    tls_max: str | None = None
    banner: bytes | None = b"220 mx.test ESMTP"
    delay: float = 0.0
    implicit: bool = False
    ciphers: str | None = None
    addresses: list[str] = field(default_factory=lambda: ["127.0.0.1"])
    port: int = 0
    handshakes: int = 0
    #: the mode of each connection by the local address it reached ("hybrid", "classical",
    #: "slow": a classical server greeting after ``delay``), for one server bound to 0.0.0.0
    mode_for: Callable[[str], str] | None = None

    def start(self) -> TlsMx:
        self.port = self.port or free_port()
        self._dir = tempfile.TemporaryDirectory()
        d = Path(self._dir.name)
        (d / "c.pem").write_bytes(self.cert.cert_pem)
        (d / "k.pem").write_bytes(self.cert.key_pem)
        if self.hybrid or self.mode_for:
            ctx = SSL.Context(SSL.TLS_SERVER_METHOD)
            ctx.use_certificate_file(str(d / "c.pem"))
            ctx.use_privatekey_file(str(d / "k.pem"))
            if self.tls_max == "TLSv1":
                ctx.set_max_proto_version(SSL.TLS1_VERSION)
                ctx.set_cipher_list(b"DEFAULT:@SECLEVEL=0")
            self._pctx = ctx
        if not self.hybrid or self.mode_for:
            sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            sctx.load_cert_chain(d / "c.pem", d / "k.pem")
            if self.tls_max == "TLSv1":
                sctx.set_ciphers("DEFAULT:@SECLEVEL=0")
                with warnings.catch_warnings():  # TLS 1.0 is deprecated: that is the point
                    warnings.simplefilter("ignore", DeprecationWarning)
                    sctx.minimum_version = ssl.TLSVersion.TLSv1
                    sctx.maximum_version = ssl.TLSVersion.TLSv1
            if self.ciphers:
                sctx.maximum_version = ssl.TLSVersion.TLSv1_2  # TLS 1.3 suites cannot be restricted
                sctx.set_ciphers(self.ciphers)
            self._sctx = sctx
        self._socks = []
        for addr in self.addresses:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((addr, self.port))
            s.listen(512)
            self._socks.append(s)
            threading.Thread(target=self._accept, args=(s,), daemon=True).start()
        return self

    def _accept(self, s: socket.socket) -> None:
        while True:
            try:
                c, _a = s.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(c,), daemon=True).start()

    def _serve(self, c: socket.socket) -> None:
        hybrid, delay = self.hybrid, self.delay
        if self.mode_for is not None:
            mode = self.mode_for(c.getsockname()[0])
            hybrid, delay = mode == "hybrid", (self.delay if mode == "slow" else 0.0)
        try:
            c.settimeout(30)
            if self.implicit:
                self._tls(c, hybrid)
                return
            if self.banner is None:
                c.recv(1)  # hang until the client gives up
                return
            if delay:
                time.sleep(delay)
            c.sendall(self.banner + b"\r\n")
            f = c.makefile("rb")
            while True:
                line = f.readline(1000)
                if not line:
                    return
                cmd = line.strip().upper()
                if cmd.startswith((b"EHLO", b"HELO")):
                    ext = (
                        b"250-mx.test\r\n250-PIPELINING\r\n"
                        + (b"250-STARTTLS\r\n" if self.starttls else b"")
                        + b"250 8BITMIME\r\n"
                    )
                    c.sendall(ext)
                elif cmd == b"STARTTLS" and self.starttls:
                    c.sendall(b"220 2.0.0 Ready to start TLS\r\n")
                    self._tls(c, hybrid)
                    return
                elif cmd == b"QUIT":
                    c.sendall(b"221 bye\r\n")
                    return
                else:
                    c.sendall(b"502 5.5.2 not here\r\n")
        except (OSError, SSL.Error, ssl.SSLError):
            return
        finally:
            c.close()

    def _tls(self, c: socket.socket, hybrid: bool) -> None:
        if hybrid:
            c.setblocking(True)  # pyOpenSSL on a socket with a timeout would raise WantRead
            conn = SSL.Connection(self._pctx, c)
            conn.set_accept_state()
            conn.do_handshake()
            self.handshakes += 1
            with contextlib.suppress(SSL.Error):
                conn.recv(1)
        else:
            t = self._sctx.wrap_socket(c, server_side=True)
            self.handshakes += 1
            with contextlib.suppress(OSError, ssl.SSLError):
                t.recv(1)

    def stop(self) -> None:
        for s in self._socks:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            s.close()
        self._dir.cleanup()
