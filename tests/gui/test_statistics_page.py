"""The statistics page driven as the assessment office would: choose the quarter, read the ranking,
filter units, open a unit's cases, export; and the month's phone-revisit analysis."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QTableView
from pytestqt.qtbot import QtBot

from app.importing import import_file
from app.reports.monthly import monthly_analysis
from app.reports.quarterly import quarterly_report, supplement_calendar_year
from app.reports.unit_cases import unit_cases
from app.zone import LOCAL_ZONE
from db.database import Database
from ui.main_window import MainWindow
from ui.pages.statistics_page import StatisticsPage
from ui.statistics import ledger_model as ledger
from ui.statistics import quarterly_model as q
from ui.statistics.monthly_view import CALLBACK_COLUMNS
from ui.statistics.unit_cases_dialog import UnitCasesDialog
from ui.statistics.unit_cases_model import COL_SCORE

SAMPLE_FILES = (
    ("cases", "cases_2026q3.csv"),
    ("evaluations", "evaluations_2026q3.xlsx"),
    ("ledger", "ledger_2026q3.xlsx"),
)
HUAIYIN = "槐荫区不动产登记中心"
LIXIA = "历下区不动产登记中心"
RED = "#b3261e"


@pytest.fixture(autouse=True)
def pinned_today(stop_clock) -> None:
    """Today is 22 November 2026: the last complete quarter is 2026 Q3, its deadline passed."""
    stop_clock(datetime(2026, 11, 22, 10, tzinfo=LOCAL_ZONE))


@pytest.fixture
def imported(sqlite_db: Database, samples: Path) -> Database:
    with sqlite_db.sessions.begin() as session:
        for kind, name in SAMPLE_FILES:
            import_file(session, kind, samples / name)
    return sqlite_db


@pytest.fixture
def expected(samples: Path) -> dict:
    return json.loads((samples / "expected_quarterly_2026q3.json").read_text(encoding="utf-8"))


def open_statistics(qtbot: QtBot, window: MainWindow) -> StatisticsPage:
    """Click the page in the navigation; return once its first computation is on screen."""
    row = next(i for i, p in enumerate(window.pages) if isinstance(p, StatisticsPage))
    page = window.pages[row]
    assert isinstance(page, StatisticsPage)
    item_rect = window.navigation.visualItemRect(window.navigation.item(row))
    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(
            window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center()
        )
    assert window.stack.currentWidget() is page
    return page


@pytest.fixture
def page(qtbot: QtBot, imported: Database, window: MainWindow) -> StatisticsPage:
    return open_statistics(qtbot, window)


def cell(table: QTableView, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return table.model().index(row, column).data(role)


def shown_units(page: StatisticsPage) -> list[str]:
    table = page.quarterly_table
    return [cell(table, row, q.COL_UNIT) for row in range(table.model().rowCount())]


def click_header(qtbot: QtBot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def row_of(table: QTableView, unit: str, column: int = q.COL_UNIT) -> int:
    model = table.model()
    return next(r for r in range(model.rowCount()) if cell(table, r, column) == unit)


def test_the_quarter_shows_the_ranking_of_the_samples(
    qtbot: QtBot, page: StatisticsPage, expected: dict
) -> None:
    # The last complete quarter is chosen at first.
    assert page.kind_combo.currentText() == "季度"
    assert page.year_spin.value() == 2026
    assert page.quarter_combo.currentText() == "第三季度"

    # Another quarter and back, from the keyboard.
    page.quarter_combo.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.quarter_combo, Qt.Key.Key_Up)
    assert page.quarter_combo.currentText() == "第二季度"
    assert page.summary_label.text().startswith("2026年第二季度（2026-04-01 至 2026-06-30）")
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.quarter_combo, Qt.Key.Key_Down)
    assert page.quarter_combo.currentText() == "第三季度"

    table = page.quarterly_table
    assert table.model().rowCount() == 7
    headers = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(13)]
    assert headers == [
        "排名",
        "受理单位",
        "办结业务量",
        "有效回访量",
        "网上",
        "电话",
        "企业",
        "覆盖率 %",
        "达标",
        "得分合计",
        "平均分",
        "未填报",
        "等次",
    ]
    assert (cell(table, 0, q.COL_RANK), cell(table, 0, q.COL_UNIT)) == ("1", HUAIYIN)
    assert cell(table, 0, q.COL_SCORE_TOTAL) == "47"
    shown = [
        {
            "unit": cell(table, row, q.COL_UNIT),
            "cases": int(cell(table, row, q.COL_CASES)),
            "revisited": int(cell(table, row, q.COL_REVISITED)),
            "online": int(cell(table, row, q.COL_ONLINE)),
            "phone": int(cell(table, row, q.COL_PHONE)),
            "score_total": int(cell(table, row, q.COL_SCORE_TOTAL)),
            "coverage": cell(table, row, q.COL_COVERAGE),
            "meets_target": cell(table, row, q.COL_MEETS_TARGET) == "是",
            "rank": int(cell(table, row, q.COL_RANK)),
        }
        for row in range(7)
    ]
    assert shown == [
        {**unit, "coverage": f"{unit['coverage'] * 100:.1f}"} for unit in expected["units"]
    ]

    # Below target and 不合格 in red; the rest in the normal colour.
    lixia = row_of(table, LIXIA)
    assert cell(table, lixia, q.COL_COVERAGE) == "25.0"
    red = Qt.ItemDataRole.ForegroundRole
    assert cell(table, lixia, q.COL_COVERAGE, red).name() == RED
    assert cell(table, lixia, q.COL_GRADE) == "不合格"
    assert cell(table, lixia, q.COL_GRADE, red).name() == RED
    assert cell(table, 0, q.COL_COVERAGE, red) is None
    assert cell(table, 0, q.COL_GRADE) == "合格"
    assert "还差 3 件" in cell(table, lixia, q.COL_COVERAGE, Qt.ItemDataRole.ToolTipRole)

    summary = page.summary_label.text()
    assert summary.startswith("2026年第三季度（2026-07-01 至 2026-09-30）")
    assert "覆盖率目标 30%" in summary
    assert "未达标单位补报截止 2026-10-10" in summary
    assert "2 个单位低于目标" in summary

    # The charts: score totals by rank (the first unit on top, i.e. last from the bottom).
    series = page.score_chart.chart().series()[0]
    assert [series.barSets()[0].at(i) for i in range(7)] == [
        u["score_total"] for u in reversed(expected["units"])
    ]
    coverage = page.coverage_chart.chart().series()
    assert coverage[1].name() == "目标 30%"
    below = coverage[0].barSets()[0].selectedBars()
    assert sorted(below) == [0, 2]  # 历城区 and 历下区, counted from the bottom


def test_f5_computes_again_and_sorting_by_a_column(qtbot: QtBot, page: StatisticsPage) -> None:
    page.quarterly_table.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.quarterly_table, Qt.Key.Key_F5)
    assert page.quarterly_table.model().rowCount() == 7

    click_header(qtbot, page.quarterly_table, q.COL_CASES)
    cases = [int(cell(page.quarterly_table, r, q.COL_CASES)) for r in range(7)]
    assert cases == sorted(cases)


def test_filtering_to_two_units(qtbot: QtBot, page: StatisticsPage) -> None:
    qtbot.mouseClick(page.unit_filter, Qt.MouseButton.LeftButton)
    menu = page.unit_filter.menu
    qtbot.waitUntil(menu.isVisible)
    for unit, action in page.unit_filter.unit_actions.items():
        if unit not in (HUAIYIN, LIXIA):
            qtbot.mouseClick(
                menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center()
            )
    assert menu.isVisible()  # open for the next unit until the operator is done
    menu.close()

    assert shown_units(page) == [HUAIYIN, LIXIA]
    assert [cell(page.quarterly_table, r, q.COL_RANK) for r in range(2)] == ["1", "5"]
    assert page.unit_filter.text() == "单位：2 / 7 ▾"
    bars = page.score_chart.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [28, 47]

    # Computing again keeps the choice.
    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert shown_units(page) == [HUAIYIN, LIXIA]

    page.unit_filter.all_action.trigger()
    assert len(shown_units(page)) == 7
    assert page.unit_filter.text() == "单位：全部 ▾"


def wait_for_dialog(qtbot: QtBot, page: StatisticsPage) -> UnitCasesDialog:
    qtbot.waitUntil(lambda: page.unit_cases_dialog is not None)
    dialog = page.unit_cases_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    return dialog


def test_double_clicking_a_unit_lists_its_cases(qtbot: QtBot, page: StatisticsPage) -> None:
    table = page.quarterly_table
    where = table.visualRect(table.model().index(0, q.COL_UNIT)).center()
    # A real double click: Qt 6's mouseDClick sends only the second press.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)

    dialog = wait_for_dialog(qtbot, page)
    assert dialog.windowTitle() == f"{HUAIYIN} · 2026年第三季度办结的业务件"
    assert dialog.isVisible()
    assert dialog.table.model().rowCount() == 57
    assert dialog.summary_label.text() == (
        "共 57 件，有效回访 27 件（网上 20，电话 7，企业 0），未填报 7 件，得分合计 47。"
    )
    scores = [dialog.table.model().index(r, COL_SCORE).data() for r in range(57)]
    assert sum(int(s) for s in scores if s) == 47
    assert scores.count("") == 57 - 27 - 7  # neither revisited nor an enterprise case

    # Sortable by clicking a header; searchable.
    click_header(qtbot, dialog.table, COL_SCORE)
    by_score = [dialog.table.model().index(r, COL_SCORE).data() for r in range(57)]
    assert by_score == sorted(by_score, key=lambda s: int(s) if s else -1)
    assert by_score[0] == "" and by_score[-1] == max(scores, key=lambda s: int(s) if s else -1)
    first_case = dialog.model.rows()[0].case_no
    qtbot.keyClicks(dialog.search_edit, first_case)
    assert dialog.table.model().rowCount() == 1

    dialog.close()
    qtbot.waitUntil(lambda: page.unit_cases_dialog is None)


def test_enter_on_a_unit_lists_its_cases(qtbot: QtBot, page: StatisticsPage) -> None:
    table = page.quarterly_table
    table.setFocus()
    table.setCurrentIndex(table.model().index(row_of(table, LIXIA), q.COL_UNIT))
    qtbot.keyClick(table, Qt.Key.Key_Return)

    dialog = wait_for_dialog(qtbot, page)
    assert dialog.windowTitle().startswith(LIXIA)
    assert dialog.table.model().rowCount() == 52
    dialog.close()


def test_unit_cases_add_up_to_the_quarterly_report(imported: Database) -> None:
    with imported.sessions() as session:
        report = quarterly_report(session, 2026, 3, today=date(2026, 11, 22))
        for unit in report.units:
            rows = unit_cases(session, unit.unit, report.start, report.end)
            assert len(rows) == unit.cases
            assert sum(1 for r in rows if r.channel is not None) == unit.revisited
            assert sum(r.score or 0 for r in rows) == unit.score_total
            assert sum(1 for r in rows if r.unreported) == unit.unreported_enterprise
        assert unit_cases(session, "没有这个单位", report.start, report.end) == []


def test_exporting_the_quarter(
    qtbot: QtBot,
    window: MainWindow,
    page: StatisticsPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "q3"  # no suffix typed: the format's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    xlsx = tmp_path / "q3.xlsx"
    assert page.message_label.text() == f"已导出到 {xlsx}"
    assert window.statusBar().currentMessage() == f"已导出到 {xlsx}"
    cells = [
        str(value)
        for row in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert HUAIYIN in cells

    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "q3.pdf").read_bytes().startswith(b"%PDF")

    # A folder that does not exist: said on the page, nothing else happens.
    missing = tmp_path / "nowhere" / "q3.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    assert page.message_label.text().startswith(f"没有导出 {missing}：")
    assert page.xlsx_button.isEnabled()


def test_the_month_shows_the_phone_revisit_analysis(
    qtbot: QtBot,
    page: StatisticsPage,
    imported: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.kind_combo.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.kind_combo, Qt.Key.Key_Down)
    assert page.kind_combo.currentText() == "月度"
    assert page.month_combo.isVisible() and not page.quarter_combo.isVisible()
    assert not page.pdf_button.isVisible()
    assert page.month_combo.currentText() == "10 月"  # the last month before today

    page.month_combo.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClicks(page.month_combo, "8")
    assert page.month_combo.currentText() == "8 月"
    assert page.summary_label.text().startswith("2026年8月（2026-08-01 至 2026-08-31）")

    with imported.sessions() as session:
        analysis = monthly_analysis(session, 2026, 8)
    view = page.monthly_view
    revisit = analysis.revisit
    assert revisit.calls > 0 and revisit.cases_completed > 0
    assert view.rate_label.text().startswith(
        f"本月拨打 {revisit.calls} 次，涉及 {revisit.cases_attempted} 件业务件；"
        f"回访成功 {revisit.cases_completed} 件"
    )
    failures = view.failure_model
    assert [
        (failures.index(r, 0).data(), int(failures.index(r, 1).data()))
        for r in range(failures.rowCount())
    ] == [(o.label, o.count) for o in revisit.failure_reasons]
    assert view.phone_satisfaction_box.title() == (
        f"电话回访（首轮）：{analysis.satisfaction_phone.evaluations} 条评价"
    )
    overall = view.all_satisfaction_model
    assert overall.index(0, 0).data() == "总体情况"
    assert int(overall.index(0, 2).data()) == analysis.satisfaction_all.items[0].counts["satisfied"]
    assert view.unit_model.rowCount() == len(analysis.units) == 7
    assert view.entry_model.rowCount() == analysis.dissatisfaction.evaluations > 0
    no_callbacks = analysis.dissatisfaction.with_callback == 0
    assert [view.entry_table.isColumnHidden(c) for c in CALLBACK_COLUMNS] == [no_callbacks] * 3

    # The unit filter applies to the units' figures and the dissatisfied answers.
    page.unit_filter.show_only({HUAIYIN})
    assert [view.unit_model.index(r, 0).data() for r in range(view.unit_model.rowCount())] == [
        HUAIYIN
    ]
    assert {view.entry_model.index(r, 2).data() for r in range(view.entry_model.rowCount())} == {
        HUAIYIN
    }

    target = tmp_path / "august.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    assert page.message_label.text() == f"已导出到 {target}"
    assert len(openpyxl.load_workbook(target).sheetnames) > 1


def test_an_empty_database_shows_an_empty_quarter(qtbot: QtBot, window: MainWindow) -> None:
    page = open_statistics(qtbot, window)
    assert page.quarterly_table.model().rowCount() == 0
    assert page.summary_label.text().endswith("这个季度没有办结的业务件")
    assert page.score_chart.chart().series()[0].barSets()[0].count() == 0


def test_the_page_in_english(qtbot: QtBot, imported: Database, window: MainWindow) -> None:
    window.language_actions["en"].trigger()
    page = open_statistics(qtbot, window)
    assert window.navigation.currentItem().text() == "Statistics"
    assert page.quarter_combo.currentText() == "Q3"
    assert page.quarterly_table.model().headerData(0, Qt.Orientation.Horizontal) == "Rank"
    lixia = row_of(page.quarterly_table, LIXIA)
    assert cell(page.quarterly_table, lixia, q.COL_GRADE) == "Fail"
    assert page.summary_label.text().startswith("Q3 2026 (2026-07-01 to 2026-09-30)")
    assert page.refresh_button.text() == "&Refresh"

    # The month's tables too, and all of it fits a 1366-pixel screen beside the navigation.
    with qtbot.waitSignal(page.operation_finished):
        page.kind_combo.setCurrentIndex(page.kind_combo.findText("Monthly"))
    with qtbot.waitSignal(page.operation_finished):
        page.month_combo.setCurrentIndex(page.month_combo.findText("08"))
    assert page.summary_label.text().startswith("Phone revisit analysis, 2026-08")
    assert page.monthly_view.all_satisfaction_model.index(0, 0).data() == "Overall"
    room = 1366 - window.navigation.width() - 40
    assert page.minimumSizeHint().width() <= room


def test_the_month_lists_its_calls_as_the_ledger(
    qtbot: QtBot, page: StatisticsPage, imported: Database
) -> None:
    with qtbot.waitSignal(page.operation_finished):
        page.kind_combo.setCurrentIndex(page.kind_combo.findText("月度"))
    with qtbot.waitSignal(page.operation_finished):
        page.month_combo.setCurrentIndex(page.month_combo.findText("8 月"))
    with imported.sessions() as session:
        analysis = monthly_analysis(session, 2026, 8)
    assert len(analysis.ledger_rows) == analysis.revisit.calls == 36

    view = page.monthly_view
    tab = view.indexOf(view.ledger_table.parentWidget())
    assert view.tabText(tab) == "回访记录单(&6)"
    view.setCurrentIndex(tab)
    assert view.ledger_table.isVisible()

    table = view.ledger_table
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["序号", "日期", "人员姓名", "座落", "业务类型", "联系方式", "回访情况"]
    assert model.rowCount() == 36
    assert view.ledger_label.text().endswith("36 条拨打记录。")
    assert "导出 Excel" in view.ledger_hint.text() and "完整电话号码" in view.ledger_hint.text()

    rows = [[cell(table, r, c) for c in range(7)] for r in range(36)]
    for r, (shown, line) in enumerate(zip(rows, analysis.ledger_rows, strict=True)):
        assert shown[ledger.COL_SEQ] == str(line.seq)
        assert shown[ledger.COL_DATE] == line.day.isoformat()
        assert shown[ledger.COL_PERSON] == (line.person or "")
        assert shown[ledger.COL_LOCATION] == (line.location or "")
        assert shown[ledger.COL_BUSINESS_TYPE] == (line.business_type or "")
        assert shown[ledger.COL_OUTCOME] == line.outcome_label
        # A list on screen: the number's middle hidden, its last four digits kept.
        assert "****" in shown[ledger.COL_CONTACT]
        assert line.contact and line.contact not in shown[ledger.COL_CONTACT]
        assert shown[ledger.COL_CONTACT].endswith(line.contact[-4:])
        assert line.contact not in cell(table, r, ledger.COL_CONTACT, Qt.ItemDataRole.ToolTipRole)
    assert {row[ledger.COL_OUTCOME] for row in rows} >= {"已回访", "无人接听", "拒访"}
    tip = cell(table, 0, ledger.COL_LOCATION, Qt.ItemDataRole.ToolTipRole)
    assert analysis.ledger_rows[0].case_no in tip and analysis.ledger_rows[0].unit in tip

    # Sortable by clicking a header; the ledger's order again by 序号.
    click_header(qtbot, table, ledger.COL_OUTCOME)
    outcomes = [cell(table, r, ledger.COL_OUTCOME) for r in range(36)]
    assert outcomes == sorted(outcomes)
    click_header(qtbot, table, ledger.COL_SEQ)
    seqs = [int(cell(table, r, ledger.COL_SEQ)) for r in range(36)]
    assert seqs in (list(range(1, 37)), list(range(36, 0, -1)))

    # The unit filter applies; the numbers go on from the month's ledger.
    page.unit_filter.show_only({HUAIYIN})
    huaiyin = [line for line in analysis.ledger_rows if line.unit == HUAIYIN]
    assert 0 < model.rowCount() == len(huaiyin) < 36
    assert sorted(int(cell(table, r, ledger.COL_SEQ)) for r in range(model.rowCount())) == [
        line.seq for line in huaiyin
    ]
    assert view.ledger_label.text().endswith(f"{len(huaiyin)} 条拨打记录。")


def test_the_ledger_in_english(qtbot: QtBot, imported: Database, window: MainWindow) -> None:
    window.language_actions["en"].trigger()
    page = open_statistics(qtbot, window)
    with qtbot.waitSignal(page.operation_finished):
        page.kind_combo.setCurrentIndex(page.kind_combo.findText("Monthly"))
    with qtbot.waitSignal(page.operation_finished):
        page.month_combo.setCurrentIndex(page.month_combo.findText("08"))
    view = page.monthly_view
    assert view.tabText(view.indexOf(view.ledger_table.parentWidget())) == "Call ledger (&6)"
    table = view.ledger_table
    headers = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["No.", "Date", "Name", "Location", "Business type", "Contact", "Outcome"]
    outcomes = {cell(table, r, ledger.COL_OUTCOME) for r in range(table.model().rowCount())}
    assert {"Completed", "No answer", "Refused"} <= outcomes
    assert view.ledger_label.text() == "Phone revisit ledger (Appendix F, Table F.1): 36 calls."
    assert cell(table, 0, ledger.COL_CONTACT, Qt.ItemDataRole.ToolTipRole).startswith("Case no. ")


def test_q4_asks_for_the_next_years_calendar_on_the_page_and_in_the_export(
    qtbot: QtBot, page: StatisticsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Q4's supplement deadline falls in January: the page and the export both ask for the
    calendar of the next year (the page said the quarter's own year)."""
    assert supplement_calendar_year(2026, 4) == 2027
    assert supplement_calendar_year(2026, 3) == 2026
    page.quarter_combo.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.quarter_combo, Qt.Key.Key_Down)  # 第三季度 → 第四季度
    assert page.report is not None and page.report.quarter == 4
    assert page.report.supplement_deadline is None  # the samples' calendar ends with 2026
    assert "工作日历尚未录入 2027 年" in page.summary_label.text()

    target = tmp_path / "q4.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    cells = "\n".join(
        str(value)
        for row in openpyxl.load_workbook(target).active.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    assert "2027年的节假日安排尚未录入工作日历" in cells
