"""SQLite: a consistent snapshot of a file in use, its attachments folder, and checks of a copy.

The snapshot is made with SQLite's online backup API through a connection that holds one read
transaction for the whole copy: in WAL mode writers go on meanwhile, and the copy is the database
as it was when that transaction began, with no restart however much is written during it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from app.backup.archive import BackupInvalid, Meter
from app.backup.facts import DatabaseFacts, read_facts
from app.i18n import pick
from app.scanning.store import AttachmentStore, FolderStore
from db.engine import SQLITE_BUSY_TIMEOUT_MS
from db.models import Attachment

STEP_PAGES = 256  # pages copied between progress reports (1 MiB at SQLite's usual 4 KiB)


def attachment_store(database_file: Path) -> FolderStore:
    """The folder the app keeps this database file's attachments in (app.scanning.store)."""
    store = AttachmentStore.for_database(SimpleNamespace(url=f"sqlite:///{database_file}"))
    assert isinstance(store, FolderStore)
    return store


def size_to_copy(database_file: Path) -> int:
    """Bytes a snapshot will copy: the file and its write-ahead log, at most."""
    wal = Path(f"{database_file}-wal")
    return database_file.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def snapshot(source: Path, copy: Path, meter: Meter) -> None:
    """Copy the database in `source` to the new file `copy`, while others go on using it."""
    connection = sqlite3.connect(
        source, isolation_level=None, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000
    )
    try:
        # One read transaction for all the steps: one snapshot, and no restart when others write.
        connection.execute("BEGIN")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # it starts here
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        target = sqlite3.connect(copy)
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


def read_copy(copy: Path) -> tuple[DatabaseFacts, list[str]]:
    """The facts of a SQLite copy, and the SHA-256 of every attachment its rows refer to."""
    engine = create_engine(f"sqlite:///{copy}", poolclass=NullPool)
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


def check_integrity(copy: Path, meter: Meter, where: str) -> None:
    """SQLite's own integrity check of a copy; raises BackupInvalid with what it found."""
    connection = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        with _interruptible(connection, meter):
            rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
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
def _interruptible(connection: sqlite3.Connection, meter: Meter) -> Iterator[None]:
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
    except sqlite3.OperationalError:
        if stopped:
            raise stopped[0] from None
        raise
    finally:
        connection.set_progress_handler(None, 0)
