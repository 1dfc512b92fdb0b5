"""The team lead's feedback and assessment tabs driven as a team lead would: read the quarter,
choose a unit, filter, export; open a person's cases; and the roles that see no figures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTableView
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from app.roles import Role
from app.staff import StaffMember
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import Complaint, Staff, Unit
from tests.reports.feedback_data import CITY_HALL, HUAIYIN, LIXIA, TIANQIAO, at, seed_quarter
from tests.reports.qc_data import LI, ZHOU, seed_quality
from ui import operations
from ui.feedback import AssessmentTab, UnitFeedbackTab
from ui.feedback import assessment_models as a
from ui.feedback import assessment_tab as qc
from ui.feedback import feedback_models as f
from ui.feedback.work_orders_dialog import WorkOrdersDialog

RED = "#b3261e"
LEAD = StaffMember(900, "王组长", Role.TEAM_LEAD)
OPERATOR = StaffMember(901, "李强", Role.OPERATOR)
AUDITOR = StaffMember(902, "赵审计", Role.AUDITOR)


@pytest.fixture(autouse=True)
def pinned_today(stop_clock) -> None:
    """Today is 15 August 2026: the current quarter is 2026 Q3."""
    stop_clock(datetime(2026, 8, 15, 10, tzinfo=LOCAL_ZONE))


@pytest.fixture(autouse=True)
def background_work_done() -> Iterator[None]:
    yield
    operations.cancel_and_wait()


@pytest.fixture
def seeded(sqlite_db: Database) -> tuple[Database, dict[str, int]]:
    ids = seed_quarter(sqlite_db)
    # The people who take the seat, as the services find them (they check the role themselves).
    with sqlite_db.sessions.begin() as session:
        for person in (LEAD, OPERATOR, AUDITOR):
            session.add(Staff(id=person.id, name=person.name, role=person.role.value))
    return sqlite_db, ids


class Seat:
    """Who sits at the seat: the tabs ask each time."""

    def __init__(self, user: StaffMember | None) -> None:
        self.user = user

    def __call__(self) -> StaffMember | None:
        return self.user


def show(qtbot: QtBot, tab: UnitFeedbackTab | AssessmentTab) -> None:
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    with qtbot.waitSignal(tab.operation_finished):
        tab.show()
    qtbot.waitExposed(tab)
    activate(qtbot, tab)


def activate(qtbot: QtBot, tab: UnitFeedbackTab | AssessmentTab) -> None:
    """The tab's window takes the keyboard, as a window does when clicked (or a dialog over it
    closes): its shortcuts work only then."""
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)


def cell(table: QTableView, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return table.model().index(row, column).data(role)


def column(table: QTableView, number: int) -> list[str]:
    return [cell(table, row, number) for row in range(table.model().rowCount())]


def click_row(qtbot: QtBot, table: QTableView, row: int, col: int = 0) -> None:
    where = table.visualRect(table.model().index(row, col)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def sheets(path: Path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_each_units_list_with_what_was_done(qtbot: QtBot, seeded, tmp_path, monkeypatch) -> None:
    database, _ids = seeded
    tab = UnitFeedbackTab(database, Seat(LEAD))
    show(qtbot, tab)

    # The current quarter at first.
    assert (tab.bar.year_spin.value(), tab.bar.quarter_combo.currentText()) == (2026, "第三季度")
    assert tab.summary_label.text().startswith(
        "2026年第三季度（2026-07-01 至 2026-09-30）　5 个单位，共 10 条：评价建议 3，投诉 3，"
        "意见建议 1，不满意回访 3；尚在办理 5 条"
    )
    units = tab.units_table
    assert units.model().headerData(0, Qt.Orientation.Horizontal) == "受理单位（登记大厅）"
    assert column(units, f.COL_UNIT) == [LIXIA, TIANQIAO, CITY_HALL, HUAIYIN, "（未指明受理单位）"]
    assert [cell(units, 0, c) for c in range(8)] == [LIXIA, "历下区", "3", "0", "1", "2", "6", "2"]
    assert cell(units, 0, f.COL_PENDING, Qt.ItemDataRole.ForegroundRole).name() == RED

    # The first unit is chosen: its list below, with what was done.
    entries = tab.entries_table
    assert tab.entries_title.text() == "历下区不动产登记中心（历下区）：6 条，尚在办理 2 条"
    assert column(entries, f.COL_SOURCE) == [
        "评价建议",
        "不满意回访",
        "评价建议",
        "评价建议",
        "不满意回访",
        "意见建议",
    ]
    assert [cell(entries, 3, c) for c in (f.COL_CASE_NO, f.COL_CONTENT, f.COL_STATUS)] == [
        "LX-0002",
        "希望大厅能提供停车位",
        "已反馈单位",
    ]
    assert cell(entries, 4, f.COL_ACTION) == "已电话联系，申请人同意等待单位负责人上门说明"
    assert cell(entries, 4, f.COL_STATUS, Qt.ItemDataRole.ForegroundRole).name() == RED
    assert cell(entries, 4, f.COL_CONTENT, Qt.ItemDataRole.ToolTipRole) == "窗口人员态度不好"

    # Another unit, by mouse; the quiet one says so.
    click_row(qtbot, units, 3)
    assert tab.entries_title.text() == "槐荫区不动产登记中心（槐荫区）：2 条，尚在办理 1 条"
    assert column(entries, f.COL_ACTION) == ["已约谈当事人并向投诉人致歉", ""]
    click_row(qtbot, units, 1)
    assert (
        tab.entries_title.text()
        == "天桥区不动产登记中心（天桥区）：本季度没有建议、投诉或不满意回访"
    )
    assert entries.model().rowCount() == 0

    # The database changes elsewhere; F5 reads it again and keeps the unit chosen.
    with database.sessions.begin() as session:
        session.add(
            Complaint(
                number="TS-005",
                unit_id=session.scalar(select(Unit.id).where(Unit.name == HUAIYIN)),
                kind="complaint",
                channel="phone",
                received_at=at("2026-09-20"),
                content="办证大厅空调太冷",
            )
        )
    click_row(qtbot, units, 3)
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.keyClick(units, Qt.Key.Key_F5)
    assert [cell(units, 3, c) for c in (f.COL_UNIT, f.COL_COMPLAINTS, f.COL_PENDING)] == [
        HUAIYIN,
        "2",
        "2",
    ]
    assert column(entries, f.COL_CONTENT) == [
        "工作人员态度生硬，不耐心解释",
        "办证大厅空调太冷",
        "材料要求多/反复提交",
    ]

    # Only 槐荫区 on screen: the export is that unit's.
    for name, action in tab.bar.unit_filter.unit_actions.items():
        if name != HUAIYIN:
            action.trigger()
    assert column(units, f.COL_UNIT) == [HUAIYIN]
    assert tab.bar.unit_filter.text() == "单位：1 / 5 ▾"
    target = tmp_path / "槐荫"  # no suffix typed: .xlsx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.keyClick(units, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    written = tmp_path / "槐荫.xlsx"
    assert tab.message_label.text() == f"已导出到 {written}"
    book = sheets(written)
    assert list(book) == ["汇总", HUAIYIN]
    assert any(row[0] == HUAIYIN and row[3] == 2 for row in book["汇总"])

    # A folder that does not exist: said on the tab, nothing else happens.
    missing = tmp_path / "nowhere" / "q3.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.mouseClick(tab.bar.export_button, Qt.MouseButton.LeftButton)
    assert tab.message_label.text().startswith(f"没有导出 {missing}：")
    assert tab.bar.export_button.isEnabled()


def test_another_quarter_from_the_keyboard(qtbot: QtBot, seeded) -> None:
    database, _ids = seeded
    tab = UnitFeedbackTab(database, Seat(LEAD))
    show(qtbot, tab)
    tab.bar.quarter_combo.setFocus()
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.keyClick(tab.bar.quarter_combo, Qt.Key.Key_Down)
    assert tab.bar.quarter_combo.currentText() == "第四季度"
    assert tab.summary_label.text().startswith("2026年第四季度（2026-10-01 至 2026-12-31）")
    units = tab.units_table
    huaiyin = column(units, f.COL_UNIT).index(HUAIYIN)
    assert [cell(units, huaiyin, c) for c in (f.COL_COMPLAINTS, f.COL_DISSATISFIED)] == ["1", "1"]


def test_staff_assessment_and_the_cases_behind_it(
    qtbot: QtBot, seeded, tmp_path, monkeypatch
) -> None:
    database, _ids = seeded
    tab = AssessmentTab(database, Seat(LEAD))
    show(qtbot, tab)

    table = tab.table
    assert tab.stack.currentWidget() is table
    headers = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["排名", "经办人", "所属单位", "不满意工单", "投诉工单", "合计"]
    assert [[cell(table, r, c) for c in range(6)] for r in range(table.model().rowCount())] == [
        ["1", "杨帆", HUAIYIN, "1", "1", "2"],
        ["2", "周立群", CITY_HALL, "0", "1", "1"],
        ["2", "程晓东", CITY_HALL, "0", "1", "1"],
        ["2", "张晓燕", LIXIA, "1", "0", "1"],
        ["2", "李明辉", LIXIA, "1", "0", "1"],
    ]
    assert tab.summary_label.text() == (
        "2026年第三季度（2026-07-01 至 2026-09-30）　5 人有工单：不满意工单 3 件，投诉工单 3 件"
        "　·　双击人员（或按回车）查看其业务件"
    )
    # No call of the quarter was scored: one line says so, and the ranking keeps the room.
    assert tab.quality_label.text() == "回访质检(&J)：本季度拨打的通话中没有已评分的"
    laid_out(qtbot, tab)
    assert tab.quality_label.isVisible()
    assert not tab.quality_table.isVisible()
    assert tab.quality_section.height() < 80 < table.height()

    # A real double click on 杨帆 (Qt 6's mouseDClick sends only the second press).
    where = table.visualRect(table.model().index(0, a.COL_NAME)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = wait_for_dialog(qtbot, tab)
    assert dialog.windowTitle() == "杨帆 · 2026年第三季度的不满意及投诉工单"
    orders = dialog.table
    assert [[cell(orders, r, c) for c in range(9)] for r in range(2)] == [
        [
            "HY-0001",
            "二手房转移登记",
            "2026-08-03",
            "投诉工单",
            "2026-08-10",
            "TS-001",
            "现场协调类",
            "经办、被投诉人员",
            "已办结",
        ],
        [
            "HY-0002",
            "变更登记",
            "2026-09-25",
            "不满意工单",
            "2026-09-30",
            "",
            "材料要求多/反复提交",
            "经办",
            "待分派",
        ],
    ]
    assert cell(orders, 1, a.COL_STATUS, Qt.ItemDataRole.ForegroundRole).name() == RED
    assert dialog.summary_label.text() == (
        f"{HUAIYIN}　不满意工单 1 件，投诉工单 1 件，涉及业务件 2 件，尚在办理 1 件。"
    )
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.work_orders_dialog is None)

    # Enter on 程晓东: named in a complaint about a case someone else handled.
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, a.COL_NAME))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = wait_for_dialog(qtbot, tab)
    assert dialog.windowTitle().startswith("程晓东 · ")
    assert column(dialog.table, a.COL_WHY) == ["被投诉人员"]
    dialog.close()
    qtbot.waitUntil(lambda: tab.work_orders_dialog is None)

    # The people of one unit, exported with their work orders only.
    activate(qtbot, tab)
    for name, action in tab.bar.unit_filter.unit_actions.items():
        if name != LIXIA:
            action.trigger()
    assert column(table, a.COL_NAME) == ["张晓燕", "李明辉"]
    target = tmp_path / "考核.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert tab.message_label.text() == f"已导出到 {target}"
    book = sheets(target)
    assert list(book) == ["考核汇总", "工单明细", "回访质检"]
    details = [row for row in book["工单明细"] if isinstance(row[0], float) and row[0]]
    assert [(row[1], row[4]) for row in details] == [("张晓燕", "LX-0001"), ("李明辉", "LX-0003")]


def test_the_operators_quality_inspection_beside_the_ranking(
    qtbot: QtBot, seeded, tmp_path, monkeypatch
) -> None:
    database, _ids = seeded
    seed_quality(database)
    tab = AssessmentTab(database, Seat(LEAD))
    show(qtbot, tab)

    quality = tab.quality_table
    laid_out(qtbot, tab)
    assert tab.quality_section.isVisible() and quality.isVisible()
    headers = [quality.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["回访员", "质检通话", "质检平均分 %", "关键项不合格"]  # as the monthly view
    rows = [[cell(quality, r, c) for c in range(4)] for r in range(quality.model().rowCount())]
    assert rows == [[ZHOU, "2", "86.7", "1"], [LI, "3", "85.0", "0"]]
    assert cell(quality, 0, qc.COL_QC_CRITICAL, Qt.ItemDataRole.ForegroundRole).name() == RED
    assert cell(quality, 1, qc.COL_QC_CRITICAL, Qt.ItemDataRole.ForegroundRole) is None
    assert tab.quality_label.text() == (
        "回访质检(&J)：本季度拨打的通话中已评分 5 通（2 名回访员），平均得分率 85.6%，"
        "关键项不合格 1 通"
    )

    # Readable at 1366×768: both tables fully on screen, no column cut, nothing to scroll.
    for view, count in ((tab.table, 5), (quality, 2)):
        assert view.model().rowCount() == count
        viewport = view.viewport().rect()
        for row in range(count):
            for col in range(view.model().columnCount()):
                assert viewport.contains(view.visualRect(view.model().index(row, col)))
        assert not view.horizontalScrollBar().isVisible()
        assert not view.verticalScrollBar().isVisible()
        header = view.horizontalHeader()
        for col in range(view.model().columnCount()):
            title = view.model().headerData(col, Qt.Orientation.Horizontal)
            assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(title)

    # Alt+J goes to the figures; sorted by the average from the keyboard's table too.
    qtbot.keyClick(tab.table, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(quality.hasFocus)
    quality.sortByColumn(qc.COL_QC_AVERAGE, Qt.SortOrder.DescendingOrder)
    assert column(quality, qc.COL_QC_NAME) == [ZHOU, LI]
    quality.sortByColumn(qc.COL_QC_SCORED, Qt.SortOrder.DescendingOrder)
    assert column(quality, qc.COL_QC_NAME) == [LI, ZHOU]

    # Operators serve every unit: the unit filter leaves their figures, and so does the export.
    for name, action in tab.bar.unit_filter.unit_actions.items():
        if name != LIXIA:
            action.trigger()
    assert column(tab.table, a.COL_NAME) == ["张晓燕", "李明辉"]
    assert quality.model().rowCount() == 2
    target = tmp_path / "考核.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.keyClick(quality, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert tab.message_label.text() == f"已导出到 {target}"
    sheet = sheets(target)["回访质检"]
    header = next(i for i, row in enumerate(sheet) if row[0] == "回访员")
    assert sheet[header] == ["回访员", "质检通话数", "质检平均得分率", "关键项不合格数"]
    assert [row[:2] + row[3:] for row in sheet[header + 1 : header + 4]] == [
        [ZHOU, 2.0, 1.0],
        [LI, 3.0, 0.0],
        ["合计", 5.0, 1.0],
    ]
    assert [round(row[2], 3) for row in sheet[header + 1 : header + 4]] == [0.867, 0.85, 0.856]

    # Someone without the right takes the seat: the figures go with the rest.
    tab.current_staff = Seat(OPERATOR)
    qtbot.mouseClick(tab.bar.refresh_button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is tab.denied_label
    assert not tab.quality_section.isVisible()
    assert tab.quality_model.rowCount() == 0
    assert tab.quality_label.text() == ""


def laid_out(qtbot: QtBot, tab: AssessmentTab) -> None:
    """The splitter has given the quality section, shown with the figures, its room (Qt lays a
    newly shown child out from the event loop)."""
    qtbot.waitUntil(lambda: tab.quality_section.height() > 0 and tab.table.height() > 0)


def wait_for_dialog(qtbot: QtBot, tab: AssessmentTab) -> WorkOrdersDialog:
    qtbot.waitUntil(lambda: tab.work_orders_dialog is not None)
    dialog = tab.work_orders_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    assert dialog.isVisible()
    return dialog


def test_only_team_leads_administrators_and_auditors_see_the_figures(qtbot: QtBot, seeded) -> None:
    database, _ids = seeded
    seat = Seat(OPERATOR)
    tab = AssessmentTab(database, seat)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    qtbot.waitExposed(tab)
    activate(qtbot, tab)
    # Nothing was read for the operator, and nothing of the figures is on screen.
    assert not operations.busy()
    assert tab.assessment is None
    assert tab.stack.currentWidget() is tab.denied_label
    assert tab.denied_label.isVisible()
    assert tab.denied_label.text() == (
        "人员考核情况仅限组长、管理员和审计员查看。\n李强，您当前的角色是回访员。"
    )
    assert tab.model.rowCount() == 0
    assert not tab.bar.export_button.isEnabled()
    assert not tab.bar.unit_filter.isEnabled()

    # An auditor takes the seat: F5 shows the figures.
    seat.user = AUDITOR
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.keyClick(tab.bar.refresh_button, Qt.Key.Key_F5)
    assert tab.stack.currentWidget() is tab.table
    assert tab.table.model().rowCount() == 5
    assert tab.bar.export_button.isEnabled()

    # Nobody chosen: the figures go away again.
    seat.user = None
    qtbot.mouseClick(tab.bar.refresh_button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is tab.denied_label
    assert tab.denied_label.text().startswith("尚未选择使用者。")
    assert tab.model.rowCount() == 0
    assert not tab.bar.export_button.isEnabled()
