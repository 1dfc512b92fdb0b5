"""A 1366×768 screen in either language: the call desk's side tabs show whole, the board's
columns all fit beside a readable width of the respondent's words, and the window opens
maximised on such a screen the first time, then where it was left (issue 16, item 18)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from app.zone import LOCAL_ZONE
from db.database import Database
from tests.callbacks import helpers as h
from ui import operations, preferences
from ui.board.board_model import COL_WORDS
from ui.board.board_tab import WORDS_EM
from ui.main_window import MainWindow
from ui.pages.board_page import BoardPage
from ui.pages.call_desk_page import CallDeskPage

TODAY = date(2026, 10, 13)
LONG_UNIT = "天桥区不动产登记中心第二分中心（北园大街综合服务大厅）"


@pytest.fixture
def crowded_db(sqlite_db: Database) -> Database:
    """Callbacks with long unit names and long words, late and not."""
    with sqlite_db.sessions.begin() as session:
        h.people(session)
        owner = h.unit(session, LONG_UNIT)
        for number in range(12):
            h.callback(
                session,
                owner,
                f"JN2026061252{number:04d}",
                h.local(2026, 9, 1 + number),
                words="窗口人员解释不清楚，材料清单不清楚，来回跑了三趟才办完" * 2,
            )
    return sqlite_db


@pytest.fixture
def big_window(qtbot: QtBot, crowded_db: Database, stop_clock) -> Iterator[MainWindow]:
    stop_clock(datetime.combine(TODAY, time(10), LOCAL_ZONE))
    preferences.OPERATOR.set("王芳")  # the desk shows its form and tabs to an operator
    window = MainWindow(crowded_db, "zh")
    qtbot.addWidget(window)
    window.resize(1280, 680)  # the default size: what a 1366×768 screen shows unmaximised
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not operations.busy())
    yield window
    operations.cancel_and_wait()


def page_of(window: MainWindow, kind: type):
    (page,) = [p for p in window.pages if isinstance(p, kind)]
    return page


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_call_desk_side_tabs_show_whole(
    qtbot: QtBot, big_window: MainWindow, language: str
) -> None:
    if language == "en":
        big_window.language_actions["en"].trigger()
    desk = page_of(big_window, CallDeskPage)
    big_window.navigation.setCurrentRow(big_window.pages.index(desk))
    bar = desk.side_tabs.tabBar()
    qtbot.waitUntil(lambda: bar.isVisible())
    assert bar.width() >= bar.sizeHint().width()
    scroll_arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    assert scroll_arrows == []
    titles = [bar.tabText(i) for i in range(bar.count())]
    assert titles == (
        ["服务用语", "今日", "覆盖率"] if language == "zh" else ["Phrases", "Today", "Coverage"]
    )


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_board_columns_fit_beside_the_words(
    qtbot: QtBot, big_window: MainWindow, language: str
) -> None:
    if language == "en":
        big_window.language_actions["en"].trigger()
    board = page_of(big_window, BoardPage)
    big_window.navigation.setCurrentRow(big_window.pages.index(board))
    tab = board.board_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 12 and not operations.busy())
    table = tab.table
    em = tab.fontMetrics().horizontalAdvance("中")
    widths = [table.columnWidth(c) for c in range(tab.model.columnCount())]

    assert sum(widths) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    assert widths[COL_WORDS] >= WORDS_EM * em
    # A name cut short is whole in its tooltip.
    unit_index = tab.model.index(0, 2)
    assert tab.model.data(unit_index, Qt.ItemDataRole.ToolTipRole) == LONG_UNIT

    big_window.resize(1366, 740)  # maximised: the room goes to the names and the words

    def used() -> int:
        return sum(table.columnWidth(c) for c in range(tab.model.columnCount()))

    qtbot.waitUntil(lambda: used() > sum(widths))
    assert used() <= table.viewport().width()


def test_the_window_opens_maximised_on_a_small_screen_then_where_it_was_left(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    first = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(first)
    assert first.screen().availableGeometry().width() < 1440  # the offscreen screen is small
    first.show_where_left()
    qtbot.waitExposed(first)
    assert first.isMaximized()
    first.showNormal()
    first.setGeometry(40, 50, 1200, 650)
    first.close()
    operations.cancel_and_wait()
    assert preferences.WINDOW_GEOMETRY.get()

    again = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(again)
    again.show_where_left()
    qtbot.waitExposed(again)
    assert not again.isMaximized()
    assert again.height() == 650  # (the offscreen screen is narrower than the window can be)
    again.close()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_page_makes_the_window_wider_than_the_screen(
    qtbot: QtBot, big_window: MainWindow, language: str
) -> None:
    """Every page built, long unit names in the filters: the window still fits 1366 px with a
    frame to spare."""
    if language == "en":
        big_window.language_actions["en"].trigger()
    for row in range(len(big_window.pages)):
        big_window.navigation.setCurrentRow(row)
        qtbot.waitUntil(lambda: not operations.busy())
    assert big_window.minimumSizeHint().width() <= 1366 - 16
