"""The statistics page shows each unit's 差评 handling and evaluation channels (Alt+B), the rates
below 100 % in red, the 差评 upheld as malicious by name, and exports them with the report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTableView
from pytestqt.qtbot import QtBot

from app.zone import LOCAL_ZONE
from db.database import Database
from tests.reports.bad_review_quarter import LIXIA, SHIZHONG, build_quarter
from ui.main_window import MainWindow
from ui.pages.statistics_page import StatisticsPage
from ui.statistics import review_model as r
from ui.statistics.quarterly_model import FAILING


@pytest.fixture
def page(qtbot: QtBot, sqlite_db: Database, stop_clock, window: MainWindow) -> StatisticsPage:
    stop_clock(datetime(2026, 11, 22, 10, tzinfo=LOCAL_ZONE))  # 2026 Q3 is the last complete
    build_quarter(sqlite_db)
    (page,) = [p for p in window.pages if isinstance(p, StatisticsPage)]
    with qtbot.waitSignal(page.operation_finished):
        window.navigation.setCurrentRow(window.pages.index(page))
    return page


def cell(table: QTableView, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return table.model().index(row, column).data(role)


def test_the_units_bad_reviews_and_channels(qtbot: QtBot, page: StatisticsPage) -> None:
    assert page.lower_tabs.tabText(1) == "差评与渠道(&B)"
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert page.lower_tabs.currentIndex() == 1

    table = page.review_table
    rows = {cell(table, row, r.COL_UNIT): row for row in range(table.model().rowCount())}
    assert set(rows) == {LIXIA, SHIZHONG}
    lixia = rows[LIXIA]
    shown = [cell(table, lixia, column) for column in range(table.model().columnCount())]
    assert shown == [
        LIXIA,
        "1",
        "5",
        "1",
        "0",
        "1",
        "4",
        "3",
        "2",
        "66.7%",
        "3",
        "1",
        "33.3%",
        "2",
        "1",
        "1",
    ]
    rate = cell(table, lixia, r.COL_RECTIFY_RATE, Qt.ItemDataRole.ForegroundRole)
    assert rate == FAILING
    shizhong = rows[SHIZHONG]
    assert cell(table, shizhong, r.COL_CALLBACK_RATE) == "0.0%"
    assert cell(table, shizhong, r.COL_RECTIFY_RATE) == "—"
    assert cell(table, shizhong, r.COL_RECTIFY_RATE, Qt.ItemDataRole.ForegroundRole) is None
    header = table.model().headerData(
        r.COL_DEFAULT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "系统默认评价" in header
    text = page.malicious_label.text()
    assert text.startswith("经申诉认定为恶意的差评 1 件（保留原评价，照常计分）")
    assert "A5（历下区登记中心，组长复核（刘组长））" in text

    # The unit filter applies here as to the ranking.
    page.unit_filter.show_only({SHIZHONG})
    assert [cell(table, row, r.COL_UNIT) for row in range(table.model().rowCount())] == [SHIZHONG]
    assert page.malicious_label.text() == "所选单位本季度没有经申诉认定为恶意的差评。"


def test_the_export_carries_them(
    qtbot: QtBot, page: StatisticsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "通报.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["季度通报", "差评与渠道", "恶意差评"]
    values = [row for row in workbook["差评与渠道"].iter_rows(values_only=True) if row[0] == LIXIA]
    assert values[0][6:9] == (4, 3, 2)
