from __future__ import annotations

from mailwarden.core.config import Settings
from mailwarden.core.dns import nameservers_from


def test_environment_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("MAILWARDEN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MAILWARDEN_NAMESERVERS", "127.0.0.1:5353, [::1]:53")
    monkeypatch.setenv("MAILWARDEN_DNS_TIMEOUT", "0.5")
    s = Settings()
    assert s.resolved_database_url() == f"sqlite:///{tmp_path / 'mailwarden.db'}"
    assert [str(n) for n in nameservers_from([s.nameservers])] == ["127.0.0.1:5353", "[::1]:53"]
    assert s.dns_timeout == 0.5
    monkeypatch.setenv("MAILWARDEN_DATABASE_URL", "postgresql://mw@db.internal/mw")
    assert Settings().resolved_database_url() == "postgresql://mw@db.internal/mw"


def test_secret_key_generated_once_and_private(tmp_path):
    from mailwarden.core.secretkey import secret_key

    s = Settings(data_dir=tmp_path)
    first = secret_key(s)
    assert secret_key(s) == first and len(first) >= 48
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert secret_key(Settings(data_dir=tmp_path, secret_key="from-env")) == "from-env"
