"""The post-quantum page: the latest kept inventory with its plan and assets, classified when
read in the reader's language; one inventory by id; its CBOM valid CycloneDX 1.6. Login
required."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.pqc.assets import Asset, AssetKind, Usage
from mailwarden.pqc.cbom import validate_cbom
from mailwarden.pqc.inventory import make_inventory
from mailwarden.pqc.service import get_inventory, save_inventory
from mailwarden.web.app import create_app
from tests.web.test_console import PASSWORD, login


@pytest.fixture(autouse=True)
def _any_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")


def sample_assets() -> list[Asset]:
    return [
        Asset(AssetKind.TLS_SESSION, "mx1.example.jp:25", "mx1.example.jp:25", "ECDH", (Usage.KEY_EXCHANGE,),
              protocol="TLSv1.3", cipher="TLS_AES_128_GCM_SHA256", group="x25519",
              details={"domain": "example.jp"}),
        Asset(AssetKind.TLS_SESSION, "mx2.example.jp:25", "mx2.example.jp:25", "X25519MLKEM768",
              (Usage.KEY_EXCHANGE,), protocol="TLSv1.3", group="X25519MLKEM768"),
        Asset(AssetKind.DKIM_KEY, "example.jp", "s1._domainkey.example.jp", "RSA", (Usage.SIGNATURE,),
              key_size=1024, fingerprint="ab" * 32),
        Asset(AssetKind.SMIME_CERT, "mail/signed.eml", "CN=山田 太郎", "RSA",
              (Usage.ENCRYPTION, Usage.SIGNATURE),
              key_size=2048, not_before=datetime(2025, 1, 1, tzinfo=UTC),
              not_after=datetime(2027, 1, 1, tzinfo=UTC), fingerprint="cd" * 32,
              details={"subject": "CN=山田 太郎", "issuer": "CN=Example CA"}),
    ]  # fmt: skip


def test_page_api_and_cbom(store, tmp_path: Path) -> None:
    inv = make_inventory(
        sample_assets(), scope={"domains": ["example.jp"], "paths": ["mail"], "listeners": []}
    )
    kept = save_inventory(store, inv, "tester")
    again = get_inventory(store, kept)
    assert again is not None and [a.to_dict() for a in again.assets] == [a.to_dict() for a in inv.assets]
    create_user(store, "tester", PASSWORD, "viewer")
    app = create_app(Settings(data_dir=tmp_path, lang="en"), store=store)
    with TestClient(app) as c:
        assert c.get("/api/pqc").status_code == 401
        login(c)
        data = c.get("/api/pqc").json()
        assert [i["id"] for i in data["inventories"]] == [kept]
        latest = data["latest"]
        assert latest["summary"]["hybrid_sessions"] == 1 and latest["summary"]["tls_sessions"] == 2
        assert [s["step"] for s in latest["plan"]] == ["fix-now", "tls-hybrid", "smime-mlkem"]
        page = c.get("/pqc").text
        assert "X25519MLKEM768" in page and "s1._domainkey.example.jp" in page and "1 of 2 (50%)" in page
        c.cookies.set("lang", "ja")
        ja = c.get(f"/pqc/{kept}").text
        assert "移行計画" in ja
        cbom = c.get(f"/api/pqc/inventories/{kept}/cbom")
        assert cbom.headers["content-type"].startswith("application/vnd.cyclonedx+json")
        assert validate_cbom(cbom.text) == []
        assert c.get("/api/pqc/inventories/999").status_code == 404
