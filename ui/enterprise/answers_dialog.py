"""Typing in a returned Form B (附件 B) from the keyboard, in the paper's own order.

    企业名称 … 回访联系人     text; Enter moves on to the next field
    是否了解政策             1 非常熟悉 · 2 一般 · 3 不了解
    对服务是否满意           1 非常满意 · 2 满意 · 3 一般 · 4 不满意
    Ctrl+Enter               save; Esc cancels

Fees are typed in yuan exactly as written on the paper; the total (登记费 + 契税 + 印花税) is
shown as they are typed, and an amount that is not exact (three decimals, letters) is refused.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.enterprise.forms import POLICY_KNOWLEDGE, FormBAnswers, FormBInvalid, parse_yuan
from app.printing.form_b import yuan
from app.ratings import Rating
from ui.desk.display import ERROR_COLOR, rating_title
from ui.desk.form_a import STYLE, Choice, ChoiceRow, MovingLineEdit
from ui.scanning.viewer import ScanViewer

TEXT_FIELDS = ("enterprise_name", "registration_type", "enterprise_contact", "revisit_contact")
NUMBER_FIELDS = ("steps", "days")
FEE_FIELDS = ("registration_fee_fen", "deed_tax_fen", "stamp_duty_fen")


class FormBAnswersDialog(QDialog):
    # The operator asked to save these answers (the page stores them, then closes the dialog).
    save_requested = Signal(object)  # FormBAnswers

    def __init__(
        self,
        case_no: str,
        initial: dict[str, Any],
        parent: QWidget | None = None,
        scan_pages: list[QImage] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("录入企业回访反馈单：{case_no}").format(case_no=case_no))
        self.setStyleSheet(STYLE)
        policy_titles = {
            "very_familiar": self.tr("非常熟悉"),
            "average": self.tr("一般"),
            "unfamiliar": self.tr("不了解"),
        }

        self.edits: dict[str, MovingLineEdit] = {}
        for name in (*TEXT_FIELDS, *NUMBER_FIELDS, *FEE_FIELDS):
            edit = MovingLineEdit()
            edit.setObjectName(name)
            self.edits[name] = edit
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self)
        for name in NUMBER_FIELDS:
            self.edits[name].setValidator(digits)
            self.edits[name].setMaximumWidth(100)
        for name in FEE_FIELDS:
            self.edits[name].setPlaceholderText(self.tr("元，如 1,234.50"))
            self.edits[name].setMinimumWidth(
                self.fontMetrics().horizontalAdvance("1,234,567.89") + 20
            )
            self.edits[name].setMaximumWidth(160)
            self.edits[name].textChanged.connect(self._update_total)

        self.policy_row = ChoiceRow(
            self.tr("是否了解政策"),
            [
                Choice((str(number),), policy_titles.get(code, words), code)
                for number, (code, words) in enumerate(POLICY_KNOWLEDGE.items(), start=1)
            ],
        )
        self.satisfaction_row = ChoiceRow(
            self.tr("对服务是否满意"),
            [
                Choice((str(number),), rating_title(rating), rating, rating is Rating.DISSATISFIED)
                for number, rating in enumerate(Rating, start=1)
            ],
        )
        for row in (self.policy_row, self.satisfaction_row):
            row.title_label.hide()  # the form's label says it
        self.suggestion = QPlainTextEdit()
        self.suggestion.setTabChangesFocus(True)
        self.suggestion.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.total_label = QLabel()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("企业名称(&N)："), self.edits["enterprise_name"])
        form.addRow(self.tr("办理登记类型(&T)："), self.edits["registration_type"])
        form.addRow(self.tr("办理登记所用环节："), self.edits["steps"])
        form.addRow(self.tr("所用时间（天）："), self.edits["days"])
        fees = QHBoxLayout()
        for name, title in (
            ("registration_fee_fen", self.tr("登记费")),
            ("deed_tax_fen", self.tr("契税")),
            ("stamp_duty_fen", self.tr("印花税")),
        ):
            label = QLabel(title)
            label.setBuddy(self.edits[name])
            fees.addWidget(label)
            fees.addWidget(self.edits[name])
            fees.addSpacing(8)
        fees.addStretch(1)
        form.addRow(self.tr("所缴纳费用（元）："), fees)
        form.addRow("", self.total_label)
        form.addRow(self.tr("是否了解针对企业的\n不动产登记政策："), self.policy_row)
        form.addRow(self.tr("对服务是否满意："), self.satisfaction_row)
        form.addRow(self.tr("意见建议(&S)："), self.suggestion)
        form.addRow(self.tr("企业联系人(&E)："), self.edits["enterprise_contact"])
        form.addRow(self.tr("回访联系人(&R)："), self.edits["revisit_contact"])

        hint = QLabel(
            self.tr("按纸质反馈单逐项录入：回车到下一项，数字键选择答案，Ctrl+Enter 保存。")
        )
        hint.setStyleSheet("color: #555555;")
        hint.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.error_label.hide()
        self.save_button = QPushButton(self.tr("保存 (Ctrl+Enter)"))
        self.save_button.setAutoDefault(True)  # Enter on it (after the last field) saves
        self.save_button.setStyleSheet("QPushButton { font-weight: bold; padding: 6px 14px; }")
        self.save_button.clicked.connect(self.request_save)
        cancel_button = QPushButton(self.tr("取消"))
        cancel_button.setAutoDefault(False)
        cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(cancel_button)
        buttons.addWidget(self.save_button)

        answers = QVBoxLayout()
        answers.addWidget(hint)
        answers.addLayout(form)
        answers.addStretch(1)
        # The scan being typed from, beside the answers (PgUp/PgDn turn its pages).
        self.scan_pages = list(scan_pages or [])
        self.scan_index = 0
        self.scan_viewer: ScanViewer | None = None
        columns = QHBoxLayout()
        if self.scan_pages:
            self.scan_viewer = ScanViewer()
            self.scan_viewer.setMinimumWidth(420)
            self.scan_viewer.page_turned.connect(self._turn_scan_page)
            columns.addWidget(self.scan_viewer, 1)
        columns.addLayout(answers, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self).activated.connect(self.request_save)

        chain: list[QWidget] = [
            self.edits["enterprise_name"],
            self.edits["registration_type"],
            self.edits["steps"],
            self.edits["days"],
            *(self.edits[name] for name in FEE_FIELDS),
            self.policy_row,
            self.satisfaction_row,
            self.suggestion,
            self.edits["enterprise_contact"],
            self.edits["revisit_contact"],
            self.save_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._fill(initial)
        self._show_scan_page()
        width = max(640, self.sizeHint().width()) + (460 if self.scan_viewer else 0)
        self.resize(min(width, 1340), min(self.sizeHint().height(), 700))

    def _show_scan_page(self) -> None:
        if self.scan_viewer is None:
            return
        self.scan_viewer.show_image(
            self.scan_pages[self.scan_index],
            self.tr("扫描件 第 {page}/{pages} 页").format(
                page=self.scan_index + 1, pages=len(self.scan_pages)
            ),
        )

    def _turn_scan_page(self, step: int) -> None:
        index = self.scan_index + step
        if 0 <= index < len(self.scan_pages):
            self.scan_index = index
            self._show_scan_page()

    def _fill(self, initial: dict[str, Any]) -> None:
        for name in TEXT_FIELDS:
            self.edits[name].setText(initial.get(name) or "")
        for name in NUMBER_FIELDS:
            value = initial.get(name)
            self.edits[name].setText("" if value is None else str(value))
        for name in FEE_FIELDS:
            self.edits[name].setText(yuan(initial.get(name)))
        self.policy_row.set_value(initial.get("policy_knowledge"))
        satisfaction = initial.get("satisfaction")
        self.satisfaction_row.set_value(Rating(satisfaction) if satisfaction else None)
        self.suggestion.setPlainText(initial.get("suggestion") or "")
        self._update_total()
        self.edits["enterprise_name"].setFocus()

    def _update_total(self) -> None:
        try:
            amounts = [parse_yuan(self.edits[name].text(), name) for name in FEE_FIELDS]
        except FormBInvalid:
            self.total_label.setText(self.tr("合计：金额有误"))
            self.total_label.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        self.total_label.setStyleSheet("")
        total = sum(a for a in amounts if a is not None)
        self.total_label.setText(self.tr("合计：{total} 元").format(total=yuan(total)))

    def answers(self) -> FormBAnswers:
        """The answers as typed; raises FormBInvalid naming the field to correct."""
        satisfaction = self.satisfaction_row.value()
        if satisfaction is None:
            raise FormBInvalid(self.tr("请选择“对服务是否满意”。"), "satisfaction")
        values: dict[str, Any] = {
            name: self.edits[name].text().strip() or None for name in TEXT_FIELDS
        }
        for name in NUMBER_FIELDS:
            text = self.edits[name].text().strip()
            values[name] = int(text) if text else None
        for name in FEE_FIELDS:
            values[name] = parse_yuan(self.edits[name].text(), name)
        return FormBAnswers(
            satisfaction=satisfaction,
            policy_knowledge=self.policy_row.value(),
            suggestion=self.suggestion.toPlainText().strip() or None,
            **values,
        )

    def request_save(self) -> None:
        try:
            answers = self.answers()
        except FormBInvalid as problem:
            self.show_error(str(problem), problem.field)
            return
        self.hide_error()
        self.save_requested.emit(answers)

    def show_error(self, text: str, field: str | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        widget = self.field_widget(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def field_widget(self, field: str | None) -> QWidget | None:
        widgets: dict[str, QWidget] = {
            **self.edits,
            "policy_knowledge": self.policy_row,
            "satisfaction": self.satisfaction_row,
            "suggestion": self.suggestion,
        }
        return widgets.get(field or "")
