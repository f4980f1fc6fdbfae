import gc

from mailwarden.core.gc import paused_gc


def test_the_collector_is_paused_inside_and_resumed_after_the_outermost_pause():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause ending does not resume it
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_program_stays_off():
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_long_run_hides_what_is_alive_collects_less_often_and_still_collects():
    import weakref

    from mailwarden.core.gc import YOUNG, tune_for_long_run

    class Node:
        pass

    before = Node()
    threshold = gc.get_threshold()
    try:
        tune_for_long_run()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (YOUNG, *threshold[1:])
        assert not any(o is before for o in gc.get_objects())  # out of the collector's sight
        cycle = Node()
        cycle.self = cycle  # type: ignore[attr-defined]
        gone = weakref.ref(cycle)
        del cycle
        gc.collect()
        assert gone() is None  # garbage made after the freeze is still collected
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
