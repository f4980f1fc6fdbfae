"""The inventory as a CycloneDX 1.6 CBOM (cryptography bill of materials), with
cyclonedx-python-lib: each asset a ``cryptographic-asset`` component with ``cryptoProperties``
— TLS sessions as protocols, certificates as certificates, DKIM and OpenPGP keys and S/MIME
recipients as related crypto material — and each distinct algorithm a component of its own,
referenced by them. mailwarden's classification rides along as ``mailwarden:*`` properties."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from cyclonedx.model import Property
from cyclonedx.model.bom import Bom
from cyclonedx.model.bom_ref import BomRef
from cyclonedx.model.component import Component, ComponentType
from cyclonedx.model.crypto import (
    AlgorithmProperties,
    CertificateProperties,
    CryptoAssetType,
    CryptoFunction,
    CryptoPrimitive,
    CryptoProperties,
    ProtocolProperties,
    ProtocolPropertiesCipherSuite,
    ProtocolPropertiesType,
    RelatedCryptoMaterialProperties,
    RelatedCryptoMaterialType,
)
from cyclonedx.output.json import JsonV1Dot6
from cyclonedx.schema import SchemaVersion

from .. import __version__
from .assets import Asset, AssetKind, Usage
from .classify import Classified, is_post_quantum

__all__ = ["cbom_json", "validate_cbom"]

#: NIST post-quantum security categories of the standardised parameter sets
_NIST_LEVEL = {"ML-KEM-512": 1, "ML-KEM-768": 3, "ML-KEM-1024": 5, "ML-DSA-44": 2, "ML-DSA-65": 3,
               "ML-DSA-87": 5, "X25519MLKEM768": 3, "SECP256R1MLKEM768": 3, "X448MLKEM1024": 5,
               "SECP384R1MLKEM1024": 5}  # fmt: skip


def _ref(*parts: str) -> str:
    return "mw-" + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:24]


def _algorithm_name(asset: Asset) -> str:
    if asset.kind is AssetKind.TLS_SESSION:
        return asset.group or "unknown"
    size = asset.curve or (str(asset.key_size) if asset.key_size else "")
    return f"{asset.algorithm}-{size}" if size and not is_post_quantum(asset.algorithm) else asset.algorithm


def _primitive(asset: Asset) -> CryptoPrimitive:
    name = (asset.group or asset.algorithm).upper()
    if "KEM" in name:
        return CryptoPrimitive.KEM
    if asset.kind is AssetKind.TLS_SESSION or Usage.KEY_EXCHANGE in asset.usages:
        return CryptoPrimitive.KEY_AGREE
    if Usage.ENCRYPTION in asset.usages:
        return (
            CryptoPrimitive.KEY_AGREE if name.startswith(("ECDH", "X25519", "X448")) else CryptoPrimitive.PKE
        )
    return CryptoPrimitive.SIGNATURE


def _functions(primitive: CryptoPrimitive) -> list[CryptoFunction]:
    if primitive is CryptoPrimitive.KEM:
        return [CryptoFunction.ENCAPSULATE, CryptoFunction.DECAPSULATE]
    if primitive is CryptoPrimitive.SIGNATURE:
        return [CryptoFunction.SIGN, CryptoFunction.VERIFY]
    if primitive is CryptoPrimitive.PKE:
        return [CryptoFunction.ENCRYPT, CryptoFunction.DECRYPT]
    return [CryptoFunction.KEYDERIVE]


def _algorithm(asset: Asset) -> Component:
    name = _algorithm_name(asset)
    primitive = _primitive(asset)
    level = _NIST_LEVEL.get(name.upper().replace("_", "-"), 0)
    props = AlgorithmProperties(
        primitive=primitive,
        parameter_set_identifier=str(asset.key_size) if asset.key_size else None,
        curve=asset.curve or None,
        crypto_functions=_functions(primitive),
        nist_quantum_security_level=level,
    )
    return Component(
        name=name,
        type=ComponentType.CRYPTOGRAPHIC_ASSET,
        bom_ref=_ref("algorithm", name, primitive.value),
        crypto_properties=CryptoProperties(asset_type=CryptoAssetType.ALGORITHM, algorithm_properties=props),
    )


def _properties(c: Classified) -> list[Property]:
    a = c.asset
    out = [
        Property(name="mailwarden:kind", value=a.kind.value),
        Property(name="mailwarden:source", value=a.source),
        Property(name="mailwarden:quantum-vulnerable", value=str(c.vulnerable).lower()),
        Property(name="mailwarden:exposure", value=c.exposure),
        Property(name="mailwarden:priority", value=str(c.priority)),
        Property(name="mailwarden:next-step", value=c.step),
    ]
    if c.deprecated_after:
        out.append(Property(name="mailwarden:nist-ir-8547:deprecated-after", value=str(c.deprecated_after)))
    if c.disallowed_after:
        out.append(Property(name="mailwarden:nist-ir-8547:disallowed-after", value=str(c.disallowed_after)))
    out += [Property(name="mailwarden:finding", value=f.code) for f in c.findings]
    if a.error:
        out.append(Property(name="mailwarden:error", value=a.error))
    return out


def _component(c: Classified, algo_ref: BomRef | None) -> Component:
    a = c.asset
    ref = _ref("asset", a.kind.value, a.source, a.name, a.fingerprint)
    if a.kind is AssetKind.TLS_SESSION:
        suites = [ProtocolPropertiesCipherSuite(name=a.cipher)] if a.cipher else []
        version = a.protocol.replace("TLSv", "") if a.protocol.startswith("TLSv") else a.protocol or None
        crypto = CryptoProperties(
            asset_type=CryptoAssetType.PROTOCOL,
            protocol_properties=ProtocolProperties(
                type=ProtocolPropertiesType.TLS,
                version=version,
                cipher_suites=suites,
                crypto_refs=[algo_ref] if algo_ref else None,
            ),
        )
    elif (
        a.kind in (AssetKind.TLS_CERT, AssetKind.SMIME_CERT)
        and not a.error
        and a.details.get("certificate", True)
    ):
        crypto = CryptoProperties(
            asset_type=CryptoAssetType.CERTIFICATE,
            certificate_properties=CertificateProperties(
                subject_name=str(a.details.get("subject", a.name))[:1000] or None,
                issuer_name=str(a.details.get("issuer", ""))[:1000] or None,
                not_valid_before=a.not_before,
                not_valid_after=a.not_after,
                signature_algorithm_ref=None,
                subject_public_key_ref=algo_ref,
                certificate_format="X.509",
            ),
        )
    else:
        crypto = CryptoProperties(
            asset_type=CryptoAssetType.RELATED_CRYPTO_MATERIAL,
            related_crypto_material_properties=RelatedCryptoMaterialProperties(
                type=RelatedCryptoMaterialType.PUBLIC_KEY,
                id=a.fingerprint or None,
                algorithm_ref=algo_ref,
                creation_date=a.not_before,
                expiration_date=a.not_after,
                size=a.key_size,
                format={
                    AssetKind.DKIM_KEY: "DKIM",
                    AssetKind.OPENPGP_KEY: "OpenPGP",
                    AssetKind.OPENPGP_SUBKEY: "OpenPGP",
                }.get(a.kind, "X.509"),
            ),
        )
    return Component(
        name=(a.name or a.source)[:500],
        type=ComponentType.CRYPTOGRAPHIC_ASSET,
        bom_ref=ref,
        crypto_properties=crypto,
        properties=_properties(c),
    )


def cbom_json(classified: list[Classified], *, generated: datetime | None = None) -> str:
    """The CBOM as CycloneDX 1.6 JSON."""
    bom = Bom()
    if generated:
        bom.metadata.timestamp = generated
    bom.metadata.component = Component(name="mailwarden pqc inventory", type=ComponentType.APPLICATION,
                                       version=__version__, bom_ref="mailwarden")  # fmt: skip
    algorithms: dict[str, Component] = {}
    for c in classified:
        algo_ref = None
        if not c.asset.error and (c.asset.algorithm or c.asset.group):
            algo = _algorithm(c.asset)
            key = str(algo.bom_ref.value)
            algorithms.setdefault(key, algo)
            algo_ref = algorithms[key].bom_ref
        bom.components.add(_component(c, algo_ref))
    for algo in algorithms.values():
        bom.components.add(algo)
    bom.register_dependency(bom.metadata.component, list(bom.components))
    return str(JsonV1Dot6(bom).output_as_string(indent=2))


def validate_cbom(text: str) -> list[str]:
    """Errors of ``text`` against the CycloneDX 1.6 JSON schema (strict); [] when valid."""
    from cyclonedx.validation.json import JsonStrictValidator

    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    return [] if error is None else [str(error)]


def summary(text: str) -> dict[str, Any]:
    """Counts of a CBOM's components by asset type (for tests and the CLI's message)."""
    doc = json.loads(text)
    counts: dict[str, int] = {}
    for comp in doc.get("components", []):
        t = comp.get("cryptoProperties", {}).get("assetType", "?")
        counts[t] = counts.get(t, 0) + 1
    return counts
