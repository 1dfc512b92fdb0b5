"""The forms of a 差评's steps (app.bad_reviews.process), each typed from the keyboard: 核实,
申诉 with its evidence files, 复核结论, 整改计划, 整改结果, 反馈评价人 and 结案.

Choices are answered with a number key as on Form A (the focus moves on by itself); the form
stays open until its step is stored, as every step form does (ui.step_dialog).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.bad_reviews.process import CITY_BUREAU, TEAM_LEAD
from app.callbacks.contacts import MEANS, means_label
from app.scanning.files import ScanRefused
from ui import file_dialogs
from ui.desk.form_a import STYLE, Choice, ChoiceRow
from ui.step_dialog import StepDialog, text_box


def _yes_no(yes: str, no: str) -> list[Choice]:
    """Key 1 for True, 2 for False."""
    return [Choice(("1",), yes, True), Choice(("2",), no, False)]


class ReviewStepDialog(StepDialog):
    """A 差评 step's form: Form A's look for its choice rows; a refusal naming a field puts the
    focus there."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, ok_text, parent)
        self.setStyleSheet(STYLE)
        self.fields: dict[str, QWidget] = {}

    def align(self, *rows: ChoiceRow) -> None:
        """The choice rows' titles one width, so that their buttons line up."""
        widest = max(row.title_label.sizeHint().width() for row in rows)
        for row in rows:
            row.title_label.setFixedWidth(widest + 8)

    def show_refusal(self, problem: Exception) -> bool:
        """Show a refusal of the domain beside the field it names; False when it names none
        (the owner shows it in a message box)."""
        field = getattr(problem, "field", None)
        if isinstance(problem, ScanRefused):  # an evidence file that is no image or PDF
            field = "evidence"
        if field in self.fields:
            self.show_error(str(problem), self.fields[field])
            return True
        return False


