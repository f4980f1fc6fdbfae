"""Work that makes many objects and frees few (a workbook's cells, their matches) runs with
the cyclic garbage collector paused: it would otherwise walk every object made so far, again
and again, for a fifth of the time. Reference counting still frees what is let go; the
collector resumes (and collects once, at its own pace) when the outermost pause ends.

Only the main thread pauses it: the collector is one for the whole process, and checks that
overlap in threads (the console, a gateway's screening threads) would keep it off for as
long as any of them runs. The CLI and the gateway's screening processes run checks in their
main thread."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    global _depth, _was_enabled
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
