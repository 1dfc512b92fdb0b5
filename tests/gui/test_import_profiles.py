"""Import profiles in the window, driven by keys: the import page's profile choice, the 导入方案
dialog (new, checked as one types, saved, chosen on the page, removed), and a coded export
refused under the words profile and imported under its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.importing import import_file
from app.importing.profiles import get_profile
from app.roles import Role
from app.staff import StaffMember, add_staff
from db.database import Database
from db.models import AuditEntry, Evaluation, ImportProfile
from ui.current_user import log_in_as
from ui.importing.profile_dialog import ProfileDialog
from ui.main_window import MainWindow
from ui.pages.import_page import ImportPage

from .helpers import count, type_text, write_csv

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

GB_CASES = [
    ["业务编号", "办理事项类型", "受理单位", "办结日期", "联系电话"],
    *[[f"GB0{n}", "转移登记", "历下区不动产登记中心", "2026-08-03", "13812345678"] for n in (1, 2)],
]
GB_EXPORT = [
    ["办件编号", "评价时间", "评价渠道", "满意度", "文字评价"],
    ["GB01", "2026-08-04 09:30", "1", "1", ""],
    ["GB02", "2026-08-05 10:00", "6", "5", "态度差"],
]


def choose_evaluations(qtbot: QtBot, page: ImportPage) -> None:
    page.kind_combo.setFocus()
    while page.kind() != "evaluations":
        qtbot.keyClick(page.kind_combo, Key.Key_Down)
    assert page.profile_combo.isVisible()


def open_dialog(qtbot: QtBot, page: ImportPage) -> ProfileDialog:
    qtbot.keyClick(page, Key.Key_G, ALT)  # 管理方案(&G)…
    qtbot.waitUntil(lambda: page.profile_dialog is not None)
    dialog = page.profile_dialog
    qtbot.waitUntil(lambda: dialog.list.count() >= 3)
    return dialog


def press(qtbot: QtBot, dialog: ProfileDialog, key: Key, modifier=ALT) -> None:
    """A key as the person presses it: to whatever has the focus in the dialog."""
    qtbot.keyClick(QApplication.focusWidget() or dialog, key, modifier)


def test_the_profile_choice_shows_for_evaluations_only(
    qtbot: QtBot, window: MainWindow, page: ImportPage
) -> None:
    assert not page.profile_combo.isVisible()  # cases first
    choose_evaluations(qtbot, page)
    qtbot.waitUntil(lambda: page.profile_combo.count() == 3)
    assert [page.profile_combo.itemText(i) for i in range(3)] == ["common", "gbt39046", "zhejiang"]
    assert page.profile_combo.currentText() == "common"
    assert "1=非常满意" in page.profile_combo.itemData(1, Qt.ItemDataRole.ToolTipRole)


def test_a_profile_is_made_saved_chosen_and_removed_with_keys(
    qtbot: QtBot, window: MainWindow, page: ImportPage, sqlite_db: Database
) -> None:
    with sqlite_db.sessions.begin() as session:
        admin = add_staff(session, "管理员", "administrator").id
    log_in_as(StaffMember(admin, "管理员", Role.ADMINISTRATOR))
    try:
        choose_evaluations(qtbot, page)
        dialog = open_dialog(qtbot, page)
        assert dialog.list.item(0).text() == "common（内置）"
        # A shipped profile is shown read-only.
        assert not dialog.name_edit.isEnabled() and not dialog.save_button.isEnabled()

        # Ctrl+D: a copy of the shipped GB/T 39046 profile to start from.
        dialog.list.setFocus()
        qtbot.keyClick(dialog.list, Key.Key_Down)
        assert dialog.name_edit.text() == "gbt39046"
        qtbot.keyClick(dialog.list, Key.Key_D, CTRL)
        assert QApplication.focusWidget() is dialog.name_edit
        assert dialog.name_edit.text() == "gbt39046-copy"
        qtbot.keyClicks(dialog.name_edit, "henan")  # typed over the selected name
        press(qtbot, dialog, Key.Key_T)  # 说明(&T)
        type_text(qtbot, dialog.title_edit, "河南省好差评导出")
        # The codes run the other way on this platform: 评价等级(&R), one step down.
        press(qtbot, dialog, Key.Key_R)
        assert QApplication.focusWidget() is dialog.ratings_combo
        qtbot.keyClick(dialog.ratings_combo, Key.Key_Down)
        assert dialog.ratings_combo.currentText().startswith("代码：1=非常不满意")
        # A channel code twice: said at once, Save refused.
        press(qtbot, dialog, Key.Key_C)
        assert QApplication.focusWidget() is dialog.channels_edit
        dialog.channels_edit.selectAll()
        type_text(qtbot, dialog.channels_edit, "1=PC端\n1=移动端\n8=系统默认评价")
        assert "渠道代码表第 2 行：“1”出现了两次" in dialog.message_label.text()
        assert not dialog.save_button.isEnabled()
        dialog.channels_edit.selectAll()
        type_text(qtbot, dialog.channels_edit, "1=PC端\n2=移动端\n8=系统默认评价")
        press(qtbot, dialog, Key.Key_F)  # 默认评价的渠道(&F)
        type_text(qtbot, dialog.default_channels_edit, "8")
        assert dialog.message_label.text() == ""
        assert dialog.save_button.isEnabled()

        with qtbot.waitSignal(dialog.saved):
            press(qtbot, dialog, Key.Key_S, CTRL)
        qtbot.waitUntil(lambda: dialog.message_label.text() == "导入方案“henan”已保存。")
        assert dialog.list.count() == 4 and dialog.list.currentItem().text() == "henan"
        with sqlite_db.sessions() as session:
            saved = get_profile(session, "henan")
            assert saved.rating_word("1") == "非常不满意"
            assert saved.channels == {"1": "PC端", "2": "移动端", "8": "系统默认评价"}
            assert saved.defaults.channels == ("8",)
            entry = session.scalar(select(AuditEntry).where(AuditEntry.action.like("import_%")))
            assert entry.actor == f"管理员 (#{admin})"
        # The page chose the profile just saved.
        qtbot.waitUntil(lambda: page.profile_combo.currentText() == "henan")

        # Delete in the list, confirmed in the box with the keyboard.
        dialog.list.setFocus()
        qtbot.keyClick(dialog.list, Key.Key_Delete)
        qtbot.waitUntil(lambda: dialog.confirmation is not None)
        box = dialog.confirmation
        (remove,) = [b for b in box.findChildren(QPushButton) if b.text() == "删除(&D)"]
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        remove.setFocus()
        with qtbot.waitSignal(dialog.removed):
            qtbot.keyClick(remove, Key.Key_Space)
        qtbot.waitUntil(lambda: dialog.message_label.text() == "导入方案“henan”已删除。")
        assert dialog.list.count() == 3
        assert count(sqlite_db, ImportProfile) == 0
        qtbot.waitUntil(lambda: page.profile_combo.count() == 3)
        assert page.profile_combo.currentText() == "common"
        qtbot.keyClick(dialog, Key.Key_Escape)
        qtbot.waitUntil(lambda: page.profile_dialog is None)
    finally:
        log_in_as(None)


def test_others_may_look_but_not_change(qtbot: QtBot, sqlite_db: Database) -> None:
    with sqlite_db.sessions.begin() as session:
        lead = add_staff(session, "组长", "team_lead").id
    log_in_as(StaffMember(lead, "组长", Role.TEAM_LEAD))
    try:
        dialog = ProfileDialog(sqlite_db)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.list.count() == 3)
        assert not dialog.save_button.isVisible() and not dialog.new_button.isVisible()
        qtbot.keyClick(dialog.list, Key.Key_N, CTRL)
        assert not dialog.name_edit.isEnabled()
    finally:
        log_in_as(None)


def test_a_coded_export_is_refused_under_words_and_imported_under_its_profile(
    qtbot: QtBot, window: MainWindow, page: ImportPage, sqlite_db: Database, tmp_path: Path
) -> None:
    with sqlite_db.sessions.begin() as session:
        assert import_file(session, "cases", write_csv(tmp_path / "c.csv", GB_CASES)).imported
    path = write_csv(tmp_path / "gb.csv", GB_EXPORT)
    choose_evaluations(qtbot, page)
    qtbot.waitUntil(lambda: page.profile_combo.count() == 3)
    page.path_edit.clear()
    qtbot.keyClicks(page.path_edit, str(path))
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.path_edit, Key.Key_Return)
    assert page.import_button.isEnabled()  # the headers are the usual ones

    window.activateWindow()
    page.preview_table.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.preview_table, Key.Key_Return, CTRL)  # 导入 (Ctrl+Enter)
    assert "第 2 行的总体情况是代码“1”" in page.message_label.text()
    assert count(sqlite_db, Evaluation) == 0

    # 导入方案(&P): GB/T 39046, chosen from the keyboard; the file is looked at again.
    qtbot.keyClick(page, Key.Key_P, ALT)
    assert QApplication.focusWidget() is page.profile_combo
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.profile_combo, Key.Key_Down)
    assert page.profile() == "gbt39046"
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.profile_combo, Key.Key_Return, CTRL)
    assert page.stack.currentWidget() is page.summary_view
    assert page.summary_view.count_labels["inserted"].text() == "2"
    assert page.summary_view.outcome_label.text() == "已导入 gb.csv。（导入方案：gbt39046）"
    with sqlite_db.sessions() as session:
        ratings = session.scalars(select(Evaluation.overall).order_by(Evaluation.id)).all()
    assert ratings == ["very_satisfied", "dissatisfied"]  # 1 = 非常满意 in GB/T 39046
