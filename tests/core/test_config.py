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


def _key_after(barrier, data_dir, out):
    from mailwarden.core.secretkey import secret_key

    barrier.wait()
    out.put(secret_key(Settings(data_dir=data_dir)))


def test_processes_starting_at_once_share_one_secret_key(tmp_path):
    # two `campaign send` on a fresh data directory: each used to try to create the key, and
    # the loser stopped with "File exists"
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(6), ctx.Queue()
    procs = [ctx.Process(target=_key_after, args=(barrier, tmp_path / "data", out)) for _ in range(6)]
    for p in procs:
        p.start()
    keys = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * 6
    assert len(set(keys)) == 1 and (tmp_path / "data" / "secret_key").read_text() == keys[0]
    assert [f.name for f in (tmp_path / "data").iterdir()] == ["secret_key"]  # no key files left over


def test_the_process_that_loses_the_race_reads_the_winners_key(tmp_path, monkeypatch):
    # the moment of the race, made certain: another process wrote the key after this one
    # looked for it
    from mailwarden.core import secretkey

    (tmp_path / "secret_key").write_text("the-winners-key")
    monkeypatch.setattr(secretkey.Path, "exists", lambda self: False)
    assert secretkey.secret_key(Settings(data_dir=tmp_path)) == "the-winners-key"
    assert [f.name for f in tmp_path.iterdir()] == ["secret_key"]


def test_an_empty_key_file_is_refused_not_used(tmp_path):
    import pytest

    from mailwarden.core.errors import ConfigError
    from mailwarden.core.secretkey import secret_key

    (tmp_path / "secret_key").write_text("\n")
    with pytest.raises(ConfigError, match="empty"):
        secret_key(Settings(data_dir=tmp_path))


def test_without_hard_links_the_key_is_created_in_place(tmp_path, monkeypatch):
    from mailwarden.core import secretkey

    def no_links(*_a: object) -> None:
        raise PermissionError("hard links not supported")

    monkeypatch.setattr(secretkey.os, "link", no_links)
    key = secretkey.secret_key(Settings(data_dir=tmp_path))
    assert (tmp_path / "secret_key").read_text() == key and len(key) >= 48
    assert [f.name for f in tmp_path.iterdir()] == ["secret_key"]