class VerifyDialog(ReviewStepDialog):
    """核实: 属实?  合理?  恶意? — then what was found, and why malicious when it is."""

    submitted = Signal(dict)

    def __init__(self, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("核实差评 {case_no}").format(case_no=case_no), self.tr("保存"), parent
        )
        self.true_row = ChoiceRow(self.tr("是否属实"), _yes_no(self.tr("属实"), self.tr("不属实")))
        self.reasonable_row = ChoiceRow(
            self.tr("是否合理"), _yes_no(self.tr("合理"), self.tr("不合理"))
        )
        self.malicious_row = ChoiceRow(
            self.tr("是否恶意评价"),
            [
                Choice(("1",), self.tr("否"), False),
                Choice(("2",), self.tr("是，恶意评价"), True, warning=True),
            ],
        )
        self.malicious_row.answered.connect(self._malicious_changed)
        self.verification_edit = text_box(self.tr("核实经过和结论（必填）"), lines=3, fixed=True)
        verification_label = QLabel(self.tr("核实情况(&V)："))
        verification_label.setBuddy(self.verification_edit)
        self.reason_edit = text_box(
            self.tr("认定为恶意评价的理由和依据（必填）"), lines=2, fixed=True
        )
        self.reason_label = QLabel(self.tr("恶意理由(&W)："))
        self.reason_label.setBuddy(self.reason_edit)
        note = QLabel(
            self.tr(
                "属实且非恶意的差评进入整改；不属实或恶意的，可由单位提出申诉复核。"
                "数字键回答，答完自动跳到下一项。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        for row in (self.true_row, self.reasonable_row, self.malicious_row):
            self.body.addWidget(row)
        self.body.addWidget(verification_label)
        self.body.addWidget(self.verification_edit)
        self.body.addWidget(self.reason_label)
        self.body.addWidget(self.reason_edit)
        self.body.addWidget(note)
        self.fields = {
            "found_true": self.true_row,
            "found_reasonable": self.reasonable_row,
            "malicious": self.malicious_row,
            "verification": self.verification_edit,
            "malicious_reason": self.reason_edit,
        }
        self.align(self.true_row, self.reasonable_row, self.malicious_row)
        self._malicious_changed()
        self.fit(560)
        self.true_row.setFocus()

    def _malicious_changed(self) -> None:
        shown = self.malicious_row.value() is True
        self.reason_label.setVisible(shown)
        self.reason_edit.setVisible(shown)

    def submit(self) -> None:
        for row in (self.true_row, self.reasonable_row, self.malicious_row):
            if row.value() is None:
                self.show_error(
                    self.tr("还没有回答：{item}").format(item=row.title_label.text()), row
                )
                return
        if not self.verification_edit.toPlainText().strip():
            self.show_error(self.tr("请填写核实情况。"), self.verification_edit)
            return
        malicious = self.malicious_row.value()
        if malicious and not self.reason_edit.toPlainText().strip():
            self.show_error(self.tr("请写明认定为恶意评价的理由。"), self.reason_edit)
            return
        self.submitted.emit(
            {
                "found_true": self.true_row.value(),
                "found_reasonable": self.reasonable_row.value(),
                "malicious": malicious,
                "verification": self.verification_edit.toPlainText(),
                "malicious_reason": self.reason_edit.toPlainText() if malicious else None,
            }
        )


class AppealDialog(ReviewStepDialog):
    """申诉复核: the unit's reasons, and its evidence files (images or PDF)."""

    submitted = Signal(str, list)  # reasons, [Path]

    def __init__(self, case_no: str, due_days: int, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("申诉复核 {case_no}").format(case_no=case_no), self.tr("提出申诉"), parent
        )
        self.reasons_edit = text_box(
            self.tr("申诉理由：差评不属实或属恶意评价的事实和依据（必填）"), lines=4, fixed=True
        )
        reasons_label = QLabel(self.tr("申诉理由(&Y)："))
        reasons_label.setBuddy(self.reasons_edit)
        self.evidence_list = QListWidget()
        self.evidence_list.setMaximumHeight(self.fontMetrics().height() * 6)
        evidence_label = QLabel(self.tr("证据材料(&L)（图片或 PDF，至少一份）："))
        evidence_label.setBuddy(self.evidence_list)
        self.add_button = QPushButton(self.tr("添加文件(&A)…"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_files)
        self.remove_button = QPushButton(self.tr("移除(&X)"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.evidence_list).activated.connect(
            self.remove_current
        )
        files_row = QHBoxLayout()
        files_row.addWidget(self.add_button)
        files_row.addWidget(self.remove_button)
        files_row.addStretch(1)
        note = QLabel(
            self.tr(
                "申诉由组长或市局在 {days} 个工作日内复核；提出申诉的人不能复核自己的申诉。"
            ).format(days=due_days)
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        self.body.addWidget(reasons_label)
        self.body.addWidget(self.reasons_edit)
        self.body.addWidget(evidence_label)
        self.body.addWidget(self.evidence_list)
        self.body.addLayout(files_row)
        self.body.addWidget(note)
        self.fields = {"appeal_reasons": self.reasons_edit, "evidence": self.add_button}
        self.fit(600)
        self.reasons_edit.setFocus()

    def paths(self) -> list[Path]:
        return [
            Path(self.evidence_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.evidence_list.count())
        ]

    def add_paths(self, paths: list[Path]) -> None:
        known = set(self.paths())
        for path in paths:
            if path not in known:
                item = QListWidgetItem(path.name)
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                item.setToolTip(str(path))
                self.evidence_list.addItem(item)
                known.add(path)
        self.error_label.hide()

    def add_files(self) -> None:
        paths = file_dialogs.open_paths(
            self,
            self.tr("选择证据材料"),
            "scans",
            self.tr("图片或 PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;所有文件 (*)"),
        )
        self.add_paths(paths)
        self.evidence_list.setFocus()

    def remove_current(self) -> None:
        row = self.evidence_list.currentRow()
        if row >= 0:
            self.evidence_list.takeItem(row)

    def submit(self) -> None:
        if not self.reasons_edit.toPlainText().strip():
            self.show_error(self.tr("请填写申诉理由。"), self.reasons_edit)
            return
        if not self.paths():
            self.show_error(self.tr("请添加至少一份证据材料。"), self.add_button)
            return
        self.submitted.emit(self.reasons_edit.toPlainText(), self.paths())


class DecisionDialog(ReviewStepDialog):
    """申诉复核结论: upheld or not, by a team lead or the city bureau (named), and why."""

    submitted = Signal(dict)

    def __init__(self, case_no: str, appeal: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("申诉复核结论 {case_no}").format(case_no=case_no), self.tr("保存"), parent
        )
        context = QLabel(appeal)
        context.setWordWrap(True)
        context.setStyleSheet("background: #f3f3f3; border: 1px solid #d0d0d0; padding: 6px;")
        self.upheld_row = ChoiceRow(
            self.tr("申诉结论"),
            [
                Choice(("1",), self.tr("申诉成立（差评不成立）"), True),
                Choice(("2",), self.tr("申诉不成立（差评成立，整改）"), False, warning=True),
            ],
        )
        self.decider_row = ChoiceRow(
            self.tr("复核"),
            [
                Choice(("1",), self.tr("组长复核"), TEAM_LEAD),
                Choice(("2",), self.tr("市局复核"), CITY_BUREAU),
            ],
        )
        self.decider_row.answered.connect(self._decider_changed)
        self.bureau_edit = QLineEdit()
        self.bureau_edit.setPlaceholderText(self.tr("作出复核结论的市局部门或人员"))
        self.bureau_edit.setMaxLength(100)
        self.bureau_label = QLabel(self.tr("市局部门(&U)："))
        self.bureau_label.setBuddy(self.bureau_edit)
        self.opinion_edit = text_box(self.tr("复核意见（必填）"), lines=3, fixed=True)
        opinion_label = QLabel(self.tr("复核意见(&O)："))
        opinion_label.setBuddy(self.opinion_edit)
        bureau = QHBoxLayout()
        bureau.addWidget(self.bureau_label)
        bureau.addWidget(self.bureau_edit, 1)
        self.body.addWidget(context)
        self.body.addWidget(self.upheld_row)
        self.body.addWidget(self.decider_row)
        self.body.addLayout(bureau)
        self.body.addWidget(opinion_label)
        self.body.addWidget(self.opinion_edit)
        self.fields = {
            "upheld": self.upheld_row,
            "decider": self.decider_row,
            "decider_name": self.bureau_edit,
            "appeal_opinion": self.opinion_edit,
        }
        self.align(self.upheld_row, self.decider_row)
        self._decider_changed()
        self.fit(600)
        self.upheld_row.setFocus()

    def _decider_changed(self) -> None:
        bureau = self.decider_row.value() == CITY_BUREAU
        self.bureau_edit.setEnabled(bureau)
        self.bureau_label.setEnabled(bureau)

    def submit(self) -> None:
        for row in (self.upheld_row, self.decider_row):
            if row.value() is None:
                self.show_error(
                    self.tr("还没有回答：{item}").format(item=row.title_label.text()), row
                )
                return
        decider = self.decider_row.value()
        if decider == CITY_BUREAU and not self.bureau_edit.text().strip():
            self.show_error(self.tr("请填写作出复核结论的市局部门或人员。"), self.bureau_edit)
            return
        if not self.opinion_edit.toPlainText().strip():
            self.show_error(self.tr("请填写复核意见。"), self.opinion_edit)
            return
        self.submitted.emit(
            {
                "upheld": self.upheld_row.value(),
                "decider": decider,
                "decider_name": self.bureau_edit.text() if decider == CITY_BUREAU else None,
                "opinion": self.opinion_edit.toPlainText(),
            }
        )


class PlanDialog(ReviewStepDialog):
    """整改: what will be done, by whom, by when (not after the rule's deadline)."""

    submitted = Signal(dict)

    def __init__(
        self,
        case_no: str,
        limit: date | None,
        measures: str | None = None,
        owner: str | None = None,
        by: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("整改 {case_no}").format(case_no=case_no), self.tr("保存"), parent)
        self.measures_edit = text_box(self.tr("将采取的整改措施（必填）"), lines=4, fixed=True)
        self.measures_edit.setPlainText(measures or "")
        self.owner_edit = QLineEdit(owner or "")
        self.owner_edit.setPlaceholderText(self.tr("负责整改的人员或科室（必填）"))
        self.owner_edit.setMaxLength(100)
        today = clock.today()
        self.by_edit = QDateEdit(QDate(by or limit or today))
        self.by_edit.setDisplayFormat("yyyy-MM-dd")
        self.by_edit.setCalendarPopup(True)
        self.by_edit.setMinimumDate(QDate(today))
        if limit is not None:
            self.by_edit.setMaximumDate(QDate(limit))
        form = QFormLayout()
        form.addRow(self.tr("整改措施(&G)："), self.measures_edit)
        form.addRow(self.tr("责任人(&W)："), self.owner_edit)
        form.addRow(self.tr("完成日期(&D)："), self.by_edit)
        limit_text = (
            self.tr("整改期限：{day}（完成日期不能晚于此日）").format(day=limit.isoformat())
            if limit is not None
            else self.tr("整改期限所在年份的工作日历尚未录入：请填写完成日期。")
        )
        note = QLabel(limit_text)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        self.body.addLayout(form)
        self.body.addWidget(note)
        self.fields = {
            "rectify_measures": self.measures_edit,
            "rectify_owner": self.owner_edit,
            "rectify_by": self.by_edit,
        }
        self.fit(600)
        self.measures_edit.setFocus()

    def submit(self) -> None:
        if not self.measures_edit.toPlainText().strip():
            self.show_error(self.tr("请填写整改措施。"), self.measures_edit)
            return
        if not self.owner_edit.text().strip():
            self.show_error(self.tr("请填写整改责任人。"), self.owner_edit)
            return
        by = self.by_edit.date().toPython()
        assert isinstance(by, date)
        self.submitted.emit(
            {
                "measures": self.measures_edit.toPlainText(),
                "owner": self.owner_edit.text(),
                "by": by,
            }
        )


class FeedbackDialog(ReviewStepDialog):
    """The result fed back to the citizen: how, what was said, and whether they were satisfied."""

    submitted = Signal(dict)

    def __init__(self, case_no: str, result: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("反馈评价人 {case_no}").format(case_no=case_no), self.tr("保存"), parent
        )
        context = QLabel(result)
        context.setWordWrap(True)
        context.setStyleSheet("background: #f3f3f3; border: 1px solid #d0d0d0; padding: 6px;")
        self.means_combo = QComboBox()
        for code in MEANS:
            self.means_combo.addItem(means_label(code), code)
        self.text_edit = text_box(self.tr("向评价人反馈的处理结果（必填）"), lines=3, fixed=True)
        self.satisfied_row = ChoiceRow(
            self.tr("评价人"),
            [
                Choice(("1",), self.tr("满意"), True),
                Choice(("2",), self.tr("不满意"), False, warning=True),
                Choice(("3",), self.tr("未表态"), None),
            ],
        )
        form = QFormLayout()
        form.addRow(self.tr("反馈方式(&N)："), self.means_combo)
        form.addRow(self.tr("反馈内容(&K)："), self.text_edit)
        self.body.addWidget(context)
        self.body.addLayout(form)
        self.body.addWidget(self.satisfied_row)
        self.fields = {"means": self.means_combo, "feedback_text": self.text_edit}
        self.fit(580)
        self.means_combo.setFocus()

    def submit(self) -> None:
        if not self.text_edit.toPlainText().strip():
            self.show_error(self.tr("请填写反馈内容。"), self.text_edit)
            return
        buttons = self.satisfied_row.group
        if buttons.checkedId() < 0:
            self.show_error(self.tr("请选择评价人对结果是否满意（或未表态）。"), self.satisfied_row)
            return
        self.submitted.emit(
            {
                "means": self.means_combo.currentData(),
                "text": self.text_edit.toPlainText(),
                "satisfied": self.satisfied_row.value(),
            }
        )


class ConfirmDialog(StepDialog):
    """A step with nothing to type: what it does, and OK (Ctrl+Enter)."""

    submitted = Signal()

    def __init__(self, title: str, text: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, ok_text, parent)
        label = QLabel(text)
        label.setWordWrap(True)
        layout = QVBoxLayout()
        layout.addWidget(label)
        self.body.addLayout(layout)
        self.fit(460)
        self.ok_button.setFocus()

    def submit(self) -> None:
        self.submitted.emit()
