"""The backup folder: where backups go, which are there, the daily backup and its rotation.

Backups are named `STEM-YYYYMMDD-HHMMSS-KIND.zip` (STEM: the SQLite file's or the PostgreSQL
database's name), but what a file is comes from its manifest: its source, kind and time. Only
daily backups are rotated away; manual and pre-upgrade ones stay until someone deletes them.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import clock
from app.atomic_file import PARTIAL_SUFFIX
from app.backup.archive import (
    BackupError,
    BackupInvalid,
    Manifest,
    Progress,
    read_manifest,
)
from app.backup.postgres import ToolMissing
from app.backup.sealing import can_sign_before_upgrade
from app.backup.service import DAILY, PRE_UPGRADE, back_up, create_backup, source_of
from app.settings import get_setting
from app.zone import LOCAL_ZONE
from db.engine import data_dir, sqlite_path

log = logging.getLogger(__name__)

DAY = timedelta(days=1)
FOLDER_NAME = "backups"


@dataclass(frozen=True)
class BackupSettings:
    folder: Path
    daily: bool
    keep: int  # daily backups kept in the folder


def default_backup_folder(url: str) -> Path:
    """`backups` beside a SQLite file; in the user's data directory for other databases."""
    path = sqlite_path(url)
    return (path.parent if path is not None else data_dir()) / FOLDER_NAME


def folder_setting(session: Session, url: str) -> Path:
    chosen = str(get_setting(session, "backup.folder")).strip()
    return Path(chosen).expanduser() if chosen else default_backup_folder(url)


def backup_settings(database) -> BackupSettings:
    """The backup settings of `database` (db.database.Database), read in a short session."""
    with database.sessions() as session:
        return BackupSettings(
            folder=folder_setting(session, database.url),
            daily=bool(get_setting(session, "backup.daily")),
            keep=max(1, int(get_setting(session, "backup.keep"))),
        )


def new_backup_path(folder: Path, url: str, kind: str, now: datetime | None = None) -> Path:
    """A name in `folder` no file has yet: the database's name, the local time, the kind."""
    stamp = (now or clock.now()).astimezone(LOCAL_ZONE).strftime("%Y%m%d-%H%M%S")
    base = f"{source_of(url).stem}-{stamp}-{kind}"
    path, number = folder / f"{base}.zip", 1
    while path.exists():
        number += 1
        path = folder / f"{base}-{number}.zip"
    return path


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    manifest: Manifest | None  # None: not readable as a backup
    problem: str | None = None

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def list_backups(folder: Path, source: str | None = None) -> list[BackupEntry]:
    """The backups in `folder` (of one source, when given), newest first; unreadable zips last.

    Only the manifests are read: `verify_backup` checks a file through.
    """
    readable, unreadable = [], []
    for path in sorted(folder.glob("*.zip")) if folder.is_dir() else []:
        try:
            manifest = read_manifest(path)
        except BackupInvalid as problem:
            if source is None:
                unreadable.append(BackupEntry(path, None, str(problem)))
            continue
        if source is None or manifest.source == source:
            readable.append(BackupEntry(path, manifest))
    readable.sort(key=lambda e: e.manifest.created_at, reverse=True)
    return readable + unreadable


def due_for_daily_backup(
    folder: Path, source: str, now: datetime | None = None, interval: timedelta = DAY
) -> bool:
    """True when the folder holds no backup of `source` made within `interval` (of any kind)."""
    now = now or clock.now()
    for entry in list_backups(folder, source):
        # Newest first: the first one decides. A clock set back makes a "future" backup; it
        # does not count, or no backup would be made until the clock caught up.
        if entry.manifest.created_at <= now:
            return now - entry.manifest.created_at >= interval
    return True


def rotate_backups(folder: Path, source: str, keep: int, now: datetime | None = None) -> list[Path]:
    """Delete the daily backups of `source` beyond the newest `keep`, and the remains of backups
    cut off more than a day ago (temporary `.…partial` files). Returns what was deleted."""
    daily = [e for e in list_backups(folder, source) if e.manifest.kind == DAILY]
    removed = []
    for entry in daily[max(1, keep) :]:
        entry.path.unlink(missing_ok=True)
        removed.append(entry.path)
    cutoff = (now or clock.now()).timestamp() - DAY.total_seconds()
    for leftover in folder.glob(f".*{PARTIAL_SUFFIX}"):
        if leftover.stat().st_mtime < cutoff:
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
            removed.append(leftover)
    if removed:
        log.info("Rotation removed %d old backups from %s", len(removed), folder)
    return removed


@dataclass(frozen=True)
class DailyBackupResult:
    path: Path
    manifest: Manifest
    removed: list[Path]  # older daily backups deleted by the rotation


def make_daily_backup(
    database,
    settings: BackupSettings,
    progress: Progress | None = None,
    now: datetime | None = None,
    *,
    by_id: int | None = None,
) -> DailyBackupResult | None:
    """The daily backup, when one is due: into the backup folder, then the rotation. The audit
    trail says it was made by `by_id`: who is logged in (the window's user, the command's).

    None when the folder already holds a backup of this database less than a day old. Whether
    daily backups are wanted at all (`settings.daily`) is the caller's question.
    """
    source = source_of(database.url).name
    if not due_for_daily_backup(settings.folder, source, now):
        return None
    path = new_backup_path(settings.folder, database.url, DAILY, now)
    manifest = create_backup(database, path, progress, kind=DAILY, by_id=by_id)
    removed = rotate_backups(settings.folder, source, settings.keep, now)
    return DailyBackupResult(path, manifest, removed)


def back_up_before_upgrade(engine: Engine, folder: Path | None = None) -> Path | None:
    """A backup of a PostgreSQL database about to be upgraded (db.migrate calls it).

    When it cannot be made (no pg_dump on this computer, a pg_dump older than the server, a full
    disk) the upgrade goes on and the log says why: the seats of a call centre often lack
    pg_dump, a seat that cannot start helps nobody, and the server's own nightly pg_dump
    (README) is the safety net. Returns the backup's path, or None.
    """
    url = engine.url.render_as_string(hide_password=False)
    if folder is None:
        try:
            with Session(engine) as session:
                folder = folder_setting(session, url)
        except (SQLAlchemyError, ValueError):  # an old schema's settings, unreadable: the default
            folder = default_backup_folder(url)
    path = new_backup_path(folder, url, PRE_UPGRADE)
    started = time.monotonic()
    try:
        back_up(engine, url, path, PRE_UPGRADE, unsigned=not can_sign_before_upgrade(engine))
    except ToolMissing as missing:
        log.warning("Upgrading without a backup before it: %s", missing)
        return None
    except (BackupError, OSError) as problem:
        log.error("Upgrading without a backup before it, which failed: %s", problem)
        return None
    log.info("Backup before the schema upgrade: %s (%.1f s)", path, time.monotonic() - started)
    return path
