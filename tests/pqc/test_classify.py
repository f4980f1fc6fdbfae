"""Classification of assets by quantum exposure and NIST IR 8547's dates, the migration plan,
and the CycloneDX 1.6 CBOM validated against the schema."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from mailwarden.pqc.assets import Asset, AssetKind, Usage
from mailwarden.pqc.cbom import cbom_json, summary, validate_cbom
from mailwarden.pqc.classify import classify, classify_all
from mailwarden.pqc.plan import migration_plan

NOW = datetime(2026, 12, 5, tzinfo=UTC)
SIG, ENC = (Usage.SIGNATURE,), (Usage.ENCRYPTION,)
DKIM, SMIME, CERT = AssetKind.DKIM_KEY, AssetKind.SMIME_CERT, AssetKind.TLS_CERT
PGP, SUB = AssetKind.OPENPGP_KEY, AssetKind.OPENPGP_SUBKEY
ENC_CODE, SIG_CODE = "pqc.encryption-classical", "pqc.signature-classical"


def session(group: str, protocol: str = "TLSv1.3", error: str = "") -> Asset:
    return Asset(AssetKind.TLS_SESSION, "mx1.example.jp:25", "mx1.example.jp:25", "ECDHE" if group else "",
                 (Usage.KEY_EXCHANGE,), protocol=protocol, cipher="TLS_AES_256_GCM_SHA384", group=group,
                 error=error, details={"domain": "example.jp"})  # fmt: skip


def key(kind: AssetKind, algorithm: str, size: int | None = None, curve: str = "", usages=SIG, **kw) -> Asset:
    return Asset(kind, "keys/", f"{algorithm}-{size or curve}", algorithm, usages, key_size=size, curve=curve,
                 fingerprint=f"fp-{algorithm}-{size}-{curve}-{kind.value}-{usages}", **kw)  # fmt: skip


@pytest.mark.parametrize(
    ("asset", "code", "exposure", "priority", "step", "deprecated"),
    [
        (session("X25519MLKEM768"), "pqc.tls-hybrid", "none", 6, "none", None),
        (session("x25519"), "pqc.tls-classical", "hndl", 2, "tls-hybrid", 2035),
        (session("ffdhe2048", "TLSv1.2"), "pqc.tls-classical", "hndl", 2, "tls-hybrid", 2030),
        (session("secp256r1", "TLSv1"), "pqc.tls-old-protocol", "now", 1, "fix-now", 2035),
        (session("", error="STARTTLS not offered"), "pqc.starttls-missing", "now", 1, "fix-now", None),
        (session("", error="connection refused"), "pqc.tls-unreachable", "unknown", 5, "check", None),
        (key(DKIM, "RSA", 1024), "pqc.weak-key", "now", 1, "fix-now", 2030),
        (key(DKIM, "RSA", 2048), "pqc.dkim-classical", "forgery", 4, "dkim-dual", 2030),
        (key(DKIM, "Ed25519", curve="Ed25519"), "pqc.dkim-classical", "forgery", 4, "dkim-dual", 2035),
        (key(SMIME, "RSA", 3072, usages=ENC), ENC_CODE, "hndl", 2, "smime-mlkem", 2035),
        (key(SMIME, "ECDSA", curve="secp256r1"), SIG_CODE, "forgery", 3, "smime-mldsa", 2035),
        (key(SUB, "ECDH", curve="Cv25519", usages=ENC), ENC_CODE, "hndl", 2, "openpgp-mlkem", 2035),
        (key(PGP, "DSA", 1024), "pqc.weak-key", "now", 1, "fix-now", 2030),
        (key(SUB, "ML-KEM-768+X25519", usages=ENC), "pqc.pq-key", "none", 6, "none", None),
        (key(CERT, "RSA", 2048), "pqc.cert-classical", "forgery", 3, "cert-renew", 2030),
        (key(PGP, "RSA", 4096, error="truncated"), "pqc.unreadable", "unknown", 5, "check", None),
    ],
)  # fmt: skip
def test_classification(asset, code, exposure, priority, step, deprecated) -> None:
    c = classify(asset, now=NOW)
    assert c.findings[0].code == code
    assert (c.exposure, c.priority, c.step, c.deprecated_after) == (exposure, priority, step, deprecated)
    assert c.vulnerable == ((exposure in ("hndl", "forgery", "now") and code != "pqc.tls-old-protocol") or
                            code in ("pqc.tls-old-protocol", "pqc.starttls-missing"))  # fmt: skip
    text = c.findings[0].detail + c.findings[0].remediation
    assert "{" not in text  # every placeholder filled


def test_validity_findings_beside_the_classification() -> None:
    expired = key(CERT, "RSA", 2048, not_after=datetime(2026, 1, 1, tzinfo=UTC),
                  details={"self_signed": True})  # fmt: skip
    codes = [f.code for f in classify(expired, now=NOW).findings]
    assert codes == ["pqc.cert-classical", "pqc.cert-not-valid", "pqc.cert-not-valid"]
    old_pgp = key(
        AssetKind.OPENPGP_SUBKEY, "RSA", 3072, usages=ENC, not_after=datetime(2025, 1, 1, tzinfo=UTC)
    )
    c = classify(old_pgp, now=NOW)
    assert [f.code for f in c.findings] == ["pqc.encryption-classical", "pqc.key-expired"]
    assert c.priority == 3  # encrypts nothing new, but what was encrypted to it stays exposed


def test_plan_orders_steps_and_dates_them() -> None:
    assets = [
        session("x25519"),
        key(DKIM, "RSA", 2048),
        key(DKIM, "RSA", 1024),
        key(SMIME, "RSA", 2048, usages=ENC),
        session("X25519MLKEM768"),
    ]
    plan = migration_plan(classify_all(assets, now=NOW), today=date(2026, 12, 5))
    assert [s.step for s in plan] == ["fix-now", "tls-hybrid", "smime-mlkem", "dkim-dual"]
    due = {s.step: s.due for s in plan}
    assert due == {
        "fix-now": date(2026, 12, 5),
        "tls-hybrid": date(2027, 12, 5),
        "smime-mlkem": date(2028, 12, 4),
        "dkim-dual": date(2030, 12, 31),  # RSA-2048 is 112-bit: deprecated after 2030
    }
    d = plan[1].to_dict()
    assert d["count"] == 1 and d["assets"] == ["mx1.example.jp:25"] and "X25519MLKEM768" in d["how"]


def test_cbom_is_valid_cyclonedx_1_6() -> None:
    assets = [
        session("X25519MLKEM768"),
        session("x25519"),
        key(CERT, "RSA", 2048, not_before=NOW, not_after=NOW, details={"subject": "CN=mx", "issuer": "C"}),
        key(DKIM, "Ed25519", curve="Ed25519"),
        key(SUB, "ML-KEM-768+X25519", usages=ENC),
        key(SMIME, "RSA", 3072, usages=ENC),
        key(PGP, "RSA", 4096, error="truncated packet"),
    ]  # fmt: skip
    text = cbom_json(classify_all(assets, now=NOW), generated=NOW)
    assert validate_cbom(text) == []
    doc = json.loads(text)
    assert doc["specVersion"] == "1.6"
    assert all(c["type"] == "cryptographic-asset" for c in doc["components"])
    counts = summary(text)
    assert counts["protocol"] == 2 and counts["certificate"] == 2 and counts["related-crypto-material"] == 3
    algos = {c["name"]: c["cryptoProperties"]["algorithmProperties"] for c in doc["components"]
             if c["cryptoProperties"]["assetType"] == "algorithm"}  # fmt: skip
    assert algos["X25519MLKEM768"]["nistQuantumSecurityLevel"] == 3
    assert algos["x25519"]["nistQuantumSecurityLevel"] == 0
    assert algos["X25519MLKEM768"]["primitive"] == "kem"
    # a CBOM that breaks the schema is caught
    doc["components"][0]["cryptoProperties"]["assetType"] = "spaceship"
    assert validate_cbom(json.dumps(doc))


@pytest.mark.parametrize(
    ("recipient", "info"), [("kek", "KEKRecipientInfo"), ("password", "PasswordRecipientInfo")]
)
def test_a_shared_key_or_password_recipient_is_not_quantum_vulnerable(recipient: str, info: str) -> None:
    asset = Asset(
        SMIME, "mail/1.eml", recipient, recipient, ENC, details={"recipient": recipient, "certificate": False}
    )
    c = classify(asset, now=NOW)
    assert [f.code for f in c.findings] == ["pqc.symmetric-recipient"]
    assert not c.vulnerable and c.priority == 6 and c.step == "none"
    assert info in c.findings[0].detail
    # a public-key recipient of the same message stays harvest-now-decrypt-later
    rsa = key(SMIME, "RSA", 2048, usages=ENC, details={"recipient": "key-transport", "certificate": False})
    assert [f.code for f in classify(rsa, now=NOW).findings] == [ENC_CODE]
