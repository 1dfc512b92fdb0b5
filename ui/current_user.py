"""Who is using this seat, with their role (app.roles): for the pages that ask what one may do.

Once anybody in the database has a password, everybody logs in (ui.login_dialog) and the person
logged in is the current user for this run. A database without passwords is a single seat with
no log-in: the person picks their name from the staff (remembered per seat in QSettings); until
a name is chosen, the seat's call-desk operator is used. Either way the role is the one on the
staff record, which only an administrator changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.roles import Permission, Role, may, role_of
from db.models import Staff
from ui import preferences
from ui.desk.seat import saved_operator

_USER_KEY = "user/name"


@dataclass(frozen=True)
class CurrentStaff:
    id: int
    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return may(self.role, permission)


def _settings() -> QSettings:
    return QSettings(preferences.ORGANIZATION, preferences.APPLICATION)


def saved_user_name() -> str | None:
    name = _settings().value(_USER_KEY, "")
    name = name.strip() if isinstance(name, str) else ""
    return name or saved_operator()


def save_user_name(name: str | None) -> None:
    if name:
        _settings().setValue(_USER_KEY, name.strip())
    else:
        _settings().remove(_USER_KEY)


# The person logged in at this seat for this run; None where nobody logs in.
_logged_in: CurrentStaff | None = None


def log_in_as(person: CurrentStaff | None) -> None:
    global _logged_in
    _logged_in = person


def logged_in() -> CurrentStaff | None:
    return _logged_in


def permitted(permission: Permission) -> bool:
    """Whether the person at this seat may do this (no database access: for the GUI thread).

    The logged-in person's role decides. Without a log-in — a database where nobody has a
    password — everything is allowed: there is nobody to tell apart, and an administrator
    sets the first passwords to start using roles.
    """
    return _logged_in is None or _logged_in.may(permission)


def staff_by_name(session: Session, name: str) -> CurrentStaff | None:
    row = session.execute(
        select(Staff.id, Staff.name, Staff.role)
        .where(Staff.name == name.strip(), Staff.active.is_(True))
        .order_by(Staff.id)
        .limit(1)
    ).first()
    return CurrentStaff(row.id, row.name, role_of(row.role)) if row else None


def current_staff(session: Session) -> CurrentStaff | None:
    """The person logged in, else the one chosen at this seat, as the database knows them now
    (their role may have changed); None when unknown or disabled."""
    if _logged_in is not None:
        row = session.execute(
            select(Staff.id, Staff.name, Staff.role).where(
                Staff.id == _logged_in.id, Staff.active.is_(True)
            )
        ).first()
        return CurrentStaff(row.id, row.name, role_of(row.role)) if row else None
    name = saved_user_name()
    return staff_by_name(session, name) if name else None


def staff_choices(session: Session) -> list[CurrentStaff]:
    """Everyone who may be chosen: the active staff, by name; only oneself when logged in."""
    query = select(Staff.id, Staff.name, Staff.role).where(Staff.active.is_(True))
    if _logged_in is not None:
        query = query.where(Staff.id == _logged_in.id)
    rows = session.execute(query.order_by(Staff.name, Staff.id)).all()
    return [CurrentStaff(r.id, r.name, role_of(r.role)) for r in rows]
