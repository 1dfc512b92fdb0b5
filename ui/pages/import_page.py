"""The import page: choose a file and its kind, check the preview and the columns, import it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.importing import KINDS, ImportSummary, import_table
from app.importing.problems import render
from app.importing.profiles import DEFAULT_PROFILE, ImportProfile, list_profiles
from app.importing.reader import read_table
from app.importing.service import find_unknown_units, remember_mapping
from app.importing.unknown_units import UnitChoices
from app.roles import Permission, role_label
from app.units import unit_choices
from db.database import Database
from ui.current_user import logged_in, permitted
from ui.error_dialog import refusal_text
from ui.importing.column_choice import (
    FileInspection,
    choice_problem,
    import_input,
    inspect_table,
    mapping_of,
)
from ui.importing.mapping_form import MappingForm
from ui.importing.preview_model import PREVIEW_ROWS, PreviewModel
from ui.importing.profile_dialog import ProfileDialog
from ui.importing.summary_view import ERROR_STYLE, SummaryView
from ui.importing.unit_choice import UnitChoicePanel, UnitQuestion
from ui.operations import Operation, Progress, operation
from ui.pages.page import Page
from ui.shortcuts import shortcuts

KIND_TITLES = {
    "cases": QT_TRANSLATE_NOOP("ImportPage", "业务件导出"),
    "evaluations": QT_TRANSLATE_NOOP("ImportPage", "好差评评价导出"),
    "ledger": QT_TRANSLATE_NOOP("ImportPage", "电话回访台账"),
}
FILE_PATTERNS = "*.csv *.xlsx *.xls *.ods"
NOTICE_STYLE = "color: #555555;"


class ImportPage(Page):
    # A background step (reading a file, importing it) finished and its result is on screen.
    operation_finished = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.setAcceptDrops(True)
        self.operation: Operation | None = None
        self.inspection: FileInspection | None = None
        self._choice_ok = False

        self.kind_combo = QComboBox()
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for kind in KINDS:
            self.kind_combo.addItem(self.tr(KIND_TITLES[kind]), kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        kind_label = QLabel(self.tr("类型(&T)："))
        kind_label.setBuddy(self.kind_combo)

        # How an evaluations export is read: the platform's import profile (issue 17).
        self.profile_combo = QComboBox()
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.profile_combo.addItem(DEFAULT_PROFILE, DEFAULT_PROFILE)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.profile_label = QLabel(self.tr("导入方案(&P)："))
        self.profile_label.setBuddy(self.profile_combo)
        self.profiles_button = QPushButton(self.tr("管理方案(&G)…"))
        self.profiles_button.setToolTip(
            self.tr("添加或修改好差评平台的导出格式：表头、等级代码的方向、渠道代码、默认评价")
        )
        self.profiles_button.clicked.connect(self.open_profiles)
        self.profile_dialog: ProfileDialog | None = None

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("文件路径，按回车读取"))
        self.path_edit.returnPressed.connect(self._path_entered)
        path_label = QLabel(self.tr("文件(&L)："))
        path_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(self.tr("选择文件(&O)…"))
        self.browse_button.clicked.connect(self.choose_file)

        file_row = QHBoxLayout()
        file_row.addWidget(kind_label)
        file_row.addWidget(self.kind_combo)
        file_row.addSpacing(8)
        file_row.addWidget(self.profile_label)
        file_row.addWidget(self.profile_combo)
        file_row.addWidget(self.profiles_button)
        file_row.addSpacing(16)
        file_row.addWidget(path_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet(
            "QLabel { border: 2px dashed palette(mid); border-radius: 8px; padding: 24px;"
            " color: #555555; }"
        )
        self.summary_view = SummaryView()
        self.summary_view.back_requested.connect(self._back_to_preview)
        self.unit_panel = UnitChoicePanel()
        self.unit_panel.back_requested.connect(self._back_to_preview)
        self.unit_panel.import_requested.connect(self.start_import)

        self.reading_panel = self._build_reading_panel()

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.reading_panel)
        self.preview_panel = self._build_preview_panel()
        self.stack.addWidget(self.preview_panel)
        self.stack.addWidget(self.summary_view)
        self.stack.addWidget(self.unit_panel)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.message_label)
        layout.addWidget(self.stack, 1)

        shortcuts(
            self,
            [
                ("Ctrl+Return", self.start_import),
                ("Ctrl+Enter", self.start_import),
                (Qt.Key.Key_Escape, self.cancel_import),
            ],
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

        self._show_placeholder(
            self.tr(
                "选择要导入的文件，或把文件拖到这里。\n支持 CSV、Excel（.xlsx、.xls）和 ODS 表格。"
            )
        )
        self._show_profile_choice()
        if not permitted(Permission.ADMINISTER):
            self._show_placeholder(self.not_permitted_text())
            for widget in (
                self.kind_combo,
                self.path_edit,
                self.browse_button,
                self.profile_combo,
                self.profiles_button,
            ):
                widget.setEnabled(False)
            self.setAcceptDrops(False)
        else:
            self.load_profiles()

    def not_permitted_text(self) -> str:
        person = logged_in()
        return self.tr(
            "只有管理员可以导入数据（您的角色：{role}）。\n请用管理员账号登录：管理 → 切换用户/注销。"
        ).format(role=role_label(person.role) if person else "—")

    def _build_preview_panel(self) -> QWidget:
        self.preview_title = QLabel()
        self.preview_title.setWordWrap(True)
        self.preview_model = PreviewModel(self)
        self.preview_table = QTableView()
        self.preview_table.setModel(self.preview_model)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setWordWrap(False)
        self.preview_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_title)
        preview_layout.addWidget(self.preview_table, 1)

        self.mapping_note = QLabel()
        self.mapping_note.setWordWrap(True)
        self.mapping_form = MappingForm()
        self.mapping_form.choice_changed.connect(self._check_choice)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.mapping_form)
        mapping_box = QGroupBox(self.tr("列对应"))
        mapping_box.setMinimumWidth(330)
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.addWidget(self.mapping_note)
        mapping_layout.addWidget(scroll, 1)

        splitter = QSplitter()
        splitter.addWidget(preview)
        splitter.addWidget(mapping_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.strict_check = QCheckBox(self.tr("严格模式（有错误行则整个文件不导入）"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(360)
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("取消(&C)"))
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.hide()
        self.import_button = QPushButton(self.tr("导入(&I)"))
        self.import_button.setToolTip(self.tr("导入这个文件（Ctrl+Enter）"))
        self.import_button.clicked.connect(self.start_import)
        actions = QHBoxLayout()
        actions.addWidget(self.strict_check)
        actions.addStretch(1)
        actions.addWidget(self.progress_bar, 1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.import_button)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        return panel

    def _build_reading_panel(self) -> QWidget:
        """What shows while a file is read: its name, a busy bar and Cancel (Alt+C), since a
        damaged or huge workbook may take its reader long to refuse."""
        self.reading_label = QLabel()
        self.reading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reading_label.setWordWrap(True)
        self.reading_bar = QProgressBar()
        self.reading_bar.setRange(0, 0)
        self.reading_bar.setMaximumWidth(360)
        self.reading_cancel = QPushButton(self.tr("取消读取(&C)"))
        self.reading_cancel.clicked.connect(self.cancel_reading)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        layout.addWidget(self.reading_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reading_bar, 1)
        row.addWidget(self.reading_cancel)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return panel

    # Choosing and reading a file

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def profile(self) -> str | None:
        """The import profile chosen for an evaluations export; None for other kinds."""
        return self.profile_combo.currentData() if self.kind() == "evaluations" else None

    # Import profiles

    def load_profiles(self, select: str | None = None) -> None:
        """Fill the profile list from the database, keeping (or choosing) `select`."""
        wanted = select or self.profile_combo.currentData()

        def read(session: Session, _progress: Progress) -> list[ImportProfile]:
            return list_profiles(session)

        operation(self, self.database, read).on_success(
            lambda profiles: self._show_profiles(profiles, wanted)
        ).on_failure(self._show_problem).run()

    def _show_profiles(self, profiles: list[ImportProfile], wanted: str | None) -> None:
        before = self.profile_combo.currentData()
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in profiles:
            self.profile_combo.addItem(profile.name, profile.name)
            self.profile_combo.setItemData(
                self.profile_combo.count() - 1,
                f"{profile.title}\n{profile.description()}",
                Qt.ItemDataRole.ToolTipRole,
            )
        index = self.profile_combo.findData(wanted)
        self.profile_combo.setCurrentIndex(index if index >= 0 else 0)
        self.profile_combo.blockSignals(False)
        if self.profile_combo.currentData() != before or wanted == before:
            # The profile chosen (or its definition, just edited) may read the file otherwise.
            self._profile_changed()

    def _show_profile_choice(self) -> None:
        shown = self.kind() == "evaluations"
        for widget in (self.profile_label, self.profile_combo, self.profiles_button):
            widget.setVisible(shown)

    def open_profiles(self) -> None:
        """The 导入方案 dialog, on the profile chosen here; what is saved there is chosen here."""
        if not permitted(Permission.ADMINISTER) or self.operation is not None:
            return
        dialog = ProfileDialog(self.database, self, current=self.profile_combo.currentData())
        dialog.saved.connect(lambda name: self.load_profiles(select=name))
        dialog.removed.connect(lambda _name: self.load_profiles())
        self.profile_dialog = dialog
        dialog.finished.connect(self._profiles_closed)
        dialog.open()

    def _profiles_closed(self) -> None:
        self.profile_dialog = None
        self.profile_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _profile_changed(self) -> None:
        """The same evaluations export, read through another profile: its columns change."""
        if self.inspection is None or self.kind() != "evaluations" or self.operation is not None:
            return
        self._reinspect()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择要导入的文件"),
            self.path_edit.text(),
            self.tr("表格文件 ({patterns})").format(patterns=FILE_PATTERNS),
        )
        if path:
            self.load_file(Path(path))

    def _path_entered(self) -> None:
        if self.path_edit.text().strip():
            self.load_file(Path(self.path_edit.text().strip()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) and self.operation is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path and self.operation is None:
            event.acceptProposedAction()
            self.load_file(path)

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls()
        return Path(urls[0].toLocalFile()) if urls and urls[0].isLocalFile() else None

    def load_file(self, path: Path) -> None:
        """Read `path` in the background, then show its preview and columns."""
        if not permitted(Permission.ADMINISTER):  # only administrators import (issue 7)
            self._show_message(self.not_permitted_text(), ERROR_STYLE)
            return
        self.path_edit.setText(str(path))
        kind, profile = self.kind(), self.profile()

        def read_and_inspect(session: Session, progress: Progress) -> FileInspection:
            return inspect_table(session, kind, read_table(path, progress), path.name, profile)

        self._hide_message()
        self.reading_label.setText(self.tr("正在读取 {file}…").format(file=path.name))
        self.reading_cancel.setEnabled(True)
        self.stack.setCurrentWidget(self.reading_panel)
        self._start(
            operation(self, self.database, read_and_inspect)
            .on_success(self._show_inspection)
            .on_failure(self._show_file_problem)
            .on_cancel(self._reading_cancelled)
        )

    def cancel_reading(self) -> None:
        if self.operation is not None and self.stack.currentWidget() is self.reading_panel:
            self.reading_cancel.setEnabled(False)
            self.operation.cancel()

    def _reading_cancelled(self) -> None:
        self.inspection = None
        self._show_placeholder(self.tr("已取消读取文件。请重新选择文件。"))

    def _kind_changed(self) -> None:
        """The same file, looked at as another kind: its columns and remembered mapping change."""
        self._show_profile_choice()
        if self.inspection is None:
            return
        self._reinspect()

    def _reinspect(self) -> None:
        assert self.inspection is not None
        kind, table, filename = self.kind(), self.inspection.table, self.inspection.filename
        profile = self.profile()

        def inspect(session: Session, _progress: Progress) -> FileInspection:
            return inspect_table(session, kind, table, filename, profile)

        self._start(
            operation(self, self.database, inspect)
            .on_success(self._show_inspection)
            .on_failure(self._show_problem)
        )

    def _show_inspection(self, inspection: FileInspection) -> None:
        self.inspection = inspection
        data_rows = inspection.data_rows()
        self.preview_model.show_rows(inspection.header, data_rows)
        self.preview_table.resizeColumnsToContents()
        if inspection.table.sheet:
            where = self.tr("工作表“{sheet}”，第 {line} 行是表头").format(
                sheet=inspection.table.sheet, line=inspection.header_line
            )
        else:
            where = self.tr("第 {line} 行是表头").format(line=inspection.header_line)
        self.preview_title.setText(
            self.tr("{where}；下面是前 {shown} 行，共 {rows} 行数据。").format(
                where=where, shown=min(PREVIEW_ROWS, len(data_rows)), rows=len(data_rows)
            )
        )
        self.mapping_form.show_fields(inspection.fields, inspection.header, inspection.initial)
        self.mapping_note.setText(
            self.tr("已使用上次为这种表头保存的列对应。带 * 的字段必须有对应的列。")
            if inspection.initial != inspection.detected
            else self.tr("已按表头自动识别，也可以手动选择。带 * 的字段必须有对应的列。")
        )
        self.stack.setCurrentWidget(self.preview_panel)
        self._check_choice()

    def _show_file_problem(self, problem: Exception) -> None:
        self.inspection = None
        self._show_placeholder(self.tr("没有读取文件。请检查后重新选择。"))
        self._show_problem(problem)

    def _check_choice(self) -> None:
        """Say inline why the chosen columns cannot be imported; allow importing when they can."""
        assert self.inspection is not None
        choice = self.mapping_form.choice()
        fields_by_column: dict[int, list[str]] = {}
        for field in self.inspection.fields:
            if choice[field.key] is not None:
                fields_by_column.setdefault(choice[field.key], []).append(field.label)
        self.preview_model.show_fields({c: "、".join(f) for c, f in fields_by_column.items()})
        problem = choice_problem(self.inspection, choice)
        self._choice_ok = problem is None
        if problem:
            self._show_problem(problem)
        else:
            self._hide_message()
        self._update_enabled()

    # Importing

    def start_import(self) -> None:
        if not permitted(Permission.ADMINISTER):
            self._show_message(self.not_permitted_text(), ERROR_STYLE)
            return
        answering = self.stack.currentWidget() is self.unit_panel
        if self.operation is not None or not (
            answering or self.stack.currentWidget() is self.preview_panel
        ):
            return
        if not answering and not self.import_button.isEnabled():
            return
        inspection = self.inspection
        assert inspection is not None
        choice = self.mapping_form.choice()
        table, mapping = import_input(inspection, choice)
        # Columns the importer would not have chosen by itself are remembered for this header;
        # so is a return to its own choice, replacing a mapping remembered before.
        remember = choice != inspection.detected or inspection.initial != inspection.detected
        strict = self.strict_check.isChecked()
        profile = inspection.profile.name if inspection.profile is not None else None
        # What to do with each unknown 受理单位, once the operator has been asked (issue 15).
        chosen = self.unit_panel.choices() if answering else {}
        person = logged_in()  # the importer checks the role again (app.importing.service)
        by_id = person.id if person is not None else None

        def do_import(session: Session, progress: Progress) -> ImportSummary | UnitQuestion:
            # A case file naming units that no unit has is not imported before the operator
            # chose, name by name, what becomes of their rows; nothing is written meanwhile.
            unknown = find_unknown_units(
                session, inspection.kind, table, mapping=mapping, progress=progress
            )
            if any(unit.name not in chosen for unit in unknown):
                units = [name for _id, name in unit_choices(session)]
                return UnitQuestion(unknown, units)
            if remember:
                mapping_to_keep = mapping_of(inspection, choice)
                remember_mapping(session, inspection.kind, inspection.header, mapping_to_keep)
            return import_table(
                session,
                inspection.kind,
                table,
                inspection.filename,
                mapping=mapping,
                strict=strict,
                units=UnitChoices(chosen),
                profile=profile,
                progress=progress,
                by_id=by_id,
            )

        self._hide_message()
        # The progress and Cancel are under the preview; the choices are taken.
        self.stack.setCurrentWidget(self.preview_panel)
        self.progress_bar.setRange(0, 0)  # busy until the first report
        self.progress_bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self._start(
            operation(self, self.database, do_import)
            .on_success(self._show_outcome)
            .on_failure(self._show_problem)
            .on_cancel(self._import_cancelled)
            .with_progress(self._show_progress)
        )

    def cancel_import(self) -> None:
        if self.operation is not None and self.cancel_button.isVisible():
            self.cancel_button.setEnabled(False)
            self.operation.cancel()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _show_outcome(self, outcome: ImportSummary | UnitQuestion) -> None:
        assert self.inspection is not None
        if isinstance(outcome, UnitQuestion):
            self.unit_panel.ask(outcome)
            self.stack.setCurrentWidget(self.unit_panel)
            return
        summary = outcome
        self.summary_view.show_summary(summary, self.inspection.header)
        self.stack.setCurrentWidget(self.summary_view)
        if summary.imported:
            self.data_changed.emit()

    def _import_cancelled(self) -> None:
        self._show_message(render("cancelled", {}), NOTICE_STYLE)

    def _back_to_preview(self) -> None:
        self.stack.setCurrentWidget(self.preview_panel)
        self._check_choice()

    # Running background steps, and what the page allows meanwhile

    def _start(self, step: Operation) -> None:
        """Run `step`, one at a time: the file and its columns stay as they are meanwhile."""
        self.operation = step.on_finish(self._operation_done).run()
        self._update_enabled()

    def _operation_done(self) -> None:
        self.operation = None
        self.progress_bar.hide()
        self.cancel_button.hide()
        self._update_enabled()
        if self.stack.currentWidget() is self.unit_panel:  # asked about unknown units
            self.unit_panel.focus_first()
        self.operation_finished.emit()

    def _update_enabled(self) -> None:
        idle = self.operation is None
        for widget in (
            self.kind_combo,
            self.profile_combo,
            self.profiles_button,
            self.path_edit,
            self.browse_button,
            self.mapping_form,
            self.strict_check,
            self.summary_view.back_button,
            self.unit_panel,
        ):
            widget.setEnabled(idle)
        self.import_button.setEnabled(idle and self.inspection is not None and self._choice_ok)

    def _show_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def _show_problem(self, problem: Exception) -> None:
        self._show_message(refusal_text(problem), ERROR_STYLE)

    def _show_message(self, text: str, style: str) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
        self.message_label.show()

    def _hide_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()
