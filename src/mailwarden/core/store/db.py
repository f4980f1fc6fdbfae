from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..config import Settings, get_settings
from ..errors import StoreError
from ..i18n import gettext as _

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
#: the newest migration's revision; a test checks it against Alembic's own head
SCHEMA_HEAD = "0020"


def alembic_config(url: str) -> Config:
    from alembic.config import Config  # Alembic loads only when a migration may be due

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def make_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
    sqlite = url.startswith("sqlite")
    # SQLite: a writer waits up to 30 s for another's lock (the driver's default is 5 s)
    engine = create_engine(url, pool_pre_ping=True, connect_args={"timeout": 30} if sqlite else {})
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            # SQLAlchemy's recipe for working SAVEPOINTs on pysqlite: the driver stops
            # managing transactions and SQLAlchemy emits BEGIN itself (see "begin" below).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):  # type: ignore[no-untyped-def]
            # A transaction that reads and then writes must take the write lock first: in WAL
            # mode, a deferred one that finds another writer committed since its read fails at
            # once ("database is locked") instead of waiting. Writers ask with
            # ``Store.session(write=True)`` or the ``immediate`` execution option.
            immediate = conn.get_execution_options().get("immediate", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # SQLite: this process's writers queue here rather than in SQLite's busy handler, which
        # sleeps in steps of up to 100 ms however soon the lock is free
        self._writers = threading.RLock() if engine.dialect.name == "sqlite" else None

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A transaction, committed at the end. ``write``: it reads and then writes — on SQLite
        it takes the write lock at the start, so a concurrent writer makes it wait, not fail."""
        queued = self._writers if write else None
        try:
            with queued or nullcontext(), self._sessions() as s, s.begin():
                if write:
                    s.connection(execution_options={"immediate": True})
                yield s
        except OperationalError as exc:
            raise StoreError(_why(exc)) from exc

    def at_head(self) -> bool:
        """Is the schema already the newest? One query, without loading Alembic."""
        try:
            with self.engine.connect() as conn:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        except DBAPIError:
            return False  # no alembic_version table yet

    def migrate(self) -> None:
        if self.at_head():
            return
        upgrade_schema(self.engine)


_UPGRADE_LOCK = 0x6D77_7570  # "mwup"


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Alembic's upgrade to ``revision`` in one transaction.

    On SQLite, batch mode rebuilds a table by dropping it: with foreign keys on, the drop would
    run the children's ON DELETE actions (references set to NULL, rows cascaded away). They are
    off for the upgrade, as Alembic's batch documentation says — set outside a transaction,
    where SQLite honours it — and every reference is checked before the upgrade commits."""
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    try:
        with engine.connect() as conn:
            sqlite = conn.dialect.name == "sqlite"
            if sqlite:
                _driver(conn).execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        # workers, gateways and the console starting together: one upgrades,
                        # the others wait here and then find the schema at its revision
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_UPGRADE_LOCK})")
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
                    if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise StoreError(_("the upgrade would leave references to missing rows"))
            finally:
                if sqlite:
                    _driver(conn).execute("PRAGMA foreign_keys=ON")
    except OperationalError as exc:
        raise StoreError(_why(exc)) from exc


def _driver(conn: Connection) -> Any:
    """The DBAPI connection under ``conn`` (a statement there starts no transaction)."""
    return conn.connection.driver_connection


def _why(exc: OperationalError) -> str:
    return str(exc.orig)[:200]


def open_store(settings: Settings | None = None, *, url: str | None = None, migrate: bool = True) -> Store:
    s = settings or get_settings()
    store = Store(make_engine(url or s.resolved_database_url()))
    if migrate:
        store.migrate()
    return store
