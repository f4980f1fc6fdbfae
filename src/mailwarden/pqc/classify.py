"""Each asset's quantum exposure, the NIST IR 8547 dates that apply, and the next step.

NIST IR 8547 (initial public draft, 2024): RSA, ECDSA, EdDSA, DH and ECDH at 112 bits of
security (RSA-2048, DH-2048, 224-bit curves) are *deprecated after 2030*; every RSA and
elliptic-curve algorithm is *disallowed after 2035*. Keys below 112 bits (RSA-1024, 192-bit
curves) and DSA are disallowed already (SP 800-131A). Exposure decides the order of the work:

* ``now`` — broken today (plain text, obsolete TLS, keys already too weak): first;
* ``hndl`` — harvest now, decrypt later: key exchange and encryption keys, whose traffic and
  mail recorded today are readable later: next;
* ``forgery`` — signatures, forgeable once RSA/ECC fall: long-lived ones (S/MIME, OpenPGP,
  certificates) before DKIM, whose signatures are checked on arrival;
* ``none`` — post-quantum or hybrid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..core.findings import Finding
from ..core.i18n import N_
from . import codes  # noqa: F401  (registers the pqc.* codes)
from .assets import Asset, AssetKind, Usage

__all__ = ["Classified", "classify", "classify_all", "is_post_quantum"]

DEPRECATED_112 = 2030
DISALLOWED_RSA_ECC = 2035

_PQ = re.compile(r"ML-?KEM|ML-?DSA|SLH-?DSA|KYBER|DILITHIUM|FN-?DSA|FALCON|SPHINCS", re.I)
#: curve name → bits of the group order (security is half)
_CURVES = {
    "secp192r1": 192, "prime192v1": 192, "p-192": 192,
    "secp224r1": 224, "p-224": 224,
    "secp256r1": 256, "prime256v1": 256, "p-256": 256, "secp256k1": 256, "brainpoolp256r1": 256,
    "secp384r1": 384, "p-384": 384, "brainpoolp384r1": 384,
    "secp521r1": 521, "p-521": 521, "brainpoolp512r1": 512,
    "x25519": 255, "ed25519": 255, "curve25519": 255, "cv25519": 255,
    "x448": 448, "ed448": 448,
}  # fmt: skip
#: TLS groups → (algorithm, size)
_GROUPS = {
    "x25519": ("X25519", 255),
    "x448": ("X448", 448),
    "ffdhe2048": ("DH", 2048),
    "ffdhe3072": ("DH", 3072),
}
#: curves of fewer bits give 112-bit strength at most (P-224); Curve25519 (255) gives 128
_EC_128 = 250
_OLD_TLS = {"SSLv2", "SSLv3", "TLSv1", "TLSv1.0", "TLSv1.1"}

# the next step, by what the asset is (N_: translated where shown)
STEPS = {
    "tls-hybrid": N_("Offer the hybrid key exchange X25519MLKEM768 on the MTA (TLS 1.3, OpenSSL 3.5+)."),
    "smime-mlkem": N_(
        "Pilot ML-KEM S/MIME (RFC 9936): issue a test user an ML-KEM-768 encryption certificate beside "
        "the RSA one, check that your mail clients and gateway decrypt it, then plan re-encrypting "
        "long-kept archives."
    ),
    "smime-mldsa": N_(
        "Plan ML-DSA signing certificates (RFC 9881) for S/MIME when your CA offers them; until then keep "
        "signing certificates at RSA-3072 or ECDSA P-256 and valid for two years at most."
    ),
    "openpgp-mlkem": N_(
        "Add an ML-KEM-768+X25519 encryption subkey (RFC 9980) to this key with an implementation that "
        "supports it (e.g. Sequoia), and publish the updated key; correspondents then encrypt to both."
    ),
    "openpgp-mldsa": N_(
        "Create a v6 key with an ML-DSA-65+Ed25519 signing key (RFC 9980) beside this one and cross-sign "
        "them; move signing to it as correspondents' software supports it."
    ),
    "dkim-dual": N_("Dual-sign DKIM with Ed25519 beside RSA-2048 and rotate keys yearly."),
    "cert-renew": N_(
        "Renew certificates automatically (ACME) so that ML-DSA certificates are a renewal away."
    ),
    "fix-now": N_("Fix now: this is weak without any quantum computer."),
    "none": N_("Nothing to do: post-quantum already."),
    "check": N_("Check what could not be read and run the inventory again."),
}


@dataclass
class Classified:
    asset: Asset
    findings: list[Finding]
    vulnerable: bool  # to a quantum computer (Shor): RSA, DH, ECC
    exposure: str  # now | hndl | forgery | none | unknown
    priority: int  # 1 (first) … 5
    step: str  # a STEPS key
    deprecated_after: int | None  # the year after which NIST deprecates it (112-bit strength)
    disallowed_after: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "asset": self.asset.to_dict(),
            "vulnerable": self.vulnerable,
            "exposure": self.exposure,
            "priority": self.priority,
            "step": self.step,
            "next_step": _t(STEPS[self.step]),
            "deprecated_after": self.deprecated_after,
            "disallowed_after": self.disallowed_after,
            "findings": [f.to_dict() for f in self.findings],
        }


def _t(text: str) -> str:
    from ..core.i18n import gettext

    return gettext(text)


def is_post_quantum(algorithm: str) -> bool:
    return bool(_PQ.search(algorithm or ""))


def _strength(asset: Asset) -> tuple[str, int | None, bool]:
    """(algorithm family, size shown, weak now) of a classical key."""
    algo = (asset.algorithm or "").upper()
    curve = (asset.curve or "").lower()
    if algo in ("RSA", "DH", "ELGAMAL", "DSA"):
        size = asset.key_size
        weak = algo == "DSA" or (size is not None and size < 2048)
        return asset.algorithm, size, weak
    bits = _CURVES.get(curve) or _CURVES.get(algo.lower())
    return asset.algorithm, bits, bits is not None and bits < 224


def _dates(asset: Asset, size: int | None) -> tuple[int, int]:
    algo = (asset.algorithm or "").upper()
    if algo in ("RSA", "DH", "ELGAMAL", "DSA"):
        deprecated = DEPRECATED_112 if size is not None and size < 3072 else DISALLOWED_RSA_ECC
    else:
        deprecated = DEPRECATED_112 if size is not None and size < _EC_128 else DISALLOWED_RSA_ECC
    return deprecated, DISALLOWED_RSA_ECC


def _size_text(asset: Asset, size: int | None) -> str:
    if asset.curve:
        return asset.curve
    return f"{size}" if size else ""


def _tls_session(asset: Asset, now: datetime) -> Classified:
    subject = asset.source or asset.name
    if asset.error:
        missing = "STARTTLS" in asset.error and "not offered" in asset.error
        code = "pqc.starttls-missing" if missing else "pqc.tls-unreachable"
        f = Finding(code, subject, {"subject": subject, "error": asset.error})
        return Classified(
            asset,
            [f],
            missing,
            "now" if missing else "unknown",
            1 if missing else 5,
            "fix-now" if missing else "check",
            None,
            None,
        )
    params = {
        "subject": subject,
        "group": asset.group or "?",
        "protocol": asset.protocol or "?",
        "domain": str(asset.details.get("domain", "")),
        "algorithm": "",
        "disallowed": DISALLOWED_RSA_ECC,
    }
    findings: list[Finding] = []
    if asset.protocol in _OLD_TLS:
        findings.append(Finding("pqc.tls-old-protocol", subject, params))
    if is_post_quantum(asset.group):
        findings.append(Finding("pqc.tls-hybrid", subject, params))
        return Classified(
            asset,
            findings,
            False,
            "now" if len(findings) > 1 else "none",
            1 if len(findings) > 1 else 6,
            "fix-now" if len(findings) > 1 else "none",
            None,
            None,
        )
    if asset.group:
        algo, size = _GROUPS.get(asset.group.lower(), ("ECDH", _CURVES.get(asset.group.lower())))
    else:  # no group: key transport with the certificate's RSA key (TLS 1.2 and older)
        algo, size = asset.algorithm or "RSA", asset.key_size
    params["algorithm"] = f"{algo} ({asset.group})" if asset.group else algo
    findings.append(Finding("pqc.tls-classical", subject, params))
    deprecated = (
        DEPRECATED_112
        if size is not None and (size < _EC_128 if algo != "DH" else size < 3072)
        else DISALLOWED_RSA_ECC
    )
    old = asset.protocol in _OLD_TLS
    return Classified(
        asset,
        findings,
        True,
        "now" if old else "hndl",
        1 if old else 2,
        "fix-now" if old else "tls-hybrid",
        deprecated,
        DISALLOWED_RSA_ECC,
    )


def _validity(asset: Asset, subject: str, now: datetime) -> list[Finding]:
    out: list[Finding] = []
    if asset.not_after and asset.not_after < now:
        if asset.kind is AssetKind.TLS_CERT:
            why = N_("expired on {date}").format(date=asset.not_after.date().isoformat())
            out.append(Finding("pqc.cert-not-valid", subject, {"subject": subject, "why": why}))
        else:
            out.append(
                Finding(
                    "pqc.key-expired",
                    subject,
                    {"subject": subject, "date": asset.not_after.date().isoformat()},
                )
            )
    if asset.kind is AssetKind.TLS_CERT and asset.details.get("self_signed"):
        out.append(Finding("pqc.cert-not-valid", subject, {"subject": subject, "why": N_("self-signed")}))
    return out


#: CMS recipients that unwrap the content key without a public key (RFC 5652 §6.2.3, RFC 3211)
_SYMMETRIC_RECIPIENTS = {
    "kek": (N_("shared key-encryption key"), "KEKRecipientInfo"),
    "password": (N_("password"), "PasswordRecipientInfo"),
}


def _key(asset: Asset, now: datetime) -> Classified:
    subject = asset.name or asset.source
    if asset.error:
        f = Finding("pqc.unreadable", subject, {"subject": subject, "error": asset.error})
        return Classified(asset, [f], False, "unknown", 5, "check", None, None)
    extra = _validity(asset, subject, now)
    recipient = asset.details.get("recipient")
    if asset.kind is AssetKind.SMIME_CERT and recipient in _SYMMETRIC_RECIPIENTS:
        kind, info = _SYMMETRIC_RECIPIENTS[str(recipient)]
        # the kind is a msgid, translated where shown
        f = Finding("pqc.symmetric-recipient", subject, {"subject": subject, "kind": kind, "info": info})
        return Classified(asset, [f, *extra], False, "none", 6, "none", None, None)
    if is_post_quantum(asset.algorithm):
        f = Finding("pqc.pq-key", subject, {"subject": subject, "algorithm": asset.algorithm})
        return Classified(asset, [f, *extra], False, "none", 6, "none", None, None)
    algo, size, weak = _strength(asset)
    deprecated, disallowed = _dates(asset, size)
    params: dict[str, Any] = {
        "subject": subject,
        "algorithm": algo,
        "size": _size_text(asset, size),
        "deprecated": deprecated,
        "disallowed": disallowed,
        "signature": asset.signature_algorithm or "?",
        "domain": str(asset.details.get("domain", "")),
    }
    if weak:
        f = Finding("pqc.weak-key", subject, params)
        return Classified(asset, [f, *extra], True, "now", 1, "fix-now", deprecated, disallowed)
    encrypts = Usage.ENCRYPTION in asset.usages or Usage.KEY_EXCHANGE in asset.usages
    if asset.kind is AssetKind.DKIM_KEY:
        f = Finding("pqc.dkim-classical", subject, params)
        return Classified(asset, [f, *extra], True, "forgery", 4, "dkim-dual", deprecated, disallowed)
    if asset.kind is AssetKind.TLS_CERT:
        f = Finding("pqc.cert-classical", subject, params)
        return Classified(asset, [f, *extra], True, "forgery", 3, "cert-renew", deprecated, disallowed)
    openpgp = asset.kind in (AssetKind.OPENPGP_KEY, AssetKind.OPENPGP_SUBKEY)
    expired = bool(asset.not_after and asset.not_after < now)
    if encrypts:
        step = "openpgp-mlkem" if openpgp else "smime-mlkem"
        params["step"] = STEPS[step]
        f = Finding("pqc.encryption-classical", subject, params)
        # an expired key encrypts nothing new, but what was encrypted to it stays exposed
        return Classified(asset, [f, *extra], True, "hndl", 3 if expired else 2, step, deprecated, disallowed)
    step = "openpgp-mldsa" if openpgp else "smime-mldsa"
    params["step"] = STEPS[step]
    f = Finding("pqc.signature-classical", subject, params)
    return Classified(asset, [f, *extra], True, "forgery", 4 if expired else 3, step, deprecated, disallowed)


def classify(asset: Asset, *, now: datetime | None = None) -> Classified:
    now = now or datetime.now(UTC)
    if asset.kind is AssetKind.TLS_SESSION:
        return _tls_session(asset, now)
    return _key(asset, now)


def classify_all(assets: list[Asset], *, now: datetime | None = None) -> list[Classified]:
    """Every asset classified, most urgent first (then by kind and name, for a stable order)."""
    out = [classify(a, now=now) for a in assets]
    out.sort(key=lambda c: (c.priority, c.asset.kind.value, c.asset.source, c.asset.name))
    return out
