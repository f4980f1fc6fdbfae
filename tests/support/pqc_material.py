"""Keys, certificates, S/MIME messages and OpenPGP keys made in the tests, for the
post-quantum inventory: RSA and ECDSA S/MIME certificates (one expired), messages signed and
encrypted with them as real MIME (ECDH by the system OpenSSL), ML-DSA and ML-KEM certificates, an
ML-KEM recipient (KEMRecipientInfo) in DER made by hand; OpenPGP v4 and v6 keys generated with
pysequoia, and v6 key packets with any algorithm id."""

from __future__ import annotations

import base64
import datetime as dt
import os
import subprocess
from email.message import EmailMessage
from pathlib import Path

import pysequoia
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, mldsa, mlkem, rsa
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


# --- more S/MIME: post-quantum certificates, opaque signing, ECDH (OpenSSL) and ML-KEM recipients


def pq_cert(
    email: str, *, kind: str = "mldsa", issuer_key: mldsa.MLDSA65PrivateKey | None = None
) -> tuple[x509.Certificate, mldsa.MLDSA65PrivateKey | mlkem.MLKEM768PrivateKey]:
    """An ML-DSA-65 signing certificate (RFC 9881) or an ML-KEM-768 encryption certificate
    (RFC 9936) signed with ML-DSA-65 — cryptography makes both."""
    key: mldsa.MLDSA65PrivateKey | mlkem.MLKEM768PrivateKey = (
        mldsa.MLDSA65PrivateKey.generate() if kind == "mldsa" else mlkem.MLKEM768PrivateKey.generate()
    )
    signer = issuer_key or (
        key if isinstance(key, mldsa.MLDSA65PrivateKey) else mldsa.MLDSA65PrivateKey.generate()
    )
    now = dt.datetime.now(dt.UTC)
    ku = x509.KeyUsage(
        digital_signature=kind == "mldsa", content_commitment=False, key_encipherment=kind != "mldsa",
        data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, email.split("@")[0])]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test PQ CA")]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(ku, critical=True)
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
        .sign(signer, None)
    )
    return cert, key


def certs_only(*certs: x509.Certificate) -> bytes:
    """A degenerate SignedData holding certificates (a ``.p7c``/``.p7b`` file), DER."""
    return pkcs7.serialize_certificates(list(certs), serialization.Encoding.DER)


