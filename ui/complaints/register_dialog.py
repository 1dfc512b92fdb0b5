"""Registering a complaint or suggestion with the fields of the registration form (附录 H.1).

    类型 · 方式 · 分类      combo boxes (arrow keys or the first letter)
    关联业务编号           optional; Enter or 查找 (Alt+L) looks it up: the case's unit and
                           经办人 are taken, its applicant and phone fill what is still empty
    Ctrl+Enter             登记; Esc cancels

The dialog stays open until the complaint is stored (the tab runs the step and calls
`accept()`), so a refusal leaves everything typed in place with the field to correct focused.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from app.complaints.registry import (
    CATEGORIES,
    CHANNELS,
    KINDS,
    CaseLink,
    Choices,
    ComplaintInput,
    category_label,
    channel_label,
    find_case,
    kind_label,
)
from db.database import Database
from ui.complaints.step_dialogs import StepDialog, moment_edit, moment_of, text_box
from ui.desk.display import ERROR_COLOR
from ui.desk.form_a import MovingLineEdit
from ui.operations import Progress, operation

NOTE_STYLE = "color: #555555;"


class LookUpEdit(QLineEdit):
    """A line where Enter looks up what was typed (`returnPressed`) and goes no further: the
    dialog's default button does not also take it and submit the form."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()


