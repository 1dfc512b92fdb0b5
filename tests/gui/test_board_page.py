"""The team lead's board as a lead works it: choose oneself, filter, open a case's history,
record a contact, resolve with the round-2 answers; and what an operator does not see."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from PIL import Image
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.callbacks.opening import escalate_integrity
from app.callbacks.tasks import resolve
from app.desk.calls import FormAAnswers
from app.ratings import Rating
from app.scanning.filing import add_scan, file_page
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CallbackContact, CallbackTask, Case, Evaluation, IntegrityEscalation
from tests.callbacks import helpers as h
from ui import operations
from ui.board.board_model import COL_LEFT, COL_REFERENCE
from ui.board.step_dialogs import AssignDialog, ContactDialog, ResolveDialog
from ui.board.task_dialog import TaskDialog
from ui.complaints.complaint_dialog import ComplaintDialog
from ui.current_user import save_user_name
from ui.desk.display import ERROR_COLOR
from ui.main_window import MainWindow
from ui.pages.board_page import BoardPage

TODAY = date(2026, 10, 13)
Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def board_db(sqlite_db: Database) -> Database:
    """LX-1 overdue (opened before the National Day holiday) with an integrity report on its
    case, LX-2 at the same unit, SZ-1 and a complaint at another."""
    with sqlite_db.sessions.begin() as session:
        h.people(session)
        lixia, shizhong = h.unit(session, "历下区登记中心"), h.unit(session, "市中区登记中心")
        h.callback(session, lixia, "LX-1", h.local(2026, 9, 29), words="材料反复补交")
        h.callback(session, lixia, "LX-2", h.local(2026, 10, 9), reason="efficiency", words="太慢")
        h.callback(session, shizhong, "SZ-1", h.local(2026, 10, 12))
        h.complaint(session, shizhong, h.local(2026, 10, 9), number="TS-001")
        first = session.scalar(select(Evaluation).join(Case).where(Case.case_no == "LX-1"))
        first.integrity_breach = True
        escalate_integrity(session, [first.id], h.local(2026, 9, 29))
    return sqlite_db


@pytest.fixture
def user() -> Iterator[None]:
    save_user_name("王芳")  # an operator sits down first; the lead chooses herself
    yield
    save_user_name(None)


@pytest.fixture
def page(
    qtbot: QtBot,
    board_db: Database,
    user: None,
    stop_clock,
    request: pytest.FixtureRequest,
) -> BoardPage:
    stop_clock(datetime.combine(TODAY, time(10), LOCAL_ZONE))
    window: MainWindow = request.getfixturevalue("window")
    (page,) = [p for p in window.pages if isinstance(p, BoardPage)]
    assert window.pages.index(page) == 1  # right after 回访工作台
    assert window.navigation.item(1).text() == "督办看板"
    window.navigation.setCurrentRow(1)
    qtbot.waitUntil(lambda: page.staff is not None and not operations.busy())
    return page


def idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not operations.busy())


def choose_user(qtbot: QtBot, page: BoardPage, name: str) -> None:
    combo = page.user_combo
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(name))
    with qtbot.waitSignal(page.board_tab.listed):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    idle(qtbot)


def shown(page: BoardPage) -> list[str]:
    model = page.board_tab.model
    return [model.index(row, COL_REFERENCE).data() for row in range(model.rowCount())]


def tab_titles(page: BoardPage) -> list[str]:
    tabs = page.tabs
    return [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]


def test_a_lead_filters_opens_records_a_contact_and_resolves(
    qtbot: QtBot, page: BoardPage, board_db: Database
) -> None:
    tab = page.board_tab
    assert page.staff.name == "王芳"
    assert "廉洁反映" not in tab_titles(page)
    assert not tab.assign_button.isEnabled()

    choose_user(qtbot, page, "张组长")
    assert page.user_combo.currentText() == "张组长（组长）"
    assert "廉洁反映" in tab_titles(page)
    # Overdue first and in red: LX-1 was due Mon Oct 12 (five working days across the holiday
    # and the make-up Saturday), the complaint's first contact too.
    assert shown(page) == ["LX-1", "TS-001", "LX-2", "SZ-1"]
    model = tab.model
    assert model.index(0, COL_LEFT).data() == "超期 1"
    assert model.index(0, COL_LEFT).data(Qt.ItemDataRole.ForegroundRole).color().name() == (
        ERROR_COLOR
    )
    assert model.index(2, COL_LEFT).data(Qt.ItemDataRole.ForegroundRole) is None
    assert tab.count_label.text() == "共 4 项，超期 2 项"

    # Filter to one unit, then to at least four working days old.
    with qtbot.waitSignal(tab.listed):
        tab.unit_combo.setCurrentIndex(tab.unit_combo.findText("历下区登记中心"))
    assert shown(page) == ["LX-1", "LX-2"]
    with qtbot.waitSignal(tab.listed):
        tab.age_spin.setValue(4)
    assert shown(page) == ["LX-1"]

    # Enter opens the case's history.
    tab.table.setFocus()
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.item_opened) as opened:
        qtbot.keyClick(tab.table, Key.Key_Return)
    dialog = opened.args[0]
    assert isinstance(dialog, TaskDialog)
    qtbot.waitUntil(lambda: dialog.summary is not None)
    idle(qtbot)
    history = dialog.history_view.toPlainText()
    assert "LX-1" in history and "计分（首次评价）" in history
    assert "138****5678" in history and "13812345678" not in history
    assert "廉洁纪律反映" in history  # a team lead sees the integrity report
    assert "状态：待分派" in dialog.state_label.text()

    # 记录联系 (Ctrl+L).
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Key.Key_L, CTRL)
    contact = dialog.step_dialog
    assert isinstance(contact, ContactDialog)
    contact.said_edit.setPlainText("申请人同意再次说明补正材料清单")
    contact.promised_edit.setText("明天上午电话告知")
    with qtbot.waitSignal(dialog.task_changed), qtbot.waitSignal(dialog.loaded):
        qtbot.mouseClick(contact.ok_button, Qt.MouseButton.LeftButton)
    idle(qtbot)
    assert dialog.step_dialog is None
    assert "状态：已联系" in dialog.state_label.text()
    assert "沟通：申请人同意再次说明补正材料清单" in dialog.history_view.toPlainText()
    with board_db.sessions() as session:
        (saved,) = session.scalars(select(CallbackContact)).all()
        task = session.get(CallbackTask, saved.task_id)
        assert (saved.means, saved.promised, task.status) == (
            "phone",
            "明天上午电话告知",
            "contacted",
        )
        assert saved.staff_id == page.staff.id

    # 解决 with the respondent's round-2 answers, typed as on the call desk.
    qtbot.mouseClick(dialog.buttons["resolve"], Qt.MouseButton.LeftButton)
    resolving = dialog.step_dialog
    assert isinstance(resolving, ResolveDialog) and resolving.form is not None
    form = resolving.form
    rows = [*form.rows.values(), form.integrity_row]
    for row, key in zip(rows, "22121", strict=True):  # 满意, 满意, 非常满意, 满意, 廉洁 没有
        qtbot.keyClick(row, key)
    resolving.explanation_edit.setPlainText("已说明补正要求，申请人表示理解")
    with qtbot.waitSignal(dialog.task_changed), qtbot.waitSignal(dialog.loaded):
        resolving.activateWindow()
        qtbot.waitUntil(resolving.isActiveWindow)
        qtbot.keyClick(resolving, Key.Key_Return, CTRL)
    idle(qtbot)
    assert "状态：已解决" in dialog.state_label.text()
    assert not dialog.buttons["resolve"].isEnabled() and dialog.buttons["reopen"].isEnabled()
    assert "处理说明：已说明补正要求，申请人表示理解" in dialog.history_view.toPlainText()
    with board_db.sessions() as session:
        task = session.get(CallbackTask, task.id)
        second = session.get(Evaluation, task.second_evaluation_id)
        first = session.get(Evaluation, task.evaluation_id)
        assert (task.status, task.resolution) == ("resolved", "已说明补正要求，申请人表示理解")
        assert (second.round, second.overall, second.attitude) == (2, "satisfied", "very_satisfied")
        assert (first.round, first.attitude) == (1, "dissatisfied")  # never touched
        assert session.get(Case, task.case_id).first_evaluation_id == first.id

    # Closed, the board no longer lists it.
    with qtbot.waitSignal(tab.listed):
        dialog.reject()
        tab.refresh()
    assert shown(page) == []


def test_a_refused_step_says_why_in_a_message_box(
    qtbot: QtBot, page: BoardPage, board_db: Database
) -> None:
    choose_user(qtbot, page, "张组长")
    tab = page.board_tab
    tab.table.selectRow(0)
    tab.open_current()
    dialog = tab.item_dialog
    qtbot.waitUntil(lambda: dialog.summary is not None)
    idle(qtbot)
    # Someone else resolves it meanwhile.
    with board_db.sessions.begin() as session:
        lead = page.staff.id
        answers = FormAAnswers(*(Rating.SATISFIED,) * 4, False)
        resolve(session, dialog.task_id, by_id=lead, explanation="已处理", answers=answers)
    dialog.record_contact()
    contact = dialog.step_dialog
    contact.said_edit.setPlainText("再次联系")
    qtbot.mouseClick(contact.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: contact.findChild(QMessageBox) is not None)
    box = contact.findChild(QMessageBox)
    assert box.text() == "此二次回访的状态是“已解决”，请先重新打开再记录联系"
    assert contact.isVisible() and contact.said_edit.toPlainText() == "再次联系"  # kept
    box.close()
    contact.reject()
    dialog.reject()


def test_bulk_assign_and_export(
    qtbot: QtBot,
    page: BoardPage,
    board_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_user(qtbot, page, "张组长")
    tab = page.board_tab
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    tab.table.setFocus()
    tab.table.selectAll()
    assert tab.assign_button.isEnabled()
    qtbot.keyClick(tab.table, Key.Key_F6)
    qtbot.waitUntil(lambda: isinstance(tab.assign_dialog, AssignDialog))
    dialog = tab.assign_dialog
    assert dialog.windowTitle() == "分派 3 项二次回访"  # the complaint is not a callback
    dialog.operator_combo.setCurrentIndex(dialog.operator_combo.findText("李强"))
    with qtbot.waitSignal(tab.listed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    idle(qtbot)
    assert tab.message_label.text() == "已分派 3 项二次回访。"
    with board_db.sessions() as session:
        tasks = session.scalars(select(CallbackTask)).all()
        assert {task.status for task in tasks} == {"assigned"}
    owners = {tab.model.row_at(n).owner for n in range(tab.model.rowCount())}
    assert owners == {"李强", "未分派"}  # the complaint keeps its own

    target = tmp_path / "看板"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    qtbot.keyClick(tab.table, Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: tab.message_label.text().startswith("已导出"))
    sheet = openpyxl.load_workbook(tmp_path / "看板.xlsx").active
    references = [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert references == shown(page) == ["LX-1", "TS-001", "LX-2", "SZ-1"]


def test_keyboard_focus_never_changes_the_assignment_by_itself(
    qtbot: QtBot, page: BoardPage, board_db: Database
) -> None:
    """Alt+O then Down picks the next operator; it does not switch the assignment to a unit."""
    choose_user(qtbot, page, "张组长")
    tab = page.board_tab
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    tab.table.setFocus()
    tab.table.selectRow(shown(page).index("LX-2"))
    qtbot.keyClick(tab.table, Key.Key_F6)
    qtbot.waitUntil(lambda: isinstance(tab.assign_dialog, AssignDialog))
    dialog = tab.assign_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(dialog, Key.Key_U, alt)  # to the unit box: focus alone chooses nothing
    assert QApplication.focusWidget() is dialog.unit_combo
    assert dialog.target_combo.currentText() == "回访员"
    qtbot.keyClick(dialog, Key.Key_O, alt)
    assert QApplication.focusWidget() is dialog.operator_combo
    first = dialog.operator_combo.currentText()
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Down)  # the next operator
    chosen = dialog.operator_combo.currentText()
    assert chosen != first
    assert dialog.target_combo.currentText() == "回访员"
    with qtbot.waitSignal(tab.listed):
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return, CTRL)
    assert tab.message_label.text() == "已分派 1 项二次回访。"
    with board_db.sessions() as session:
        task = session.scalar(select(CallbackTask).join(Case).where(Case.case_no == "LX-2"))
        assert task.assigned_to_id is not None  # to a person, not only to a unit
        assert tab.model.row_at(shown(page).index("LX-2")).owner == chosen


def test_a_scan_in_the_history_opens_from_the_keyboard(
    qtbot: QtBot,
    page: BoardPage,
    board_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    image = io.BytesIO()
    Image.new("RGB", (120, 160), "white").save(image, "PNG")
    scan = image.getvalue()
    added = add_scan(board_db, scan, "来件.png", source="dialog", operator="张组长")
    with board_db.sessions.begin() as session:
        file_page(session, added.attachment_id, 0, "LX-1", "张组长")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    choose_user(qtbot, page, "张组长")
    tab = page.board_tab
    tab.table.selectRow(shown(page).index("LX-1"))
    tab.open_current()
    dialog = tab.item_dialog
    qtbot.waitUntil(lambda: dialog.summary is not None)
    idle(qtbot)
    view = dialog.history_view
    assert "扫描件归档 · 来件.png" in view.toPlainText()
    view.setFocus()
    qtbot.keyClick(view, Key.Key_Tab)  # to the scan's link
    with qtbot.waitSignal(dialog.attachment_shown) as shown_signal:
        qtbot.keyClick(view, Key.Key_Return)
    path = Path(shown_signal.args[0])
    assert path.name == "来件.png" and path.read_bytes() == scan
    assert [url.toLocalFile() for url in opened] == [str(path)]
    dialog.reject()


def test_an_operator_sees_no_integrity_tab_and_cannot_assign_or_close(
    qtbot: QtBot, page: BoardPage, board_db: Database
) -> None:
    assert page.staff.name == "王芳"
    assert "廉洁反映" not in tab_titles(page)
    assert page.integrity_tab.model.rowCount() == 0
    tab = page.board_tab
    assert tab.model.row_at(0).words == "（涉及廉洁纪律反映，仅组长、管理员可见）"
    tab.table.selectRow(0)
    assert not tab.assign_button.isEnabled()
    tab.open_current()
    dialog = tab.item_dialog
    qtbot.waitUntil(lambda: dialog.summary is not None)
    idle(qtbot)
    assert dialog.buttons["contact"].isEnabled() and dialog.buttons["resolve"].isEnabled()
    for name in ("close", "reopen", "assign"):
        assert not dialog.buttons[name].isEnabled()
    history = dialog.history_view.toPlainText()
    assert not dialog.history_view.history.integrity_shown
    assert "材料反复补交" not in history  # the words of the evaluation that reported it
    assert "（涉及廉洁纪律反映，仅组长、管理员可见）" in dialog.state_label.text()
    assert "廉洁纪律反映仅组长、管理员可见。" in history
    dialog.reject()

    # Back to the lead: the tab appears, with the report.
    choose_user(qtbot, page, "张组长")
    page.tabs.setCurrentWidget(page.integrity_tab)
    qtbot.waitUntil(lambda: page.integrity_tab.model.rowCount() == 1)
    with board_db.sessions() as session:
        assert session.scalar(select(IntegrityEscalation.status)) == "open"


def test_a_complaint_opens_in_the_complaint_window(qtbot: QtBot, page: BoardPage) -> None:
    choose_user(qtbot, page, "张组长")
    tab = page.board_tab
    tab.table.selectRow(shown(page).index("TS-001"))
    with qtbot.waitSignal(tab.item_opened) as opened:
        tab.open_current()
    dialog = opened.args[0]
    assert isinstance(dialog, ComplaintDialog)
    assert dialog.complaint_id == tab.model.row_at(1).id
    idle(qtbot)
    dialog.reject()
