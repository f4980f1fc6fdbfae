"""S/MIME material: certificates in files (PEM, DER, PKCS#7/CMS, gpgsm's keybox) and in signed
messages, and the recipients of encrypted messages with their key-transport, key-agreement or
KEM algorithm (CMS EnvelopedData and AuthEnvelopedData, RFC 5652 §6 and RFC 5083; ML-KEM
recipients as KEMRecipientInfo, RFC 9629 and RFC 9936).

A certificate is one asset however many times it is met (the places are in
``details["seen_in"]``); so is a recipient (``details["message"]`` is the first message
encrypted to it, ``details["messages"]`` how many). CMS is read with a bounded BER reader —
mail clients write indefinite lengths — and certificates with ``cryptography``. A corrupt
PKCS#7 or a message that cannot be read is an asset with ``error`` set; nothing here raises."""

from __future__ import annotations

import base64
import binascii
import hashlib
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import ObjectIdentifier

from .assets import Asset, AssetKind, Usage
from .mailfiles import MAX_BYTES, is_keybox, is_message, keybox_blobs, parts, walk
from .x509info import EXTENSION_ERRORS, PQ_OIDS, cert_asset

__all__ = ["CmsError", "Recipient", "parse_recipients", "smime_assets"]

MAX_CERTS = 10_000
MAX_RECIPIENTS = 1_000  # in one message
MAX_SEEN = 20
MAX_NESTING = 4  # S/MIME inside S/MIME: opaque signed or compressed data carrying a message
_BER_DEPTH = 32
_BER_ELEMENTS = 100_000

_CT_DATA = "1.2.840.113549.1.7.1"
_CT_SIGNED = "1.2.840.113549.1.7.2"
_CT_ENVELOPED = "1.2.840.113549.1.7.3"
_CT_AUTH_ENVELOPED = "1.2.840.113549.1.9.16.1.23"  # RFC 5083 (AES-GCM S/MIME 4.0)
_CT_COMPRESSED = "1.2.840.113549.1.9.16.1.9"  # RFC 3274
_ORI_KEM = "1.2.840.113549.1.9.16.13.3"  # id-ori-kem, RFC 9629 §3
_EC_PUBLIC_KEY = "1.2.840.10045.2.1"

_PKCS7_TYPES = {"application/pkcs7-signature", "application/x-pkcs7-signature",
                "application/pkcs7-mime", "application/x-pkcs7-mime"}  # fmt: skip
_CERT_TYPES = {"application/pkix-cert", "application/x-x509-ca-cert", "application/x-x509-user-cert"}
_PKCS7_SUFFIXES = (".p7s", ".p7m", ".p7c", ".p7b", ".p7z")
_CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")

#: key-encryption algorithms of the RecipientInfos
_KEY_ALGS = {
    "1.2.840.113549.1.1.1": "RSA",  # rsaEncryption: PKCS#1 v1.5 key transport (RFC 3370 §4.2.1)
    "1.2.840.113549.1.1.7": "RSA",  # RSAES-OAEP (RFC 3560)
    # ECDH key agreement (RFC 5753 §7.1.4, RFC 8418 for X25519/X448): the KDF's OID
    "1.3.133.16.840.63.0.2": "ECDH",
    "1.3.133.16.840.63.0.3": "ECDH",
    **{f"1.3.132.1.{a}.{b}": "ECDH" for a in (11, 14, 15) for b in range(4)},
    "1.3.101.110": "X25519",
    "1.3.101.111": "X448",
    "1.2.840.113549.1.9.16.3.5": "DH",  # id-alg-ESDH
    **PQ_OIDS,
}
_KEY_WRAP = {
    "2.16.840.1.101.3.4.1.5": "aes128-wrap",
    "2.16.840.1.101.3.4.1.25": "aes192-wrap",
    "2.16.840.1.101.3.4.1.45": "aes256-wrap",
    "1.2.840.113549.1.9.16.3.6": "des-ede3-wrap",
}
_CONTENT_ALGS = {
    "2.16.840.1.101.3.4.1.2": "aes128-cbc",
    "2.16.840.1.101.3.4.1.22": "aes192-cbc",
    "2.16.840.1.101.3.4.1.42": "aes256-cbc",
    "2.16.840.1.101.3.4.1.6": "aes128-gcm",
    "2.16.840.1.101.3.4.1.26": "aes192-gcm",
    "2.16.840.1.101.3.4.1.46": "aes256-gcm",
    "1.2.840.113549.3.7": "des-ede3-cbc",
    "1.2.840.113549.3.2": "rc2-cbc",
    "1.3.14.3.2.7": "des-cbc",
}
#: the length of an uncompressed EC point → its curve (RFC 5753 leaves the originator's
#: parameters absent: the recipient's certificate has them)
_POINT_CURVES = {65: "secp256r1", 97: "secp384r1", 133: "secp521r1"}
_KIND_NAMES = {0xA2: "kek", 0xA3: "password"}


