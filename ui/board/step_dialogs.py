"""The small forms of the board's steps: a contact, a resolution with the round-2 answers, a
reason (to close unresolved, reopen, or say how an integrity report was handled), an assignment.

Each form stays open until its step is stored: `submitted` carries what was typed, the owner
runs the step and calls `accept()` when it is stored, or shows why not and leaves the form as it
was, so nothing typed is lost to a refusal.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QWidget,
)

from app import clock
from app.callbacks.contacts import MEANS, means_label
from app.desk.calls import FormAInvalid
from app.zone import LOCAL_ZONE
from ui.desk.form_a import FormA, FormIncomplete
from ui.step_dialog import StepDialog, text_box


class ContactDialog(StepDialog):
    """One contact with the respondent: when, by what means, what was said and promised."""

    submitted = Signal(dict)  # at (aware datetime), means, said, promised

    def __init__(self, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("记录联系 {case_no}").format(case_no=case_no), self.tr("保存"), parent
        )
        # The wall clock of Asia/Shanghai, whatever zone the machine is set to.
        self.at_edit = QDateTimeEdit(QDateTime(clock.local_now().replace(tzinfo=None)))
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at_edit.setCalendarPopup(True)
        self.means_combo = QComboBox()
        for code in MEANS:
            self.means_combo.addItem(means_label(code), code)
        self.said_edit = text_box(self.tr("被回访人说了什么，向其作了哪些解释（必填）"), fixed=True)
        self.promised_edit = QLineEdit()
        self.promised_edit.setPlaceholderText(self.tr("向被回访人承诺的事项和时间（可不填）"))
        form = QFormLayout()
        form.addRow(self.tr("联系时间(&T)："), self.at_edit)
        form.addRow(self.tr("联系方式(&M)："), self.means_combo)
        form.addRow(self.tr("沟通内容(&S)："), self.said_edit)
        form.addRow(self.tr("承诺事项(&P)："), self.promised_edit)
        self.body.addLayout(form)
        self.resize(560, self.sizeHint().height())
        self.said_edit.setFocus()

    def submit(self) -> None:
        if not self.said_edit.toPlainText().strip():
            self.show_error(self.tr("请填写沟通内容。"), self.said_edit)
            return
        at = self.at_edit.dateTime().toPython()
        assert isinstance(at, datetime)
        self.submitted.emit(
            {
                "at": at.replace(tzinfo=LOCAL_ZONE),
                "means": self.means_combo.currentData(),
                "said": self.said_edit.toPlainText(),
                "promised": self.promised_edit.text(),
            }
        )


class SecondRoundFormA(FormA):
    """Form A for the respondent's second-round answers, as the call desk's second round takes
    them: a 不满意 asks for its reason and the respondent's words, kept with the round-2
    evaluation (app.callbacks.tasks.resolve); the task keeps the first round's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save_button.hide()  # the dialog's own button saves


class ResolveDialog(StepDialog):
    """Resolve: the explanation, and the round-2 Form A unless a second-round call took it."""

    submitted = Signal(object, str)  # FormAAnswers | None, explanation

    def __init__(
        self, case_no: str, answers_taken: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("解决 {case_no}").format(case_no=case_no), self.tr("解决"), parent)
        self.explanation_edit = text_box(
            self.tr("向被回访人所作的解释、已采取的措施（必填）"), lines=3, fixed=True
        )
        explanation_label = QLabel(self.tr("处理说明(&E)："))
        explanation_label.setBuddy(self.explanation_edit)
        self.form: SecondRoundFormA | None = None
        if answers_taken:
            note = QLabel(
                self.tr("二次回访电话已录入被回访人的评价：{answers}").format(answers=answers_taken)
            )
            note.setWordWrap(True)
            note.setStyleSheet("background: #eef6ee; border: 1px solid #b7d7b9; padding: 6px;")
            self.body.addWidget(note)
        else:
            title = QLabel(self.tr("被回访人的二次回访评价（回访单，记为第二轮，不计分）："))
            title.setStyleSheet("font-weight: bold;")
            self.form = SecondRoundFormA()
            self.body.addWidget(title)
            self.body.addWidget(self.form)
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            self.body.addWidget(line)
        self.body.addWidget(explanation_label)
        self.body.addWidget(self.explanation_edit)
        self.resize(640, self.minimumSizeHint().height())
        (self.form.rows["overall"] if self.form else self.explanation_edit).setFocus()

    def submit(self) -> None:
        answers = None
        if self.form is not None:
            try:
                answers = self.form.answers()
            except FormIncomplete as missing:
                self.show_error(missing.message, missing.widget)
                return
        if not self.explanation_edit.toPlainText().strip():
            self.show_error(self.tr("请填写处理说明。"), self.explanation_edit)
            return
        self.error_label.hide()
        self.submitted.emit(answers, self.explanation_edit.toPlainText())

    def show_refused_answers(self, problem: FormAInvalid) -> None:
        focus = self.form.field_widget(problem.field) if self.form else None
        if self.form is not None and problem.field == "integrity_details":
            self.form.integrity_box.show()
        self.show_error(str(problem), focus)


