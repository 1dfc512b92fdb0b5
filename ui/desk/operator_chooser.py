"""Who works at this seat: chosen from the operators known, or a new name typed in.

Where nobody logs in, the name is remembered per seat (ui/preferences.py) and can be switched;
where people log in, the person logged in is the operator.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class OperatorChooser(QFrame):
    chosen = Signal(str)  # the name, stripped, never empty

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operator_chooser")
        self.setStyleSheet(
            "QFrame#operator_chooser { background: #f1f6fd; border: 1px solid #b9cde9;"
            " border-radius: 8px; }"
        )
        title = QLabel(self.tr("谁在回访？"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        note = QLabel(self.tr("选择您的姓名，或输入新的姓名后按回车。本机会记住您的选择。"))
        note.setWordWrap(True)
        self.name_combo = QComboBox()
        self.name_combo.setEditable(True)
        self.name_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name_combo.setMinimumWidth(240)
        self.name_combo.lineEdit().setPlaceholderText(self.tr("回访员姓名"))
        self.name_combo.lineEdit().returnPressed.connect(self._choose)
        self.start_button = QPushButton(self.tr("开始回访 (Enter)"))
        self.start_button.clicked.connect(self._choose)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()
        row = QHBoxLayout()
        row.addWidget(self.name_combo, 1)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.error_label)

    def show_names(self, names: list[str], current: str | None) -> None:
        self.name_combo.clear()
        self.name_combo.addItems(names)
        self.name_combo.setCurrentText(current or "")
        self.name_combo.lineEdit().selectAll()
        self.error_label.hide()

    def _choose(self) -> None:
        name = " ".join(self.name_combo.currentText().split())
        if not name:
            self.error_label.setText(self.tr("请输入姓名。"))
            self.error_label.show()
            return
        self.chosen.emit(name)
