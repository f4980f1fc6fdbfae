"""S/MIME material: certificates in files (PEM, DER, PKCS#7) and in signed messages, and the
recipients' key-transport or key-agreement algorithms of encrypted messages (CMS
EnvelopedData, RFC 5652; ML-KEM recipients as KEMRecipientInfo, RFC 9629 / RFC 9936).

Certificates are one asset each, however many times they are met (the places are kept in
``details["seen_in"]``). A corrupt PKCS#7 or a message that cannot be read is an asset with
``error`` set; nothing here raises."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs7

from .assets import Asset, AssetKind, Usage
from .mailfiles import MAX_BYTES, is_message, parts, walk
from .x509info import PQ_OIDS, cert_asset

__all__ = ["smime_assets"]

MAX_CERTS = 10_000
MAX_SEEN = 20
_SMIME_TYPES = {"application/pkcs7-signature", "application/x-pkcs7-signature",
                "application/pkcs7-mime", "application/x-pkcs7-mime"}  # fmt: skip
_ENVELOPED = "1.2.840.113549.1.7.3"
_ORI_KEM = "1.2.840.113549.1.9.16.13.3"
#: key-encryption algorithms → (algorithm, usage note)
_KEY_ALGS = {
    "1.2.840.113549.1.1.1": "RSA",  # rsaEncryption (PKCS#1 v1.5 key transport)
    "1.2.840.113549.1.1.7": "RSA",  # RSAES-OAEP
    "1.3.133.16.840.63.0.2": "ECDH",  # dhSinglePass-stdDH-sha1kdf
    "1.3.132.1.11.1": "ECDH",
    "1.3.132.1.11.2": "ECDH",
    "1.3.132.1.11.3": "ECDH",
    "1.3.132.1.14.1": "ECDH",
    "1.3.132.1.14.2": "ECDH",
    "1.3.132.1.14.3": "ECDH",
    "1.3.101.110": "X25519",
    "1.3.101.111": "X448",
    **PQ_OIDS,
}
_CONTENT_ALGS = {
    "2.16.840.1.101.3.4.1.2": "aes128-cbc",
    "2.16.840.1.101.3.4.1.42": "aes256-cbc",
    "2.16.840.1.101.3.4.1.6": "aes128-gcm",
    "2.16.840.1.101.3.4.1.46": "aes256-gcm",
    "1.2.840.113549.3.7": "des-ede3-cbc",
}


class DerError(ValueError):
    pass


def _tlv(data: bytes, pos: int, end: int) -> tuple[int, int, int]:
    """(tag, start of the value, end of the value) of the element at ``pos``; bounded."""
    if pos + 2 > end:
        raise DerError("truncated")
    tag = data[pos]
    n = data[pos + 1]
    pos += 2
    if n & 0x80:
        k = n & 0x7F
        if k == 0 or k > 4 or pos + k > end:
            raise DerError("bad length")
        n = int.from_bytes(data[pos : pos + k], "big")
        pos += k
    if pos + n > end:
        raise DerError("truncated")
    return tag, pos, pos + n


def _children(data: bytes, start: int, end: int, limit: int = 1000) -> Iterator[tuple[int, int, int]]:
    pos = start
    count = 0
    while pos < end:
        tag, s, e = _tlv(data, pos, end)
        yield tag, s, e
        pos = e
        count += 1
        if count > limit:
            raise DerError("too many elements")


def _oid(data: bytes, s: int, e: int) -> str:
    raw = data[s:e]
    if not raw:
        raise DerError("empty OID")
    parts_ = [raw[0] // 40, raw[0] % 40] if raw[0] < 80 else [2, raw[0] - 80]
    value = 0
    for b in raw[1:]:
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            parts_.append(value)
            value = 0
    return ".".join(map(str, parts_))


def _alg_oid(data: bytes, s: int, e: int) -> str:
    """The OID of an AlgorithmIdentifier SEQUENCE's value range."""
    tag, os_, oe = next(_children(data, s, e))
    if tag != 0x06:
        raise DerError("not an AlgorithmIdentifier")
    return _oid(data, os_, oe)


