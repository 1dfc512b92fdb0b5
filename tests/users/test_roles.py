"""What an operator cannot see or do (issue 7): no integrity escalations, no imports, no admin
dialogs, no phrase editing, full numbers only on the case they hold — and what the others may."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import app.importing  # noqa: F401  (before app.callbacks: an import cycle)
from app.callbacks.tasks import integrity_escalations
from app.desk.queue import load_claimed, next_case
from app.roles import NotPermitted, Permission, Role, may
from app.staff import StaffMember
from app.zone import LOCAL_ZONE
from db.models import CallAttempt, Case, CasePhone, QueueEntry, Staff, Unit
from ui import operations
from ui.admin.actions import add_admin_actions
from ui.current_user import current_staff, log_in_as, permitted, staff_choices
from ui.desk.case_panel import CasePanel
from ui.drafts import DRAFTS_DIR_ENV
from ui.main_window import MainWindow
from ui.pages.call_desk_page import CallDeskPage
from ui.pages.import_page import ImportPage
from ui.translations import use_language

from .helpers import Accounts, accounts

MOBILE, SECOND = "+8613812345678", "+8613912345678"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (
            Role.OPERATOR,
            {
                Permission.HANDLE_CALLBACKS,
                Permission.REGISTER_COMPLAINTS,
                Permission.RECORD_FEEDBACK,
            },
        ),
        (
            Role.TEAM_LEAD,
            {
                Permission.SEE_INTEGRITY,
                Permission.LEAD_BOARD,
                Permission.HANDLE_CALLBACKS,
                Permission.REGISTER_COMPLAINTS,
                Permission.SEE_ASSESSMENT,
                Permission.RECORD_FEEDBACK,
                Permission.ASSESS_OUTLETS,
                Permission.INSPECT_QUALITY,
            },
        ),
        (Role.ADMINISTRATOR, set(Permission)),
        (Role.AUDITOR, {Permission.AUDIT, Permission.SEE_ASSESSMENT}),
    ],
)
def test_what_each_role_may_do(role, allowed):
    assert {p for p in Permission if may(role, p)} == allowed


def test_operators_cannot_read_integrity_escalations(any_db):
    people = accounts(any_db)
    with any_db.sessions() as session:
        with pytest.raises(NotPermitted, match="仅限组长、管理员"):
            integrity_escalations(session, people.operator)
        with pytest.raises(NotPermitted):
            integrity_escalations(session, people.auditor)
        assert integrity_escalations(session, people.lead) == []
        assert integrity_escalations(session, people.admin) == []


def _queued_case(database, operator_id: int) -> int:
    """A case with two numbers in the queue and one earlier failed call; its id."""
    at = datetime(2026, 11, 2, 10, tzinfo=LOCAL_ZONE)
    with database.sessions.begin() as session:
        unit = Unit(name="历下区不动产登记中心", area_code="0531")
        session.add(unit)
        session.flush()
        case_ = Case(
            case_no="JN202610010001",
            unit_id=unit.id,
            completed_on=at.date(),
            applicant="张三",
            has_valid_phone=True,
            phones=[
                CasePhone(position=0, original="13812345678", e164=MOBILE),
                CasePhone(position=1, original="13912345678", e164=SECOND),
            ],
        )
        session.add(case_)
        session.flush()
        session.add(
            CallAttempt(
                case_id=case_.id,
                attempted_at=at,
                outcome="no_answer",
                phone_e164=MOBILE,
                operator_id=operator_id,
            )
        )
        session.add(QueueEntry(case_id=case_.id, kind="first", status="open", ready_at=at))
        return case_.id


def test_full_numbers_only_on_the_case_the_operator_holds(any_db, qtbot: QtBot):
    people = accounts(any_db)
    _queued_case(any_db, people.lead)
    now = datetime(2026, 11, 3, 10, tzinfo=LOCAL_ZONE)
    item = next_case(any_db, people.operator, now=now)
    assert [p.e164 for p in item.phones] == [MOBILE, SECOND]  # to dial: the case held
    with any_db.sessions() as session:
        assert load_claimed(session, people.lead, now=now) is None  # nobody else gets it
        assert load_claimed(session, people.operator, now=now).case_no == "JN202610010001"
    use_language("zh")
    panel = CasePanel()
    qtbot.addWidget(panel)
    panel.show_item(item, "首次回访")
    assert panel.phone_combo.itemText(0) == "138 1234 5678"
    history = panel.history_label.text()
    assert "138****5678" in history  # earlier calls: masked, even on the case held
    assert "13812345678" not in history and "1234 5678" not in history


def test_the_person_logged_in_is_the_current_user_and_the_only_choice(sqlite_db):
    people = accounts(sqlite_db)
    log_in_as(StaffMember(people.operator, "王芳", Role.OPERATOR))
    with sqlite_db.sessions() as session:
        assert current_staff(session).id == people.operator
        assert [c.id for c in staff_choices(session)] == [people.operator]
    assert not permitted(Permission.ADMINISTER)
    log_in_as(None)
    assert permitted(Permission.ADMINISTER)  # nobody logs in: a single seat, nothing to refuse


def _log_in(people: Accounts, role: Role) -> None:
    ids = {
        Role.OPERATOR: people.operator,
        Role.TEAM_LEAD: people.lead,
        Role.ADMINISTRATOR: people.admin,
        Role.AUDITOR: people.auditor,
    }
    log_in_as(StaffMember(ids[role], role.value, role))


def test_an_operator_cannot_import(sqlite_db, qtbot: QtBot, tmp_path: Path):
    people = accounts(sqlite_db)
    _log_in(people, Role.OPERATOR)
    use_language("zh")
    page = ImportPage(sqlite_db)
    qtbot.addWidget(page)
    assert "只有管理员可以导入数据（您的角色：回访员）" in page.placeholder.text()
    assert not page.browse_button.isEnabled() and not page.path_edit.isEnabled()
    page.load_file(tmp_path / "cases.csv")
    assert not operations.busy()
    assert "只有管理员可以导入数据" in page.message_label.text()
    page.start_import()
    assert not operations.busy()


def test_an_administrator_may_import(sqlite_db, qtbot: QtBot):
    people = accounts(sqlite_db)
    _log_in(people, Role.ADMINISTRATOR)
    page = ImportPage(sqlite_db)
    qtbot.addWidget(page)
    assert page.browse_button.isEnabled()
    assert "选择要导入的文件" in page.placeholder.text()


@pytest.mark.parametrize(
    ("role", "enabled"),
    [
        # 受理单位, 回访结果 and 工作日历 open for everyone: read-only but for administrators.
        (Role.OPERATOR, [False, False, False, False, False, True, True, True, True, True]),
        (Role.TEAM_LEAD, [False, False, False, False, False, True, True, True, True, True]),
        (Role.AUDITOR, [False, True, False, False, False, True, True, True, True, True]),
        (Role.ADMINISTRATOR, [True] * 10),
        (None, [True, True, True, True, True, True, True, True, False, False]),  # nobody logs in
    ],
)
def test_the_admin_menu_follows_the_role(sqlite_db, qtbot: QtBot, role, enabled):
    people = accounts(sqlite_db)
    if role is not None:
        _log_in(people, role)
    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    menu = QMenu()
    actions = add_admin_actions(menu, window)
    assert [a.text() for a in actions] == [
        "人员与角色(&P)…",
        "审计日志(&U)…",
        "数据保留(&R)…",
        "加密数据库文件(&E)…",
        "免打扰号码(&D)…",
        "受理单位(&N)…",
        "回访结果(&O)…",
        "工作日历(&C)…",
        "修改密码(&W)…",
        "切换用户/注销(&L)…",
    ]
    assert [a.isEnabled() for a in actions] == enabled
    qtbot.waitUntil(lambda: not operations.busy())


@pytest.mark.parametrize(("role", "may_edit"), [(Role.OPERATOR, False), (Role.ADMINISTRATOR, True)])
def test_only_administrators_edit_the_service_phrases(
    sqlite_db, qtbot: QtBot, tmp_path, monkeypatch, role, may_edit
):
    monkeypatch.setenv(DRAFTS_DIR_ENV, str(tmp_path / "drafts"))
    people = accounts(sqlite_db)
    _log_in(people, role)
    page = CallDeskPage(sqlite_db)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.operator_id is not None and not operations.busy())
    assert page.phrases_panel.edit_button.isVisibleTo(page) is may_edit
    # Logged in, the desk's operator is that person: no name to choose, none to switch to.
    assert page.operator_id == page.logged_in.id
    assert page.body.currentWidget() is page.desk
    assert not page.switch_button.isVisibleTo(page)
    with sqlite_db.sessions() as session:
        # No staff record made for the name, as choosing a new name at the seat would.
        assert session.scalars(select(Staff.id).where(Staff.name == role.value)).all() == []
