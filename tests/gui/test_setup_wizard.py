"""The first run's set-up, driven from the keyboard on a new, empty database: what the screens
show, what the database holds after 保存设置, the recovery key shown once and taken down, and a
refusal that keeps the wizard open."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.database_info import is_new_installation
from app.keys import RecoveryKey, own_public_keys, recovery_info, recovery_public
from app.opening import Unlock, encrypted_file, open_app_database
from app.settings import change_settings, get_setting
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import AuditEntry, Staff, Unit
from ui.admin.keys_dialog import RecoveryKeyView
from ui.first_run.setup_wizard import SetupWizard, setup_facts

from .helpers import type_text


def wizard_on(qtbot: QtBot, database: Database) -> SetupWizard:
    with database.sessions() as session:
        assert is_new_installation(session)
        facts = setup_facts(session)
    wizard = SetupWizard(database, facts)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def next_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_the_first_pages(qtbot: QtBot, wizard: SetupWizard, password: str) -> None:
    """Centre, account and calling hours answered; the calendar page shown."""
    type_text(qtbot, wizard.centre_page.centre_edit, "济南市不动产登记中心")
    type_text(qtbot, wizard.centre_page.units_edit, "历下区不动产登记中心")
    next_page(qtbot, wizard)
    for edit, text in zip(
        (wizard.account_page.name_edit, wizard.account_page.username_edit),
        ("王管理", "wang"),
        strict=True,
    ):
        type_text(qtbot, edit, text)
    type_text(qtbot, wizard.account_page.password_edit, password)
    type_text(qtbot, wizard.account_page.repeat_edit, password)
    next_page(qtbot, wizard)
    type_text(qtbot, wizard.calling_page.area_code_edit, "0531")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.calendar_page


def save_setup(qtbot: QtBot, wizard: SetupWizard) -> None:
    """保存设置 with Enter (the commit page's default button); back once the key is shown."""
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isVisible() and commit.text() == "保存设置(&S) >"
    with qtbot.waitSignal(wizard.currentIdChanged, timeout=10_000):
        qtbot.keyClick(wizard.calendar_page.open_calendar, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.recovery_page


def take_down_the_key(qtbot: QtBot, wizard: SetupWizard) -> str:
    """Type the key's last group where the page puts the cursor, then Enter: 完成设置."""
    page = wizard.recovery_page
    key = page.view.key_label.text()
    assert QApplication.focusWidget() is page.confirm_edit
    qtbot.keyClicks(page.confirm_edit, key.rsplit("-", 1)[-1].lower())  # any case
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.finished):
        qtbot.keyClick(page.confirm_edit, Qt.Key.Key_Return)
    return key


def test_a_new_installation_is_set_up_from_the_keyboard(qtbot, sqlite_db, stop_clock):
    stop_clock(datetime(2026, 12, 7, 10, tzinfo=LOCAL_ZONE))
    wizard = wizard_on(qtbot, sqlite_db)
    centre = wizard.centre_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # nothing typed
    type_text(qtbot, centre.centre_edit, "济南市不动产登记中心")
    type_text(qtbot, centre.units_edit, "历下区不动产登记中心")
    qtbot.keyClick(centre.units_edit, Qt.Key.Key_Return)
    type_text(qtbot, centre.units_edit, "市中区不动产登记中心")
    next_page(qtbot, wizard)

    account = wizard.account_page
    # A SQLite file is encrypted unless the administrator says otherwise.
    assert account.encrypt_check.isVisible() and account.encrypt_check.isChecked()
    type_text(qtbot, account.name_edit, "王管理")
    type_text(qtbot, account.username_edit, "wang")
    type_text(qtbot, account.password_edit, "A long enough one 1")
    type_text(qtbot, account.repeat_edit, "A long enough one ")
    assert account.message.text() == "两次输入的密码不一致。"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(account.repeat_edit, "1")
    assert account.message.text() == ""
    next_page(qtbot, wizard)

    calling = wizard.calling_page
    assert "示例地址" in calling.address_warning.text()  # the default example address
    assert not calling.qr_label.pixmap().isNull()
    type_text(qtbot, calling.area_code_edit, "0531")
    calling.address_edit.selectAll()
    type_text(qtbot, calling.address_edit, "https://hcp.jinan.gov.cn/pj?case={case_no}")
    assert calling.address_warning.text() == ""
    next_page(qtbot, wizard)

    page = wizard.calendar_page
    assert page.status.text() == "2027 年的工作日历：尚未录入。"
    assert page.open_calendar.isChecked()
    save_setup(qtbot, wizard)
    key = take_down_the_key(qtbot, wizard)

    assert wizard.result() == QWizard.DialogCode.Accepted and wizard.open_calendar
    assert RecoveryKey.parse(key).public == wizard.stored.recovery.key.public
    assert wizard.administrator.name == "王管理"
    with sqlite_db.sessions() as session:
        assert not is_new_installation(session)
        assert session.scalars(select(Unit.name).order_by(Unit.id)).all() == [
            "历下区不动产登记中心",
            "市中区不动产登记中心",
        ]
        assert session.scalar(select(Staff.username)) == "wang"
        assert get_setting(session, "centre.name") == "济南市不动产登记中心"


def test_a_refused_answer_keeps_the_wizard_open_with_the_reason(qtbot, sqlite_db):
    wizard = wizard_on(qtbot, sqlite_db)
    answer_the_first_pages(qtbot, wizard, "short")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "至少需要 8 个字符" in wizard.calendar_page.message.text())
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.CommitButton).isEnabled())
    assert wizard.isVisible() and wizard.currentPage() is wizard.calendar_page
    assert wizard.stored is None
    with sqlite_db.sessions() as session:
        assert is_new_installation(session)
        assert recovery_info(session) is None  # no key without the set-up it was made with
    wizard.reject()  # before 保存设置, cancelling still leaves the database new
    assert not wizard.isVisible()


