"""The 录音质检 page (issue 22): Ctrl+9 shows quality inspection and the recordings tray, and
what its tabs may do follows the person at the seat."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.roles import Role
from db.database import Database
from db.models import Staff
from ui.main_window import MainWindow
from ui.pages.quality_page import QualityPage


def test_ctrl_9_opens_the_quality_page_and_the_seat_sets_what_it_may_do(
    window: MainWindow, sqlite_db: Database, qtbot: QtBot
) -> None:
    with sqlite_db.sessions.begin() as session:
        session.add(Staff(name="张组长", role=Role.TEAM_LEAD.value))
        session.add(Staff(name="李回访", role=Role.OPERATOR.value, is_operator=True))
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, QualityPage)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "质检抽样与评分",
        "我的质检结果",
        "质检评分表",
        "通话录音",
    ]
    qtbot.waitUntil(lambda: page.seat.combo.count() == 3)
    assert page.current_staff() is None
    names = [page.seat.combo.itemText(i) for i in range(page.seat.combo.count())]
    lead = names.index("张组长（组长）")
    page.seat.combo.setCurrentIndex(lead)
    page.seat.combo.activated.emit(lead)
    assert page.current_staff().name == "张组长"
    assert "评分" in page.seat.hint.text() and "须由组长" not in page.seat.hint.text()
    operator = names.index("李回访（回访员）")
    page.seat.combo.setCurrentIndex(operator)
    page.seat.combo.activated.emit(operator)
    assert page.current_staff().name == "李回访"
    assert "须由组长或管理员" in page.seat.hint.text()
