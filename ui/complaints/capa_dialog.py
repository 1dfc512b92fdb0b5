"""Writing a corrective and preventive action (附录 I) and verifying it (W 7.4.4).

信息来源                the sources of W 7.4.1; a complaint asks for its number, recurring
                        dissatisfaction for the unit and the reason
问题 · 原因 · 纠正 · 预防   text; Tab moves on
Ctrl+Enter              save; Esc cancels
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from app.complaints.corrective import (
    FROM_COMPLAINT,
    FROM_DISSATISFACTION,
    REASON_LABELS,
    SOURCES,
    CapaInput,
    source_label,
)
from app.complaints.registry import Choices
from ui.complaints.step_dialogs import StepDialog, day_edit, text_box


class CapaDialog(StepDialog):
    submitted = Signal(object)  # CapaInput

    def __init__(
        self,
        title: str,
        initial: CapaInput,
        choices: Choices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, self.tr("保存"), parent)
        self.source_combo = QComboBox()
        for code in SOURCES:
            self.source_combo.addItem(source_label(code), code)
        self.complaint_edit = QLineEdit()
        self.complaint_edit.setPlaceholderText(self.tr("如 TS2026-0001"))
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(self.tr("（不指定）"), None)
        for unit_id, name in choices.units:
            self.unit_combo.addItem(name, unit_id)
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(self.tr("（请选择）"), None)
        for code, words in REASON_LABELS.items():
            self.reason_combo.addItem(words, code)
        self.problem_edit = text_box(self.tr("发生了什么问题（必填）"), lines=3)
        self.cause_edit = text_box(self.tr("专题分析会上分析的原因"), lines=3)
        self.correction_edit = text_box(
            self.tr("问题修复、人员培训、惩处措施等：消除已造成的影响"), lines=3
        )
        self.prevention_edit = text_box(
            self.tr("设施完善、修订标准等：防止同类问题再次发生"), lines=3
        )
        self.owner_edit = QLineEdit()
        self.owner_edit.setMaxLength(100)
        self.due_check = QCheckBox(self.tr("完成期限(&D)："))
        self.due_edit = day_edit(initial.due_on)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.due_check.setChecked(initial.due_on is not None)
        self.due_edit.setEnabled(initial.due_on is not None)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_edit)
        due_row.addStretch(1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("信息来源(&S)："), self.source_combo)
        form.addRow(self.tr("关联投诉编号(&C)："), self.complaint_edit)
        form.addRow(self.tr("网点(&U)："), self.unit_combo)
        form.addRow(self.tr("不满意原因(&R)："), self.reason_combo)
        form.addRow(self.tr("问题描述(&P)："), self.problem_edit)
        form.addRow(self.tr("原因分析(&A)："), self.cause_edit)
        form.addRow(self.tr("纠正措施(&X)："), self.correction_edit)
        form.addRow(self.tr("预防措施(&V)："), self.prevention_edit)
        form.addRow(self.tr("责任人(&O)："), self.owner_edit)
        form.addRow(self.due_check, due_row)
        self.body.addLayout(form)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self._fill(initial)
        self.fit(720)
        self.problem_edit.setFocus()

    def _fill(self, initial: CapaInput) -> None:
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(initial.source)))
        self.complaint_edit.setText(initial.complaint_number or "")
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(initial.unit_id)))
        self.reason_combo.setCurrentIndex(
            max(0, self.reason_combo.findData(initial.reason_category))
        )
        self.problem_edit.setPlainText(initial.problem or "")
        self.cause_edit.setPlainText(initial.cause or "")
        self.correction_edit.setPlainText(initial.correction or "")
        self.prevention_edit.setPlainText(initial.prevention or "")
        self.owner_edit.setText(initial.owner or "")
        self._source_changed()

    def _source_changed(self) -> None:
        source = self.source_combo.currentData()
        self.complaint_edit.setEnabled(source == FROM_COMPLAINT)
        self.reason_combo.setEnabled(source == FROM_DISSATISFACTION)

    def capa_input(self) -> CapaInput:
        return CapaInput(
            source=self.source_combo.currentData(),
            complaint_number=self.complaint_edit.text(),
            unit_id=self.unit_combo.currentData(),
            reason_category=self.reason_combo.currentData(),
            problem=self.problem_edit.toPlainText(),
            cause=self.cause_edit.toPlainText(),
            correction=self.correction_edit.toPlainText(),
            prevention=self.prevention_edit.toPlainText(),
            owner=self.owner_edit.text(),
            due_on=self.due_edit.date().toPython() if self.due_check.isChecked() else None,
        )

    def submit(self) -> None:
        if not self.problem_edit.toPlainText().strip():
            self.show_error(self.tr("请填写问题描述。"), self.problem_edit)
            return
        self.error_label.hide()
        self.submitted.emit(self.capa_input())

    def field_widget(self, field: str | None) -> QWidget | None:
        return {
            "source": self.source_combo,
            "complaint_id": self.complaint_edit,
            "unit_id": self.unit_combo,
            "reason_category": self.reason_combo,
            "problem": self.problem_edit,
            "cause": self.cause_edit,
            "correction": self.correction_edit,
            "prevention": self.prevention_edit,
            "owner": self.owner_edit,
            "due_on": self.due_edit,
        }.get(field or "")


class VerifyDialog(StepDialog):
    """Verification (W 7.4.4.2–7.4.4.3): effective or not, what was checked, who checked."""

    submitted = Signal(bool, str, str)  # effective, verification, verified_by

    def __init__(self, number: str, verified_by: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("验证纠正和预防措施 {number}").format(number=number), self.tr("验证"), parent
        )
        self.effective_radio = QRadioButton(self.tr("有效(&1)"))
        self.ineffective_radio = QRadioButton(self.tr("无效，需继续整改(&2)"))
        group = QButtonGroup(self)
        group.addButton(self.effective_radio)
        group.addButton(self.ineffective_radio)
        choices = QHBoxLayout()
        choices.addWidget(self.effective_radio)
        choices.addWidget(self.ineffective_radio)
        choices.addStretch(1)
        self.verification_edit = text_box(
            self.tr("现场观察、询问、查阅实施记录所见（必填）"), lines=4
        )
        self.verified_by_edit = QLineEdit(verified_by)
        self.verified_by_edit.setMaxLength(100)
        form = QFormLayout()
        form.addRow(self.tr("验证结论："), choices)
        form.addRow(self.tr("验证情况(&V)："), self.verification_edit)
        form.addRow(self.tr("验证人(&B)："), self.verified_by_edit)
        note = QLabel(self.tr("验证无效的措施回到整改，完成后再次验证。"))
        note.setStyleSheet("color: #555555;")
        self.body.addLayout(form)
        self.body.addWidget(note)
        self.fit(560)
        self.effective_radio.setFocus()

    def submit(self) -> None:
        if not (self.effective_radio.isChecked() or self.ineffective_radio.isChecked()):
            self.show_error(self.tr("请选择措施是否有效。"), self.effective_radio)
            return
        if not self.verification_edit.toPlainText().strip():
            self.show_error(self.tr("请填写验证情况。"), self.verification_edit)
            return
        self.error_label.hide()
        self.submitted.emit(
            self.effective_radio.isChecked(),
            self.verification_edit.toPlainText(),
            self.verified_by_edit.text(),
        )