class ReasonDialog(StepDialog):
    """A reason or an account in words: why closed unresolved, why reopened, how handled."""

    submitted = Signal(str)

    def __init__(
        self, title: str, prompt: str, ok_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, ok_text, parent)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text_edit = text_box("", lines=5, fixed=True)
        label.setBuddy(self.text_edit)
        self.body.addWidget(label)
        self.body.addWidget(self.text_edit)
        self.resize(520, self.sizeHint().height())
        self.text_edit.setFocus()

    def submit(self) -> None:
        if not self.text_edit.toPlainText().strip():
            self.show_error(self.tr("请填写内容。"), self.text_edit)
            return
        self.submitted.emit(self.text_edit.toPlainText())


class AssignDialog(StepDialog):
    """To whom: an operator (it waits in their phone queue) or a unit.

    Whether to an operator or a unit is a combo box, not radio buttons: focus landing on a
    choice (Alt+O, Tab) never changes it, and arrow keys change only the box that has the focus.
    Choosing a person or a unit in its box makes that the assignment.
    """

    submitted = Signal(object, object)  # staff_id | None, unit_id | None

    OPERATOR, UNIT = "operator", "unit"

    def __init__(
        self,
        count: int,
        operators: list[tuple[int, str]],
        units: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("分派 {count} 项二次回访").format(count=count), self.tr("分派"), parent
        )
        self.target_combo = QComboBox()
        self.target_combo.addItem(self.tr("回访员"), self.OPERATOR)
        self.target_combo.addItem(self.tr("单位"), self.UNIT)
        self.target_combo.setCurrentIndex(0 if operators else 1)
        self.operator_combo = QComboBox()
        for staff_id, name in operators:
            self.operator_combo.addItem(name, staff_id)
        self.unit_combo = QComboBox()
        for unit_id, name in units:
            self.unit_combo.addItem(name, unit_id)
        self.operator_combo.activated.connect(self._operator_chosen)
        self.unit_combo.activated.connect(self._unit_chosen)
        note = QLabel(self.tr("分派给回访员的二次回访进入其电话回访队列，按回访规则拨打。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        form = QFormLayout()
        form.addRow(self.tr("分派给(&T)："), self.target_combo)
        form.addRow(self.tr("回访员(&O)："), self.operator_combo)
        form.addRow(self.tr("单位(&U)："), self.unit_combo)
        self.body.addLayout(form)
        self.body.addWidget(note)
        self.resize(460, self.sizeHint().height())
        self.operator_combo.setFocus()

    def target(self) -> str:
        return self.target_combo.currentData()

    def _operator_chosen(self, _index: int) -> None:
        self.target_combo.setCurrentIndex(self.target_combo.findData(self.OPERATOR))

    def _unit_chosen(self, _index: int) -> None:
        self.target_combo.setCurrentIndex(self.target_combo.findData(self.UNIT))

    def submit(self) -> None:
        if self.target() == self.OPERATOR:
            staff_id = self.operator_combo.currentData()
            if staff_id is None:
                self.show_error(self.tr("还没有回访员。"), self.operator_combo)
                return
            self.submitted.emit(staff_id, None)
            return
        unit_id = self.unit_combo.currentData()
        if unit_id is None:
            self.show_error(self.tr("请选择单位。"), self.unit_combo)
            return
        self.submitted.emit(None, unit_id)
