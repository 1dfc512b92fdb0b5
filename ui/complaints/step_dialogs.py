"""The small forms of a complaint's steps: a time and words (first contact, reply, an order's
reply), the complainant's opinion, a supervision order, a reason (to reopen).

Each form stays open until its step is stored: `submitted` carries what was typed, the owner runs
the step and calls `accept()` when it is stored, or `show_error` and the form stays as it was, so
nothing typed is lost to a refusal.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from app import clock
from app.zone import LOCAL_ZONE
from ui.error_dialog import refusal_text
from ui.step_dialog import StepDialog as BaseStepDialog
from ui.step_dialog import text_box


class StepDialog(BaseStepDialog):
    """A step form whose refusals name the field to correct (ComplaintInvalid / CapaInvalid)."""

    def field_widget(self, field: str | None) -> QWidget | None:
        """The widget where a refused `field` (app's ComplaintInvalid / CapaInvalid) is typed."""
        return None

    def show_refusal(self, problem: Exception) -> None:
        """Why the step was refused, with the focus on the field to correct."""
        self.show_error(refusal_text(problem), self.field_widget(getattr(problem, "field", None)))


def open_form(owner: QWidget, form: StepDialog, opened: SignalInstance) -> None:
    """Open `form` as the owner's one step form (`owner.step_dialog`), closing another one;
    deleted when closed. `opened` tells who is interested (tests) which form opened."""
    if owner.step_dialog is not None:
        owner.step_dialog.close()
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def closed(_result: int) -> None:
        if owner.step_dialog is form:
            owner.step_dialog = None

    form.finished.connect(closed)
    owner.step_dialog = form
    form.open()
    opened.emit(form)


def moment_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(clock.local_now().replace(tzinfo=None)))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


def moment_of(edit: QDateTimeEdit) -> datetime:
    """The local time typed in, with its zone."""
    at = edit.dateTime().toPython()
    assert isinstance(at, datetime)
    return at.replace(second=0, microsecond=0, tzinfo=LOCAL_ZONE)


def day_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(day) if day is not None else QDate(clock.local_now().date()))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


