"""加密数据库文件: an administrator encrypts the SQLite file in place (app.keys.encrypt_database),
after reading what it means and typing their password again."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import pick
from app.keys.encrypt_database import Encrypted, encrypt_database, encryption_plan
from db.database import Database
from ui.operations import operation

ERROR_STYLE = "color: #b3261e; font-weight: bold;"


class EncryptDialog(QDialog):
    def __init__(self, database: Database, staff_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.staff_id = staff_id
        self.result_text: str | None = None
        self.setWindowTitle(self.tr("加密数据库文件"))
        self.setMinimumWidth(560)
        plan = encryption_plan(database, staff_id)
        lines = [  # HTML: each line escaped here
            self.tr(
                "加密后，数据库文件和它旁边的附件只能通过登录打开：丢失的电脑或拷走的文件里"
                "读不到任何电话号码。"
            ),
            self.tr("加密前会先做一份备份；请先关闭在这个文件上打开的其他回访台窗口。"),
        ]
        lines = [html.escape(line) for line in lines]
        if plan.refused is None and not plan.recovery_key:
            lines.append(
                "<b>"
                + html.escape(
                    self.tr(
                        "本机还没有恢复密钥：加密后请立即制作一个（文件 → 网点同步 → 密钥交换），"
                        "否则忘记全部管理员密码后数据库将无法打开。"
                    )
                )
                + "</b>"
            )
        if plan.waiting:
            lines.append(
                html.escape(
                    self.tr(
                        "以下用户的密码只以不可逆的形式保存，加密后他们要等管理员重设密码，或在已"
                        "解锁的窗口中“切换用户”登录一次，才能在新启动时打开数据库：{names}"
                    ).format(names=pick("、", ", ").join(plan.waiting))
                )
            )
        explanation = QLabel("<br><br>".join(lines))
        explanation.setTextFormat(Qt.TextFormat.RichText)
        explanation.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.encrypt)
        form = QFormLayout()
        label = QLabel(self.tr("您的密码(&P)："))
        label.setBuddy(self.password_edit)
        form.addRow(label, self.password_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.encrypt_button = self.buttons.addButton(
            self.tr("加密(&E)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.encrypt_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.encrypt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if plan.refused is not None:
            self.error_label.setText(plan.refused)
            self.password_edit.setEnabled(False)
            self.encrypt_button.setEnabled(False)
        else:
            self.error_label.hide()
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def encrypt(self) -> None:
        password = self.password_edit.text()
        if not password:
            self._refuse_text(self.tr("请输入您的密码。"))
            return
        database, staff_id = self.database, self.staff_id

        def work(_session, progress) -> Encrypted:
            # On the database thread, between the pages' work: no connection of the app's is
            # in use while the file is replaced. The session given is not used.
            return encrypt_database(database, by_id=staff_id, password=password, progress=progress)

        (
            operation(self, database, work)
            .on_success(self._encrypted)
            .on_failure(self._refused)
            .busy(self.encrypt_button)
            .with_progress_dialog(self.tr("正在备份并加密数据库…"))
            .run()
        )

    def _encrypted(self, result: Encrypted) -> None:
        self.result_text = result.text()
        QMessageBox.information(self, self.tr("数据库文件已加密"), self.result_text)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.password_edit.clear()
        self._refuse_text(str(error))

    def _refuse_text(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