def _recipients(der: bytes, label: str) -> list[Asset]:
    """The recipients of a CMS EnvelopedData (ContentInfo) as ENCRYPTION assets."""
    _t, s, e = _tlv(der, 0, len(der))
    items = list(_children(der, s, e, 3))
    if len(items) < 2 or items[0][0] != 0x06 or _oid(der, items[0][1], items[0][2]) != _ENVELOPED:
        return []
    _t, s, e = _tlv(der, items[1][1], items[1][2])  # [0] EXPLICIT → EnvelopedData SEQUENCE
    fields = list(_children(der, s, e, 10))
    rest = fields[1:]
    if rest and rest[0][0] == 0xA0:  # originatorInfo
        rest = rest[1:]
    if not rest or rest[0][0] != 0x31:
        raise DerError("no recipientInfos")
    content_alg = ""
    if len(rest) > 1 and rest[1][0] == 0x30:
        eci = list(_children(der, rest[1][1], rest[1][2], 5))
        if len(eci) > 1 and eci[1][0] == 0x30:
            content_alg = _CONTENT_ALGS.get(_alg_oid(der, eci[1][1], eci[1][2]), "")
    out = []
    for n, (tag, rs, re_) in enumerate(_children(der, rest[0][1], rest[0][2], 1000)):
        kids = list(_children(der, rs, re_, 20))
        algo_oid, kind_name, rid = "", "", f"recipient {n + 1}"
        if tag == 0x30 and len(kids) >= 3:  # KeyTransRecipientInfo
            kind_name = "key-transport"
            rid = _rid(der, kids[1])
            algo_oid = _alg_oid(der, kids[2][1], kids[2][2])
        elif tag == 0xA1:  # KeyAgreeRecipientInfo
            kind_name = "key-agreement"
            alg = next((k for k in kids if k[0] == 0x30), None)
            algo_oid = _alg_oid(der, alg[1], alg[2]) if alg else ""
        elif tag == 0xA4 and kids and kids[0][0] == 0x06:  # OtherRecipientInfo
            if _oid(der, kids[0][1], kids[0][2]) == _ORI_KEM and len(kids) > 1:
                kem = list(_children(der, kids[1][1], kids[1][2], 20))
                kind_name = "kem"
                rid = _rid(der, kem[1]) if len(kem) > 1 else rid
                algo_oid = _alg_oid(der, kem[2][1], kem[2][2]) if len(kem) > 2 else ""
        else:
            kind_name = {0xA2: "kek", 0xA3: "password"}.get(tag, "other")
        algorithm = _KEY_ALGS.get(algo_oid, f"unknown ({algo_oid})" if algo_oid else kind_name)
        out.append(
            Asset(
                AssetKind.SMIME_CERT,
                label,
                rid,
                algorithm,
                (Usage.ENCRYPTION,),
                fingerprint="",
                details={
                    "certificate": False,
                    "recipient": kind_name,
                    "message": label,
                    "content_encryption": content_alg,
                    "oid": algo_oid,
                },
            )
        )
    return out


def _rid(der: bytes, item: tuple[int, int, int]) -> str:
    """A recipient's identifier: the issuer's common name and the serial, or the key id."""
    tag, s, e = item
    if tag == 0x30:  # IssuerAndSerialNumber
        kids = list(_children(der, s, e, 3))
        if len(kids) == 2:
            return f"{_cn(der[kids[0][1] : kids[0][2]]) or '?'} #{der[kids[1][1] : kids[1][2]].hex()}"
    if tag == 0x80:
        return "keyid " + der[s:e].hex()
    return "?"


_CN = bytes.fromhex("0603550403")  # OID 2.5.4.3 (commonName)


def _cn(raw: bytes) -> str:
    at = raw.find(_CN)
    if at < 0:
        return ""
    try:
        _t, s, e = _tlv(raw, at + len(_CN), len(raw))
    except DerError:
        return ""
    return raw[s:e].decode("utf-8", "replace")[:200]


