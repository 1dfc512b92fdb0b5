"""PostgreSQL: pg_dump of a database in use, restored into a fresh database, and before upgrades."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url

import db.migrate
from app.backup import (
    DAILY,
    PRE_UPGRADE,
    BackupError,
    ToolMissing,
    back_up_before_upgrade,
    backup_keyring,
    create_backup,
    restore_backup,
    verify_backup,
)
from app.backup.postgres import connection_args, find_tool
from app.scanning.store import AttachmentStore
from db.database import Database, open_database
from db.migrate import upgrade_database
from db.models import AttachmentBlob, Unit

from .conftest import ATTACHMENTS, add_attachments, import_samples, quarterly


@pytest.fixture
def pg_tools() -> None:
    try:
        find_tool("pg_dump")
        find_tool("pg_restore")
    except ToolMissing as missing:
        pytest.skip(f"PostgreSQL client programs not installed: {missing.tool} not found")


@pytest.mark.postgres
def test_backup_and_restore_into_a_fresh_database(
    pg_tools: None, pg_db: Database, empty_pg: str, samples: Path, tmp_path: Path
):
    import_samples(pg_db, samples)
    add_attachments(pg_db)
    manifest = create_backup(pg_db, tmp_path / "pg.zip")

    assert manifest.backend == "postgresql"
    password = make_url(pg_db.url).password
    assert password and "***" in manifest.source and password not in manifest.source
    assert manifest.counts["cases"] == 400
    assert manifest.counts["attachment_blobs"] == len(ATTACHMENTS)
    assert [p.path for p in manifest.parts] == [manifest.database_part]
    keys = backup_keyring(pg_db)
    report = verify_backup(tmp_path / "pg.zip", keys=keys)
    assert report.database_check.startswith("pg_restore --list")
    assert report.signed_by == keys.own.public.fingerprint

    # Never over a database that holds anything (the running one here), nor across kinds.
    with pytest.raises(BackupError, match="不是空的"):
        restore_backup(tmp_path / "pg.zip", pg_db.url, keys=keys)
    with pytest.raises(BackupError, match="只能恢复到一个新建的空 PostgreSQL 数据库"):
        restore_backup(tmp_path / "pg.zip", tmp_path / "x.sqlite3", keys=keys)
    missing = make_url(pg_db.url).set(database="rd_no_such_database")
    with pytest.raises(BackupError, match="createdb"):
        restore_backup(
            tmp_path / "pg.zip", missing.render_as_string(hide_password=False), keys=keys
        )

    result = restore_backup(tmp_path / "pg.zip", empty_pg, keys=keys)
    assert result.counts == manifest.counts
    restored = open_database(empty_pg)
    try:
        assert quarterly(restored) == quarterly(pg_db)
        store = AttachmentStore.for_database(restored)
        with restored.sessions() as session:
            for data in ATTACHMENTS:
                digest = hashlib.sha256(data).hexdigest()
                assert hashlib.sha256(store.get(session, digest)).hexdigest() == digest
        # The sequences came along: new rows get new ids.
        with restored.sessions.begin() as session:
            session.add(Unit(name="恢复后新增的单位"))
        with restored.sessions() as session:
            assert session.scalar(select(func.count()).select_from(AttachmentBlob)) == 3
    finally:
        restored.close()


def test_the_password_goes_to_the_tools_by_environment_only():
    conninfo, env = connection_args(
        "postgresql+psycopg://revisit:s3cr'et@db.example:5433/rd?sslmode=require"
    )
    assert "s3cr" not in conninfo
    assert env["PGPASSWORD"] == "s3cr'et"
    assert conninfo == "host='db.example' port='5433' user='revisit' dbname='rd' sslmode='require'"


def test_missing_pg_dump_is_said_clearly(tmp_path: Path, monkeypatch):
    url = "postgresql+psycopg://revisit:secret@127.0.0.1:1/rd"  # never reached
    database = SimpleNamespace(url=url, engine=create_engine(url))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("app.backup.postgres._INSTALL_GLOBS", ())
    with pytest.raises(ToolMissing, match="找不到 pg_dump.*postgresql-client"):
        # The daily kind: the manual one first asks the database who backs up.
        create_backup(database, tmp_path / "pg.zip", kind=DAILY)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.postgres
def test_a_backup_is_made_before_an_upgrade(
    pg_tools: None, pg_db: Database, tmp_path: Path, monkeypatch
):
    with pg_db.sessions.begin() as session:
        session.add(Unit(name="历下区不动产登记中心"))
    # Pretend a newer schema has shipped since this database was last opened.
    monkeypatch.setattr(db.migrate, "head_revision", lambda: "a-newer-revision")

    made = upgrade_database(pg_db.engine, tmp_path / "before", back_up_before_upgrade)

    assert made is not None and made.parent == tmp_path / "before"
    # Signed by the installation, whose keys were made for it.
    report = verify_backup(made, keys=backup_keyring(pg_db))
    assert report.manifest.kind == PRE_UPGRADE and report.manifest.counts["units"] == 1
    assert report.signed_by is not None


@pytest.mark.postgres
def test_an_upgrade_goes_on_without_pg_dump_and_says_so(
    pg_db: Database, tmp_path: Path, monkeypatch, caplog
):
    with pg_db.sessions.begin() as session:
        session.add(Unit(name="历下区不动产登记中心"))
    monkeypatch.setattr(db.migrate, "head_revision", lambda: "a-newer-revision")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    monkeypatch.setattr("app.backup.postgres._INSTALL_GLOBS", ())

    assert upgrade_database(pg_db.engine, tmp_path / "before", back_up_before_upgrade) is None
    assert "Upgrading without a backup" in caplog.text and "pg_dump" in caplog.text
