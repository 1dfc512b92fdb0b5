"""Bring a database to the newest schema with Alembic, copying a SQLite file aside first.

Every start asks whether the schema is the newest; answering that reads the migrations' file
names and one row, and imports Alembic (a fifth of the window's cold start) only to upgrade.
"""

from __future__ import annotations

import ast
import logging
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from db.engine import sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

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


@cache
def head_revision() -> str:
    """The newest migration: the one no other migration follows (as Alembic finds it)."""
    revisions, followed = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        names = _module_constants(script)
        revisions.add(names["revision"])
        down = names.get("down_revision")
        followed.update(down if isinstance(down, tuple | list) else [down] if down else [])
    heads = revisions - followed
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def _module_constants(script: Path) -> dict[str, object]:
    """`revision` and `down_revision` as a migration script assigns them, however quoted or
    annotated (`revision = "0011"`, `revision: str = '0012'`, a tuple for a merge)."""
    return {
        name: ast.literal_eval(value)
        for name, value in _REVISION.findall(script.read_text(encoding="utf-8"))
    }


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for a new database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


# back_up(engine, folder or None): a backup of a database about to be upgraded, or None when
# none could be made. The app's is app.backup.back_up_before_upgrade (pg_dump); the caller that
# opens the database passes it in, so that db/ needs nothing from app/.
BackUp = Callable[[Engine, Path | None], Path | None]


def upgrade_database(
    engine: Engine, backup_dir: Path | None = None, back_up: BackUp | None = None
) -> Path | None:
    """Upgrade to the newest schema. Returns the path of the copy made aside, if one was made.

    A SQLite file that already holds tables is copied (with SQLite's online backup, so that a
    WAL file is included) before any migration touches it; a new, empty database is not. A
    PostgreSQL database that holds tables is backed up by `back_up`; without it, or when it
    makes none, the upgrade goes on and the log says so.
    """
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup = None
    path = sqlite_path(str(engine.url))
    if path is not None and path.exists() and _has_tables(engine):
        backup = _copy_aside(path, current, backup_dir or path.parent)
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
    return bool(set(inspect(engine).get_table_names()) - {"alembic_version"})


def _copy_aside(path: Path, revision: str | None, backup_dir: Path) -> Path:
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{path.stem}.before-upgrade-{revision or 'base'}-{stamp}{path.suffix}"
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target
