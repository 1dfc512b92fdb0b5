"""The attachment store: file bytes kept once by SHA-256, beside the database or inside it.

SQLite databases keep files in a folder next to the database file (`<stem>.attachments/ab/cdef…`),
so that a copy of the folder and the file is a whole backup and the database stays small.
PostgreSQL databases keep them in `attachment_blobs`, so that every seat of a call centre sees
them without a shared drive. Beside an encrypted SQLite file (app.keys.database_key) each file is
encrypted too, with AES-256-GCM under a key derived from the database's key; its name stays the
SHA-256 of its content, as the rows refer to it. Files are never overwritten: a file already there is checked
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
from db.engine import database_key, sqlite_path
from db.models import AttachmentBlob


class StoreError(Refused, RuntimeError):
    """A stored file is missing or damaged."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class AttachmentStore:
    """Where the bytes of attachments live; see `for_database`."""

    @classmethod
    def for_database(cls, database, key: bytes | None = None) -> AttachmentStore:
        """A folder beside a SQLite file (encrypted with the file's key: that of the database's
        engine, or `key`); the database itself otherwise (PostgreSQL, :memory:)."""
        path = sqlite_path(database.url)
        if path is not None:
            engine = getattr(database, "engine", None)
            if key is None and engine is not None:
                key = database_key(engine)
            return FolderStore(path.parent / f"{path.stem}.attachments", key)
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


ENCRYPTED_MAGIC = b"RDA1"  # an encrypted attachment's first bytes, then the nonce


class FolderStore(AttachmentStore):
    """Files in `root/ab/cdef…`, written whole or not at all (app.atomic_file); encrypted when
    the store has the database's `key` (files in the clear, from before, are still read)."""

    def __init__(self, root: Path, key: bytes | None = None) -> None:
        self.root = root
        self.key = key

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:]

    def put(self, session: Session, data: bytes) -> str:
        digest = sha256_of(data)
        target = self.path_for(digest)
        if target.exists():
            if self._readable(target, digest):
                return digest
            # A damaged copy (disk error, a half-copied backup) is kept aside for inspection,
            # never silently replaced.
            target.replace(target.with_name(f"{target.name}.damaged-{os.getpid()}"))
        write_atomically(target, self.sealed(data, digest))
        return digest

    def _readable(self, target: Path, digest: str) -> bool:
        try:
            return sha256_of(self.opened(target.read_bytes(), digest)) == digest
        except StoreError:
            return False

    def get(self, session: Session, sha256: str) -> bytes:
        try:
            data = self.path_for(sha256).read_bytes()
        except FileNotFoundError:
            raise _missing(sha256) from None
        data = self.opened(data, sha256)
        if sha256_of(data) != sha256:
            raise _damaged(sha256)
        return data

    def sealed(self, data: bytes, digest: str) -> bytes:
        """The bytes as the store keeps them: encrypted when it has a key."""
        if self.key is None:
            return data
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        return (
            ENCRYPTED_MAGIC
            + nonce
            + AESGCM(self._file_key()).encrypt(nonce, data, digest.encode("ascii"))
        )

    def opened(self, stored: bytes, digest: str) -> bytes:
        """The content of a stored file (decrypted when it was encrypted)."""
        if not stored.startswith(ENCRYPTED_MAGIC):
            return stored
        if self.key is None:
            raise _damaged(digest)
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        start = len(ENCRYPTED_MAGIC)
        try:
            return AESGCM(self._file_key()).decrypt(
                stored[start : start + 12], stored[start + 12 :], digest.encode("ascii")
            )
        except InvalidTag:
            raise _damaged(digest) from None

    def _file_key(self) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        assert self.key is not None
        return HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"RevisitDesk attachments v1"
        ).derive(self.key)

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
