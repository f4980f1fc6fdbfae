"""OpenPGP keys (v4 and v6, RFC 4880 / RFC 9580, with the RFC 9980 post-quantum algorithms) in
key files, keyrings and messages — attached keys (application/pgp-keys), Autocrypt headers and
armored key blocks in bodies — read with pysequoia (Sequoia PGP): one asset per primary key and
per subkey, with the algorithm, RSA size or curve, what the key flags allow, creation and
expiry. A keyring is read up to :data:`MAX_KEYS` certificates; what cannot be parsed is an
asset with ``error`` set."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

import pysequoia
from pysequoia.packet import PacketPile, Tag

from .assets import Asset, AssetKind, Usage
from .mailfiles import MAX_BYTES, is_message, parts, walk

__all__ = ["openpgp_assets"]

MAX_KEYS = 10_000
_ARMOR = re.compile(
    rb"-----BEGIN PGP (?:PUBLIC|PRIVATE) KEY BLOCK-----.*?-----END PGP (?:PUBLIC|PRIVATE) KEY BLOCK-----",
    re.S,
)
_ALGORITHMS = {
    "RSAEncryptSign": "RSA", "RSAEncrypt": "RSA", "RSASign": "RSA", "DSA": "DSA",
    "ElGamalEncrypt": "ElGamal", "ElGamalEncryptSign": "ElGamal", "ECDSA": "ECDSA", "ECDH": "ECDH",
    "EdDSA": "EdDSA", "Ed25519": "Ed25519", "Ed448": "Ed448", "X25519": "X25519", "X448": "X448",
    "MLDSA65_Ed25519": "ML-DSA-65+Ed25519", "MLDSA87_Ed448": "ML-DSA-87+Ed448",
    "MLKEM768_X25519": "ML-KEM-768+X25519", "MLKEM1024_X448": "ML-KEM-1024+X448",
    "SLHDSA128s": "SLH-DSA-SHAKE-128s", "SLHDSA128f": "SLH-DSA-SHAKE-128f",
    "SLHDSA256s": "SLH-DSA-SHAKE-256s",
}  # fmt: skip
_CURVES = {
    "2a8648ce3d030107": "secp256r1", "2b81040022": "secp384r1", "2b81040023": "secp521r1",
    "2b06010401da470f01": "Ed25519", "2b060104019755010501": "Cv25519",
    "2b2403030208010107": "brainpoolP256r1", "2b240303020801010b": "brainpoolP384r1",
    "2b240303020801010d": "brainpoolP512r1", "2b8104000a": "secp256k1",
}  # fmt: skip
_FIXED_CURVES = {"Ed25519": "Ed25519", "X25519": "X25519", "Ed448": "Ed448", "X448": "X448"}
_ENCRYPTING = ("ECDH", "X25519", "X448", "ElGamal", "ML-KEM")


def _size_and_curve(body: bytes, algorithm: str) -> tuple[int | None, str]:
    """RSA/DSA/ElGamal: the bit count of the first MPI; ECC: the curve OID after the algorithm."""
    if len(body) < 6:
        return None, ""
    start = 6 if body[0] in (2, 3, 4) else 10  # v6 (and v5) keys carry a 4-byte length
    if body[0] == 3:
        start = 8
    if algorithm in ("RSA", "DSA", "ElGamal") and len(body) >= start + 2:
        return int.from_bytes(body[start : start + 2], "big"), ""
    if algorithm in ("ECDSA", "ECDH", "EdDSA") and len(body) > start:
        n = body[start]
        return None, _CURVES.get(body[start + 1 : start + 1 + n].hex(), "unknown curve")
    return None, _FIXED_CURVES.get(algorithm, "")


def _usages(flags: Any, algorithm: str) -> tuple[Usage, ...]:
    if flags is None:
        return (Usage.ENCRYPTION,) if algorithm.startswith(_ENCRYPTING) else (Usage.SIGNATURE,)
    text = str(flags)
    out = []
    if "certification" in text or "signing" in text:
        out.append(Usage.SIGNATURE)
    if "encryption" in text:
        out.append(Usage.ENCRYPTION)
    if "authentication" in text:
        out.append(Usage.AUTHENTICATION)
    return tuple(out)


def _cert_assets(data: bytes, label: str) -> list[Asset]:
    """The primary key and subkeys of one transferable public (or secret) key."""
    out: list[Asset] = []
    primary: Asset | None = None
    current: Asset | None = None
    uids: list[str] = []
    for pk in PacketPile.from_bytes(data):
        tag = pk.tag
        if tag in (Tag.PublicKey, Tag.SecretKey, Tag.PublicSubkey, Tag.SecretSubkey):
            name = str(pk.key_algorithm).rsplit(".", 1)[-1]
            algorithm = _ALGORITHMS.get(name, name)
            body = bytes(pk.body)
            size, curve = _size_and_curve(body, algorithm)
            is_primary = tag in (Tag.PublicKey, Tag.SecretKey)
            current = Asset(
                AssetKind.OPENPGP_KEY if is_primary else AssetKind.OPENPGP_SUBKEY,
                label,
                str(pk.fingerprint).upper(),
                algorithm,
                (),
                key_size=size,
                curve=curve,
                not_before=pk.key_created,
                fingerprint=str(pk.fingerprint).lower(),
                details={"version": f"v{body[0]}" if body else "?", "flags": None},
            )
            if is_primary:
                primary = current
            elif primary is not None:
                current.details["primary"] = primary.fingerprint
            out.append(current)
        elif tag == Tag.UserID and len(uids) < 10:
            try:
                uids.append(str(pk.user_id))
            except (ValueError, UnicodeDecodeError):
                continue
        elif tag == Tag.Signature and current is not None:
            flags, validity = pk.key_flags, pk.key_validity_period
            if flags is not None:
                current.details["flags"] = str(flags)
                current.usages = _usages(flags, current.algorithm)
            if validity and current.not_before:
                current.not_after = current.not_before + validity
    for a in out:
        if not a.usages:
            a.usages = _usages(None, a.algorithm)
        a.details["user_ids"] = uids
        a.details.pop("flags", None)
        if a.not_before is not None and a.not_before.tzinfo is None:
            a.not_before = a.not_before.replace(tzinfo=UTC)
        if a.not_after is not None and a.not_after.tzinfo is None:
            a.not_after = a.not_after.replace(tzinfo=UTC)
        if (a.kind is AssetKind.OPENPGP_SUBKEY and uids) or uids:
            a.name = f"{a.name} ({uids[0]})"
    return out


def _key_blobs(data: bytes) -> Iterator[bytes]:
    """Key material in a file or message: armored blocks, attached keys, Autocrypt keydata."""
    yield from _ARMOR.findall(data)
    if is_message(data):
        for part in parts(data):
            for header in part.get_all("Autocrypt", []) or []:
                m = re.search(r"keydata=([A-Za-z0-9+/=\s]+)", str(header))
                if m:
                    try:
                        yield base64.b64decode("".join(m.group(1).split()), validate=True)
                    except (binascii.Error, ValueError):
                        continue
            if part.get_content_type() == "application/pgp-keys":
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and not _ARMOR.search(payload):
                    yield payload
    elif data[:1] and data[0] & 0x80 and not _ARMOR.search(data[:4096]):
        yield data  # a binary key or keyring


def _read(blob: bytes, label: str, budget: list[int], limit: int) -> list[Asset]:
    try:
        certs = pysequoia.Cert.split_bytes(blob)
    except Exception as exc:  # pysequoia raises its own and builtin errors for bad packets
        return [_error(label, f"OpenPGP data not readable: {_short(exc)}")]
    out: list[Asset] = []
    for cert in certs:
        if budget[0] <= 0:
            out.append(_error(label, f"more than {limit} keys: the rest is not read"))
            break
        budget[0] -= 1
        try:
            out.extend(_cert_assets(bytes(cert), label))
        except Exception as exc:
            out.append(_error(label, f"OpenPGP key not readable: {_short(exc)}"))
    return out


def _short(exc: Exception) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:200]


def _error(label: str, error: str) -> Asset:
    return Asset(AssetKind.OPENPGP_KEY, label, label, "", error=error)


def openpgp_assets(
    paths: Iterable[Path], *, max_bytes: int = MAX_BYTES, max_keys: int = MAX_KEYS
) -> list[Asset]:
    """OpenPGP keys under ``paths`` (files, keyrings, messages); a key met twice is kept once."""
    out: list[Asset] = []
    seen: set[tuple[str, str]] = set()
    budget = [max_keys]
    for label, data, error in walk(paths, max_bytes=max_bytes):
        if data is None:
            out.append(_error(label, error))
            continue
        try:
            blobs = list(_key_blobs(data))
        except (ValueError, TypeError, LookupError) as exc:
            out.append(_error(label, f"message not readable: {_short(exc)}"))
            continue
        for blob in blobs:
            for a in _read(blob, label, budget, max_keys):
                key = (a.kind.value, a.fingerprint or f"{label}:{a.error}")
                if key in seen:
                    continue
                seen.add(key)
                out.append(a)
    return out
