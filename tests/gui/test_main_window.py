"""The main window: navigation, status bar, and switching the interface language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

import app.i18n
from db.database import Database
from ui import preferences
from ui.main_window import MainWindow
from ui.pages.import_page import ImportPage


def test_the_window_shows_the_pages_and_the_database(
    window: MainWindow, sqlite_db: Database, qtbot: QtBot
) -> None:
    assert window.windowTitle() == "回访台 RevisitDesk"
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == [
        "回访工作台",
        "督办看板",
        "案件查询",
        "导入数据",
        "统计报表",
        "企业回访",
        "扫描归档",
        "社会监督",
        "录音质检",
    ]
    assert window.stack.currentWidget() is window.pages[0]
    assert window.status.url_label.text() == f"数据库：{sqlite_db.display_url()}"
    qtbot.waitUntil(lambda: window.status.counts_label.text() == "业务件 0 件 · 评价 0 条")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "设置(&S)", "管理(&M)", "帮助(&H)"]


def test_switching_to_english_translates_the_window_and_is_remembered(
    window: MainWindow, qtbot: QtBot, samples: Path
) -> None:
    window.language_actions["en"].trigger()

    assert window.navigation.item(0).text() == "Call desk"
    assert window.navigation.item(3).text() == "Import"
    assert window.windowTitle() == "RevisitDesk"
    assert [action.text() for action in window.menuBar().actions()] == [
        "&File",
        "&Settings",
        "&Manage",
        "&Help",
    ]
    (page,) = [p for p in window.pages if isinstance(p, ImportPage)]
    assert page.import_button.text() == "&Import"
    assert page.kind_combo.currentText() == "Case export"
    assert window.language_actions["en"].isChecked()
    assert preferences.saved_language() == "en"
    assert app.i18n.current_language() == "en"

    # app/'s messages follow the interface.
    page.path_edit.setText(str(samples / "missing.csv"))
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    assert page.message_label.text().startswith("File not found")

    window.language_actions["zh"].trigger()
    assert window.navigation.item(3).text() == "导入数据"
    assert preferences.saved_language() == "zh"
    assert app.i18n.current_language() == "zh"


def test_the_language_waits_for_work_under_way(
    window: MainWindow, qtbot: QtBot, sample_cases: Path
) -> None:
    (page,) = [p for p in window.pages if isinstance(p, ImportPage)]
    with qtbot.waitSignal(page.operation_finished):
        page.load_file(sample_cases)
        window.language_actions["en"].trigger()

        assert window.statusBar().currentMessage() == "请等当前操作完成后再切换语言。"
        assert window.language_actions["zh"].isChecked()
        assert window.navigation.item(3).text() == "导入数据"
        assert preferences.saved_language() == "zh"


def test_a_page_is_built_when_it_is_first_shown(window: MainWindow, qtbot: QtBot) -> None:
    from ui.pages.page import Page
    from ui.pages.statistics_page import StatisticsPage

    row = [window.navigation.item(i).text() for i in range(window.navigation.count())].index(
        "统计报表"
    )
    assert not isinstance(window.stack.widget(row), Page)  # a placeholder: nothing loaded yet

    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)

    assert window.navigation.currentRow() == row
    assert isinstance(window.stack.currentWidget(), StatisticsPage)
    assert window.stack.indexOf(window.stack.currentWidget()) == row
    assert window.pages[row] is window.stack.currentWidget()


def test_the_file_menu_is_filled_when_first_opened(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert [action.text() for action in file_menu.actions()] == []
    assert any(
        action.shortcut().matches(QKeySequence(QKeySequence.StandardKey.Quit))
        == QKeySequence.SequenceMatch.ExactMatch
        for action in window.actions()
    )  # Ctrl+Q works before the menu was opened

    file_menu.aboutToShow.emit()

    texts = [action.text() for action in file_menu.actions() if not action.isSeparator()]
    assert texts[-2:] == ["网点同步(&Y)", "退出(&X)"]
    assert len(texts) > 2  # the backup actions come first
    admin_menu = window.menuBar().actions()[2].menu()
    admin_menu.aboutToShow.emit()
    assert admin_menu.actions()
