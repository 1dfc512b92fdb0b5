"""Which database to open, and the engine and session factory for it.

The default store is a SQLite file in the user's data directory. Another database is named by an
SQLAlchemy URL, given on the command line (`--db URL`) or in `REVISITDESK_DB`.
"""

from __future__ import annotations

import os
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "RevisitDesk"
ENV_DB = "REVISITDESK_DB"
SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_BEGIN_MODES = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")
# Page cache for bulk writes (KiB): room for the indexes of 100 000 new cases and more.
SQLITE_BULK_CACHE_KIB = 65_536
SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite file in the clear
DATABASE_KEY_BYTES = 32  # SQLCipher's raw key: AES-256, no passphrase derivation per connection

# The key of each encrypted SQLite database open in this process, by engine (see make_engine).
_keys: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()


def data_dir() -> Path:
    """The user's data directory for RevisitDesk (created when missing)."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'revisitdesk.sqlite3'}"


def resolve_database_url(cli_url: str | None = None) -> str:
    """The URL given on the command line, else `REVISITDESK_DB`, else the default file."""
    return cli_url or os.environ.get(ENV_DB) or default_database_url()


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def key_file_path(database_file: Path) -> Path:
    """The key file beside an encrypted SQLite file (app.keys.database_key), which unlocks it."""
    return database_file.with_name(database_file.name + ".key")


def is_encrypted_file(path: Path) -> bool:
    """Whether a SQLite file exists and is not in the clear (SQLCipher's begins with its salt)."""
    try:
        with open(path, "rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return len(header) == len(SQLITE_HEADER) and header != SQLITE_HEADER


def key_pragma(key: bytes) -> str:
    """SQLCipher's statement giving a connection its raw 256-bit key."""
    if len(key) != DATABASE_KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def sqlite_module(key: bytes | None):
    """The DB-API module for a SQLite file: sqlcipher3 for an encrypted one, else sqlite3."""
    if key is None:
        return sqlite3
    import sqlcipher3.dbapi2  # only for encrypted files

    return sqlcipher3.dbapi2


def connect_sqlite(path: Path | str, key: bytes | None = None, **kwargs):
    """A DB-API connection to a SQLite file, given its key first when it is encrypted (for the
    online backup and copies made aside, which work below SQLAlchemy)."""
    connection = sqlite_module(key).connect(str(path), **kwargs)
    if key is not None:
        connection.execute(key_pragma(key))
    return connection


def database_key(engine: Engine) -> bytes | None:
    """The key of the encrypted SQLite database `engine` opens; None when it is in the clear."""
    return _keys.get(engine)


def make_engine(url: str, *, key: bytes | None = None, **kwargs) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection,
    and, with `key`, SQLCipher with that raw key before anything else is read."""
    if key is not None:
        if make_url(url).get_backend_name() != "sqlite":
            raise ValueError("only a SQLite file is encrypted by the app")
        kwargs["module"] = sqlite_module(key)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, key)
    elif engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    if key is not None:
        _keys[engine] = key
    return engine


def _configure_sqlite(engine: Engine, key: bytes | None = None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        if key is not None:  # before any other statement: SQLCipher reads nothing without it
            dbapi_connection.execute(key_pragma(key))
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see "begin").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL loses no committed transaction on an application crash, only
        # possibly the last ones on a power cut, and makes every commit several times faster.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # A transaction that reads and then writes a row others may also want (a queue claim)
        # asks for the write lock up front with the execution option sqlite_begin="IMMEDIATE":
        # a deferred BEGIN would let two seats read the same free row before either writes.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        if mode not in SQLITE_BEGIN_MODES:
            raise ValueError(f"sqlite_begin must be one of {SQLITE_BEGIN_MODES}, not {mode!r}")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # No JIT compilation in the app's sessions: the app's queries are short, and the coverage
        # plan's queue figures, estimated above the JIT threshold at a million cases, spent
        # about 1 s of their 1.2 s compiling (issue 23). Committed at once (autocommit), or
        # the pool's rollback on return would undo it.
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SET jit = off")
            # A plan made for each statement's own values, never a generic plan: after five runs
            # of a prepared statement on one connection (psycopg prepares from the fifth) the
            # server may switch to a plan made without the values, and for a range of dates over
            # a million cases it chose one that took 30 s instead of 0.3 s (issue 23).
            cursor.execute("SET plan_cache_mode = force_custom_plan")
            cursor.close()
        finally:
            dbapi_connection.autocommit = autocommit


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def bulk_write_cache(session: Session) -> Iterator[None]:
    """A larger SQLite page cache on the session's connection while a bulk write runs.

    With the default 2 MB, the indexes of `cases` outgrow the cache while 100 000 cases are
    inserted, and their pages go out to the WAL and are read back over and over. Other databases
    manage their own memory: there this does nothing.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-SQLITE_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        # Also after a failed write: a connection the failure broke is not reused by the pool,
        # and an error here would only hide the real one.
        with suppress(SQLAlchemyError):
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
