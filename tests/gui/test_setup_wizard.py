"""The first run's set-up, driven from the keyboard on a new, empty database: what the screens
show, what the database holds after 完成设置, and a refusal that keeps the wizard open."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.database_info import is_new_installation
from app.settings import get_setting
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import Staff, Unit
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
    with qtbot.waitSignal(wizard.finished):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )

    assert wizard.result() == QWizard.DialogCode.Accepted and wizard.open_calendar
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
    type_text(qtbot, wizard.centre_page.centre_edit, "济南市不动产登记中心")
    type_text(qtbot, wizard.centre_page.units_edit, "历下区不动产登记中心")
    next_page(qtbot, wizard)
    for edit, text in zip(
        (wizard.account_page.name_edit, wizard.account_page.username_edit),
        ("王管理", "wang"),
        strict=True,
    ):
        type_text(qtbot, edit, text)
    type_text(qtbot, wizard.account_page.password_edit, "short")
    type_text(qtbot, wizard.account_page.repeat_edit, "short")
    next_page(qtbot, wizard)
    type_text(qtbot, wizard.calling_page.area_code_edit, "0531")
    next_page(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "至少需要 8 个字符" in wizard.calendar_page.message.text())
    assert wizard.isVisible()
    with sqlite_db.sessions() as session:
        assert is_new_installation(session)


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
