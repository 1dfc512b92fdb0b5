"""Who is using this seat, with their role (app.roles): for the pages that ask what one may do.

Once anybody in the database has a password, everybody logs in (ui.login_dialog) and the person
logged in is the current user for this run. A database without passwords is a single seat with
no log-in: the person picks their name from the staff (remembered per seat in QSettings); until
a name is chosen, the seat's call-desk operator is used. Either way the role is the one on the
staff record, which only an administrator changes.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from sqlalchemy.orm import Session

from app.roles import Permission
from app.staff import StaffMember, active_member, active_member_named, active_members
from ui import preferences


def saved_user_name() -> str | None:
    """The name chosen at this seat, else its call-desk operator (where nobody logs in)."""
    return preferences.USER_NAME.get() or preferences.OPERATOR.get() or None


def save_user_name(name: str | None) -> None:
    preferences.USER_NAME.set(name)


# The person logged in at this seat for this run; None where nobody logs in.
_logged_in: StaffMember | None = None


def log_in_as(person: StaffMember | None) -> None:
    global _logged_in
    _logged_in = person


def logged_in() -> StaffMember | None:
    return _logged_in


def working_here() -> str | None:
    """The name recorded as who did what at this seat (scans filed, forms typed in, who
    verified a form): the person logged in; where nobody logs in, the operator the seat
    remembers, else the name chosen at this seat (on the board)."""
    if _logged_in is not None:
        return _logged_in.name
    return preferences.OPERATOR.get() or preferences.USER_NAME.get() or None


def permitted(permission: Permission) -> bool:
    """Whether the person at this seat may do this (no database access: for the GUI thread).

    The logged-in person's role decides. Without a log-in — a database where nobody has a
    password — everything is allowed: there is nobody to tell apart, and an administrator
    sets the first passwords to start using roles.
    """
    return _logged_in is None or _logged_in.may(permission)


def enable_for(menu: QMenu, action: QAction, permission: Permission, who_may: str) -> None:
    """Enable `action` only for the person at the seat who may (`permitted`), as the 管理 menu
    does, saying in its tooltip who may; looked at again each time `menu` opens, so that it
    follows a change of user. The action still checks when triggered."""

    def update() -> None:
        allowed = permitted(permission)
        action.setEnabled(allowed)
        action.setToolTip("" if allowed else who_may)

    update()
    menu.setToolTipsVisible(True)
    menu.aboutToShow.connect(update)


def current_staff(session: Session) -> StaffMember | None:
    """The person logged in, else the one chosen at this seat, as the database knows them now
    (their role may have changed); None when unknown or disabled."""
    if _logged_in is not None:
        return active_member(session, _logged_in.id)
    name = saved_user_name()
    return active_member_named(session, name) if name else None


def staff_choices(session: Session) -> list[StaffMember]:
    """Everyone who may be chosen: the active staff, by name; only oneself when logged in."""
    if _logged_in is not None:
        member = active_member(session, _logged_in.id)
        return [member] if member else []
    return active_members(session)
