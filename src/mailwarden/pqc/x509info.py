"""An X.509 certificate as an inventory asset: key algorithm, size or curve, signature
algorithm, validity, key usage — for TLS and S/MIME alike. Keys cryptography cannot load
(ML-DSA, ML-KEM) are named by their OID."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dh, dsa, ec, ed448, ed25519, rsa, x448, x25519

from .assets import Asset, AssetKind, Usage

__all__ = ["PQ_OIDS", "cert_asset", "key_algorithm"]

#: NIST's OIDs of the post-quantum algorithms (FIPS 203, 204, 205), and the composite ML-KEM
#: and ML-DSA of the LAMPS drafts are named by their prefix
PQ_OIDS = {
    "2.16.840.1.101.3.4.3.17": "ML-DSA-44",
    "2.16.840.1.101.3.4.3.18": "ML-DSA-65",
    "2.16.840.1.101.3.4.3.19": "ML-DSA-87",
    "2.16.840.1.101.3.4.4.1": "ML-KEM-512",
    "2.16.840.1.101.3.4.4.2": "ML-KEM-768",
    "2.16.840.1.101.3.4.4.3": "ML-KEM-1024",
    # FIPS 205 / RFC 9909: id-slh-dsa-sha2-128s … id-slh-dsa-shake-256f
    **{
        f"2.16.840.1.101.3.4.3.{20 + n}": f"SLH-DSA-{h}-{b}{v}"
        for n, (h, b, v) in enumerate(
            (h, b, v) for h in ("SHA2", "SHAKE") for b in ("128", "192", "256") for v in "sf"
        )
    },
}


#: what cryptography raises for a certificate it has loaded but cannot read an extension of:
#: a malformed value, the same extension twice, a general name of an unknown type
EXTENSION_ERRORS = (ValueError, x509.DuplicateExtension, x509.UnsupportedGeneralNameType)


def key_algorithm(cert: x509.Certificate) -> tuple[str, int | None, str, str]:
    """(algorithm, size in bits, curve, SHA-256 of the SubjectPublicKeyInfo)."""
    oid = _public_key_oid(cert)
    try:
        key = cert.public_key()
    except (ValueError, TypeError, NotImplementedError, UnsupportedAlgorithm):  # no ValueError
        return PQ_OIDS.get(oid, f"unknown ({oid})"), None, "", hashlib.sha256(_spki_der(cert)).hexdigest()
    fp = hashlib.sha256(
        key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    ).hexdigest()
    if oid in PQ_OIDS:  # ML-DSA and ML-KEM keys cryptography loads are named by the OID too
        return PQ_OIDS[oid], None, "", fp
    if isinstance(key, rsa.RSAPublicKey):
        return "RSA", key.key_size, "", fp
    if isinstance(key, ec.EllipticCurvePublicKey):
        return "ECDSA", key.curve.key_size, key.curve.name, fp
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "Ed25519", 255, "Ed25519", fp
    if isinstance(key, ed448.Ed448PublicKey):
        return "Ed448", 448, "Ed448", fp
    if isinstance(key, x25519.X25519PublicKey):
        return "X25519", 255, "X25519", fp
    if isinstance(key, x448.X448PublicKey):
        return "X448", 448, "X448", fp
    if isinstance(key, dsa.DSAPublicKey):
        return "DSA", key.key_size, "", fp
    if isinstance(key, dh.DHPublicKey):
        return "DH", key.key_size, "", fp
    return type(key).__name__.replace("PublicKey", "") or "unknown", None, "", fp


def _public_key_oid(cert: x509.Certificate) -> str:
    try:
        return cert.public_key_algorithm_oid.dotted_string
    except (AttributeError, ValueError):
        return "?"


def _spki_der(cert: x509.Certificate) -> bytes:
    """The SubjectPublicKeyInfo as it is in the certificate (RFC 5280 §4.1: the seventh field
    of the TBSCertificate, sixth when the version is absent); the whole TBSCertificate if the
    DER is not what it should be."""
    tbs = cert.tbs_certificate_bytes
    try:
        _tag, pos, end = _tlv(tbs, 0, len(tbs))
        fields: list[tuple[int, int, int]] = []
        while pos < end and len(fields) < 7:
            tag, start, stop = _tlv(tbs, pos, end)
            fields.append((tag, pos, stop))
            pos = stop
        if fields and fields[0][0] != 0xA0:  # version [0] absent (v1)
            fields.insert(0, (0xA0, 0, 0))
        _tag, start, stop = fields[6]
        return tbs[start:stop]
    except (ValueError, IndexError):
        return tbs


def _tlv(data: bytes, pos: int, end: int) -> tuple[int, int, int]:
    """(tag, start of the value, end of the value) of the DER element at ``pos``, bounded."""
    if pos + 2 > end:
        raise ValueError("truncated")
    tag, n = data[pos], data[pos + 1]
    pos += 2
    if n & 0x80:
        k = n & 0x7F
        if k == 0 or k > 4 or pos + k > end:
            raise ValueError("bad length")
        n = int.from_bytes(data[pos : pos + k], "big")
        pos += k
    if pos + n > end:
        raise ValueError("truncated")
    return tag, pos, pos + n


def _signature_name(cert: x509.Certificate) -> str:
    oid = cert.signature_algorithm_oid
    return PQ_OIDS.get(oid.dotted_string) or getattr(oid, "_name", "") or oid.dotted_string


def _usages(cert: x509.Certificate, default: tuple[Usage, ...]) -> tuple[Usage, ...]:
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except (x509.ExtensionNotFound, *EXTENSION_ERRORS):
        return default
    out: list[Usage] = []
    if ku.digital_signature or ku.content_commitment:
        out.append(Usage.SIGNATURE)
    if ku.key_encipherment or ku.key_agreement or getattr(ku, "data_encipherment", False):
        out.append(Usage.ENCRYPTION)
    return tuple(out) or default


def _name(value: x509.Name) -> str:
    try:
        return value.rfc4514_string()[:500]
    except ValueError:
        return "?"


def cert_asset(
    cert: x509.Certificate,
    kind: AssetKind,
    source: str,
    *,
    usages: tuple[Usage, ...] = (Usage.SIGNATURE,),
    now: datetime | None = None,
) -> Asset:
    now = now or datetime.now(UTC)
    algorithm, size, curve, fp = key_algorithm(cert)
    subject, issuer = _name(cert.subject), _name(cert.issuer)
    emails: list[str] = []
    sans: list[str] = []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        emails = [str(e) for e in san.get_values_for_type(x509.RFC822Name)][:20]
        sans = [str(d) for d in san.get_values_for_type(x509.DNSName)][:20]
    except (x509.ExtensionNotFound, *EXTENSION_ERRORS):
        pass
    not_after = cert.not_valid_after_utc
    try:
        cns = [str(a.value) for a in cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)]
        mails = [str(a.value) for a in cert.subject.get_attributes_for_oid(x509.NameOID.EMAIL_ADDRESS)]
    except ValueError:
        cns, mails = [], []
    shown = " ".join(
        x for x in (cns[0] if cns else "", f"<{(emails or mails)[0]}>" if emails or mails else "") if x
    )
    return Asset(
        kind=kind,
        source=source,
        name=shown or subject or fp[:16],
        algorithm=algorithm,
        usages=_usages(cert, usages),
        key_size=None if curve else size,
        curve=curve,
        signature_algorithm=_signature_name(cert),
        not_before=cert.not_valid_before_utc,
        not_after=not_after,
        fingerprint=fp,
        details={
            "subject": subject,
            "issuer": issuer,
            "serial": format(cert.serial_number, "x"),
            "self_signed": subject == issuer,
            "expired": not_after < now,
            "emails": emails,
            "dns_names": sans,
        },
    )
