"""``check_message``: one outgoing message in, a :class:`SenderReport` out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...analyze.engine import analyze_online
from ...analyze.rules import Rules, load_rules
from ...core.dns import Resolver
from ...core.errors import InputError
from ...core.i18n import gettext
from ...core.message import parse_message
from .checks_auth import check_auth
from .checks_content import check_content
from .checks_headers import check_headers
from .checks_network import check_network, check_tls
from .grade import grade
from .report import SenderReport
from .unsubscribe import check_unsubscribe as unsubscribe_checks

#: larger messages are refused, not graded (receivers refuse over 25 MB anyway)
MAX_MESSAGE = 40 * 1024 * 1024


class MessageTooLarge(InputError):
    pass


async def check_message(
    raw: bytes,
    *,
    resolver: Resolver,
    client_ip: str | None = None,
    helo: str = "",
    mail_from: str | None = None,
    tls: dict[str, Any] | None = None,
    rules: Rules | None = None,
    check_unsubscribe: bool = False,
    ca_file: Path | str | None = None,
    settings: Any = None,
) -> SenderReport:
    """Grade ``raw`` as the large receivers would see it arrive from ``client_ip`` (after
    ``HELO helo`` and ``MAIL FROM:<mail_from>``; ``tls`` as the test inbox saw the session, None
    when unknown). Authentication is verified through ``resolver``; the unsubscribe URL is
    posted to only with ``check_unsubscribe``. Raises :class:`MessageTooLarge` over 40 MB; any
    other input gives a report (garbage fails its checks)."""
    if len(raw) > MAX_MESSAGE:
        raise MessageTooLarge(
            gettext("message of {size} bytes: over the {limit} bytes the sender check reads").format(
                size=len(raw), limit=MAX_MESSAGE
            )
        )
    if ca_file is None and settings is not None:
        ca_file = getattr(settings, "ca_bundle", None)
    rules = rules or load_rules()
    msg = parse_message(raw)
    verdict = await analyze_online(
        msg, rules, resolver=resolver, client_ip=client_ip, mail_from=mail_from, helo=helo
    )
    sender = msg.sender
    report = SenderReport(
        sender=sender.address if sender else "",
        subject=msg.subject[:500],
        size=len(raw),
        message_id=msg.message_id.strip()[:300],
        client_ip=client_ip,
        helo=helo[:255],
        mail_from=mail_from,
        tls=tls,
    )
    results = list(verdict.authentication.get("results") or [])
    sigs = await check_auth(report, msg, results, resolver=resolver, client_ip=client_ip)
    await unsubscribe_checks(report, msg, sigs, resolver=resolver, try_url=check_unsubscribe, ca_file=ca_file)
    check_headers(report, msg)
    check_content(report, msg, verdict, rules, len(raw))
    check_tls(report, tls)
    await check_network(report, client_ip, resolver=resolver)
    return grade(report)
