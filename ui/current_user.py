"""Who is using this seat, with their role (app.roles): for the pages that ask what one may do.

There are no logins yet: the person picks their name from the staff (remembered per seat in
QSettings); their role is the one on their staff record, which only an administrator changes
(`main.py staff role NAME ROLE`). Until a name is chosen, the seat's call-desk operator is used.
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


def staff_by_name(session: Session, name: str) -> CurrentStaff | None:
    row = session.execute(
        select(Staff.id, Staff.name, Staff.role)
        .where(Staff.name == name.strip(), Staff.active.is_(True))
        .order_by(Staff.id)
        .limit(1)
    ).first()
    return CurrentStaff(row.id, row.name, role_of(row.role)) if row else None


def current_staff(session: Session) -> CurrentStaff | None:
    """The person chosen at this seat, as the database knows them now; None when unknown."""
    name = saved_user_name()
    return staff_by_name(session, name) if name else None


def staff_choices(session: Session) -> list[CurrentStaff]:
    """Everyone who may be chosen: the active staff, by name."""
    rows = session.execute(
        select(Staff.id, Staff.name, Staff.role)
        .where(Staff.active.is_(True))
        .order_by(Staff.name, Staff.id)
    ).all()
    return [CurrentStaff(r.id, r.name, role_of(r.role)) for r in rows]
