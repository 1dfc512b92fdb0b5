"""Starting the interface: the QApplication, fonts, translations, the main window.

What the first look of ui.start_up finds ready is opened behind the window's frame, painted
before SQLAlchemy, the models and the call desk are loaded; anything else is opened first, as it
always was (the set-up, a log-in, a question, a refusal).
"""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import Refused
from app.version import APP_ID
from ui import preferences
from ui.error_dialog import show_unexpected_error
from ui.garbage import collect_on_gui_thread
from ui.main_window import MainWindow
from ui.resources import APP_ICON, FONTS_DIR
from ui.start_up import opens_as_it_is
from ui.translations import use_language

if TYPE_CHECKING:
    from db.database import Database

logger = logging.getLogger(__name__)

# For bench.gui: set to 1, the app prints "first-paint <epoch seconds> <peak RSS in kB>" once a
# main window has painted for the first time, "ready <epoch seconds> <peak RSS in kB>" once the
# window has painted with its database and first page (the same paint when there was no frame
# first), and quits.
EXIT_AFTER_FIRST_PAINT = "REVISITDESK_EXIT_AFTER_FIRST_PAINT"
DAILY_BACKUP_AFTER_MS = 1_000
AUDIT_CHECK_AFTER_MS = 2_000


def run(database: Database | str | None, language: str | None = None) -> int:
    """Show the main window on `database` until the operator quits; returns the exit code.

    `database` may be a URL still to open (main.py's; None: REVISITDESK_DB, else the default
    file): an encrypted file is opened by the log-in, a file that does not exist yet only when
    the person says to make it, and what cannot be opened is said in a message box (exit status
    2). The language is the one saved in the preferences (Chinese at first); `language`
    overrides it for this run without saving it.
    """
    application = QApplication.instance() or QApplication(sys.argv)
    application.setOrganizationName(preferences.ORGANIZATION)
    application.setApplicationName(preferences.APPLICATION)
    application.setDesktopFileName(APP_ID)  # the menu entry's icon on Wayland
    application.setWindowIcon(QIcon(str(APP_ICON)))
    load_chinese_font()
    collect_on_gui_thread(application)
    sys.excepthook = _report_unexpected_error
    language = language or preferences.saved_language()
    use_language(language)
    if (database is None or isinstance(database, str)) and opens_as_it_is(database):
        code = _run_behind_the_frame(application, database, language)
    else:
        window = _start(database, language)
        if isinstance(window, int):  # gave up, or refused
            return window
        code = application.exec()
    from ui import operations

    operations.cancel_and_wait()
    return code


def _run_behind_the_frame(application: QApplication, url: str | None, language: str) -> int:
    """Paint the window's frame, then open `url` and build the window behind it (`_start`);
    the exit code of the event loop, or of the start when it ended in a refusal or giving up.
    An unexpected error while starting is raised here, as it would be without the frame."""
    frame = MainWindow(None, language)
    outcome: dict[str, object] = {}

    def start() -> None:
        # A window the start closes (the frame put away, a dialog) must not end the loop.
        quits = application.quitOnLastWindowClosed()
        application.setQuitOnLastWindowClosed(False)
        try:
            window = _start(url, language, frame)
        except BaseException as error:  # noqa: BLE001 - raised again once the loop is over
            outcome["error"] = error
            window = 1
        finally:
            application.setQuitOnLastWindowClosed(quits)
        if isinstance(window, int):
            outcome["code"] = window
            application.exit(window)

    frame.installEventFilter(_AfterFirstPaint(frame, start))
    _report_paints(frame)  # installed last, called first: the paint reported before the start
    frame.show_where_left()
    code = application.exec()
    if ("code" in outcome or "error" in outcome) and shiboken6.isValid(frame):
        frame.hide()  # no window came of the start: the frame goes, as it never was
        shiboken6.delete(frame)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return int(outcome.get("code", code))  # type: ignore[call-overload]


