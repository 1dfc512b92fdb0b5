"""The window locks after a time without key or mouse input (setting security.idle_lock_minutes;
等保 2.0, GB/T 22239-2019 8.1.4.1 b): its content is hidden behind a lock screen that asks the
password of the person logged in. Nothing typed is lost: the pages stay as they were behind it,
and hiding the call desk writes its Form A draft to disk (ui.drafts). 切换用户 on the lock screen
logs out as the 管理 menu's does. Where nobody logs in there is no password to ask, and no lock.

    IdleLock(window, database)            # reads the setting; the window locks when idle
    IdleLock(window, database, timeout_ms=50)   # tests: a short time, no waiting on the clock
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.settings import get_setting
from app.staff import StaffMember
from app.users import LoggedIn, unlock
from db.database import Database
from ui.current_user import logged_in
from ui.operations import operation

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ERROR_STYLE = "color: #b3261e; font-weight: bold;"
# What counts as the person using the app: keys, the mouse, touch.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


def _idle_minutes(session: Session, _progress) -> int:
    return get_setting(session, "security.idle_lock_minutes")


class IdleWatcher(QObject):
    """Says `idle` once no input has reached the application for `timeout_ms`."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.idle)
        QApplication.instance().installEventFilter(self)

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(timeout_ms)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()  # from now again
        return False


class LockScreen(QDialog):
    """Over the locked window: the person's password unlocks it; 切换用户 logs them out."""

    unlocked = Signal()
    switch_requested = Signal()

    def __init__(self, database: Database, person: StaffMember, parent: QWidget) -> None:
        super().__init__(parent)
        self.database = database
        self.person = person
        self.setWindowTitle(self.tr("已锁定 — 回访台"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(420)
        title = QLabel(self.tr("回访台已锁定"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        who = QLabel(
            self.tr(
                "长时间无操作，窗口已锁定。{name}，请输入密码解锁，未保存的内容都还在。"
            ).format(name=person.name)
        )
        who.setTextFormat(Qt.TextFormat.PlainText)
        who.setWordWrap(True)
        who.setMinimumWidth(380)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("密码"))
        self.password_edit.returnPressed.connect(self.unlock)
        password_label = QLabel(self.tr("密码(&P)："))
        password_label.setBuddy(self.password_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.unlock_button = QPushButton(self.tr("解锁 (Enter)"))
        self.unlock_button.clicked.connect(self.unlock)
        self.switch_button = QPushButton(self.tr("切换用户(&L)…"))
        self.switch_button.clicked.connect(self.switch_requested)
        for button in (self.unlock_button, self.switch_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        line = QHBoxLayout()
        line.addWidget(password_label)
        line.addWidget(self.password_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        # Never smaller than its content: a message shown below the password must not squeeze
        # the wrapped text above it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(title)
        layout.addWidget(who)
        layout.addSpacing(8)
        layout.addLayout(line)
        layout.addWidget(self.error_label)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def unlock(self) -> None:
        password = self.password_edit.text()
        if not password:
            self.show_error(self.tr("请输入密码。"))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # As the log-in dialog does it: one hash, on this thread; committed whatever the
            # answer, since a failure is counted and audited.
            with self.database.sessions.begin() as session:
                result = unlock(session, self.person.id, password)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.password_edit.clear()
        if isinstance(result, LoggedIn):
            self.accept()
            self.unlocked.emit()
            return
        self.show_error(result.message)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.adjustSize()
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        pass  # Escape does not unlock

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # nor does closing the lock screen


class IdleLock(QObject):
    """Locks `window` when the application has been idle for the setting's minutes."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self, window: MainWindow, database: Database, timeout_ms: int | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.screen: LockScreen | None = None
        self._faded: list[QWidget] = []
        self.watcher = IdleWatcher(timeout_ms or 0, self)
        self.watcher.idle.connect(self.lock)
        if timeout_ms is not None:
            self.watcher.start()
        elif logged_in() is not None:  # else nobody logs in at this seat: nothing to lock
            operation(self, database, _idle_minutes).on_success(self._minutes_read).run()

    def _minutes_read(self, minutes: int) -> None:
        self.watcher.set_timeout(minutes * 60_000)
        self.watcher.start()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def lock(self) -> None:
        """Hide the window's content behind the lock screen (nobody logged in: nothing)."""
        person = logged_in()
        if person is None or self.screen is not None or not self.window.isVisible():
            self.watcher.start()
            return
        self.watcher.stop()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        # Dialogs over the window stay open (closing one would lose what is in it) but show
        # nothing; the lock screen, application-modal, takes every key.
        self._faded = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget.isVisible() and widget is not self.window and widget.windowOpacity() > 0
        ]
        for widget in self._faded:
            widget.setWindowOpacity(0.0)
        self.window.centralWidget().hide()  # the call desk writes its draft as it hides
        self.window.menuBar().hide()
        self.screen = LockScreen(self.database, person, self.window)
        self.screen.unlocked.connect(self._unlocked)
        self.screen.switch_requested.connect(self._switch_user)
        self.screen.switch_button.setEnabled(not self._faded)
        if self._faded:
            self.screen.switch_button.setToolTip(
                self.tr("有对话框未关闭：请先解锁并关闭它，再切换用户。")
            )
        self.screen.open()
        self.screen.activateWindow()
        self.locked.emit()

    def _unlocked(self) -> None:
        self._close_screen()
        self.window.centralWidget().show()
        self.window.menuBar().show()
        for widget in self._faded:
            widget.setWindowOpacity(1.0)
        self._faded = []
        self.watcher.start()
        self.unlocked.emit()

    def _close_screen(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.hide()
            screen.deleteLater()

    def _switch_user(self) -> None:
        """Log out and let the next person log in, as 管理 → 切换用户 does; when it will not
        (work under way, a case still claimed) the window stays locked."""
        from ui.admin.actions import switch_user

        before = logged_in()
        self._close_screen()
        self.window.menuBar().show()
        switch_user(self.window)  # gave up: the window closes
        if not self.window.isVisible():
            return
        if logged_in() is before:  # it would not: locked again
            self.window.menuBar().hide()
            self.lock()
            return
        self.watcher.start()  # the window was built anew for the next person
        self.unlocked.emit()
