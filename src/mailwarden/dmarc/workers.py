"""Parse inputs on the other cores, each parser process taking the next input as soon as it is
free, while the events still reach the store in input order.

``core.parallel.forked`` deals inputs round-robin (worker ``i`` of ``n`` takes ``i, i+n…``)
and merges them in that order: one 200,000-record report then holds back every small report
dealt to the same worker, and the other worker idles once its pipe is full — a mixed batch
ran at the speed of one core. Here a worker *claims* the next input from a shared counter
when it finishes one, and the parent keeps what arrives ahead of its turn, up to ``ahead``
in total (by ``size``: rows): past that, only the worker whose turn it is is read and the
others wait on their full pipes, so memory stays bounded.

A unit is one input file: a worker skips the files others took without reading them. A
child never touches what the parent had open; it runs its producer and exits with
``os._exit`` (multiprocessing's fork start).
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from ..core.gc import tune_for_long_run
from ..core.parallel import ProducerFailed, _die_with_parent

__all__ = ["claimed", "forked_claiming"]

T = TypeVar("T")
_ITEMS, _END, _ERROR = 0, 1, 2

#: "which input next?": each call returns the next unclaimed position
Claim = Callable[[], int]
#: told the position of the input whose items the producer makes from now on
Mark = Callable[[int], None]


def claimed(items: Iterable[T], claim: Claim, mark: Mark) -> Iterator[T]:
    """The items at the positions this worker claims, in order. Every worker lists all items
    (cheap: names, not contents). An error raised while listing belongs to the input at its
    position: the worker that claimed it raises it, listing ends there for every worker."""
    it = iter(items)
    position = 0
    while True:
        want = claim()
        while True:
            try:
                item = next(it)
            except StopIteration:
                return
            except Exception:
                if position == want:
                    mark(position)
                    raise
                return
            if position == want:
                break
            position += 1
        mark(position)
        yield item
        position += 1


def _child(
    send: Connection,
    produce: Callable[[Claim, Mark], Iterable[Any]],
    counter: Any,
    size: Callable[[Any], int],
    flush: int,
    parent: int,
) -> None:
    _die_with_parent(parent)

    def claim() -> int:
        with counter.get_lock():
            position: int = counter.value
            counter.value = position + 1
        return position

    # (position, its items) in the order made; a group opens when the producer marks a new
    # position, so the parent learns that the previous unit is complete
    groups: list[tuple[int, list[Any]]] = []

    def mark(position: int) -> None:
        groups.append((position, []))

    try:
        weight = 0
        for item in produce(claim, mark):
            if not groups:
                raise RuntimeError("the producer made an item before marking its position")
            groups[-1][1].append(item)
            weight += size(item)
            if weight >= flush:
                send.send((_ITEMS, groups))
                position = groups[-1][0]
                groups.clear()
                groups.append((position, []))
                weight = 0
        if groups:
            send.send((_ITEMS, groups))
        send.send((_END, None))
    except BaseException:  # everything is reported to the parent
        send.send((_ERROR, traceback.format_exc()))
    finally:
        send.close()


class _Worker:
    def __init__(self, proc: BaseProcess, recv: Connection) -> None:
        self.proc = proc
        self.recv = recv
        self.held = 0  # weight received and not yet handed on
        self.at = -1  # the latest position it has made items for
        self.done = False


def forked_claiming(
    produce: Callable[[Claim, Mark], Iterable[T]],
    *,
    workers: int = 2,
    size: Callable[[T], int] = lambda _item: 1,
    flush: int = 500,
    ahead: int = 50_000,
) -> Iterator[T]:
    """The items of ``produce(claim, mark)`` run in ``workers`` child processes, unit by unit
    in position order. ``produce`` takes its units with :func:`claimed`; a unit is complete
    when its worker marks a later position or ends. Items travel in groups
    of about ``flush`` (by ``size``) and must pickle. When the caller stops early, the children
    are stopped."""
    tune_for_long_run()  # before the fork: every process collects less often (core/gc.py)
    ctx = multiprocessing.get_context("fork")
    counter = ctx.Value("q", 0)
    pool: list[_Worker] = []
    units: dict[int, deque[Any]] = {}
    owner: dict[int, _Worker] = {}
    try:
        for _ in range(workers):
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(
                target=_child, args=(send, produce, counter, size, flush, os.getpid()), daemon=True
            )
            proc.start()
            send.close()
            pool.append(_Worker(proc, recv))
        turn = 0  # the position whose items go out now
        while True:
            queue = units.get(turn)
            maker = owner.get(turn)
            if queue and maker is not None:
                item = queue.popleft()
                maker.held -= size(item)
                yield item
                continue
            if maker is not None and (maker.at > turn or maker.done):
                del units[turn], owner[turn]  # complete: its worker has moved on
                turn += 1
                continue
            live = [w for w in pool if not w.done]
            if not live:
                if units:
                    raise ProducerFailed("a producer made a unit after the last one")
                return
            # The maker of this turn's unit is always read; the others only while the parent
            # holds less than ``ahead``.
            room = sum(w.held for w in pool) < ahead
            readable = [w.recv for w in live if w is maker or room]
            for conn in wait(readable):
                w = next(w for w in live if w.recv is conn)
                try:
                    tag, payload = w.recv.recv()
                except EOFError:
                    w.proc.join(5)
                    code = w.proc.exitcode
                    raise ProducerFailed(f"the producer process ended early (exit code {code})") from None
                if tag == _ITEMS:
                    for position, items in payload:
                        if position < turn:
                            raise ProducerFailed("a producer made a unit out of turn")
                        units.setdefault(position, deque()).extend(items)
                        owner[position] = w
                        w.at = max(w.at, position)
                        w.held += sum(map(size, items))
                elif tag == _END:
                    w.done = True
                else:
                    raise ProducerFailed(payload)
    finally:
        for w in pool:
            w.recv.close()
            if w.proc.is_alive():
                w.proc.terminate()
            w.proc.join()
