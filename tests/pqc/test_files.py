"""S/MIME and OpenPGP material in files and messages made here: certificates (PEM and in signed
messages, one met twice), an encrypted message's recipient, OpenPGP v4 and v6 keys generated
with pysequoia (RSA, ECC, and the RFC 9980 ML-DSA/ML-KEM composites), keys in messages;
corrupt PKCS#7 and OpenPGP data, and a keyring over the cap — never a crash."""

from __future__ import annotations

import base64
from pathlib import Path

import pysequoia
import pytest

from mailwarden.pqc.assets import AssetKind, Usage
from mailwarden.pqc.classify import classify
from mailwarden.pqc.openpgp import openpgp_assets
from mailwarden.pqc.smime import smime_assets
from tests.support.pqc_material import encrypted_message, mbox, pem, signed_message, smime_cert


def pgp(name: str, suite: str, profile: str = "RFC4880") -> pysequoia.Cert:
    tsk = pysequoia.Tsk.generate(
        f"{name} <{name}@example.jp>",
        cipher_suite=getattr(pysequoia.CipherSuite, suite),
        profile=getattr(pysequoia.Profile, profile),
    )
    return tsk.extract_certificate()


@pytest.fixture(scope="module")
def smime_dir(tmp_path_factory) -> tuple[Path, dict]:
    d = tmp_path_factory.mktemp("smime")
    taro = smime_cert("taro@example.jp")
    hana = smime_cert("hana@example.jp", key="ec", usage="sign")
    old = smime_cert("old@example.jp", expired=True)
    (d / "signed.eml").write_bytes(signed_message(*taro))
    (d / "encrypted.eml").write_bytes(encrypted_message(taro[0]))
    (d / "archive.mbox").write_bytes(mbox(signed_message(*hana), signed_message(*taro)))
    (d / "certs.pem").write_bytes(pem(old[0]))
    (d / "broken.p7s").write_bytes(b"\x30\x82\x01\x00" + b"\x06" * 20)
    return d, {"taro": taro[0], "hana": hana[0]}


def test_smime_certificates_and_recipients(smime_dir) -> None:
    d, certs = smime_dir
    assets = smime_assets([d])
    by_name = {a.name: a for a in assets if not a.error and a.details.get("certificate", True)}
    taro = by_name["taro <taro@example.jp>"]
    assert (taro.algorithm, taro.key_size, set(taro.usages)) == (
        "RSA",
        2048,
        {Usage.SIGNATURE, Usage.ENCRYPTION},
    )
    assert len(taro.details["seen_in"]) == 2  # signed.eml and the mbox: one asset
    hana = by_name["hana <hana@example.jp>"]
    assert (hana.algorithm, hana.curve, hana.usages) == ("ECDSA", "secp256r1", (Usage.SIGNATURE,))
    assert classify(hana).step == "smime-mldsa"
    assert classify(taro).findings[0].code == "pqc.encryption-classical"
    old = by_name["old <old@example.jp>"]
    assert "pqc.key-expired" in [f.code for f in classify(old).findings]
    (recipient,) = [a for a in assets if a.details.get("recipient")]
    assert (recipient.algorithm, recipient.details["recipient"]) == ("RSA", "key-transport")
    assert recipient.details["content_encryption"].startswith("aes")
    assert (
        format(certs["taro"].serial_number, "x").lstrip("0") in recipient.name.lstrip("0") or recipient.name
    )
    (broken,) = [a for a in assets if a.error]
    assert broken.source.endswith("broken.p7s") and "PKCS#7" in broken.error
    assert classify(broken).findings[0].code == "pqc.unreadable"


def test_openpgp_v4_v6_and_pq_keys(tmp_path: Path) -> None:
    rsa, pq, p256, cv = (
        pgp("rsa", "RSA3k"),
        pgp("pq", "MLDSA65_Ed25519", "RFC9580"),
        pgp("p256", "P256"),
        pgp("cv", "Cv25519"),
    )
    (tmp_path / "rsa.asc").write_text(str(rsa))
    (tmp_path / "ring.gpg").write_bytes(bytes(pq) + bytes(p256))
    keydata = base64.b64encode(bytes(cv)).decode()
    (tmp_path / "autocrypt.eml").write_text(
        f"From: cv@example.jp\r\nAutocrypt: addr=cv@example.jp; keydata={keydata}\r\n"
        "Subject: hi\r\n\r\nbody\r\n"
    )
    (tmp_path / "again.eml").write_bytes(b"From: a@example.jp\r\nSubject: key\r\n\r\n" + str(rsa).encode())
    assets = openpgp_assets([tmp_path])
    algos = sorted((a.details["version"], a.kind.value, a.algorithm) for a in assets)
    assert ("v6", "openpgp-key", "ML-DSA-65+Ed25519") in algos
    assert ("v6", "openpgp-subkey", "ML-KEM-768+X25519") in algos
    rsa_keys = [a for a in assets if a.algorithm == "RSA"]
    assert len(rsa_keys) == 3 and {a.key_size for a in rsa_keys} == {3072}  # the copy in again.eml: once
    enc = next(a for a in rsa_keys if Usage.ENCRYPTION in a.usages)
    assert classify(enc).step == "openpgp-mlkem"
    cv_enc = next(a for a in assets if a.algorithm == "ECDH" and a.curve == "Cv25519")
    assert cv_enc.source.endswith("autocrypt.eml")
    pq_sub = next(a for a in assets if a.algorithm == "ML-KEM-768+X25519")
    assert classify(pq_sub).findings[0].code == "pqc.pq-key"
    assert all(a.not_before is not None and a.fingerprint for a in assets)
    assert any("pq@example.jp" in a.name for a in assets)


def test_corrupt_openpgp_and_the_keyring_cap(tmp_path: Path) -> None:
    (tmp_path / "bad.asc").write_text(
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGxxxx\n-----END PGP PUBLIC KEY BLOCK-----\n"
    )
    (tmp_path / "trunc.gpg").write_bytes(bytes(pgp("t", "Cv25519"))[:40])
    ring = b"".join(bytes(pgp(f"k{i}", "Cv25519")) for i in range(4))
    (tmp_path / "ring.gpg").write_bytes(ring)
    assets = openpgp_assets([tmp_path], max_keys=2)
    errors = {Path(a.source).name: a.error for a in assets if a.error}
    assert "bad.asc" in errors and "trunc.gpg" in errors
    assert "more than 2 keys" in errors["ring.gpg"]
    assert len([a for a in assets if a.kind is AssetKind.OPENPGP_KEY and not a.error]) == 2
