"""The gateway's fixtures (a sink and a gateway on a thread) for the operations tests."""

from tests.gateway.conftest import sink, start_gateway  # noqa: F401
