"""The 意见箱、意见簿 tab driven from the keyboard: the day's check (none found in two keys), slips
one after another, the head's talk about a criticism, and the Wednesday notice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QSettings, Qt
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.roles import Role
from app.staff import StaffMember
from db.database import Database
from db.models import Complaint, SuggestionBoxCheck, SuggestionSlip
from ui import operations
from ui.garbage import collect_on_gui_thread
from ui.supervision.suggestion_box_tab import SuggestionBoxTab
from ui.translations import use_language

from .conftest import World, at, make_world

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NOW = at(2026, 9, 30, 16)


@pytest.fixture(autouse=True)
def gui(qapp, qtbot, tmp_path_factory, stop_clock) -> Iterator[None]:
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    collect_on_gui_thread(qapp)
    use_language("zh")
    stop_clock(NOW)
    yield
    assert not operations.busy(), "the test ended with background work still running"


@pytest.fixture
def kept() -> Iterator[list[QWidget]]:
    widgets: list[QWidget] = []
    yield widgets
    widgets.clear()


@pytest.fixture
def world(sqlite_db: Database) -> World:
    with sqlite_db.sessions.begin() as session:
        return make_world(session)


def shown(qtbot: QtBot, kept, db: Database, who: StaffMember) -> SuggestionBoxTab:
    tab = SuggestionBoxTab(db, lambda: who)
    kept.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    with qtbot.waitSignal(tab.loaded):
        tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    return tab


def type_text(widget: QWidget, text: str) -> None:
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def key(qtbot: QtBot, tab: SuggestionBoxTab, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or tab, k, modifier)


def stored(qtbot: QtBot, tab: SuggestionBoxTab, k, modifier=CTRL) -> None:
    """A key that stores something; wait until the screen shows the database again."""
    with qtbot.waitSignal(tab.data_changed, timeout=10_000):
        key(qtbot, tab, k, modifier)
    qtbot.waitSignal(tab.loaded, timeout=10_000).wait()
    qtbot.waitUntil(lambda: not operations.busy())


def test_a_day_typed_from_the_keyboard(
    qtbot: QtBot, kept, sqlite_db: Database, world: World, monkeypatch, tmp_path: Path
):
    operator = StaffMember(world.operator, "李晓燕", Role.OPERATOR)
    tab = shown(qtbot, kept, sqlite_db, operator)
    assert tab.unit_combo.currentData() == world.binhu
    with qtbot.waitSignal(tab.loaded):
        tab.day_edit.setDate(QDate(2026, 9, 29))
    assert "意见箱：未检查" in tab.check_label.text()
    assert "漏查的工作日" in tab.month_label.text()

    # The book: checked, nothing found — two keys.
    key(qtbot, tab, Qt.Key.Key_B, ALT)
    key(qtbot, tab, Qt.Key.Key_Down)
    assert tab.source() == "book"
    stored(qtbot, tab, Qt.Key.Key_0)
    assert "意见簿：12:00 李晓燕 检查，0 条" in tab.check_label.text()

    # The box: two slips found.
    key(qtbot, tab, Qt.Key.Key_B, ALT)
    key(qtbot, tab, Qt.Key.Key_Up)
    key(qtbot, tab, Qt.Key.Key_N, ALT)
    key(qtbot, tab, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    stored(qtbot, tab, Qt.Key.Key_Return)
    assert "待录入 2 条" in tab.check_label.text()
    assert tab.kind_combo.hasFocus()  # straight on to the slips

    # A problem …
    key(qtbot, tab, Qt.Key.Key_C, ALT)
    type_text(QApplication.focusWidget(), "取号机经常卡纸")
    stored(qtbot, tab, Qt.Key.Key_Return)
    assert "JY2026-0001" in tab.message_label.text()
    assert tab.kind_combo.hasFocus() and tab.content_edit.toPlainText() == ""
    # … and a criticism of 张伟.
    key(qtbot, tab, Qt.Key.Key_Down)
    key(qtbot, tab, Qt.Key.Key_Down)
    key(qtbot, tab, Qt.Key.Key_C, ALT)
    type_text(QApplication.focusWidget(), "窗口人员态度生硬")
    key(qtbot, tab, Qt.Key.Key_P, ALT)
    key(qtbot, tab, Qt.Key.Key_Down)
    assert tab.staff_combo.currentText() == "张伟"
    stored(qtbot, tab, Qt.Key.Key_Return)
    assert "待负责人谈话" in tab.message_label.text()
    assert tab.slip_table.rowCount() == 2
    assert tab.slip_table.item(0, 4).text() == "建议 JY2026-0001（待联系）"
    assert tab.criticism_table.rowCount() == 1
    assert "待录入" not in tab.check_label.text()
    assert not tab.talk_button.isEnabled()  # an operator does not hold the talk

    with sqlite_db.sessions() as session:
        checks = session.scalars(
            select(SuggestionBoxCheck).order_by(SuggestionBoxCheck.source)
        ).all()
        assert [(c.source, c.slip_count, c.checked_on) for c in checks] == [
            ("book", 0, date(2026, 9, 29)),
            ("box", 2, date(2026, 9, 29)),
        ]
        complaint = session.scalars(select(Complaint)).one()
        assert (complaint.kind, complaint.channel) == ("suggestion", "suggestion_box")

    # The Wednesday notice: one key, a PDF.
    path = tmp_path / "notice.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(path), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    with qtbot.waitSignal(tab.notice_saved, timeout=10_000):
        key(qtbot, tab, Qt.Key.Key_P, CTRL)
    assert path.read_bytes().startswith(b"%PDF")
    assert "2026-09-30 的公告：2026-09-23 至 2026-09-29" in tab.notice_label.text()


def test_the_head_records_the_talk(qtbot: QtBot, kept, sqlite_db: Database, world: World):
    from app.suggestion_box import record_check, record_slip  # noqa: PLC0415

    with sqlite_db.sessions.begin() as session:
        check = record_check(
            session, unit_id=world.binhu, source="box", day=date(2026, 9, 29), slip_count=1,
            by_id=world.operator, now=NOW,
        )  # fmt: skip
        slip = record_slip(
            session, check.id, kind="criticism", content="窗口聊天", staff_id=world.clerk,
            by_id=world.operator, now=NOW,
        )  # fmt: skip
    lead = StaffMember(world.lead, "王建国", Role.TEAM_LEAD)
    tab = shown(qtbot, kept, sqlite_db, lead)
    assert tab.criticism_table.rowCount() == 1 and tab.talk_button.isEnabled()
    with qtbot.waitSignal(tab.talk_opened) as opened:
        key(qtbot, tab, Qt.Key.Key_T, CTRL)
    dialog = opened.args[0]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, CTRL)  # empty: refused, stays open
    qtbot.waitUntil(lambda: dialog.problem_label.text() != "")
    type_text(dialog.text_edit, "已与张伟谈话")
    with qtbot.waitSignal(tab.data_changed, timeout=10_000):
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: tab.criticism_table.rowCount() == 0)
    qtbot.waitUntil(lambda: not operations.busy())
    with sqlite_db.sessions() as session:
        assert session.get_one(SuggestionSlip, slip.id).acknowledgement == "已与张伟谈话"


def test_an_auditor_may_not_record(qtbot: QtBot, kept, sqlite_db: Database, world: World):
    """The slips hold the writers' names and numbers: an auditor is told why nothing shows."""
    auditor = StaffMember(world.auditor, "赵审计", Role.AUDITOR)
    tab = SuggestionBoxTab(sqlite_db, lambda: auditor)
    kept.append(tab)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: "无权" in tab.message_label.text())
    qtbot.waitUntil(lambda: not operations.busy())
    assert not tab.check_button.isEnabled() and not tab.slip_button.isEnabled()
    assert not tab.notice_button.isEnabled()
    tab.save_no_slips()  # what Ctrl+0 would do: refused before anything is stored
    with sqlite_db.sessions() as session:
        assert session.scalars(select(SuggestionBoxCheck)).all() == []
