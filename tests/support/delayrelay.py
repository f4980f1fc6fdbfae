"""A UDP relay that answers through a real DNS server after a fixed delay (a slow resolver).

Answers go back to whoever asked by query id *and* question, as a resolver matches them: with
thousands of questions in flight, ids alone collide (16 bits), and a relay keyed by id would
hand an answer to the wrong client and lose the other — a timeout the tool under test never
caused."""

from __future__ import annotations

import asyncio
import socket
import threading

from .nsd import free_port


class DelayRelay:
    def __init__(self, upstream_port: int, delay: float) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.delay = delay
        self.port = free_port()
        self.questions = 0  # questions relayed (benchmarks compare the DNS work of two runs)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self) -> DelayRelay:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._serve(), self.loop).result(5)
        return self

    async def _serve(self) -> None:
        relay = self

        class Up(asyncio.DatagramProtocol):
            def __init__(self) -> None:
                self.clients: dict[bytes, tuple[str, int]] = {}

            def datagram_received(self, data: bytes, addr: object) -> None:
                client = self.clients.pop(_key(data), None)
                if client is not None:
                    relay.loop.call_later(relay.delay, down.sendto, data, client)

        class Down(asyncio.DatagramProtocol):
            def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:  # type: ignore[override]
                relay.questions += 1
                up.clients[_key(data)] = addr
                up_t.sendto(data)

        loop = asyncio.get_running_loop()
        up_t, up = await loop.create_datagram_endpoint(Up, remote_addr=self.upstream, family=socket.AF_INET)
        down, _ = await loop.create_datagram_endpoint(Down, local_addr=("127.0.0.1", self.port))
        for t in (up_t, down):  # every question and answer of a whole survey passes here
            t.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)


def _key(data: bytes) -> bytes:
    """Query id and question section (name, type, class) of a DNS message."""
    i, n = 12, len(data)
    while i < n and data[i]:
        i += data[i] + 1
    return data[:2] + data[12 : i + 5].lower()
