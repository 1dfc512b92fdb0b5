"""The offline outlets' sync files in the window: a menu's actions and the lead's conflicts.

from ui.sync import add_sync_actions
sync = add_sync_actions(menu, window)      # window.database is used
sync.data_changed.connect(window.status.refresh)
"""

from ui.sync.actions import SyncActions, add_sync_actions
from ui.sync.conflicts_dialog import ConflictsDialog
from ui.sync.send_cases_dialog import SendCasesDialog

__all__ = ["ConflictsDialog", "SendCasesDialog", "SyncActions", "add_sync_actions"]
