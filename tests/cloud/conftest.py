"""The AWS peer of the cloud tests: moto in server mode on loopback (``ThreadedMotoServer``),
reached by the real boto3 client over HTTP. One server per test session; every test starts from
an empty account (``/moto-api/reset``).

moto lacks a few calls (SESv2 ``GetAccount``; the root row of the credential report): for those
only, :func:`stub_operation` answers one operation of one client with a canned response, as
botocore's Stubber does, validated against the operation's output shape."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

REGION = "ap-northeast-1"
ACCOUNT = "123456789012"  # moto's default account


@dataclass
class MotoAccount:
    endpoint: str

    def client(self, service: str, region: str = REGION) -> Any:
        import boto3

        return boto3.client(service, region_name=region, endpoint_url=self.endpoint)

    def backend(self, service: str, region: str = "global") -> Any:
        """moto's in-process state for ``service`` (the server runs in this process): used only
        to arrange what the API cannot, such as a key created 200 days ago."""
        from moto.backends import get_backend

        return get_backend(service)[ACCOUNT][region]  # type: ignore[call-overload]

    def context(self, regions: list[str] | None = None, now: datetime | None = None) -> Any:
        from mailwarden.cloud.session import open_context

        ctx = open_context(regions=regions or [REGION], endpoint_url=self.endpoint)
        if now is not None:
            ctx.now = now
        return ctx


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws(moto_server: str, monkeypatch: pytest.MonkeyPatch) -> MotoAccount:
    """An empty moto account and credentials for it in the environment (never a real one)."""
    httpx.post(f"{moto_server}/moto-api/reset", timeout=30).raise_for_status()
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    return MotoAccount(moto_server)


def stub_operation(
    client: Any, operation: str, response: dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]]
) -> None:
    """Answers ``operation`` (``GetAccount``) of ``client`` with ``response`` (or what
    ``response(params)`` returns) instead of calling the server; every other operation still
    goes to moto. The response is checked against the operation's output shape, as botocore's
    Stubber does."""
    from botocore.stub import Stubber

    model = client.meta.service_model.operation_model(operation)
    validator = Stubber(client)

    def answer(params: dict[str, Any], **_: Any) -> tuple[Any, dict[str, Any]]:
        body = response(params) if callable(response) else response
        validator._validate_operation_response(model.name, body)  # the shape botocore expects
        http = type("Http", (), {"status_code": 200, "headers": {}})()
        return http, {**body, "ResponseMetadata": {"HTTPStatusCode": 200}}

    client.meta.events.register(f"before-call.{client.meta.service_model.service_name}.{operation}", answer)


def aws_time(days_ago: float, now: datetime | None = None) -> datetime:
    from datetime import timedelta

    return (now or datetime.now(UTC)) - timedelta(days=days_ago)
