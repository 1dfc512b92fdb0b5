"""The backup menu actions and the daily automatic backup (app.backup does the work)."""

from ui.backup.actions import add_backup_actions
from ui.backup.daily import DailyBackup

__all__ = ["DailyBackup", "add_backup_actions"]
