"""Bring a database to the newest schema with Alembic, copying a SQLite file aside first."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from db.engine import sqlite_path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_database(engine: Engine, backup_dir: Path | None = None) -> Path | None:
    """Upgrade to the newest schema. Returns the path of the copy made aside, if one was made.

    A SQLite file that already holds tables is copied (with SQLite's online backup, so that a
    WAL file is included) before any migration touches it; a new, empty database is not. A
    PostgreSQL database that holds tables gets a full backup file (pg_dump, by app.backup) when
    this computer has pg_dump; the log says so when it has not.
    """
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup = None
    path = sqlite_path(str(engine.url))
    if path is not None and path.exists() and _has_tables(engine):
        backup = _copy_aside(path, current, backup_dir or path.parent)
    elif engine.dialect.name == "postgresql" and _has_tables(engine):
        # Imported here: db/ sits below app/ everywhere else, and only this needs it.
        from app.backup import back_up_before_upgrade

        backup = back_up_before_upgrade(engine, backup_dir)
    run_migrations(engine, "head")
    return backup


def run_migrations(engine: Engine, revision: str, downgrade: bool = False) -> None:
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
