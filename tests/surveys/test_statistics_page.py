"""The survey analysis on the statistics page: chosen from the keyboard, shown, exported (audited)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import AuditEntry, Staff, Unit
from tests.gui.conftest import window  # noqa: F401 (the main window, a fixture)
from tests.surveys.conftest import NOW, World
from tests.surveys.quarter import build_quarter
from ui.pages.statistics_page import SURVEYS, StatisticsPage


def test_the_quarters_surveys_on_the_statistics_page(
    qtbot: QtBot, sqlite_db, stop_clock, tmp_path: Path, monkeypatch, request
):
    stop_clock(NOW)  # last complete quarter: 2026 Q2
    with sqlite_db.sessions.begin() as session:
        units = [Unit(name="滨湖区不动产登记中心"), Unit(name="梁溪区不动产登记中心")]
        session.add_all(units)
        session.flush()
        operator = Staff(name="李晓燕", role="operator")
        session.add(operator)
        session.flush()
        world = World(units[0].id, units[1].id, 0, operator.id, 0)
        build_quarter(session, world)
    main = request.getfixturevalue("window")
    (page,) = [p for p in main.pages if isinstance(p, StatisticsPage)]
    with qtbot.waitSignal(page.operation_finished, timeout=10_000):
        main.navigation.setCurrentRow(main.pages.index(page))
    page.kind_combo.setFocus()
    with qtbot.waitSignal(page.operation_finished, timeout=10_000):
        qtbot.keyClick(page.kind_combo, Qt.Key.Key_Down)
        qtbot.keyClick(page.kind_combo, Qt.Key.Key_Down)
    assert page.kind() == SURVEYS
    assert page.stack.currentWidget() is page.survey_view
    assert page.quarter_combo.isVisible() and page.pdf_button.isEnabled()
    view = page.survey_view
    table = view.summary_table
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names[-1] == "全部网点" and "滨湖区不动产登记中心" in names
    binhu = names.index("滨湖区不动产登记中心")
    assert table.item(binhu, 1).text() == "3"
    assert table.item(binhu, 9).text() == "62.5%"  # 总体满意率
    assert table.item(table.rowCount() - 1, 9).text() == "64.7%"
    table.selectRow(binhu)
    assert "62.5%" in view.detail_title.text()
    assert view.wishes_table.item(0, 1).text() == "增加停车位"
    assert view.wishes_table.item(0, 0).text() == "2"

    target = tmp_path / "调查分析"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.operation_finished, timeout=30_000):
        page.xlsx_button.click()
    assert (tmp_path / "调查分析.xlsx").is_file()
    with qtbot.waitSignal(page.operation_finished, timeout=30_000):
        page.pdf_button.click()
    assert (tmp_path / "调查分析.pdf").read_bytes().startswith(b"%PDF")
    with sqlite_db.sessions.begin() as session:
        exports = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "data.export")
        ).all()
        assert [(e.after["what"], e.after["format"]) for e in exports] == [
            ("survey_analysis", "xlsx"),
            ("survey_analysis", "pdf"),
        ]
