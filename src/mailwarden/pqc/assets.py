"""What the post-quantum inventory finds: one :class:`Asset` per key, certificate or negotiated
TLS session the organisation's mail depends on, whoever found it (the domain's DKIM records and
MX hosts, S/MIME certificates in files and messages, OpenPGP keys, mailwarden's own listeners).

Every collector fills the same fields, so classification (``classify.py``), the migration plan,
the CycloneDX CBOM, SARIF and the console read assets only — never a collector's own types.
A collector that cannot read something does not raise: it returns an asset with ``error`` set
(an MX that refuses STARTTLS, a corrupt PKCS#7, a truncated OpenPGP packet), which becomes a
finding."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

__all__ = ["Asset", "AssetKind", "Usage"]


class AssetKind(StrEnum):
    TLS_SESSION = "tls-session"  # a handshake with an MX host or a listener of ours
    TLS_CERT = "tls-cert"  # the certificate that host presented
    DKIM_KEY = "dkim-key"  # a DKIM public key in DNS (selector._domainkey.domain)
    SMIME_CERT = "smime-cert"  # an X.509 certificate used for S/MIME
    OPENPGP_KEY = "openpgp-key"  # an OpenPGP primary key
    OPENPGP_SUBKEY = "openpgp-subkey"


class Usage(StrEnum):
    KEY_EXCHANGE = "key-exchange"  # TLS key agreement: recorded today, decrypted later (HNDL)
    ENCRYPTION = "encryption"  # S/MIME key encipherment, OpenPGP encryption subkeys (HNDL)
    SIGNATURE = "signature"  # DKIM, S/MIME and OpenPGP signatures, certificate signatures
    AUTHENTICATION = "authentication"  # TLS server authentication


@dataclass
class Asset:
    kind: AssetKind
    #: where it was found: "example.co.jp" (domain), "mx1.example.co.jp:25", a file path,
    #: "path/to/mail.eml", "mailwarden:smtp 127.0.0.1:10025"
    source: str
    #: the asset's own name: "s1._domainkey.example.co.jp", the certificate's subject, the
    #: OpenPGP fingerprint, "mx1.example.co.jp:25 (TLSv1.3)"
    name: str
    #: "RSA", "ECDSA", "EdDSA", "ECDH", "DH", "X25519MLKEM768", "ML-KEM-768", "ML-DSA-65",
    #: "X25519", "X448", "Ed25519", "Ed448", "DSA", "ElGamal", "SLH-DSA-…", or "unknown"
    algorithm: str
    usages: tuple[Usage, ...] = ()
    key_size: int | None = None  # bits (RSA, DSA, DH); the curve is in ``curve``
    curve: str = ""  # "secp256r1", "X25519"…
    #: TLS sessions: protocol ("TLSv1.3"), cipher, negotiated group ("X25519MLKEM768",
    #: "x25519", "secp256r1"); certificates: signature algorithm ("sha256WithRSAEncryption")
    protocol: str = ""
    cipher: str = ""
    group: str = ""
    signature_algorithm: str = ""
    not_before: datetime | None = None
    not_after: datetime | None = None
    #: a stable identifier across runs: SHA-256 of the public key (hex) when there is one,
    #: else of kind + source + name
    fingerprint: str = ""
    #: what could not be read, in English (shown through the finding's text); "" when read
    error: str = ""
    #: anything else the collector knows (key usage bits, subkey flags, issuer, the MX
    #: preference, the selector…) — JSON-safe values only
    details: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Asset:
        """An asset kept with :meth:`to_dict` (the inventory saved for the console)."""
        data = dict(d)
        data["kind"] = AssetKind(data["kind"])
        data["usages"] = tuple(Usage(u) for u in data.get("usages", ()))
        for key in ("not_before", "not_after"):
            value = data.get(key)
            data[key] = datetime.fromisoformat(value) if value else None
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["kind"] = self.kind.value
        d["usages"] = [u.value for u in self.usages]
        for key in ("not_before", "not_after"):
            value = getattr(self, key)
            d[key] = value.isoformat() if value else None
        return d
