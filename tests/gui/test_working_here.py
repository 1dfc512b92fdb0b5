"""Who is recorded as having done what at a seat: the person logged in, else the seat's
operator (where nobody logs in). Scans filed and Form B answers typed in used the seat's
remembered operator even while somebody else was logged in."""

from __future__ import annotations

from app.roles import Role
from app.staff import StaffMember
from ui import preferences
from ui.current_user import log_in_as, working_here


def test_the_person_logged_in_is_recorded_not_the_seats_last_operator():
    preferences.OPERATOR.set("王回访")
    assert working_here() == "王回访"
    log_in_as(StaffMember(7, "李管理", Role.ADMINISTRATOR))
    assert working_here() == "李管理"
    log_in_as(None)
    preferences.OPERATOR.set(None)
    assert working_here() is None
