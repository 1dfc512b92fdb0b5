"""Starting the interface: the QApplication, fonts, translations, the main window."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from db.database import Database
from ui import operations, preferences
from ui.backup.daily import DailyBackup
from ui.error_dialog import show_unexpected_error
from ui.garbage import collect_on_gui_thread
from ui.login_dialog import log_in
from ui.main_window import MainWindow
from ui.resources import FONTS_DIR
from ui.translations import use_language

logger = logging.getLogger(__name__)


def run(database: Database, language: str | None = None) -> int:
    """Show the main window on `database` until the operator quits; returns the exit code.

    The language is the one saved in the preferences (Chinese at first); `language` overrides it
    for this run without saving it.
    """
    application = QApplication.instance() or QApplication(sys.argv)
    application.setOrganizationName(preferences.ORGANIZATION)
    application.setApplicationName(preferences.APPLICATION)
    load_chinese_font()
    collect_on_gui_thread(application)
    sys.excepthook = _report_unexpected_error
    language = language or preferences.saved_language()
    use_language(language)
    if not log_in(database):  # once anybody has a password, everybody logs in first
        return 0
    window = MainWindow(database, language)
    DailyBackup(window, database)  # the daily backup with rotation (setting backup.daily)
    window.show()
    code = application.exec()
    operations.cancel_and_wait()
    return code


def load_chinese_font() -> None:
    """Register the fonts shipped in resources/fonts when the system has no Chinese font."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return
    for path in sorted(FONTS_DIR.glob("*.tt[cf]")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            logger.warning("Could not load the font %s", path)
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        logger.warning("No Chinese font: install fonts-wqy-microhei or put one in %s", FONTS_DIR)


def _report_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """An exception that escaped a slot: log it and tell the operator, instead of dying silently."""
    logger.error("Unexpected error", exc_info=(kind, error, trace))
    show_unexpected_error(None, "".join(traceback.format_exception(kind, error, trace)))
