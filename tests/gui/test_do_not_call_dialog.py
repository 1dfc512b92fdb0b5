"""免打扰号码, driven offscreen with keys: a number marked by hand, the list with source, reason,
when and who, a mark cleared only with a reason, a list imported and a bad list refused whole;
the administration menu opens it for administrators only; the call desk's panel shows a marked
number as such and does not offer it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.desk.queue import next_case
from app.roles import Role
from app.staff import StaffMember
from db.database import Database
from db.models import AuditEntry, DoNotCall
from tests.desk import helpers as h
from tests.importing.helpers import write_csv
from tests.users.helpers import accounts
from ui.admin.do_not_call_dialog import DoNotCallDialog
from ui.current_user import log_in_as
from ui.desk.case_panel import CasePanel

Key = Qt.Key
NOW = h.local(2026, 11, 16, 10)


@pytest.fixture
def admin(sqlite_db: Database, stop_clock):
    stop_clock(NOW)
    people = accounts(sqlite_db)
    log_in_as(StaffMember(people.admin, "赵管理", Role.ADMINISTRATOR))
    yield people
    log_in_as(None)


def _dialog(qtbot: QtBot, database: Database) -> DoNotCallDialog:
    dialog = DoNotCallDialog(database)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def _screen(dialog: DoNotCallDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _press(qtbot: QtBot, dialog: DoNotCallDialog, key: Qt.Key, *, changed: bool = True) -> None:
    """Alt+key on the dialog; waits for the list read again after a change, or for the
    refusal's words."""
    if changed:
        with qtbot.waitSignal(dialog.loaded, timeout=20000):
            qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
    else:
        dialog.message_label.clear()
        qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: dialog.message_label.text() != "", timeout=20000)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)


def _type(qtbot: QtBot, dialog: DoNotCallDialog, key: Qt.Key, text: str) -> None:
    """Alt+key to the field, then the text (Chinese as an input method gives it)."""
    qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
    field = dialog.focusWidget()
    field.selectAll()
    field.insert(text)


def _marks(database: Database) -> list[tuple[str, str | None, str | None]]:
    with database.sessions() as session:
        return list(
            session.execute(
                select(DoNotCall.phone_e164, DoNotCall.reason, DoNotCall.clear_reason).order_by(
                    DoNotCall.id
                )
            )
        )


def test_mark_list_and_clear_from_the_keyboard(qtbot: QtBot, sqlite_db, admin):
    dialog = _dialog(qtbot, sqlite_db)
    assert _screen(dialog) == [] and dialog.count_label.text() == "共 0 个免打扰号码"
    _type(qtbot, dialog, Key.Key_N, "138 1234 5678")
    assert dialog.focusWidget() is dialog.number_edit
    _type(qtbot, dialog, Key.Key_R, "本人来电要求")
    _press(qtbot, dialog, Key.Key_M)
    assert "已标记 138 1234 5678 为免打扰" in dialog.message_label.text()
    assert _screen(dialog) == [
        ["138 1234 5678", "管理员标记", "本人来电要求", "2026-11-16 10:00", "赵管理"]
    ]
    # Not a number: said, nothing stored.
    _type(qtbot, dialog, Key.Key_N, "86123456")
    _press(qtbot, dialog, Key.Key_M, changed=False)
    assert "不是有效的电话号码" in dialog.message_label.text()
    # Clearing needs a reason.
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Key.Key_Home)
    assert dialog.number_edit.text() == "138 1234 5678"
    _press(qtbot, dialog, Key.Key_C, changed=False)
    assert "原因" in dialog.message_label.text()
    assert _marks(sqlite_db) == [("+8613812345678", "本人来电要求", None)]
    _type(qtbot, dialog, Key.Key_R, "本人撤回")
    _press(qtbot, dialog, Key.Key_C)
    assert "已解除" in dialog.message_label.text()
    assert _screen(dialog) == []
    assert _marks(sqlite_db) == [("+8613812345678", "本人来电要求", "本人撤回")]
    with sqlite_db.sessions() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-2:] == ["do_not_call.mark", "do_not_call.clear"]


