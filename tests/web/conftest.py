from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _any_host(monkeypatch):
    """Starlette's test client calls itself "testserver": the console tests accept any Host;
    test_trusted_hosts checks the setting itself."""
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")
