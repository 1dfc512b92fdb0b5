"""Where a password is set in the window, the rule shown is the one the settings (security.*) have
now, not the factory default of 8 characters: 修改密码 and 人员与角色. (The set-up wizard's
account page: tests/gui/test_setup_wizard.py.)"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.roles import Role
from app.settings import change_settings
from app.staff import StaffMember
from db.database import Database
from ui.admin.password_dialog import PasswordDialog
from ui.admin.people_dialog import PeopleDialog
from ui.current_user import log_in_as

from .helpers import PASSWORD, accounts


def stricter_rule(database: Database, admin: int, length: int, classes: int) -> None:
    with database.sessions.begin() as session:
        change_settings(
            session,
            {"security.password_min_length": length, "security.password_classes": classes},
            by_id=admin,
        )


def test_the_change_password_dialog_shows_the_rule_of_the_settings(sqlite_db, qtbot: QtBot):
    people = accounts(sqlite_db)
    dialog = PasswordDialog(sqlite_db, people.operator)
    qtbot.addWidget(dialog)
    assert dialog.new_edit.placeholderText() == "至少 8 个字符，3 类字符"  # the defaults

    stricter_rule(sqlite_db, people.admin, 14, 4)
    dialog = PasswordDialog(sqlite_db, people.operator)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.new_edit.placeholderText() == "至少 14 个字符，4 类字符"
    assert dialog.rule_label.text() == (
        "新密码要求：至少 14 个字符，包含大写字母、小写字母、数字、其他符号中的至少 4 类。"
    )
    # And it is the rule the change is held to.
    dialog.old_edit.setText(PASSWORD)
    dialog.new_edit.setText("Abcdefgh1234!")  # 13 characters
    dialog.repeat_edit.setText("Abcdefgh1234!")
    dialog.change()
    assert "至少需要 14 个字符" in dialog.error_label.text() and dialog.result() == 0


def test_the_people_dialog_shows_the_rule_of_the_settings(sqlite_db, qtbot: QtBot):
    people = accounts(sqlite_db)
    stricter_rule(sqlite_db, people.admin, 12, 2)
    log_in_as(StaffMember(people.admin, "赵管理", Role.ADMINISTRATOR))
    try:
        dialog = PeopleDialog(sqlite_db)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded):
            dialog.show()
        assert dialog.password_edit.placeholderText() == "至少 12 个字符，2 类字符；空：不修改"
    finally:
        log_in_as(None)
