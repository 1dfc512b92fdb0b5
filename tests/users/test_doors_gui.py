"""The window's door (issue 18): for each of the four roles, every role-gated action — the menus'
entries, the dialogs that edit, the import page, the board's tabs and buttons — is offered
exactly as app.roles grants, and what the window refuses it never opens. The services behind
them refuse too (tests/users/test_doors.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from app.roles import Permission, Role, may
from app.staff import StaffMember
from db.models import Staff
from ui import operations
from ui.admin import actions
from ui.admin.outcomes_dialog import OutcomesDialog
from ui.admin.units_dialog import UnitsDialog
from ui.calendar.calendar_dialog import CalendarDialog
from ui.current_user import log_in_as
from ui.importing.profile_dialog import ProfileDialog
from ui.main_window import MainWindow
from ui.pages.board_page import BoardPage
from ui.pages.import_page import ImportPage
from ui.settings.settings_dialog import SettingsDialog

from .helpers import accounts

PEOPLE = {
    "admin": ("赵管理", Role.ADMINISTRATOR),
    "lead": ("张组长", Role.TEAM_LEAD),
    "operator": ("王芳", Role.OPERATOR),
    "auditor": ("钱审计", Role.AUDITOR),
}

# The menus' entries that only some roles may use, and which permission each needs.
GATED_ENTRIES = {
    "立即备份…": Permission.ADMINISTER,
    "从备份恢复到新数据库…": Permission.ADMINISTER,
    "同步冲突(&C)…": Permission.LEAD_BOARD,
    "人员与角色(&P)…": Permission.ADMINISTER,
    "审计日志(&U)…": Permission.AUDIT,
    "数据保留(&R)…": Permission.ADMINISTER,
}
# Entries for every role (reading a file, exchanging sync files, looking things up).
OPEN_ENTRIES = (
    "校验备份…",
    "导出同步文件(&E)…",
    "导入同步文件(&I)…",
    "发送待回访业务件(&S)…",
    "受理单位(&N)…",
    "回访结果(&O)…",
    "工作日历(&C)…",
)


def _menu_entries(window: MainWindow) -> dict[str, object]:
    """Every entry of the 文件 menu (with 网点同步) and the 管理 menu, by text, filled and looked
    at as when opened."""
    found = {}
    for title in ("文件(&F)", "管理(&M)"):
        (menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == title]
        menu.aboutToShow.emit()  # filled when first opened
        found.update({a.text(): a for a in menu.actions() if a.text()})
        for sub in [a.menu() for a in menu.actions() if a.menu() is not None]:
            sub.aboutToShow.emit()
            found.update({a.text(): a for a in sub.actions() if a.text()})
        menu.aboutToShow.emit()  # opened again: enable_for looks at the user again
    return found


@pytest.fixture
def seat(sqlite_db, request):
    """The person of the test's role logged in at the seat."""
    people = accounts(sqlite_db)
    username = request.param
    name, role = PEOPLE[username]
    person = StaffMember(getattr(people, username), name, role)
    log_in_as(person)
    return person


@pytest.mark.parametrize("seat", list(PEOPLE), indirect=True)
def test_the_menus_offer_each_role_what_the_table_grants(sqlite_db, seat, qtbot: QtBot):
    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    found = _menu_entries(window)
    for text, permission in GATED_ENTRIES.items():
        assert found[text].isEnabled() is may(seat.role, permission), (seat.role, text)
    for text in OPEN_ENTRIES:
        assert found[text].isEnabled(), (seat.role, text)
    qtbot.waitUntil(lambda: not operations.busy())


@pytest.mark.parametrize("seat", list(PEOPLE), indirect=True)
def test_a_refused_entry_opens_nothing(sqlite_db, seat, qtbot: QtBot, monkeypatch):
    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    opened, told = [], []
    monkeypatch.setattr(actions, "_refused", lambda w: told.append(w))
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(type(self).__name__) or 0)
    for open_dialog, permission, dialog in (
        (actions.open_people, Permission.ADMINISTER, "PeopleDialog"),
        (actions.open_audit_trail, Permission.AUDIT, "AuditDialog"),
        (actions.open_retention, Permission.ADMINISTER, "RetentionDialog"),
    ):
        opened.clear()
        told.clear()
        open_dialog(window)
        if may(seat.role, permission):
            assert opened == [dialog] and told == []
        else:
            assert opened == [] and told == [window]
    qtbot.waitUntil(lambda: not operations.busy())


