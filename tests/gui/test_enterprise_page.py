"""The enterprise page driven as an outlet would: list its Form B, print them, type in the
returned forms, and the printing of a generated PDF."""

from __future__ import annotations

import io
import time
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.demo import fill_demo_data
from app.enterprise.forms import (
    PRINTED,
    RETURNED,
    SCANNED,
    TO_DO,
    VERIFIED,
    ensure_form_b_records,
    form_b_list,
    mark_printed,
)
from app.printing.form_b import form_b_print_data, write_form_b
from app.ratings import Channel, Rating
from app.roles import Role
from app.scanning.filing import add_scan, file_page
from app.settings import set_setting
from app.staff import StaffMember, add_staff
from db.database import Database
from db.models import Case, EnterpriseFeedback, Evaluation
from ui.current_user import log_in_as, save_user_name
from ui.enterprise.answers_dialog import FormBAnswersDialog
from ui.enterprise.pdf_printing import PdfPrintDialog, print_pdf
from ui.main_window import MainWindow
from ui.pages import enterprise_page
from ui.pages.enterprise_page import EnterprisePage


@pytest.fixture
def filled(sqlite_db: Database) -> Database:
    with sqlite_db.sessions.begin() as session:
        fill_demo_data(session, cases=200, seed=1, today=date(2026, 11, 20))
        ensure_form_b_records(session)
    return sqlite_db


def open_page(qtbot: QtBot, window: MainWindow) -> EnterprisePage:
    row = next(i for i, p in enumerate(window.pages) if isinstance(p, EnterprisePage))
    page = window.pages[row]
    assert isinstance(page, EnterprisePage)
    with qtbot.waitSignal(page.listed):
        window.navigation.setCurrentRow(row)
    return page


@pytest.fixture
def page(qtbot: QtBot, filled: Database, window: MainWindow) -> EnterprisePage:
    return open_page(qtbot, window)


