"""AWS sending credentials: what an access key id says, and the Amazon SES SMTP password a
secret access key makes (issue 19).

- An access key id (``AKIA…`` long-term, ``ASIA…`` temporary) carries the account it belongs
  to: base32 after the four-letter prefix, the account number in bits 1–40 of the first six
  bytes (keys made since 2019; older keys decode to a number that is not their account).
- An SES SMTP password (version 4) is derived from a secret access key and a Region by
  AWS's documented HMAC-SHA256 chain — "AWS4"+secret over the fixed date 11111111, the Region,
  "ses", "aws4_request" and "SendRawEmail" — with a version byte 0x04 in front, in base64:
  44 characters beginning with "B". A password found in a scan is *linked* to a secret key
  found anywhere in the same scan by deriving it for every Region."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from collections.abc import Iterable

#: Regions a key may be derived for (a Region without an SES SMTP endpoint never matches)
SES_REGIONS = (
    "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    "af-south-1", "ap-east-1", "ap-south-1", "ap-south-2",
    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
    "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ca-central-1", "ca-west-1",
    "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
    "eu-south-1", "eu-south-2", "eu-north-1",
    "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
    "us-gov-west-1", "us-gov-east-1",
)  # fmt: skip
KEY_ID = re.compile(r"^(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z2-7]{16}$")
SECRET = re.compile(r"^[A-Za-z0-9/+]{40}$")
SMTP_PASSWORD = re.compile(r"^B[A-Za-z0-9/+]{43}$")
_DATE, _SERVICE, _TERMINAL, _MESSAGE, _VERSION = "11111111", "ses", "aws4_request", "SendRawEmail", 0x04


def account_id(key_id: str) -> str | None:
    """The 12-digit account an access key id belongs to, or None for what is not a key id."""
    if not KEY_ID.match(key_id):
        return None
    try:
        raw = base64.b32decode(key_id[4:])
    except binascii.Error:
        return None
    return f"{(int.from_bytes(raw[:6], 'big') & 0x7FFFFFFFFF80) >> 7:012d}"


def _sign(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def smtp_password(secret: str, region: str) -> str:
    """The SES SMTP password (version 4) ``secret`` makes in ``region``."""
    signature = _sign(("AWS4" + secret).encode("utf-8"), _DATE)
    for part in (region, _SERVICE, _TERMINAL, _MESSAGE):
        signature = _sign(signature, part)
    return base64.b64encode(bytes([_VERSION]) + signature).decode("ascii")


def link(
    password: str, secrets: Iterable[str], regions: Iterable[str] = SES_REGIONS
) -> tuple[str, str] | None:
    """(secret, Region) among ``secrets`` whose SMTP password ``password`` is, or None."""
    if not SMTP_PASSWORD.match(password):
        return None
    wanted = password.encode("ascii")
    for secret in secrets:
        for region in regions:
            if hmac.compare_digest(smtp_password(secret, region).encode("ascii"), wanted):
                return secret, region
    return None
