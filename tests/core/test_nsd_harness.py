"""The tests' own NSD harness leaves nothing running: every process NSD forks ends with it,
whichever way the server was started (a leaked server answered on its port for the rest of the
run, and its directory was gone)."""

from __future__ import annotations

import os
import signal

import pytest

from tests.support.nsd import NsdServer, Zone

pytestmark = pytest.mark.dns


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("started_first", [False, True])
def test_nothing_of_nsd_outlives_the_server(started_first: bool) -> None:
    server = NsdServer([Zone("harness.test").add("a.harness.test.", "A", "127.0.0.1")])
    with server.start() if started_first else server as running:
        assert running is server and server.proc is not None
        pgid = server.proc.pid
        assert _group_alive(pgid)
        with pytest.raises(RuntimeError):
            server.start()  # a second NSD for the same server would leave the first unstopped
    assert not _group_alive(pgid)
    assert not server.dir.exists()


def test_a_server_whose_main_process_is_gone_still_leaves_nothing() -> None:
    server = NsdServer([Zone("harness.test").add("a.harness.test.", "A", "127.0.0.1")]).start()
    assert server.proc is not None
    pgid = server.proc.pid
    server.proc.send_signal(signal.SIGKILL)  # the main process only: its server and xfrd stay
    server.proc.wait()
    server.stop()
    assert not _group_alive(pgid)
