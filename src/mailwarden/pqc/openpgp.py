"""OpenPGP keys (v4 and v6, RFC 4880 / RFC 9580, with the RFC 9980 post-quantum algorithms) in key
files, keyrings (binary, armored, GnuPG's ``pubring.kbx``) and messages — attached keys
(application/pgp-keys), Autocrypt headers and armored key blocks in bodies: one asset per
primary key and per subkey, with the algorithm, RSA size or curve, what the key flags allow,
creation and expiry.

A keyring is split into certificates here, packet header by packet header (RFC 9580 §4.2), so
that a corrupt certificate is one asset with ``error`` and the ones after it are still read,
and so that a huge keyring stops at ``max_keys`` without being parsed whole. Each certificate's
packets are parsed by pysequoia (Sequoia PGP); an algorithm it does not name is read from the
key packet's algorithm id (RFC 9580 §9.1, and ids 30–36 of RFC 9980). Key flags and expiry come from
the newest self-signature; signatures are not verified (an inventory, not a trust decision)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pysequoia.packet import PacketPile, Tag

from .assets import Asset, AssetKind, Usage
from .mailfiles import MAX_BYTES, is_keybox, is_message, keybox_blobs, parts, walk

__all__ = ["OpenPgpError", "openpgp_assets", "split_keyring"]

MAX_KEYS = 10_000  # certificates (primary keys) in one run
MAX_PACKETS = 5_000  # in one certificate (third-party signatures of a popular key included)
MAX_USER_IDS = 20
MAX_SEEN = 20

_ARMOR = re.compile(
    rb"-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----\r?\n(.*?)-----END PGP \1 KEY BLOCK-----", re.S
)
_AUTOCRYPT_KEYDATA = re.compile(r"keydata=([A-Za-z0-9+/=\s]+)")
_KEY_TAGS = {5: True, 6: True, 7: False, 14: False}  # tag → primary? (secret/public (sub)keys)
_USER_ID_TAG = 13

#: RFC 9580 §9.1 and RFC 9980 (30–36: the composite ML-DSA and ML-KEM, and SLH-DSA)
ALGORITHM_IDS = {
    1: "RSA", 2: "RSA", 3: "RSA", 16: "ElGamal", 17: "DSA", 18: "ECDH", 19: "ECDSA", 20: "ElGamal",
    21: "DH", 22: "EdDSA", 25: "X25519", 26: "X448", 27: "Ed25519", 28: "Ed448",
    30: "ML-DSA-65+Ed25519", 31: "ML-DSA-87+Ed448", 32: "SLH-DSA-SHAKE-128s",
    33: "SLH-DSA-SHAKE-128f", 34: "SLH-DSA-SHAKE-256s", 35: "ML-KEM-768+X25519",
    36: "ML-KEM-1024+X448",
}  # fmt: skip
_CURVES = {
    "2a8648ce3d030107": "secp256r1", "2b81040022": "secp384r1", "2b81040023": "secp521r1",
    "2b06010401da470f01": "Ed25519", "2b060104019755010501": "Cv25519", "2b656f": "X448",
    "2b6571": "Ed448", "2b2403030208010107": "brainpoolP256r1",
    "2b240303020801010b": "brainpoolP384r1", "2b240303020801010d": "brainpoolP512r1",
    "2b8104000a": "secp256k1",
}  # fmt: skip
_FIXED_CURVES = {"Ed25519": "Ed25519", "X25519": "X25519", "Ed448": "Ed448", "X448": "X448"}
_ENCRYPTING = ("ECDH", "X25519", "X448", "ElGamal", "ML-KEM", "DH")
_SELF_SIG_TYPES = {"DirectKey", "GenericCertification", "PersonaCertification",
                   "CasualCertification", "PositiveCertification", "SubkeyBinding"}  # fmt: skip
_REVOCATIONS = {"KeyRevocation", "SubkeyRevocation"}
#: signatures over the primary key wherever they are in the certificate (a revocation appended)
_PRIMARY_SIG_TYPES = {"KeyRevocation", "DirectKey"}


class OpenPgpError(ValueError):
    """OpenPGP data that is not what RFC 9580 says (truncated packet, bad armor)."""


# --- splitting: armor, packets, certificates


def dearmor(block: bytes) -> bytes:
    """The binary content of an ASCII-armored block (RFC 9580 §6.2); the CRC is not checked."""
    m = _ARMOR.search(block)
    if m is None:
        raise OpenPgpError("no armored key block")
    text = m.group(2).replace(b"\r\n", b"\n")
    _headers, sep, body = text.partition(b"\n\n")
    lines = [ln.strip() for ln in (body if sep else text).split(b"\n")]
    data = b"".join(ln for ln in lines if ln and not (ln.startswith(b"=") and len(ln) == 5))
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise OpenPgpError("bad armor: not base64") from exc


def _packets(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(tag, start of the packet, end of the packet) of the packets in ``data`` (bounded by it)."""
    pos = 0
    while pos < len(data):
        start, b = pos, data[pos]
        if not b & 0x80:
            raise OpenPgpError(f"not an OpenPGP packet at byte {pos}")
        if b & 0x40:  # new format (RFC 9580 §4.2.1)
            tag, pos = b & 0x3F, pos + 1
            if pos >= len(data):
                raise OpenPgpError("truncated packet header")
            first = data[pos]
            if first < 192:
                length, pos = first, pos + 1
            elif first < 224:
                if pos + 2 > len(data):
                    raise OpenPgpError("truncated packet header")
                length, pos = ((first - 192) << 8) + data[pos + 1] + 192, pos + 2
            elif first == 255:
                if pos + 5 > len(data):
                    raise OpenPgpError("truncated packet header")
                length, pos = int.from_bytes(data[pos + 1 : pos + 5], "big"), pos + 5
            else:  # partial body lengths: data packets only, never in a key
                raise OpenPgpError("partial body length in a key")
        else:  # legacy format (RFC 9580 §4.2.2)
            tag, kind, pos = (b >> 2) & 0x0F, b & 0x03, pos + 1
            if kind == 3:
                raise OpenPgpError("indeterminate length in a key")
            n = (1, 2, 4)[kind]
            if pos + n > len(data):
                raise OpenPgpError("truncated packet header")
            length, pos = int.from_bytes(data[pos : pos + n], "big"), pos + n
        if pos + length > len(data):
            raise OpenPgpError("truncated packet")
        pos += length
        yield tag, start, pos


