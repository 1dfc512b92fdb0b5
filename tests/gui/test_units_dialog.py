"""受理单位, driven offscreen with keys and mouse: the list with case counts, a unit edited, a bad
area code refused, a mistaken unit merged after a confirmation, read-only for non-administrators."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.roles import Role
from app.staff import StaffMember, add_staff
from db.database import Database
from db.models import AuditEntry, Case, Unit
from ui.admin.units_dialog import UnitsDialog
from ui.current_user import log_in_as

Key = Qt.Key
RIGHT, MISTAKEN = "历下区不动产登记中心", "历下区登记中心（误）"


@pytest.fixture
def units(sqlite_db: Database) -> dict[str, int]:
    with sqlite_db.sessions.begin() as session:
        found = {}
        for name, cases in ((RIGHT, 3), (MISTAKEN, 2)):
            unit = Unit(name=name)
            session.add(unit)
            session.flush()
            found[name] = unit.id
            for n in range(cases):
                session.add(
                    Case(case_no=f"{name}-{n}", unit_id=unit.id, completed_on=date(2026, 8, 3))
                )
    return found


def _dialog(qtbot: QtBot, database: Database) -> UnitsDialog:
    dialog = UnitsDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    return dialog


def _screen(dialog: UnitsDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _choose(qtbot: QtBot, dialog: UnitsDialog, name: str) -> None:
    """Move to the unit with the arrow keys, as one would."""
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Key.Key_Home)
    while dialog.editing is None or dialog.editing.name != name:
        qtbot.keyClick(dialog.table, Key.Key_Down)


def test_a_unit_is_edited_from_the_keyboard(qtbot: QtBot, sqlite_db, units):
    dialog = _dialog(qtbot, sqlite_db)
    assert _screen(dialog) == [
        [RIGHT, "—", "—", "3", "在用"],
        [MISTAKEN, "—", "—", "2", "在用"],
    ]
    _choose(qtbot, dialog, RIGHT)
    qtbot.keyClick(dialog.table, Key.Key_Return)  # to the form
    assert dialog.name_edit.hasFocus()
    qtbot.keyClick(dialog.name_edit, Key.Key_Tab)
    dialog.district_edit.insert("历下区")  # Chinese comes through an input method, not keys
    qtbot.keyClick(dialog.district_edit, Key.Key_Tab)
    assert dialog.area_edit.hasFocus()
    qtbot.keyClicks(dialog.area_edit, "0300")
    assert dialog.area_hint.text() == "不是有效的长途区号（例如 010、021、0531）"
    qtbot.keyClick(dialog.area_edit, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "不是有效的长途区号" in dialog.message_label.text())
    dialog.area_edit.clear()
    qtbot.keyClicks(dialog.area_edit, "531")
    assert dialog.area_hint.text() == "区号 0531"
    with qtbot.waitSignal(dialog.loaded):
        qtbot.keyClick(dialog.area_edit, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.message_label.text() == f"已保存“{RIGHT}”。"
    assert _screen(dialog)[0] == [RIGHT, "历下区", "0531", "3", "在用"]
    with sqlite_db.sessions() as session:
        unit = session.get(Unit, units[RIGHT])
        assert (unit.district, unit.area_code) == ("历下区", "0531")


def test_a_name_another_unit_has_is_refused(qtbot: QtBot, sqlite_db, units):
    dialog = _dialog(qtbot, sqlite_db)
    _choose(qtbot, dialog, MISTAKEN)
    dialog.name_edit.setText(RIGHT)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "合并" in dialog.message_label.text())
    assert dialog.message_label.text().startswith(f"已有名为“{RIGHT}”的受理单位")
    with sqlite_db.sessions() as session:
        assert session.get(Unit, units[MISTAKEN]).name == MISTAKEN


def test_a_mistaken_unit_is_merged_after_a_confirmation_naming_its_cases(
    qtbot: QtBot, sqlite_db, units
):
    dialog = _dialog(qtbot, sqlite_db)
    _choose(qtbot, dialog, MISTAKEN)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merge_dialog is not None and dialog.merge_dialog.isVisible())
    confirm = dialog.merge_dialog
    assert confirm.target_combo.currentText() == RIGHT
    assert f"将把“{MISTAKEN}”的 2 件业务件移到所选单位" in confirm.summary_label.text()
    assert confirm.cancel_button.isDefault()  # Enter alone does not merge
    with qtbot.waitSignal(dialog.merged) as merged, qtbot.waitSignal(dialog.loaded):
        qtbot.mouseClick(confirm.merge_button, Qt.MouseButton.LeftButton)
    assert merged.args[0].cases == 2
    assert dialog.message_label.text() == f"已把“{MISTAKEN}”合并到“{RIGHT}”，移动了 2 件业务件。"
    assert _screen(dialog) == [[RIGHT, "—", "—", "5", "在用"]]
    assert dialog.editing.name == RIGHT  # the unit merged into is chosen
    with sqlite_db.sessions() as session:
        assert session.get(Unit, units[MISTAKEN]) is None
        assert set(session.scalars(select(Case.unit_id))) == {units[RIGHT]}
        assert session.scalar(select(AuditEntry.action).where(AuditEntry.entity == "unit")) == (
            "unit.merge"
        )


def test_cancelling_the_merge_changes_nothing(qtbot: QtBot, sqlite_db, units):
    dialog = _dialog(qtbot, sqlite_db)
    _choose(qtbot, dialog, MISTAKEN)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merge_dialog is not None and dialog.merge_dialog.isVisible())
    qtbot.keyClick(dialog.merge_dialog, Key.Key_Escape)
    assert not dialog.merge_dialog.isVisible()
    with sqlite_db.sessions() as session:
        assert session.get(Unit, units[MISTAKEN]) is not None


def test_other_roles_see_the_units_read_only(qtbot: QtBot, sqlite_db, units):
    with sqlite_db.sessions.begin() as session:
        operator = add_staff(session, "王芳", "operator").id
    log_in_as(StaffMember(operator, "王芳", Role.OPERATOR))
    try:
        dialog = _dialog(qtbot, sqlite_db)
        _choose(qtbot, dialog, MISTAKEN)
        assert dialog.read_only_label.text() == "仅管理员可以修改受理单位。"
        assert not dialog.name_edit.isEnabled() and not dialog.area_edit.isEnabled()
        assert not dialog.save_button.isEnabled() and not dialog.merge_button.isEnabled()
        dialog.save()  # e.g. Ctrl+S: nothing happens
        dialog.merge_selected()
        assert dialog.merge_dialog is None
        assert QApplication.activeModalWidget() is None
    finally:
        log_in_as(None)
