"""A transaction for a desk action that writes, safe when several seats share one SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker


def session_factory(database_or_sessionmaker) -> sessionmaker[Session]:
    """The sessionmaker of a `db.database.Database`, or the sessionmaker itself."""
    return getattr(database_or_sessionmaker, "sessions", database_or_sessionmaker)


@contextmanager
def write_transaction(database_or_sessionmaker) -> Iterator[Session]:
    """A session in a transaction that commits when the block ends (rolls back on an error).

    On SQLite the transaction takes the write lock before its first read (BEGIN IMMEDIATE):
    another seat then waits (busy timeout) instead of reading a row this one is about to take,
    and a read-then-write transaction cannot fail for a write committed in between.
    """
    with session_factory(database_or_sessionmaker)() as session, session.begin():
        if session.get_bind().dialect.name == "sqlite":
            session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        yield session
