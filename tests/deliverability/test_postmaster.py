"""Postmaster Tools v2 import against recorded responses on a loopback HTTPS server (test CA),
the token's JWT verified with the service account's public key."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select

from mailwarden.core.config import Settings
from mailwarden.deliverability.models import PostmasterStat
from mailwarden.deliverability.postmaster import PostmasterError, import_postmaster

from ._rates_support import PostmasterServer

DATA = Path(__file__).parent / "data" / "postmaster"
NOW = datetime(2026, 12, 1, 6, tzinfo=UTC)


def _key(tmp_path: Path) -> tuple[Path, rsa.RSAPublicKey]:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    path = tmp_path / "sa.json"
    path.write_text(
        json.dumps(
            {
                "type": "service_account",
                "client_email": "mw@project.iam.gserviceaccount.com",
                "private_key_id": "k1",
                "private_key": pem,
            }
        )
    )
    return path, private.public_key()


def _settings(key: Path, port: int, ca_file: Path) -> Settings:
    return Settings(
        postmaster_credentials=key,
        postmaster_endpoint=f"https://127.0.0.1:{port}",
        postmaster_token_url=f"https://127.0.0.1:{port}/token",
        ca_bundle=ca_file,
    )


def test_import_days_and_compliance(store, tmp_path, test_ca, ca_file):  # type: ignore[no-untyped-def]
    key, public = _key(tmp_path)
    with PostmasterServer(test_ca, public, DATA) as server:
        settings = _settings(key, server.port, ca_file)
        result = import_postmaster(store, settings, days=7, now=NOW)
        assert result.domains == ["example.co.jp"] and result.errors == {}
        assert result.days == 2  # the unreadable stats (bad date, no date) are left out
        query = json.loads(next(b for m, p, b in server.requests if p.endswith(":query")))
        assert query["timeQuery"]["dateRanges"]["dateRanges"][0]["end"] == {
            "year": 2026,
            "month": 11,
            "day": 30,
        }
        assert {"name": "spam_rate", "baseMetric": {"standardMetric": "SPAM_RATE"}} in query[
            "metricDefinitions"
        ]
        # a second import updates the same (domain, day) rows
        assert import_postmaster(store, settings, days=7, now=NOW).days == 2
    with store.session() as s:
        rows = {r.day: r for r in s.scalars(select(PostmasterStat))}
    assert set(rows) == {date(2026, 11, 29), date(2026, 11, 30)}
    assert rows[date(2026, 11, 30)].spam_rate == 0.0041
    assert rows[date(2026, 11, 30)].metrics["delivery_error_rate"] == 0.02
    assert (
        rows[date(2026, 11, 29)].compliance["complianceData"]["rowData"][1]["requirement"] == "DMARC_POLICY"
    )


def test_a_forged_key_gets_no_token(store, tmp_path, test_ca, ca_file):  # type: ignore[no-untyped-def]
    key, _public = _key(tmp_path)
    (tmp_path / "other").mkdir()
    _other, wrong_public = _key(tmp_path / "other")  # the server knows another account's key
    with (
        PostmasterServer(test_ca, wrong_public, DATA) as server,
        pytest.raises(PostmasterError, match="HTTP 400"),
    ):
        import_postmaster(store, _settings(key, server.port, ca_file), now=NOW)


def test_a_refused_domain_is_recorded_not_fatal(store, tmp_path, test_ca, ca_file):  # type: ignore[no-untyped-def]
    key, public = _key(tmp_path)
    with PostmasterServer(test_ca, public, DATA) as server:
        server.fail_stats = True
        result = import_postmaster(store, _settings(key, server.port, ca_file), now=NOW)
    assert result.domains == [] and "HTTP 403" in result.errors["example.co.jp"]


def test_an_untrusted_server_is_refused(store, tmp_path, test_ca):  # type: ignore[no-untyped-def]
    import httpx

    key, public = _key(tmp_path)
    with PostmasterServer(test_ca, public, DATA) as server:
        settings = _settings(key, server.port, ca_file=None)  # type: ignore[arg-type]
        with pytest.raises(httpx.ConnectError):
            import_postmaster(store, settings, now=NOW)
