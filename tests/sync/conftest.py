"""Fixtures of the sync tests: outlets with SQLite files of their own beside the database under
test, each a copy of the run's migrated database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.database import Database
from tests.conftest import copy_of


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
