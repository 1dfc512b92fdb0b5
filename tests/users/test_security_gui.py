"""The window's side of issue 18's rules, driven with keys: a password past its age changed in
the log-in dialog, weak passwords refused where they are set, the window locked when idle and
unlocked by the same person with the Form A draft kept, and the audit chain checked at start-up
for those who audit."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.audit_chain import ALTERED, ANCHOR_LOST
from app.demo import fill_demo_data
from app.desk.queue import refresh_queue
from app.roles import Role
from app.staff import StaffMember
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import Staff
from ui import operations
from ui.admin.password_dialog import PasswordDialog
from ui.admin.people_dialog import PeopleDialog
from ui.audit_check import AuditChainCheck, anchor_preference, check_audit_chain
from ui.current_user import log_in_as, logged_in
from ui.drafts import DRAFTS_DIR_ENV
from ui.idle_lock import IdleLock
from ui.login_dialog import LoginDialog, login_facts
from ui.main_window import MainWindow
from ui.pages.call_desk_page import CallDeskPage

from .helpers import PASSWORD, accounts
from .test_audit_chain import tamper, write_entries

Key = Qt.Key
SET_AT = datetime(2026, 3, 2, 9, tzinfo=LOCAL_ZONE)
QUEUE_DAY = date(2026, 11, 20)
DESK_NOW = datetime.combine(QUEUE_DAY, time(14), LOCAL_ZONE)


def _login_dialog(qtbot: QtBot, database: Database) -> LoginDialog:
    _needed, demo = login_facts(database)
    dialog = LoginDialog(database, demo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.username_edit)
    return dialog


def _type(qtbot: QtBot, text: str) -> None:
    """Keys typed where the focus is, then Enter."""
    widget = QApplication.focusWidget()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Key.Key_Return)


def test_an_expired_password_is_changed_in_the_log_in_dialog(sqlite_db, qtbot, stop_clock):
    stop_clock(SET_AT)
    people = accounts(sqlite_db)
    stop_clock(SET_AT + timedelta(days=100))
    dialog = _login_dialog(qtbot, sqlite_db)
    assert not dialog.new_edit.isVisible()
    _type(qtbot, "lead")
    _type(qtbot, PASSWORD)
    assert dialog.error_label.text() == "您的密码已过期，请设置新密码后登录。"
    assert dialog.new_edit.isVisible() and dialog.new_edit.hasFocus()
    assert "至少 8 个字符" in dialog.policy_label.text()
    assert not dialog.password_edit.isEnabled() and dialog.result() == 0

    _type(qtbot, "weakweak")  # on to the repeat
    assert dialog.repeat_edit.hasFocus()
    _type(qtbot, "weakweak")
    assert "至少 3 类" in dialog.error_label.text() and dialog.new_edit.hasFocus()
    _type(qtbot, "Brand new pw 1")
    _type(qtbot, "Brand new pw 2")
    assert dialog.error_label.text() == "两次输入的新密码不一致。"
    assert dialog.repeat_edit.hasFocus() and dialog.repeat_edit.text() == ""
    with qtbot.waitSignal(dialog.accepted):
        _type(qtbot, "Brand new pw 1")
    assert dialog.person == StaffMember(people.lead, "张组长", Role.TEAM_LEAD)
    with sqlite_db.sessions() as session:
        changed = session.get(Staff, people.lead).password_changed_at
    assert changed == SET_AT + timedelta(days=100)


def test_weak_passwords_are_refused_where_they_are_set(sqlite_db, qtbot):
    people = accounts(sqlite_db)
    log_in_as(StaffMember(people.admin, "赵管理", Role.ADMINISTRATOR))
    dialog = PeopleDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy)
    dialog.name_edit.setText("孙敏")
    dialog.username_edit.setText("sunmin")
    dialog.password_edit.setText("onlylowercase")
    dialog.repeat_edit.setText("onlylowercase")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message_label.text() != "")
    assert "至少 3 类" in dialog.message_label.text()

    own = PasswordDialog(sqlite_db, people.operator)
    qtbot.addWidget(own)
    own.show()
    own.old_edit.setText(PASSWORD)
    own.new_edit.setText("12345678")
    own.repeat_edit.setText("12345678")
    own.change()
    assert "至少 3 类" in own.error_label.text() and own.result() == 0


# The idle lock


@pytest.fixture
def desk_db(sqlite_db: Database, stop_clock, tmp_path: Path, monkeypatch) -> Database:
    stop_clock(DESK_NOW)
    monkeypatch.setenv(DRAFTS_DIR_ENV, str(tmp_path / "drafts"))
    with sqlite_db.sessions.begin() as session:
        fill_demo_data(session, cases=200, seed=1, today=QUEUE_DAY)
    with sqlite_db.sessions.begin() as session:
        refresh_queue(session, today=QUEUE_DAY, seed=7)
    return sqlite_db


def _window(qtbot: QtBot, database: Database, person: StaffMember) -> MainWindow:
    log_in_as(person)
    window = MainWindow(database, "zh")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.pages[0].operator_id is not None and not operations.busy())
    return window


def test_the_window_locks_when_idle_and_its_person_unlocks_it_keeping_the_draft(
    desk_db, qtbot, tmp_path
):
    people = accounts(desk_db)
    window = _window(qtbot, desk_db, StaffMember(people.operator, "王芳", Role.OPERATOR))
    lock = window.idle_lock
    assert lock.watcher.timer.isActive() and lock.watcher.timer.interval() == 10 * 60_000
    desk = window.pages[0]
    assert isinstance(desk, CallDeskPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    with qtbot.waitSignal(desk.case_shown):
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_F2)
    qtbot.keyClick(QApplication.focusWidget(), "2")  # 总体情况 满意
    answers, _texts = desk.form.state()
    assert answers["overall"] == "satisfied"

    # Each key starts the time again.
    starts = []
    timer = lock.watcher.timer
    lock.watcher.timer = _Counting(timer, starts)
    for key in ("3", "Key_Tab"):
        qtbot.keyClick(
            QApplication.focusWidget(), getattr(Key, key) if key.startswith("Key") else key
        )
    assert len(starts) >= 2
    lock.watcher.timer = timer

    # Then nothing for the whole time (here a millisecond): locked.
    other = QDialog(window)  # a dialog left open shows nothing while locked
    other.show()
    with qtbot.waitSignal(lock.locked):
        lock.watcher.set_timeout(1)
    screen = lock.screen
    assert lock.is_locked and screen.isVisible()
    assert window.centralWidget().isHidden() and window.menuBar().isHidden()
    assert other.windowOpacity() == 0.0
    assert not screen.switch_button.isEnabled()  # a dialog is open: unlock first
    drafts = list((tmp_path / "drafts").glob("*.json"))
    assert len(drafts) == 1  # written as the desk was hidden
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.password_edit)

    screen.reject()  # Escape does not unlock
    assert lock.is_locked
    _type(qtbot, "Not my password 1")
    assert screen.error_label.text() == "用户名或密码不正确。"
    with qtbot.waitSignal(lock.unlocked):
        _type(qtbot, PASSWORD)
    assert not lock.is_locked
    assert window.centralWidget().isVisible() and window.menuBar().isVisible()
    assert other.windowOpacity() == 1.0
    answers, _texts = desk.form.state()
    assert answers["overall"] == "satisfied" and desk.item is not None  # all still there
    assert lock.watcher.timer.isActive()
    other.close()


class _Counting:
    """Stands in for the idle timer to count how often input starts it again."""

    def __init__(self, timer, starts: list) -> None:
        self.timer, self.starts = timer, starts

    def isActive(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        self.starts.append(1)
        self.timer.start()


def test_switching_user_from_the_lock_screen_logs_out_properly(sqlite_db, qtbot):
    people = accounts(sqlite_db)
    window = _window(qtbot, sqlite_db, StaffMember(people.lead, "张组长", Role.TEAM_LEAD))
    lock = IdleLock(window, sqlite_db, timeout_ms=60_000)
    lock.lock()
    assert lock.is_locked and lock.screen.switch_button.isEnabled()

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)]
        visible = [d for d in dialogs if d.isVisible()]
        if not visible:
            QTimer.singleShot(20, answer)
            return
        visible[0].username_edit.setText("admin")
        visible[0].password_edit.setText(PASSWORD)
        qtbot.keyClick(visible[0].password_edit, Key.Key_Return)

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(lock.unlocked):
        qtbot.mouseClick(lock.screen.switch_button, Qt.MouseButton.LeftButton)
    assert logged_in().id == people.admin and not lock.is_locked
    qtbot.waitUntil(lambda: window.centralWidget().isVisible())  # built anew for the admin
    qtbot.waitUntil(lambda: not operations.busy())


def test_nobody_logged_in_means_no_lock(sqlite_db, qtbot):
    log_in_as(None)
    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    window.show()
    assert not window.idle_lock.watcher.timer.isActive()
    window.idle_lock.lock()
    assert not window.idle_lock.is_locked
    qtbot.waitUntil(lambda: not operations.busy())


# The audit chain checked at start-up


def _check(qtbot: QtBot, database: Database) -> tuple[AuditChainCheck, object]:
    parent = QWidget()
    qtbot.addWidget(parent)
    check = AuditChainCheck(parent, database)
    with qtbot.waitSignal(check.checked) as checked:
        pass
    return check, checked.args[0]


def test_the_start_up_check_warns_those_who_audit_of_an_edited_entry(sqlite_db, qtbot):
    people = accounts(sqlite_db)
    ids = write_entries(sqlite_db, 3)
    log_in_as(StaffMember(people.operator, "王芳", Role.OPERATOR))
    assert check_audit_chain(QWidget(), sqlite_db) is None  # an operator is not asked
    log_in_as(StaffMember(people.auditor, "钱审计", Role.AUDITOR))

    check, result = _check(qtbot, sqlite_db)
    assert result.intact and check.warning is None
    assert anchor_preference(sqlite_db).get() == result.head.anchor()

    tamper(sqlite_db, "UPDATE audit_entries SET actor = 'x' WHERE id = :id", id=ids[1])
    check, result = _check(qtbot, sqlite_db)
    assert [b.kind for b in result.breaks] == [ALTERED]
    assert check.warning is not None and check.warning.isVisible()
    assert f"第 {ids[1]} 条审计记录" in check.warning.informativeText()
    assert "main.py audit verify" in check.warning.informativeText()
    check.warning.close()


def test_the_start_up_check_remembers_the_head_and_sees_the_end_cut(sqlite_db, qtbot):
    write_entries(sqlite_db, 4)
    log_in_as(None)  # nobody logs in at this seat: its one person may audit
    _check(qtbot, sqlite_db)
    tamper(sqlite_db, "DELETE FROM audit_entries WHERE seq >= 3")
    check, result = _check(qtbot, sqlite_db)
    assert [b.kind for b in result.breaks] == [ANCHOR_LOST]
    assert "链尾的记录被删除了" in check.warning.informativeText()
    check.warning.close()
    check, result = _check(qtbot, sqlite_db)  # told once: the seat now knows the new end
    assert result.intact and check.warning is None
    with sqlite_db.sessions() as session:
        assert session.scalar(select(Staff.id)) is None  # nobody was needed for any of it
