"""Failed attempts counted per key (a client address, an account) in a sliding window: after
``limit`` failures within ``window`` seconds the key waits until the oldest one ages out."""

from __future__ import annotations

import time
from collections import deque
from threading import Lock


class Throttle:
    def __init__(self, limit: int, window: float, *, max_keys: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self._failures: dict[str, deque[float]] = {}
        self._lock = Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures.get(key)
        if q is None:
            return deque()
        while q and now - q[0] > self.window:
            q.popleft()
        if not q:
            del self._failures[key]
        return q

    def wait(self, key: str, now: float | None = None) -> float:
        """Seconds until ``key`` may try again (0: now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            q = self._recent(key, now)
            return max(0.0, q[0] + self.window - now) if len(q) >= self.limit else 0.0

    def failed(self, key: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            if key not in self._failures and len(self._failures) >= self.max_keys:
                # an attacker spraying addresses must not grow this without bound: drop the stalest
                self._failures.pop(next(iter(self._failures)))
            q = self._failures.setdefault(key, deque())
            q.append(now)
            while len(q) > self.limit:
                q.popleft()

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
