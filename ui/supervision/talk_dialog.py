"""记录谈话: what the hall's head said with the staff member a criticism slip named
(W 7.1.3.2.4). Ctrl+Enter saves, Esc closes; the tab stores it and closes the dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.shortcuts import shortcuts


class TalkDialog(QDialog):
    submitted = Signal(str)

    def __init__(self, criticism: str, staff_name: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录谈话"))
        self.setMinimumWidth(460)
        shown = QLabel(
            self.tr("批评：{text}\n涉及人员：{name}").format(
                text=criticism, name=staff_name or self.tr("未指名")
            )
        )
        shown.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        label = QLabel(self.tr("谈话情况(&T)："))
        label.setBuddy(self.text_edit)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存 (Ctrl+Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消 (Esc)"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(shown)
        layout.addWidget(label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        shortcuts(self, [("Ctrl+Return", self.submit), ("Ctrl+Enter", self.submit)])
        self.text_edit.setFocus()

    def submit(self) -> None:
        self.submitted.emit(self.text_edit.toPlainText())

    def show_refusal(self, problem: Exception) -> None:
        self.problem_label.setText(str(problem))
