"""Amazon SES events delivered by Amazon SNS: the SNS message signature, the pinned signing
certificate URL and topic, the subscription handshake.

Verification (in this order, nothing fetched before the pins hold):

1. the body is a JSON object with the signed fields of its ``Type`` (Notification,
   SubscriptionConfirmation, UnsubscribeConfirmation) — else 400;
2. ``TopicArn`` is one of ``hook_sns_topics`` — else 403;
3. ``SigningCertURL`` (and ``SubscribeURL``) is https on ``sns.<region>.amazonaws.com[.cn]``,
   no user, port or query, the certificate path ending ``.pem`` — else 403, without fetching;
4. ``Timestamp`` within max(hook_tolerance, 1 hour) of the arrival (SNS retries for up to an
   hour) — else 401;
5. the certificate (fetched through the DNS seam, ≤ 16 KB, cached by URL; concurrent first
   requests share one fetch) is valid now and its RSA key verifies ``Signature`` over the
   canonical string: SignatureVersion 1 = SHA1withRSA, 2 = SHA256withRSA — else 401.

Replays: SNS sends the same MessageId again when an answer fails, so a repeated MessageId is
not refused; the events' ids are derived from it and stored once.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from ...core.config import Settings
from ...core.dns import Resolver, nameservers_from
from ...core.https import FetchError, https_get
from ...core.i18n import gettext as _
from ..events import HookRequest, Parsed, Provider, Rejected
from .common import check_window, load_json, parse_time
from .ses_events import events_of

__all__ = ["SnsVerifier", "build", "pinned_host"]

_HOST = re.compile(r"^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$")
_SIGNED = {
    "Notification": ("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"),
    "SubscriptionConfirmation": (
        "Message",
        "MessageId",
        "SubscribeURL",
        "Timestamp",
        "Token",
        "TopicArn",
        "Type",
    ),
}
_SIGNED["UnsubscribeConfirmation"] = _SIGNED["SubscriptionConfirmation"]
_OPTIONAL = frozenset({"Subject"})
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {"1": hashes.SHA1, "2": hashes.SHA256}
MAX_BODY = 256 * 1024
MAX_CERT = 16 * 1024
CERT_CACHE = 64
#: SNS retries a failed delivery for up to an hour with the original Timestamp
SNS_WINDOW = 3600


def pinned_host(url: str, *, pem: bool) -> str:
    """The host of an SNS URL if it is https on an SNS host without user, port (or query and
    with a ``.pem`` path when ``pem``); "" otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    host = parts.hostname or ""
    if parts.scheme != "https" or "@" in parts.netloc or port is not None or parts.fragment:
        return ""
    if not _HOST.match(host) or parts.netloc != host:
        return ""
    if pem and (parts.query or not parts.path.endswith(".pem")):
        return ""
    return host


@dataclass(frozen=True, slots=True)
class _Cert:
    key: rsa.RSAPublicKey
    not_before: datetime
    not_after: datetime


