"""The form of one commendation typed by hand: who is praised, the outlet, the day, the case and
what was said (J 5.5; W 7.1.3.2.4). Used by the commendations tab (a letter, a banner) and by a
complaint file closed with thanks (the person preselected, outlet and case from the file).

    Alt+S 人员   Alt+U 网点   Alt+D 日期   Alt+C 业务编号   Alt+T 内容   Ctrl+Enter 保存   Esc 取消
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

from app import clock
from app.commendations import CONTENT_LIMIT, PraiseChoices
from ui.error_dialog import refusal_text
from ui.name_combo import name_combo
from ui.step_dialog import StepDialog, text_box


class CommendationDialog(StepDialog):
    """`submitted(dict)` carries staff_id, unit_id, received_on, case_no and content; the owner
    stores it and calls accept(), or show_refusal() and the form stays as typed."""

    submitted = Signal(object)

    def __init__(
        self,
        choices: PraiseChoices,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        staff_id: int | None = None,
        for_complaint: bool = False,
    ) -> None:
        super().__init__(title or self.tr("记录表扬"), self.tr("保存"), parent)
        self.staff_combo = name_combo(16)
        if for_complaint:
            self.staff_combo.addItem(self.tr("（被投诉人员或经办人）"), None)
        else:
            self.staff_combo.addItem(self.tr("（请选择）"), None)
        for each_id, name in choices.staff:
            self.staff_combo.addItem(name, each_id)
        self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(staff_id)))
        self.unit_combo = name_combo(16)
        self.unit_combo.addItem(self.tr("（人员所属网点）"), None)
        for each_id, name in choices.units:
            self.unit_combo.addItem(name, each_id)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = clock.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.case_edit = QLineEdit()
        self.case_edit.setMaxLength(60)
        self.case_edit.setPlaceholderText(self.tr("可不填"))
        self.content_edit = text_box(self.tr("表扬的内容：信件、锦旗、感谢的话……"), 4)

        form = QFormLayout()
        rows: list[tuple[str, QWidget]] = [(self.tr("受表扬人员(&S)："), self.staff_combo)]
        if not for_complaint:
            rows += [
                (self.tr("网点(&U)："), self.unit_combo),
                (self.tr("收到日期(&D)："), self.date_edit),
                (self.tr("业务编号(&C)："), self.case_edit),
            ]
        else:
            rows.append((self.tr("收到日期(&D)："), self.date_edit))
        rows.append((self.tr("内容(&T)："), self.content_edit))
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.body.addLayout(form)
        self.fit(520)
        (self.content_edit if staff_id is not None else self.staff_combo).setFocus()

    def values(self) -> dict:
        chosen = self.date_edit.date()
        return {
            "staff_id": self.staff_combo.currentData(),
            "unit_id": self.unit_combo.currentData(),
            "received_on": date(chosen.year(), chosen.month(), chosen.day()),
            "case_no": self.case_edit.text().strip() or None,
            "content": self.content_edit.toPlainText().strip(),
        }

    def submit(self) -> None:
        values = self.values()
        if not values["content"]:
            self.show_error(self.tr("请填写表扬的内容"), self.content_edit)
            return
        if len(values["content"]) > CONTENT_LIMIT:
            self.show_error(
                self.tr("表扬内容不能超过 {limit} 字").format(limit=CONTENT_LIMIT),
                self.content_edit,
            )
            return
        self.error_label.hide()
        self.submitted.emit(values)

    def show_refusal(self, problem: Exception) -> None:
        self.show_error(refusal_text(problem))