class RegisterDialog(StepDialog):
    submitted = Signal(object)  # ComplaintInput
    case_looked_up = Signal(object)  # CaseLink | None

    def __init__(
        self,
        database: Database,
        choices: Choices,
        received_by: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("登记投诉/建议（投诉登记表 H.1）"), self.tr("登记"), parent)
        self.database = database
        self.choices = choices
        self.link: CaseLink | None = None

        self.kind_combo = QComboBox()
        for code in KINDS:
            self.kind_combo.addItem(kind_label(code), code)
        self.channel_combo = QComboBox()
        for code in CHANNELS:
            self.channel_combo.addItem(channel_label(code), code)
        self.category_combo = QComboBox()
        for code in CATEGORIES:
            self.category_combo.addItem(category_label(code), code)
        self.received_edit = moment_edit()
        self.complainant_edit = MovingLineEdit()
        self.complainant_edit.setMaxLength(100)
        self.contact_edit = MovingLineEdit()
        self.contact_edit.setMaxLength(100)
        self.contact_edit.setPlaceholderText(self.tr("手机或固定电话"))
        self.address_edit = MovingLineEdit()
        self.address_edit.setMaxLength(200)
        self.case_edit = LookUpEdit()
        self.case_edit.setPlaceholderText(self.tr("可不填；填写后回车查找"))
        self.case_edit.returnPressed.connect(self.look_up_case)
        self.case_edit.textEdited.connect(self._case_edited)
        self.find_button = QPushButton(self.tr("查找(&L)"))
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.look_up_case)
        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        self.case_label.setStyleSheet(NOTE_STYLE)
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(self.tr("（请选择）"), None)
        for unit_id, name in choices.units:
            self.unit_combo.addItem(name, unit_id)
        self.unit_combo.currentIndexChanged.connect(self._fill_staff)
        self.staff_combo = QComboBox()
        self.content_edit = text_box(self.tr("投诉人反映的问题和诉求（必填）"), lines=6)
        self.received_by_edit = MovingLineEdit(received_by)
        self.received_by_edit.setMaxLength(100)

        case_row = QHBoxLayout()
        case_row.addWidget(self.case_edit, 1)
        case_row.addWidget(self.find_button)
        top = QHBoxLayout()
        for label_text, widget in (
            (self.tr("类型(&K)："), self.kind_combo),
            (self.tr("方式(&W)："), self.channel_combo),
            (self.tr("分类(&G)："), self.category_combo),
        ):
            label = QLabel(label_text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
            top.addSpacing(10)
        top.addStretch(1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("投诉时间(&T)："), self.received_edit)
        form.addRow(self.tr("投诉人(&N)："), self.complainant_edit)
        form.addRow(self.tr("联系电话(&P)："), self.contact_edit)
        form.addRow(self.tr("地址(&A)："), self.address_edit)
        case_label = QLabel(self.tr("关联业务编号(&B)："))
        case_label.setBuddy(self.case_edit)  # the row is a layout: name the buddy ourselves
        form.addRow(case_label, case_row)
        form.addRow("", self.case_label)
        form.addRow(self.tr("被投诉网点(&U)："), self.unit_combo)
        form.addRow(self.tr("被投诉人员(&S)："), self.staff_combo)
        form.addRow(self.tr("投诉内容(&C)："), self.content_edit)
        form.addRow(self.tr("受理人(&R)："), self.received_by_edit)
        hint = QLabel(
            self.tr(
                "首次联系和答复期限按工作日历自投诉日期起算（默认 2 个和 15 个工作日）。"
                "Ctrl+Enter 登记，Esc 取消。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)
        self.body.addLayout(top)
        self.body.addLayout(form)
        self.body.addWidget(hint)

        self._fill_staff()
        chain: list[QWidget] = [
            self.kind_combo,
            self.channel_combo,
            self.category_combo,
            self.received_edit,
            self.complainant_edit,
            self.contact_edit,
            self.address_edit,
            self.case_edit,
            self.find_button,
            self.unit_combo,
            self.staff_combo,
            self.content_edit,
            self.received_by_edit,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.fit(max(700, self.sizeHint().width()))
        self.kind_combo.setFocus()

    # The linked case

    def look_up_case(self) -> None:
        case_no = self.case_edit.text().strip()
        if not case_no:
            self._show_link(None, "")
            return

        def find(session: Session, _progress: Progress) -> CaseLink | None:
            return find_case(session, case_no)

        (
            operation(self, self.database, find)
            .on_success(lambda link: self._show_link(link, case_no))
            .run()
        )

    def _case_edited(self) -> None:
        if self.link is not None:
            self._show_link(None, "")

    def _show_link(self, link: CaseLink | None, case_no: str) -> None:
        self.link = link
        self.unit_combo.setEnabled(link is None)
        if link is None:
            if case_no:
                self.case_label.setText(
                    self.tr("找不到业务编号 {case_no}。").format(case_no=case_no)
                )
                self.case_label.setStyleSheet(f"color: {ERROR_COLOR};")
            else:
                self.case_label.clear()
            self.case_looked_up.emit(None)
            return
        self.case_label.setStyleSheet(NOTE_STYLE)
        self.case_label.setText(
            self.tr("{type} · 受理单位 {unit} · 经办人 {handler} · 申请人 {applicant}").format(
                type=link.business_type or self.tr("（未知类型）"),
                unit=link.unit_name,
                handler=link.handler_name or self.tr("（未记录）"),
                applicant=link.applicant or self.tr("（未记录）"),
            )
        )
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(link.unit_id)))
        self._fill_staff()
        if link.handler_id is not None:
            self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(link.handler_id)))
        if not self.complainant_edit.text().strip() and link.applicant:
            self.complainant_edit.setText(link.applicant)
        if not self.contact_edit.text().strip() and link.phone:
            self.contact_edit.setText(link.phone)
        self.case_looked_up.emit(link)

    def _fill_staff(self) -> None:
        unit_id = self.unit_combo.currentData()
        chosen = self.staff_combo.currentData()
        self.staff_combo.clear()
        self.staff_combo.addItem(self.tr("（未指明）"), None)
        for staff_id, name, staff_unit in self.choices.staff:
            if unit_id is None or staff_unit == unit_id:
                self.staff_combo.addItem(name, staff_id)
        self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(chosen)))

    # Registering

    def complaint_input(self) -> ComplaintInput:
        received_at: datetime = moment_of(self.received_edit)
        return ComplaintInput(
            kind=self.kind_combo.currentData(),
            channel=self.channel_combo.currentData(),
            category=self.category_combo.currentData(),
            received_at=received_at,
            complainant=self.complainant_edit.text(),
            contact=self.contact_edit.text(),
            address=self.address_edit.text(),
            case_no=self.case_edit.text(),
            unit_id=self.unit_combo.currentData(),
            staff_id=self.staff_combo.currentData(),
            content=self.content_edit.toPlainText(),
            received_by=self.received_by_edit.text(),
        )

    def submit(self) -> None:
        if not self.content_edit.toPlainText().strip():
            self.show_error(self.tr("请填写投诉内容。"), self.content_edit)
            return
        self.error_label.hide()
        self.submitted.emit(self.complaint_input())

    def field_widget(self, field: str | None) -> QWidget | None:
        return {
            "kind": self.kind_combo,
            "channel": self.channel_combo,
            "category": self.category_combo,
            "received_at": self.received_edit,
            "complainant": self.complainant_edit,
            "contact": self.contact_edit,
            "address": self.address_edit,
            "case_no": self.case_edit,
            "unit_id": self.unit_combo,
            "staff_id": self.staff_combo,
            "content": self.content_edit,
            "received_by": self.received_by_edit,
        }.get(field or "")