def test_a_list_is_imported_whole_or_not_at_all(qtbot: QtBot, sqlite_db, admin, tmp_path):
    dialog = _dialog(qtbot, sqlite_db)
    bad = write_csv(tmp_path / "bad.csv", [["13812345678"], ["13912345678"], ["0000"]])
    dialog.message_label.clear()
    dialog.import_file(bad)
    qtbot.waitUntil(lambda: dialog.message_label.text() != "", timeout=20000)
    assert "第 3 行" in dialog.message_label.text()
    assert _marks(sqlite_db) == []
    good = write_csv(tmp_path / "good.csv", [["号码", "原因"], ["13812345678", "来函"]])
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.import_file(good)
    assert "新标记 1 个号码" in dialog.message_label.text()
    assert [row[:3] for row in _screen(dialog)] == [["138 1234 5678", "管理员导入的名单", "来函"]]


def test_the_import_key_asks_for_a_file(qtbot: QtBot, sqlite_db, admin, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "list.csv", [["13812345678"]])
    asked = []

    def chosen(parent, title, kind, file_filter, **_options):
        asked.append(kind)
        return path

    monkeypatch.setattr("ui.admin.do_not_call_dialog.open_path", chosen)
    dialog = _dialog(qtbot, sqlite_db)
    _press(qtbot, dialog, Key.Key_I)
    assert asked == ["do_not_call"] and dialog.model.rowCount() == 1


def test_the_list_is_refused_to_anyone_but_an_administrator(qtbot: QtBot, sqlite_db, stop_clock):
    stop_clock(NOW)
    people = accounts(sqlite_db)
    log_in_as(StaffMember(people.lead, "张组长", Role.TEAM_LEAD))
    try:
        dialog = DoNotCallDialog(sqlite_db)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.message_label.text() != "", timeout=20000)
        assert "无权" in dialog.message_label.text()
        assert dialog.model.rowCount() == 0
    finally:
        log_in_as(None)


def test_the_administration_menu_opens_it_for_administrators_only(window, qtbot):
    from ui.admin.actions import add_admin_actions

    log_in_as(StaffMember(1, "张组长", Role.TEAM_LEAD))
    try:
        menu = window.menuBar().addMenu("test")
        actions = {a.text(): a for a in add_admin_actions(menu, window)}
        assert not actions["免打扰号码(&D)…"].isEnabled()
    finally:
        log_in_as(None)
    menu = window.menuBar().addMenu("test2")
    actions = {a.text(): a for a in add_admin_actions(menu, window)}
    assert actions["免打扰号码(&D)…"].isEnabled()


def test_the_case_panel_shows_a_marked_number_and_offers_another(qtbot: QtBot, sqlite_db, admin):
    with sqlite_db.sessions.begin() as session:
        owner = h.unit(session)
        case = h.case(session, owner, "P-1", date(2026, 11, 2), phones=(h.MOBILE, h.SECOND_MOBILE))
        h.entry(session, case, NOW - timedelta(hours=1))
        session.add(DoNotCall(phone_e164="+8613812345678", source="outcome", marked_at=NOW))
    item = next_case(sqlite_db, admin.operator, now=NOW)
    panel = CasePanel()
    qtbot.addWidget(panel)
    panel.show_item(item, "")
    assert panel.phone_combo.currentIndex() == 1 and panel.dial_button.isEnabled()
    assert "免打扰" in panel.phone_combo.itemText(0)
    assert "免打扰" not in panel.phone_combo.itemText(1)
    panel.show_phone(0)  # Ctrl+→ to the marked one: shown, not dialled
    assert not panel.dial_button.isEnabled()
    panel.show_phone(1)
    assert panel.dial_button.isEnabled()
