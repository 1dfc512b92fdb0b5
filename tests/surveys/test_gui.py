"""The survey entry tab driven from the keyboard: several sheets of a day typed in, one deleted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.roles import Role
from app.staff import StaffMember
from app.surveys import AVERAGE, DISSATISFIED, SATISFIED
from db.models import AuditEntry, SatisfactionSurvey
from ui.supervision.surveys_tab import SurveysTab

DAY = date(2026, 7, 9)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def tab(qtbot: QtBot, sqlite_db, world) -> SurveysTab:
    operator = StaffMember(world.operator, "李晓燕", Role.OPERATOR)
    widget = SurveysTab(sqlite_db, lambda: operator)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    with qtbot.waitSignal(widget.listed, timeout=10_000):
        widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    with qtbot.waitSignal(widget.listed):
        widget.unit_combo.setCurrentIndex(widget.unit_combo.findData(world.binhu))
    with qtbot.waitSignal(widget.listed):
        widget.date_edit.setDate(QDate(2026, 7, 9))
    return widget


@pytest.fixture
def world(sqlite_db, stop_clock):
    from db.models import Staff, Unit
    from tests.surveys.conftest import NOW, World

    stop_clock(NOW)
    with sqlite_db.sessions.begin() as session:
        binhu = Unit(name="滨湖区不动产登记中心")
        liangxi = Unit(name="梁溪区不动产登记中心")
        session.add_all([binhu, liangxi])
        session.flush()
        operator = Staff(name="李晓燕", role="operator", unit_id=binhu.id)
        session.add(operator)
        session.flush()
        return World(binhu.id, liangxi.id, 0, operator.id, 0)


def type_keys(qtbot: QtBot, tab: SurveysTab, keys: str) -> None:
    """Each key to whatever has the focus, as a person types."""
    for key in keys:
        widget = QApplication.focusWidget()
        assert widget is not None and tab.isAncestorOf(widget), widget
        qtbot.keyClicks(widget, key)


def enter(qtbot: QtBot, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, modifier)


def save(qtbot: QtBot, tab: SurveysTab) -> None:
    with qtbot.waitSignal(tab.listed, timeout=10_000):
        enter(qtbot, CTRL)


def test_a_days_sheets_typed_one_key_an_answer(qtbot: QtBot, tab: SurveysTab, sqlite_db, world):
    tab.start()
    # Sheet 1: 25–35, 满意 满意 一般 满意 不满意 满意 满意, channels 社区 + 网络, a wish.
    type_keys(qtbot, tab, "2" + "1121311")
    assert QApplication.focusWidget() is tab.channels_row
    type_keys(qtbot, tab, "14")
    enter(qtbot)
    assert QApplication.focusWidget() is tab.improvement_edit
    tab.improvement_edit.insert("希望增加停车位")  # as an input method commits it
    enter(qtbot)
    qtbot.keyClicks(tab.sheet_edit, "007")
    save(qtbot, tab)
    assert "第 1 份" in tab.message_label.text()
    assert QApplication.focusWidget() is tab.age_row  # ready for the next sheet
    assert tab.age_row.value() is None and tab.channels_row.value() == ()

    # Sheet 2: no age, only three questions answered, the rest skipped with Down.
    qtbot.keyClick(tab.age_row, Qt.Key.Key_Down)
    type_keys(qtbot, tab, "333")
    save(qtbot, tab)
    # Sheet 3: a channel ticked and unticked again is not ticked.
    type_keys(qtbot, tab, "4" + "1111111" + "552")
    save(qtbot, tab)
    assert tab.count_label.text() == "共 3 份"
    assert tab.table.rowCount() == 3
    assert tab.table.item(0, 0).text() == "007"
    assert tab.table.item(0, 9).text() == "社区、网络"

    with sqlite_db.sessions.begin() as session:
        surveys = session.scalars(select(SatisfactionSurvey).order_by(SatisfactionSurvey.id)).all()
        assert [s.age_band for s in surveys] == ["25_35", None, "51_up"]
        first, second, third = surveys
        assert [first.environment, first.efficiency, first.discipline] == [
            SATISFIED,
            AVERAGE,
            DISSATISFIED,
        ]
        assert first.channels == ["community", "internet"] and first.improvement == "希望增加停车位"
        assert [second.environment, second.attitude, second.efficiency, second.overall] == [
            DISSATISFIED,
            DISSATISFIED,
            DISSATISFIED,
            None,
        ]
        assert third.channels == ["government"]
        assert all(s.unit_id == world.binhu and s.surveyed_on == DAY for s in surveys)

    # Delete the second (mistyped): Delete on the list, then the confirmation.
    tab.table.setFocus()
    tab.table.selectRow(1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    box = tab.confirmation
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(tab.listed, timeout=10_000):
        next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        ).click()
    assert tab.count_label.text() == "共 2 份"
    with sqlite_db.sessions.begin() as session:
        assert session.get(SatisfactionSurvey, second.id) is None
        assert session.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("survey.%"))
        ).all() == ["survey.recorded", "survey.recorded", "survey.recorded", "survey.deleted"]


def test_a_blank_sheet_is_refused_on_screen(qtbot: QtBot, tab: SurveysTab, sqlite_db):
    tab.start()
    enter(qtbot, CTRL)
    qtbot.waitUntil(lambda: "空白" in tab.message_label.text())
    with sqlite_db.sessions.begin() as session:
        assert session.scalars(select(SatisfactionSurvey)).all() == []


def test_print_a_blank_form_and_import_from_the_tab(
    qtbot: QtBot, tab: SurveysTab, sqlite_db, tmp_path: Path, monkeypatch
):
    target = tmp_path / "空白表"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(tab.finished, timeout=30_000):
        qtbot.keyClick(tab, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert (tmp_path / "空白表.pdf").read_bytes().startswith(b"%PDF")

    source = tmp_path / "results.csv"
    source.write_text(
        "网点,日期,年龄,服务环境,服务态度,办事效率,咨询答复,上班纪律,便民服务设施设备,总体印象,渠道,需要改善的方面\n"
        "滨湖区不动产登记中心,2026-07-09,1,满意,1,2,3,,满意,满意,社区、网络,多开窗口\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    with qtbot.waitSignal(tab.finished, timeout=30_000):
        qtbot.keyClick(tab, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert "新增 1 份" in tab.message_label.text()
    qtbot.waitUntil(lambda: tab.count_label.text() == "共 1 份")

    source.write_text("网点,日期,年龄\n滨湖区不动产登记中心,2026-07-09,9\n", encoding="utf-8")
    with qtbot.waitSignal(tab.finished, timeout=30_000):
        qtbot.keyClick(tab, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert tab.report_edit.isVisible()
    assert "第 2 行，年龄" in tab.report_edit.toPlainText()
