"""A quality-inspection round from the keyboard: the team lead draws a sample, opens a call,
scores it and the next one (a critical failure opens one corrective action), the operator sees
their scores, the scorecard is edited, and the figures reach the reports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from app.quality.sampling import draw_sample
from app.reports.monthly import monthly_analysis
from app.reports.staff_assessment import staff_assessment
from app.roles import Role
from app.staff import StaffMember
from db.models import CorrectiveAction, QcCriterion, QcReview, QcSample
from tests.complaints.test_gui import ALT, CTRL, Seat, activate, gui, type_text  # noqa: F401
from ui.quality.inspection_tab import InspectionTab
from ui.quality.my_scores_tab import MyScoresTab
from ui.quality.scorecard_tab import WEIGHT, ScorecardTab


@pytest.fixture
def kept() -> Iterator[list[QWidget]]:
    """The tabs under test, referenced until pytest-qt has deleted them on the GUI thread
    (as tests/complaints/test_gui.py explains)."""
    widgets: list[QWidget] = []
    yield widgets
    widgets.clear()


def shown(qtbot, tab, kept) -> None:
    kept.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1366, 800)
    tab.show()
    qtbot.waitExposed(tab)
    activate(qtbot, tab)


def replace_number(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_a_qc_round_from_the_keyboard(qtbot, sqlite_world, kept):
    database, w = sqlite_world
    lead = StaffMember(w.lead, "王建国", Role.TEAM_LEAD)
    tab = InspectionTab(database, Seat(lead))
    shown(qtbot, tab, kept)
    qtbot.waitUntil(lambda: tab.operator_combo.count() == 3, timeout=10_000)
    tab.operator_combo.setCurrentIndex(tab.operator_combo.findData(w.operator))
    tab.from_edit.setDate(QDate(2026, 9, 1))
    tab.to_edit.setDate(QDate(2026, 9, 30))
    qtbot.keyClick(tab, Qt.Key.Key_Z, ALT)
    assert tab.size_spin.hasFocus()
    tab.size_spin.lineEdit().selectAll()
    qtbot.keyClicks(tab.size_spin, "3")
    qtbot.keyClick(tab, Qt.Key.Key_E, ALT)
    assert tab.seed_edit.hasFocus()
    qtbot.keyClicks(tab.seed_edit, "42")
    with qtbot.waitSignal(tab.opened, timeout=10_000):  # the first call opens by itself
        qtbot.keyClick(tab, Qt.Key.Key_D, ALT)
    assert tab.table.rowCount() == 3
    assert "种子 42" in tab.sample_label.text() and "总体 12 通" in tab.sample_label.text()
    with database.sessions() as session:
        sample = session.scalars(select(QcSample)).one()
        assert (sample.seed, sample.size, sample.population) == (42, 3, 12)

    # Back to the list (Alt+L), Enter opens the call: Form A as recorded, the card at full points.
    qtbot.keyClick(tab, Qt.Key.Key_L, ALT)
    assert tab.table.hasFocus()
    with qtbot.waitSignal(tab.opened, timeout=10_000):
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert "总体情况：满意" in tab.form_a_label.text()
    assert "窗口排队时间可以再短一些" in tab.form_a_label.text()
    assert "合计 100 / 100" in tab.total_label.text()
    opening = tab.points["opening"]
    assert opening.hasFocus()
    opening.selectAll()
    qtbot.keyClicks(opening, "6")
    qtbot.keyClick(opening, Qt.Key.Key_Tab)
    assert tab.notes["opening"].hasFocus()
    type_text(tab.notes["opening"], "未报单位名称")
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.keyClick(tab, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "已评", timeout=10_000)
    first = tab.rows[0].review_id

    # The next call: a forbidden phrase (critical) → one corrective action.
    with qtbot.waitSignal(tab.opened, timeout=10_000):
        qtbot.keyClick(tab, Qt.Key.Key_N, CTRL)
    second = tab.detail.row.review_id
    assert second == tab.rows[1].review_id
    replace_number(qtbot, tab.points["no_forbidden"], "0")
    assert "关键项不合格" in tab.total_label.text()
    qtbot.keyClick(tab, Qt.Key.Key_W, ALT)
    type_text(tab.overall_edit, "说了“不清楚”")
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.keyClick(tab.overall_edit, Qt.Key.Key_Return, CTRL)
    assert "已开立纠正和预防措施" in tab.message_label.text()
    qtbot.waitUntil(lambda: tab.table.item(1, 3).text() == "已评", timeout=10_000)
    assert "关键项不合格" in tab.table.item(1, 4).text()
    with database.sessions() as session:
        one, two = session.get(QcReview, first), session.get(QcReview, second)
        assert (one.points, one.max_points, one.critical_failed) == (96, 100, False)
        assert (two.points, two.critical_failed, two.note) == (80, True, "说了“不清楚”")
        assert session.scalar(select(func.count(CorrectiveAction.id))) == 1

    # The operator's view: their two scored calls and the notes.
    operator = StaffMember(w.operator, "李晓燕", Role.OPERATOR)
    mine = MyScoresTab(database, Seat(operator))
    with qtbot.waitSignal(mine.listed, timeout=10_000):
        shown(qtbot, mine, kept)
    assert mine.table.rowCount() == 2
    texts = set()
    for row in (1, 0):
        with qtbot.waitSignal(mine.opened, timeout=10_000):
            mine.table.setCurrentCell(row, 0)
        texts.add(mine.detail_edit.toPlainText())
    joined = "\n".join(texts)
    assert "未报单位名称" in joined and "说了“不清楚”" in joined
    # Another operator sees nothing of it.
    other = MyScoresTab(database, Seat(StaffMember(w.other_operator, "周敏", Role.OPERATOR)))
    with qtbot.waitSignal(other.listed, timeout=10_000):
        shown(qtbot, other, kept)
    assert other.table.rowCount() == 0

    # The figures in the reports.
    with database.sessions() as session:
        month = monthly_analysis(session, 2026, 9)
        quarter = staff_assessment(session, 2026, 3, viewer_id=w.lead)
    (row,) = [g for g in month.operators if g.key == w.operator]
    assert (row.qc_scored, row.qc_average, row.qc_critical) == (2, 88.0, 1)
    (figures,) = quarter.quality
    assert (figures.name, figures.scored, figures.critical_failures) == ("李晓燕", 2, 1)
    assert quarter.to_json()["quality"][0]["average"] == 88.0


def test_the_scorecard_edited_from_the_keyboard(qtbot, sqlite_world, kept):
    database, w = sqlite_world
    tab = ScorecardTab(database, Seat(StaffMember(w.lead, "王建国", Role.TEAM_LEAD)))
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        shown(qtbot, tab, kept)
    assert tab.table.rowCount() == 7
    tab.table.item(0, WEIGHT).setText("0")
    qtbot.keyClick(tab, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: "1 到 100" in tab.message_label.text(), timeout=10_000)
    tab.table.item(0, WEIGHT).setText("15")
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.keyClick(tab, Qt.Key.Key_S, CTRL)
    qtbot.keyClick(tab, Qt.Key.Key_N, ALT)  # a button's mnemonic clicks it a moment later
    qtbot.waitUntil(lambda: tab.table.rowCount() == 8)
    row = 7
    tab.table.item(row, 0).setText("告知录音：“本次通话可能会被录音”")
    tab.table.item(row, 1).setText("Recording announced")
    tab.table.item(row, WEIGHT).setText("5")
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        qtbot.keyClick(tab, Qt.Key.Key_S, CTRL)
    with database.sessions() as session:
        weights = dict(session.execute(select(QcCriterion.code, QcCriterion.weight)).all())
    assert weights["opening"] == 15 and weights["custom_1"] == 5
    # An operator's seat: nothing to press.
    operator = ScorecardTab(database, Seat(StaffMember(w.operator, "李晓燕", Role.OPERATOR)))
    with qtbot.waitSignal(operator.loaded, timeout=10_000):
        shown(qtbot, operator, kept)
    assert not operator.save_button.isEnabled() and not operator.add_button.isEnabled()


def test_the_newest_sample_is_listed_and_another_operators_none_clears_it(
    qtbot, sqlite_world, kept
):
    database, w = sqlite_world
    with database.sessions.begin() as session:
        draw_sample(
            session, w.operator, date(2026, 9, 1), date(2026, 9, 30), 2, seed=7, by_id=w.lead
        )
    lead = StaffMember(w.lead, "王建国", Role.TEAM_LEAD)
    tab = InspectionTab(database, Seat(lead))
    shown(qtbot, tab, kept)
    qtbot.waitUntil(lambda: tab.operator_combo.count() == 3, timeout=10_000)
    tab.operator_combo.setCurrentIndex(tab.operator_combo.findData(w.operator))
    # Listed without choosing it, nothing opened yet.
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=10_000)
    assert tab.detail is None
    assert "种子 7" in tab.sample_label.text()
    with qtbot.waitSignal(tab.opened, timeout=10_000):
        tab.open_row(0)
    assert tab.points
    # An operator nobody sampled yet: the list, the call and its card go.
    tab.operator_combo.setCurrentIndex(tab.operator_combo.findData(w.idle_operator))
    qtbot.waitUntil(lambda: tab.table.rowCount() == 0, timeout=10_000)
    assert tab.detail is None
    assert tab.sample_label.text() == "" and tab.points == {} and tab.facts_label.text() == ""