class CmsError(ValueError):
    """CMS data that is not what RFC 5652 says (truncated, wrong tags, too deep)."""


# --- a bounded BER reader (DER is BER; indefinite lengths are allowed for constructed types)


def _tlv(data: bytes, pos: int, end: int, depth: int = 0) -> tuple[int, int, int, int]:
    """(tag, start of the value, end of the value, position after the element) at ``pos``."""
    if pos + 2 > end:
        raise CmsError("truncated")
    tag, n = data[pos], data[pos + 1]
    if tag & 0x1F == 0x1F:
        raise CmsError("unexpected tag")  # CMS uses no tag numbers above 30
    pos += 2
    if n == 0x80:  # indefinite: up to the end-of-contents octets (X.690 §8.1.3.6)
        if not tag & 0x20 or depth > _BER_DEPTH:
            raise CmsError("bad indefinite length")
        p = pos
        while True:
            if p + 2 > end:
                raise CmsError("truncated")
            if data[p] == 0 and data[p + 1] == 0:
                return tag, pos, p, p + 2
            p = _tlv(data, p, end, depth + 1)[3]
    if n & 0x80:
        k = n & 0x7F
        if k > 4 or pos + k > end:
            raise CmsError("bad length")
        n = int.from_bytes(data[pos : pos + k], "big")
        pos += k
    if pos + n > end:
        raise CmsError("truncated")
    return tag, pos, pos + n, pos + n


_Elem = tuple[int, int, int]  # tag, start and end of the value


def _children(data: bytes, start: int, end: int, limit: int = 50) -> list[_Elem]:
    out: list[_Elem] = []
    pos = start
    while pos < end:
        if len(out) >= limit:
            raise CmsError("too many elements")
        tag, s, e, pos = _tlv(data, pos, end)
        out.append((tag, s, e))
    return out


