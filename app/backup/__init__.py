"""Backups: the database and its attachments in one sealed, verifiable file, restored into a new
database (SPEC rule 16, issue 7). No Qt here: ui/backup runs these off the GUI thread.

    manifest = create_backup(database, path, progress)      # while the app runs
    keys = backup_keyring(database)                          # this installation's (+ recovery key)
    report = verify_backup(path, keys=keys)                  # BackupInvalid: damaged, not ours
    result = restore_backup(path, "new.sqlite3", keys=keys)  # or an empty PostgreSQL database URL
    make_daily_backup(database, backup_settings(database))   # when due, then the rotation

`progress(done, total)` counts KiB (total 0 while unknown) and may raise to cancel, as
ui.operations does with Cancelled; a cancelled or failed backup leaves no file behind.
"""

from app.backup.archive import BackupError, BackupInvalid, Manifest, Part, Progress
from app.backup.postgres import ToolMissing
from app.backup.schedule import (
    BackupEntry,
    BackupSettings,
    DailyBackupResult,
    back_up_before_upgrade,
    backup_settings,
    default_backup_folder,
    due_for_daily_backup,
    list_backups,
    make_daily_backup,
    new_backup_path,
    rotate_backups,
)
from app.backup.sealing import backup_keyring, backup_keyring_at
from app.backup.service import (
    DAILY,
    MANUAL,
    PRE_UPGRADE,
    RestoreResult,
    VerifyReport,
    authorize_unsigned_restore,
    create_backup,
    describe,
    read_manifest,
    restore_backup,
    source_of,
    verify_backup,
)

__all__ = [
    "DAILY",
    "MANUAL",
    "PRE_UPGRADE",
    "BackupEntry",
    "BackupError",
    "BackupInvalid",
    "BackupSettings",
    "DailyBackupResult",
    "Manifest",
    "Part",
    "Progress",
    "RestoreResult",
    "ToolMissing",
    "VerifyReport",
    "authorize_unsigned_restore",
    "back_up_before_upgrade",
    "backup_keyring",
    "backup_keyring_at",
    "backup_settings",
    "create_backup",
    "default_backup_folder",
    "describe",
    "due_for_daily_backup",
    "list_backups",
    "make_daily_backup",
    "new_backup_path",
    "read_manifest",
    "restore_backup",
    "rotate_backups",
    "source_of",
    "verify_backup",
]