def _start(
    database: Database | str | None, language: str, frame: MainWindow | None = None
) -> MainWindow | int:
    """Open the database (a URL) and log in, set it up or ask what is needed, then show the main
    window on it — `frame` once it has its database, when the database is as ui.start_up
    guessed (else the frame is put away and a window made anew). The window, or the exit code
    when none was shown: 0 when the person gave up, 2 when the database cannot be opened."""
    from app.database_info import is_new_installation
    from ui.current_user import log_in_as
    from ui.login_dialog import log_in, login_facts
    from ui.settings.example_address import remind_administrator

    wizard = person = None
    if database is None or isinstance(database, str):
        from db.engine import resolve_database_url

        opened = _open(resolve_database_url(database))
        if isinstance(opened, int):  # gave up, or refused
            return opened
        database, person = opened
    if person is not None:  # who unlocked an encrypted file
        log_in_as(person)
        new = False
    else:
        with database.sessions() as session:
            new = is_new_installation(session)
    if frame is not None and (person is not None or new or login_facts(database)[0]):
        frame.hide()  # not as its first look said: the window starts as without the frame
        frame.deleteLater()
        frame = None
    if new:  # an empty database: the first run's set-up, then who set it up works on
        from ui.first_run.setup_wizard import run_setup

        wizard = run_setup(database)
        if wizard is None:
            return 0
    if wizard is not None:
        log_in_as(wizard.administrator)  # who set it up works on
    elif person is None and not log_in(database):  # once anybody has a password, all log in
        return 0
    if frame is not None:
        window = frame
        window.attach(database)
    else:
        window = MainWindow(database, language)
    if wizard is not None and wizard.open_calendar:  # on the year to enter next
        next_year = wizard.facts.next_year
        QTimer.singleShot(0, window, lambda: window.open_calendar(next_year))
    # The daily backup with rotation (setting backup.daily) looks first a few seconds after the
    # start; its modules are loaded after the window is up.
    QTimer.singleShot(DAILY_BACKUP_AFTER_MS, window, lambda: _start_daily_backup(window, database))
    # The audit trail's hash chain, checked in the background for those who audit; a warning
    # if it is broken.
    QTimer.singleShot(AUDIT_CHECK_AFTER_MS, window, lambda: _check_audit_chain(window, database))
    if window is not frame:
        _report_paints(window)
        window.show_where_left()
    remind_administrator(window)  # of an evaluation address still the example
    return window


def _open(url: str) -> tuple[Database, object | None] | int:
    """The database at `url` and who unlocked it (an encrypted file: its log-in), or the exit
    code when it was not opened: 0 when the person gave up, 2 when it cannot be."""
    from app.opening import DatabaseMissing, encrypted_file, open_app_database
    from ui.login_dialog import unlock

    try:
        if encrypted_file(url) is not None:
            return unlock(url) or 0
        try:
            return open_app_database(url), None
        except DatabaseMissing as missing:
            if not _make_new(missing.path):
                return 0
            return open_app_database(url, create=True), None
    except Refused as refused:
        QMessageBox.critical(
            None, QCoreApplication.translate("Application", "回访台"), str(refused)
        )
        return 2


def _make_new(path) -> bool:
    """Whether the person wants a new, empty database at `path`, which does not exist (a typing
    mistake in --db more often than not: No is the default)."""
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("Application", "回访台"),
        QCoreApplication.translate(
            "Application", "数据库文件 %1 不存在。\n\n新建一个空数据库并开始首次设置吗？"
        ).replace("%1", str(path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _report_paints(window: MainWindow) -> None:
    if os.environ.get(EXIT_AFTER_FIRST_PAINT) == "1":
        window.installEventFilter(_FirstPaintExit(window))


class _FirstPaintExit(QObject):
    """Reports the first paint of the window it filters, and its first paint with a database,
    then quits (EXIT_AFTER_FIRST_PAINT)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.first = self.ready = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            # The children paint in the same pass: report once it is over.
            if not self.first:
                self.first = True
                QTimer.singleShot(0, lambda: self._report("first-paint"))
            if self.window.database is not None and not self.ready:
                self.ready = True
                watched.removeEventFilter(self)
                QTimer.singleShot(0, lambda: self._report("ready", finished=True))
        return False

    def _report(self, what: str, finished: bool = False) -> None:
        print(f"{what} {time.time():.6f} {_peak_rss_kb()}", flush=True)
        if finished:
            QApplication.exit(0)


class _AfterFirstPaint(QObject):
    """Calls `then` once the window it filters has painted for the first time, and its
    children with it."""

    def __init__(self, window: QWidget, then) -> None:
        super().__init__(window)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def _peak_rss_kb() -> int:
    """The process's peak resident memory (VmHWM) in kB; 0 where /proc does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _start_daily_backup(window: MainWindow, database: Database) -> None:
    from ui.backup.daily import DailyBackup

    DailyBackup(window, database)


def _check_audit_chain(window: MainWindow, database: Database) -> None:
    from ui.audit_check import check_audit_chain

    check_audit_chain(window, database)


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
