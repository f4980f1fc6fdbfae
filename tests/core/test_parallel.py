"""core.parallel: producers on the other cores, their items merged back in order."""

from __future__ import annotations

import os

import pytest

from mailwarden.core.parallel import ProducerFailed, forked, share


def test_items_arrive_in_order_from_another_process():
    parent = os.getpid()

    def produce(worker, workers):
        for i in range(10_000):
            yield (i, os.getpid())

    items = list(forked(produce, flush=333))
    assert [i for i, _ in items] == list(range(10_000))
    pids = {pid for _, pid in items}
    assert len(pids) == 1 and parent not in pids


def test_units_from_several_workers_come_back_in_order():
    # unit u has u % 4 + 1 items; the last item of a unit is marked
    def produce(worker, workers):
        for u in share(range(101), worker, workers):
            n = u % 4 + 1
            for k in range(n):
                yield (u, k, k == n - 1, os.getpid())

    items = list(forked(produce, workers=3, last=lambda it: it[2], flush=7))
    assert [(u, k) for u, k, _, _ in items] == [(u, k) for u in range(101) for k in range(u % 4 + 1)]
    assert len({pid for *_, pid in items}) == 3


def test_share_splits_by_position_and_keeps_listing_errors_in_place():
    assert list(share("abcdefg", 1, 3)) == ["b", "e"]

    def listing():
        yield from "abc"
        raise ValueError("unreadable container")

    # the error stands at position 3: worker 1 of 2 owns it, worker 0 just stops there
    assert list(share(listing(), 0, 2)) == ["a", "c"]
    with pytest.raises(ValueError, match="unreadable"):
        list(share(listing(), 1, 2))


def test_sizes_decide_the_groups():
    def produce(worker, workers):
        yield from ([0] * n for n in (1, 5000, 2, 3))

    assert [len(x) for x in forked(produce, size=len, flush=100)] == [1, 5000, 2, 3]


def test_a_failing_producer_is_reported_with_its_traceback():
    def produce(worker, workers):
        yield 1
        raise ValueError("broken producer")

    it = forked(produce, flush=1)
    assert next(it) == 1
    with pytest.raises(ProducerFailed, match="broken producer"):
        next(it)


def test_a_failing_worker_is_reported_even_when_others_finish():
    def produce(worker, workers):
        if worker == 1:
            raise ValueError("worker one broke")
        yield 0

    with pytest.raises(ProducerFailed, match="worker one broke"):
        list(forked(produce, workers=2))


def test_a_producer_that_dies_is_reported():
    def produce(worker, workers):
        yield 1
        os._exit(3)

    with pytest.raises(ProducerFailed, match="exit code 3"):
        list(forked(produce, flush=1))


def test_stopping_early_stops_the_children():
    seen = []

    def produce(worker, workers):
        i = 0
        while True:  # endless: only the parent's stop ends it
            yield i
            i += 1

    it = forked(produce, workers=2, last=lambda _i: False, flush=10)
    for x in it:
        seen.append(x)
        if x == 50:
            break
    it.close()  # the generator's finally terminates and joins the children
    assert seen == list(range(51))
