"""回访结果, driven offscreen: cells edited with keys, the rules said as one types, two keys
swapped in one save, read-only for non-administrators."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk.outcomes import outcome_row
from app.roles import Role
from app.staff import StaffMember, add_staff
from db.database import Database
from db.models import AuditEntry
from ui.admin.outcomes_dialog import COLUMNS, OutcomesDialog
from ui.current_user import log_in_as

Key = Qt.Key
COLUMN = {name: number for number, (name, _header, _kind) in enumerate(COLUMNS, start=1)}


def _dialog(qtbot: QtBot, database: Database) -> OutcomesDialog:
    dialog = OutcomesDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    return dialog


def _row(dialog: OutcomesDialog, code: str) -> int:
    return next(n for n in range(dialog.table.rowCount()) if dialog.table.item(n, 0).text() == code)


def _cell(dialog: OutcomesDialog, code: str, name: str) -> str:
    return dialog.table.item(_row(dialog, code), COLUMN[name]).text()


def _type(qtbot: QtBot, dialog: OutcomesDialog, code: str, name: str, text: str) -> None:
    """Go to the cell, type over it (a key starts the editor) and confirm with Enter."""
    table = dialog.table
    table.setFocus()
    table.setCurrentCell(_row(dialog, code), COLUMN[name])
    qtbot.keyClick(table, Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Key.Key_Delete)
    qtbot.keyClick(editor, Key.Key_Return)
    # The view commits and closes the editor a moment later (a queued call).
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_the_table_shows_the_outcomes(qtbot: QtBot, sqlite_db):
    dialog = _dialog(qtbot, sqlite_db)
    assert dialog.table.horizontalHeaderItem(COLUMN["retry_minutes"]).text() == "重拨间隔（分钟）"
    assert (_cell(dialog, "busy", "label"), _cell(dialog, "busy", "key")) == ("占线", "B")
    assert _cell(dialog, "busy", "retry_minutes") == "15"
    assert _cell(dialog, "no_answer", "retry_minutes") == ""  # the next half-day
    final = dialog.table.item(_row(dialog, "completed"), COLUMN["final"])
    assert final.checkState() == Qt.CheckState.Checked
    assert not dialog.save_button.isEnabled() and dialog.message_label.text() == ""


def test_keys_are_swapped_with_the_rules_said_on_the_way(qtbot: QtBot, sqlite_db):
    with sqlite_db.sessions.begin() as session:
        admin = add_staff(session, "管理员", "administrator").id
    log_in_as(StaffMember(admin, "管理员", Role.ADMINISTRATOR))
    try:
        dialog = _dialog(qtbot, sqlite_db)
        _type(qtbot, dialog, "busy", "key", "n")
        assert dialog.message_label.text() == "快捷键 N 已用于“无人接听”"
        assert not dialog.save_button.isEnabled()
        _type(qtbot, dialog, "no_answer", "key", "b")
        assert dialog.message_label.text() == "已修改 2 项结果，尚未保存。"
        _type(qtbot, dialog, "busy", "retry_minutes", "abc")
        assert dialog.message_label.text() == "“占线”：重拨间隔须为 0 到 10080 的整数分钟"
        _type(qtbot, dialog, "busy", "retry_minutes", "30")
        assert dialog.save_button.isEnabled()
        with qtbot.waitSignal(dialog.saved):
            qtbot.keyClick(dialog.table, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert dialog.message_label.text() == "回访结果已保存。"
        assert (_cell(dialog, "busy", "key"), _cell(dialog, "no_answer", "key")) == ("N", "B")
        assert not dialog.save_button.isEnabled()
        with sqlite_db.sessions() as session:
            busy, no_answer = outcome_row(session, "busy"), outcome_row(session, "no_answer")
            actors = session.scalars(
                select(AuditEntry.actor).where(AuditEntry.action == "outcome.change")
            ).all()
        assert (busy.key, busy.retry_minutes, no_answer.key) == ("N", 30, "B")
        assert actors == [f"管理员 (#{admin})"] * 2
    finally:
        log_in_as(None)


def test_completed_cannot_stop_being_final_and_revert_undoes(qtbot: QtBot, sqlite_db):
    dialog = _dialog(qtbot, sqlite_db)
    dialog.table.setFocus()
    dialog.table.setCurrentCell(_row(dialog, "completed"), COLUMN["final"])
    qtbot.keyClick(dialog.table, Key.Key_Space)  # the check box, from the keyboard
    assert "回访单以它保存" in dialog.message_label.text()
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == ""
    final = dialog.table.item(_row(dialog, "completed"), COLUMN["final"])
    assert final.checkState() == Qt.CheckState.Checked


def test_other_roles_see_the_outcomes_read_only(qtbot: QtBot, sqlite_db):
    with sqlite_db.sessions.begin() as session:
        operator = add_staff(session, "王芳", "operator").id
    log_in_as(StaffMember(operator, "王芳", Role.OPERATOR))
    try:
        dialog = _dialog(qtbot, sqlite_db)
        assert dialog.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
        item = dialog.table.item(_row(dialog, "busy"), COLUMN["final"])
        assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
        assert not dialog.save_button.isVisible()
        dialog.table.setCurrentCell(_row(dialog, "busy"), COLUMN["key"])
        qtbot.keyClick(dialog.table, Key.Key_F2)
        assert not isinstance(QApplication.focusWidget(), QLineEdit)
    finally:
        log_in_as(None)
