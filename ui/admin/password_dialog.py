"""修改密码: the person logged in changes their own password, knowing the present one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.users import UserError, change_own_password, password_policy
from db.database import Database

ERROR_STYLE = "color: #b3261e; font-weight: bold;"


class PasswordDialog(QDialog):
    def __init__(self, database: Database, staff_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.staff_id = staff_id
        self.setWindowTitle(self.tr("修改密码"))
        self.old_edit, self.new_edit, self.repeat_edit = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        # The rule as the settings (security.*) have it now, as the log-in dialog says it when
        # a password has expired: one read of two settings, like the change itself below.
        with database.sessions() as session:
            policy = password_policy(session)
        self.new_edit.setPlaceholderText(
            self.tr("至少 {length} 个字符，{classes} 类字符").format(
                length=policy.min_length, classes=policy.classes
            )
        )
        self.rule_label = QLabel(self.tr("新密码要求：{policy}。").format(policy=policy.describe()))
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet("color: #555555;")
        form = QFormLayout()
        form.addRow(self.tr("当前密码："), self.old_edit)
        form.addRow(self.tr("新密码："), self.new_edit)
        form.addRow("", self.rule_label)
        form.addRow(self.tr("再次输入："), self.repeat_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.old_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def change(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self._refuse(self.tr("两次输入的新密码不一致。"), self.repeat_edit)
            return
        try:
            # A quick check and one hash: done here, like the log-in itself.
            with self.database.sessions.begin() as session:
                change_own_password(
                    session, self.staff_id, self.old_edit.text(), self.new_edit.text()
                )
        except UserError as error:
            self._refuse(str(error), self.new_edit)
            return
        self.accept()

    def _refuse(self, text: str, focus: QLineEdit) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
