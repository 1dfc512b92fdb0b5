"""Shared fixtures: a fresh database per test, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import os

# pytest-qt aborts without a display unless Qt is told to draw offscreen (before Qt loads).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from db.database import Database, open_database

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
# e.g. postgresql+psycopg://postgres:secret@127.0.0.1:5432/postgres (.ci/run sets it)
PG_URL = os.environ.get("REVISITDESK_TEST_PG")


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.exists():
        pytest.skip(f"sample files not found at {SAMPLES}")
    return SAMPLES


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield database
    database.close()


@pytest.fixture
def pg_db() -> Iterator[Database]:
    """A new, empty PostgreSQL database on the test server, dropped afterwards."""
    if not PG_URL:
        pytest.skip("REVISITDESK_TEST_PG is not set: no PostgreSQL server to test against")
    name = f"rdtest_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database = open_database(
        make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    )
    try:
        yield database
    finally:
        database.close()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Database:
    """The same test on SQLite and on PostgreSQL."""
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")