def _certs_of(der: bytes) -> list[x509.Certificate]:
    try:
        return pkcs7.load_der_pkcs7_certificates(der)[:MAX_CERTS]
    except ValueError:
        return []


class _Collector:
    def __init__(self) -> None:
        self.by_fp: dict[str, Asset] = {}
        self.out: list[Asset] = []

    def cert(self, cert: x509.Certificate, label: str) -> None:
        if len(self.by_fp) >= MAX_CERTS:
            return
        try:
            asset = cert_asset(cert, AssetKind.SMIME_CERT, label)
        except ValueError as exc:
            self.error(label, f"certificate not readable: {exc}")
            return
        kept = self.by_fp.get(asset.fingerprint + asset.details.get("serial", ""))
        if kept is not None:
            seen = kept.details.setdefault("seen_in", [])
            if len(seen) < MAX_SEEN and label not in seen:
                seen.append(label)
            return
        asset.details["seen_in"] = [label]
        self.by_fp[asset.fingerprint + asset.details.get("serial", "")] = asset
        self.out.append(asset)

    def error(self, label: str, error: str) -> None:
        self.out.append(Asset(AssetKind.SMIME_CERT, label, label, "", error=error))

    def pkcs7(self, der: bytes, label: str) -> None:
        """Signed-data: its certificates; enveloped-data: its recipients."""
        try:
            recipients = _recipients(der, label)
        except (DerError, StopIteration, IndexError) as exc:
            self.error(label, f"corrupt PKCS#7: {exc or 'truncated'}")
            return
        if recipients:
            self.out.extend(recipients)
            return
        certs = _certs_of(der)
        if not certs:
            self.error(label, "corrupt PKCS#7: no certificate could be read")
        for c in certs:
            self.cert(c, label)


def _pem_blocks(data: bytes, kind: bytes) -> list[bytes]:
    begin, end = b"-----BEGIN " + kind + b"-----", b"-----END " + kind + b"-----"
    out: list[bytes] = []
    pos = 0
    while (a := data.find(begin, pos)) >= 0 and len(out) < MAX_CERTS:
        b = data.find(end, a)
        if b < 0:
            break
        out.append(data[a : b + len(end)])
        pos = b + len(end)
    return out


def _file(data: bytes, label: str, col: _Collector) -> None:
    if b"-----BEGIN" in data[:65536] or b"-----BEGIN CERTIFICATE-----" in data:
        blocks = _pem_blocks(data, b"CERTIFICATE")
        for block in blocks:
            try:
                col.cert(x509.load_pem_x509_certificate(block), label)
            except ValueError as exc:
                col.error(label, f"certificate not readable: {exc}")
        for block in _pem_blocks(data, b"PKCS7"):
            try:
                certs = pkcs7.load_pem_pkcs7_certificates(block)
            except ValueError:
                certs = []
            if not certs:
                col.error(label, "corrupt PKCS#7: no certificate could be read")
            for c in certs:
                col.cert(c, label)
        return
    if is_message(data):
        _message(data, label, col)
        return
    if data[:1] == b"\x30":
        try:
            col.cert(x509.load_der_x509_certificate(data), label)
        except ValueError:
            col.pkcs7(data, label)


def _message(data: bytes, label: str, col: _Collector) -> None:
    try:
        for part in parts(data):
            ctype = part.get_content_type()
            if ctype not in _SMIME_TYPES:
                continue
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload:
                col.pkcs7(payload, label)
    except (ValueError, TypeError, LookupError, AssertionError) as exc:
        col.error(label, f"message not readable: {exc}")


def smime_assets(paths: Iterable[Path], *, max_bytes: int = MAX_BYTES) -> list[Asset]:
    """S/MIME certificates and encrypted messages' recipients under ``paths``."""
    col = _Collector()
    for label, data, error in walk(paths, max_bytes=max_bytes):
        if data is None:
            col.error(label, error)
            continue
        _file(data, label, col)
    return col.out
