"""The attachment store: beside a SQLite file, inside PostgreSQL; never silently overwritten."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from app.scanning.filing import add_scan
from app.scanning.store import AttachmentStore, DatabaseStore, FolderStore, StoreError
from db.models import AttachmentBlob

from .helpers import CASE_NO, scanned_png


def test_sqlite_keeps_files_in_a_folder_beside_the_database(sqlite_db, sqlite_cases):
    data = scanned_png(CASE_NO)
    result = add_scan(sqlite_db, data, "a.png", source="drop")
    store = AttachmentStore.for_database(sqlite_db)
    assert isinstance(store, FolderStore)
    db_file = sqlite_db.engine.url.database
    assert str(store.root) == db_file.removesuffix(".sqlite3") + ".attachments"
    path = store.root / result.sha256[:2] / result.sha256[2:]
    assert path.read_bytes() == data
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    with sqlite_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AttachmentBlob)) == 0
        assert store.get(session, result.sha256) == data
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind


def test_postgresql_keeps_files_in_the_database(pg_db):
    store = AttachmentStore.for_database(pg_db)
    assert isinstance(store, DatabaseStore)
    with pg_db.sessions.begin() as session:
        digest = store.put(session, b"%PDF-1.4 some bytes")
        assert store.put(session, b"%PDF-1.4 some bytes") == digest
    with pg_db.sessions() as session:
        assert store.exists(session, digest)
        assert store.get(session, digest) == b"%PDF-1.4 some bytes"
        assert session.scalar(select(func.count()).select_from(AttachmentBlob)) == 1


def test_store_puts_once_and_checks_what_it_finds(any_db):
    store = AttachmentStore.for_database(any_db)
    with any_db.sessions.begin() as session:
        digest = store.put(session, b"one")
        assert store.put(session, b"one") == digest
        assert store.exists(session, digest)
        assert not store.exists(session, "0" * 64)
        with pytest.raises(StoreError):
            store.get(session, "0" * 64)


def test_damaged_file_is_detected_and_kept_aside(tmp_path):
    store = FolderStore(tmp_path / "x.attachments")
    digest = store.put(None, b"original bytes")
    path = store.path_for(digest)
    path.write_bytes(b"bit rot")
    with pytest.raises(StoreError):
        store.get(None, digest)
    # Putting the same file again repairs it, keeping the damaged copy for inspection.
    assert store.put(None, b"original bytes") == digest
    assert store.get(None, digest) == b"original bytes"
    assert [p.read_bytes() for p in path.parent.glob("*.damaged-*")] == [b"bit rot"]
