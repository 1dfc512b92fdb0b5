"""The working-day calendar editor, the pasted notice and next year's warning, driven with keys and
the mouse: what the screen shows and what the database holds."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.audit import audit_entries
from app.roles import Role
from app.staff import StaffMember, add_staff
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CalendarDay, CalendarYear
from ui import operations
from ui.calendar.calendar_dialog import CalendarDialog
from ui.calendar.notice_dialog import NoticeDialog
from ui.calendar.year_grid import DayKind
from ui.current_user import log_in_as

NOTICES = Path(__file__).resolve().parents[1] / "data" / "holiday_notices"


@pytest.fixture
def editor(qtbot: QtBot, sqlite_db: Database, stop_clock) -> CalendarDialog:
    stop_clock(datetime(2026, 6, 1, 9, tzinfo=LOCAL_ZONE))
    dialog = CalendarDialog(sqlite_db)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.shown):
        dialog.show()
    yield dialog
    operations.cancel_and_wait()


def click_day(qtbot: QtBot, editor: CalendarDialog, day: date) -> None:
    qtbot.mouseClick(editor.grid, Qt.MouseButton.LeftButton, pos=editor.grid.day_rect(day).center())


def entry(database: Database, day: date) -> tuple[bool, str | None] | None:
    with database.sessions() as session:
        row = session.get(CalendarDay, day)
        return None if row is None else (row.is_working_day, row.note)


def test_the_year_at_a_glance_marks_holidays_and_make_up_days(editor):
    grid = editor.grid
    assert editor.year_spin.value() == 2026
    assert "2026 年已在日历中" in editor.year_state.text()
    assert grid.kind(date(2026, 2, 16)) is DayKind.HOLIDAY  # 春节, a Monday
    assert grid.kind(date(2026, 2, 15)) is DayKind.HOLIDAY  # 春节, a Sunday inside it
    assert grid.kind(date(2026, 2, 28)) is DayKind.MAKE_UP  # 调休上班, a Saturday
    assert grid.kind(date(2026, 3, 7)) is DayKind.WEEKEND
    assert grid.kind(date(2026, 3, 9)) is DayKind.WORKDAY
    assert "春节" in grid.tooltip_text(date(2026, 2, 16))
    assert "调休上班" in grid.tooltip_text(date(2026, 2, 28))
    # Every month is drawn inside the widget, which fits the dialog.
    assert grid.rect().contains(grid.day_rect(date(2026, 12, 31)))
    assert grid.day_at(grid.day_rect(date(2026, 10, 1)).center()) == date(2026, 10, 1)


def test_a_day_is_changed_from_the_mouse_and_the_keyboard(qtbot, editor, sqlite_db):
    grid = editor.grid
    click_day(qtbot, editor, date(2026, 3, 2))
    assert "3月2日 星期一" in editor.day_label.text()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected == date(2026, 3, 10)
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert grid.selected == date(2026, 4, 10)
    editor.note_edit.setFocus()
    editor.note_edit.selectAll()
    editor.note_edit.insert("本地停电")  # as an input method commits it (keyClicks: ASCII only)
    with qtbot.waitSignal(editor.shown):
        qtbot.keyClick(editor, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # 设为休息日(&R)
    assert entry(sqlite_db, date(2026, 4, 10)) == (False, "本地停电")
    assert grid.kind(date(2026, 4, 10)) is DayKind.HOLIDAY
    assert "本地录入" in grid.tooltip_text(date(2026, 4, 10))
    assert grid.selected == date(2026, 4, 10)
    # The note alone, with Enter.
    editor.note_edit.selectAll()
    editor.note_edit.insert("停电检修")
    with qtbot.waitSignal(editor.shown):
        qtbot.keyClick(editor.note_edit, Qt.Key.Key_Return)
    assert entry(sqlite_db, date(2026, 4, 10)) == (False, "停电检修")
    with qtbot.waitSignal(editor.shown):
        qtbot.mouseClick(editor.default_button, Qt.MouseButton.LeftButton)
    assert entry(sqlite_db, date(2026, 4, 10)) is None
    assert grid.kind(date(2026, 4, 10)) is DayKind.WORKDAY
    with sqlite_db.sessions() as session:
        actions = [row.action for row in audit_entries(session)]
    assert actions == ["calendar.days"] * 3


def test_a_year_is_added_in_one_step(qtbot, editor, sqlite_db):
    with qtbot.waitSignal(editor.shown):
        editor.year_spin.setValue(2027)
    assert "2027 年的节假日尚未录入" in editor.year_state.text()
    assert editor.grid.kind(date(2027, 1, 1)) is DayKind.WORKDAY  # Mon–Fri until entered
    with qtbot.waitSignal(editor.shown):
        qtbot.mouseClick(editor.enter_year_button, Qt.MouseButton.LeftButton)
    assert "2027 年已在日历中" in editor.year_state.text()
    assert not editor.enter_year_button.isEnabled()
    with sqlite_db.sessions() as session:
        assert session.get(CalendarYear, 2027) is not None


def made_up_2027() -> str:
    """2026's notice a year later, without the weekdays that would no longer agree."""
    text = (NOTICES / "2026.txt").read_text(encoding="utf-8")
    return re.sub(r"\([^()]*\)", "", text).replace("2026", "2027")


