"""Run a producer on the other core: its items are made in a forked child process and
streamed back through a pipe.

The pipe's buffer is the only queue between the two processes (a send blocks while it is
full), so memory stays bounded whatever the producer makes. The child never touches what
the parent had open (database connections, sockets): it only runs the producer and exits
with ``os._exit``, as multiprocessing's fork start does.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")

_ITEMS, _END, _ERROR = 0, 1, 2


class ProducerFailed(RuntimeError):
    """The producer raised in the child process; the message holds its traceback."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


def _child(
    send: Connection, produce: Callable[[], Iterable[Any]], size: Callable[[Any], int], flush: int
) -> None:
    try:
        pending: list[Any] = []
        weight = 0
        for item in produce():
            pending.append(item)
            weight += size(item)
            if weight >= flush:
                send.send((_ITEMS, pending))
                pending, weight = [], 0
        if pending:
            send.send((_ITEMS, pending))
        send.send((_END, None))
    except BaseException:  # everything is reported to the parent
        send.send((_ERROR, traceback.format_exc()))
    finally:
        send.close()


def forked(
    produce: Callable[[], Iterable[T]],
    *,
    size: Callable[[T], int] = lambda _item: 1,
    flush: int = 4096,
) -> Iterator[T]:
    """The items of ``produce()``, made in a child process. Items travel in groups of about
    ``flush`` (by ``size``); they must pickle. When the caller stops early, the child is
    stopped too."""
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, produce, size, flush), daemon=True)
    proc.start()
    send.close()
    try:
        while True:
            try:
                tag, payload = recv.recv()
            except EOFError:
                proc.join(5)
                raise ProducerFailed(
                    f"the producer process ended early (exit code {proc.exitcode})"
                ) from None
            if tag == _ITEMS:
                yield from payload
            elif tag == _END:
                return
            else:
                raise ProducerFailed(payload)
    finally:
        recv.close()
        if proc.is_alive():
            proc.terminate()
        proc.join()