def select_rows(page: EnterprisePage, rows: list[int]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(page.model.index(row, 0), flags)
    page.table.setCurrentIndex(page.model.index(rows[0], 0))
    selection.select(page.model.index(rows[0], 0), flags)


def row_of(page: EnterprisePage, feedback_id: int) -> int:
    return next(i for i, r in enumerate(page.model.rows()) if r.id == feedback_id)


def pdf_pages(path: Path) -> int:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document.pageCount()


def test_the_list_shows_every_enterprise_case(page: EnterprisePage, filled: Database) -> None:
    with filled.sessions() as session:
        enterprise = set(session.scalars(select(Case.case_no).where(Case.is_enterprise)))
    assert enterprise, "the demo data has enterprise cases"
    shown = {row.case_no for row in page.model.rows()}
    assert shown == enterprise
    assert page.count_label.text() == f"共 {len(enterprise)} 份"
    assert {row.status for row in page.model.rows()} == {TO_DO}
    assert page.model.index(0, 5).data() == "待打印"


def test_filtering_by_outlet_and_status(qtbot: QtBot, page: EnterprisePage) -> None:
    everything = page.model.rows()
    unit_id = everything[0].assigned_unit_id
    with qtbot.waitSignal(page.listed):
        page.unit_combo.setCurrentIndex(page.unit_combo.findData(unit_id))
    assert page.model.rows()
    assert {row.assigned_unit_id for row in page.model.rows()} == {unit_id}
    with qtbot.waitSignal(page.listed):
        page.status_combo.setCurrentIndex(page.status_combo.findData(PRINTED))
    assert page.model.rowCount() == 0


def test_typing_in_a_returned_form_from_the_keyboard(
    qtbot: QtBot, page: EnterprisePage, filled: Database
) -> None:
    feedback_id = page.model.rows()[0].id
    with filled.sessions.begin() as session:
        mark_printed(session, [feedback_id])
    with qtbot.waitSignal(page.listed):
        page.refresh()
    select_rows(page, [row_of(page, feedback_id)])
    page.table.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.answers_dialog
    assert isinstance(dialog, FormBAnswersDialog)
    qtbot.waitExposed(dialog)

    def type_here(text: str, then: Qt.Key = Qt.Key.Key_Return) -> None:
        focused = QApplication.focusWidget()
        qtbot.keyClick(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(focused, text)
        qtbot.keyClick(focused, then)

    assert QApplication.focusWidget() is dialog.edits["enterprise_name"]
    for _ in range(2):  # 企业名称 and 办理登记类型 as printed
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    type_here("3")  # 环节
    type_here("2")  # 天
    type_here("80")  # 登记费
    type_here("12,345.60")  # 契税
    type_here("0.5")  # 印花税
    assert dialog.total_label.text() == "合计：12,426.10 元"
    assert QApplication.focusWidget() is dialog.policy_row
    qtbot.keyClick(dialog.policy_row, Qt.Key.Key_1)  # 非常熟悉
    qtbot.keyClick(dialog.satisfaction_row, Qt.Key.Key_2)  # 满意
    assert QApplication.focusWidget() is dialog.suggestion
    type_here("Quick service", Qt.Key.Key_Tab)
    type_here("Manager Wang")  # 企业联系人
    with qtbot.waitSignal(page.answers_saved) as saved:
        type_here("Li Minghui", Qt.Key.Key_Return)  # 回访联系人; Enter saves
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert saved.args[0].created_evaluation

    with filled.sessions() as session:
        record = session.get(EnterpriseFeedback, feedback_id)
        assert record.status == RETURNED  # the filled paper is in hand
        assert (record.registration_fee_fen, record.deed_tax_fen, record.stamp_duty_fen) == (
            8000,
            1234560,
            50,
        )
        assert (record.steps, record.days) == (3, 2)
        assert record.policy_knowledge == "very_familiar"
        assert (record.enterprise_contact, record.revisit_contact) == ("Manager Wang", "Li Minghui")
        evaluation = session.get(Evaluation, record.evaluation_id)
        assert evaluation.channel == Channel.ENTERPRISE
        assert evaluation.overall == Rating.SATISFIED
        assert evaluation.suggestion == "Quick service"
    qtbot.waitUntil(lambda: page.answers_dialog is None)
    qtbot.waitUntil(lambda: page.model.row_at(row_of(page, feedback_id)).status == RETURNED)


def test_an_inexact_fee_is_refused_in_the_dialog(
    qtbot: QtBot, page: EnterprisePage, filled: Database
) -> None:
    select_rows(page, [0])
    with qtbot.waitSignal(page.operation_finished):
        page.enter_answers()
    dialog = page.answers_dialog
    assert dialog is not None
    dialog.edits["deed_tax_fen"].setText("12.345")
    assert dialog.total_label.text() == "合计：金额有误"
    dialog.satisfaction_row.set_value(Rating.SATISFIED)
    dialog.save_button.click()
    assert dialog.error_label.isVisible()
    assert "12.345" in dialog.error_label.text()
    assert QApplication.focusWidget() is dialog.edits["deed_tax_fen"]
    with filled.sessions() as session:
        assert session.scalar(select(Evaluation).where(Evaluation.channel == "enterprise")) is None
    dialog.reject()


def test_printing_the_selection_saved_as_pdf(
    qtbot: QtBot,
    page: EnterprisePage,
    filled: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    select_rows(page, [0, 1, 2])
    chosen = [page.model.row_at(i).id for i in range(3)]
    with qtbot.waitSignal(page.print_ready) as ready:
        qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = ready.args[0]
    assert isinstance(dialog, PdfPrintDialog)
    assert dialog.info_label.text() == "共 3 页"
    target = tmp_path / "forms"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.forms_changed):
        dialog.save_button.click()
    assert pdf_pages(tmp_path / "forms.pdf") == 3
    with filled.sessions() as session:
        statuses = session.scalars(
            select(EnterpriseFeedback.status).where(EnterpriseFeedback.id.in_(chosen))
        ).all()
    assert statuses == [PRINTED] * 3
    assert "已打印 3 份" in page.message_label.text()


def test_printing_all_due_at_an_outlet_into_one_pdf(
    qtbot: QtBot,
    page: EnterprisePage,
    filled: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.print_due()
    assert page.message_label.text() == "请先在“网点”中选择要打印的网点。"
    unit_id = page.model.rows()[0].assigned_unit_id
    with qtbot.waitSignal(page.listed):
        page.unit_combo.setCurrentIndex(page.unit_combo.findData(unit_id))
    due = page.model.rowCount()
    with qtbot.waitSignal(page.print_ready) as ready:
        page.buttons["print_due"].click()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "due.pdf"), "")
    )
    with qtbot.waitSignals([page.forms_changed, page.listed], order="strict"):
        ready.args[0].save_button.click()
    assert pdf_pages(tmp_path / "due.pdf") == due
    assert {row.status for row in page.model.rows()} == {PRINTED}


