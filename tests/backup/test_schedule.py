"""The backup folder: the daily backup when one is due, rotation, listing, the settings."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app import clock
from app.backup import (
    DAILY,
    MANUAL,
    backup_settings,
    create_backup,
    default_backup_folder,
    due_for_daily_backup,
    list_backups,
    make_daily_backup,
    new_backup_path,
    rotate_backups,
    source_of,
)
from app.settings import set_setting
from db.database import Database
from tests.conftest import copy_of


def test_settings_default_to_a_folder_beside_the_file_daily_keeping_14(sqlite_db: Database):
    settings = backup_settings(sqlite_db)
    db_file = Path(sqlite_db.engine.url.database)
    assert settings.folder == db_file.parent / "backups"
    assert settings.daily is True and settings.keep == 14
    assert default_backup_folder("postgresql+psycopg://u@h/db").name == "backups"

    with sqlite_db.sessions.begin() as session:
        set_setting(session, "backup.folder", "~/elsewhere")
        set_setting(session, "backup.keep", 3)
    settings = backup_settings(sqlite_db)
    assert settings.folder == Path.home() / "elsewhere" and settings.keep == 3


def test_daily_backup_only_when_the_newest_is_a_day_old(sqlite_db: Database):
    settings = backup_settings(sqlite_db)
    source = source_of(sqlite_db.url).name
    assert due_for_daily_backup(settings.folder, source)

    first = make_daily_backup(sqlite_db, settings)
    assert first is not None and first.path.parent == settings.folder
    assert first.path.name.startswith("test-") and first.path.name.endswith("-daily.zip")
    assert first.manifest.kind == DAILY
    assert not due_for_daily_backup(settings.folder, source)
    assert make_daily_backup(sqlite_db, settings) is None

    tomorrow = clock.now() + timedelta(hours=25)
    assert due_for_daily_backup(settings.folder, source, tomorrow)
    second = make_daily_backup(sqlite_db, settings, now=tomorrow)
    assert second is not None and second.path != first.path


def test_a_manual_backup_counts_as_recent_too(sqlite_db: Database):
    settings = backup_settings(sqlite_db)
    create_backup(sqlite_db, new_backup_path(settings.folder, sqlite_db.url, MANUAL))
    assert not due_for_daily_backup(settings.folder, source_of(sqlite_db.url).name)


def test_rotation_keeps_the_newest_daily_backups_of_this_database_only(
    sqlite_db: Database, migrated_sqlite: Path, tmp_path: Path
):
    folder = tmp_path / "backups"
    daily = []
    for _ in range(5):
        path = new_backup_path(folder, sqlite_db.url, DAILY)
        create_backup(sqlite_db, path, kind=DAILY)
        daily.append(path)
        time.sleep(0.01)  # distinct times, in order
    manual = create_backup(sqlite_db, folder / "by-hand.zip")
    other = copy_of(migrated_sqlite, tmp_path / "other.sqlite3")
    try:
        create_backup(other, folder / "other-daily.zip", kind=DAILY)
    finally:
        other.close()
    stale = folder / ".test-x.zip.abc.partial"  # the remains of a backup cut off long ago
    stale.write_bytes(b"half")
    # The leftovers' ages are their files' times, read against the app's clock.
    os.utime(stale, (clock.now().timestamp() - 2 * 86400,) * 2)
    fresh = folder / ".test-y.zip.def.partial"  # perhaps still being written
    fresh.write_bytes(b"half")
    os.utime(fresh, (clock.now().timestamp(),) * 2)

    removed = rotate_backups(folder, source_of(sqlite_db.url).name, keep=2)

    assert sorted(removed) == sorted([*daily[:3], stale])
    left = {p.name for p in folder.iterdir()}
    assert left == {daily[3].name, daily[4].name, "by-hand.zip", "other-daily.zip", fresh.name}
    assert manual.kind == MANUAL


def test_list_shows_newest_first_and_names_unreadable_files(sqlite_db: Database, tmp_path: Path):
    folder = tmp_path / "backups"
    older = create_backup(sqlite_db, folder / "a.zip")
    time.sleep(0.01)
    newer = create_backup(sqlite_db, folder / "b.zip", kind=DAILY)
    (folder / "holiday-photos.zip").write_bytes(b"not a backup")

    entries = list_backups(folder)
    assert [e.path.name for e in entries] == ["b.zip", "a.zip", "holiday-photos.zip"]
    assert entries[0].manifest.created_at == newer.created_at
    assert entries[1].manifest.created_at == older.created_at
    assert entries[2].manifest is None and "manifest.json" in entries[2].problem
    assert [e.path.name for e in list_backups(folder, "/some/other.sqlite3")] == []
    assert list_backups(tmp_path / "none") == []


def test_backup_names_do_not_collide(sqlite_db: Database, tmp_path: Path):
    moment = datetime(2026, 7, 5, 1, 30, tzinfo=UTC)
    first = new_backup_path(tmp_path, sqlite_db.url, DAILY, moment)
    assert first.name == "test-20260705-093000-daily.zip"  # local time, Asia/Shanghai
    first.write_bytes(b"")
    assert new_backup_path(tmp_path, sqlite_db.url, DAILY, moment).name == (
        "test-20260705-093000-daily-2.zip"
    )