def opaque_signed_message(cert: x509.Certificate, key: Key, inner: bytes, *, extra=()) -> bytes:
    """application/pkcs7-mime; smime-type=signed-data: the signed entity is inside the CMS."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(inner).add_signer(cert, key, hashes.SHA256())
    for c in extra:
        builder = builder.add_certificate(c)
    der = builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    return mime_part(der, "signed-data", "From: taro@example.jp\r\nSubject: opaque\r\n")


def mime_part(der: bytes, smime_type: str, headers: str = "From: a@example.jp\r\n") -> bytes:
    b64 = base64.encodebytes(der).replace(b"\n", b"\r\n")
    return (
        f"{headers}MIME-Version: 1.0\r\n"
        f'Content-Type: application/pkcs7-mime; smime-type={smime_type}; name="smime.p7m"\r\n'
        'Content-Disposition: attachment; filename="smime.p7m"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
    ).encode() + b64


def openssl_encrypted(
    cert: x509.Certificate, tmp: Path, *, cipher: str = "-aes256", stream: bool = False
) -> bytes:
    """A message encrypted to ``cert`` by the system OpenSSL (``openssl cms -encrypt``): ECDH
    key agreement for an EC certificate (cryptography encrypts to RSA only); ``stream`` makes
    indefinite-length BER as mail clients write it."""
    pem_file = tmp / f"rcpt-{cert.serial_number}.pem"
    pem_file.write_bytes(pem(cert))
    args = ["openssl", "cms", "-encrypt", cipher, *(["-stream"] if stream else []), pem_file]
    out = subprocess.run(
        args, input=b"Content-Type: text/plain\r\n\r\nsecret\r\n", capture_output=True, check=True
    )
    return b"From: hanako@example.jp\r\nTo: ec@example.jp\r\nSubject: encrypted\r\n" + out.stdout


def der(tag: int, *parts: bytes) -> bytes:
    body = b"".join(parts)
    if len(body) < 0x80:
        return bytes([tag, len(body)]) + body
    n = len(body).to_bytes((len(body).bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(n)]) + n + body


def der_oid(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray([arcs[0] * 40 + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        while arc > 0x7F:
            arc >>= 7
            chunk.insert(0, 0x80 | (arc & 0x7F))
        out += bytes(chunk)
    return der(0x06, bytes(out))


def der_int(n: int) -> bytes:
    return der(0x02, n.to_bytes(n.bit_length() // 8 + 1, "big"))


def mlkem_enveloped(cert: x509.Certificate) -> bytes:
    """EnvelopedData with one KEMRecipientInfo (RFC 9629) for an ML-KEM-768 certificate, laid
    out as RFC 9936 says (HKDF-SHA256, AES-256 key wrap); cryptography cannot make one."""
    pub = cert.public_key()
    assert isinstance(pub, mlkem.MLKEM768PublicKey)
    _secret, kemct = pub.encapsulate()
    rid = der(0x30, cert.issuer.public_bytes(), der_int(cert.serial_number))
    kemri = der(
        0x30,
        der_int(0),
        rid,
        der(0x30, der_oid("2.16.840.1.101.3.4.4.2")),  # id-alg-ml-kem-768
        der(0x04, kemct),
        der(0x30, der_oid("1.2.840.113549.1.9.16.3.28")),  # id-alg-hkdf-with-sha256
        der_int(32),
        der(0x30, der_oid("2.16.840.1.101.3.4.1.45")),  # id-aes256-wrap
        der(0x04, os.urandom(40)),
    )
    ori = der(0xA4, der_oid("1.2.840.113549.1.9.16.13.3"), kemri)
    eci = der(
        0x30,
        der_oid("1.2.840.113549.1.7.1"),
        der(0x30, der_oid("2.16.840.1.101.3.4.1.42"), der(0x04, os.urandom(16))),
        der(0x80, os.urandom(48)),
    )
    env = der(0x30, der_int(3), der(0x31, ori), eci)
    return der(0x30, der_oid("1.2.840.113549.1.7.3"), der(0xA0, env))


# --- OpenPGP


def pgp_key(
    name: str,
    suite: str | None = "Cv25519",
    profile: str = "RFC4880",
    *,
    days: int | None = None,
    signing: str | None = None,
    encryption: str | None = None,
) -> pysequoia.Tsk:
    """A key generated by pysequoia: ``suite`` one of pysequoia.CipherSuite (RSA3k, Cv25519,
    MLDSA65_Ed25519…), or ``signing``/``encryption`` algorithms (SLHDSA128f, MLKEM768_X25519…);
    profile RFC4880 makes v4 keys, RFC9580 v6."""
    kwargs: dict = {"profile": getattr(pysequoia.Profile, profile)}
    if suite:
        kwargs["cipher_suite"] = getattr(pysequoia.CipherSuite, suite)
    if signing:
        kwargs["signing_algorithm"] = getattr(pysequoia.SigningAlgorithm, signing)
    if encryption:
        kwargs["encryption_algorithm"] = getattr(pysequoia.EncryptionAlgorithm, encryption)
    if days:
        kwargs["validity_seconds"] = days * 86400
    return pysequoia.Tsk.generate(f"{name} <{name}@example.jp>", **kwargs)


def v6_key_packet(algorithm_id: int, material: bytes, created: int = 1_760_000_000) -> bytes:
    """A v6 public-key packet (RFC 9580 §5.5.2.3) with any algorithm id, in the new packet
    format: for algorithms no library here parses (or material that is not a real key)."""
    body = bytes([6]) + created.to_bytes(4, "big") + bytes([algorithm_id]) + len(material).to_bytes(4, "big")
    body += material
    return packet(6, body)


def packet(tag: int, body: bytes) -> bytes:
    """An OpenPGP packet in the new format (RFC 9580 §4.2.1)."""
    n = len(body)
    if n < 192:
        length = bytes([n])
    elif n < 8384:
        length = bytes([((n - 192) >> 8) + 192, (n - 192) & 0xFF])
    else:
        length = b"\xff" + n.to_bytes(4, "big")
    return bytes([0xC0 | tag]) + length + body


def autocrypt_message(cert: pysequoia.Cert, addr: str) -> bytes:
    keydata = base64.b64encode(bytes(cert)).decode()
    folded = "\r\n ".join(keydata[i : i + 76] for i in range(0, len(keydata), 76))
    return (
        f"From: {addr}\r\nTo: taro@example.jp\r\nSubject: hello\r\n"
        f"Autocrypt: addr={addr}; prefer-encrypt=mutual; keydata=\r\n {folded}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nこんにちは\r\n"
    ).encode()


def key_attachment_message(cert: pysequoia.Cert, *, armored_in_body: pysequoia.Cert | None = None) -> bytes:
    """multipart/mixed: a quoted-printable text body (with an armored key block in it, when
    given) and the key attached as application/pgp-keys (binary, base64)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "hana@example.jp", "taro@example.jp", "my key"
    text = "鍵を送ります。\n" + (str(armored_in_body) if armored_in_body is not None else "")
    msg.set_content(text, cte="quoted-printable")
    msg.add_attachment(bytes(cert), maintype="application", subtype="pgp-keys", filename="key.gpg")
    return msg.as_bytes()