def split_keyring(data: bytes) -> Iterator[bytes]:
    """The certificates (transferable public or secret keys, RFC 9580 §10.1) of a keyring,
    one at a time. Raises :class:`OpenPgpError` where the packet stream breaks — after
    yielding the certificates before it."""
    start: int | None = None
    count = 0
    for tag, s, _e in _packets(data):
        if _KEY_TAGS.get(tag) is True:
            if start is not None:
                yield data[start:s]
            start, count = s, 0
        elif start is None and tag not in (2, 12):  # a signature or trust packet may lead
            raise OpenPgpError(f"a keyring does not start with packet type {tag}")
        count += 1
        if count > MAX_PACKETS:
            raise OpenPgpError(f"more than {MAX_PACKETS} packets in one key")
    if start is not None:
        yield data[start:]


def looks_like_keyring(data: bytes) -> bool:
    """Binary OpenPGP whose first packet is a public or secret key of a known version."""
    if len(data) < 3 or not data[0] & 0x80:
        return False
    if data[0] & 0x40:
        tag, first = data[0] & 0x3F, data[1]
        header = 2 if first < 192 else 3 if first < 224 else 6
    else:
        tag, header = (data[0] >> 2) & 0x0F, 1 + (1, 2, 4, 0)[data[0] & 0x03]
    return tag in (5, 6) and len(data) > header and data[header] in (3, 4, 5, 6)


# --- one key packet


@dataclass
class KeyPacket:
    version: int
    created: datetime
    algorithm_id: int
    key_size: int | None
    curve: str

    @property
    def algorithm(self) -> str:
        return ALGORITHM_IDS.get(self.algorithm_id, f"unknown ({self.algorithm_id})")


def parse_key_packet(body: bytes) -> KeyPacket:
    """A public- or secret-key packet's body (RFC 9580 §5.5.2): version, creation time,
    algorithm id, and the RSA/DSA/ElGamal size or the ECC curve. Raises OpenPgpError."""
    if len(body) < 6:
        raise OpenPgpError("key packet too short")
    version = body[0]
    if version == 3:  # created, 2-byte validity, algorithm, MPIs
        if len(body) < 8:
            raise OpenPgpError("key packet too short")
        algo, start = body[7], 8
    elif version in (4, 5, 6):  # v5 and v6: a 4-byte key material length before the material
        algo, start = body[5], 6 if version == 4 else 10
    else:
        raise OpenPgpError(f"unknown key version {version}")
    created = datetime.fromtimestamp(int.from_bytes(body[1:5], "big"), UTC)
    name = ALGORITHM_IDS.get(algo, "")
    size: int | None = None
    curve = _FIXED_CURVES.get(name, "")
    if name in ("RSA", "DSA", "ElGamal", "DH") and len(body) >= start + 2:
        size = int.from_bytes(body[start : start + 2], "big")  # the first MPI's bit count
    elif name in ("ECDSA", "ECDH", "EdDSA") and len(body) > start:
        n = body[start]
        if n in (0, 0xFF) or len(body) < start + 1 + n:
            raise OpenPgpError("bad curve OID")
        curve = _CURVES.get(body[start + 1 : start + 1 + n].hex(), "unknown curve")
    return KeyPacket(version, created, algo, size, curve)