def _oid(data: bytes, elem: _Elem) -> str:
    tag, s, e = elem
    if tag != 0x06 or s == e or e - s > 64:
        raise CmsError("bad OID")
    raw = data[s:e]
    arcs = [raw[0] // 40, raw[0] % 40] if raw[0] < 80 else [2, raw[0] - 80]
    value = 0
    for b in raw[1:]:
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            arcs.append(value)
            value = 0
    return ".".join(map(str, arcs))


def _algorithm(data: bytes, elem: _Elem) -> tuple[str, list[_Elem]]:
    """An AlgorithmIdentifier: (OID, the parameters' elements)."""
    if elem[0] != 0x30:
        raise CmsError("not an AlgorithmIdentifier")
    kids = _children(data, elem[1], elem[2], 4)
    if not kids:
        raise CmsError("empty AlgorithmIdentifier")
    return _oid(data, kids[0]), kids[1:]


def _octets(data: bytes, elem: _Elem, limit: int) -> bytes:
    """An OCTET STRING's content, joined when BER splits it into pieces."""
    tag, s, e = elem
    if tag == 0x04:
        return data[s:e]
    if tag != 0x24:
        raise CmsError("not an OCTET STRING")
    out = bytearray()
    for piece in _children(data, s, e, _BER_ELEMENTS):
        out += _octets(data, piece, limit - len(out))
        if len(out) > limit:
            raise CmsError("content too large")
    return bytes(out)


def _content_info(der: bytes) -> tuple[str, _Elem]:
    """A ContentInfo (RFC 5652 §3): (content type, the [0] EXPLICIT content's inner element)."""
    tag, s, e, _next = _tlv(der, 0, len(der))
    if tag != 0x30:
        raise CmsError("not a ContentInfo")
    kids = _children(der, s, e, 3)
    ctype = _oid(der, kids[0]) if kids else ""
    if len(kids) < 2 or kids[1][0] != 0xA0:
        raise CmsError("no content")
    inner = _children(der, kids[1][1], kids[1][2], 1)
    if not inner:
        raise CmsError("empty content")
    return ctype, inner[0]


# --- names and recipients


def _name(der: bytes, elem: _Elem) -> str:
    """An X.501 Name as RFC 4514 text, the same as ``x509.Name.rfc4514_string()`` gives."""
    rdns: list[x509.RelativeDistinguishedName] = []
    try:
        for rdn in _children(der, elem[1], elem[2], 30):
            attrs = []
            for atv in _children(der, rdn[1], rdn[2], 10):
                oid_elem, (tag, s, e) = _children(der, atv[1], atv[2], 2)
                text = der[s:e].decode("utf-16-be" if tag == 0x1E else "utf-8", "replace")
                attrs.append(x509.NameAttribute(ObjectIdentifier(_oid(der, oid_elem)), text))
            if attrs:
                rdns.append(x509.RelativeDistinguishedName(attrs))
        return x509.Name(rdns).rfc4514_string()[:500]
    except (ValueError, TypeError):  # an attribute cryptography will not hold as text
        return "?"


@dataclass
class Recipient:
    """One RecipientInfo (RFC 5652 §6.2)."""

    kind: str  # key-transport | key-agreement | kem | kek | password | other
    oid: str  # the key-encryption (or KEM) algorithm
    issuer: str = ""  # issuer and serial number of the recipient's certificate…
    serial: str = ""
    key_id: str = ""  # …or its subject key identifier
    key_size: int | None = None  # RSA: the encrypted key is as long as the modulus
    curve: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def algorithm(self) -> str:
        if self.oid in _KEY_ALGS:
            return _KEY_ALGS[self.oid]
        return f"unknown ({self.oid})" if self.oid else "unknown"

    @property
    def name(self) -> str:
        if self.serial:
            return f"{self.issuer} #{self.serial}"
        return f"keyid {self.key_id}" if self.key_id else self.kind


def _rid(der: bytes, elem: _Elem, r: Recipient) -> None:
    """RecipientIdentifier: IssuerAndSerialNumber, or [0] SubjectKeyIdentifier."""
    tag, s, e = elem
    if tag == 0x30:
        issuer, serial = _children(der, s, e, 2)
        r.issuer = _name(der, issuer)
        r.serial = format(int.from_bytes(der[serial[1] : serial[2]], "big"), "x")
    elif tag in (0x80, 0xA0):
        r.key_id = der[s:e].hex()


def _ktri(der: bytes, kids: list[_Elem]) -> list[Recipient]:
    # KeyTransRecipientInfo: version, rid, keyEncryptionAlgorithm, encryptedKey
    if len(kids) < 4:
        raise CmsError("short KeyTransRecipientInfo")
    r = Recipient("key-transport", _algorithm(der, kids[2])[0])
    _rid(der, kids[1], r)
    if r.algorithm == "RSA" and kids[3][0] == 0x04:
        r.key_size = (kids[3][2] - kids[3][1]) * 8
    return [r]


_CURVE_OIDS = {
    "1.2.840.10045.3.1.7": "secp256r1",
    "1.3.132.0.34": "secp384r1",
    "1.3.132.0.35": "secp521r1",
    "1.3.36.3.3.2.8.1.1.7": "brainpoolP256r1",
    "1.3.36.3.3.2.8.1.1.11": "brainpoolP384r1",
    "1.3.36.3.3.2.8.1.1.13": "brainpoolP512r1",
}


def _kari(der: bytes, kids: list[_Elem]) -> list[Recipient]:
    # KeyAgreeRecipientInfo: version, originator [0], ukm [1] OPTIONAL, keyEncryptionAlgorithm,
    # recipientEncryptedKeys — one RecipientEncryptedKey per recipient sharing the originator key
    rest = [k for k in kids[1:] if k[0] not in (0xA0, 0xA1)]
    if len(rest) < 2:
        raise CmsError("short KeyAgreeRecipientInfo")
    oid, params = _algorithm(der, rest[0])
    wrap = _KEY_WRAP.get(_algorithm(der, params[0])[0], "") if params and params[0][0] == 0x30 else ""
    curve = ""
    originator = next((k for k in kids if k[0] == 0xA0), None)
    if originator is not None:
        for choice in _children(der, originator[1], originator[2], 2):
            if choice[0] == 0xA1:  # originatorKey: algorithm, publicKey BIT STRING
                alg, key = _children(der, choice[1], choice[2], 2)
                alg_oid, alg_params = _algorithm(der, alg)
                if alg_oid == _EC_PUBLIC_KEY and alg_params and alg_params[0][0] == 0x06:
                    curve = _CURVE_OIDS.get(_oid(der, alg_params[0]), "")
                curve = curve or _POINT_CURVES.get(key[2] - key[1] - 1, "")
                if alg_oid in ("1.3.101.110", "1.3.101.111"):
                    curve = _KEY_ALGS[alg_oid]
    out = []
    for rek in _children(der, rest[1][1], rest[1][2], MAX_RECIPIENTS):
        r = Recipient("key-agreement", oid, curve=curve, extra={"key_wrap": wrap} if wrap else {})
        rek_kids = _children(der, rek[1], rek[2], 2)
        if rek_kids:
            rid = rek_kids[0]
            if rid[0] == 0xA0:  # [0] rKeyId: RecipientKeyIdentifier { subjectKeyIdentifier, … }
                inner = _children(der, rid[1], rid[2], 3)
                rid = (0x80, inner[0][1], inner[0][2]) if inner else rid
            _rid(der, rid, r)
        out.append(r)
    return out


def _ori(der: bytes, kids: list[_Elem]) -> list[Recipient]:
    # OtherRecipientInfo: oriType, oriValue; KEMRecipientInfo (RFC 9629 §3): version, rid, kem,
    # kemct, kdf, kekLength, ukm [0] OPTIONAL, wrap, encryptedKey
    ori_type = _oid(der, kids[0]) if kids else ""
    if ori_type != _ORI_KEM or len(kids) < 2:
        return [Recipient("other", "", extra={"ori_type": ori_type})]
    kem = _children(der, kids[1][1], kids[1][2], 10)
    if len(kem) < 6:
        raise CmsError("short KEMRecipientInfo")
    r = Recipient("kem", _algorithm(der, kem[2])[0])
    _rid(der, kem[1], r)
    r.extra["kdf"] = _algorithm(der, kem[4])[0]
    wrap = next((k for k in kem[6:] if k[0] == 0x30), None)
    if wrap is not None:
        r.extra["key_wrap"] = _KEY_WRAP.get(_algorithm(der, wrap)[0], "")
    return [r]


def parse_recipients(der: bytes) -> tuple[str, list[Recipient]]:
    """The content-encryption algorithm and the recipients of a ContentInfo holding
    EnvelopedData or AuthEnvelopedData. Raises :class:`CmsError`."""
    ctype, env = _content_info(der)
    if ctype not in (_CT_ENVELOPED, _CT_AUTH_ENVELOPED):
        raise CmsError(f"not enveloped data ({ctype})")
    fields = _children(der, env[1], env[2], 6)
    rest = [f for f in fields[1:] if f[0] != 0xA0]  # version, originatorInfo [0] OPTIONAL
    if not rest or rest[0][0] != 0x31:
        raise CmsError("no recipientInfos")
    content_alg = ""
    if len(rest) > 1 and rest[1][0] == 0x30:  # (Auth)EncryptedContentInfo
        eci = _children(der, rest[1][1], rest[1][2], 3)
        if len(eci) > 1:
            alg = _algorithm(der, eci[1])[0]
            content_alg = _CONTENT_ALGS.get(alg, alg)
    recipients: list[Recipient] = []
    for tag, s, e in _children(der, rest[0][1], rest[0][2], MAX_RECIPIENTS):
        kids = _children(der, s, e, 12)
        if tag == 0x30:
            recipients += _ktri(der, kids)
        elif tag == 0xA1:
            recipients += _kari(der, kids)
        elif tag == 0xA4:
            recipients += _ori(der, kids)
        else:
            recipients.append(Recipient(_KIND_NAMES.get(tag, "other"), ""))
        if len(recipients) > MAX_RECIPIENTS:
            raise CmsError("too many recipients")
    return content_alg, recipients


def _signed_parts(der: bytes, limit: int) -> tuple[bool, bytes | None]:
    """Of a ContentInfo holding SignedData: (has certificates, the encapsulated content when it
    is there — opaque signing — and is a MIME entity). Raises :class:`CmsError`."""
    _ctype, sd = _content_info(der)
    fields = _children(der, sd[1], sd[2], 8)
    if len(fields) < 4:
        raise CmsError("short SignedData")
    has_certs = any(f[0] == 0xA0 for f in fields[3:])
    eci = _children(der, fields[2][1], fields[2][2], 2)
    if len(eci) < 2 or _oid(der, eci[0]) != _CT_DATA or eci[1][0] != 0xA0:
        return has_certs, None
    content = _children(der, eci[1][1], eci[1][2], 1)
    return has_certs, _octets(der, content[0], limit) if content else None


def _compressed(der: bytes, limit: int) -> bytes:
    """The content of CompressedData (RFC 3274: zlib), at most ``limit`` bytes."""
    _ctype, cd = _content_info(der)
    fields = _children(der, cd[1], cd[2], 3)
    if len(fields) < 3:
        raise CmsError("short CompressedData")
    eci = _children(der, fields[2][1], fields[2][2], 2)
    if len(eci) < 2 or eci[1][0] != 0xA0:
        return b""
    inner = _children(der, eci[1][1], eci[1][2], 1)
    raw = _octets(der, inner[0], limit) if inner else b""
    z = zlib.decompressobj()
    try:
        out = z.decompress(raw, limit)
    except zlib.error as exc:
        raise CmsError(f"bad compressed data: {exc}") from exc
    if z.unconsumed_tail:
        raise CmsError("compressed content too large")
    return out


# --- collecting


class _Collector:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.certs: dict[str, Asset] = {}  # SHA-256 of the certificate → asset
        self.recipients: dict[tuple[str, ...], Asset] = {}
        self.out: list[Asset] = []
        self.capped = False

    def cert(self, cert: x509.Certificate, label: str) -> None:
        digest = cert.fingerprint(hashes.SHA256()).hex()
        kept = self.certs.get(digest)
        if kept is not None:
            _seen(kept, label)
            return
        if len(self.certs) >= MAX_CERTS:
            if not self.capped:
                self.capped = True
                self.error(label, f"more than {MAX_CERTS} certificates: the rest is not read")
            return
        try:
            asset = cert_asset(cert, AssetKind.SMIME_CERT, label, usages=_default_usages(cert))
        except ValueError as exc:
            self.error(label, f"certificate not readable: {exc}")
            return
        asset.details.update(certificate_sha256=digest, seen_in=[label], seen=1)
        asset.details.setdefault("subject_key_id", _ski(cert))
        self.certs[digest] = asset
        self.out.append(asset)

    def recipient(self, r: Recipient, content_alg: str, label: str) -> None:
        key = (r.name, r.oid, r.curve, content_alg)
        kept = self.recipients.get(key)
        if kept is not None:
            kept.details["messages"] += 1
            _seen(kept, label)
            return
        asset = Asset(
            AssetKind.SMIME_CERT,
            label,
            r.name,
            r.algorithm if r.kind in ("key-transport", "key-agreement", "kem") else r.kind,
            (Usage.ENCRYPTION,),
            key_size=r.key_size,
            curve=r.curve,
            fingerprint=hashlib.sha256("|".join(("smime-recipient", *key)).encode()).hexdigest(),
            details={
                "certificate": False,
                "recipient": r.kind,
                "message": label,
                "messages": 1,
                "seen_in": [label],
                "content_encryption": content_alg,
                "oid": r.oid,
                "issuer": r.issuer,
                "serial": r.serial,
                "key_id": r.key_id,
                **r.extra,
            },
        )
        self.recipients[key] = asset
        self.out.append(asset)

    def error(self, label: str, error: str) -> None:
        self.out.append(Asset(AssetKind.SMIME_CERT, label, label, "unknown", error=error))

    def pkcs7(self, der: bytes, label: str, depth: int) -> None:
        """Signed data: its certificates (and what it signs, when that is inside); enveloped
        data: its recipients; compressed data: what it holds."""
        try:
            ctype, _inner = _content_info(der)
            if ctype in (_CT_ENVELOPED, _CT_AUTH_ENVELOPED):
                content_alg, recipients = parse_recipients(der)
                for r in recipients:
                    self.recipient(r, content_alg, label)
                return
            if ctype == _CT_COMPRESSED:
                self.nested(_compressed(der, self.max_bytes), label, depth)
                return
            if ctype != _CT_SIGNED:
                raise CmsError(f"content type {ctype} is not S/MIME")
            has_certs, content = _signed_parts(der, self.max_bytes)
        except (CmsError, IndexError, ValueError) as exc:
            self.error(label, f"corrupt PKCS#7: {exc or 'truncated'}")
            return
        if has_certs:
            try:
                certs = pkcs7.load_der_pkcs7_certificates(der)
            except (ValueError, x509.InvalidVersion) as exc:  # InvalidVersion is no ValueError
                self.error(label, f"corrupt PKCS#7: {str(exc)[:200]}")
                certs = []
            for c in certs[:MAX_CERTS]:
                self.cert(c, label)
        if content:
            self.nested(content, label, depth)

    def nested(self, content: bytes, label: str, depth: int) -> None:
        if depth >= MAX_NESTING:
            self.error(label, f"S/MIME nested more than {MAX_NESTING} deep: not read further")
        elif is_message(content):
            self.message(content, label, depth + 1)

    def message(self, data: bytes, label: str, depth: int = 0) -> None:
        try:
            found = list(_smime_parts(data))
        except (ValueError, TypeError, LookupError, AssertionError) as exc:
            self.error(label, f"message not readable: {str(exc)[:200]}")
            return
        for kind, payload in found:
            if kind == "pkcs7":
                self.pkcs7(_unarmor(payload), label, depth)
            else:
                self.cert_file(payload, label)

    def cert_file(self, data: bytes, label: str) -> None:
        """PEM certificates and PKCS#7 blocks, or one DER certificate."""
        if b"-----BEGIN" in data:
            for kind, der in _pem_blocks(data):
                if kind == b"CERTIFICATE":
                    self._load(der, label)
                else:
                    self.pkcs7(der, label, 0)
        else:
            self._load(data, label)

    def _load(self, der: bytes, label: str) -> None:
        try:
            self.cert(x509.load_der_x509_certificate(der), label)
        except (ValueError, x509.InvalidVersion) as exc:
            self.error(label, f"certificate not readable: {str(exc)[:200]}")


def _seen(asset: Asset, label: str) -> None:
    seen = asset.details["seen_in"]
    asset.details["seen"] = asset.details.get("seen", 1) + (label not in seen)
    if len(seen) < MAX_SEEN and label not in seen:
        seen.append(label)


def _ski(cert: x509.Certificate) -> str:
    try:
        return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest.hex()
    except (x509.ExtensionNotFound, *EXTENSION_ERRORS):
        return ""


def _default_usages(cert: x509.Certificate) -> tuple[Usage, ...]:
    """What the key can do when the certificate has no KeyUsage (RFC 8550 §4.4.2 lets it be
    used for anything its algorithm allows): RSA and EC keys sign and encrypt."""
    oid = cert.public_key_algorithm_oid.dotted_string
    name = PQ_OIDS.get(oid, "")
    if name.startswith("ML-KEM"):
        return (Usage.ENCRYPTION,)
    if name or oid in ("1.3.101.112", "1.3.101.113"):  # ML-DSA, SLH-DSA, Ed25519, Ed448
        return (Usage.SIGNATURE,)
    if oid in ("1.3.101.110", "1.3.101.111"):
        return (Usage.ENCRYPTION,)
    return (Usage.SIGNATURE, Usage.ENCRYPTION)


def _pem_blocks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(label, DER) of the PEM blocks that hold certificates or PKCS#7/CMS (RFC 7468)."""
    pos, count = 0, 0
    while count < MAX_CERTS and (a := data.find(b"-----BEGIN ", pos)) >= 0:
        b = data.find(b"-----", a + 11)
        if b < 0:
            return
        kind = data[a + 11 : b]
        end = data.find(b"-----END " + kind + b"-----", b)
        if end < 0:
            return
        pos = end + len(kind) + 14
        if kind not in (b"CERTIFICATE", b"PKCS7", b"CMS"):
            continue
        count += 1
        body = b"".join(line for line in data[b + 5 : end].splitlines() if b":" not in line)
        try:
            yield kind, base64.b64decode(body)
        except (binascii.Error, ValueError):
            yield kind, b""  # reported as unreadable by whoever reads it


def _unarmor(data: bytes) -> bytes:
    """DER, or base64 of it (a saved ``smime.p7m`` often is)."""
    if data[:1] == b"\x30":
        return data
    try:
        return base64.b64decode(b"".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        return data


def _smime_parts(data: bytes) -> Iterator[tuple[str, bytes]]:
    """("pkcs7" | "cert", content) of the parts of a message that are S/MIME."""
    for part in parts(data):
        ctype = part.get_content_type()
        filename = (part.get_filename() or "").lower()
        if ctype in _PKCS7_TYPES or filename.endswith(_PKCS7_SUFFIXES):
            kind = "pkcs7"
        elif ctype in _CERT_TYPES or (
            ctype == "application/octet-stream" and filename.endswith(_CERT_SUFFIXES)
        ):
            kind = "cert"
        else:
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            yield kind, payload


def _whole_der(data: bytes) -> bool:
    """One BER element that fills the file (trailing whitespace aside): worth parsing."""
    try:
        tag, _s, _e, after = _tlv(data, 0, len(data))
    except CmsError:
        return False
    return tag == 0x30 and not data[after:].strip()


def _file(data: bytes, path: str, col: _Collector) -> None:
    lower = path.lower()
    if is_keybox(data):  # gpgsm keeps S/MIME certificates in pubring.kbx
        try:
            for kind, der in keybox_blobs(data, limit=MAX_CERTS):
                if kind == 3:
                    col._load(der, path)
        except ValueError as exc:
            col.error(path, f"keybox not readable: {exc}")
    elif is_message(data):
        col.message(data, path)
    elif b"-----BEGIN " in data:
        col.cert_file(data, path)
    elif lower.endswith(_PKCS7_SUFFIXES):
        col.pkcs7(_unarmor(data), path, 0)
    elif _whole_der(data):
        try:
            col.cert(x509.load_der_x509_certificate(data), path)
        except (ValueError, x509.InvalidVersion):
            col.pkcs7(data, path, 0)
    elif lower.endswith(_CERT_SUFFIXES):
        col.error(path, "neither a certificate nor PKCS#7")
    # anything else is not S/MIME material: not an asset


def smime_assets(paths: Iterable[Path], *, max_bytes: int = MAX_BYTES) -> list[Asset]:
    """S/MIME certificates (files, PKCS#7, signed messages) and encrypted messages' recipients
    under ``paths`` — files, directories (recursively; Maildir included) and mbox files."""
    col = _Collector(max_bytes)
    for label, data, error in walk(paths, max_bytes=max_bytes):
        if data is None:
            col.error(label, error)
            continue
        _file(data, label, col)
    _link(col)
    return col.out


def _link(col: _Collector) -> None:
    """A recipient whose certificate was found too: its fingerprint, and the key's size."""
    by_issuer = {(a.details["issuer"], a.details["serial"]): a for a in col.certs.values()}
    by_ski = {a.details["subject_key_id"]: a for a in col.certs.values() if a.details.get("subject_key_id")}
    for r in col.recipients.values():
        cert = by_issuer.get((r.details["issuer"], r.details["serial"])) or by_ski.get(r.details["key_id"])
        if cert is None:
            continue
        r.details["certificate_fingerprint"] = cert.fingerprint
        r.details["certificate_subject"] = cert.details.get("subject", "")
        r.key_size = r.key_size or cert.key_size
        r.curve = r.curve or cert.curve
        if cert.not_after is not None:
            r.details["certificate_expires"] = cert.not_after.isoformat()
