from __future__ import annotations

import os
import tempfile

import pytest

# Tests speak English unless a test asks for Japanese.
os.environ.setdefault("MAILWARDEN_LANG", "en")
# Commands run by tests keep their store away from the user's own data directory.
os.environ.setdefault("MAILWARDEN_DATA_DIR", tempfile.mkdtemp(prefix="mw-test-data-"))


@pytest.fixture(scope="session")
def test_ca():
    import trustme

    return trustme.CA()


@pytest.fixture(scope="session")
def ca_file(test_ca, tmp_path_factory):
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    test_ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture(scope="session")
def audit_dns():
    """NSD serving the audit fixture zones (tests/domain/zones.py)."""
    from tests.domain.zones import build_zone
    from tests.support.nsd import NsdServer

    server = NsdServer([build_zone()]).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def sts_https(test_ca):
    from tests.domain.zones import HTTPS_NAMES, https_pages
    from tests.support.peers import HttpsServer

    cert = test_ca.issue_cert(*HTTPS_NAMES)
    chain = "".join(b.bytes().decode() for b in cert.cert_chain_pems)
    server = HttpsServer(chain, cert.private_key_pem.bytes().decode(), https_pages()).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres():
    from tests.support.postgres import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()


_db_counter = iter(range(10_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A migrated store on SQLite and, in a second run of each test, on PostgreSQL."""
    from mailwarden.core.store import open_store

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'mw.db'}"
    else:
        pg = request.getfixturevalue("postgres")
        url = pg.create_database(f"mw_test_{next(_db_counter)}")
    s = open_store(url=url)
    yield s
    s.engine.dispose()


@pytest.fixture
def dovecot(test_ca):
    from tests.support.dovecot import DovecotServer

    cert = test_ca.issue_cert("localhost", "127.0.0.1")
    chain = "".join(b.bytes().decode() for b in cert.cert_chain_pems)
    server = DovecotServer(chain, cert.private_key_pem.bytes().decode()).start()
    yield server
    server.stop()
