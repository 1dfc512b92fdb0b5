"""The assessment tab driven from the keyboard as a team lead and an administrator would,
checking what the screen shows and what the database holds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.assessment.service import finalize, new_assessment
from db.models import AssessmentItem, OutletAssessment, OutletAssessmentScore
from tests.assessment.conftest import H1, add_surveys
from tests.gui.helpers import type_text
from ui import operations
from ui.supervision.assessment_dialogs import (
    AssessmentDialog,
    NewAssessmentDialog,
    RankingDialog,
    SheetEditorDialog,
)
from ui.supervision.assessment_tab import AssessmentTab
from ui.translations import use_language

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def gui(qapp: QApplication) -> Iterator[None]:
    use_language("zh")
    yield
    assert not operations.busy(), "the test ended with background work still running"


class Seat:
    def __init__(self, user) -> None:
        self.user = user

    def __call__(self):
        return self.user


def _tab(qtbot: QtBot, database, user) -> AssessmentTab:
    tab = AssessmentTab(database, Seat(user))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.listed):
        tab.show()
    tab.activateWindow()
    return tab


def _opened(qtbot: QtBot, tab: AssessmentTab, kind: type, keys) -> object:
    with qtbot.waitSignal(tab.dialog_opened) as opened:
        keys()
    return _active(qtbot, opened.args[0], kind)


def _active(qtbot: QtBot, dialog, kind: type):
    """The dialog as the person sees it: its window active, as opening it makes it."""
    assert isinstance(dialog, kind)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _wait_stored(qtbot: QtBot, dialog, keys) -> None:
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        keys()


def test_an_assessment_entered_from_the_keyboard(qtbot, sqlite_db, sqlite_world, monkeypatch):
    world = sqlite_world
    with sqlite_db.sessions.begin() as session:
        add_surveys(session, world.binhu, date(2026, 3, 2), satisfied=88, other=12)  # 88 %: −2
    tab = _tab(qtbot, sqlite_db, world.lead)
    new = _opened(qtbot, tab, NewAssessmentDialog, lambda: qtbot.keyClick(tab, Qt.Key.Key_N, CTRL))
    assert new.start_edit.date() == QDate(2026, 1, 1) and new.end_edit.date() == QDate(2026, 6, 30)
    new.unit_combo.setCurrentIndex(new.unit_combo.findData(world.binhu))
    new.assessors_edit.clear()
    type_text(qtbot, new.assessors_edit, "王建国、李晓燕")
    with qtbot.waitSignal(tab.dialog_opened, timeout=10000) as opened:
        qtbot.keyClick(new.assessors_edit, Qt.Key.Key_Return, CTRL)
    dialog = _active(qtbot, opened.args[0], AssessmentDialog)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    assert "32" in dialog.warning_label.text()
    assert dialog.items.rowCount() == 13 and dialog.items.currentRow() == 0
    # Item 1: two deductions typed as the paper says; points, Enter, reason, Enter.
    for reason in ("3月5日符合条件不予受理", "4月9日符合条件不予受理"):
        type_text(qtbot, dialog.points_edit, "1")
        qtbot.keyClick(dialog.points_edit, Qt.Key.Key_Return)
        assert dialog.reason_edit.hasFocus()
        type_text(qtbot, dialog.reason_edit, reason)
        _wait_stored(qtbot, dialog, lambda: qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return))
    assert dialog.items.item(0, 4).text() == "1"
    # Item 5 (four items on): half a point.
    for _ in range(4):
        qtbot.keyClick(dialog.points_edit, Qt.Key.Key_Down, CTRL)
    assert dialog.items.currentRow() == 4
    type_text(qtbot, dialog.points_edit, "0.5")
    qtbot.keyClick(dialog.points_edit, Qt.Key.Key_Return)
    type_text(qtbot, dialog.reason_edit, "绿色通道办理迟缓")
    _wait_stored(qtbot, dialog, lambda: qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return))
    # Item 11 is computed: its evidence shows, and a deduction without a reason is refused.
    for _ in range(6):
        qtbot.keyClick(dialog.points_edit, Qt.Key.Key_Down, CTRL)
    assert dialog.items.item(10, 5).text() == "系统" and dialog.items.item(10, 4).text() == "3"
    assert "88.00%" in dialog.evidence_label.text() and dialog.override_edit.isVisibleTo(dialog)
    type_text(qtbot, dialog.points_edit, "1")
    type_text(qtbot, dialog.reason_edit, "态度一般")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "改判" in dialog.message_label.text())
    assert dialog.items.item(10, 4).text() == "3"  # refused: as it was
    qtbot.keyClick(dialog, Qt.Key.Key_O, ALT)
    assert dialog.override_edit.hasFocus()
    type_text(qtbot, dialog.override_edit, "调查只有一天")
    _wait_stored(qtbot, dialog, lambda: qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return))
    assert dialog.items.item(10, 4).text() == "4" and dialog.items.item(10, 5).text() == ""
    # 32 − 2 − 0.5 − 1 = 28.5
    assert "总分 28.5 分" in dialog.total_label.text() and "不合格" in dialog.total_label.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _wait_stored(qtbot, dialog, lambda: qtbot.keyClick(dialog.points_edit, Qt.Key.Key_Return, CTRL))
    assert not dialog.points_edit.isEnabled() and "已签定" in dialog.header_label.text()
    with sqlite_db.sessions.begin() as session:
        a = session.scalars(select(OutletAssessment)).one()
        assert (a.status, a.total_tenths, a.grade, a.assessors) == (
            "final",
            285,
            "fail",
            "王建国、李晓燕",
        )
        first = session.scalars(
            select(OutletAssessmentScore).where(OutletAssessmentScore.item_number == 1)
        ).one()
        assert [d["reason"] for d in first.deductions] == [
            "3月5日符合条件不予受理",
            "4月9日符合条件不予受理",
        ]
    with qtbot.waitSignal(tab.listed):
        dialog.reject()
    assert tab.table.item(0, 4).text() == "28.5" and tab.table.item(0, 6).text() == "已签定"


def test_deleting_a_deduction_and_full_points(qtbot, sqlite_db, sqlite_world):
    world = sqlite_world
    with sqlite_db.sessions.begin() as session:
        made = new_assessment(session, world.lead, unit_id=world.binhu, kind="internal",
                              period_start=H1[0], period_end=H1[1], assessed_on=H1[1])  # fmt: skip
    tab = _tab(qtbot, sqlite_db, world.lead)
    tab.table.setFocus()
    tab.table.selectRow(0)
    dialog = _opened(
        qtbot, tab, AssessmentDialog, lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    )
    qtbot.waitUntil(lambda: dialog.detail is not None)
    for text in ("x", "y"):
        type_text(qtbot, dialog.points_edit, "1")
        type_text(qtbot, dialog.reason_edit, text)
        _wait_stored(qtbot, dialog, lambda: qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return))
    dialog.deductions_list.setFocus()
    dialog.deductions_list.setCurrentRow(0)
    _wait_stored(qtbot, dialog, lambda: qtbot.keyClick(dialog.deductions_list, Qt.Key.Key_Delete))
    assert dialog.items.item(0, 4).text() == "2" and dialog.deductions_list.count() == 1
    _wait_stored(
        qtbot, dialog, lambda: qtbot.keyClick(dialog.points_edit, Qt.Key.Key_Backspace, CTRL)
    )
    assert dialog.items.item(0, 4).text() == "3"
    type_text(qtbot, dialog.points_edit, "abc")
    qtbot.keyClick(dialog.points_edit, Qt.Key.Key_Return)
    type_text(qtbot, dialog.reason_edit, "z")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert "分数" in dialog.message_label.text()  # refused before anything was stored
    assert made


def test_the_ranking_and_the_sheet_editor(qtbot, sqlite_db, sqlite_world):
    world = sqlite_world
    with sqlite_db.sessions.begin() as session:
        for unit in (world.binhu, world.liangxi):
            made = new_assessment(session, world.lead, unit_id=unit, kind="internal",
                                  period_start=H1[0], period_end=H1[1], assessed_on=H1[1],
                                  assessors="王建国")  # fmt: skip
            finalize(session, world.lead, made)
    lead_tab = _tab(qtbot, sqlite_db, world.lead)
    assert not lead_tab.sheet_button.isEnabled()
    with qtbot.waitSignal(lead_tab.dialog_opened) as opened:
        qtbot.keyClick(lead_tab, Qt.Key.Key_R, CTRL)
    ranking = _active(qtbot, opened.args[0], RankingDialog)
    qtbot.waitUntil(lambda: ranking.table.rowCount() == 2)
    assert ranking.table.item(0, 0).text() == "1" and ranking.table.item(1, 0).text() == "1"
    ranking.reject()

    tab = _tab(qtbot, sqlite_db, world.admin)
    editor = _opened(qtbot, tab, SheetEditorDialog,
                     lambda: qtbot.keyClick(tab, Qt.Key.Key_S, CTRL | SHIFT))  # fmt: skip
    qtbot.waitUntil(lambda: editor.table.rowCount() == 13)
    assert "32" in editor.total_label.text()
    editor.table.setCurrentCell(12, 0)
    assert editor.name_edit.text() == "硬件设施"
    editor.points_edit.clear()
    type_text(qtbot, editor.points_edit, "13")
    with qtbot.waitSignal(editor.loaded, timeout=10000):
        qtbot.keyClick(editor.points_edit, Qt.Key.Key_S, CTRL)
    assert "45" in editor.total_label.text()
    qtbot.keyClick(editor.points_edit, Qt.Key.Key_N, CTRL)
    assert editor.number_spin.value() == 14
    type_text(qtbot, editor.name_edit, "其他")
    type_text(qtbot, editor.content_edit, "补全")
    type_text(qtbot, editor.standard_edit, "每次扣1分")
    type_text(qtbot, editor.points_edit, "55")
    with qtbot.waitSignal(editor.loaded, timeout=10000):
        qtbot.keyClick(editor.points_edit, Qt.Key.Key_S, CTRL)
    assert editor.total_label.text() == "启用项目的标准分合计 100 分。"
    with qtbot.waitSignal(editor.loaded, timeout=10000):
        qtbot.keyClick(editor.table, Qt.Key.Key_D, CTRL)
    with sqlite_db.sessions.begin() as session:
        items = {i.number: i for i in session.scalars(select(AssessmentItem))}
        assert items[13].points_tenths == 130 and items[14].name == "其他"
        assert items[14].active is False
        assert [s.points_tenths for s in session.scalars(
            select(OutletAssessmentScore).where(OutletAssessmentScore.item_number == 13))] == [0, 0]  # fmt: skip
