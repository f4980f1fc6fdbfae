"""OpenPGP keys generated here with pysequoia — v4 (RSA-3072, Ed25519/Cv25519) and v6 (Ed25519/
X25519, and the RFC 9980 hybrids ML-DSA-65+Ed25519 / ML-KEM-768+X25519, ML-DSA-87+Ed448 /
ML-KEM-1024+X448, SLH-DSA-SHAKE-128f) — read back from key files, keyrings, GnuPG's own
pubring.kbx, and messages (Autocrypt, attached keys, armored blocks in a quoted-printable
body, an mbox); v6 key packets with each PQC algorithm id made by hand; corrupt data and the
keyring cap — every one an asset, never an exception."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path

import pysequoia
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailwarden.pqc.assets import Asset, AssetKind, Usage
from mailwarden.pqc.openpgp import openpgp_assets
from tests.support.pqc_material import (
    autocrypt_message,
    key_attachment_message,
    mbox,
    pgp_key,
    v6_key_packet,
)


@pytest.fixture(scope="module")
def keys() -> dict[str, pysequoia.Tsk]:
    return {
        "rsa": pgp_key("rsa", "RSA3k", days=30),
        "cv4": pgp_key("cv4", "Cv25519"),
        "cv6": pgp_key("cv6", "Cv25519", "RFC9580"),
        "pq65": pgp_key("pq65", "MLDSA65_Ed25519", "RFC9580"),
        "pq87": pgp_key("pq87", "MLDSA87_Ed448", "RFC9580"),
        "slh": pgp_key("slh", None, "RFC9580", signing="SLHDSA128f", encryption="MLKEM768_X25519"),
    }


def cert(tsk: pysequoia.Tsk) -> pysequoia.Cert:
    return tsk.extract_certificate()


def by_fp(assets: list[Asset]) -> dict[str, Asset]:
    return {a.fingerprint: a for a in assets if not a.error}


def of(assets: list[Asset], tsk: pysequoia.Tsk) -> list[Asset]:
    fp = cert(tsk).fingerprint.lower()
    return [a for a in assets if a.fingerprint == fp or a.details.get("primary") == fp]


def test_v4_and_v6_keys_with_their_subkeys(tmp_path: Path, keys) -> None:
    (tmp_path / "rsa.asc").write_text(str(cert(keys["rsa"])))
    (tmp_path / "ring.gpg").write_bytes(
        b"".join(bytes(cert(keys[k])) for k in ("cv4", "cv6", "pq65", "pq87"))
    )
    (tmp_path / "slh.pgp").write_bytes(bytes(keys["slh"]))  # a secret key: its public parts
    assets = openpgp_assets([tmp_path])
    assert not [a for a in assets if a.error]

    def table(tsk):
        return sorted(
            (a.kind.value, a.details["version"], a.algorithm, a.key_size, a.curve, a.usages)
            for a in of(assets, tsk)
        )

    S, E, C = Usage.SIGNATURE, Usage.ENCRYPTION, (Usage.SIGNATURE,)
    assert table(keys["rsa"]) == [
        ("openpgp-key", "v4", "RSA", 3072, "", C),
        ("openpgp-subkey", "v4", "RSA", 3072, "", (E,)),
        ("openpgp-subkey", "v4", "RSA", 3072, "", (S,)),
    ]
    assert table(keys["cv4"]) == [
        ("openpgp-key", "v4", "EdDSA", None, "Ed25519", C),
        ("openpgp-subkey", "v4", "ECDH", None, "Cv25519", (E,)),
        ("openpgp-subkey", "v4", "EdDSA", None, "Ed25519", (S,)),
    ]
    assert table(keys["cv6"]) == [
        ("openpgp-key", "v6", "Ed25519", None, "Ed25519", C),
        ("openpgp-subkey", "v6", "Ed25519", None, "Ed25519", (S,)),
        ("openpgp-subkey", "v6", "X25519", None, "X25519", (E,)),
    ]
    assert table(keys["pq65"]) == [
        ("openpgp-key", "v6", "ML-DSA-65+Ed25519", None, "", C),
        ("openpgp-subkey", "v6", "ML-DSA-65+Ed25519", None, "", (S,)),
        ("openpgp-subkey", "v6", "ML-KEM-768+X25519", None, "", (E,)),
    ]
    assert {a.algorithm for a in of(assets, keys["pq87"])} == {"ML-DSA-87+Ed448", "ML-KEM-1024+X448"}
    slh = of(assets, keys["slh"])
    assert {a.algorithm for a in slh} == {"SLH-DSA-SHAKE-128f", "ML-KEM-768+X25519"}
    assert all(a.details.get("secret") for a in slh)

    rsa_primary = by_fp(assets)[cert(keys["rsa"]).fingerprint.lower()]
    assert rsa_primary.name.startswith(cert(keys["rsa"]).fingerprint.upper())
    assert (
        rsa_primary.details["user_ids"] == ["rsa <rsa@example.jp>"] and "rsa@example.jp" in rsa_primary.name
    )
    assert rsa_primary.details["key_flags"] == ["certification"]
    assert rsa_primary.not_after - rsa_primary.not_before == timedelta(days=30)
    assert all(a.not_before is not None and a.not_before.tzinfo for a in assets)
    assert all(a.not_after is None for a in of(assets, keys["cv6"]))  # generated without expiry
    assert all(a.details["revoked"] is False for a in assets)


def test_keys_in_messages_and_an_mbox(tmp_path: Path, keys) -> None:
    (tmp_path / "autocrypt.eml").write_bytes(autocrypt_message(cert(keys["cv6"]), "cv6@example.jp"))
    (tmp_path / "inbox").write_bytes(
        mbox(
            key_attachment_message(cert(keys["pq65"]), armored_in_body=cert(keys["rsa"])),
            autocrypt_message(cert(keys["cv6"]), "cv6@example.jp"),  # the same key again
        )
    )
    assets = openpgp_assets([tmp_path])
    assert not [a for a in assets if a.error]
    primaries = {a.fingerprint: a for a in assets if a.kind is AssetKind.OPENPGP_KEY}
    assert set(primaries) == {cert(keys[k]).fingerprint.lower() for k in ("cv6", "pq65", "rsa")}
    cv6 = primaries[cert(keys["cv6"]).fingerprint.lower()]
    assert sorted(Path(p).name for p in cv6.details["seen_in"]) == ["autocrypt.eml", "inbox#2"]
    assert Path(primaries[cert(keys["rsa"]).fingerprint.lower()].source).name == "inbox#1"  # quoted-printable
    assert len(assets) == 9  # three keys, two subkeys each


def test_gnupg_keybox(tmp_path: Path, keys) -> None:
    if shutil.which("gpg") is None:
        pytest.skip("no gpg")
    home = Path(tempfile.mkdtemp(prefix="gh", dir="/tmp"))  # short: GnuPG's socket paths
    home.chmod(0o700)
    key_file = tmp_path / "k.asc"
    key_file.write_text(str(cert(keys["rsa"])) + str(cert(keys["cv4"])))
    env = {**os.environ, "GNUPGHOME": str(home)}
    try:
        subprocess.run(["gpg", "--batch", "--import", key_file], env=env, check=True, capture_output=True)
        assets = openpgp_assets([home / "pubring.kbx"])
    finally:
        subprocess.run(["gpgconf", "--kill", "all"], env=env, check=False, capture_output=True)
        shutil.rmtree(home, ignore_errors=True)
    primaries = {a.fingerprint for a in assets if a.kind is AssetKind.OPENPGP_KEY and not a.error}
    assert primaries == {cert(keys["rsa"]).fingerprint.lower(), cert(keys["cv4"]).fingerprint.lower()}
    assert len(assets) == 6


@pytest.mark.parametrize(
    ("algorithm_id", "name"),
    [
        (30, "ML-DSA-65+Ed25519"),
        (31, "ML-DSA-87+Ed448"),
        (32, "SLH-DSA-SHAKE-128s"),
        (33, "SLH-DSA-SHAKE-128f"),
        (34, "SLH-DSA-SHAKE-256s"),
        (35, "ML-KEM-768+X25519"),
        (36, "ML-KEM-1024+X448"),
    ],
)
def test_pqc_algorithm_ids_from_the_packet(tmp_path: Path, algorithm_id: int, name: str) -> None:
    # material that is no real key: pysequoia cannot name the algorithm, the packet still can
    (tmp_path / "k.gpg").write_bytes(v6_key_packet(algorithm_id, os.urandom(64)))
    (a,) = openpgp_assets([tmp_path])
    assert (a.kind, a.algorithm, a.details["version"], a.error) == (AssetKind.OPENPGP_KEY, name, "v6", "")
    assert len(a.fingerprint) == 64  # v6: SHA-256
    expected = (Usage.ENCRYPTION,) if name.startswith("ML-KEM") else (Usage.SIGNATURE,)
    assert a.usages == expected


def test_revoked_key(tmp_path: Path) -> None:
    tsk = pgp_key("gone")
    c = tsk.extract_certificate()
    (tmp_path / "gone.gpg").write_bytes(bytes(c) + bytes(c.revoke(tsk.certifier())))
    assets = openpgp_assets([tmp_path])
    primary = next(a for a in assets if a.kind is AssetKind.OPENPGP_KEY)
    assert primary.details["revoked"] is True
    assert not any(a.details["revoked"] for a in assets if a.kind is AssetKind.OPENPGP_SUBKEY)


def test_corrupt_data_is_an_error_and_the_rest_is_read(tmp_path: Path, keys) -> None:
    (tmp_path / "bad-armor.asc").write_text(
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGxxxx!!\n-----END PGP PUBLIC KEY BLOCK-----\n"
    )
    (tmp_path / "truncated.gpg").write_bytes(bytes(cert(keys["cv4"]))[:40])
    # a keyring with a broken key packet (version 9) between two good certificates
    good1, good2 = bytes(cert(keys["cv4"])), bytes(cert(keys["cv6"]))
    broken = v6_key_packet(27, os.urandom(32))
    broken = broken[:2] + b"\x09" + broken[3:]
    (tmp_path / "ring.gpg").write_bytes(good1 + broken + good2)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(100))  # not OpenPGP: no asset
    assets = openpgp_assets([tmp_path])
    errors = {Path(a.source).name: a.error for a in assets if a.error}
    assert set(errors) == {"bad-armor.asc", "truncated.gpg", "ring.gpg"}
    assert "armor" in errors["bad-armor.asc"] and "truncated" in errors["truncated.gpg"]
    assert "version 9" in errors["ring.gpg"]
    read = {a.fingerprint for a in assets if a.kind is AssetKind.OPENPGP_KEY and not a.error}
    assert read == {cert(keys["cv4"]).fingerprint.lower(), cert(keys["cv6"]).fingerprint.lower()}


def test_keyring_cap(tmp_path: Path, keys) -> None:
    distinct = [pgp_key(f"k{i}") for i in range(5)]
    (tmp_path / "five.gpg").write_bytes(b"".join(bytes(cert(t)) for t in distinct))
    (tmp_path / "huge.gpg").write_bytes(bytes(cert(keys["cv4"])) * 10_050)  # over the default cap
    assets = openpgp_assets([tmp_path / "five.gpg"], max_keys=3)
    assert len([a for a in assets if a.kind is AssetKind.OPENPGP_KEY and not a.error]) == 3
    (cap,) = [a for a in assets if a.error]
    assert cap.error == "more than 3 keys: the rest is not read"
    assets = openpgp_assets([tmp_path / "huge.gpg"])
    assert [a.error for a in assets if a.error] == ["more than 10000 keys: the rest is not read"]
    assert len([a for a in assets if not a.error]) == 3  # one key met 10,000 times


@pytest.fixture(scope="module")
def sample(keys) -> bytes:
    return bytes(cert(keys["cv6"])) + bytes(cert(keys["rsa"]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(0, 10_000), data=st.binary(min_size=1, max_size=6))
def test_mutated_keys_never_crash(sample: bytes, at: int, data: bytes) -> None:
    at %= len(sample)
    mutated = sample[:at] + data + sample[at + len(data) :]
    with tempfile.TemporaryDirectory() as d:
        Path(d, "k.gpg").write_bytes(mutated)
        assets = openpgp_assets([Path(d)])
    assert all(isinstance(a, Asset) and (a.error or a.algorithm) for a in assets)
