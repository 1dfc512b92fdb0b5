"""What a database holds, for the manifest and for checking a copy: schema revision, rows per table."""

from __future__ import annotations

from dataclasses import dataclass

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, func, inspect, select

from app.backup.archive import BackupError, BackupInvalid, Manifest
from app.i18n import pick
from db.migrate import alembic_config
from db.models import Base


@dataclass(frozen=True)
class DatabaseFacts:
    schema_revision: str | None
    counts: dict[str, int]


def read_facts(connection: Connection) -> DatabaseFacts:
    """Rows in every table of the app's schema that the database has, in the caller's transaction."""
    present = set(inspect(connection).get_table_names())
    counts = {
        name: connection.scalar(select(func.count()).select_from(table)) or 0
        for name, table in sorted(Base.metadata.tables.items())
        if name in present
    }
    revision = MigrationContext.configure(connection).get_current_revision()
    return DatabaseFacts(schema_revision=revision, counts=counts)


def check_facts(facts: DatabaseFacts, manifest: Manifest, where: str) -> None:
    """Raise BackupInvalid when a database read back from a backup differs from its manifest."""
    if facts.schema_revision != manifest.schema_revision:
        raise BackupInvalid(
            pick(
                f"{where} 的数据库结构版本是 {facts.schema_revision}，清单记录的是 "
                f"{manifest.schema_revision}",
                f"the database in {where} has schema revision {facts.schema_revision}, its "
                f"manifest says {manifest.schema_revision}",
            )
        )
    for table, expected in manifest.counts.items():
        actual = facts.counts.get(table)
        if actual != expected:
            raise BackupInvalid(
                pick(
                    f"{where} 的数据库与清单不符：表 {table} 应有 {expected} 行，实有 {actual} 行",
                    f"the database in {where} does not match its manifest: table {table} should "
                    f"hold {expected} rows, holds {actual}",
                )
            )


def check_revision_known(manifest: Manifest) -> None:
    """Refuse a backup whose schema this version of the app does not know (made by a newer one)."""
    if manifest.schema_revision is None:
        return
    scripts = ScriptDirectory.from_config(alembic_config())
    try:
        known = scripts.get_revision(manifest.schema_revision) is not None
    except Exception:  # alembic raises several kinds for an unknown revision
        known = False
    if not known:
        raise BackupError(
            pick(
                f"备份的数据库结构版本 {manifest.schema_revision} 比本程序新（备份由回访台 "
                f"{manifest.app_version} 制作），请用该版本或更新的版本恢复",
                f"the backup's schema revision {manifest.schema_revision} is newer than this "
                f"program knows (it was made by RevisitDesk {manifest.app_version}); restore it "
                "with that version or a newer one",
            )
        )
