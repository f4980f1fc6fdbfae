"""A UDP/TCP relay in front of a real DNS server that drops chosen questions.

It plays a lossy network for tests of timeouts: questions it drops are never answered,
every other question is passed to the real server and its answer relayed unchanged.
"""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
from collections.abc import Callable

import dns.message

from .nsd import free_port

DropRule = Callable[[str, str], bool]


class _UDP(socketserver.ThreadingUDPServer):
    daemon_threads = True
    allow_reuse_address = True


class _TCP(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class DropProxy:
    def __init__(self, upstream_port: int, drop: DropRule) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.drop = drop
        self.port = free_port()
        proxy = self

        def decide(wire: bytes) -> bool:
            try:
                q = dns.message.from_wire(wire)
                qn = q.question[0]
                return proxy.drop(
                    qn.name.to_text(omit_final_dot=True).lower(), dns.rdatatype.to_text(qn.rdtype)
                )
            except Exception:
                return False

        class U(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                data, sock = self.request
                if decide(data):
                    return
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as up:
                    up.settimeout(2)
                    up.sendto(data, proxy.upstream)
                    try:
                        resp, _ = up.recvfrom(65535)
                    except TimeoutError:
                        return
                sock.sendto(resp, self.client_address)

        class T(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                conn = self.request
                hdr = conn.recv(2)
                if len(hdr) < 2:
                    return
                (n,) = struct.unpack("!H", hdr)
                data = b""
                while len(data) < n:
                    chunk = conn.recv(n - len(data))
                    if not chunk:
                        return
                    data += chunk
                if decide(data):
                    return
                with socket.create_connection(proxy.upstream, timeout=2) as up:
                    up.sendall(hdr + data)
                    buf = b""
                    while True:
                        chunk = up.recv(65535)
                        if not chunk:
                            break
                        buf += chunk
                        if len(buf) >= 2 and len(buf) >= 2 + struct.unpack("!H", buf[:2])[0]:
                            break
                conn.sendall(buf)

        self._udp = _UDP(("127.0.0.1", self.port), U)
        self._tcp = _TCP(("127.0.0.1", self.port), T)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> DropProxy:
        for srv in (self._udp, self._tcp):
            threading.Thread(target=srv.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        for srv in (self._udp, self._tcp):
            srv.shutdown()
            srv.server_close()
