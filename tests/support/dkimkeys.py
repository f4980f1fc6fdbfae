"""Key pairs for DKIM and ARC tests: a private key in the form dkimpy signs with and the public
key as a DNS key record's p= value."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa


def rsa_pair(bits: int = 2048) -> tuple[bytes, str]:
    """(PEM private key, base64 of the DER public key)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    priv = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    pub = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return priv, base64.b64encode(pub).decode()


def ed25519_pair() -> tuple[bytes, str]:
    """(base64 raw private key, as dkimpy wants it; base64 raw public key)."""
    key = ed25519.Ed25519PrivateKey.generate()
    priv = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(priv), base64.b64encode(pub).decode()