def _fingerprint(version: int, body: bytes) -> str:
    """RFC 9580 §5.5.4: v4 SHA-1 over 0x99 + 2-byte length, v6 SHA-256 over 0x9B + 4-byte length."""
    if version == 6:
        return hashlib.sha256(b"\x9b" + len(body).to_bytes(4, "big") + body).hexdigest()
    return hashlib.sha1(b"\x99" + len(body).to_bytes(2, "big") + body, usedforsecurity=False).hexdigest()


# --- one certificate


def _flag_names(flags: Any) -> list[str]:
    names = ("certification", "signing", "transport_encryption", "storage_encryption", "authentication")
    return [n for n in names if getattr(flags, n, False)]


def _usages(flags: list[str] | None, algorithm: str) -> tuple[Usage, ...]:
    if flags is None:  # no self-signature with key flags: what the algorithm can do
        return (Usage.ENCRYPTION,) if algorithm.startswith(_ENCRYPTING) else (Usage.SIGNATURE,)
    out = []
    if "certification" in flags or "signing" in flags:
        out.append(Usage.SIGNATURE)
    if "transport_encryption" in flags or "storage_encryption" in flags:
        out.append(Usage.ENCRYPTION)
    if "authentication" in flags:
        out.append(Usage.AUTHENTICATION)
    return tuple(out)


def _utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


@dataclass
class _Key:
    asset: Asset
    packet: KeyPacket
    flags: list[str] | None = None
    flags_at: datetime | None = None
    validity: timedelta | None = None
    validity_at: datetime | None = None
    revoked: bool = False


def _cert_assets(data: bytes, label: str) -> list[Asset]:
    """The primary key and subkeys of one certificate. Raises RuntimeError (pysequoia) or
    OpenPgpError."""
    keys: list[_Key] = []
    uids: list[str] = []
    primary_fp = ""
    for pk in PacketPile.from_bytes(data):
        tag = pk.tag
        if tag in (Tag.PublicKey, Tag.SecretKey, Tag.PublicSubkey, Tag.SecretSubkey):
            body = bytes(pk.body)
            kp = parse_key_packet(body)
            is_primary = tag in (Tag.PublicKey, Tag.SecretKey)
            secret = tag in (Tag.SecretKey, Tag.SecretSubkey)
            fp = (str(pk.fingerprint) if pk.fingerprint else "") or (
                "" if secret else _fingerprint(kp.version, body)
            )
            fp = fp.lower()
            if is_primary:
                primary_fp = fp
            details: dict[str, Any] = {"version": f"v{kp.version}", "algorithm_id": kp.algorithm_id}
            if secret:
                details["secret"] = True
            if not is_primary:
                details["primary"] = primary_fp
            asset = Asset(
                AssetKind.OPENPGP_KEY if is_primary else AssetKind.OPENPGP_SUBKEY,
                label,
                fp.upper(),
                kp.algorithm,
                key_size=kp.key_size,
                curve=kp.curve,
                not_before=kp.created,
                fingerprint=fp,
                details=details,
            )
            keys.append(_Key(asset, kp))
        elif tag == Tag.UserID and len(uids) < MAX_USER_IDS:
            uids.append(bytes(pk.body).decode("utf-8", "replace")[:300])
        elif tag == Tag.Signature and keys:
            _signature(pk, keys[0] if _type(pk) in _PRIMARY_SIG_TYPES else keys[-1], primary_fp)
    if not keys:
        raise OpenPgpError("no key packet")
    out = []
    for k in keys:
        a = k.asset
        a.usages = _usages(k.flags, a.algorithm)
        a.details["key_flags"] = k.flags if k.flags is not None else []
        a.details["user_ids"] = uids
        a.details["revoked"] = k.revoked
        if k.validity and a.not_before is not None:
            a.not_after = a.not_before + k.validity
        a.name = f"{a.name} ({uids[0]})" if uids else a.name
        out.append(a)
    return out


def _type(pk: Any) -> str:
    return str(pk.signature_type).rsplit(".", 1)[-1]


