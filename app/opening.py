"""Opening the database the app works on: db.database.open_database with the app's backup of a
PostgreSQL database before its schema is upgraded (db/ cannot reach app.backup itself), and an
encrypted SQLite file unlocked first by who logs in (app.keys.database_key).

A database is opened, never invented by a typo: the URL must name a backend the app supports, a
SQLite file's folder must exist, and a file that does not exist yet becomes a new database only
when the person asked for one (`create`: the first run on the default file, `demo`, `db create`,
the window's question). A file or server that holds something else, or a schema newer than this
version of the app knows, is refused with what it is.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from app.errors import Refused
from app.i18n import pick
from db.database import Database, open_database
from db.engine import (
    SQLITE_HEADER,
    default_database_url,
    is_encrypted_file,
    key_file_path,
    resolve_database_url,
    sqlite_path,
)
from db.migrate import VERSION_TABLE, ForeignDatabase, NewerDatabase

# The backends the app is built and tested for, each with the one driver it ships.
SUPPORTED_DRIVERS = {"sqlite": "pysqlite", "postgresql": "psycopg"}


class DatabaseRefused(Refused):
    """The database named cannot be opened as the app's: its URL, its file or what it holds."""


class DatabaseMissing(DatabaseRefused):
    """A SQLite file that does not exist yet, and nobody asked for a new database."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            pick(
                f"数据库文件 {path} 不存在。请检查 --db 或 REVISITDESK_DB 是否写错；"
                "确实要新建数据库时，用“db create”命令（或“demo”建演示数据库）。",
                f"The database file {path} does not exist. Check --db or REVISITDESK_DB for a "
                'typing mistake; to make a new database, use the "db create" command (or "demo" '
                "for a demo database).",
            )
        )
        self.path = path


@dataclass(frozen=True)
class Unlock:
    """What unlocks an encrypted database: a user's name and password, a scheduled job's token,
    or the installation's recovery key (app.keys.material.RecoveryKey)."""

    username: str | None = None
    password: str | None = None
    token: str | None = None
    recovery: object | None = None


def checked_url(url: str | None = None) -> str:
    """The database URL `url` resolves to (else REVISITDESK_DB, else the default file), once it
    names a backend the app supports and, for SQLite, a file in a folder that exists."""
    resolved = resolve_database_url(url)
    try:
        parsed = make_url(resolved)
    except (ArgumentError, ValueError):
        raise DatabaseRefused(
            pick(
                f"“{_shown(resolved)}”不是数据库地址。本地文件写作 sqlite:///路径/文件.sqlite3，"
                "服务器写作 postgresql://用户@主机/库名。",
                f'"{_shown(resolved)}" is not a database URL. A local file is written '
                "sqlite:///path/file.sqlite3, a server postgresql://user@host/dbname.",
            )
        ) from None
    backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    if SUPPORTED_DRIVERS.get(backend) != driver:
        raise DatabaseRefused(
            pick(
                f"不支持数据库类型“{_shown(parsed.drivername)}”：只支持 SQLite 文件"
                "（sqlite:///…）和 PostgreSQL（postgresql://…）。",
                f'The database type "{_shown(parsed.drivername)}" is not supported: only SQLite '
                "files (sqlite:///…) and PostgreSQL (postgresql://…).",
            )
        )
    path = sqlite_path(resolved)
    if path is not None:
        if not path.parent.is_dir():
            raise DatabaseRefused(
                pick(
                    f"数据库文件所在的文件夹 {path.parent} 不存在。",
                    f"The folder of the database file, {path.parent}, does not exist.",
                )
            )
        if path.exists() and not path.is_file():
            raise DatabaseRefused(pick(f"{path} 不是文件。", f"{path} is not a file."))
    return resolved


def encrypted_file(url: str | None = None) -> Path | None:
    """The SQLite file `url` names when it is kept encrypted, else None (cheap: no key read).

    A file in the clear is read as one even with a key file beside it (left by a conversion cut
    short before the encrypted file took its place: app.keys.encrypt_database); a file that is
    neither, with no key file beside it, is not taken for an encrypted database (open_app_database
    refuses it)."""
    path = sqlite_path(checked_url(url))
    if path is None or not is_encrypted_file(path) or not key_file_path(path).exists():
        return None
    return path


def open_app_database(
    url: str | None = None, unlock: Unlock | None = None, *, create: bool = False
) -> Database:
    """The database named by `url` (else REVISITDESK_DB, else the default file), upgraded.

    A SQLite file that does not exist yet is made only with `create` (or as the default file, on
    the first run); a file or a server that holds something else is refused. An encrypted file
    opens only with `unlock`; without it DatabaseLocked says a log-in is needed, and with a wrong
    one DatabaseKeyRefused says why (the failure counted)."""
    resolved = checked_url(url)
    path = sqlite_path(resolved)
    if path is None or not _check_file(path, create or resolved == default_database_url()):
        return _opened(resolved)
    from app.keys import database_key

    if unlock is None:
        raise database_key.DatabaseLocked(path, resolved)
    key = _unwrap(path, unlock)
    database = _opened(resolved, key)
    try:
        _enter_failed_unlocks(database, path)
        if unlock.username is not None:
            database_key.forget_failures(path, unlock.username)
    except BaseException:
        database.close()
        raise
    return database


