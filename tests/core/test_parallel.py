"""core.parallel: a producer on the other core, its items streamed back in order."""

from __future__ import annotations

import os

import pytest

from mailwarden.core.parallel import ProducerFailed, forked


def test_items_arrive_in_order_from_another_process():
    parent = os.getpid()

    def produce():
        for i in range(10_000):
            yield (i, os.getpid())

    items = list(forked(produce, flush=333))
    assert [i for i, _ in items] == list(range(10_000))
    pids = {pid for _, pid in items}
    assert len(pids) == 1 and parent not in pids


def test_sizes_decide_the_groups():
    def produce():
        yield from ([0] * n for n in (1, 5000, 2, 3))

    assert [len(x) for x in forked(produce, size=len, flush=100)] == [1, 5000, 2, 3]


def test_a_failing_producer_is_reported_with_its_traceback():
    def produce():
        yield 1
        raise ValueError("broken producer")

    it = forked(produce, flush=1)
    assert next(it) == 1
    with pytest.raises(ProducerFailed, match="broken producer"):
        next(it)


def test_a_producer_that_dies_is_reported():
    def produce():
        yield 1
        os._exit(3)

    with pytest.raises(ProducerFailed, match="exit code 3"):
        list(forked(produce, flush=1))


def test_stopping_early_stops_the_child():
    seen = []

    def produce():
        i = 0
        while True:  # endless: only the parent's stop ends it
            yield i
            i += 1

    it = forked(produce, flush=10)
    for x in it:
        seen.append(x)
        if x == 50:
            break
    it.close()  # the generator's finally terminates and joins the child
    assert seen == list(range(51))