def test_the_recovery_key_is_made_with_the_set_up_and_shown_once(
    qtbot, sqlite_db, stop_clock, monkeypatch
):
    stop_clock(datetime(2026, 12, 7, 10, tzinfo=LOCAL_ZONE))
    printed: list[str] = []  # the system's print dialog stands in: what would be printed
    monkeypatch.setattr(
        RecoveryKeyView, "print_key", lambda view: printed.append(view.page().toPlainText())
    )
    wizard = wizard_on(qtbot, sqlite_db)
    answer_the_first_pages(qtbot, wizard, "A long enough one 1")
    assert "按“保存设置”保存以上各项" in wizard.calendar_page.saving_note.text()
    save_setup(qtbot, wizard)

    # Stored: the set-up and the key's public half, in one transaction, audited.
    page = wizard.recovery_page
    key = page.view.key_label.text()
    made = RecoveryKey.parse(key)
    with sqlite_db.sessions() as session:
        assert not is_new_installation(session)
        assert recovery_public(session) == made.public  # the public half only
        info = recovery_info(session)
        own = own_public_keys(session)
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert key not in repr(session.execute(select(AuditEntry.after)).all())
    assert info.made_by == f"王管理 (#{wizard.administrator.id})"
    assert actions[-3:] == ["setup.complete", "keys.recovery", "database.encrypted"]
    # Encrypted (the default): the administrator's password and the recovery key open it.
    assert wizard.encrypted and encrypted_file(sqlite_db.url) is not None
    assert "数据库文件已加密" in page.subTitle() and page.encryption_note.text() == ""
    open_app_database(sqlite_db.url, Unlock("wang", "A long enough one 1")).close()
    open_app_database(sqlite_db.url, Unlock(recovery=made)).close()
    # Shown with both fingerprints, and printed with them.
    assert info.fingerprint == made.public.fingerprint == page.view.key_fingerprint
    shown = "\n".join(label.text() for label in page.view.findChildren(QLabel))
    assert key in shown and own.fingerprint in shown and info.fingerprint in shown
    assert page.view.print_button.text() == "打印(&P)…" and page.view.print_button.isVisible()
    wizard.activateWindow()  # a window's shortcuts work once it has the keyboard
    qtbot.waitUntil(wizard.isActiveWindow)
    qtbot.keyClick(page.confirm_edit, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(printed))  # a mnemonic clicks as animateClick does: later
    (sheet,) = printed
    assert key in sheet and own.fingerprint in sheet and info.fingerprint in sheet
    assert QApplication.focusWidget() is page.confirm_edit  # back to the field to type

    # No way back, and no way out without taking the key down: Esc and Cancel do nothing.
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled() or not (
        wizard.button(QWizard.WizardButton.BackButton).isVisible()
    )
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    qtbot.keyClick(page.confirm_edit, Qt.Key.Key_Escape)
    wizard.reject()
    assert wizard.isVisible() and wizard.currentPage() is page

    # A wrong group is said, and Enter does not finish.
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    last = key.rsplit("-", 1)[-1]
    wrong = "AAAA" if last != "AAAA" else "BBBB"
    qtbot.keyClicks(page.confirm_edit, wrong)
    assert page.message.text() == "这不是恢复密钥的最后一组：请对照屏幕上的恢复密钥再输入。"
    assert not finish.isEnabled()
    qtbot.keyClick(page.confirm_edit, Qt.Key.Key_Return)
    assert wizard.isVisible()
    page.confirm_edit.clear()
    assert page.message.text() == ""
    assert take_down_the_key(qtbot, wizard) == key
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_the_file_stays_in_the_clear_when_the_administrator_says_so(qtbot, sqlite_db):
    wizard = wizard_on(qtbot, sqlite_db)
    type_text(qtbot, wizard.centre_page.centre_edit, "济南市不动产登记中心")
    type_text(qtbot, wizard.centre_page.units_edit, "历下区不动产登记中心")
    next_page(qtbot, wizard)
    account = wizard.account_page
    wizard.activateWindow()  # a window's shortcuts work once it has the keyboard
    qtbot.waitUntil(wizard.isActiveWindow)
    qtbot.keyClick(account.name_edit, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not account.encrypt_check.isChecked())
    wizard.back()
    answer_the_first_pages(qtbot, wizard, "A long enough one 1")
    save_setup(qtbot, wizard)
    assert not wizard.encrypted and encrypted_file(sqlite_db.url) is None
    assert "数据库文件已加密" not in wizard.recovery_page.subTitle()