def _signature(pk: Any, key: _Key, primary_fp: str) -> None:
    """A signature after a key (or after a user ID of the primary key): a self-signature's key
    flags and expiry, the newest winning; a revocation by the primary key."""
    issuer = str(pk.issuer_fingerprint or "").lower()
    key_id = str(pk.issuer_key_id or "").lower()
    if not (issuer == primary_fp or (key_id and key_id in (primary_fp[-16:], primary_fp[:16]))):
        return  # a third party's certification
    kind = _type(pk)
    if kind in _REVOCATIONS:
        key.revoked = True
        return
    if kind not in _SELF_SIG_TYPES:
        return
    created = _utc(pk.signature_created) or datetime.min.replace(tzinfo=UTC)
    flags = pk.key_flags
    if flags is not None and (key.flags_at is None or created >= key.flags_at):
        key.flags, key.flags_at = _flag_names(flags), created
    if key.validity_at is None or created >= key.validity_at:
        key.validity, key.validity_at = pk.key_validity_period, created


# --- files and messages


def _key_blobs(data: bytes, label: str) -> Iterator[tuple[str, bytes]]:
    """(where, binary OpenPGP) of the key material in a file or message."""
    if is_keybox(data):
        for kind, blob in keybox_blobs(data, limit=MAX_KEYS * 2):
            if kind == 2:
                yield label, blob
        return
    if is_message(data):
        for part in parts(data):
            for name in ("Autocrypt", "Autocrypt-Gossip"):
                for header in part.get_all(name, []) or []:
                    keydata = _AUTOCRYPT_KEYDATA.search(str(header))
                    if keydata:
                        yield label, _b64("".join(keydata.group(1).split()))
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            if _ARMOR.search(payload):
                yield from ((label, _dearmor_or_empty(m.group(0))) for m in _ARMOR.finditer(payload))
            elif part.get_content_type() == "application/pgp-keys":
                yield label, payload
        return
    found = False
    for m in _ARMOR.finditer(data):
        found = True
        yield label, _dearmor_or_empty(m.group(0))
    if not found and looks_like_keyring(data):
        yield label, data


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return b"\xff"  # reported as not OpenPGP by the reader


def _dearmor_or_empty(block: bytes) -> bytes:
    try:
        return dearmor(block)
    except OpenPgpError:
        return b""


class _Collector:
    def __init__(self, max_keys: int) -> None:
        self.max_keys = max_keys
        self.keys = 0  # in the file being read
        self.capped = False
        self.by_fp: dict[tuple[str, str], Asset] = {}
        self.out: list[Asset] = []

    def error(self, label: str, error: str) -> None:
        self.out.append(Asset(AssetKind.OPENPGP_KEY, label, label, "unknown", error=error))

    def blob(self, data: bytes, label: str) -> None:
        if not data:
            self.error(label, "OpenPGP data not readable: bad armor")
            return
        try:
            for cert in split_keyring(data):
                if self.keys >= self.max_keys:
                    self.capped = True
                    self.error(label, f"more than {self.max_keys} keys: the rest is not read")
                    return
                self.keys += 1
                self.cert(cert, label)
        except OpenPgpError as exc:
            self.error(label, f"OpenPGP data not readable: {exc}")

    def cert(self, data: bytes, label: str) -> None:
        try:
            assets = _cert_assets(data, label)
        except (RuntimeError, OpenPgpError, ValueError) as exc:  # pysequoia raises RuntimeError
            self.error(label, f"OpenPGP key not readable: {_short(exc)}")
            return
        for a in assets:
            kept = self.by_fp.get((a.kind.value, a.fingerprint))
            if kept is not None:
                seen = kept.details["seen_in"]
                if label not in seen and len(seen) < MAX_SEEN:
                    seen.append(label)
                continue
            a.details["seen_in"] = [label]
            self.by_fp[(a.kind.value, a.fingerprint)] = a
            self.out.append(a)


def _short(exc: Exception) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:200]


def openpgp_assets(
    paths: Iterable[Path], *, max_bytes: int = MAX_BYTES, max_keys: int = MAX_KEYS
) -> list[Asset]:
    """OpenPGP keys under ``paths`` (key files, keyrings, messages, mbox files, directories);
    a key met twice is one asset (``details["seen_in"]``). At most ``max_keys`` certificates
    are read from one file or message; the cap, and whatever cannot be read, is an asset with
    ``error``."""
    col = _Collector(max_keys)
    for label, data, error in walk(paths, max_bytes=max_bytes):
        col.keys, col.capped = 0, False
        if data is None:
            col.error(label, error)
            continue
        try:
            for where, blob in _key_blobs(data, label):
                col.blob(blob, where)
                if col.capped:
                    break
        except (ValueError, TypeError, LookupError) as exc:  # the message or keybox, not a key
            col.error(label, f"not readable: {_short(exc)}")
    return col.out
