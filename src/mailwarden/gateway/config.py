"""The gateway's settings: where it listens, where it relays, its limits and its SMTP AUTH."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from pathlib import Path

from ..dlp.policy import Policy
from .queue import NoticeSettings
from .relay import RelayTarget


@dataclass
class GatewayConfig:
    spool_dir: Path
    relay: RelayTarget
    policy: Policy
    host: str = "127.0.0.1"
    port: int = 10025
    hostname: str = "mailwarden.localhost"
    max_message: int = 100 << 20
    max_recipients: int = 1000
    max_spool: int = 2 << 30
    min_free: int = 64 << 20
    relay_workers: int = 4
    retry_base: float = 2.0
    retry_max: float = 600.0
    max_age: float = 5 * 86400.0
    scan_timeout: float = 60.0
    #: screen in this many worker processes (the other cores); 0: threads in this process
    scan_processes: int = 0
    poll: float = 0.5
    tls_context: ssl.SSLContext | None = None
    require_tls: bool = False
    #: (user, password) the MTA must present, from the environment
    auth: tuple[str, str] | None = None
    #: AUTH without TLS, from loopback clients only (an MTA on the same host); off by default
    auth_plain_loopback: bool = False
    #: failed AUTH attempts allowed per client address and per user name in AUTH_WINDOW
    auth_failures_per_client: int = 10
    auth_failures_per_user: int = 5
    notice: NoticeSettings = field(default_factory=NoticeSettings)
    #: this gateway's name among several sharing one store (``--instance``; the host name)
    instance: str = ""
    #: queues shared through the store: held and delayed messages indexed there, decisions
    #: asked there carried out here (docs/operations.md, "Several gateways")
    shared: bool = False
    #: the stored policy's version in force; ``None``: a local policy file, never reloaded
    policy_version: int | None = None
    #: how often decisions asked in the store are looked for, and the stored policy's version
    shared_poll: float = 1.0
    policy_poll: float = 5.0