class SnsVerifier:
    name = Provider.SES.value
    max_body = MAX_BODY

    def __init__(self, settings: Settings, topics: frozenset[str], resolver: Resolver | None = None) -> None:
        self.topics = topics
        self.window = max(settings.hook_tolerance, SNS_WINDOW)
        self.port = settings.sns_https_port
        self.ca_file = settings.ca_bundle
        self._nameservers = settings.nameservers
        self._resolver = resolver
        self._certs: OrderedDict[str, _Cert] = OrderedDict()
        self._fetching: dict[str, asyncio.Task[_Cert]] = {}
        self.fetches = 0  # certificates fetched (tests and the benchmark read it)

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            ns = nameservers_from([self._nameservers]) if self._nameservers else None
            self._resolver = Resolver(ns or None)
        return self._resolver

    async def verify(self, req: HookRequest) -> None:
        doc = load_json(req, self.max_body)
        if not isinstance(doc, dict):
            raise Rejected(400, _("SNS message is not a JSON object"))
        kind = doc.get("Type")
        signed = _SIGNED.get(kind) if isinstance(kind, str) else None
        if signed is None:
            raise Rejected(400, _("unknown SNS message type"))
        for key in (*signed, "Signature", "SigningCertURL", "SignatureVersion"):
            value = doc.get(key)
            if value is None and key in _OPTIONAL:
                continue
            if not isinstance(value, str):
                raise Rejected(400, _("SNS message without a signed field"))
        if doc["TopicArn"] not in self.topics:
            raise Rejected(403, _("SNS topic not allowed"))
        cert_url = doc["SigningCertURL"]
        if not pinned_host(cert_url, pem=True):
            raise Rejected(403, _("SNS certificate URL not pinned"))
        if kind == "SubscriptionConfirmation" and not pinned_host(doc["SubscribeURL"], pem=False):
            raise Rejected(403, _("SNS subscribe URL not pinned"))
        algorithm = _HASHES.get(doc["SignatureVersion"])
        if algorithm is None:
            raise Rejected(400, _("unsupported SNS signature version"))
        try:
            at = parse_time(doc["Timestamp"])
        except ValueError as exc:
            raise Rejected(400, _("SNS timestamp not readable")) from exc
        check_window(at, req.received, self.window)
        try:
            signature = base64.b64decode(doc["Signature"], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise Rejected(401, _("SNS signature not valid")) from exc
        cert = await self._cert(cert_url)
        now = req.received
        if not cert.not_before <= now <= cert.not_after:
            raise Rejected(401, _("SNS signing certificate not valid now"))
        try:
            cert.key.verify(signature, canonical(doc, signed), padding.PKCS1v15(), algorithm())
        except InvalidSignature as exc:
            raise Rejected(401, _("SNS signature not valid")) from exc

    def parse(self, req: HookRequest) -> Parsed:
        doc = load_json(req, self.max_body)
        parsed = Parsed()
        kind = doc.get("Type") if isinstance(doc, dict) else None
        if kind == "SubscriptionConfirmation":
            parsed.confirm_url = str(doc["SubscribeURL"])
        elif kind == "UnsubscribeConfirmation":
            parsed.ignored["unsubscribe-confirmation"] += 1
        elif kind == "Notification":
            events_of(doc.get("Message"), str(doc.get("MessageId", "")), parsed)
        else:
            parsed.ignored["unknown-type:sns"] += 1
        return parsed

    async def confirm(self, url: str) -> None:
        host = pinned_host(url, pem=False)
        if not host:
            raise Rejected(403, _("SNS subscribe URL not pinned"))
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            answer = await https_get(
                host, path, resolver=self.resolver, port=self.port, ca_file=self.ca_file, max_bytes=MAX_CERT
            )
        except FetchError as exc:
            raise Rejected(502, _("SNS subscription not confirmed: {reason}").format(reason=exc)) from exc
        if answer.status != 200:
            raise Rejected(
                502, _("SNS subscription not confirmed: HTTP {status}").format(status=answer.status)
            )

    async def _cert(self, url: str) -> _Cert:
        cert = self._certs.get(url)
        if cert is not None:
            return cert
        task = self._fetching.get(url)
        if task is None:
            task = asyncio.ensure_future(self._fetch(url))
            self._fetching[url] = task
            task.add_done_callback(lambda _t: self._fetching.pop(url, None))
        return await asyncio.shield(task)

    async def _fetch(self, url: str) -> _Cert:
        parts = urlsplit(url)
        self.fetches += 1
        try:
            answer = await https_get(
                parts.hostname or "",
                parts.path,
                resolver=self.resolver,
                port=self.port,
                ca_file=self.ca_file,
                max_bytes=MAX_CERT,
            )
        except FetchError as exc:
            raise Rejected(
                502, _("SNS signing certificate not fetched: {reason}").format(reason=exc)
            ) from exc
        if answer.status != 200:
            raise Rejected(
                502, _("SNS signing certificate not fetched: HTTP {status}").format(status=answer.status)
            )
        try:
            x = x509.load_pem_x509_certificate(answer.body)
            key = x.public_key()
        except (ValueError, x509.InvalidVersion) as exc:  # InvalidVersion is no ValueError
            raise Rejected(401, _("SNS signing certificate not readable")) from exc
        if not isinstance(key, rsa.RSAPublicKey):
            raise Rejected(401, _("SNS signing certificate not readable"))
        cert = _Cert(key, x.not_valid_before_utc, x.not_valid_after_utc)
        self._certs[url] = cert
        while len(self._certs) > CERT_CACHE:
            self._certs.popitem(last=False)
        return cert


def canonical(doc: dict[str, Any], signed: tuple[str, ...]) -> bytes:
    """The string SNS signs: "Key\\nValue\\n" for each signed key present, in order."""
    out = []
    for key in signed:
        value = doc.get(key)
        if value is not None:
            out.append(f"{key}\n{value}\n")
    return "".join(out).encode("utf-8")


def build(settings: Settings) -> SnsVerifier | None:
    topics = frozenset(t.strip() for t in settings.hook_sns_topics.split(",") if t.strip())
    return SnsVerifier(settings, topics) if topics else None
