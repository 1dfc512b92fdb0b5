"""Fixtures of the sync tests: outlets with SQLite files of their own beside the database under
test, each a copy of the run's migrated database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sync import export_changes
from db.database import Database
from tests.conftest import copy_of

from .helpers import exchange_keys, name_site, outlet_day, sync_file


def _outlet(template: Path, folder: Path) -> Iterator[Database]:
    database = copy_of(template, folder / "outlet.sqlite3")
    yield database
    database.close()


@pytest.fixture
def outlet(migrated_sqlite: Path, tmp_path: Path) -> Iterator[Database]:
    """An outlet's database (its attachments go in a folder beside the file)."""
    yield from _outlet(migrated_sqlite, tmp_path / "outlet")


@pytest.fixture
def second_outlet(migrated_sqlite: Path, tmp_path: Path) -> Iterator[Database]:
    yield from _outlet(migrated_sqlite, tmp_path / "second-outlet")


def _export(outlet: Database, centre: Database, tmp_path: Path) -> Path:
    name_site(outlet, "历下网点")
    exchange_keys(outlet, centre)
    outlet_day(outlet)
    path = sync_file(tmp_path, "outlet")
    export_changes(outlet, path)
    return path


@pytest.fixture
def exported(outlet, sqlite_db, tmp_path) -> Path:
    """The outlet's day, for the centre (SQLite), whose keys the outlet trusts and which
    trusts the outlet's."""
    return _export(outlet, sqlite_db, tmp_path)


@pytest.fixture
def exported_to_any(outlet, any_db, tmp_path) -> Path:
    """The same for the centre on each backend."""
    return _export(outlet, any_db, tmp_path)
