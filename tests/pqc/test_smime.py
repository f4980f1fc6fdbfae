"""S/MIME material made here and read back: RSA, ECDSA (one expired), ML-DSA-65 and ML-KEM-768
certificates; messages signed (detached and opaque) and encrypted by cryptography, ECDH-encrypted
by the system OpenSSL (``openssl cms``, indefinite-length BER with AES-GCM too), an ML-KEM
recipient (KEMRecipientInfo) built by hand; .eml files, an mbox, a Maildir; corrupt and
oversized input — every one an asset, never an exception."""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailwarden.pqc.assets import Asset, AssetKind, Usage
from mailwarden.pqc.smime import CmsError, parse_recipients, smime_assets
from tests.support.pqc_material import (
    certs_only,
    encrypted_message,
    mbox,
    mime_part,
    mlkem_enveloped,
    opaque_signed_message,
    openssl_encrypted,
    pem,
    pq_cert,
    signed_message,
    smime_cert,
)

needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl CLI")


@pytest.fixture(scope="module")
def people():
    pq_signer = pq_cert("pq@example.jp")
    return {
        "taro": smime_cert("taro@example.jp"),
        "hana": smime_cert("hana@example.jp", key="ec", usage="sign"),
        "ec": smime_cert("ec@example.jp", key="ec", usage="encrypt"),
        "old": smime_cert("old@example.jp", expired=True),
        "pq": pq_signer,
        "kem": pq_cert("kem@example.jp", kind="mlkem", issuer_key=pq_signer[1]),
    }


def certs(assets: list[Asset]) -> dict[str, Asset]:
    return {a.details["subject"]: a for a in assets if not a.error and a.details.get("certificate", True)}


def recipients(assets: list[Asset]) -> list[Asset]:
    return [a for a in assets if a.details.get("recipient")]


def test_signed_messages_in_eml_and_mbox_one_asset_per_certificate(tmp_path: Path, people) -> None:
    taro, hana, old = people["taro"], people["hana"], people["old"]
    (tmp_path / "signed.eml").write_bytes(signed_message(*taro))
    (tmp_path / "archive").write_bytes(
        mbox(signed_message(*hana), signed_message(*taro), signed_message(*old))
    )
    assets = smime_assets([tmp_path])
    assert not [a for a in assets if a.error]
    by_subject = certs(assets)
    assert len(by_subject) == 3
    t = by_subject[taro[0].subject.rfc4514_string()]
    assert (t.kind, t.algorithm, t.key_size, t.curve) == (AssetKind.SMIME_CERT, "RSA", 2048, "")
    assert set(t.usages) == {Usage.SIGNATURE, Usage.ENCRYPTION}  # digitalSignature, keyEncipherment
    assert sorted(Path(p).name for p in t.details["seen_in"]) == ["archive#2", "signed.eml"]
    spki = (
        taro[0]
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    digest = hashes.Hash(hashes.SHA256())
    digest.update(spki)
    assert t.fingerprint == digest.finalize().hex()
    assert t.signature_algorithm == "sha256WithRSAEncryption"
    assert t.details["emails"] == ["taro@example.jp"] and "CN=Test S/MIME CA" in t.details["issuer"]
    assert t.not_before == taro[0].not_valid_before_utc and t.not_after == taro[0].not_valid_after_utc
    h = by_subject[hana[0].subject.rfc4514_string()]
    assert (h.algorithm, h.curve, h.usages) == ("ECDSA", "secp256r1", (Usage.SIGNATURE,))
    o = by_subject[old[0].subject.rfc4514_string()]
    assert o.details["expired"] is True and Path(o.source).name == "archive#3"


def test_encrypted_rsa_recipient_linked_to_its_certificate(tmp_path: Path, people) -> None:
    taro = people["taro"]
    (tmp_path / "a.eml").write_bytes(encrypted_message(taro[0]))
    (tmp_path / "b.eml").write_bytes(encrypted_message(taro[0]))
    (tmp_path / "taro.pem").write_bytes(pem(taro[0]))
    assets = smime_assets([tmp_path])
    (r,) = recipients(assets)  # two messages to one key: one asset
    assert (r.algorithm, r.usages, r.key_size) == ("RSA", (Usage.ENCRYPTION,), 2048)
    assert r.details["recipient"] == "key-transport" and r.details["messages"] == 2
    assert Path(r.details["message"]).name == "a.eml"
    assert r.details["content_encryption"].startswith("aes")
    assert r.name == f"CN=Test S/MIME CA #{taro[0].serial_number:x}"
    cert = certs(assets)[taro[0].subject.rfc4514_string()]
    assert r.details["certificate_fingerprint"] == cert.fingerprint


@needs_openssl
def test_ecdh_recipients_from_openssl_der_and_indefinite_ber(tmp_path: Path, people) -> None:
    ec = people["ec"]
    (tmp_path / "cbc.eml").write_bytes(openssl_encrypted(ec[0], tmp_path))
    (tmp_path / "gcm.eml").write_bytes(openssl_encrypted(ec[0], tmp_path, cipher="-aes-128-gcm", stream=True))
    got = {Path(r.details["message"]).name: r for r in recipients(smime_assets([tmp_path]))}
    assert set(got) == {"cbc.eml", "gcm.eml"}
    for r in got.values():
        assert (r.algorithm, r.curve, r.details["recipient"]) == ("ECDH", "secp256r1", "key-agreement")
        assert r.name.endswith(f"#{ec[0].serial_number:x}")
    assert got["cbc.eml"].details["content_encryption"] == "aes256-cbc"
    # AuthEnvelopedData (RFC 5083) in BER with indefinite lengths, as -stream writes it
    assert (got["gcm.eml"].details["content_encryption"], got["gcm.eml"].details["key_wrap"]) == (
        "aes128-gcm",
        "aes128-wrap",
    )


def test_post_quantum_certificates_and_an_ml_kem_recipient_in_a_maildir(tmp_path: Path, people) -> None:
    pq, kem = people["pq"], people["kem"]
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "cur" / "1733390000.M1P2.mx:2,S").write_bytes(
        mime_part(mlkem_enveloped(kem[0]), "enveloped-data", "From: a@example.jp\r\nTo: kem@example.jp\r\n")
    )
    (tmp_path / "pq.p7c").write_bytes(certs_only(pq[0], kem[0]))
    assets = smime_assets([tmp_path])
    by_subject = certs(assets)
    d = by_subject["CN=pq"]
    assert (d.algorithm, d.signature_algorithm, d.usages, d.key_size) == (
        "ML-DSA-65",
        "ML-DSA-65",
        (Usage.SIGNATURE,),
        None,
    )
    k = by_subject["CN=kem"]
    assert (k.algorithm, k.usages) == ("ML-KEM-768", (Usage.ENCRYPTION,))
    (r,) = recipients(assets)
    assert (r.algorithm, r.details["recipient"], r.details["kdf"], r.details["key_wrap"]) == (
        "ML-KEM-768",
        "kem",
        "1.2.840.113549.1.9.16.3.28",
        "aes256-wrap",
    )
    assert r.details["certificate_fingerprint"] == k.fingerprint and "Maildir/cur" in r.source