def notice_dialog(qtbot, editor) -> NoticeDialog:
    qtbot.mouseClick(editor.paste_button, Qt.MouseButton.LeftButton)
    dialog = editor.findChild(NoticeDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_a_pasted_notice_is_previewed_then_saved_at_once(qtbot, editor, sqlite_db):
    dialog = notice_dialog(qtbot, editor)
    dialog.text_edit.setPlainText(made_up_2027())
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    assert "读到 2027 年：放假 33 天，调休上班 6 天" in dialog.summary_label.text()
    assert dialog.grid.year == 2027
    assert dialog.grid.kind(date(2027, 2, 16)) is DayKind.HOLIDAY
    assert dialog.grid.kind(date(2027, 2, 28)) is DayKind.MAKE_UP  # a Sunday worked
    assert entry(sqlite_db, date(2027, 2, 16)) is None  # nothing saved before the confirmation
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    with qtbot.waitSignal(editor.shown):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert editor.year_spin.value() == 2027
    assert "2027 年已在日历中" in editor.year_state.text()
    assert editor.grid.kind(date(2027, 10, 1)) is DayKind.HOLIDAY
    assert entry(sqlite_db, date(2027, 2, 16)) == (False, "春节")
    assert entry(sqlite_db, date(2027, 2, 28)) == (True, "春节调休上班")
    with sqlite_db.sessions() as session:
        assert len(session.scalars(select(CalendarDay.day)).all()) == 39
        assert [row.action for row in audit_entries(session)] == ["calendar.notice"]


def test_a_notice_it_cannot_read_shows_the_sentence_and_saves_nothing(qtbot, editor, sqlite_db):
    dialog = notice_dialog(qtbot, editor)
    text = made_up_2027()
    dialog.text_edit.setPlainText(text[: text.index("9月20日")])
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    assert dialog.error_label.isVisible()
    assert "“七、国庆节:10月1日至7日放假调休,共7天”" in dialog.error_label.text()
    assert entry(sqlite_db, date(2027, 2, 16)) is None
    dialog.reject()


def test_read_only_for_other_roles(qtbot, sqlite_db, stop_clock):
    stop_clock(datetime(2026, 6, 1, 9, tzinfo=LOCAL_ZONE))
    with sqlite_db.sessions.begin() as session:
        operator = add_staff(session, "王芳", "operator").id
    log_in_as(StaffMember(operator, "王芳", Role.OPERATOR))
    dialog = CalendarDialog(sqlite_db)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.shown):
        dialog.show()
    assert dialog.read_only_label.isVisible()
    for button in (
        dialog.rest_button,
        dialog.work_button,
        dialog.default_button,
        dialog.paste_button,
        dialog.enter_year_button,
    ):
        assert not button.isEnabled()
    assert not dialog.note_edit.isEnabled()
    qtbot.keyClick(dialog.grid, Qt.Key.Key_Right)  # looking still works
    assert dialog.grid.selected == date(2026, 1, 2)
    operations.cancel_and_wait()


def test_november_warns_once_about_next_year_and_opens_the_editor(qtbot, sqlite_db, stop_clock):
    from ui.main_window import MainWindow

    stop_clock(datetime(2026, 10, 31, 9, tzinfo=LOCAL_ZONE))
    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not operations.busy())
    assert not window.next_year_bar.isVisible()  # October: not yet

    stop_clock(datetime(2026, 11, 2, 9, tzinfo=LOCAL_ZONE))
    window.rebuild()
    bar = window.next_year_bar
    qtbot.waitUntil(bar.isVisible)
    assert "2027 年的节假日安排尚未录入工作日历" in bar.label.text()

    seen = {}

    def enter_the_year_and_close() -> None:
        (editor,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, CalendarDialog)]
        seen["year"] = editor.year_spin.value()
        qtbot.waitUntil(lambda: editor.view is not None)
        with qtbot.waitSignal(editor.shown):
            editor.enter_year_button.click()
        editor.accept()

    QTimer.singleShot(0, enter_the_year_and_close)
    qtbot.mouseClick(bar.open_button, Qt.MouseButton.LeftButton)
    assert seen["year"] == 2027
    qtbot.waitUntil(lambda: not bar.isVisible())
    operations.cancel_and_wait()
