"""The attachment store: file bytes kept once by SHA-256, beside the database or inside it.

SQLite databases keep files in a folder next to the database file (`<stem>.attachments/ab/cdef…`),
so that a copy of the folder and the file is a whole backup and the database stays small.
PostgreSQL databases keep them in `attachment_blobs`, so that every seat of a call centre sees
them without a shared drive. Files are never overwritten: a file already there is checked
against its name (its hash) and only a damaged copy is replaced, after being moved aside.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.atomic_file import write_atomically
from app.errors import Refused
from app.i18n import pick
from db.engine import sqlite_path
from db.models import AttachmentBlob


class StoreError(Refused, RuntimeError):
    """A stored file is missing or damaged."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class AttachmentStore:
    """Where the bytes of attachments live; see `for_database`."""

    @classmethod
    def for_database(cls, database) -> AttachmentStore:
        """A folder beside a SQLite file; the database itself otherwise (PostgreSQL, :memory:)."""
        path = sqlite_path(database.url)
        if path is not None:
            return FolderStore(path.parent / f"{path.stem}.attachments")
        return DatabaseStore()

    def put(self, session: Session, data: bytes) -> str:
        raise NotImplementedError

    def get(self, session: Session, sha256: str) -> bytes:
        raise NotImplementedError

    def exists(self, session: Session, sha256: str) -> bool:
        raise NotImplementedError


def _missing(sha256: str) -> StoreError:
    return StoreError(
        pick(f"附件 {sha256[:12]}… 不在存储中", f"attachment {sha256[:12]}… is not in the store")
    )


def _damaged(sha256: str) -> StoreError:
    return StoreError(
        pick(
            f"附件 {sha256[:12]}… 已损坏（内容与校验值不符），请从备份恢复",
            f"attachment {sha256[:12]}… is damaged (content does not match its hash); "
            "restore it from a backup",
        )
    )


class FolderStore(AttachmentStore):
    """Files in `root/ab/cdef…`, written whole or not at all (app.atomic_file)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:]

    def put(self, session: Session, data: bytes) -> str:
        digest = sha256_of(data)
        target = self.path_for(digest)
        if target.exists():
            if sha256_of(target.read_bytes()) == digest:
                return digest
            # A damaged copy (disk error, a half-copied backup) is kept aside for inspection,
            # never silently replaced.
            target.replace(target.with_name(f"{target.name}.damaged-{os.getpid()}"))
        write_atomically(target, data)
        return digest

    def get(self, session: Session, sha256: str) -> bytes:
        try:
            data = self.path_for(sha256).read_bytes()
        except FileNotFoundError:
            raise _missing(sha256) from None
        if sha256_of(data) != sha256:
            raise _damaged(sha256)
        return data

    def exists(self, session: Session, sha256: str) -> bool:
        return self.path_for(sha256).is_file()


class DatabaseStore(AttachmentStore):
    """Rows of `attachment_blobs`, written in the caller's transaction."""

    def put(self, session: Session, data: bytes) -> str:
        digest = sha256_of(data)
        stored = session.get(AttachmentBlob, digest)
        if stored is None:
            session.add(AttachmentBlob(sha256=digest, data=data))
            session.flush()
        elif sha256_of(stored.data) != digest:
            raise _damaged(digest)
        return digest

    def get(self, session: Session, sha256: str) -> bytes:
        data = session.scalar(select(AttachmentBlob.data).where(AttachmentBlob.sha256 == sha256))
        if data is None:
            raise _missing(sha256)
        data = bytes(data)
        if sha256_of(data) != sha256:
            raise _damaged(sha256)
        return data

    def exists(self, session: Session, sha256: str) -> bool:
        found = session.scalar(select(AttachmentBlob.sha256).where(AttachmentBlob.sha256 == sha256))
        return found is not None
