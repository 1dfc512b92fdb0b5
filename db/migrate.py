"""Bring a database to the newest schema with Alembic, copying a SQLite file aside first.

Every start asks whether the schema is the newest; answering that reads the migrations' file
names and one row, and imports Alembic (a fifth of the window's cold start) only to upgrade.
SQLAlchemy too is imported only by the functions that use it: the window's first look at a file
(ui.start_up) reads `head_revision` before SQLAlchemy is loaded.
"""

from __future__ import annotations

import ast
import logging
import re
import shutil
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"
# A top-level `revision = …` or `down_revision: … = …` line (reading the files with `ast` would
# cost start-up time: a twentieth of a second).
_REVISION = re.compile(
    r"^((?:down_)?revision)\s*(?::[^=\n]*)?=\s*([^#\n]*?)\s*(?:#.*)?$", re.MULTILINE
)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


class ForeignDatabase(Exception):
    """The database holds tables but no schema revision of the app's: somebody else's."""

    def __init__(self, tables: list[str]) -> None:
        super().__init__(f"not a RevisitDesk database: it holds {', '.join(tables)}")
        self.tables = tables


class NewerDatabase(Exception):
    """The database is at a schema revision none of these migrations knows: a newer app's."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"unknown schema revision {revision!r}: made by a newer RevisitDesk")
        self.revision = revision


def known_revisions() -> frozenset[str]:
    """Every revision of the migrations (read only when the database is not at the head)."""
    return frozenset(_module_constants(script)["revision"] for script in _scripts())


@cache
def head_revision() -> str:
    """The newest migration: the one no other migration follows (as Alembic finds it)."""
    followed = set()
    for script in _scripts():
        down = _module_constants(script).get("down_revision")
        followed.update(down if isinstance(down, tuple | list) else [down] if down else [])
    heads = set(known_revisions()) - followed
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def _scripts() -> list[Path]:
    return sorted((MIGRATIONS_DIR / "versions").glob("*.py"))


def _module_constants(script: Path) -> dict[str, object]:
    """`revision` and `down_revision` as a migration script assigns them, however quoted or
    annotated (`revision = "0011"`, `revision: str = '0012'`, a tuple for a merge)."""
    return {
        name: ast.literal_eval(value)
        for name, value in _REVISION.findall(script.read_text(encoding="utf-8"))
    }


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for a new database."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


# back_up(engine, folder or None): a backup of a database about to be upgraded, or None when
# none could be made. The app's is app.backup.back_up_before_upgrade (pg_dump); the caller that
# opens the database passes it in, so that db/ needs nothing from app/.
BackUp = Callable[["Engine", Path | None], Path | None]


def upgrade_database(
    engine: Engine, backup_dir: Path | None = None, back_up: BackUp | None = None
) -> Path | None:
    """Upgrade to the newest schema. Returns the path of the copy made aside, if one was made.

    A SQLite file that already holds tables is copied (with SQLite's online backup, so that a
    WAL file is included) before any migration touches it; a new, empty database is not. A
    PostgreSQL database that holds tables is backed up by `back_up`; without it, or when it
    makes none, the upgrade goes on and the log says so. A database that holds other tables and
    no revision (ForeignDatabase), or a revision no migration here knows (NewerDatabase), is
    left as it is.
    """
    from db.engine import database_key, sqlite_path

    current = current_revision(engine)
    if current == head_revision():
        return None
    if current is not None and current not in known_revisions():
        raise NewerDatabase(current)
    if current is None and (tables := _other_tables(engine)):
        raise ForeignDatabase(tables)
    backup = None
    path = sqlite_path(str(engine.url))
    if path is not None and path.exists() and _has_tables(engine):
        backup = _copy_aside(path, current, backup_dir or path.parent, database_key(engine))
    elif engine.dialect.name == "postgresql" and _has_tables(engine):
        if back_up is None:
            log.warning("Upgrading %s without a backup before it", engine.url)
        else:
            backup = back_up(engine, backup_dir)
    run_migrations(engine, "head")
    return backup


def run_migrations(engine: Engine, revision: str, downgrade: bool = False) -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        if downgrade:
            command.downgrade(config, revision)
        else:
            command.upgrade(config, revision)


def _has_tables(engine: Engine) -> bool:
    return bool(_other_tables(engine))


def _other_tables(engine: Engine) -> list[str]:
    from sqlalchemy import inspect

    return sorted(set(inspect(engine).get_table_names()) - {VERSION_TABLE})


def _copy_aside(
    path: Path, revision: str | None, backup_dir: Path, key: bytes | None = None
) -> Path:
    """A copy of the file beside it (encrypted with the same key when it is encrypted)."""
    from db.engine import connect_sqlite, key_file_path

    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{path.stem}.before-upgrade-{revision or 'base'}-{stamp}{path.suffix}"
    if key is not None and key_file_path(path).exists():  # the copy opens with the same one
        shutil.copy2(key_file_path(path), key_file_path(target))
    source = connect_sqlite(path, key)
    try:
        copy = connect_sqlite(target, key)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target