def test_opaque_signed_data_and_what_it_carries(tmp_path: Path, people) -> None:
    taro, hana, pq = people["taro"], people["hana"], people["pq"]
    # cryptography's own opaque S/MIME (application/x-pkcs7-mime; smime-type=signed-data)
    opaque = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"Content-Type: text/plain\r\n\r\nhello\r\n")
        .add_signer(hana[0], hana[1], hashes.SHA256())
        .sign(serialization.Encoding.SMIME, [])
    )
    (tmp_path / "opaque.eml").write_bytes(b"From: hana@example.jp\r\nSubject: s\r\n" + opaque)
    # encrypted, then signed with a post-quantum certificate carried along
    (tmp_path / "nested.eml").write_bytes(
        opaque_signed_message(*hana, encrypted_message(taro[0]), extra=[pq[0]])
    )
    assets = smime_assets([tmp_path])
    assert not [a for a in assets if a.error]
    assert set(certs(assets)) == {hana[0].subject.rfc4514_string(), "CN=pq"}
    (r,) = recipients(assets)
    assert r.algorithm == "RSA" and Path(r.source).name == "nested.eml"


def test_signed_without_certificates_is_not_an_error(tmp_path: Path, people) -> None:
    taro = people["taro"]
    der = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(b"x")
        .add_signer(taro[0], taro[1], hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.NoCerts, pkcs7.PKCS7Options.DetachedSignature])
    )
    (tmp_path / "nocerts.p7s").write_bytes(der)
    assert smime_assets([tmp_path]) == []


