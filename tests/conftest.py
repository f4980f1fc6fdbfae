from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests speak English unless a test asks for Japanese.
os.environ.setdefault("MAILWARDEN_LANG", "en")
# Commands run by tests keep their store away from the user's own data directory.
os.environ.setdefault("MAILWARDEN_DATA_DIR", tempfile.mkdtemp(prefix="mw-test-data-"))


#: the services a test may need, each a marker; `make test-fast` runs the tests that need none
SERVICES = {
    "dns": "NSD, the authoritative name server",
    "smtp": "an SMTP server: aiosmtpd, Postfix or the gateway itself",
    "imap": "Dovecot",
    "postgres": "PostgreSQL",
    "https": "an HTTPS server with the test CA",
    "browser": "Chromium",
}


def pytest_configure(config: pytest.Config) -> None:
    for name, what in SERVICES.items():
        config.addinivalue_line("markers", f"{name}: needs {what}")
    config.addinivalue_line("markers", "slow: no server, but long (the fast tier leaves it out)")
    if os.environ.get("MAILWARDEN_TEST_TIER") == "fast":
        _refuse_services()


#: fixtures that start a service, and the service's marker: a test using one is marked for it
FIXTURE_SERVICES = {
    "audit_dns": "dns",
    "sts_https": "https",
    "postgres": "postgres",
    "dovecot": "imap",
    "sink": "smtp",
    "start_gateway": "smtp",
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for fixture in getattr(item, "fixturenames", ()):
            marker = FIXTURE_SERVICES.get(fixture)
            if marker:
                item.add_marker(marker)


def _refuse_services() -> None:
    """In the fast tier, starting any server fails the test: an unmarked test that needs one
    is found at once instead of making the tier slow (the marker list stays true)."""
    from aiosmtpd.controller import Controller

    from mailwarden.gateway.server import Gateway
    from tests.support import dovecot, nsd, peers, postfix, postgres, smtpsink, tlsmx

    def refuse(marker: str, what: str):  # type: ignore[no-untyped-def]
        def start(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise RuntimeError(
                f"this test starts {what}: mark it `pytestmark = pytest.mark.{marker}`"
                " — the fast tier runs no servers"
            )

        return start

    nsd.NsdServer.start = refuse("dns", "NSD")  # type: ignore[method-assign]
    postgres.PostgresServer.start = refuse("postgres", "PostgreSQL")  # type: ignore[method-assign]
    dovecot.DovecotServer.start = refuse("imap", "Dovecot")  # type: ignore[method-assign]
    postfix.PostfixServer.start = refuse("smtp", "Postfix")  # type: ignore[method-assign]
    peers.HttpsServer.start = refuse("https", "an HTTPS server")  # type: ignore[method-assign]
    Controller.start = refuse("smtp", "an aiosmtpd server")  # type: ignore[method-assign]
    Gateway.start = refuse("smtp", "the gateway")  # type: ignore[method-assign]
    smtpsink.gateway_process = refuse("smtp", "a gateway process")
    tlsmx.TlsMx.start = refuse("smtp", "a STARTTLS test server")  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _language_per_test():
    """Each test starts in the environment's language (English here): a CLI run in this process
    with --lang ja sets the language for the rest of the thread, as it does for a real run."""
    from mailwarden.core import i18n

    i18n.set_language(None)


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing():
    """Console passwords hashed with argon2 at its cheapest in this process: the tests check
    who gets in and who does not, not the cost of a guess (a user took 0.18 s to create)."""
    import argon2

    from mailwarden.core import users

    users._hasher = argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


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


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
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


def mailwarden_runner(tmp_path: Path, lang: str = "en"):  # type: ignore[no-untyped-def]
    """``mailwarden …`` run as a user runs it: a real process, in ``lang``, on a store of its own."""
    import subprocess
    import sys

    env = {
        **os.environ,
        "MAILWARDEN_LANG": lang,
        "COLUMNS": "300",
        "MAILWARDEN_DATABASE_URL": f"sqlite:///{tmp_path / 'mw.db'}",
        "MAILWARDEN_DATA_DIR": str(tmp_path / "data"),
    }
    env.pop("LC_ALL", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mailwarden", *args], capture_output=True, text=True, env=env, timeout=120
        )

    return run


@pytest.fixture
def mw(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``mailwarden …`` run as a user runs it: a real process, in English, on a store of its own."""
    return mailwarden_runner(tmp_path)
