"""SMTP AUTH toward the MTA: only on an encrypted session (or, when allowed, from loopback),
never offered without an account, and failed attempts throttled per client address and per
user name, so the account cannot be guessed at."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from ..core.errors import ConfigError
from ..core.i18n import gettext
from ..core.throttle import Throttle
from .config import GatewayConfig

log = logging.getLogger("mailwarden.gateway")
AUTH_WINDOW = 15 * 60.0  # seconds


def _loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class SmtpAuth:
    """aiosmtpd's ``authenticator``: checks the one account the gateway knows."""

    def __init__(self, config: GatewayConfig) -> None:
        if config.auth is not None and config.tls_context is None and not config.auth_plain_loopback:
            raise ConfigError(
                gettext("AUTH needs STARTTLS: give a certificate, or allow plaintext AUTH from loopback")
            )
        self.config = config
        self.by_client = Throttle(config.auth_failures_per_client, AUTH_WINDOW)
        self.by_user = Throttle(config.auth_failures_per_user, AUTH_WINDOW)

    def __call__(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        peer = session.peer[0] if isinstance(session.peer, tuple) else str(session.peer)
        if not session.ssl and not (self.config.auth_plain_loopback and _loopback(peer)):
            return AuthResult(success=False, handled=False, message="538 5.7.11 Encryption required")
        login = data.login.decode("utf-8", "replace")[:200] if isinstance(data, LoginPassword) else ""
        if self.by_client.wait(peer) or self.by_user.wait(login):
            log.warning("AUTH from %s as %r refused: too many failures", peer, login)
            return AuthResult(
                success=False, handled=False, message="454 4.7.0 Too many failed attempts, try later"
            )
        ok = (
            self.config.auth is not None
            and isinstance(data, LoginPassword)
            and hmac.compare_digest(data.login, self.config.auth[0].encode())
            and hmac.compare_digest(data.password, self.config.auth[1].encode())
        )
        if ok:
            self.by_client.succeeded(peer)
            self.by_user.succeeded(login)
        else:
            self.by_client.failed(peer)
            self.by_user.failed(login)
            log.warning("AUTH from %s as %r failed", peer, login)
        return AuthResult(success=ok, handled=False)
