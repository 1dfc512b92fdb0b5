"""The 社会监督 page (issue 21): Ctrl+8 shows it with its four tabs, and what the tabs may do
follows the person at the seat."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.roles import Role
from db.database import Database
from db.models import Staff
from ui.main_window import MainWindow
from ui.pages.supervision_page import SupervisionPage


def test_ctrl_8_opens_the_supervision_page_with_its_tabs(
    window: MainWindow, sqlite_db: Database, qtbot: QtBot
) -> None:
    with sqlite_db.sessions.begin() as session:
        session.add(Staff(name="张组长", role=Role.TEAM_LEAD.value))
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, SupervisionPage)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "满意度调查",
        "意见箱（簿）",
        "网点考核",
        "表扬",
    ]
    qtbot.waitUntil(lambda: page.seat.combo.count() == 2)
    assert page.current_staff() is None
    page.seat.combo.setCurrentIndex(1)
    page.seat.combo.activated.emit(1)
    assert page.current_staff() is not None and page.current_staff().name == "张组长"
    assert "考核网点" in page.seat.hint.text()
