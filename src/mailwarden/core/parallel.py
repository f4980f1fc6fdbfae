"""Run a producer on the other cores: its items are made in forked child processes and
streamed back through pipes.

The work is split into *units* (say, one input file each): worker ``i`` of ``n`` makes the
items of units ``i, i+n, i+2n…`` and the parent reads the units back in their order, one
whole unit from each worker in turn, so the result is the same as one producer's. A unit
ends with an item for which ``last(item)`` is true.

The pipes' buffers are the only queues (a send blocks while its pipe is full), so memory
stays bounded whatever the producers make. A child never touches what the parent had open
(database connections, sockets): it only runs its producer and exits with ``os._exit``,
as multiprocessing's fork start does.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")

_ITEMS, _END, _ERROR = 0, 1, 2


class ProducerFailed(RuntimeError):
    """A producer raised in its child process; the message holds its traceback."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


def share(items: Iterable[T], worker: int, workers: int) -> Iterator[T]:
    """Worker ``worker``'s units of ``items``: positions worker, worker + workers, … Each
    worker lists all items (cheap: names, not contents). An error raised while listing
    belongs to the unit at its position; listing ends there for every worker."""
    it = iter(items)
    position = 0
    while True:
        try:
            item = next(it)
        except StopIteration:
            return
        except Exception:
            if position % workers == worker:
                raise
            return
        if position % workers == worker:
            yield item
        position += 1


def exit_on_sigterm() -> None:
    """SIGTERM ends the process like Ctrl-C does, through ``finally`` blocks, so the worker
    processes it started are stopped (Python's default for SIGTERM skips all cleanup)."""

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel sends this child SIGKILL when its parent dies, however it dies (even
    SIGKILL, which runs no cleanup); a child whose parent is already gone leaves at once."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the pipe closing still ends the child at its next send
    if os.getppid() != parent:
        os._exit(1)


PR_SET_PDEATHSIG = 1


def _child(
    send: Connection,
    produce: Callable[[int, int], Iterable[Any]],
    worker: int,
    workers: int,
    size: Callable[[Any], int],
    flush: int,
    parent: int,
) -> None:
    _die_with_parent(parent)
    try:
        pending: list[Any] = []
        weight = 0
        for item in produce(worker, workers):
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


class _Worker:
    def __init__(self, proc: BaseProcess, recv: Connection) -> None:
        self.proc = proc
        self.recv = recv
        self.buffer: deque[Any] = deque()
        self.done = False

    def next(self) -> tuple[bool, Any]:
        """(True, item), or (False, None) when this worker has no more."""
        while not self.buffer:
            if self.done:
                return False, None
            try:
                tag, payload = self.recv.recv()
            except EOFError:
                self.proc.join(5)
                code = self.proc.exitcode
                raise ProducerFailed(f"the producer process ended early (exit code {code})") from None
            if tag == _ITEMS:
                self.buffer.extend(payload)
            elif tag == _END:
                self.done = True
            else:
                raise ProducerFailed(payload)
        return True, self.buffer.popleft()


def forked(
    produce: Callable[[int, int], Iterable[T]],
    *,
    workers: int = 1,
    last: Callable[[T], bool] = lambda _item: True,
    size: Callable[[T], int] = lambda _item: 1,
    flush: int = 4096,
) -> Iterator[T]:
    """The items of ``produce(worker, workers)`` for each worker, made in child processes
    and merged unit by unit in round-robin order. Items travel in groups of about ``flush``
    (by ``size``); they must pickle. When the caller stops early, the children are stopped."""
    ctx = multiprocessing.get_context("fork")
    pool: list[_Worker] = []
    try:
        for i in range(workers):
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(
                target=_child, args=(send, produce, i, workers, size, flush, os.getpid()), daemon=True
            )
            proc.start()
            send.close()
            pool.append(_Worker(proc, recv))
        turn = 0
        while True:
            w = pool[turn]
            ok, item = w.next()
            if not ok:
                # Units go round in order, so the first worker without a unit means no unit
                # is left anywhere; the others must end cleanly (their errors surface here).
                for other in pool:
                    if other.next()[0]:
                        raise ProducerFailed("a producer made a unit out of turn")
                return
            yield item
            while not last(item):
                ok, item = w.next()
                if not ok:
                    break  # a unit cut short: the consumer sees its items end
                yield item
            turn = (turn + 1) % len(pool)
    finally:
        for w in pool:
            w.recv.close()
            if w.proc.is_alive():
                w.proc.terminate()
            w.proc.join()
