"""The enterprise page (企业回访): Form B from printing to the archive, outlet by outlet.

    Ctrl+P          print the selected forms      Ctrl+Shift+P  print all forms due at the outlet
    Enter / Ctrl+E  type in a returned form       F6            mark the selected forms returned
    F7              verify (seal or signature)    F8            archive (where the paper is kept)
    Ctrl+T          evaluation QR slips           Ctrl+B        blank Form A sheets
    F5              refresh

Every print opens the document's pages with 打印… and 另存为 PDF…; the forms count as printed
only once they went out by either.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.desk.operators import ensure_operator
from app.enterprise.answers import form_b_to_edit
from app.enterprise.forms import (
    ARCHIVED,
    PRINTED,
    STATUSES,
    VERIFIED,
    FormBRow,
    archive,
    ensure_form_b_records,
    form_b_count,
    form_b_list,
    mark_printed,
    mark_returned,
    record_answers,
    status_label,
    verify,
)
from app.errors import Refused
from app.file_errors import file_error_text
from app.printing.form_a_blank import write_blank_form_a
from app.printing.form_b import form_b_print_data, write_form_b
from app.printing.slip import slip_address_template, write_evaluation_slips
from app.roles import Permission
from app.scanning.filing import case_scans, page_image
from app.settings import evaluation_address_is_example
from app.units import unit_choices
from db.database import Database
from ui import preferences
from ui.current_user import logged_in, permitted, working_here
from ui.desk.display import ERROR_COLOR
from ui.enterprise.answers_dialog import FormBAnswersDialog
from ui.enterprise.form_b_model import COL_ENTERPRISE, FormBModel
from ui.enterprise.pdf_printing import PdfPrintDialog
from ui.name_combo import name_combo
from ui.operations import Operation, Progress, Work, operation
from ui.pages.page import Page
from ui.pages.scanning_page import to_qimage
from ui.shortcuts import enter_activates

INFO_STYLE = "color: #1a5fb4; font-weight: bold;"
SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
WARNING_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"
# Besides refusals: a form gone (another seat), a setting or template the printing cannot use.
ALSO_EXPECTED = (LookupError, ValueError)


MAX_SCAN_PAGES = 10  # pages of a form's scan shown beside its answers
FORM_B_PAGE = 200  # forms loaded at a time: a city has a hundred thousand


@dataclass
class Listing:
    units: list[tuple[int, str]]
    rows: list[FormBRow]  # the first page
    total: int


@dataclass
class PrintJob:
    """A generated PDF waiting in a folder of its own, and the forms it holds."""

    folder: Path
    path: Path
    feedback_ids: list[int]
    title: str
    file_name: str


class EnterprisePage(Page):
    listed = Signal()  # the list on screen is up to date
    answers_saved = Signal(object)  # RecordResult
    print_ready = Signal(object)  # PdfPrintDialog, open and waiting for the operator
    forms_changed = Signal()  # a step of the forms' lives was recorded
    operation_finished = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self._loaded = False
        self._actions = 0
        self.answers_dialog: FormBAnswersDialog | None = None
        self.print_dialog: PdfPrintDialog | None = None
        self.example_question: QMessageBox | None = None  # printing the example address?
        self._build()
        self._add_shortcuts()
        self._update_enabled()

    # Building

    def _build(self) -> None:
        self.unit_combo = name_combo()
        self.unit_combo.addItem(self.tr("全部网点"), None)
        self.unit_combo.currentIndexChanged.connect(self._filters_changed)
        unit_label = QLabel(self.tr("网点(&U)："))
        unit_label.setBuddy(self.unit_combo)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("全部状态"), None)
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.status_combo.currentIndexChanged.connect(self._filters_changed)
        status_label_widget = QLabel(self.tr("状态(&T)："))
        status_label_widget.setBuddy(self.status_combo)
        self.count_label = QLabel()
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(unit_label)
        filters.addWidget(self.unit_combo)
        filters.addSpacing(12)
        filters.addWidget(status_label_widget)
        filters.addWidget(self.status_combo)
        filters.addSpacing(12)
        filters.addWidget(self.count_label, 1)
        filters.addWidget(self.refresh_button)

        self.model = FormBModel(self)
        self.model.more_wanted.connect(self._load_more)
        self._listing = 0  # which listing a page being loaded belongs to
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_ENTERPRISE, QHeaderView.ResizeMode.Stretch
        )
        self.table.doubleClicked.connect(self.enter_answers)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)

        self.buttons: dict[str, QPushButton] = {}
        lifecycle = QHBoxLayout()
        printing = QHBoxLayout()
        for name, text, keys, slot, row in (
            ("answers", self.tr("录入答卷"), "Enter / Ctrl+E", self.enter_answers, lifecycle),
            ("returned", self.tr("标记已收回"), "F6", self.mark_returned, lifecycle),
            ("verify", self.tr("核验"), "F7", self.verify, lifecycle),
            ("archive", self.tr("归档"), "F8", self.archive, lifecycle),
            ("print", self.tr("打印选中"), "Ctrl+P", self.print_selected, printing),
            (
                "print_due",
                self.tr("打印本网点全部待办"),
                "Ctrl+Shift+P",
                self.print_due,
                printing,
            ),
            ("slips", self.tr("打印评价二维码条"), "Ctrl+T", self.print_slips, printing),
            ("blank", self.tr("打印空白回访单"), "Ctrl+B", self.print_blank_form_a, printing),
        ):
            button = QPushButton(f"{text} ({keys.split(' / ')[-1]})")
            button.setToolTip(self.tr("{action}（{keys}）").format(action=text, keys=keys))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        self.buttons["print_due"].setToolTip(
            self.tr("把所选网点全部待打印、已打印未收回的反馈单打印在一起（Ctrl+Shift+P）")
        )
        self.buttons["verify"].setToolTip(
            self.tr("已核对扫描件上的企业公章或经办人签字，与录入内容一致（F7）")
        )
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        # A batch of forms is written in the background: its progress, and a way to stop it.
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("取消生成(Esc)"))
        self.cancel_button.clicked.connect(self.cancel_generating)
        self.cancel_button.hide()
        self._generating: Operation | None = None
        status = QHBoxLayout()
        status.addWidget(self.message_label, 1)
        status.addWidget(self.progress_bar)
        status.addWidget(self.cancel_button)
        # A form's steps on one line, printing on the next: in English one line of eight
        # buttons would be wider than a 1366×768 screen.
        lifecycle.addStretch(1)
        printing.addStretch(1)
        actions = QVBoxLayout()
        actions.addLayout(lifecycle)
        actions.addLayout(printing)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(status)

    def _add_shortcuts(self) -> None:
        bindings: list[tuple[str, Callable[[], None]]] = [
            ("Ctrl+P", self.print_selected),
            ("Esc", self.cancel_generating),
            ("Ctrl+Shift+P", self.print_due),
            ("Ctrl+E", self.enter_answers),
            ("F6", self.mark_returned),
            ("F7", self.verify),
            ("F8", self.archive),
            ("Ctrl+T", self.print_slips),
            ("Ctrl+B", self.print_blank_form_a),
            ("F5", self.refresh),
        ]
        self.shortcuts = self.add_window_shortcuts(bindings)
        self.shortcuts += enter_activates(self.table, self.enter_answers)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    # The list

    def unit_id(self) -> int | None:
        return self.unit_combo.currentData()

    def refresh(self, *, new_cases: bool = True) -> None:
        """List the forms again from the first page; `new_cases`: first create the records of
        enterprise cases imported since (a scan of every case: not after each step)."""
        unit_id, status = self.unit_id(), self.status_combo.currentData()
        self._listing += 1

        def load(session: Session, _progress: Progress) -> Listing:
            if new_cases:
                ensure_form_b_records(session)
            return Listing(
                units=unit_choices(session),
                rows=form_b_list(session, unit_id=unit_id, status=status, limit=FORM_B_PAGE),
                total=form_b_count(session, unit_id=unit_id, status=status),
            )

        (
            operation(self, self.database, load)
            .expecting(*ALSO_EXPECTED)
            .on_success(self._show_listing)
            .on_failure(self._show_problem)
            .on_finish(self.operation_finished)
            .run()
        )

    def _filters_changed(self) -> None:
        self.refresh(new_cases=False)

    def _show_listing(self, listing: Listing) -> None:
        chosen = {row.id for row in self.selected_rows()}
        self.unit_combo.blockSignals(True)
        current = self.unit_id()
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("全部网点"), None)
        for unit_id, name in listing.units:
            self.unit_combo.addItem(name, unit_id)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(current)))
        self.unit_combo.blockSignals(False)
        self.model.show_rows(listing.rows, listing.total)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            COL_ENTERPRISE, QHeaderView.ResizeMode.Stretch
        )
        selection = self.table.selectionModel()
        for number, row in enumerate(listing.rows):
            if row.id in chosen:
                selection.select(
                    self.model.index(number, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self.count_label.setText(self.tr("共 {count} 份").format(count=listing.total))
        self._update_enabled()
        self.listed.emit()

    def _load_more(self) -> None:
        """The next page of the list, as the view scrolls to its end."""
        unit_id, status = self.unit_id(), self.status_combo.currentData()
        after, listing = self.model.row_at(self.model.rowCount() - 1).key, self._listing

        def load(session: Session, _progress: Progress) -> tuple[int, list[FormBRow]]:
            page = form_b_list(
                session, unit_id=unit_id, status=status, after=after, limit=FORM_B_PAGE
            )
            return listing, page

        (
            operation(self, self.database, load)
            .expecting(*ALSO_EXPECTED)
            .on_success(self._show_more)
            .on_failure(self._show_problem)
            .on_finish(self.operation_finished)
            .run()
        )

    def _show_more(self, loaded: tuple[int, list[FormBRow]]) -> None:
        listing, rows = loaded
        if listing == self._listing:  # not a page of a list since refreshed
            self.model.append_rows(rows)

    def selected_rows(self) -> list[FormBRow]:
        numbers = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(number) for number in numbers]

    def current_row(self) -> FormBRow | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.row_at(index.row())
        rows = self.selected_rows()
        return rows[0] if rows else None

    def _need_selection(self) -> list[FormBRow]:
        rows = self.selected_rows()
        if not rows:
            self.show_message(self.tr("请先在列表中选择反馈单。"), WARNING_STYLE)
        return rows

    # The forms' lives

    def mark_returned(self) -> None:
        rows = self._need_selection()
        if not rows or self._actions:
            return
        ids = [row.id for row in rows]

        def store(session: Session, _progress: Progress) -> int:
            return len(mark_returned(session, ids))

        self._step(store, lambda count: self.tr("已标记收回 {count} 份。").format(count=count))

    def verify(self) -> None:
        row = self.current_row()
        if row is None:
            self._need_selection()
            return
        if self._actions:
            return
        name, accepted = QInputDialog.getText(
            self,
            self.tr("核验反馈单"),
            self.tr(
                "{case_no}：已核对扫描件上的企业公章或经办人签字，录入内容与纸质反馈单一致。\n核验人："
            ).format(case_no=row.case_no),
            QLineEdit.EchoMode.Normal,
            working_here() or "",
        )
        if not accepted:
            return
        feedback_id = row.id

        def store(session: Session, _progress: Progress) -> int:
            verify(session, feedback_id, name)
            return 1

        self._step(store, lambda _count: self.tr("已核验 {case_no}。").format(case_no=row.case_no))

    def archive(self) -> None:
        row = self.current_row()
        if row is None:
            self._need_selection()
            return
        if self._actions:
            return
        location, accepted = QInputDialog.getText(
            self,
            self.tr("归档反馈单"),
            self.tr("{case_no}：纸质反馈单的存放位置（如 档案柜A-2026-11）：").format(
                case_no=row.case_no
            ),
            QLineEdit.EchoMode.Normal,
            preferences.ARCHIVE_LOCATION.get(),
        )
        if not accepted:
            return
        preferences.ARCHIVE_LOCATION.set(location)
        feedback_id = row.id

        def store(session: Session, _progress: Progress) -> int:
            archive(session, feedback_id, location)
            return 1

        self._step(store, lambda _count: self.tr("已归档 {case_no}。").format(case_no=row.case_no))

    def _step(self, work: Work, message: Callable[[int], str]) -> None:
        """Record a step of the forms' lives, say so (`message` of the count) and list again."""

        def done(count: int) -> None:
            self.show_message(message(count), SUCCESS_STYLE)
            self.forms_changed.emit()
            self.data_changed.emit()
            self.refresh(new_cases=False)

        self._action(
            operation(self, self.database, work)
            .expecting(*ALSO_EXPECTED)
            .on_success(done)
            .on_failure(self._show_problem)
        ).run()

    # Typing in a returned form

    def enter_answers(self) -> None:
        row = self.current_row()
        if row is None:
            self._need_selection()
            return
        if self._actions or self.answers_dialog is not None:
            return
        if row.status in (VERIFIED, ARCHIVED):
            self.show_message(
                self.tr("{case_no} 已{status}，不能再修改答卷。").format(
                    case_no=row.case_no, status=row.status_label
                ),
                WARNING_STYLE,
            )
            return
        feedback_id = row.id

        revisit_contact = working_here()
        database, case_id = self.database, row.case_id

        def load(session: Session, _progress: Progress) -> dict[str, Any]:
            initial = form_b_to_edit(session, feedback_id, revisit_contact)
            # The scan being typed from, shown beside the answers (its first pages).
            initial["scan_pages"] = [
                to_qimage(page_image(database, scan.attachment_id, scan.page_index))
                for scan in case_scans(session, case_id)[:MAX_SCAN_PAGES]
            ]
            return initial

        self._action(
            operation(self, self.database, load)
            .expecting(*ALSO_EXPECTED)
            .on_success(lambda initial: self._open_answers(row, initial))
            .on_failure(self._show_problem)
        ).run()

    def _open_answers(self, row: FormBRow, initial: dict[str, Any]) -> None:
        scan_pages = initial.pop("scan_pages", [])
        dialog = FormBAnswersDialog(row.case_no, initial, self, scan_pages=scan_pages)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda answers: self._save_answers(row, answers))
        dialog.finished.connect(self._answers_closed)
        self.answers_dialog = dialog
        dialog.open()

    def _answers_closed(self) -> None:
        self.answers_dialog = None

    def _save_answers(self, row: FormBRow, answers: Any) -> None:
        if self._actions:
            return
        feedback_id, was_printed = row.id, row.status == PRINTED
        operator = working_here()

        def store(session: Session, _progress: Progress) -> Any:
            if was_printed:
                mark_returned(session, [feedback_id])  # the filled paper is in hand
            operator_id = ensure_operator(session, operator) if operator else None
            return record_answers(session, feedback_id, answers, operator_id=operator_id)

        def saved(result: Any) -> None:
            if self.answers_dialog is not None:
                self.answers_dialog.accept()
            message = self.tr("已保存 {case_no} 的答卷。").format(case_no=row.case_no)
            if result.callback_task_id is not None:
                message = self.tr("已保存 {case_no} 的答卷，不满意已转二次回访。").format(
                    case_no=row.case_no
                )
            self.show_message(message, SUCCESS_STYLE)
            self.answers_saved.emit(result)
            self.data_changed.emit()
            self.refresh(new_cases=False)

        def refused(problem: Exception) -> None:
            if self.answers_dialog is not None:
                self.answers_dialog.show_error(str(problem), getattr(problem, "field", None))
            else:
                self._show_problem(problem)

        self._action(
            operation(self, self.database, store)
            .expecting(*ALSO_EXPECTED)
            .on_success(saved)
            .on_failure(refused)
        ).run()

    # Printing

    def print_selected(self) -> None:
        rows = self._need_selection()
        if not rows or self._actions:
            return
        done = [row for row in rows if row.status in (VERIFIED, ARCHIVED)]
        if done:
            self.show_message(
                self.tr("已核验或已归档的反馈单不能重新打印：{cases}").format(
                    cases="、".join(row.case_no for row in done[:5])
                ),
                WARNING_STYLE,
            )
            return
        ids = [row.id for row in rows]
        name = (
            self.tr("企业回访反馈单-{case_no}").format(case_no=rows[0].case_no)
            if len(rows) == 1
            else self.tr("企业回访反馈单-{count}份").format(count=len(rows))
        )

        def write(session: Session, path: Path, progress: Progress) -> list[int]:
            data = form_b_print_data(session, ids)
            write_form_b(data, path, progress)
            return [d.feedback_id for d in data if d.feedback_id is not None]

        self._generate(write, self.tr("打印企业回访反馈单"), name)

    def print_due(self) -> None:
        if self._actions:
            return
        unit_id = self.unit_id()
        if unit_id is None:
            self.show_message(self.tr("请先在“网点”中选择要打印的网点。"), WARNING_STYLE)
            self.unit_combo.setFocus()
            return
        unit = self.unit_combo.currentText()

        def write(session: Session, path: Path, progress: Progress) -> list[int]:
            data = form_b_print_data(session, unit_id=unit_id)
            if data:
                write_form_b(data, path, progress)
            return [d.feedback_id for d in data if d.feedback_id is not None]

        self._generate(
            write,
            self.tr("打印 {unit} 全部待办反馈单").format(unit=unit),
            self.tr("企业回访反馈单-{unit}").format(unit=unit),
            nothing=self.tr("{unit} 没有待打印的反馈单。").format(unit=unit),
        )

    def print_slips(self) -> None:
        rows = self._need_selection()
        if not rows or self._actions:
            return
        case_nos = [row.case_no for row in rows]

        def checked(example: bool) -> None:
            # An administrator may print the example address after confirming; anyone else is
            # refused by app.printing.slip, which says why.
            if example and permitted(Permission.ADMINISTER):
                self._confirm_example_address(case_nos)
            else:
                self._print_slips(case_nos, example_confirmed=False)

        self._action(
            operation(
                self, self.database, lambda session, _p: evaluation_address_is_example(session)
            ).on_success(checked)
        ).run()

    def _confirm_example_address(self, case_nos: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("示例评价地址"),
            self.tr(
                "网上评价地址仍是示例地址，群众扫描二维码会打不开。\n"
                "请先在“设置 → 设置… → 打印”中填写本中心的网上评价地址。\n\n"
                "仍要用示例地址打印吗（例如试打）？"
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        print_anyway = box.addButton(self.tr("仍然打印(&P)"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            self.example_question = None
            if box.clickedButton() == print_anyway:
                self._print_slips(case_nos, example_confirmed=True)
            else:
                self.show_message(self.tr("没有打印评价二维码条。"), WARNING_STYLE)

        box.finished.connect(answered)
        self.example_question = box
        box.open()

    def _print_slips(self, case_nos: list[str], *, example_confirmed: bool) -> None:
        me = logged_in()

        def write(session: Session, path: Path, _progress: Progress) -> list[int]:
            template = slip_address_template(
                session, example_confirmed=example_confirmed, by_id=me.id if me else None
            )
            write_evaluation_slips(case_nos, template, path)
            return []

        self._generate(
            write,
            self.tr("打印评价二维码条"),
            self.tr("评价二维码条-{count}件").format(count=len(case_nos)),
        )

    def print_blank_form_a(self) -> None:
        if self._actions:
            return
        copies, accepted = QInputDialog.getInt(
            self, self.tr("打印空白回访单"), self.tr("份数："), 10, 1, 500
        )
        if not accepted:
            return

        def write(_session: Session, path: Path, _progress: Progress) -> list[int]:
            write_blank_form_a(path, copies)
            return []

        self._generate(
            write,
            self.tr("打印空白回访单（附件 A）"),
            self.tr("空白回访单-{copies}份").format(copies=copies),
        )

    def _generate(
        self,
        write: Callable[[Session, Path, Progress], list[int]],
        title: str,
        file_name: str,
        nothing: str | None = None,
    ) -> None:
        """Write the document in the background, then open its pages for printing."""
        folder = Path(tempfile.mkdtemp(prefix="revisitdesk-print-"))
        path = folder / "document.pdf"

        def generate(session: Session, progress: Progress) -> PrintJob | None:
            ids = write(session, path, progress)
            if not path.exists():
                return None
            return PrintJob(folder, path, ids, title, file_name)

        def generated(job: PrintJob | None) -> None:
            if job is None:
                shutil.rmtree(folder, ignore_errors=True)
                self.show_message(nothing or "", WARNING_STYLE)
                return
            self._open_print_dialog(job)

        def failed(problem: Exception) -> None:
            shutil.rmtree(folder, ignore_errors=True)
            self._show_problem(problem)

        def cancelled() -> None:
            shutil.rmtree(folder, ignore_errors=True)
            self.show_message(self.tr("已取消生成，什么也没有打印。"), WARNING_STYLE)

        def ended() -> None:
            self._generating = None
            self.progress_bar.hide()
            self.cancel_button.hide()

        self.show_message(self.tr("正在生成…"), INFO_STYLE)
        self._generating = self._action(
            operation(self, self.database, generate)
            .expecting(*ALSO_EXPECTED)
            .on_success(generated)
            .on_failure(failed)
            .on_cancel(cancelled)
            .with_progress(self._show_progress)
            .on_finish(ended)
        ).run()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_bar.show()
        self.cancel_button.show()
        self.show_message(
            self.tr("正在生成… 第 {done} / {total} 页").format(done=done, total=total), INFO_STYLE
        )

    def cancel_generating(self) -> None:
        """Stop writing the forms at the next page: nothing is printed or marked."""
        if self._generating is not None:
            self._generating.cancel()

    def _open_print_dialog(self, job: PrintJob) -> None:
        dialog = PdfPrintDialog(job.path, job.title, job.file_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.printed.connect(lambda where: self._printed(job, where))
        dialog.finished.connect(lambda _result: shutil.rmtree(job.folder, ignore_errors=True))
        dialog.destroyed.connect(self._print_dialog_closed)
        self.print_dialog = dialog
        self.show_message("")
        dialog.open()
        self.print_ready.emit(dialog)

    def _print_dialog_closed(self) -> None:
        self.print_dialog = None

    def _printed(self, job: PrintJob, where: str) -> None:
        if not job.feedback_ids:
            self.show_message(self.tr("已输出到 {where}。").format(where=where), SUCCESS_STYLE)
            return
        ids = job.feedback_ids

        def store(session: Session, _progress: Progress) -> int:
            return len(mark_printed(session, ids))

        self._step(
            store,
            lambda count: self.tr("已打印 {count} 份反馈单，输出到 {where}。").format(
                count=count, where=where
            ),
        )

    # Background work

    def _action(self, step: Operation) -> Operation:
        """A step the person took: the page's buttons wait until it is done."""
        self._actions += 1
        self._update_enabled()
        return step.on_finish(self._action_done)

    def _action_done(self) -> None:
        self._actions -= 1
        self._update_enabled()
        self.operation_finished.emit()

    def _update_enabled(self) -> None:
        idle = not self._actions
        selected = bool(self.table.selectionModel().selectedRows())
        for name in ("answers", "returned", "verify", "archive", "print", "slips"):
            self.buttons[name].setEnabled(idle and selected)
        self.buttons["print_due"].setEnabled(idle)
        self.buttons["blank"].setEnabled(idle)

    def _show_problem(self, problem: Exception) -> None:
        text = getattr(problem, "message", None) or str(problem)
        if isinstance(problem, OSError) and not isinstance(problem, Refused):
            text = self.tr("无法写入文件：{reason}").format(reason=file_error_text(problem))
        self.show_message(text, WARNING_STYLE)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
