"""Fixtures of the sync tests: outlets with SQLite files of their own beside the database under
test. Each is a copy of one database migrated once per session: migrating costs a second or two,
copying a file nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.database import Database, open_database


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    open_database(f"sqlite:///{path}").close()  # closing checkpoints the WAL into the file
    return path


def _outlet(template: Path, folder: Path) -> Iterator[Database]:
    folder.mkdir()
    path = folder / "outlet.sqlite3"
    shutil.copyfile(template, path)
    database = open_database(f"sqlite:///{path}")
    yield database
    database.close()


@pytest.fixture
def outlet(migrated_file: Path, tmp_path: Path) -> Iterator[Database]:
    """An outlet's database (its attachments go in a folder beside the file)."""
    yield from _outlet(migrated_file, tmp_path / "outlet")


@pytest.fixture
def second_outlet(migrated_file: Path, tmp_path: Path) -> Iterator[Database]:
    yield from _outlet(migrated_file, tmp_path / "second-outlet")