def test_the_account_page_says_the_password_rule_of_the_settings(qtbot, sqlite_db):
    with sqlite_db.sessions.begin() as session:
        change_settings(
            session, {"security.password_min_length": 12, "security.password_classes": 4}
        )
    wizard = wizard_on(qtbot, sqlite_db)
    assert wizard.account_page.rule_label.text() == (
        "密码要求：至少 12 个字符，包含大写字母、小写字母、数字、其他符号中的至少 4 类。"
    )


def test_the_units_can_be_read_from_a_case_export(qtbot, sqlite_db, samples: Path):
    wizard = wizard_on(qtbot, sqlite_db)
    type_text(qtbot, wizard.centre_page.units_edit, "历下区不动产登记中心")
    wizard.centre_page.read_units_from(samples / "cases_2026q3.csv")
    qtbot.waitUntil(lambda: len(wizard.centre_page.units_edit.toPlainText().splitlines()) == 7)
    units = wizard.centre_page.units_edit.toPlainText().splitlines()
    assert units[0] == "历下区不动产登记中心" and len(set(units)) == 7


def test_a_file_that_is_no_case_export_is_explained(qtbot, sqlite_db, tmp_path):
    wizard = wizard_on(qtbot, sqlite_db)
    junk = tmp_path / "notes.csv"
    junk.write_text("hello\n", encoding="utf-8")
    wizard.centre_page.read_units_from(junk)
    qtbot.waitUntil(lambda: wizard.centre_page.message.text() != "")
    assert wizard.centre_page.units_edit.toPlainText() == ""
