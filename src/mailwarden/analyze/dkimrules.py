"""What RFC 6376 and RFC 8017 ask of a DKIM verifier that dkimpy does not check, applied to
each signature beside dkimpy's own verification (found by verifying the same messages with
Mail::DKIM: tests/analyze/test_dkim_peer.py)."""

from __future__ import annotations

import base64
import binascii
import re

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key

_TAG = re.compile(r"\b([a-z]+)\s*=\s*([^;]*)")


def tags_of(value: str) -> dict[str, str]:
    """A tag=value list (a DKIM-Signature or a key record), whitespace removed from values."""
    return {k: re.sub(r"\s+", "", v) for k, v in _TAG.findall(value)}


def before_lookup(sig: dict[str, str]) -> tuple[str, str] | None:
    """RFC 6376 §6.1.1: a signature whose h= leaves out From is ignored — PERMFAIL."""
    signed = [h.strip().lower() for h in sig.get("h", "").split(":")]
    if "from" not in signed:
        return "permerror", "From is not signed (RFC 6376 6.1.1)"
    return None


def with_key(sig: dict[str, str], key_text: bytes | None, passed: bool) -> tuple[str, str] | None:
    """Checks that need the key record: its h= must allow the signature's hash and its t=s
    forbids an i= in a subdomain (RFC 6376 §3.6.1, both PERMFAIL); an RSA signature must
    be exactly as long as the key's modulus (RFC 8017 §8.2.2 step 1), which dkimpy does not
    check — extra leading zero bytes verified."""
    if key_text is None:
        return None
    key = tags_of(key_text.decode("ascii", "replace"))
    algorithm = sig.get("a", "").lower()
    hashes = [h.strip().lower() for h in key.get("h", "").split(":") if h.strip()]
    if hashes and algorithm.rpartition("-")[2] not in hashes:
        return "permerror", f"the key allows only {', '.join(hashes)} (RFC 6376 3.6.1)"
    flags = [f.strip().lower() for f in key.get("t", "").split(":")]
    identity = sig.get("i", "").rpartition("@")[2].lower()
    if "s" in flags and identity and identity != sig.get("d", "").lower():
        return "permerror", "the key forbids an i= in a subdomain (t=s, RFC 6376 3.6.1)"
    if passed and algorithm.startswith("rsa-"):
        try:
            public = load_der_public_key(base64.b64decode(key.get("p", "")))
            signature = base64.b64decode(sig.get("b", ""))
        except (ValueError, binascii.Error):
            return None
        if isinstance(public, rsa.RSAPublicKey) and len(signature) != (public.key_size + 7) // 8:
            return "fail", "the signature's length is not the key's (RFC 8017 8.2.2)"
    return None
