"""Commendations from the screens, by keyboard: the complaint window's thanks (Alt+K), the
commendations tab (record by hand, mark exemplary, the year's list as PDF and Excel), and the
staff assessment's new columns."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.commendations import record_other
from db.database import Database
from db.models import Commendation, Complaint
from tests.complaints.conftest import World, at
from tests.complaints.test_gui import (
    ALT,
    CTRL,
    Seat,
    activate,
    lead,
    operator,
    save,
    type_text,
)
from ui.complaints.complaint_dialog import ComplaintDialog
from ui.feedback.assessment_models import COL_COMMENDATIONS, COL_CRITICISMS
from ui.feedback.assessment_tab import AssessmentTab
from ui.supervision.commendations_tab import COL_EXEMPLARY, COL_STAFF, CommendationsTab


@pytest.fixture
def sqlite_world(sqlite_db: Database, stop_clock) -> tuple[Database, World]:
    from tests.complaints.conftest import make_world

    stop_clock(at(2026, 9, 20, 15))
    with sqlite_db.sessions.begin() as session:
        return sqlite_db, make_world(session)


def test_a_complaint_closed_with_thanks_from_the_keyboard(qtbot: QtBot, sqlite_world, kept):
    database, world = sqlite_world
    with database.sessions.begin() as session:
        complaint = Complaint(
            number="TS-200",
            case_id=world.case,
            unit_id=world.binhu,
            kind="complaint",
            channel="phone",
            received_at=at(2026, 9, 1),
            content="等了很久",
        )
        session.add(complaint)
        session.flush()
        complaint_id = complaint.id
    dialog = ComplaintDialog(database, complaint_id, Seat(operator(world)))
    kept.append(dialog)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    activate(qtbot, dialog)
    assert dialog.buttons["thanks"].isEnabled()
    with qtbot.waitSignal(dialog.step_opened) as opened:
        qtbot.keyClick(dialog, Qt.Key.Key_K, ALT)
    form = opened.args[0]
    activate(qtbot, form)
    assert form.staff_combo.currentText() == "（被投诉人员或经办人）"
    form.content_edit.setFocus()
    type_text(form.content_edit, "投诉人来电感谢张伟耐心解释")
    save(qtbot, dialog, form)
    assert dialog.message_label.text() == "已记为表扬。"
    with database.sessions() as session:
        (made,) = session.scalars(select(Commendation)).all()
        assert (made.source, made.staff_id, made.complaint_id, made.received_on) == (
            "complaint",
            world.handler,
            complaint_id,
            date(2026, 9, 20),
        )
    # Twice: refused, the form stays open with the reason.
    activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.step_opened) as opened:
        qtbot.keyClick(dialog, Qt.Key.Key_K, ALT)
    form = opened.args[0]
    activate(qtbot, form)
    form.content_edit.setFocus()
    type_text(form.content_edit, "再次感谢")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: form.error_label.isVisible())
    assert "已经记录过" in form.error_label.text()
    form.close()


def show_tab(qtbot, tab, kept) -> None:
    kept.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    with qtbot.waitSignal(tab.listed):
        tab.show()
    qtbot.waitExposed(tab)
    activate(qtbot, tab)


def test_the_tab_records_marks_and_prints(qtbot: QtBot, sqlite_world, kept, tmp_path, monkeypatch):
    database, world = sqlite_world
    with database.sessions.begin() as session:
        record_other(
            session,
            by_id=world.operator,
            staff_id=world.other_handler,
            content="感谢信",
            received_on=date(2026, 3, 1),
        )
    tab = CommendationsTab(database, Seat(lead(world)))
    show_tab(qtbot, tab, kept)
    assert tab.model.rowCount() == 1
    assert tab.count_label.text() == "共 1 条，其中典型 0 条"

    # Ctrl+N: a banner for 张伟, typed from the keyboard.
    with qtbot.waitSignal(tab.form_opened) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_N, CTRL)
    form = opened.args[0]
    activate(qtbot, form)
    assert QApplication.focusWidget() is form.staff_combo
    form.staff_combo.setCurrentIndex(form.staff_combo.findData(world.handler))
    form.case_edit.setText(world.case_no)
    form.content_edit.setFocus()
    type_text(form.content_edit, "锦旗一面：服务热情")
    with qtbot.waitSignal(tab.listed, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: tab.step_dialog is None)
    assert tab.message_label.text() == "已记录表扬。"
    assert tab.model.rowCount() == 2
    assert tab.current_row().content == "锦旗一面：服务热情"

    # Ctrl+E marks the chosen one exemplary.
    activate(qtbot, tab)
    with qtbot.waitSignal(tab.listed, timeout=10_000):
        qtbot.keyClick(tab.table, Qt.Key.Key_E, CTRL)
    row = tab.current_row()
    assert row.exemplary and tab.model.index(1, COL_EXEMPLARY).data() == "★ 典型"
    assert tab.exemplary_button.text() == "取消典型 (Ctrl+E)"
    assert tab.model.index(1, COL_STAFF).data() == "张伟"

    # Ctrl+P: the year's list as a PDF; Ctrl+S: in Excel.
    pdf = tmp_path / "名单.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(pdf), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    with qtbot.waitSignal(tab.exported, timeout=20_000):
        qtbot.keyClick(tab.table, Qt.Key.Key_P, CTRL)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.index("★张伟") < text.index("陈静")
    xlsx = tmp_path / "名单.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(xlsx), ""))
    with qtbot.waitSignal(tab.exported, timeout=20_000):
        qtbot.keyClick(tab.table, Qt.Key.Key_S, CTRL)
    assert Path(xlsx).exists()
    assert tab.message_label.text() == f"已导出到 {xlsx}"


def test_an_operator_records_but_may_not_mark(qtbot: QtBot, sqlite_world, kept):
    database, world = sqlite_world
    with database.sessions.begin() as session:
        record_other(
            session,
            by_id=world.operator,
            staff_id=world.handler,
            content="表扬",
            received_on=date(2026, 9, 1),
        )
    tab = CommendationsTab(database, Seat(operator(world)))
    show_tab(qtbot, tab, kept)
    assert tab.record_button.isEnabled()
    assert not tab.exemplary_button.isEnabled()
    assert tab.exemplary_button.toolTip() == "仅组长、管理员可以评选典型"


def test_the_staff_assessment_shows_commendations(qtbot: QtBot, sqlite_world, kept):
    database, world = sqlite_world
    with database.sessions.begin() as session:
        for day in (date(2026, 7, 3), date(2026, 9, 30)):
            record_other(
                session,
                by_id=world.operator,
                staff_id=world.handler,
                content="表扬",
                received_on=day,
            )
    tab = AssessmentTab(database, Seat(lead(world)))
    kept.append(tab)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.operation_finished, timeout=10_000):
        tab.show()
    assert tab.bar.period() == (2026, 3)  # the quarter of the stopped clock
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    table = tab.table
    headers = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers[COL_COMMENDATIONS:] == ["表扬", "批评"]
    assert [
        table.model().index(0, c).data() for c in (1, 5, COL_COMMENDATIONS, COL_CRITICISMS)
    ] == [
        "张伟",
        "0",
        "2",
        "0",
    ]
    assert "表扬 2 次，批评 0 次" in tab.summary_label.text()
