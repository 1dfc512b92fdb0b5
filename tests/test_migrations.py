"""The migrations build exactly the schema of db/models.py, both ways, on every backend."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

import db.migrate
from db.database import open_database
from db.migrate import current_revision, head_revision, run_migrations, upgrade_database
from db.models import Base, Unit


def _differences(engine) -> list:
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


def test_migrations_build_the_models_schema(any_db):
    assert current_revision(any_db.engine) == head_revision()
    assert _differences(any_db.engine) == []


def test_downgrade_to_nothing_and_up_again(any_db):
    run_migrations(any_db.engine, "base", downgrade=True)
    assert set(inspect(any_db.engine).get_table_names()) <= {"alembic_version"}
    upgrade_database(any_db.engine)
    assert _differences(any_db.engine) == []


def test_sqlite_pragmas_are_set(sqlite_db):
    with sqlite_db.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA busy_timeout").scalar() >= 5000


def test_new_database_is_not_copied_aside(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    database.close()
    assert database.backup is None
    assert [p.name for p in tmp_path.iterdir() if "before-upgrade" in p.name] == []


def test_older_sqlite_file_is_copied_aside_before_upgrade(tmp_path, monkeypatch):
    path = tmp_path / "office.sqlite3"
    database = open_database(f"sqlite:///{path}")
    with database.sessions.begin() as session:
        session.add(Unit(name="历下区不动产登记中心"))
    database.close()
    # Pretend a newer schema has shipped since this file was last opened.
    monkeypatch.setattr(db.migrate, "head_revision", lambda: "a-newer-revision")
    reopened = open_database(f"sqlite:///{path}")
    reopened.close()
    assert reopened.backup is not None and reopened.backup.exists()
    copy = sqlite3.connect(reopened.backup)
    try:
        assert copy.execute("SELECT name FROM units").fetchall() == [("历下区不动产登记中心",)]
    finally:
        copy.close()
    with open_database(f"sqlite:///{path}").sessions() as session:
        assert session.scalar(select(Unit.name)) == "历下区不动产登记中心"


def test_the_head_read_from_the_files_is_alembics_head():
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_a_migration_written_from_alembics_template_is_the_new_head(tmp_path, monkeypatch):
    """script.py.mako writes `revision = '…'` (repr: single quotes); Alembic's own template
    annotates (`revision: str = …`); a merge has a tuple. Each is read as Alembic reads it."""
    import shutil

    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    copy = tmp_path / "migrations"
    shutil.copytree(db.migrate.MIGRATIONS_DIR, copy)
    old_head = head_revision()
    (copy / "versions" / "9001_a.py").write_text(
        f"revision = '9001'\ndown_revision = {old_head!r}  # the one before\n"
    )
    (copy / "versions" / "9002_b.py").write_text(
        f"revision: str = '9002'\ndown_revision: str | None = {old_head!r}\n"
    )
    (copy / "versions" / "9003_merge.py").write_text(
        'revision = "9003"\ndown_revision = (\'9001\', "9002")\n'
    )
    monkeypatch.setattr(db.migrate, "MIGRATIONS_DIR", copy)
    head_revision.cache_clear()
    try:
        assert head_revision() == "9003"
        assert ScriptDirectory.from_config(alembic_config()).get_current_head() == "9003"
    finally:
        head_revision.cache_clear()


def test_a_new_database_has_no_revision(tmp_path):
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert current_revision(engine) is None
    engine.dispose()


def test_the_app_backs_up_a_postgresql_database_before_upgrading_it(monkeypatch, tmp_path):
    """db/ takes the backup step from whoever opens the database; the app's is app.backup's."""
    import app.opening

    made = []
    monkeypatch.setattr(
        "app.backup.back_up_before_upgrade", lambda engine, folder: made.append(folder)
    )
    app.opening._back_up_before_upgrade(None, tmp_path)
    assert made == [tmp_path]
