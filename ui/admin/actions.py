"""The menu actions for people, the audit trail, retention and the person at the seat.

    add_admin_actions(menu, window)   # e.g. on the main window's 设置 menu

Each action is enabled for the roles that may use it (ui.current_user.permitted) and checks
again when triggered. 切换用户 logs the person out and asks who is next; the window's pages are
built again for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from app.roles import Permission
from ui import operations
from ui.admin.audit_dialog import AuditDialog
from ui.admin.outcomes_dialog import open_outcomes
from ui.admin.password_dialog import PasswordDialog
from ui.admin.people_dialog import PeopleDialog
from ui.admin.retention_dialog import RetentionDialog
from ui.admin.units_dialog import open_units
from ui.calendar.calendar_dialog import open_calendar
from ui.current_user import current_staff, log_in_as, logged_in, permitted
from ui.login_dialog import log_in, login_facts
from ui.pages.call_desk_page import CallDeskPage
from ui.settings.example_address import remind_administrator

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate


class _Opener(QObject):
    """Opens one dialog over the window: a bound slot for the action, not a lambda."""

    def __init__(self, action: QAction, window: MainWindow, opens) -> None:
        super().__init__(action)
        self.window, self.opens = window, opens
        action.triggered.connect(self.open)

    def open(self) -> None:
        self.opens(self.window)


def add_admin_actions(menu: QMenu, window: MainWindow) -> list[QAction]:
    """Add 人员与角色…, 审计日志…, 数据保留…, 修改密码… and 切换用户… to `menu`."""
    person = logged_in()
    admin_only = translate("AdminActions", "仅限管理员")
    no_login = translate("AdminActions", "设置密码后才需要登录")
    entries = (
        (
            QT_TRANSLATE_NOOP("AdminActions", "人员与角色(&P)…"),
            open_people,
            permitted(Permission.ADMINISTER),
            admin_only,
        ),
        (
            QT_TRANSLATE_NOOP("AdminActions", "审计日志(&U)…"),
            open_audit_trail,
            permitted(Permission.AUDIT),
            translate("AdminActions", "仅限审计员和管理员"),
        ),
        (
            QT_TRANSLATE_NOOP("AdminActions", "数据保留(&R)…"),
            open_retention,
            permitted(Permission.ADMINISTER),
            admin_only,
        ),
        (
            QT_TRANSLATE_NOOP("AdminActions", "加密数据库文件(&E)…"),
            open_encryption,
            permitted(Permission.ADMINISTER),
            admin_only,
        ),
        (
            QT_TRANSLATE_NOOP("AdminActions", "免打扰号码(&D)…"),
            open_do_not_call,
            permitted(Permission.ADMINISTER),
            admin_only,
        ),
        # Read-only for the other roles: they may look up a unit's area code or an outcome's key.
        (QT_TRANSLATE_NOOP("AdminActions", "受理单位(&N)…"), open_units, True, ""),
        (QT_TRANSLATE_NOOP("AdminActions", "回访结果(&O)…"), open_outcomes, True, ""),
        (QT_TRANSLATE_NOOP("AdminActions", "工作日历(&C)…"), open_calendar, True, ""),
        None,
        (
            QT_TRANSLATE_NOOP("AdminActions", "修改密码(&W)…"),
            change_password,
            person is not None,
            no_login,
        ),
        (
            QT_TRANSLATE_NOOP("AdminActions", "切换用户/注销(&L)…"),
            switch_user,
            person is not None,
            no_login,
        ),
    )
    actions = []
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        text, opens, allowed, why_not = entry
        action = menu.addAction(translate("AdminActions", text))
        _Opener(action, window, opens)
        action.setEnabled(allowed)
        if not allowed:
            action.setToolTip(why_not)
        actions.append(action)
    menu.setToolTipsVisible(True)
    return actions


def _refused(window: MainWindow) -> None:
    QMessageBox.information(
        window,
        translate("AdminActions", "无权操作"),
        translate("AdminActions", "您的角色无权进行此操作。"),
    )


def open_encryption(window: MainWindow) -> None:
    if not permitted(Permission.ADMINISTER):
        _refused(window)
        return
    from ui.admin.encrypt_dialog import EncryptDialog  # cryptography: when it is opened

    person = logged_in()
    EncryptDialog(window.database, person.id if person else None, window).exec()


def open_people(window: MainWindow) -> None:
    if not permitted(Permission.ADMINISTER):
        _refused(window)
        return
    PeopleDialog(window.database, window).exec()
    # The person at the seat may have changed their own role: the window follows it.
    before = logged_in()
    if before is None:
        if login_facts(window.database)[0]:
            # The first password was just given: from now on this seat, too, works as someone
            # logged in (the services refuse nobody once anybody can log in).
            if not log_in(window.database, window, switching=True):
                window.close()
                return
            rebuild(window)
        return
    with window.database.sessions() as session:
        now = current_staff(session)
    if now is not None and now != before:
        log_in_as(now)
        rebuild(window)


def open_do_not_call(window: MainWindow) -> None:
    if not permitted(Permission.ADMINISTER):
        _refused(window)
        return
    from ui.admin.do_not_call_dialog import DoNotCallDialog

    DoNotCallDialog(window.database, window).exec()


def open_audit_trail(window: MainWindow) -> None:
    if not permitted(Permission.AUDIT):
        _refused(window)
        return
    AuditDialog(window.database, window).exec()


def open_retention(window: MainWindow) -> None:
    if not permitted(Permission.ADMINISTER):
        _refused(window)
        return
    RetentionDialog(window.database, window).exec()


def change_password(window: MainWindow) -> None:
    person = logged_in()
    if person is None:
        return
    if PasswordDialog(window.database, person.id, window).exec():
        window.statusBar().showMessage(translate("AdminActions", "密码已修改。"), 5000)


def switch_user(window: MainWindow) -> None:
    """Log out, hide what was on screen, and ask who is next; giving up closes the app."""
    if logged_in() is None:
        return
    if operations.busy():
        window.statusBar().showMessage(
            translate("AdminActions", "请等当前操作完成后再切换用户。"), 5000
        )
        return
    if any(
        isinstance(page, CallDeskPage) and page.item is not None for page in window.built_pages()
    ):
        QMessageBox.information(
            window,
            translate("AdminActions", "切换用户"),
            translate(
                "AdminActions",
                "回访工作台上还有领取的业务件：请先保存、记录通话结果或放回队列，再切换用户。",
            ),
        )
        return
    log_in_as(None)
    window.centralWidget().hide()
    if not log_in(window.database, window, switching=True):
        window.close()
        return
    rebuild(window)
    remind_administrator(window)  # of an evaluation address still the example


def rebuild(window: MainWindow) -> None:
    """The window's pages and menus again, for the person now at the seat (as a change of
    language does)."""
    window.rebuild()
