"""Logging in (登录) before the main window, once anybody in the database has a password.

A password past its age (setting security.password_max_age_days) is changed here before the
person gets in: the form asks for a new one, twice. A database filled by `main.py demo` shows
its demo accounts under the form (their password is printed by the demo command and told in the
README; the database keeps none); any other database shows nothing of the kind.

An encrypted database file (app.keys.database_key) is opened by this form: the user name and
password first unlock its key, then log in as for any database (`unlock`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import Refused
from app.opening import Unlock, open_app_database
from app.roles import role_label
from app.staff import StaffMember
from app.users import (
    DemoAccount,
    LoggedIn,
    PasswordExpired,
    UserError,
    accounts_exist,
    authenticate,
    demo_accounts,
    log_in_with_new_password,
    password_policy,
)
from db.database import Database
from ui.current_user import log_in_as

ERROR_STYLE = "color: #b3261e; font-weight: bold;"


class LoginDialog(QDialog):
    """Asks for user name and password; `person` is who logged in once it is accepted."""

    def __init__(
        self,
        database: Database | None,
        demo: list[DemoAccount] | None = None,
        parent: QWidget | None = None,
        *,
        switching: bool = False,
        locked_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        # None until the log-in unlocks the encrypted file at `locked_url`.
        self.database = database
        self.locked_url = locked_url
        self.demo = demo or []
        self.person: StaffMember | None = None
        self.setWindowTitle(self.tr("切换用户 — 回访台") if switching else self.tr("登录 — 回访台"))
        self.setMinimumWidth(420)

        title = QLabel(self.tr("回访台 RevisitDesk"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        subtitle = QLabel(
            self.tr("数据库文件已加密：登录后才能打开。请输入您的用户名和密码，按回车登录。")
            if locked_url is not None
            else self.tr("请输入您的用户名和密码，按回车登录。")
        )
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("color: #555555;")

        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("用户名"))
        self.username_edit.returnPressed.connect(self._username_entered)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("密码"))
        self.password_edit.returnPressed.connect(self.log_in)
        form = QFormLayout()
        username_label = QLabel(self.tr("用户名(&U)："))
        username_label.setBuddy(self.username_edit)
        password_label = QLabel(self.tr("密码(&P)："))
        password_label.setBuddy(self.password_edit)
        form.addRow(username_label, self.username_edit)
        form.addRow(password_label, self.password_edit)
        # Shown when the password has expired: the new one, twice.
        self.expired: PasswordExpired | None = None
        self.policy_label = QLabel()
        self.policy_label.setWordWrap(True)
        self.new_edit, self.repeat_edit = QLineEdit(), QLineEdit()
        for edit in (self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_edit.returnPressed.connect(self._new_entered)
        self.repeat_edit.returnPressed.connect(self.change_expired_password)
        self.new_label = QLabel(self.tr("新密码(&N)："))
        self.new_label.setBuddy(self.new_edit)
        self.repeat_label = QLabel(self.tr("再次输入(&A)："))
        self.repeat_label.setBuddy(self.repeat_edit)
        form.addRow(self.policy_label)
        form.addRow(self.new_label, self.new_edit)
        form.addRow(self.repeat_label, self.repeat_edit)
        self.new_password_widgets = (
            self.policy_label,
            self.new_label,
            self.new_edit,
            self.repeat_label,
            self.repeat_edit,
        )
        for widget in self.new_password_widgets:
            widget.hide()

        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.login_button = QPushButton(self.tr("登录 (Enter)"))
        self.login_button.clicked.connect(self._log_in_or_change)
        self.cancel_button = QPushButton(self.tr("退出"))
        self.cancel_button.clicked.connect(self.reject)
        # Enter is the line edits' business: in the user name it moves on, in the password it
        # logs in. No button takes it over.
        for button in (self.login_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        if self.demo:
            layout.addWidget(self._demo_hint())
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.username_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _demo_hint(self) -> QFrame:
        """The demo accounts, each a link that fills the form."""
        box = QFrame()
        box.setObjectName("demo_hint")
        box.setStyleSheet(
            "QFrame#demo_hint { background: #f1f6fd; border: 1px solid #b9cde9;"
            " border-radius: 6px; }"
        )
        lines = [
            "<b>"
            + html.escape(self.tr("演示数据库的账号（密码见 demo 命令的输出或 README）："))
            + "</b>"
        ]
        for account in self.demo:
            lines.append(
                f"<a href='{html.escape(account.username)}'>{html.escape(account.username)}</a>"
                f" — {html.escape(role_label(account.role))}（{html.escape(account.name)}）"
            )
        lines.append(
            "<span style='color:#555555;'>"
            + html.escape(self.tr("点击账号即可填入用户名。正式使用前请由管理员设置真实账号。"))
            + "</span>"
        )
        self.demo_label = QLabel("<br>".join(lines))
        self.demo_label.setTextFormat(Qt.TextFormat.RichText)
        self.demo_label.setWordWrap(True)
        self.demo_label.linkActivated.connect(self.fill_demo_account)
        inside = QVBoxLayout(box)
        inside.setContentsMargins(10, 8, 10, 8)
        inside.addWidget(self.demo_label)
        return box

    def fill_demo_account(self, username: str) -> None:
        account = next((a for a in self.demo if a.username == username), None)
        if account is not None and self.expired is None:
            self.username_edit.setText(account.username)
            self.password_edit.clear()
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _username_entered(self) -> None:
        if self.password_edit.text():
            self.log_in()
        else:
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def log_in(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if not username:
            self.show_error(self.tr("请输入用户名。"), self.username_edit)
            return
        if not password:
            self.show_error(self.tr("请输入密码。"), self.password_edit)
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.database is None:  # the password unlocks the encrypted file first
                self.database = open_app_database(self.locked_url, Unlock(username, password))
            # Committed whatever the answer: a failure is counted and audited.
            with self.database.sessions.begin() as session:
                result = authenticate(session, username, password)
        except Refused as refused:  # a wrong password, a missing key file: counted there
            self.password_edit.clear()
            self.show_error(str(refused), self.password_edit)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if isinstance(result, LoggedIn):
            self._logged_in(result)
            return
        if isinstance(result, PasswordExpired):
            self._ask_for_new_password(result)
            return
        self.password_edit.clear()
        self.show_error(result.message, self.password_edit)

    def _log_in_or_change(self) -> None:
        if self.expired is None:
            self.log_in()
        else:
            self.change_expired_password()

    def _logged_in(self, result: LoggedIn) -> None:
        self.person = StaffMember(result.staff_id, result.name, result.role)
        self.accept()

    def _ask_for_new_password(self, expired: PasswordExpired) -> None:
        """The password was right but too old: the same form asks for a new one."""
        self.expired = expired
        with self.database.sessions() as session:
            policy = password_policy(session)
        self.policy_label.setText(
            self.tr("新密码要求：{policy}。").format(policy=policy.describe())
        )
        self.username_edit.setEnabled(False)
        self.password_edit.setEnabled(False)
        for widget in self.new_password_widgets:
            widget.show()
        self.login_button.setText(self.tr("更改密码并登录 (Enter)"))
        self.show_error(expired.message, self.new_edit)

    def _new_entered(self) -> None:
        self.repeat_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def change_expired_password(self) -> None:
        if self.expired is None:
            return
        new = self.new_edit.text()
        if not new:
            self.show_error(self.tr("请输入新密码。"), self.new_edit)
            return
        if new != self.repeat_edit.text():
            self.repeat_edit.clear()
            self.show_error(self.tr("两次输入的新密码不一致。"), self.repeat_edit)
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.database.sessions.begin() as session:
                result = log_in_with_new_password(
                    session, self.expired.username, self.password_edit.text(), new
                )
        except UserError as error:  # the new password does not meet the policy
            self.new_edit.clear()
            self.repeat_edit.clear()
            self.show_error(str(error), self.new_edit)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if isinstance(result, LoggedIn):
            self._logged_in(result)
            return
        self._start_again(result.message)

    def _start_again(self, message: str) -> None:
        """Back to user name and password (the present one was refused meanwhile)."""
        self.expired = None
        for widget in self.new_password_widgets:
            widget.hide()
        for edit in (self.password_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self.username_edit.setEnabled(True)
        self.password_edit.setEnabled(True)
        self.login_button.setText(self.tr("登录 (Enter)"))
        self.show_error(message, self.password_edit)

    def show_error(self, text: str, focus: QLineEdit) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)


def login_facts(database: Database) -> tuple[bool, list[DemoAccount]]:
    """Whether anybody must log in, and the demo accounts to offer."""
    with database.sessions() as session:
        if not accounts_exist(session):
            return False, []
        return True, demo_accounts(session)


def unlock(url: str, parent: QWidget | None = None) -> tuple[Database, StaffMember] | None:
    """Open the encrypted database at `url` by a log-in: the database and who logged in, or None
    when they gave up (the database then closed if it was opened)."""
    dialog = LoginDialog(None, None, parent, locked_url=url)
    accepted = dialog.exec()
    if accepted and dialog.database is not None and dialog.person is not None:
        return dialog.database, dialog.person
    if dialog.database is not None:
        dialog.database.close()
    return None


def log_in(database: Database, parent: QWidget | None = None, *, switching: bool = False) -> bool:
    """Ask who is at the seat when the database has passwords; False when they gave up.

    Without any password there is nobody to ask for (True, nobody logged in).
    """
    needed, demo = login_facts(database)
    if not needed:
        log_in_as(None)
        return True
    dialog = LoginDialog(database, demo, parent, switching=switching)
    if not dialog.exec():
        return False
    log_in_as(dialog.person)
    return True
