"""Encrypting a SQLite database kept in the clear, in place, with a backup first.

An administrator asks for it (main.py db encrypt, or 文件 → 数据库 → 加密数据库文件…) with their
password, which is the first way in to the new key (app.keys.database_key); the recovery key, if
the installation has one, is the second. The others' passwords are not known here (only their
hashes are kept): each gets a way in when an administrator sets their password, or when they
log in once at a window already unlocked (切换用户). The result names them.

The steps, each of which leaves a database that opens:
1. a backup, signed and encrypted as every backup, into the backup folder;
2. the whole database exported by SQLCipher into a new encrypted file beside it, under one
   write lock (nobody writes meanwhile), then checked: SQLite's integrity check and every
   table's rows counted the same;
3. the key file written, then the encrypted file renamed over the plain one (a key file beside
   a file still in the clear, after a cut at this point, is ignored: the file opens as before);
4. the attachments beside it encrypted one by one (the store reads both while this runs).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.audit import record_change
from app.errors import Refused
from app.i18n import pick
from app.keys.database_key import new_database_key, new_key_file
from app.keys.installation import recovery_public
from app.progress import Progress
from app.staff import require_administrator
from db.database import Database
from db.engine import (
    connect_sqlite,
    is_encrypted_file,
    key_file_path,
    make_engine,
    make_session_factory,
    sqlite_path,
)
from db.models import Staff

log = logging.getLogger(__name__)


class EncryptionRefused(Refused):
    """The database cannot be encrypted here (not a SQLite file, already encrypted, …)."""


@dataclass
class Encrypted:
    """What encrypting did: the backup made first, and who cannot unlock the file yet."""

    database_file: Path
    backup: Path | None
    attachments: int
    recovery_key: bool
    waiting: list[str] = field(default_factory=list)  # user names without a way in yet

    def text(self) -> str:
        lines = [
            pick(
                f"数据库文件已加密：{self.database_file}",
                f"The database file is encrypted: {self.database_file}",
            ),
        ]
        if self.backup is not None:
            lines.append(pick(f"加密前的备份：{self.backup}", f"Backup made first: {self.backup}"))
        if self.attachments:
            lines.append(
                pick(
                    f"已加密附件 {self.attachments} 个", f"{self.attachments} attachments encrypted"
                )
            )
        if not self.recovery_key:
            lines.append(
                pick(
                    "本机还没有恢复密钥：请立即制作一个（文件 → 网点同步 → 密钥交换，或 main.py "
                    "keys recovery），否则忘记全部管理员密码后数据库将无法打开。",
                    "This installation has no recovery key yet: make one now (File → Outlet sync "
                    "→ Key exchange, or main.py keys recovery), or the database cannot be opened "
                    "once every administrator's password is forgotten.",
                )
            )
        if self.waiting:
            names = pick("、", ", ").join(self.waiting)
            lines.append(
                pick(
                    f"以下用户暂时无法在新启动时打开数据库：{names}。请管理员为他们重设密码，"
                    "或让他们在已解锁的窗口中“切换用户”登录一次。",
                    f"These users cannot open the database at a new start yet: {names}. Set "
                    "new passwords for them, or let each log in once at a window already "
                    "unlocked (Switch user).",
                )
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class EncryptionPlan:
    """What encrypting the database would do, told before it is asked for."""

    refused: str | None  # why it cannot be done here, or None
    recovery_key: bool
    waiting: list[str]  # who will need a new password (or one log-in at an unlocked window)


def encryption_plan(database: Database, by_id: int | None) -> EncryptionPlan:
    """Whether the database can be encrypted by the person `by_id`, and what it would mean."""
    with database.sessions() as session:
        try:
            _check_possible(database)
            require_administrator(session, by_id)
            _check_logged_in(by_id)
        except Refused as refused:
            return EncryptionPlan(str(refused), False, [])
        return EncryptionPlan(None, recovery_public(session) is not None, _waiting(session, by_id))


def _check_possible(database: Database) -> Path:
    path = sqlite_path(database.url)
    if path is None:
        raise EncryptionRefused(
            pick(
                "只有 SQLite 数据库文件由本程序加密；PostgreSQL 数据库请在服务器上加密（磁盘"
                "加密、TLS 连接）。",
                "Only a SQLite database file is encrypted by the app; protect a PostgreSQL "
                "database on its server (disk encryption, TLS connections).",
            )
        )
    if is_encrypted_file(path):
        raise EncryptionRefused(
            pick("数据库文件已经加密。", "The database file is encrypted already.")
        )
    return path


def _check_logged_in(by_id: int | None) -> None:
    if by_id is None:
        raise EncryptionRefused(
            pick(
                "加密前请先为管理员设置密码并登录：数据库的钥匙由登录打开。",
                "Set an administrator's password and log in first: the database's key "
                "opens through a log-in.",
            )
        )


def _waiting(session, by_id: int | None) -> list[str]:
    return list(
        session.scalars(
            select(Staff.username)
            .where(
                Staff.password_hash.is_not(None),
                Staff.active.is_(True),
                Staff.id != by_id,
            )
            .order_by(Staff.username)
        )
    )


def encrypt_database(
    database: Database,
    *,
    by_id: int | None,
    password: str,
    progress: Progress | None = None,
    back_up_first: bool = True,
) -> Encrypted:
    """Encrypt the SQLite file of `database` in place (see the module's steps); `database` is
    opened again on the encrypted file. An administrator only, with their password. The set-up
    of a new installation, which has nothing yet to lose, makes no backup (`back_up_first`)."""
    from app.backup.schedule import folder_setting, new_backup_path
    from app.backup.service import MANUAL, back_up
    from app.users import confirm_password

    path = _check_possible(database)
    with database.sessions() as session:
        require_administrator(session, by_id)
        _check_logged_in(by_id)
        administrator = confirm_password(session, by_id, password)
        recovery = recovery_public(session)
        waiting = _waiting(session, by_id)
        backup_folder = folder_setting(session, database.url)
    backup = None
    if back_up_first:
        backup = new_backup_path(backup_folder, database.url, MANUAL)
        back_up(database.engine, database.url, backup, MANUAL, progress)

    key = new_database_key()
    database.engine.dispose()
    encrypted = path.with_name(f".{path.name}.encrypting")
    encrypted.unlink(missing_ok=True)
    try:
        _export(path, encrypted, key)
        keys = new_key_file(path, key, users={administrator: password}, recovery=recovery)
        keys.write()
        os.replace(encrypted, path)
    except BaseException:
        encrypted.unlink(missing_ok=True)
        if not is_encrypted_file(path):
            key_file_path(path).unlink(missing_ok=True)
        raise
    for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)  # the plain file's, checkpointed and empty
    database.engine = make_engine(database.url, key=key)
    database.sessions = make_session_factory(database.engine)
    attachments = _encrypt_attachments(database)
    with database.sessions.begin() as session:
        record_change(
            session,
            actor_id=by_id,
            action="database.encrypted",
            entity="database",
            entity_uid=None,
            before={"encrypted": False},
            after={
                "encrypted": True,
                "backup": str(backup) if backup else None,
                "attachments": attachments,
                "waiting": waiting,
            },
        )
    log.info("Database %s encrypted (backup first: %s)", path, backup)
    return Encrypted(path, backup, attachments, recovery is not None, waiting)


def _export(path: Path, target: Path, key: bytes) -> None:
    """SQLCipher's export of the whole plain file into the new encrypted `target`, under one
    write lock, checked before it is used."""
    import sqlcipher3.dbapi2 as sqlcipher

    source = sqlcipher.connect(str(path), isolation_level=None, timeout=10)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        source.execute("BEGIN IMMEDIATE")
        source.execute("SELECT sqlcipher_export('encrypted')")
        counts = _counts(source, "main")
        exported = _counts(source, "encrypted")
        source.execute("COMMIT")
        source.execute("DETACH DATABASE encrypted")
    finally:
        source.close()
    check = connect_sqlite(target, key)
    try:
        problems = check.execute("PRAGMA integrity_check").fetchall()
    finally:
        check.close()
    if problems != [("ok",)] or counts != exported:
        raise EncryptionRefused(
            pick(
                "加密后的副本未通过检查，数据库保持原样未加密。",
                "The encrypted copy failed its check; the database is left as it was, in the "
                "clear.",
            )
        )


def _counts(connection, schema: str) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
        for name in names
    }


def _encrypt_attachments(database: Database) -> int:
    """Each attachment file in the clear beside the database, encrypted in place."""
    from app.atomic_file import write_atomically
    from app.scanning.store import ENCRYPTED_MAGIC, AttachmentStore, FolderStore, sha256_of

    store = AttachmentStore.for_database(database)
    if not isinstance(store, FolderStore) or not store.root.is_dir():
        return 0
    done = 0
    for file in sorted(store.root.glob("??/*")):
        if not file.is_file() or "." in file.name:
            continue
        data = file.read_bytes()
        if data.startswith(ENCRYPTED_MAGIC):
            continue
        digest = file.parent.name + file.name
        if sha256_of(data) != digest:
            log.warning("Attachment %s is damaged: left as it is", digest[:12])
            continue
        write_atomically(file, store.sealed(data, digest))
        done += 1
    return done
