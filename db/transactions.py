"""Transactions for user actions that write, safe when several seats share one SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
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
        lock_for_writing(session)
        yield session


def lock_for_writing(session: Session) -> None:
    """Begin the session's transaction as one that writes: on SQLite it takes the write lock
    now (BEGIN IMMEDIATE), before its first read. Call it before the session's first statement."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})


@contextmanager
def write_connection(database_or_sessionmaker) -> Iterator[Connection]:
    """`write_transaction` for an action of Core statements: a connection in the same kind of
    transaction, without a Session's bookkeeping (the call desk's "next case", bench/desk.py)."""
    engine = session_factory(database_or_sessionmaker).kw["bind"]
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.execution_options(sqlite_begin="IMMEDIATE")
        with connection.begin():
            yield connection


def core_connection(session: Session) -> Connection:
    """The session's connection, for Core statements on the desk's hot paths.

    What the session holds unwritten is written first, as a query through the session would
    (autoflush); the statements run without the ORM's per-statement bookkeeping, so they neither
    see nor update objects the session has loaded.
    """
    session.flush()
    return session.connection()