@pytest.mark.parametrize("seat", list(PEOPLE), indirect=True)
def test_the_dialogs_edit_only_for_administrators(sqlite_db, seat, qtbot: QtBot):
    administers = may(seat.role, Permission.ADMINISTER)
    for make, edits in (
        (SettingsDialog, lambda d: d.may_edit),
        (UnitsDialog, lambda d: d.editable),
        (OutcomesDialog, lambda d: d.editable),
        (CalendarDialog, lambda d: d.editable),
        (ProfileDialog, lambda d: d.editable),
    ):
        dialog = make(sqlite_db)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not operations.busy())
        assert edits(dialog) is administers, (seat.role, make.__name__)
        dialog.close()
    page = ImportPage(sqlite_db)
    qtbot.addWidget(page)
    assert page.browse_button.isEnabled() is administers
    assert ("只有管理员可以导入数据" in page.placeholder.text()) is not administers
    qtbot.waitUntil(lambda: not operations.busy())


@pytest.mark.parametrize("seat", list(PEOPLE), indirect=True)
def test_the_board_offers_each_role_its_tabs_and_buttons(sqlite_db, seat, qtbot: QtBot):
    page = BoardPage(sqlite_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.staff is not None and not operations.busy())
    role = seat.role
    assert page.tabs.isTabVisible(page.integrity_index) is may(role, Permission.SEE_INTEGRITY)
    leads = may(role, Permission.LEAD_BOARD)
    assert (page.board_tab.assign_button.toolTip() == "仅限组长、管理员分派") is not leads
    complaints, _capa, _feedback, assessment = _other_tabs(page)
    page.tabs.setCurrentWidget(complaints)
    qtbot.waitUntil(lambda: not operations.busy())
    assert complaints.register_button.isEnabled() is may(role, Permission.REGISTER_COMPLAINTS)
    assert assessment.permitted() is may(role, Permission.SEE_ASSESSMENT)
    qtbot.waitUntil(lambda: not operations.busy())


def _other_tabs(page: BoardPage):
    from ui.complaints.capa_tab import CapaTab
    from ui.complaints.complaints_tab import ComplaintsTab
    from ui.feedback.assessment_tab import AssessmentTab
    from ui.feedback.unit_feedback_tab import UnitFeedbackTab

    by_class = {type(tab): tab for tab in page.other_tabs}
    return (
        by_class[ComplaintsTab],
        by_class[CapaTab],
        by_class[UnitFeedbackTab],
        by_class[AssessmentTab],
    )


def test_the_seat_that_gives_the_first_password_logs_in_at_once(sqlite_db, qtbot, monkeypatch):
    """Until then the seat worked as nobody; from the first password on, the services refuse
    nobody (app.staff.acting_member), so the window asks who is at the seat right away."""
    from app.staff import add_staff
    from app.users import set_password, set_username
    from ui.admin.people_dialog import PeopleDialog

    window = MainWindow(sqlite_db, "zh")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not operations.busy())  # what the window reads at its start
    made = []

    def first_password(_dialog) -> int:  # what the administrator does in the dialog
        with sqlite_db.sessions.begin() as session:
            person = add_staff(session, "孙敏", "administrator")
            set_username(session, person.id, "sunmin")
            set_password(session, person.id, "First pass 1")
            made.append(person.id)
        return 0

    asked = []

    def log_in(database, parent, *, switching=False) -> bool:
        asked.append(switching)
        log_in_as(StaffMember(made[0], "孙敏", Role.ADMINISTRATOR))
        return True

    monkeypatch.setattr(PeopleDialog, "exec", first_password)
    monkeypatch.setattr(actions, "log_in", log_in)
    actions.open_people(window)
    assert asked == [True]
    qtbot.waitUntil(lambda: not operations.busy())
    # Nobody logged in and nothing changed: nothing is asked.
    log_in_as(None)
    asked.clear()
    monkeypatch.setattr(PeopleDialog, "exec", lambda _dialog: 0)
    with sqlite_db.sessions.begin() as session:
        session.execute(update(Staff).values(password_hash=None))
    actions.open_people(window)
    assert asked == []