def _check_file(path: Path, may_create: bool) -> bool:
    """Whether the SQLite file is encrypted (with its key file beside it); refuse one that is
    missing (unless one may be made) or is not a database."""
    try:
        with open(path, "rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        header = None
    except OSError as error:
        raise DatabaseRefused(
            pick(
                f"无法读取数据库文件 {path}：{error.strerror}",
                f"Cannot read {path}: {error.strerror}",
            )
        ) from None
    if not header:  # missing, or empty as `touch` leaves it: a new database
        if not may_create:
            raise DatabaseMissing(path)
        return False
    if header == SQLITE_HEADER:
        _look_inside(path)
        return False
    if not key_file_path(path).exists():
        key_file = key_file_path(path)
        raise DatabaseRefused(
            pick(
                f"找不到数据库的密钥文件 {key_file}：{path} 不是明文的 SQLite 文件。若它是加密的"
                "回访台数据库，没有密钥文件就无法打开，请从备份中恢复（备份里有密钥文件）；"
                "否则它不是回访台的数据库。",
                f"The database's key file {key_file} is missing: {path} is not a SQLite file in "
                "the clear. If it is an encrypted RevisitDesk database it cannot be opened "
                "without its key file: restore it from a backup (which holds the key file). "
                "Otherwise it is not a RevisitDesk database.",
            )
        )
    return True


def _look_inside(path: Path) -> None:
    """Refuse a SQLite file in the clear that holds somebody else's tables, read-only: opening
    it as the app's would turn it to WAL mode, a change to a file that is not ours."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = [
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            ]
        finally:
            connection.close()
    except sqlite3.OperationalError:  # locked, or its WAL index unreadable: open_database tells
        return
    except sqlite3.DatabaseError as error:  # e.g. "file is not a database"
        raise _not_ours(path, _shown(str(error), 200)) from None
    if names and VERSION_TABLE not in names:
        raise _foreign(path, sorted(names))


def _foreign(where: object, tables: list[str]) -> DatabaseRefused:
    shown = "、".join(tables[:5]) + ("…" if len(tables) > 5 else "")
    return _not_ours(where, pick(f"它已有别的表（{shown}）", f"it holds other tables ({shown})"))


def _opened(url: str, key: bytes | None = None) -> Database:
    """open_database, its refusals said in the app's words."""
    path = sqlite_path(url)
    try:
        return open_database(url, back_up=_back_up_before_upgrade, key=key)
    except ForeignDatabase as foreign:
        where = path or make_url(url).render_as_string(hide_password=True)
        raise _foreign(where, foreign.tables) from None
    except NewerDatabase as newer:
        raise DatabaseRefused(
            pick(
                f"数据库由更新版本的回访台建立或升级过（结构版本 {_shown(newer.revision)}），"
                "本版本无法打开。请安装新版本。",
                f"The database was made or upgraded by a newer RevisitDesk (schema revision "
                f"{_shown(newer.revision)}); this version cannot open it. Install the newer one.",
            )
        ) from None
    except OperationalError as error:  # no server, no such database, a locked or unreadable file
        where = path or make_url(url).render_as_string(hide_password=True)
        raise DatabaseRefused(
            pick(
                f"无法打开数据库 {where}：{_reason(error)}",
                f"Cannot open {where}: {_reason(error)}",
            )
        ) from None
    except DatabaseError as error:  # e.g. "file is not a database"
        if path is None:
            raise
        raise _not_ours(path, _reason(error)) from None


def _not_ours(where: object, why: str) -> DatabaseRefused:
    return DatabaseRefused(
        pick(
            f"{where} 不是回访台的数据库：{why}。", f"{where} is not a RevisitDesk database: {why}."
        )
    )


def _reason(error: DatabaseError) -> str:
    """The driver's first line, without SQLAlchemy's statement and link."""
    text = str(getattr(error, "orig", None) or error).strip().splitlines()
    return _shown(text[0] if text else type(error).__name__, 200)


def _shown(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _unwrap(path: Path, unlock: Unlock) -> bytes:
    from app.keys import database_key

    if unlock.recovery is not None:
        return database_key.unlock_with_recovery_key(path, unlock.recovery)
    if unlock.token is not None:
        return database_key.unlock_with_token(path, unlock.token)
    return database_key.unlock_with_password(path, unlock.username or "", unlock.password or "")


def _enter_failed_unlocks(database: Database, path: Path) -> None:
    """The failed unlocks counted in the key file while the database could not be read, into
    the audit trail as failed log-ins."""
    from datetime import datetime

    from app.audit import record_change
    from app.keys import database_key

    failures = database_key.take_failures(path)
    if not failures:
        return
    with database.sessions.begin() as session:
        for failure in failures:
            try:
                at = datetime.fromisoformat(failure.get("at", ""))
            except ValueError:
                at = None
            record_change(
                session,
                actor_id=None,
                action="user.login_failed",
                entity="staff",
                entity_uid=None,
                before=None,
                after={
                    "username": str(failure.get("user", ""))[:50],
                    "reason": str(failure.get("reason", "wrong_password"))[:40],
                    "during": "unlock",
                },
                at=at,
            )


def _back_up_before_upgrade(engine: Engine, folder: Path | None) -> Path | None:
    # Imported only when an upgrade is due: every start asks, few upgrade.
    from app.backup import back_up_before_upgrade

    return back_up_before_upgrade(engine, folder)
