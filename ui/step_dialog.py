"""The small form every step of the board and of a complaint opens: its fields, an OK button
(Ctrl+Enter), 取消 (Esc) and a line for what is wrong.

The form stays open until its step is stored: the owner runs the step and calls `accept()`, or
`show_error` and the form stays as it was, so nothing typed is lost to a refusal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.desk.display import ERROR_COLOR

# The tallest a form opens: a 768-pixel screen less the task bar and the window frame.
MAX_HEIGHT = 660


class StepDialog(QDialog):
    """A form with its OK button (Ctrl+Enter), 取消 (Esc) and a line for what is wrong."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.body = QVBoxLayout()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            f"{ok_text} (Ctrl+Enter)", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def fit(self, width: int) -> None:
        """`width` wide and as tall as the form needs, within a 1366×768 screen."""
        self.resize(width, min(self.sizeHint().height(), MAX_HEIGHT))

    def submit(self) -> None:
        raise NotImplementedError

    def show_error(self, text: str, focus: QWidget | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)


def text_box(placeholder: str = "", lines: int = 4, *, fixed: bool = False) -> QPlainTextEdit:
    """Several lines of text, where Tab moves on (as in every other field); `fixed` keeps it at
    that height, else it may grow with the form."""
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    if fixed:
        edit.setFixedHeight(height)
    else:
        edit.setMinimumHeight(height)
    return edit
