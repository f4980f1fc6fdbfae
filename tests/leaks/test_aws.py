"""AWS key ids and SES SMTP passwords: the account a key id names, and the SMTP password a
secret makes, checked against an implementation outside ours (the openssl command)."""

from __future__ import annotations

import base64
import subprocess

import pytest

from mailwarden.leaks import aws

SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  # AWS's documented example secret


def test_the_account_a_key_id_names():
    # a temporary key id from public write-ups of the encoding, and its account
    assert aws.account_id("ASIAY34FZKBOKMUTVV7A") == "609629065308"
    assert aws.account_id("AKIAIOSFODNN7EXAMPLE") is not None  # old-style: decodes, means nothing
    for bad in ("AKIA123", "XKIAY34FZKBOKMUTVV7A", "ASIAY34FZKBOKMUTVV7a", "ASIAY34FZKBOKMUTVV71"):
        assert aws.account_id(bad) is None


def _openssl_hmac(key: bytes, msg: str) -> bytes:
    out = subprocess.run(
        ["openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt", f"hexkey:{key.hex()}", "-binary"],
        input=msg.encode(),
        capture_output=True,
        check=True,
        timeout=30,
    )
    return out.stdout


@pytest.mark.parametrize("region", ["us-east-1", "ap-northeast-1", "eu-west-2"])
def test_smtp_password_matches_an_outside_implementation(region):
    sig = _openssl_hmac(("AWS4" + SECRET).encode(), "11111111")
    for part in (region, "ses", "aws4_request", "SendRawEmail"):
        sig = _openssl_hmac(sig, part)
    expected = base64.b64encode(b"\x04" + sig).decode()
    got = aws.smtp_password(SECRET, region)
    assert got == expected
    assert len(got) == 44 and got.startswith("B") and aws.SMTP_PASSWORD.match(got)


def test_a_password_is_linked_to_its_secret_and_region():
    other = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
    password = aws.smtp_password(SECRET, "ap-northeast-1")
    assert aws.link(password, [other, SECRET]) == (SECRET, "ap-northeast-1")
    assert aws.link(password, [other]) is None
    assert aws.link("not a password", [SECRET]) is None
    # every Region gives another password
    assert len({aws.smtp_password(SECRET, r) for r in aws.SES_REGIONS}) == len(aws.SES_REGIONS)