def test_slips_and_blank_forms_open_for_printing(
    qtbot: QtBot, page: EnterprisePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    with page.database.sessions.begin() as session:
        set_setting(
            session, "printing.evaluation_url_template", "https://pj.jinan.gov.cn/{case_no}"
        )
    select_rows(page, [0, 1])
    with qtbot.waitSignal(page.print_ready) as ready:
        page.print_slips()
    assert ready.args[0].document.pageCount() == 1  # eight slips to a sheet
    ready.args[0].reject()
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getInt", lambda *a, **k: (3, True))
    with qtbot.waitSignal(page.print_ready) as ready:
        page.print_blank_form_a()
    assert ready.args[0].document.pageCount() == 3
    ready.args[0].reject()


def test_slips_with_the_example_address_need_an_administrator_who_confirms(
    qtbot: QtBot, page: EnterprisePage
) -> None:
    select_rows(page, [0])
    # Nobody logs in on this database: the seat may do all, and is asked first.
    page.print_slips()
    qtbot.waitUntil(lambda: page.example_question is not None)
    question = page.example_question
    assert question.isVisible() and "示例地址" in question.text()
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # as the default button: not printed
    assert page.message_label.text() == "没有打印评价二维码条。"
    page.print_slips()
    qtbot.waitUntil(lambda: page.example_question is not None)
    (print_anyway,) = [b for b in page.example_question.buttons() if b.text() == "仍然打印(&P)"]
    with qtbot.waitSignal(page.print_ready) as ready:
        print_anyway.click()
    ready.args[0].reject()

    with page.database.sessions.begin() as session:
        operator = add_staff(session, "王芳", "operator").id
    log_in_as(StaffMember(operator, "王芳", Role.OPERATOR))
    with qtbot.waitSignal(page.operation_finished):
        page.print_slips()
    qtbot.waitUntil(lambda: "示例地址" in page.message_label.text())
    assert "请管理员在“设置 → 打印”中填写" in page.message_label.text()
    assert page.print_dialog is None


def test_printing_renders_every_page_on_the_printer(filled: Database, tmp_path: Path) -> None:
    with filled.sessions() as session:
        ids = session.scalars(select(EnterpriseFeedback.id).limit(4)).all()
        write_form_b(form_b_print_data(session, ids), tmp_path / "forms.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(tmp_path / "forms.pdf", printer) == 4
    assert pdf_pages(tmp_path / "printed.pdf") == 4


def test_the_list_loads_a_page_at_a_time_as_it_scrolls(
    qtbot: QtBot, filled: Database, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(enterprise_page, "FORM_B_PAGE", 5)
    with filled.sessions() as session:
        everything = [row.case_no for row in form_b_list(session)]
    assert len(everything) > 10, "the demo data has enough enterprise cases"
    page = open_page(qtbot, window)
    # A low list: a page of 5 rows overflows it, so that the view does not fetch more by
    # itself to fill its space (on a tall screen it does, at once or a moment later).
    page.table.setFixedHeight(4 * page.table.verticalHeader().defaultSectionSize())
    with qtbot.waitSignal(page.listed):
        page.refresh(new_cases=False)
    qtbot.waitUntil(lambda: page.table.verticalScrollBar().maximum() > 0)  # laid out

    assert page.model.rowCount() == 5
    assert page.count_label.text() == f"共 {len(everything)} 份"
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 10)
    while page.model.rowCount() < page.model.total:
        count = page.model.rowCount()
        qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda count=count: page.model.rowCount() > count)

    assert [row.case_no for row in page.model.rows()] == everything


def test_a_batch_of_forms_shows_its_progress_and_escape_stops_it(
    qtbot: QtBot, page: EnterprisePage, filled: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit_id = page.model.rows()[0].assigned_unit_id
    with qtbot.waitSignal(page.listed):
        page.unit_combo.setCurrentIndex(page.unit_combo.findData(unit_id))
    before = {row.id: row.status for row in page.model.rows()}

    def slow_pages(cases, path, progress=None) -> None:
        Path(path).write_bytes(b"%PDF-1.4 half written")
        for page_number in range(1, 2001):  # until the operator stops it
            time.sleep(0.005)
            progress(page_number, 2000)

    monkeypatch.setattr(enterprise_page, "write_form_b", slow_pages)
    shown: list[PdfPrintDialog] = []
    page.print_ready.connect(shown.append)
    qtbot.keyClick(
        page.table,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: page.progress_bar.isVisible() and page.progress_bar.value() > 0)
    assert page.cancel_button.isVisible()
    assert page.message_label.text().startswith("正在生成… 第 ")

    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.table, Qt.Key.Key_Escape)

    assert page.message_label.text() == "已取消生成，什么也没有打印。"
    assert not page.progress_bar.isVisible() and not page.cancel_button.isVisible()
    assert shown == []
    with filled.sessions() as session:
        statuses = dict(
            session.execute(select(EnterpriseFeedback.id, EnterpriseFeedback.status)).all()
        )
    assert {i: statuses[i] for i in before} == before


def test_the_scan_beside_the_answers_and_the_verifier_filled_in(
    qtbot: QtBot, page: EnterprisePage, filled: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answers are typed beside the scan they come from; 核验人 starts with the person
    at this seat (chosen on the board, where nobody logs in), and Enter verifies."""
    row = page.model.rows()[0]
    with filled.sessions.begin() as session:
        mark_printed(session, [row.id])
    image = io.BytesIO()
    Image.new("RGB", (120, 160), "white").save(image, "PNG")
    added = add_scan(filled, image.getvalue(), "反馈单.png", source="dialog", operator="王芳")
    with filled.sessions.begin() as session:
        file_page(session, added.attachment_id, 0, row.case_no, "王芳")
        assert session.get(EnterpriseFeedback, row.id).status == SCANNED
    with qtbot.waitSignal(page.listed):
        page.refresh()
    select_rows(page, [row_of(page, row.id)])
    page.table.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.answers_dialog
    assert isinstance(dialog, FormBAnswersDialog)
    qtbot.waitExposed(dialog)
    assert dialog.scan_viewer is not None and dialog.scan_viewer.isVisible()
    assert (dialog.scan_viewer.image.width(), dialog.scan_viewer.image.height()) == (120, 160)
    assert dialog.scan_viewer.position_label.text() == "扫描件 第 1/1 页"
    dialog.satisfaction_row.setFocus()
    qtbot.keyClick(dialog.satisfaction_row, Qt.Key.Key_2)  # 满意
    with qtbot.waitSignal(page.answers_saved):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    qtbot.waitUntil(lambda: page.answers_dialog is None)

    save_user_name("王芳")
    try:
        select_rows(page, [row_of(page, row.id)])
        asked: list[str] = []

        def answer(_parent, _title, _label, _echo, text):  # the person accepts what is shown
            asked.append(text)
            return text, True

        monkeypatch.setattr(QInputDialog, "getText", answer)
        page.window().activateWindow()
        qtbot.waitUntil(page.window().isActiveWindow)
        page.table.setFocus()
        with qtbot.waitSignal(page.forms_changed):
            qtbot.keyClick(page.table, Qt.Key.Key_F7)
    finally:
        save_user_name(None)
    assert asked == ["王芳"]
    with filled.sessions() as session:
        record = session.get(EnterpriseFeedback, row.id)
        assert (record.status, record.verified_by) == (VERIFIED, "王芳")
