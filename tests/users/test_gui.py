"""The log-in dialog, the people dialog, the audit viewer and the retention dialog, driven offscreen
as a person would; and the application asking who logs in before its window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.roles import Role
from app.staff import StaffMember
from app.users import DEMO_PASSWORD, add_demo_accounts
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import AuditEntry, Staff
from ui import operations
from ui.admin import actions
from ui.admin.audit_dialog import AuditDialog
from ui.admin.people_dialog import PeopleDialog
from ui.admin.retention_dialog import RetentionDialog
from ui.application import run
from ui.current_user import log_in_as, logged_in
from ui.login_dialog import LoginDialog, log_in, login_facts
from ui.main_window import MainWindow
from ui.pages.call_desk_page import CallDeskPage

from .helpers import PASSWORD, accounts

Key = Qt.Key


def _dialog(qtbot: QtBot, database: Database) -> LoginDialog:
    _needed, demo = login_facts(database)
    dialog = LoginDialog(database, demo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.username_edit)
    return dialog


def test_log_in_with_the_keyboard_a_wrong_password_first(sqlite_db, qtbot: QtBot):
    people = accounts(sqlite_db)
    dialog = _dialog(qtbot, sqlite_db)
    assert dialog.windowTitle() == "登录 — 回访台"
    assert not hasattr(dialog, "demo_label")  # a database not filled by the demo
    qtbot.keyClicks(dialog.username_edit, "lead")
    qtbot.keyClick(dialog.username_edit, Key.Key_Return)  # on to the password
    assert dialog.password_edit.hasFocus()
    qtbot.keyClicks(dialog.password_edit, "wrong one")
    qtbot.keyClick(dialog.password_edit, Key.Key_Return)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "用户名或密码不正确。"
    assert dialog.password_edit.text() == "" and dialog.password_edit.hasFocus()
    assert dialog.result() == 0
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Key.Key_Enter)
    assert dialog.person == StaffMember(people.lead, "张组长", Role.TEAM_LEAD)


def test_empty_fields_and_a_locked_user_are_said_clearly(sqlite_db, qtbot: QtBot):
    accounts(sqlite_db)
    dialog = _dialog(qtbot, sqlite_db)
    dialog.log_in()
    assert dialog.error_label.text() == "请输入用户名。"
    dialog.username_edit.setText("operator")
    dialog.log_in()
    assert dialog.error_label.text() == "请输入密码。"
    for attempt in range(5):
        dialog.password_edit.setText(f"wrong {attempt}")
        dialog.log_in()
    assert "登录失败次数过多，此用户已暂时锁定" in dialog.error_label.text()


def test_a_demo_database_shows_its_accounts_and_a_click_fills_the_form(sqlite_db, qtbot):
    with sqlite_db.sessions.begin() as session:
        add_demo_accounts(session)
    dialog = _dialog(qtbot, sqlite_db)
    hint = dialog.demo_label.text()
    assert "演示数据库的账号（密码见 demo 命令的输出或 README）" in hint
    assert DEMO_PASSWORD not in hint  # the database does not know it to show it
    for username, role in (("admin", "管理员"), ("lead", "组长"), ("operator", "回访员")):
        assert f"{username}</a> — {role}" in hint
    dialog.fill_demo_account("operator")
    assert dialog.username_edit.text() == "operator" and dialog.password_edit.hasFocus()
    qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Key.Key_Return)
    assert dialog.person.role is Role.OPERATOR


def test_no_password_in_the_database_means_no_log_in(sqlite_db, qtbot: QtBot):
    assert log_in(sqlite_db) is True
    assert logged_in() is None


def _answer_log_in(qtbot: QtBot, username: str | None, password: str = PASSWORD) -> None:
    """When the log-in dialog shows, log in as `username`, or give up (None)."""

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)]
        visible = [d for d in dialogs if d.isVisible()]
        if not visible:
            QTimer.singleShot(20, answer)
            return
        dialog = visible[0]
        if username is None:
            dialog.reject()
            return
        dialog.username_edit.setText(username)
        dialog.password_edit.setText(password)
        qtbot.keyClick(dialog.password_edit, Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_the_app_asks_who_logs_in_before_its_window(sqlite_db, qtbot: QtBot, tmp_path, monkeypatch):
    monkeypatch.setenv("REVISITDESK_DRAFTS_DIR", str(tmp_path / "drafts"))
    people = accounts(sqlite_db)
    _answer_log_in(qtbot, None)
    assert run(sqlite_db, "zh") == 0  # gave up: no window
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]

    seen = []

    def look_and_close() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(20, look_and_close)
            return
        (window,) = windows
        desk = window.pages[0]
        assert isinstance(desk, CallDeskPage)
        if desk.operator_id is None or operations.busy():
            QTimer.singleShot(20, look_and_close)
            return
        seen.extend([desk.operator_label.text(), desk.body.currentWidget() is desk.desk])
        window.close()
        window.deleteLater()

    _answer_log_in(qtbot, "operator")
    QTimer.singleShot(0, look_and_close)
    assert run(sqlite_db, "zh") == 0
    assert seen == ["回访员：王芳", True]  # the person logged in calls: no name to choose
    assert logged_in().id == people.operator


def test_switching_user_logs_out_and_builds_the_window_for_the_next(
    sqlite_db, qtbot, tmp_path, monkeypatch
):
    monkeypatch.setenv("REVISITDESK_DRAFTS_DIR", str(tmp_path / "drafts"))
    people = accounts(sqlite_db)
    log_in_as(StaffMember(people.operator, "王芳", Role.OPERATOR))
    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages[0].operator_id is not None and not operations.busy())
    _answer_log_in(qtbot, "admin")
    actions.switch_user(window)
    assert logged_in().id == people.admin
    qtbot.waitUntil(lambda: window.pages[0].operator_id == people.admin and not operations.busy())
    assert window.pages[0].operator_label.text() == "回访员：赵管理"
    with sqlite_db.sessions() as session:
        assert session.scalars(
            select(AuditEntry.actor).where(AuditEntry.action == "user.login")
        ).all() == [f"赵管理 (#{people.admin})"]


def test_the_people_dialog_adds_a_person_who_can_then_log_in(sqlite_db, qtbot: QtBot):
    dialog = PeopleDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy)
    dialog.name_edit.setText("孙敏")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("administrator"))
    dialog.username_edit.setText("sunmin")
    dialog.password_edit.setText("first pass 1")
    dialog.repeat_edit.setText("first pass 2")
    dialog.save()
    assert dialog.message_label.text() == "两次输入的密码不一致。"
    dialog.repeat_edit.setText("first pass 1")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    assert saved.args[0].login_turned_on
    assert "从下次启动起，所有人都需要用户名和密码登录" in dialog.message_label.text()
    row = dialog.model.row_at(dialog.table.currentIndex().row())
    assert (row.name, row.username, row.has_password) == ("孙敏", "sunmin", True)
    assert dialog.model.data(dialog.model.index(dialog.table.currentIndex().row(), 4)) == "可登录"
    assert login_facts(sqlite_db) == (True, [])
    # From now on the dialog works for someone logged in (the services refuse nobody once
    # anybody can log in): the new administrator.
    log_in_as(StaffMember(row.id, "孙敏", Role.ADMINISTRATOR))
    # The only administrator who can log in stays one.
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("operator"))
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.message_label.text() == "至少要保留一位可以登录的管理员"
    with sqlite_db.sessions() as session:
        assert session.scalar(select(Staff.role).where(Staff.name == "孙敏")) == "administrator"


@pytest.fixture
def trail(sqlite_db: Database) -> Database:
    people = accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        session.add(
            AuditEntry(
                at=datetime.now(LOCAL_ZONE),
                actor=f"赵管理 (#{people.admin})",
                action="setting.change",
                entity="setting",
                before={"key": "desk.max_attempts", "value": 3},
                after={"key": "desk.max_attempts", "value": 4},
            )
        )
    return sqlite_db


def test_the_audit_viewer_filters_shows_before_and_after_and_exports(trail, qtbot, tmp_path):
    with trail.sessions() as session:  # an auditor at the seat: app.audit_export checks it
        auditor = session.scalar(select(Staff.id).where(Staff.username == "auditor"))
    log_in_as(StaffMember(auditor, "钱审计", Role.AUDITOR))
    dialog = AuditDialog(trail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() > 0)
    assert dialog.count_label.text() == "共 13 条。"  # 4 people added, named, given passwords
    assert [dialog.model.data(dialog.model.index(0, c)) for c in range(4)][1:] == [
        "赵管理 (#1)",
        "更改设置",
        "设置：desk.max_attempts",
    ]
    assert '"value": 3' in dialog.before_text.toPlainText()
    assert '"value": 4' in dialog.after_text.toPlainText()
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("user.password"))
    with qtbot.waitSignal(dialog.loaded):
        dialog.search()
    assert dialog.model.rowCount() == 4
    assert {dialog.model.data(dialog.model.index(r, 2)) for r in range(4)} == {"设置密码"}
    assert {dialog.model.data(dialog.model.index(r, 3)) for r in range(4)} == {
        "人员：赵管理",
        "人员：张组长",
        "人员：王芳",
        "人员：钱审计",
    }
    with qtbot.waitSignal(dialog.exported):
        dialog.export(tmp_path / "审计")
    rows = list(openpyxl.load_workbook(tmp_path / "审计.xlsx").active.values)
    assert len(rows) == 5 and rows[1][2] == "设置密码"


def test_the_retention_dialog_previews_and_purges_after_saying_so(sqlite_db, qtbot: QtBot):
    from app.demo import fill_demo_data

    with sqlite_db.sessions.begin() as session:
        fill_demo_data(session, cases=80, seed=3, today=datetime(2020, 6, 1).date())
    dialog = RetentionDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.running and dialog.counts is not None)
    assert dialog.years_spin.value() == 3
    assert dialog.count_labels["cases"].text() == "80 条"
    assert dialog.purge_button.isEnabled()
    with qtbot.waitSignal(dialog.purged) as purged:
        dialog.purge()
    assert purged.args[0].cases == 80
    qtbot.waitUntil(lambda: not dialog.running and dialog.counts.total == 0)
    assert not dialog.purge_button.isEnabled()
    dialog.years_spin.setValue(10)
    dialog.save_years()
    qtbot.waitUntil(lambda: "10 年" in dialog.message_label.text() and not dialog.running)
    with sqlite_db.sessions() as session:
        assert session.scalar(
            select(AuditEntry.after).where(AuditEntry.action == "setting.change")
        ) == {"key": "retention.years", "value": 10}


def test_the_retention_dialog_asks_with_the_cutoff_and_purges_only_that_one(
    sqlite_db, qtbot: QtBot, monkeypatch, stop_clock
):
    from PySide6.QtWidgets import QMessageBox

    from app.demo import fill_demo_data
    from app.settings import set_setting

    stop_clock(datetime(2026, 11, 20, 10, tzinfo=LOCAL_ZONE))
    with sqlite_db.sessions.begin() as session:
        fill_demo_data(session, cases=40, seed=3, today=datetime(2020, 6, 1).date())
    dialog = RetentionDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.running and dialog.counts is not None)
    assert dialog.years_spin.minimum() == 3  # W 7.1.3.2.5: not less
    shown = dialog.counts
    asked: list[str] = []

    def answer(reply):
        def warning(_parent, _title, text, *_args):
            asked.append(text)
            return reply

        return warning

    # The question names the cut-off and the count; Cancel purges nothing.
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert f"将清除 {shown.total} 条记录中的个人信息（{shown.cutoff} 之前办结的业务件）" in asked[0]
    assert not dialog.running and dialog.counts == shown
    # Years typed but not saved: the cut-off on screen is not theirs, so no purge until saved.
    dialog.years_spin.setValue(shown.years + 1)
    assert not dialog.purge_button.isEnabled() and "保存年限" in dialog.purge_button.toolTip()
    dialog.years_spin.setValue(shown.years)
    assert dialog.purge_button.isEnabled() and not dialog.purge_button.toolTip()
    # Yes, but the retention was changed elsewhere since: refused, and shown as it is now.
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "retention.years", 30)
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running and dialog.counts.years == 30)
    assert "没有清除任何数据" in dialog.message_label.text()
    assert dialog.counts.total == 0 and not dialog.purge_button.isEnabled()
    with sqlite_db.sessions() as session:
        assert (
            session.scalar(select(AuditEntry.id).where(AuditEntry.action == "retention.purge"))
            is None
        )


def test_only_the_right_roles_may_open_the_dialogs(sqlite_db, qtbot, monkeypatch):
    people = accounts(sqlite_db)
    log_in_as(StaffMember(people.operator, "王芳", Role.OPERATOR))
    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    told = []
    monkeypatch.setattr(actions, "_refused", lambda w: told.append(w))
    monkeypatch.setattr(QDialog, "exec", lambda self: pytest.fail("a dialog opened"))
    for open_dialog in (actions.open_people, actions.open_audit_trail, actions.open_retention):
        open_dialog(window)
    assert told == [window, window, window]
    qtbot.waitUntil(lambda: not operations.busy())


def _file_menu_actions(window: MainWindow) -> dict[str, object]:
    """The 文件 menu's actions and its 网点同步 submenu's, by text, the menus filled."""
    (file_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "文件(&F)"]
    file_menu.aboutToShow.emit()  # filled when first opened
    found = {a.text(): a for a in file_menu.actions() if a.text()}
    (sync_menu,) = [a.menu() for a in file_menu.actions() if a.menu() is not None]
    sync_menu.aboutToShow.emit()
    found.update({a.text(): a for a in sync_menu.actions()})
    file_menu.aboutToShow.emit()  # opened again: looks at the user again
    return found


def test_the_file_menu_disables_what_the_role_may_not_do_and_follows_the_user(
    sqlite_db, qtbot, monkeypatch
):
    people = accounts(sqlite_db)
    log_in_as(StaffMember(people.operator, "王芳", Role.OPERATOR))
    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages[0].operator_id is not None and not operations.busy())
    found = _file_menu_actions(window)
    for text in ("立即备份…", "从备份恢复到新数据库…"):
        assert not found[text].isEnabled(), text
        assert found[text].toolTip() == "仅限管理员"
    assert not found["同步冲突(&C)…"].isEnabled()
    assert found["同步冲突(&C)…"].toolTip() == "仅限组长和管理员"
    assert found["校验备份…"].isEnabled()  # only reads a file: anyone
    assert found["导出同步文件(&E)…"].isEnabled()

    # A lead may decide conflicts but not back up.
    log_in_as(StaffMember(people.lead, "张组长", Role.TEAM_LEAD))
    found = _file_menu_actions(window)
    assert found["同步冲突(&C)…"].isEnabled()
    assert not found["立即备份…"].isEnabled()

    # After 切换用户 the window is built again for the administrator: all enabled.
    _answer_log_in(qtbot, "admin")
    actions.switch_user(window)
    assert logged_in().id == people.admin
    found = _file_menu_actions(window)
    assert all(action.isEnabled() for action in found.values())
    assert found["立即备份…"].toolTip() != "仅限管理员"
    qtbot.waitUntil(lambda: not operations.busy())