def test_corrupt_pkcs7_and_unreadable_input_are_assets_with_errors(tmp_path: Path, people) -> None:
    taro = people["taro"]
    (tmp_path / "truncated.p7s").write_bytes(certs_only(taro[0])[:200])
    (tmp_path / "garbage.p7m").write_bytes(b"\x30\x82\x01\x00" + b"\x06" * 20)
    (tmp_path / "wrong.der").write_bytes(b"not DER at all")
    msg = signed_message(*taro)
    sig_at = msg.index(b"MII", msg.index(b"application/"))
    (tmp_path / "bad-sig.eml").write_bytes(
        msg[:sig_at] + b"AAAAAAAAAAAAAAAA\r\n" + msg[msg.index(b"\r\n--", sig_at) :]
    )
    (tmp_path / "enc.eml").write_bytes(encrypted_message(taro[0])[:-400] + b"\r\n")
    (tmp_path / "big.pem").write_bytes(pem(taro[0]) * 3000)
    (tmp_path / "notes.txt").write_bytes(b"0 is not a certificate")  # not S/MIME: no asset
    assets = smime_assets([tmp_path], max_bytes=1_000_000)
    errors = {Path(a.source).name: a for a in assets if a.error}
    assert set(errors) == {"truncated.p7s", "garbage.p7m", "wrong.der", "bad-sig.eml", "enc.eml", "big.pem"}
    assert all(a.name == a.source and a.kind is AssetKind.SMIME_CERT for a in errors.values())
    assert "PKCS#7" in errors["truncated.p7s"].error and "PKCS#7" in errors["bad-sig.eml"].error
    assert "larger than" in errors["big.pem"].error
    assert len([a for a in assets if not a.error]) == 0


def test_many_copies_of_one_certificate_are_one_asset(tmp_path: Path, people) -> None:
    taro = people["taro"]
    (tmp_path / "many.pem").write_bytes(pem(taro[0]) * 500)
    (asset,) = smime_assets([tmp_path])
    assert asset.details["seen_in"] == [str(tmp_path / "many.pem")]


@pytest.fixture(scope="module")
def samples(people) -> list[bytes]:
    taro, kem = people["taro"], people["kem"]
    enc = encrypted_message(taro[0])
    body = enc[enc.index(b"\n\n") + 2 :] if b"\n\n" in enc else enc[enc.index(b"\r\n\r\n") + 4 :]
    return [base64.b64decode(body), mlkem_enveloped(kem[0]), certs_only(taro[0])]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, 2), at=st.integers(0, 4000), data=st.binary(max_size=8))
def test_mutated_cms_never_crashes(samples, which: int, at: int, data: bytes) -> None:
    der = samples[which]
    at %= len(der)
    mutated = der[:at] + data + der[at + len(data) :]
    with contextlib.suppress(CmsError):
        parse_recipients(mutated)
    with tempfile.TemporaryDirectory() as d:
        Path(d, "x.p7m").write_bytes(mutated)
        assets = smime_assets([Path(d)])
    assert all(isinstance(a, Asset) for a in assets)


def test_gpgsm_keybox(tmp_path: Path, people) -> None:
    if shutil.which("gpgsm") is None:
        pytest.skip("no gpgsm")
    home = Path(tempfile.mkdtemp(prefix="gh", dir="/tmp"))  # short: GnuPG's socket paths
    home.chmod(0o700)
    (tmp_path / "certs.pem").write_bytes(pem(people["taro"][0]) + pem(people["pq"][0]))
    env = {**os.environ, "GNUPGHOME": str(home)}
    try:
        subprocess.run(
            ["gpgsm", "--batch", "--import", tmp_path / "certs.pem"], env=env, check=True, capture_output=True
        )
        assets = smime_assets([home / "pubring.kbx"])
    finally:
        subprocess.run(["gpgconf", "--kill", "all"], env=env, check=False, capture_output=True)
        shutil.rmtree(home, ignore_errors=True)
    assert sorted((a.algorithm, a.error) for a in assets) == [("ML-DSA-65", ""), ("RSA", "")]


def test_a_certificate_of_version_2_is_an_error_not_a_crash(tmp_path: Path, people) -> None:
    """cryptography refuses X.509 v2 with InvalidVersion, which is not a ValueError (found by
    the mutation test above): as a certificate file and inside PKCS#7, an asset with an error."""
    cert = people["taro"][0]
    good = cert.public_bytes(serialization.Encoding.DER)
    v3 = b"\xa0\x03\x02\x01\x02"  # [0] EXPLICIT INTEGER 2: version 3
    assert good.count(v3) == 1
    v2 = good.replace(v3, b"\xa0\x03\x02\x01\x01")
    bundle = certs_only(cert)
    assert bundle.count(v3) == 1
    (tmp_path / "v2.der").write_bytes(v2)
    (tmp_path / "v2.p7c").write_bytes(bundle.replace(v3, b"\xa0\x03\x02\x01\x01"))
    (tmp_path / "good.der").write_bytes(good)
    assets = smime_assets([tmp_path])
    errors = sorted(a.source.rsplit("/", 1)[-1] for a in assets if a.error)
    assert errors == ["v2.der", "v2.p7c"]
    assert [a.name for a in assets if not a.error and a.source.endswith("good.der")]