class MomentTextDialog(StepDialog):
    """When something happened and what it was: a contact, a reply, an order's reply."""

    submitted = Signal(object, str)  # at (aware datetime), text

    def __init__(
        self,
        title: str,
        moment_label: str,
        text_label: str,
        placeholder: str,
        ok_text: str,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.at_edit = moment_edit()
        self.text_edit = text_box(placeholder, lines=6)
        self.text_edit.setPlainText(text)
        form = QFormLayout()
        form.addRow(moment_label, self.at_edit)
        form.addRow(text_label, self.text_edit)
        self.body.addLayout(form)
        self.fit(600)
        self.text_edit.setFocus()

    def submit(self) -> None:
        if not self.text_edit.toPlainText().strip():
            self.show_error(self.tr("请填写内容。"), self.text_edit)
            return
        self.error_label.hide()
        self.submitted.emit(moment_of(self.at_edit), self.text_edit.toPlainText())

    def field_widget(self, field: str | None) -> QWidget | None:
        # The app names the time "…_at" (first_contact_at, replied_at) and the words otherwise.
        return self.at_edit if (field or "").endswith("_at") else self.text_edit


class OpinionDialog(StepDialog):
    """The complainant's opinion of the reply: 满意 (Alt+1) or 不满意 (Alt+2), and their words."""

    submitted = Signal(bool, str)

    def __init__(
        self,
        number: str,
        satisfied: bool | None,
        words: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("投诉人意见 {number}").format(number=number), self.tr("保存"), parent
        )
        self.satisfied_radio = QRadioButton(self.tr("满意(&1)"))
        self.unhappy_radio = QRadioButton(self.tr("不满意(&2)"))
        group = QButtonGroup(self)
        group.addButton(self.satisfied_radio)
        group.addButton(self.unhappy_radio)
        if satisfied is not None:
            (self.satisfied_radio if satisfied else self.unhappy_radio).setChecked(True)
        choices = QHBoxLayout()
        choices.addWidget(self.satisfied_radio)
        choices.addWidget(self.unhappy_radio)
        choices.addStretch(1)
        self.words_edit = text_box(self.tr("投诉人的原话；不满意时必填"), lines=4)
        self.words_edit.setPlainText(words or "")
        form = QFormLayout()
        form.addRow(self.tr("对答复是否满意："), choices)
        form.addRow(self.tr("投诉人意见(&W)："), self.words_edit)
        self.body.addLayout(form)
        self.fit(520)
        (self.unhappy_radio if satisfied is False else self.satisfied_radio).setFocus()

    def submit(self) -> None:
        if not (self.satisfied_radio.isChecked() or self.unhappy_radio.isChecked()):
            self.show_error(self.tr("请选择投诉人是否满意。"), self.satisfied_radio)
            return
        satisfied = self.satisfied_radio.isChecked()
        if not satisfied and not self.words_edit.toPlainText().strip():
            self.show_error(self.tr("投诉人不满意：请记录投诉人的意见。"), self.words_edit)
            return
        self.error_label.hide()
        self.submitted.emit(satisfied, self.words_edit.toPlainText())


class OrderDialog(StepDialog):
    """A supervision order (投诉督办表): handling unit, reply deadline, issuer, 督办意见."""

    submitted = Signal(dict)  # handling_unit_id, reply_due, issued_by, opinion

    def __init__(
        self,
        number: str,
        sequence: int,
        units: list[tuple[int, str]],
        unit_id: int | None,
        reply_due: date | None,
        issued_by: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("签发投诉督办表 {number}（第 {sequence} 次督办）").format(
                number=number, sequence=sequence
            ),
            self.tr("签发"),
            parent,
        )
        self.unit_combo = QComboBox()
        for each_id, name in units:
            self.unit_combo.addItem(name, each_id)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_id)))
        self.due_edit = day_edit(reply_due)
        self.issuer_edit = QLineEdit(issued_by)
        self.issuer_edit.setMaxLength(100)
        self.opinion_edit = text_box(self.tr("督办意见：要求承办网点做什么、怎样回复（必填）"), 6)
        form = QFormLayout()
        form.addRow(self.tr("承办网点(&U)："), self.unit_combo)
        form.addRow(self.tr("回复期限(&D)："), self.due_edit)
        form.addRow(self.tr("签发人(&I)："), self.issuer_edit)
        form.addRow(self.tr("督办意见(&O)："), self.opinion_edit)
        self.body.addLayout(form)
        self.fit(620)
        self.opinion_edit.setFocus()

    def submit(self) -> None:
        if not self.opinion_edit.toPlainText().strip():
            self.show_error(self.tr("请填写督办意见。"), self.opinion_edit)
            return
        self.error_label.hide()
        due = self.due_edit.date().toPython()
        self.submitted.emit(
            {
                "handling_unit_id": self.unit_combo.currentData(),
                "reply_due": due,
                "issued_by": self.issuer_edit.text(),
                "opinion": self.opinion_edit.toPlainText(),
            }
        )

    def field_widget(self, field: str | None) -> QWidget | None:
        return {
            "handling_unit_id": self.unit_combo,
            "reply_due": self.due_edit,
            "issued_by": self.issuer_edit,
            "opinion": self.opinion_edit,
        }.get(field or "")


class ReasonDialog(StepDialog):
    """A reason in words (to reopen)."""

    submitted = Signal(str)

    def __init__(
        self, title: str, prompt: str, ok_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, ok_text, parent)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text_edit = text_box(lines=4)
        label.setBuddy(self.text_edit)
        self.body.addWidget(label)
        self.body.addWidget(self.text_edit)
        self.fit(500)
        self.text_edit.setFocus()

    def submit(self) -> None:
        if not self.text_edit.toPlainText().strip():
            self.show_error(self.tr("请填写原因。"), self.text_edit)
            return
        self.error_label.hide()
        self.submitted.emit(self.text_edit.toPlainText())
