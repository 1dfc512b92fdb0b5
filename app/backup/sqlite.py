"""SQLite: a consistent snapshot of a file in use, its attachments folder, and checks of a copy.

The snapshot is made with SQLite's online backup API through a connection that holds one read
transaction for the whole copy: in WAL mode writers go on meanwhile, and the copy is the database
as it was when that transaction began, with no restart however much is written during it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.pool import NullPool

from app.backup.archive import BackupInvalid, Meter
from app.backup.facts import DatabaseFacts, read_facts
from app.i18n import pick
from app.scanning.store import AttachmentStore, FolderStore
from db.engine import SQLITE_BUSY_TIMEOUT_MS, connect_sqlite, make_engine, sqlite_module
from db.models import Attachment

STEP_PAGES = 256  # pages copied between progress reports (1 MiB at SQLite's usual 4 KiB)


def attachment_store(database_file: Path, key: bytes | None = None) -> FolderStore:
    """The folder the app keeps this database file's attachments in (app.scanning.store), with
    the key it encrypts them with when the file is encrypted."""
    store = AttachmentStore.for_database(SimpleNamespace(url=f"sqlite:///{database_file}"), key=key)
    assert isinstance(store, FolderStore)
    return store


def size_to_copy(database_file: Path) -> int:
    """Bytes a snapshot will copy: the file and its write-ahead log, at most."""
    wal = Path(f"{database_file}-wal")
    return database_file.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def snapshot(source: Path, copy: Path, meter: Meter, key: bytes | None = None) -> None:
    """Copy the database in `source` to the new file `copy`, while others go on using it; an
    encrypted database's copy is encrypted with the same `key` (SQLCipher copies no other way)."""
    connection = connect_sqlite(
        source, key, isolation_level=None, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000
    )
    try:
        # One read transaction for all the steps: one snapshot, and no restart when others write.
        connection.execute("BEGIN")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # it starts here
        page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
        target = connect_sqlite(copy, key)
        try:
            copied = 0

            def step(_status: int, remaining: int, total: int) -> None:
                nonlocal copied
                meter.advance((total - remaining - copied) * page_size)
                copied = total - remaining

            connection.backup(target, pages=STEP_PAGES, progress=step)
            # The copy stands alone: one file, no write-ahead log beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        connection.close()


def read_copy(copy: Path, key: bytes | None = None) -> tuple[DatabaseFacts, list[str]]:
    """The facts of a SQLite copy, and the SHA-256 of every attachment its rows refer to."""
    engine = make_engine(f"sqlite:///{copy}", key=key, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            facts = read_facts(connection)
            hashes = (
                list(connection.scalars(select(Attachment.sha256).distinct()))
                if "attachments" in facts.counts
                else []
            )
    finally:
        engine.dispose()
    return facts, sorted(hashes)


def check_integrity(copy: Path, meter: Meter, where: str, key: bytes | None = None) -> None:
    """SQLite's own integrity check of a copy; raises BackupInvalid with what it found."""
    module = sqlite_module(key)
    connection = connect_sqlite(f"file:{copy}?mode=ro", key, uri=True)
    try:
        with _interruptible(connection, meter, module):
            rows = connection.execute("PRAGMA integrity_check").fetchall()
    except module.DatabaseError as error:
        rows = [(str(error),)]
    finally:
        connection.close()
    if rows != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in rows[:5])
        raise BackupInvalid(
            pick(
                f"{where} 中的数据库未通过 SQLite 完整性检查：{detail}",
                f"the database in {where} fails SQLite's integrity check: {detail}",
            )
        )


@contextmanager
def _interruptible(connection, meter: Meter, module) -> Iterator[None]:
    """Let a long statement report progress, and stop when the meter raises (Cancel)."""
    stopped: list[BaseException] = []

    def handler() -> int:
        try:
            meter.wait()
        except BaseException as error:  # handed back once SQLite has stopped
            stopped.append(error)
            return 1
        return 0

    connection.set_progress_handler(handler, 200_000)
    try:
        yield
    except module.OperationalError:
        if stopped:
            raise stopped[0] from None
        raise
    finally:
        connection.set_progress_handler(None, 0)
