"""DKIM key records (RFC 6376 §3.6.1): probe selectors, parse keys, judge their strength."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key

from ..core.dns import Resolver, Status
from ..core.errors import InputError
from ..core.i18n import gettext
from ..core.txt import fetch_txt_many
from .model import CheckResult

#: Selectors used by common senders. Google Workspace: google; Microsoft 365: selector1/2;
#: SendGrid: s1/s2, smtpapi; Mailchimp: k1–k3; Mandrill: mandrill; Postmark: pm;
#: Resend: resend; Mailgun: mailo, mg, krs, smtp; Zendesk: zendesk1/2; Amazon SES (own
#: domain identities publish random tokens, so only custom selectors can be guessed).
COMMON_SELECTORS = (
    "google",
    "selector1",
    "selector2",
    "s1",
    "s2",
    "smtpapi",
    "k1",
    "k2",
    "k3",
    "mandrill",
    "pm",
    "resend",
    "mailo",
    "mg",
    "krs",
    "smtp",
    "zendesk1",
    "zendesk2",
    "default",
    "dkim",
    "mail",
    "amazonses",
    "ses",
    "sig1",
    "key1",
    "dk",
    "everlytickey1",
    "hubspot",
    "hs1",
    "hs2",
    "sf1",
    "sf2",
    "mxvault",
    "fm1",
    "fm2",
    "fm3",
    "protonmail",
    "protonmail2",
    "protonmail3",
    "bl",
    "blastengine",
)

# DER prefix that turns a PKCS#1 RSAPublicKey into a SubjectPublicKeyInfo is length-
# dependent, so we try SPKI first and fall back to wrapping.
_RSA_OID_SEQ = bytes.fromhex("300d06092a864886f70d0101010500")


class DkimKeyError(InputError):
    pass


@dataclass
class DkimKey:
    selector: str
    record: str
    algorithm: str  # rsa | ed25519
    bits: int
    testing: bool
    revoked: bool
    hashes: list[str]
    public_key: bytes = b""  # p= decoded, as published

    @property
    def key_sha256(self) -> str:
        """SHA-256 of the published key (hex): the same key under another selector or domain
        has the same value; "" when revoked."""
        return hashlib.sha256(self.public_key).hexdigest() if self.public_key else ""


def _der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def rsa_bits(der: bytes) -> int:
    try:
        key = load_der_public_key(der)
    except ValueError:
        bitstring = b"\x03" + _der_len(len(der) + 1) + b"\x00" + der
        body = _RSA_OID_SEQ + bitstring
        key = load_der_public_key(b"\x30" + _der_len(len(body)) + body)
    if not isinstance(key, rsa.RSAPublicKey):
        raise DkimKeyError(gettext("p= is not an RSA public key"))
    return int(key.key_size)


def parse_key_record(selector: str, text: str) -> DkimKey:
    tags: dict[str, str] = {}
    for part in text.split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            tags[k.strip().lower()] = "".join(v.split())
    if "v" in tags and tags["v"] != "DKIM1":
        raise DkimKeyError(gettext("v={value} (must be DKIM1)").format(value=tags["v"]))
    if "p" not in tags:
        raise DkimKeyError(gettext("no p= tag"))
    alg = tags.get("k", "rsa").lower()
    flags = tags.get("t", "").split(":")
    hashes = [h for h in tags.get("h", "").split(":") if h]
    if tags["p"] == "":
        return DkimKey(selector, text, alg, 0, "y" in flags, True, hashes)
    try:
        der = base64.b64decode(tags["p"], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise DkimKeyError(gettext("p= is not valid base64")) from exc
    if alg == "ed25519":
        if len(der) != 32:
            raise DkimKeyError(gettext("ed25519 key is {value} bytes, not 32").format(value=len(der)))
        bits = 256
    elif alg == "rsa":
        try:
            bits = rsa_bits(der)
        except ValueError as exc:
            raise DkimKeyError(gettext("p= is not a valid RSA public key")) from exc
    else:
        raise DkimKeyError(gettext("unknown key type k={alg}").format(alg=alg))
    return DkimKey(selector, text, alg, bits, "y" in flags, False, hashes, der)


def _is_key(text: str) -> bool:
    return "p=" in text.replace(" ", "")


async def _probe_all(
    domain: str, selectors: list[str], resolver: Resolver
) -> list[tuple[str, Status, str | None]]:
    """Every selector asked at once (one burst), each with its status and key record."""
    answers = await fetch_txt_many(resolver, [f"{s}._domainkey.{domain}" for s in selectors], _is_key)
    return [
        (s, ans.status, ans.records[0] if ans.ok and ans.records else None)
        for s, ans in zip(selectors, answers, strict=True)
    ]


async def audit_dkim(
    domain: str, *, resolver: Resolver, selectors: list[str] | None = None, probe_common: bool = True
) -> CheckResult:
    res = CheckResult("dkim")
    wanted = list(dict.fromkeys([*(selectors or []), *(COMMON_SELECTORS if probe_common else ())]))
    zone = await resolver.query(f"_domainkey.{domain}", "TXT")
    res.data["selectors_tried"] = 0
    if zone.temporary:
        return res.undetermined("dkim.undetermined", domain, selector="_domainkey", reason=zone.reason)
    if zone.status is Status.NXDOMAIN and not selectors:
        # RFC 8020: NXDOMAIN means nothing exists below it, so no selector can.
        res.status = "absent"
        res.add("dkim.no-domainkey-zone", domain)
        return res
    results = await _probe_all(domain, wanted, resolver)
    res.data["selectors_tried"] = len(wanted)
    found: list[dict[str, object]] = []
    failed = [(sel, st) for sel, st, _ in results if st.temporary]
    if failed:
        # One finding, not one per selector: a flaky server would otherwise drown the report.
        shown = ", ".join(sel for sel, _ in failed[:3]) + (
            f" (+{len(failed) - 3})" if len(failed) > 3 else ""
        )
        res.add("dkim.undetermined", domain, selector=shown, reason=str(failed[0][1]))
    for selector, status, text in results:
        if status.temporary:
            continue
        if text is None:
            continue
        try:
            key = parse_key_record(selector, text)
        except DkimKeyError as exc:
            res.add("dkim.bad-key", domain, selector=selector, reason=str(exc), evidence=text[:200])
            continue
        found.append(
            {
                "selector": selector,
                "algorithm": key.algorithm,
                "bits": key.bits,
                "testing": key.testing,
                "revoked": key.revoked,
                "key_sha256": key.key_sha256,
            }
        )
        if key.revoked:
            res.add("dkim.revoked", domain, selector=selector)
            continue
        if key.algorithm == "rsa" and key.bits < 1024:
            res.add("dkim.key-too-short", domain, selector=selector, bits=key.bits)
        elif key.algorithm == "rsa" and key.bits < 2048:
            res.add("dkim.key-weak", domain, selector=selector, bits=key.bits)
        else:
            res.add("dkim.ok", domain, selector=selector, algorithm=key.algorithm, bits=key.bits)
        if key.testing:
            res.add("dkim.testing", domain, selector=selector)
        if key.hashes and "sha256" not in key.hashes:
            res.add("dkim.sha1-only", domain, selector=selector)
    res.data["keys"] = found
    live = [k for k in found if not k["revoked"]]
    if live:
        res.status = "present"
    elif any(f.code == "dkim.undetermined" for f in res.findings) and not found:
        res.status = "undetermined"
    else:
        res.status = "absent"
        if not found:
            res.add("dkim.none-found", domain, count=len(wanted))
    return res
