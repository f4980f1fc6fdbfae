"""Keys, certificates, S/MIME messages and OpenPGP keys made in the tests, for the
post-quantum inventory: RSA and ECDSA S/MIME certificates (one expired), messages signed and
encrypted with them as real MIME, OpenPGP v4 and v6 keys generated with pysequoia."""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

Key = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def smime_cert(
    email: str, *, key: str = "rsa", bits: int = 2048, expired: bool = False, usage: str = "both"
) -> tuple[x509.Certificate, Key]:
    pk: Key = (
        rsa.generate_private_key(65537, bits) if key == "rsa" else ec.generate_private_key(ec.SECP256R1())
    )
    now = dt.datetime.now(dt.UTC)
    start, end = (
        (now - dt.timedelta(days=400), now - dt.timedelta(days=10))
        if expired
        else (now - dt.timedelta(days=1), now + dt.timedelta(days=365))
    )
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, email.split("@")[0]),
            x509.NameAttribute(NameOID.EMAIL_ADDRESS, email),
        ]
    )
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test S/MIME CA")])
    ku = x509.KeyUsage(
        digital_signature=usage in ("both", "sign"), content_commitment=False,
        key_encipherment=usage in ("both", "encrypt") and key == "rsa", data_encipherment=False,
        key_agreement=usage in ("both", "encrypt") and key != "rsa", key_cert_sign=False, crl_sign=False,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer)
        .public_key(pk.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(ku, critical=True)
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
        .sign(pk, hashes.SHA256())
    )
    return cert, pk


def signed_message(cert: x509.Certificate, key: Key, body: str = "お疲れさまです。") -> bytes:
    """A multipart/signed S/MIME message (as a mail client writes it)."""
    inner = f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n".encode()
    smime = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(inner)
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.SMIME, [pkcs7.PKCS7Options.DetachedSignature])
    )
    return b"From: taro@example.jp\r\nTo: hanako@example.jp\r\nSubject: signed\r\n" + smime


def encrypted_message(cert: x509.Certificate) -> bytes:
    """An application/pkcs7-mime enveloped-data message encrypted to ``cert`` (RSA)."""
    smime = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(b"Content-Type: text/plain\r\n\r\nsecret\r\n")
        .add_recipient(cert)
        .encrypt(serialization.Encoding.SMIME, [])
    )
    return b"From: hanako@example.jp\r\nTo: taro@example.jp\r\nSubject: encrypted\r\n" + smime


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def mbox(*messages: bytes) -> bytes:
    out = b""
    for m in messages:
        body = m.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ")
        out += b"From MAILER-DAEMON Thu Dec  3 10:00:00 2026\n" + body + b"\n\n"
    return out
