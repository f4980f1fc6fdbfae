from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mailwarden.core.store import Store
from mailwarden.dlp.policy import parse_policy
from mailwarden.gateway.config import GatewayConfig
from mailwarden.gateway.queue import NoticeSettings
from mailwarden.gateway.relay import RelayTarget
from mailwarden.gateway.server import Gateway
from tests.support.smtpsink import GatewayThread, SinkServer

POLICY = """
internal_domains: [example.co.jp]
approvers: [approver@example.co.jp]
admins: [security@example.co.jp]
keywords: [{id: confidential, words: [社外秘, Confidential]}]
rules:
  - id: block-my-number
    when: {detector: jp.my-number}
    action: block
    reason: My Number may not leave the company
  - id: hold-cards
    when: {detector: credit-card, recipients: external}
    action: hold
    reason: card numbers to outside need approval
  - id: delay-external
    when: {recipients: external}
    action: delay
    minutes: 5
  - id: tag-confidential
    when: {keyword: confidential}
    action: tag_subject
    tag: "[社外秘]"
  - id: bcc-many
    when: {external_recipients_over: 3}
    action: force_bcc
"""


@pytest.fixture
def sink() -> Iterator[SinkServer]:
    server = SinkServer().start()
    yield server
    server.stop()


@pytest.fixture
def start_gateway(tmp_path: Path, sink: SinkServer) -> Iterator[Callable[..., GatewayThread]]:
    started: list[GatewayThread] = []

    def start(policy: str = POLICY, store: Store | None = None, **options: Any) -> GatewayThread:
        config = GatewayConfig(
            spool_dir=options.pop("spool_dir", tmp_path / "spool"),
            relay=RelayTarget("127.0.0.1", sink.port, timeout=5),
            policy=parse_policy(policy, "test"),
            port=0,
            retry_base=options.pop("retry_base", 0.2),
            poll=0.05,
            notice=NoticeSettings(
                sender_address="dlp@example.co.jp", console_url="http://console.test", secret="s"
            ),
            **options,
        )
        gw = GatewayThread(Gateway(config, store)).start()
        started.append(gw)
        return gw

    yield start
    for gw in started:
        gw.stop()
