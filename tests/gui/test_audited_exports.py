"""Exports of personal data from the window are audited as those of the command line are
(tests/users/test_audited_exports.py): the month's analysis with its 附录 F ledger, the unit
feedback and the staff assessment, the board (Ctrl+E), a backup; and opening a complaint, whose
window shows the complainant's contact in full. Each is driven as a person would, and the entry
names the person at the seat."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.complaints.registry import ComplaintInput, register_complaint
from app.reports.monthly import monthly_analysis
from app.roles import Role
from app.staff import StaffMember
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import AuditEntry, Complaint, Staff, Unit
from tests.reports.feedback_data import HUAIYIN, LIXIA, seed_quarter
from tests.reports.test_monthly import build_month
from ui import operations
from ui.backup import add_backup_actions
from ui.board.board_tab import BoardTab
from ui.complaints.complaint_dialog import ComplaintDialog
from ui.current_user import log_in_as
from ui.feedback import AssessmentTab, UnitFeedbackTab
from ui.main_window import MainWindow
from ui.pages.statistics_page import MONTHLY, StatisticsPage

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def nobody_left_logged_in() -> Iterator[None]:
    yield
    operations.cancel_and_wait()
    log_in_as(None)


class Seat:
    def __init__(self, user: StaffMember | None) -> None:
        self.user = user

    def __call__(self) -> StaffMember | None:
        return self.user


def person(database: Database, name: str, role: Role) -> StaffMember:
    with database.sessions.begin() as session:
        staff = Staff(name=name, role=role.value)
        session.add(staff)
        session.flush()
        return StaffMember(staff.id, name, role)


def entries(database: Database, action: str = "data.export") -> list[AuditEntry]:
    with database.sessions() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            )
        )


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def shown(qtbot: QtBot, widget, signal) -> None:
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitSignal(signal, timeout=10_000):
        widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def test_the_months_workbook_exported_from_the_statistics_page_is_audited(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch, stop_clock, request
) -> None:
    stop_clock(datetime(2026, 9, 10, 10, tzinfo=LOCAL_ZONE))  # last month: August
    with sqlite_db.sessions.begin() as session:
        build_month(session)
    me = person(sqlite_db, "孙统计", Role.OPERATOR)
    log_in_as(me)
    window: MainWindow = request.getfixturevalue("window")
    row = next(i for i, p in enumerate(window.pages) if isinstance(p, StatisticsPage))
    page = window.pages[row]
    with qtbot.waitSignal(page.operation_finished):
        window.navigation.setCurrentRow(row)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.kind_combo.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.kind_combo, Qt.Key.Key_Down)
    assert page.kind_combo.currentData() == MONTHLY
    assert page.month_combo.currentText() == "8 月"

    target = tmp_path / "八月"
    answer_save_dialog(monkeypatch, target)
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    written = tmp_path / "八月.xlsx"
    assert page.message_label.text() == f"已导出到 {written}" and written.exists()
    with sqlite_db.sessions() as session:
        analysis = monthly_analysis(session, 2026, 8)
    (entry,) = entries(sqlite_db)
    assert entry.actor == f"孙统计 (#{me.id})"
    assert entry.after["what"] == "monthly_analysis" and entry.after["file"] == str(written)
    assert (entry.after["period"], entry.after["rows"]) == ("2026-08", len(analysis.ledger_rows))
    assert "0531-8612" not in json.dumps(entry.after, ensure_ascii=False)

    # A file that cannot be written: said on the page, and no entry.
    answer_save_dialog(monkeypatch, tmp_path / "nowhere" / "x.xlsx")
    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    assert page.message_label.text().startswith(f"没有导出 {tmp_path / 'nowhere' / 'x.xlsx'}：")
    assert len(entries(sqlite_db)) == 1


@pytest.fixture
def quarter(sqlite_db: Database, stop_clock) -> Database:
    stop_clock(datetime(2026, 8, 15, 10, tzinfo=LOCAL_ZONE))  # the current quarter: 2026 Q3
    seed_quarter(sqlite_db)
    return sqlite_db


def test_the_unit_feedback_exported_with_ctrl_e_is_audited_as_filtered(
    qtbot: QtBot, quarter: Database, tmp_path: Path, monkeypatch
) -> None:
    lead = person(quarter, "王组长", Role.TEAM_LEAD)
    tab = UnitFeedbackTab(quarter, Seat(lead))
    shown(qtbot, tab, tab.operation_finished)
    target = tmp_path / "全市.xlsx"
    answer_save_dialog(monkeypatch, target)
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.keyClick(tab.units_table, Qt.Key.Key_E, CTRL)
    assert tab.message_label.text() == f"已导出到 {target}"

    for name, action in tab.bar.unit_filter.unit_actions.items():  # 槐荫区 only on screen
        if name != HUAIYIN:
            action.trigger()
    answer_save_dialog(monkeypatch, tmp_path / "槐荫.xlsx")
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.keyClick(tab.units_table, Qt.Key.Key_E, CTRL)

    city, one = entries(quarter)
    assert city.actor == one.actor == f"王组长 (#{lead.id})"
    assert city.after == {
        "what": "unit_feedback",
        "file": str(target),
        "rows": 10,
        "period": "2026-Q3",
        "units": 5,
    }
    assert (one.after["unit"], one.after["units"], one.after["rows"]) == (HUAIYIN, 1, 2)


def test_the_staff_assessment_exported_is_audited(
    qtbot: QtBot, quarter: Database, tmp_path: Path, monkeypatch
) -> None:
    auditor = person(quarter, "赵审计", Role.AUDITOR)
    tab = AssessmentTab(quarter, Seat(auditor))
    shown(qtbot, tab, tab.operation_finished)
    for name, action in tab.bar.unit_filter.unit_actions.items():  # 历下区's people only
        if name != LIXIA:
            action.trigger()
    target = tmp_path / "考核.xlsx"
    answer_save_dialog(monkeypatch, target)
    with qtbot.waitSignal(tab.operation_finished):
        qtbot.keyClick(tab.table, Qt.Key.Key_E, CTRL)
    assert tab.message_label.text() == f"已导出到 {target}"
    (entry,) = entries(quarter)
    assert entry.actor == f"赵审计 (#{auditor.id})"
    assert entry.after == {
        "what": "staff_assessment",
        "file": str(target),
        "rows": 2,
        "period": "2026-Q3",
        "format": "xlsx",
        "people": 2,
    }


def test_the_board_exported_with_ctrl_e_is_audited(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch, stop_clock
) -> None:
    from tests.callbacks import helpers as h

    stop_clock(datetime(2026, 10, 13, 10, tzinfo=LOCAL_ZONE))
    with sqlite_db.sessions.begin() as session:
        h.people(session)
        unit = h.unit(session, "历下区登记中心")
        h.callback(session, unit, "LX-1", h.local(2026, 9, 29), words="材料反复补交")
        h.callback(session, unit, "LX-2", h.local(2026, 10, 9), reason="efficiency", words="太慢")
    lead = person(sqlite_db, "何组长", Role.TEAM_LEAD)
    tab = BoardTab(sqlite_db, Seat(lead))
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    qtbot.waitExposed(tab)
    with qtbot.waitSignal(tab.listed):
        tab.refresh()  # as its page does when shown
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    assert tab.model.rowCount() == 2
    target = tmp_path / "看板.xlsx"
    answer_save_dialog(monkeypatch, target)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: tab.message_label.text().startswith("已导出"))
    assert tab.message_label.text() == f"已导出 2 项到 {target}"
    (entry,) = entries(sqlite_db)
    assert entry.actor == f"何组长 (#{lead.id})"
    assert entry.after == {"what": "board", "file": str(target), "rows": 2}
    assert "太慢" not in json.dumps(entry.after, ensure_ascii=False)


def test_a_backup_made_from_the_menu_is_audited(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch
) -> None:
    with sqlite_db.sessions.begin() as session:
        build_month(session)
    admin = person(sqlite_db, "赵管理", Role.ADMINISTRATOR)
    log_in_as(admin)
    window = QMainWindow()
    window.database = sqlite_db
    add_backup_actions(window.menuBar().addMenu("文件"), window)
    qtbot.addWidget(window)
    window.show()
    answer_save_dialog(monkeypatch, tmp_path / "菜单备份")
    menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in menu.actions() if a.text() == "立即备份…"]
    action.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=20_000)
    for box in window.findChildren(QMessageBox):
        box.close()
    (entry,) = entries(sqlite_db, "backup.create")
    assert entry.actor == f"赵管理 (#{admin.id})"
    assert entry.after["file"] == str(tmp_path / "菜单备份.zip")
    assert (entry.after["kind"], entry.after["counts"]["cases"]) == ("manual", 11)


def test_opening_a_complaint_shows_its_contact_in_full_and_is_audited_once(
    qtbot: QtBot, sqlite_db: Database, stop_clock, tmp_path: Path, monkeypatch
) -> None:
    stop_clock(datetime(2026, 10, 13, 10, tzinfo=LOCAL_ZONE))
    operator = person(sqlite_db, "李晓燕", Role.OPERATOR)
    with sqlite_db.sessions.begin() as session:
        unit = Unit(name="滨湖区不动产登记中心")
        session.add(unit)
        session.flush()
        ids = []
        for contact, address in (("13951234567", None), (None, "无锡市滨湖区湖滨路1号")):
            complaint = register_complaint(
                session,
                ComplaintInput(
                    content="收取额外费用",
                    channel="phone",
                    category="filed",
                    complainant="赵志强",
                    contact=contact,
                    address=address,
                    unit_id=unit.id,
                ),
                by_id=operator.id,
            )
            ids.append(complaint.id)
    with_contact, without = ids
    with sqlite_db.sessions() as session:
        number, uid = session.execute(
            select(Complaint.number, Complaint.uid).where(Complaint.id == with_contact)
        ).one()

    dialog = ComplaintDialog(sqlite_db, with_contact, Seat(operator))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    assert dialog.values["contact"].text() == "13951234567"  # in full: that is why
    (entry,) = entries(sqlite_db, "complaint.contact_shown")
    assert (entry.actor, entry.entity, entry.entity_uid) == (
        f"李晓燕 (#{operator.id})",
        "complaint",
        uid,
    )
    assert entry.after == {"number": number}
    with qtbot.waitSignal(dialog.loaded):  # the open window shown again (after a step)
        dialog.reload()
    assert len(entries(sqlite_db, "complaint.contact_shown")) == 1

    # The printed H.1 has the contact too: a file of personal data, audited.
    h1 = tmp_path / "登记表.pdf"
    answer_save_dialog(monkeypatch, h1)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.pdf_saved, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert h1.read_bytes().startswith(b"%PDF")
    (printed,) = entries(sqlite_db)
    assert printed.actor == f"李晓燕 (#{operator.id})"
    assert printed.after == {
        "what": "complaint_form",
        "file": str(h1),
        "rows": 1,
        "complaint": number,
    }
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
    dialog.close()

    other = ComplaintDialog(sqlite_db, without, Seat(operator))  # no contact: nothing shown
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.loaded):
        other.show()
    assert len(entries(sqlite_db, "complaint.contact_shown")) == 1
    other.close()
