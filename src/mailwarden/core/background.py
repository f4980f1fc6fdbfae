"""Work that runs on a thread of the console's process (the event loop never waits for it):
the feedback mails' sender, the campaign sender, the simulations' periodic work. One shape for
all of them: :meth:`Background.start`, :meth:`Background.stop` (sets the stop event, then waits
for the thread: the work checks the event between two steps) and :attr:`Background.running`."""

from __future__ import annotations

import threading
from typing import Self


class Background:
    """Subclasses implement :meth:`run`, which returns when ``self.stopping`` is set."""

    #: the thread's name, as ``ps -T`` and the logs show it
    name = "mailwarden-background"

    def __init__(self) -> None:
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self.run, name=self.name, daemon=True)

    def run(self) -> None:
        raise NotImplementedError

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self, timeout: float = 60.0) -> None:
        self.stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()
